// The English citation grammar: Article / paragraph / sub-paragraph pointers in either order, lists and
// ranges, anaphora (this / that / the preceding Article), attached instrument names, mentions and aliases.
// It is the Latin-script scanner: it reads the French forms too, asking french.ts where French differs, and gives
// each citation the language it is written in. It parses by hand from each trigger word, so any input scans in
// linear time; the loop, gaps and result assembly are western.ts's, shared with the Russian grammar.

import type { LanguageScan, LevelRef, Qualifier, ScanOptions } from '../types';
import {
  FRENCH_OF_WORDS,
  FRENCH_PARAGRAPH_WORD,
  FRENCH_TRIGGERS,
  frenchConnector,
  frenchElidedArticleLength,
  frenchFirstEnd,
  latinCitationLanguage,
  readFrenchQualifier,
} from './french';
import { isCapitalRun, isLetter, isLower, isUpper, isWordCode, wordEnd, wordStart } from './latin';
import { parseArabicNumber, parseRomanNumber } from '../text/numerals';
import {
  MAX_GAP,
  MAX_WORD,
  appendMember,
  atSentenceStart,
  determinedQualifier,
  isDefinitionLabel,
  isDigit,
  isHorizontalSpace,
  nameQualifier,
  newMember,
  normaliseSpace,
  numberRef,
  scanWestern,
  skipGap,
  skipGapBack,
  wordBefore,
  type Context,
  type Group,
  type Member,
  type MentionGrammar,
  type NameToken,
  type QualifierToken,
  type WesternGrammar,
} from './western';

// ---------------------------------------------------------------------------------------------
// Characters and small tokens
// ---------------------------------------------------------------------------------------------

