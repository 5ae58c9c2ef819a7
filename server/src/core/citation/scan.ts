// Runs the grammar of each enabled language over a masked text and merges the results in offset order,
// then cuts the text into sentences (the scope of a sentence topic and of qualifier carry-over).

import type { AliasDefinition, CitationLanguage, CitationScan, CitationSyntax, LanguageScan, ScanOptions, Sentence, TreatyMention } from '../types';
import { scanEnglish } from './english';
import { scanJapanese } from './japanese';
import { scanRussian } from './russian';
import { partitionPoint } from '../text/search';

// English and French share one Latin-script scanner (french.ts holds the French forms), which gives each citation
// its language; either language turns it on, and it runs once when both are.
const SCANNERS: Readonly<Record<CitationLanguage, (text: string, options: ScanOptions) => LanguageScan>> = {
  ja: scanJapanese,
  en: scanEnglish,
  fr: scanEnglish,
  ru: scanRussian,
};

/** Finds every citation, treaty mention, alias definition and sentence in `masked`. */
export function scanCitations(masked: string, languages: readonly CitationLanguage[], options: ScanOptions): CitationScan {
  const parts = [...new Set(languages.map((language) => SCANNERS[language]))].map((scanner) => scanner(masked, options));
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
  splitSentencesFrom(text, 0, sentences, () => false);
  return sentences;
}

/** How far the splitter looks past a character to decide on it (a list item's mark on the next line). */
const LOOKAHEAD = 8;

/**
 * Splits `newText` again after an edit that replaced `[start, end - delta)` of the old text by `[start, end)`,
 * re-running the splitter only from a sentence start before the change until its boundaries meet the old
 * ones again past it. Equals `splitSentences(newText)` (test/fuzz/reading.test.ts compares them).
 */
export function resplitSentences(old: readonly Sentence[], newText: string, start: number, end: number, delta: number): Sentence[] {
  // Resume at a sentence start that no decision before it could have read past: far enough before the change,
  // with a character that is not white space in between (a full stop looks ahead over white space).
  // (A line feed after a carriage return reads LOOKAHEAD characters from one past it, hence the 2.)
  let first = upperBound(old, start - LOOKAHEAD - 2) - 1;
  while (first > 0 && !/\S/.test(newText.slice(old[first]!.span.start, start))) first--;
  if (first <= 0) return splitSentences(newText);
  const sentences = old.slice(0, first);
  let resumeOld = first;
  const stoppedAt = splitSentencesFrom(newText, old[first]!.span.start, sentences, (boundary) => {
    if (boundary < end + LOOKAHEAD) return false;
    while (resumeOld < old.length && old[resumeOld]!.span.start < boundary - delta) resumeOld++;
    return resumeOld < old.length && old[resumeOld]!.span.start === boundary - delta;
  });
  if (stoppedAt !== null) {
    for (let index = resumeOld; index < old.length; index++) {
      const span = old[index]!.span;
      sentences.push({ span: { start: span.start + delta, end: span.end + delta } });
    }
  }
  return sentences;
}

/** The number of sentences that start at or before `offset`. */
function upperBound(sentences: readonly Sentence[], offset: number): number {
  return partitionPoint(sentences.length, (index) => sentences[index]!.span.start <= offset);
}

/**
 * The splitter itself, started at a sentence start `from` (its only state is where the sentence and the line began),
 * pushing onto `sentences`; stops at the first sentence start `stop` accepts and returns it, or null at the end.
 */
function splitSentencesFrom(text: string, from: number, sentences: Sentence[], stop: (boundary: number) => boolean): number | null {
  let start = from;
  let stopped: number | null = null;
  const close = (end: number): boolean => {
    if (end > start) sentences.push({ span: { start, end } });
    start = end;
    if (end < text.length && stop(end)) stopped = end;
    return stopped !== null;
  };
  let lineStart = from;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  for (let index = from; index < text.length; index++) {
    const character = text[index]!;
    if (character === '。' || character === '！' || character === '？') {
      if (close(index + 1)) return stopped;
    } else if ((character === '.' || character === '!' || character === '?') && /\s/.test(text[index + 1] ?? '') && /[A-ZА-ЯЁ"“(]/.test(nextNonSpace(text, index + 1))) {
      if (character !== '.' || !ABBREVIATIONS.test(text.slice(Math.max(lineStart, index - 6), index))) {
        if (close(index + 1)) return stopped;
      }
    } else if (character === '\n' || character === '\r') {
      const isHeading = text[lineStart] === '#';
      let next = index + 1;
      if (character === '\r' && text[next] === '\n') next++;
      if (isHeading || text[next] === '#' || LIST_ITEM.test(text.slice(next, next + LOOKAHEAD))) {
        if (close(index)) return stopped;
      }
      lineStart = next;
      index = next - 1;
    }
  }
  close(text.length);
  return null;
}

function nextNonSpace(text: string, from: number): string {
  let index = from;
  while (index < text.length && /\s/.test(text[index]!)) index++;
  return text[index] ?? '';
}
