// Runs the grammar of each enabled language over a masked text and merges the results in offset order,
// then cuts the text into sentences (the scope of a sentence topic and of qualifier carry-over).

import type { AliasDefinition, CitationLanguage, CitationScan, CitationSyntax, LanguageScan, ScanOptions, Sentence, TreatyMention } from '../types';
import { scanEnglish } from './english';
import { scanJapanese } from './japanese';
import { scanRussian } from './russian';

const SCANNERS: Readonly<Record<CitationLanguage, (text: string, options: ScanOptions) => LanguageScan>> = {
  ja: scanJapanese,
  en: scanEnglish,
  ru: scanRussian,
};

/** Finds every citation, treaty mention, alias definition and sentence in `masked`. */
export function scanCitations(masked: string, languages: readonly CitationLanguage[], options: ScanOptions): CitationScan {
  const parts = languages.map((language) => SCANNERS[language](masked, options));
  const citations = mergeCitations(parts.map((part) => part.citations));
  const mentions: TreatyMention[] = parts.flatMap((part) => part.mentions).sort((a, b) => a.span.start - b.span.start);
  const aliases: AliasDefinition[] = parts.flatMap((part) => part.aliases).sort((a, b) => a.span.start - b.span.start);
  return { citations, mentions, aliases, sentences: splitSentences(masked) };
}

/** Merges per-language lists (each sorted) and renumbers `seriesPrevious` into the merged list. */
function mergeCitations(lists: readonly (readonly CitationSyntax[])[]): CitationSyntax[] {
  if (lists.length === 1) return [...lists[0]!];
  const tagged = lists.flatMap((list, listIndex) => list.map((citation, index) => ({ citation, listIndex, index })));
  tagged.sort((a, b) => a.citation.span.start - b.citation.span.start || a.listIndex - b.listIndex);
  const newIndex = new Map<string, number>();
  tagged.forEach((entry, position) => newIndex.set(`${entry.listIndex}:${entry.index}`, position));
  return tagged.map(({ citation, listIndex }) =>
    citation.seriesPrevious === null
      ? citation
      : { ...citation, seriesPrevious: newIndex.get(`${listIndex}:${citation.seriesPrevious}`) ?? null },
  );
}

const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s/;

// Abbreviations after which a full stop does not end an English or Russian sentence.
const ABBREVIATIONS = /(?:\b(?:Art|Arts|No|Nos|para|paras|e\.g|i\.e|cf|St|Mr|Mrs|Dr|Prof|vol|p|pp|U\.N|U\.S|ст|п|ч|пп|см|т)|\b[A-Z])$/;

/**
 * Sentences end at 。！？, at `.`/`!`/`?` followed by a space and a capital letter (unless after an
 * abbreviation), at the end of a heading line and before a list item. Line breaks, even blank lines,
 * do not end one: text pasted from PDFs breaks lines (often with blank lines between) mid-sentence.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const close = (end: number): void => {
    if (end > start) sentences.push({ span: { start, end } });
    start = end;
  };
  let lineStart = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (character === '。' || character === '！' || character === '？') {
      close(index + 1);
    } else if ((character === '.' || character === '!' || character === '?') && /\s/.test(text[index + 1] ?? '') && /[A-ZА-ЯЁ"“(]/.test(nextNonSpace(text, index + 1))) {
      if (character !== '.' || !ABBREVIATIONS.test(text.slice(Math.max(lineStart, index - 6), index))) close(index + 1);
    } else if (character === '\n' || character === '\r') {
      const isHeading = text[lineStart] === '#';
      let next = index + 1;
      if (character === '\r' && text[next] === '\n') next++;
      if (isHeading || text[next] === '#' || LIST_ITEM.test(text.slice(next, next + 8))) close(index);
      lineStart = next;
      index = next - 1;
    }
  }
  close(text.length);
  return sentences;
}

function nextNonSpace(text: string, from: number): string {
  let index = from;
  while (index < text.length && /\s/.test(text[index]!)) index++;
  return text[index] ?? '';
}