/** Skips spaces (not line breaks) backwards. */
function skipSpacesBack(text: string, index: number): number {
  let position = index;
  while (position > 0 && index - position <= MAX_GAP && isHorizontalSpace(text.charCodeAt(position - 1))) position--;
  return position;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/** Trigger words; everything else is parsed by hand from there. */
const TRIGGER = new RegExp(String.raw`\b(?:sub[- ]?paragraphs?|paragraphs?|paras?\.?|articles?|arts?\.?|preamble|annex|chapters?|${FRENCH_TRIGGERS})(?![A-Za-z])`, 'gi');

/** Words that name an instrument when they end (or head) a proper name. */
const INSTRUMENT_NOUNS: ReadonlySet<string> = new Set([
  'treaty', 'charter', 'convention', 'agreement', 'protocol', 'declaration', 'statute', 'covenant', 'pact',
  'accord', 'resolution', 'constitution', 'memorandum',
]);
/** The subset that makes a passing mention of an instrument (sentence topics, qualifiers). */
const MENTION_HEAD = /\b(?:Treaty|Charter|Convention|Agreement|Protocol|Declaration|Statute|Covenant|Pact|Accord|Resolution)\b/g;

/** Lower-case words allowed inside a multi-word instrument name. */
const NAME_CONNECTORS: ReadonlySet<string> = new Set([
  'of', 'on', 'to', 'between', 'for', 'and', 'the', 'concerning', 'against', 'in', 'relating', 'with', 'among',
]);

/** Capitalised words that never belong to an instrument name (sentence openers, provision words). */
const NAME_STOPWORDS: ReadonlySet<string> = new Set([
  'the', 'this', 'that', 'these', 'those', 'under', 'in', 'see', 'as', 'by', 'for', 'with', 'and', 'of', 'to',
  'on', 'at', 'from', 'per', 'pursuant', 'according', 'also', 'but', 'its', 'their', 'both', 'each', 'article',
  'articles', 'art', 'arts', 'paragraph', 'paragraphs', 'chapter', 'chapters', 'annex', 'preamble', 'section',
  'if', 'when', 'while', 'although', 'unlike', 'like', 'after', 'before', 'since', 'because', 'whereas', 'thus',
  'hence', 'moreover', 'however', 'furthermore', 'a', 'an', 'it', 'we', 'they', 'he', 'she', 'our', 'my',
  'your', 'such', 'other', 'any', 'all', 'no', 'not', 'neither', 'nor', 'or', 'then', 'here', 'there', 'where',
  'which', 'who', 'whose', 'what', 'how', 'why', 'only', 'even', 'just', 'i', 'note', 'cf', 'is', 'are', 'was',
  'were', 'be', 'has', 'have', 'had', 'do', 'does', 'did', 'can', 'may', 'shall', 'will', 'would', 'should',
  'within', 'without', 'via', 'between', 'into', 'upon', 'about', 'during', 'following', 'preceding', 'present',
  'said', 'same', 'next', 'previous', 'every', 'some', 'many', 'most', 'more', 'new', 'old', 'first', 'last',
  'party', 'parties',
]);

const LATIN_BRANCHES: ReadonlySet<string> = new Set([
  'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies',
]);

/** Determiners before a bare `Article` and what they make of it. */
const ARTICLE_DETERMINERS: Readonly<Record<string, { ref: LevelRef; kind: string; needsThe: boolean }>> = {
  this: { ref: { kind: 'this' }, kind: 'this-article', needsThe: false },
  that: { ref: { kind: 'same' }, kind: 'same-article', needsThe: false },
  present: { ref: { kind: 'this' }, kind: 'this-article', needsThe: true },
  said: { ref: { kind: 'same' }, kind: 'same-article', needsThe: true },
  same: { ref: { kind: 'same' }, kind: 'same-article', needsThe: true },
  preceding: { ref: { kind: 'previous', count: 1 }, kind: 'previous-article', needsThe: false },
  previous: { ref: { kind: 'previous', count: 1 }, kind: 'previous-article', needsThe: false },
  following: { ref: { kind: 'next' }, kind: 'next-article', needsThe: false },
  next: { ref: { kind: 'next' }, kind: 'next-article', needsThe: false },
};

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

interface NumberToken {
  readonly value: string;
  readonly end: number;
  readonly roman: boolean;
}

/** `5`, `IV` (only after a capitalised word), `7 bis` → `7_bis`, French `premier` / `1er` → `1`; null when a letter or digit runs on. */
function readArticleNumber(text: string, index: number, allowRoman: boolean): NumberToken | null {
  const firstEnd = frenchFirstEnd(text, index);
  if (firstEnd >= 0) return { value: '1', end: firstEnd, roman: false };
  let position = index;
  while (position < text.length && position - index <= 6 && isDigit(text.charCodeAt(position))) position++;
  let value: string;
  let roman = false;
  if (position > index) {
    if (position - index > 6) return null;
    value = String(parseArabicNumber(text.slice(index, position)));
  } else {
    if (!allowRoman) return null;
    while (position < text.length && position - index <= 12 && 'IVXLCDM'.includes(text[position]!)) position++;
    const number = position > index ? parseRomanNumber(text.slice(index, position)) : null;
    if (number === null) return null;
    value = String(number);
    roman = true;
  }
  // A branch suffix (`7 bis`, `7bis`) joins the number; any other letter means this is not an article number.
  const branchStart = text.charCodeAt(position) === 0x20 ? position + 1 : position;
  const branchEnd = wordEnd(text, branchStart);
  if (branchEnd > branchStart && LATIN_BRANCHES.has(text.slice(branchStart, branchEnd)) && !isDigit(text.charCodeAt(branchEnd))) {
    return { value: `${value}_${text.slice(branchStart, branchEnd)}`, end: branchEnd, roman };
  }
  if (isWordCode(text.charCodeAt(position))) return null;
  return { value, end: position, roman };
}

/** A paragraph number: up to three digits not running on into a word. */
function readSmallNumber(text: string, index: number): { value: string; end: number } | null {
  let position = index;
  while (position < text.length && position - index <= 3 && isDigit(text.charCodeAt(position))) position++;
  if (position === index || position - index > 3 || isWordCode(text.charCodeAt(position))) return null;
  return { value: String(parseArabicNumber(text.slice(index, position))), end: position };
}

interface ParenToken {
  readonly kind: 'number' | 'letters';
  readonly value: string;
  readonly end: number;
}

/** `(1)`, `(c)`, `(ii)` at `index`. */
function readParen(text: string, index: number): ParenToken | null {
  if (text.charCodeAt(index) !== 0x28) return null;
  let position = index + 1;
  if (isDigit(text.charCodeAt(position))) {
    while (position - index <= 4 && isDigit(text.charCodeAt(position))) position++;
    if (text.charCodeAt(position) !== 0x29 || position - index > 4) return null;
    return { kind: 'number', value: String(parseArabicNumber(text.slice(index + 1, position))), end: position + 1 };
  }
  while (position - index <= 5 && isLower(text.charCodeAt(position))) position++;
  if (position === index + 1 || text.charCodeAt(position) !== 0x29) return null;
  const letters = text.slice(index + 1, position);
  // `(aa)` or a lower-case Roman numeral; anything longer is a word in brackets.
  if (letters.length > 2 && parseRomanNumber(letters) === null) return null;
  return { kind: 'letters', value: letters, end: position + 1 };
}

// ---------------------------------------------------------------------------------------------
// Groups: one written pointer, possibly a list or range of several provisions
// ---------------------------------------------------------------------------------------------

/** Parenthesised levels after a number: `(1)(a)(ii)`; fills what is still empty, in order. */
function readParens(text: string, member: Member, index: number, allowSpace: boolean): number {
  let position = index;
  for (;;) {
    const open = allowSpace && text.charCodeAt(position) === 0x20 ? position + 1 : position;
    const paren = readParen(text, open);
    if (paren === null) return position;
    if (paren.kind === 'number') {
      if (member.paragraph !== null || member.item !== null || paren.value.length > 3) return position;
      member.paragraph = numberRef(paren.value);
    } else if (member.item === null) {
      member.item = numberRef(paren.value);
    } else if (member.subitem === null) {
      member.subitem = paren.value;
    } else {
      return position;
    }
    position = paren.end;
    member.end = position;
    allowSpace = false;
  }
}

type Level = 'article' | 'paragraph' | 'item';

interface Connector {
  readonly end: number;
  readonly range: boolean;
  /** Only a comma: joins bare numbers only after a plural word (`Articles 77, 79, and 81`). */
  readonly commaOnly: boolean;
}

/**
 * `,` `and` `or` `, and` `and/or` (list) or `to` `through` `-` `–` (range) followed by the next member; French
 * `et` / `ou` and `à` too (`articles 2 et 3`, `articles 10 à 13`).
 */
function readConnector(text: string, index: number): Connector | null {
  let position = index;
  const comma = text.charCodeAt(position) === 0x2c;
  if (comma) position++;
  const start = skipGap(text, position);
  const code = text.charCodeAt(start);
  if (!comma && (code === 0x2d || code === 0x2013)) return { end: skipGap(text, start + 1), range: true, commaOnly: false };
  const end = wordEnd(text, start);
  const word = text.slice(start, end);
  const french = start > position ? frenchConnector(word) : null;
  if (start > position && (word === 'and' || word === 'or' || french === 'list')) {
    if (text.startsWith('/or', end)) return { end: skipGap(text, end + 3), range: false, commaOnly: false };
    const after = skipGap(text, end);
    return after > end ? { end: after, range: false, commaOnly: false } : null;
  }
  if (!comma && start > position && (word === 'to' || word === 'through' || french === 'range')) {
    const after = skipGap(text, end);
    return after > end ? { end: after, range: true, commaOnly: false } : null;
  }
  if (comma && start > position) return { end: start, range: false, commaOnly: true };
  return null;
}

interface SeriesState {
  /** The level the series counts at (the level a bare number continues). */
  readonly level: Level;
  readonly roman: boolean;
  readonly allowComma: boolean;
}

/** Reads further members after `members[0]`; each copies the higher levels of the member before it. */
function continueSeries(ctx: Context, members: Member[], state: SeriesState): void {
  const { text } = ctx;
  for (;;) {
    const previous = members[members.length - 1]!;
    const connector = readConnector(text, previous.end);
    if (connector === null) return;
    const start = connector.end;
    const member = newMember(start, start);
    const paren = readParen(text, start);
    if (connector.commaOnly && paren === null && !state.allowComma) return;
    if (paren !== null) {
      // `Article 5(1) and (2)`, `paragraph 1 (a) and (b)`: a parenthesised member continues a lower level.
      if (paren.kind === 'number' && previous.paragraph !== null && state.level !== 'item') {
        member.article = previous.article;
        member.paragraph = numberRef(paren.value);
        member.end = readParens(text, member, paren.end, false);
      } else if (paren.kind === 'letters' && previous.item !== null) {
        member.article = previous.article;
        member.paragraph = previous.paragraph;
        member.item = numberRef(paren.value);
        member.end = readParens(text, member, paren.end, false);
      } else {
        return;
      }
    } else if (state.level === 'article') {
      const number = readArticleNumber(text, start, state.roman);
      if (number === null || number.roman !== state.roman) return;
      member.article = numberRef(number.value);
      member.end = readParens(text, member, number.end, false);
    } else if (state.level === 'paragraph') {
      const number = readSmallNumber(text, start);
      if (number === null) return;
      member.article = previous.article;
      member.paragraph = numberRef(number.value);
      member.end = readParens(text, member, number.end, true);
    } else {
      return;
    }
    if (!appendMember(members, member, connector.range)) return;
  }
}

// ---------------------------------------------------------------------------------------------
// Instrument names and qualifiers
// ---------------------------------------------------------------------------------------------

function isAcronym(word: string): boolean {
  return isCapitalRun(word) && !NAME_STOPWORDS.has(word.toLowerCase());
}

/** Reads a capitalised word with inner hyphens or apostrophes (`Non-Proliferation`); returns its end. */
function capitalisedWordEnd(text: string, index: number): number {
  if (!isUpper(text.charCodeAt(index))) return index;
  let position = wordEnd(text, index);
  while (
    (text.charCodeAt(position) === 0x2d || text.charCodeAt(position) === 0x27) &&
    isLetter(text.charCodeAt(position + 1)) &&
    !(text.charCodeAt(position) === 0x27 && text.charCodeAt(position + 1) === 0x73 && !isLetter(text.charCodeAt(position + 2)))
  ) {
    position = wordEnd(text, position + 1);
  }
  return position;
}

/**
 * A proper instrument name starting at `index`: capitalised words joined by `of`, `on`, `the`, … that contain
 * an instrument noun (`North Atlantic Treaty`, `Charter of the United Nations`) or are an acronym (`NATO`).
 * A following `and` that starts a second instrument name is left out.
 */
function readName(text: string, index: number): NameToken | null {
  let position = index;
  let end = -1;
  let sawHead = false;
  let onlyAcronyms = true;
  let endBeforeAnd = -1;
  let previousWasHead = false;
  for (let tokens = 0; tokens < 24; tokens++) {
    const code = text.charCodeAt(position);
    if (isUpper(code)) {
      const tokenEnd = capitalisedWordEnd(text, position);
      const word = text.slice(position, tokenEnd);
      const lower = word.toLowerCase();
      if (tokenEnd - position > MAX_WORD || (NAME_STOPWORDS.has(lower) && !(lower === 'i' && previousWasHead))) break;
      const head = INSTRUMENT_NOUNS.has(lower);
      if (head && sawHead && endBeforeAnd >= 0) {
        end = endBeforeAnd;
        break;
      }
      sawHead ||= head;
      if (!isAcronym(word)) onlyAcronyms = false;
      if (isPossessive(text, tokenEnd)) {
        // `the Statute … and the Agency's safeguards`: a possessive ends the phrase; an `and` before it was not the name's.
        end = endBeforeAnd >= 0 ? endBeforeAnd : tokenEnd;
        break;
      }
      end = tokenEnd;
      previousWasHead = head;
      position = tokenEnd;
    } else if (isDigit(code) && previousWasHead && /^resolution$/i.test(text.slice(index, end).slice(-10))) {
      // `Resolution 2231`: a resolution's serial number belongs to its name.
      const number = readDigitsRun(text, position);
      if (number === null) break;
      end = number.end;
      position = number.end;
      previousWasHead = false;
    } else if (isLower(code)) {
      const tokenEnd = wordEnd(text, position);
      const word = text.slice(position, tokenEnd);
      if (end >= 0 && !sawHead && INSTRUMENT_NOUNS.has(word)) {
        // `the NATO treaty`: a lower-case instrument noun closes a capitalised name.
        sawHead = true;
        onlyAcronyms = false;
        end = tokenEnd;
        break;
      }
      if (end < 0 || !NAME_CONNECTORS.has(word)) break;
      // `and` joins words inside a name (Mutual Cooperation and Security), never a name to what follows it.
      if (word === 'and' && previousWasHead) break;
      if (word === 'and') endBeforeAnd = end;
      position = tokenEnd;
      previousWasHead = false;
    } else {
      break;
    }
    const next = skipGap(text, position);
    if (next === position) break;
    position = next;
  }
  return nameToken(text, index, end, sawHead || onlyAcronyms);
}

/** The name read from `index` to `end` (-1: none), when it holds an instrument noun or is all acronyms. */
function nameToken(text: string, index: number, end: number, named: boolean): NameToken | null {
  return end < 0 || !named ? null : { name: normaliseSpace(text.slice(index, end)), start: index, end };
}

function isPossessive(text: string, index: number): boolean {
  const apostrophe = text.charCodeAt(index);
  return (apostrophe === 0x27 || apostrophe === 0x2019) && text.charCodeAt(index + 1) === 0x73 && !isLetter(text.charCodeAt(index + 2));
}

function readDigitsRun(text: string, index: number): { end: number } | null {
  let position = index;
  while (position - index <= 6 && isDigit(text.charCodeAt(position))) position++;
  return position - index > 6 || isWordCode(text.charCodeAt(position)) ? null : { end: position };
}

/** After `of` / `to`: `this Treaty`, `the present Charter` (self), `that Declaration`, `the said Treaty` (same), or a name. */
function readQualifier(text: string, index: number): QualifierToken | null {
  const firstEnd = wordEnd(text, index);
  const first = text.slice(index, firstEnd).toLowerCase();
  let determinerEnd = -1;
  let kind: 'this' | 'same' | null = null;
  if (first === 'this' || first === 'that' || first === 'said') {
    determinerEnd = firstEnd;
    kind = first === 'this' ? 'this' : 'same';
  } else if (first === 'the') {
    const secondStart = skipGap(text, firstEnd);
    const secondEnd = wordEnd(text, secondStart);
    const second = text.slice(secondStart, secondEnd);
    if (secondStart > firstEnd && (second === 'present' || second === 'said' || second === 'same')) {
      determinerEnd = secondEnd;
      kind = second === 'present' ? 'this' : 'same';
    } else if (secondStart > firstEnd) {
      return nameQualifier(readName(text, secondStart));
    } else {
      return null;
    }
  }
  if (kind !== null) return determinedQualifier(text, index, determinerEnd, kind === 'this', wordEnd, isInstrumentNoun);
  return nameQualifier(readName(text, index));
}

function isInstrumentNoun(word: string): boolean {
  return INSTRUMENT_NOUNS.has(word.toLowerCase());
}

/** `of <qualifier>` (or `to <qualifier>` for annexes and preambles) after `index`; French `du …`, `de la …` too. */
function readAttachedQualifier(text: string, index: number, allowTo: boolean): QualifierToken | null {
  const start = skipGap(text, index);
  if (start === index) return null;
  const end = wordEnd(text, start);
  const word = text.slice(start, end);
  if (FRENCH_OF_WORDS.has(word)) return readFrenchQualifier(text, start);
  if (word !== 'of' && !(allowTo && word === 'to')) return null;
  const after = skipGap(text, end);
  return after > end ? readQualifier(text, after) : null;
}

/**
 * A name written just before the citation: `NATO Art. 5`, `UN Charter Article 51`, `the Charter's preamble`.
 * The word next to the citation must be an acronym or an instrument noun; capitalised words before it join.
 * It stays on the citation's line: a heading such as `# NATO` above a sentence is not a prefix.
 */
function readPrefixName(text: string, citationStart: number, floor: number): NameToken | null {
  let end = skipSpacesBack(text, citationStart);
  if (end === citationStart || end <= floor) return null;
  // A possessive (`NATO's Article 5`) is part of neither the name nor the gap.
  let nameEnd = end;
  if (end >= 2 && text.charCodeAt(end - 1) === 0x73 && (text.charCodeAt(end - 2) === 0x27 || text.charCodeAt(end - 2) === 0x2019)) {
    nameEnd = end - 2;
  }
  const lastStart = wordStart(text, nameEnd);
  if (lastStart === nameEnd || lastStart < floor || (lastStart > 0 && isWordCode(text.charCodeAt(lastStart - 1)))) return null;
  const last = text.slice(lastStart, nameEnd);
  if ((!isAcronym(last) || parseRomanNumber(last) !== null) && !(isUpper(last.charCodeAt(0)) && INSTRUMENT_NOUNS.has(last.toLowerCase()))) return null;
  let start = lastStart;
  for (let words = 0; words < 8; words++) {
    end = skipSpacesBack(text, start);
    if (end === start || end <= floor) break;
    const previousStart = wordStart(text, end);
    if (previousStart === end || previousStart < floor) break;
    const previous = text.slice(previousStart, end);
    if (!isUpper(previous.charCodeAt(0)) || NAME_STOPWORDS.has(previous.toLowerCase())) break;
    if (previousStart > 0 && isWordCode(text.charCodeAt(previousStart - 1))) break;
    start = previousStart;
  }
  return { name: normaliseSpace(text.slice(start, nameEnd)), start, end: nameEnd };
}

// ---------------------------------------------------------------------------------------------
// The pointer forms
// ---------------------------------------------------------------------------------------------

function isPluralWord(word: string): boolean {
  const lower = word.toLowerCase();
  return lower.endsWith('s') || lower.endsWith('s.');
}

/** `Article 5`, `Art. 5(1)`, `Articles 3 and 5`, `Article 6, paragraph 2`, `Article IV of this Treaty`. */
function parseArticleFirst(ctx: Context, start: number, triggerEnd: number, word: string): Group | null {
  const { text } = ctx;
  const numberStart = skipGap(text, triggerEnd);
  if (numberStart === triggerEnd && !word.endsWith('.')) return null;
  const capitalised = isUpper(word.charCodeAt(0));
  const first = readArticleNumber(text, numberStart, capitalised);
  if (first === null) return null;
  if (ctx.treatyDocument && isDefinitionLabel(text, start)) return null;
  const head = newMember(start, first.end);
  head.article = numberRef(first.value);
  // `Article 27.3`: a dotted paragraph, unless a further dot makes it a section number like 5.1.2.
  if (text.charCodeAt(head.end) === 0x2e && isDigit(text.charCodeAt(head.end + 1))) {
    const paragraph = readSmallNumber(text, head.end + 1);
    if (paragraph !== null && !(text.charCodeAt(paragraph.end) === 0x2e && isDigit(text.charCodeAt(paragraph.end + 1)))) {
      head.paragraph = numberRef(paragraph.value);
      head.end = paragraph.end;
    }
  }
  head.end = readParens(text, head, head.end, true);
  const position = head.end;
  // `Article 6, paragraph 2`, `Article 6, paragraphs 1 and 2`, `Article 5(1), sub-paragraph (a)`.
  let wordParagraph = false;
  let lowerPlural = false;
  const afterComma = text.charCodeAt(position) === 0x2c ? position + 1 : position;
  const lowerStart = skipGap(text, afterComma);
  if (lowerStart > afterComma) {
    const lowerEnd = wordEnd(text, lowerStart);
    const lowerWord = text.slice(lowerStart, lowerEnd + (text.charCodeAt(lowerEnd) === 0x2e ? 1 : 0)).toLowerCase();
    const lowerNumberStart = skipGap(text, lowerStart + lowerWord.length);
    if ((/^(?:paragraphs?|paras?\.?)$/.test(lowerWord) || FRENCH_PARAGRAPH_WORD.test(lowerWord)) && head.paragraph === null && lowerNumberStart > lowerStart + lowerWord.length) {
      const paragraph = readSmallNumber(text, lowerNumberStart);
      if (paragraph !== null) {
        head.paragraph = numberRef(paragraph.value);
        head.end = readParens(text, head, paragraph.end, true);
        wordParagraph = true;
        lowerPlural = isPluralWord(lowerWord);
      }
    }
  }
  const members = [head];
  continueSeries(ctx, members, {
    level: wordParagraph ? 'paragraph' : 'article',
    roman: first.roman,
    allowComma: wordParagraph ? lowerPlural : isPluralWord(word),
  });
  return finishGroup(ctx, members, 'explicit', false);
}

/** Attaches a following `of <instrument>` or a preceding name; copies the qualifier to every member. */
function finishGroup(ctx: Context, members: Member[], kind: string, allowTo: boolean, preamble = false, annex: string | null = null): Group {
  const { text } = ctx;
  const last = members[members.length - 1]!;
  const group: Group = { members, kind, preamble, annex, qualifier: null };
  const attached = readAttachedQualifier(text, last.end, allowTo);
  if (attached !== null) {
    group.qualifier = attached.qualifier;
    last.end = attached.end;
    return group;
  }
  const prefix = readPrefixName(text, members[0]!.start, ctx.floor);
  if (prefix !== null) {
    group.qualifier = { kind: 'name', name: prefix.name, span: { start: prefix.start, end: prefix.end } };
    members[0]!.start = prefix.start;
  }
  return group;
}

/** The article a `paragraph … of` phrase points into: `Article 86`, `this Article`, `the preceding Article`. */
function readArticleTarget(text: string, index: number): { ref: LevelRef; end: number } | null {
  const firstEnd = wordEnd(text, index);
  const first = text.slice(index, firstEnd);
  const lower = first.toLowerCase();
  if (lower === 'article' || lower === 'art') {
    const dotted = lower === 'art' && text.charCodeAt(firstEnd) === 0x2e ? firstEnd + 1 : firstEnd;
    if (lower === 'art' && dotted === firstEnd) return null;
    const numberStart = skipGap(text, dotted);
    if (numberStart === dotted) return null;
    const number = readArticleNumber(text, numberStart, isUpper(first.charCodeAt(0)));
    return number === null ? null : { ref: numberRef(number.value), end: number.end };
  }
  let determinerStart = index;
  let determiner = lower;
  let determinerEnd = firstEnd;
  if (lower === 'the') {
    determinerStart = skipGap(text, firstEnd);
    determinerEnd = wordEnd(text, determinerStart);
    determiner = text.slice(determinerStart, determinerEnd);
    if (determinerStart === firstEnd) return null;
  }
  const entry = ARTICLE_DETERMINERS[determiner];
  if (entry === undefined || (entry.needsThe && determinerStart === index)) return null;
  const nounStart = skipGap(text, determinerEnd);
  const nounEnd = wordEnd(text, nounStart);
  if (nounStart === determinerEnd || text.slice(nounStart, nounEnd) !== 'Article') return null;
  return { ref: entry.ref, end: nounEnd };
}

function levelFirstKind(article: LevelRef | null, qualifier: Qualifier | null): string {
  switch (article?.kind) {
    case 'this': return 'this-article';
    case 'same': return 'same-article';
    case 'previous': return 'previous-article';
    case 'next': return 'next-article';
    case 'number': return 'explicit';
    default: return qualifier?.kind === 'same' ? 'same-treaty' : qualifier?.kind === 'this' ? 'this-treaty' : 'explicit';
  }
}

/**
 * `paragraph 1 (c) of Article 86`, `Sub-paragraph (a) of paragraph 2 of Article III`, `paragraphs 1 and 2 of
 * this Article`, `paragraph 5 of that Declaration`, `paragraph 1 (b) above`.
 */
function parseLevelFirst(ctx: Context, start: number, triggerEnd: number, word: string): Group | null {
  const { text } = ctx;
  const lower = word.toLowerCase();
  const sub = lower.startsWith('sub');
  const valueStart = skipGap(text, triggerEnd);
  if (valueStart === triggerEnd && !word.endsWith('.')) return null;
  const head = newMember(start, valueStart);
  if (sub) {
    const paren = readParen(text, valueStart);
    if (paren === null || paren.kind !== 'letters') return null;
    head.item = numberRef(paren.value);
    head.end = readParens(text, head, paren.end, false);
  } else {
    const number = readSmallNumber(text, valueStart);
    if (number === null) return null;
    head.paragraph = numberRef(number.value);
    head.end = readParens(text, head, number.end, true);
  }
  const members = [head];
  continueSeries(ctx, members, { level: sub ? 'item' : 'paragraph', roman: false, allowComma: isPluralWord(word) });
  const last = members[members.length - 1]!;
  let position = last.end;
  let article: LevelRef | null = null;
  let paragraph: LevelRef | null = null;
  let qualifier: Qualifier | null = null;
  let above = false;
  for (let step = 0; step < 3; step++) {
    const ofStart = skipGap(text, position);
    if (ofStart === position) break;
    const ofEnd = wordEnd(text, ofStart);
    const ofWord = text.slice(ofStart, ofEnd);
    if ((ofWord === 'above' || ofWord === 'below') && article === null && qualifier === null) {
      above = true;
      position = ofEnd;
      break;
    }
    // French `paragraphe 2 de l’article 5`: `de` and the elided article stand for `of`.
    const elided = ofWord === 'de' && article === null ? frenchElidedArticleLength(text, ofEnd) : 0;
    if (ofWord !== 'of' && elided === 0) break;
    const targetStart = elided > 0 ? ofEnd + elided : skipGap(text, ofEnd);
    if (targetStart === ofEnd) break;
    if (sub && paragraph === null && article === null) {
      // `Sub-paragraph (a) of paragraph 2 …`
      const paragraphWordEnd = wordEnd(text, targetStart);
      if (/^paragraph$/i.test(text.slice(targetStart, paragraphWordEnd))) {
        const numberStart = skipGap(text, paragraphWordEnd);
        const number = numberStart > paragraphWordEnd ? readSmallNumber(text, numberStart) : null;
        if (number === null) break;
        paragraph = numberRef(number.value);
        position = number.end;
        continue;
      }
    }
    if (article === null) {
      const target = readArticleTarget(text, targetStart);
      if (target !== null) {
        article = target.ref;
        position = target.end;
        continue;
      }
    }
    const attached = readQualifier(text, targetStart);
    if (attached !== null) {
      qualifier = attached.qualifier;
      position = attached.end;
    }
    break;
  }
  if (article === null) {
    const hasItem = members.some((member) => member.item !== null);
    if (above && (hasItem || ctx.treatyDocument)) article = { kind: 'this' };
    else if (qualifier === null && !ctx.treatyDocument) return null;
    else if (qualifier === null) article = { kind: 'this' };
  }
  for (const member of members) {
    member.article = article;
    if (paragraph !== null) member.paragraph = paragraph;
  }
  last.end = position;
  return { members, kind: levelFirstKind(article, qualifier), preamble: false, annex: null, qualifier };
}

/** `this Article`, `that Article`, `the preceding Article`: a capitalised `Article` after a determiner. */
function parseAnaphora(ctx: Context, start: number, triggerEnd: number): Group | null {
  const { text } = ctx;
  const before = wordBefore(text, start, ctx.floor, wordStart);
  if (before === null) return null;
  const determinerStart = before.start;
  const determiner = text.slice(determinerStart, before.end);
  const entry = ARTICLE_DETERMINERS[determiner.toLowerCase()];
  if (entry === undefined || (determiner !== determiner.toLowerCase() && determiner.slice(1) !== determiner.slice(1).toLowerCase())) return null;
  let spanStart = determinerStart;
  const theEnd = skipGapBack(text, determinerStart);
  const theStart = wordStart(text, theEnd);
  const hasThe = theEnd < determinerStart && theStart >= ctx.floor && /^the$/i.test(text.slice(theStart, theEnd));
  if (entry.needsThe && !hasThe) return null;
  if (hasThe) spanStart = theStart;
  // `this Article 5` is a numbered citation read elsewhere; `that Article's` is still the article.
  const member = newMember(spanStart, triggerEnd);
  member.article = entry.ref;
  return { members: [member], kind: entry.kind, preamble: false, annex: null, qualifier: null };
}

/** `the Preamble`, `preamble of the Treaty`; alone on its line in a treaty it is the heading. */
function parsePreamble(ctx: Context, start: number, triggerEnd: number): Group | null {
  if (ctx.treatyDocument && isDefinitionLabel(ctx.text, start)) return null;
  return finishGroup(ctx, [newMember(start, triggerEnd)], 'preamble', true, true, null);
}

/** `Annex I`, `Annex 2`, `Annex A`: structural; alone on its line in a treaty it is the heading. */
function parseAnnex(ctx: Context, start: number, triggerEnd: number, word: string): Group | null {
  const { text } = ctx;
  if (!isUpper(word.charCodeAt(0))) return null;
  const labelStart = skipGap(text, triggerEnd);
  if (labelStart === triggerEnd) return null;
  let labelEnd = labelStart;
  while (labelEnd - labelStart <= 8 && (isUpper(text.charCodeAt(labelEnd)) || isDigit(text.charCodeAt(labelEnd)))) labelEnd++;
  const label = text.slice(labelStart, labelEnd);
  const valid = /^(?:[IVXLC]+|\d{1,3}|[A-Z])$/.test(label) && (!/^[IVXLC]+$/.test(label) || parseRomanNumber(label) !== null);
  if (!valid || isWordCode(text.charCodeAt(labelEnd))) return null;
  if (ctx.treatyDocument && isDefinitionLabel(text, start)) return null;
  return finishGroup(ctx, [newMember(start, labelEnd)], 'annex', true, false, label);
}

/**
 * `Chapter VII`, `Chapters IX and X`, `Chapter 7 of the Charter`: chapters, which resolve to the treaty's divisions.
 * An Arabic number counts only with the instrument named after it: `Chapter 11 bankruptcy` is no treaty's.
 */
function parseChapter(ctx: Context, start: number, triggerEnd: number, word: string): Group | null {
  const { text } = ctx;
  if (!isUpper(word.charCodeAt(0))) return null;
  const numberStart = skipGap(text, triggerEnd);
  const first = numberStart > triggerEnd ? readArticleNumber(text, numberStart, true) : null;
  if (first === null || (ctx.treatyDocument && isDefinitionLabel(text, start))) return null;
  const chapter = (memberStart: number, number: NumberToken): Member => {
    const member = newMember(memberStart, number.end);
    member.division = { chapter: number.value, section: null };
    return member;
  };
  const members = [chapter(start, first)];
  for (let connector = isPluralWord(word) ? readConnector(text, first.end) : null; connector !== null && !connector.range; ) {
    const next = readArticleNumber(text, connector.end, true);
    if (next === null || next.roman !== first.roman) break;
    members.push(chapter(connector.end, next));
    connector = readConnector(text, next.end);
  }
  if (!first.roman && readAttachedQualifier(text, members[members.length - 1]!.end, true) === null) return null;
  return finishGroup(ctx, members, 'chapter', true);
}

function parseAt(ctx: Context, start: number, end: number, word: string): Group | null {
  // Joined to the word before (`non-paragraph`, or after a letter such as `é` that `\b` does not know), it is part of it.
  const before = ctx.text.charCodeAt(start - 1);
  if (start > 0 && (before === 0x2d || isWordCode(before))) return null;
  const lower = word.toLowerCase();
  if (lower.startsWith('art')) {
    const numbered = parseArticleFirst(ctx, start, end, word);
    if (numbered !== null || word !== 'Article') return numbered;
    return parseAnaphora(ctx, start, end);
  }
  if (lower.startsWith('par') || lower.startsWith('sub') || lower.startsWith('alin')) return parseLevelFirst(ctx, start, end, word);
  if (lower === 'preamble') return parsePreamble(ctx, start, end);
  if (lower.startsWith('chapter')) return parseChapter(ctx, start, end, word);
  return parseAnnex(ctx, start, end, word);
}

// ---------------------------------------------------------------------------------------------
// Mentions, topics and aliases
// ---------------------------------------------------------------------------------------------

const TOPIC_INTRODUCERS: ReadonlySet<string> = new Set(['under', 'in', 'by', 'within', 'throughout']);
const TWO_WORD_INTRODUCERS: ReadonlySet<string> = new Set(['according to', 'pursuant to', 'in accordance with']);

/** `The Charter provides …`, `Under the North Atlantic Treaty, …`: the sentence is about the instrument. */
function isTopic(text: string, start: number, end: number): boolean {
  let position = start;
  const theEnd = skipGapBack(text, position);
  const theStart = wordStart(text, theEnd);
  if (theEnd < position && /^the$/i.test(text.slice(theStart, theEnd))) position = theStart;
  if (atSentenceStart(text, position, isWordCode)) {
    // The subject: a verb in lower case follows (`The Charter provides`), not `of`/`and` continuing a phrase.
    const nextStart = skipGap(text, end);
    const next = text.slice(nextStart, wordEnd(text, nextStart));
    return nextStart > end && isLower(next.charCodeAt(0)) && !NAME_CONNECTORS.has(next) && next !== 'or';
  }
  const introEnd = skipGapBack(text, position);
  if (introEnd === position) return false;
  const introStart = wordStart(text, introEnd);
  const intro = text.slice(introStart, introEnd).toLowerCase();
  let introAt = introStart;
  if (!TOPIC_INTRODUCERS.has(intro)) {
    const beforeEnd = skipGapBack(text, introStart);
    const beforeStart = wordStart(text, beforeEnd);
    const twoWords = `${text.slice(beforeStart, beforeEnd).toLowerCase()} ${intro}`;
    const beforeBeforeEnd = skipGapBack(text, beforeStart);
    const beforeBeforeStart = wordStart(text, beforeBeforeEnd);
    const threeWords = `${text.slice(beforeBeforeStart, beforeBeforeEnd).toLowerCase()} ${twoWords}`;
    if (TWO_WORD_INTRODUCERS.has(twoWords)) introAt = beforeStart;
    else if (TWO_WORD_INTRODUCERS.has(threeWords)) introAt = beforeBeforeStart;
    else return false;
  }
  return atSentenceStart(text, introAt, isWordCode) && text.charCodeAt(end) === 0x2c;
}

/** Where a mention's name starts: capitalised words (not sentence openers) before the instrument noun. */
function mentionStart(text: string, headStart: number, floor: number): number {
  let start = headStart;
  for (let words = 0; words < 8; words++) {
    const previous = wordBefore(text, start, floor, wordStart);
    if (previous === null) break;
    let tokenStart = previous.start;
    // `Non-Proliferation Treaty`: step over the hyphenated word as one.
    while (text.charCodeAt(tokenStart - 1) === 0x2d && isLetter(text.charCodeAt(tokenStart - 2))) {
      const partStart = wordStart(text, tokenStart - 1);
      if (partStart < floor || partStart === tokenStart - 1) break;
      tokenStart = partStart;
    }
    const word = text.slice(tokenStart, previous.end);
    if (!isUpper(word.charCodeAt(0)) || NAME_STOPWORDS.has(word.toLowerCase())) break;
    if (tokenStart > 0 && isWordCode(text.charCodeAt(tokenStart - 1))) break;
    start = tokenStart;
  }
  return start;
}

const SELF_OR_ANAPHORIC = /^(?:this|that|said|present|same|such)$/i;

/** Not a mention: `this Treaty`, `that Declaration`, or a bare noun without `the` (`a Treaty`, `Treaty`). */
function isMention(text: string, name: NameToken, head: RegExpExecArray): boolean {
  const beforeEnd = skipGapBack(text, name.start);
  const before = text.slice(wordStart(text, beforeEnd), beforeEnd);
  if (beforeEnd < name.start && SELF_OR_ANAPHORIC.test(before)) return false;
  // A bare instrument noun is a mention only as `the Treaty` / `the Charter`.
  const bare = name.start === head.index && name.end === head.index + head[0].length;
  return !bare || (beforeEnd < name.start && /^the$/i.test(before));
}

const MENTIONS: MentionGrammar = {
  head: MENTION_HEAD,
  readName: (text, head, floor) => readName(text, mentionStart(text, head.index, floor)),
  isMention,
  isTopic,
};

/** `the North Atlantic Treaty (the "Treaty")`, `… (hereinafter "NAT")`, `… (NPT)`. */
const ALIAS = /^\s?\((?:hereinafter(?: referred to as)?,? )?(?:the )?["“'‘]([^"”'’\n]{1,60})["”'’]\)|^\s?\(([A-Z][A-Z0-9-]{1,9})\)/;

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

const ENGLISH: WesternGrammar = {
  language: 'en',
  languageOf: latinCitationLanguage,
  trigger: TRIGGER,
  parseAt,
  mentions: MENTIONS,
  alias: ALIAS,
  aliasOf: (match) => (match[1] ?? match[2] ?? '').trim().replace(/^the /i, ''),
};

/** Every English and French citation, instrument mention and alias definition in `text`, in offset order. */
export function scanEnglish(text: string, options: ScanOptions): LanguageScan {
  return scanWestern(text, options, ENGLISH);
}
