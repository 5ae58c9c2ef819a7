// Runs the grammar of each enabled language over a masked text and merges the results in offset order,
// then cuts the text into sentences (the scope of a sentence topic and of qualifier carry-over).

import { sentenceStart, type AliasDefinition, type CitationLanguage, type CitationScan, type CitationSyntax, type LanguageScan, type ScanOptions, type TreatyMention } from '../types';
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
  return { citations, mentions, aliases, sentenceEnds: splitSentences(masked) };
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
 * Returns where each sentence ends (`CitationScan.sentenceEnds`).
 */
export function splitSentences(text: string): number[] {
  const ends: number[] = [];
  splitSentencesFrom(text, 0, text.length, 0, ends, () => false);
  return ends;
}

/** How far the splitter looks past a character to decide on it (a list item's mark on the next line). */
const LOOKAHEAD = 8;
/** How much of the masked text past the change the splitter is first given (four times more each time it runs out). */
const RESPLIT_REACH = 4096;

/**
 * Splits the new masked text again after an edit that replaced `[start, end - delta)` of the old text by `[start, end)`,
 * re-running the splitter only from a sentence start before the change until its boundaries meet the old ones again
 * past it. `masked(from, to)` gives a part of the new masked text, `length` its length: only the part read is made.
 * `ends` equals `splitSentences(newText)` (test/fuzz/reading.test.ts compares them); its first `kept` sentences are
 * the old ones, before the change.
 */
export function resplitSentences(
  old: readonly number[],
  masked: (from: number, to: number) => string,
  length: number,
  start: number,
  end: number,
  delta: number,
): { ends: number[]; kept: number } {
  const afresh = () => ({ ends: splitSentences(masked(0, length)), kept: 0 });
  // Resume at a sentence start that no decision before it could have read past: far enough before the change,
  // with a character that is not white space in between (a full stop looks ahead over white space).
  // (A line feed after a carriage return reads LOOKAHEAD characters from one past it, hence the 2.)
  const before = start - LOOKAHEAD - 2;
  let first = before < 0 || old.length === 0 ? -1 : Math.min(partitionPoint(old.length, (index) => old[index]! <= before), old.length - 1);
  while (first > 0 && !/\S/.test(masked(sentenceStart(old, first), start))) first--;
  if (first <= 0) return afresh();
  const from = old[first - 1]!;
  // The splitter looks back to the start of the line it begins in.
  const head = masked(Math.max(0, from - 4096), from);
  const lineBreak = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
  const base = lineBreak >= 0 ? from - head.length + lineBreak + 1 : from > 4096 ? -1 : 0;
  if (base < 0) return afresh();
  const ends = old.slice(0, first);
  for (let reach = RESPLIT_REACH; ; reach *= 4) {
    const to = Math.min(length, end + reach);
    // The old sentence ending where the new one just closed, if any: the old ones after it hold, moved.
    let meeting = first - 1;
    const stoppedAt = splitSentencesFrom(masked(base, to), base, length, from, ends, (boundary) => {
      if (boundary < end + LOOKAHEAD) return false;
      while (meeting < old.length && old[meeting]! < boundary - delta) meeting++;
      return meeting < old.length - 1 && old[meeting]! === boundary - delta;
    });
    if (stoppedAt === undefined) {
      // The sentences met no old boundary in the part given: start again with more of the text.
      ends.length = first;
      continue;
    }
    if (stoppedAt !== null) for (let index = meeting + 1; index < old.length; index++) ends.push(old[index]! + delta);
    return { ends, kept: first };
  }
}

/**
 * The splitter itself, started at a sentence start `from` (its only state is where the sentence and the line began),
 * pushing each sentence's end onto `ends`; stops at the first sentence start `stop` accepts and returns it, or null at
 * the end. `text` is the part from `base` on (from the start of the line `from` is in) of a text `length` long; when it
 * is not all of the rest, the splitter returns undefined where it would read past it.
 */
function splitSentencesFrom(
  text: string,
  base: number,
  length: number,
  from: number,
  ends: number[],
  stop: (boundary: number) => boolean,
): number | null | undefined {
  const cut = base + text.length < length;
  // A decision at a character reads a few characters past it (past a line break, LOOKAHEAD more).
  const limit = cut ? text.length - LOOKAHEAD - 3 : text.length;
  let start = from - base;
  let stopped: number | null = null;
  const close = (end: number): boolean => {
    if (end > start) ends.push(end + base);
    start = end;
    if (end + base < length && stop(end + base)) stopped = end + base;
    return stopped !== null;
  };
  let lineStart = from - base;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  // Every character of every document passes here: compared by its code, since a one-character string of a
  // Japanese text is a new string each time.
  for (let index = from - base; index < text.length; index++) {
    if (index >= limit) return undefined;
    const code = text.charCodeAt(index);
    if (code === 0x3002 /* 。 */ || code === 0xff01 /* ！ */ || code === 0xff1f /* ？ */) {
      if (close(index + 1)) return stopped;
    } else if (code === 0x2e /* . */ || code === 0x21 /* ! */ || code === 0x3f /* ? */) {
      if (!/\s/.test(text[index + 1] ?? '')) continue;
      const next = nextNonSpace(text, index + 1);
      if (next === '' && cut) return undefined;
      if (/[A-ZА-ЯЁ"“(]/.test(next) && (code !== 0x2e || !ABBREVIATIONS.test(text.slice(Math.max(lineStart, index - 6), index)))) {
        if (close(index + 1)) return stopped;
      }
    } else if (code === 0x0a || code === 0x0d) {
      const isHeading = text.charCodeAt(lineStart) === 0x23; // #
      let next = index + 1;
      if (code === 0x0d && text.charCodeAt(next) === 0x0a) next++;
      if (isHeading || text.charCodeAt(next) === 0x23 || LIST_ITEM.test(text.slice(next, next + LOOKAHEAD))) {
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
