// The Russian citation grammar: стат- with its case endings and ст., пункт/п., часть/ч., абзац (also with
// ordinal words), подпункт «а», lists and ranges, настоящей статьи / настоящего Договора, genitive names
// (статьи 51 Устава ООН), instrument mentions and (далее — «…») aliases. Linear: triggers, then a cursor;
// the loop, gaps and result assembly are western.ts's, shared with the English grammar.

import type { LanguageScan, LevelRef, Qualifier, ScanOptions } from '../types';
import { parseArabicNumber, parseRomanNumber } from '../text/numerals';
import {
  MAX_WORD,
  appendMember,
  atSentenceStart,
  determinedQualifier,
  isDefinitionLabel,
  isDigit,
  letterRunEnd,
  letterRunStart,
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

/**
 * Trigger words (case-insensitive); the lookarounds stand in for `\b`, which does not know Cyrillic. Explicit
 * letter classes without the `u` flag: `\p{L}` makes the scan some twenty times slower.
 */
const TRIGGER = new RegExp(
  '(?<![А-Яа-яЁёA-Za-z0-9])(?:' +
    [
      'стать(?:я|и|ю|е|ей|ёй|ею|ям|ями|ях)',
      'статей',
      'ст\\.(?:\\s?ст\\.)?',
      'подпункт(?:а|у|ом|е|ы|ов|ам|ами|ах)?',
      'подп\\.',
      'пп\\.',
      'пункт(?:а|у|ом|е|ы|ов|ам|ами|ах)?',
      'п\\.',
      'част(?:ь|и|ью|ей|ям|ями|ях)',
      'ч\\.',
      'абзац(?:а|у|ем|е|ы|ев|ам|ами|ах)?',
      'абз\\.',
      'преамбул(?:а|ы|е|у|ой|ою)',
      'приложени(?:е|я|ю|ем|и|й|ям|ями|ях)',
    ].join('|') +
    ')(?![А-Яа-яЁёA-Za-z])',
  'gi',
);

// ---------------------------------------------------------------------------------------------
// Characters and words
// ---------------------------------------------------------------------------------------------

function isCyrillic(code: number): boolean {
  return code >= 0x400 && code <= 0x4ff;
}

function isLatin(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isLetter(code: number): boolean {
  return isCyrillic(code) || isLatin(code);
}

function isUpper(code: number): boolean {
  return (code >= 0x410 && code <= 0x42f) || code === 0x401 || (code >= 0x41 && code <= 0x5a);
}

function isWordCode(code: number): boolean {
  return isLetter(code) || isDigit(code);
}

function wordEnd(text: string, index: number): number {
  return letterRunEnd(text, index, isLetter);
}

function wordStart(text: string, index: number): number {
  return letterRunStart(text, index, isLetter);
}

/** A word with an abbreviation's full stop when it is one of ours (`ст.`, `п.`). */
function readWord(text: string, index: number): { word: string; end: number } {
  const end = wordEnd(text, index);
  const withDot = text.charCodeAt(end) === 0x2e ? text.slice(index, end + 1).toLowerCase() : '';
  if (ABBREVIATIONS.has(withDot)) return { word: withDot, end: end + 1 };
  return { word: text.slice(index, end).toLowerCase(), end };
}

const ABBREVIATIONS: ReadonlySet<string> = new Set(['ст.', 'п.', 'пп.', 'подп.', 'ч.', 'абз.']);

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

type Level = 'article' | 'paragraph' | 'item';

/** The level a word names, or null. */
function levelOf(word: string): Level | null {
  if (word.startsWith('стат') || word === 'ст.' || word.startsWith('ст.')) return 'article';
  if (word.startsWith('подп') || word === 'пп.') return 'item';
  if (word.startsWith('пункт') || word === 'п.' || word.startsWith('част') || word === 'ч.' || word.startsWith('абз')) {
    return 'paragraph';
  }
  return null;
}

function isArticleWord(word: string): boolean {
  return /^(?:стать(?:я|и|ю|е|ей|ёй|ею|ям|ями|ях)|статей|ст\.)$/.test(word);
}

/** An instrument noun in any case: Договор(а), Устав(а), Конвенции, Соглашения, Протокола, Декларации… */
const INSTRUMENT_WORD =
  /^(?:(?:договор|устав|протокол|пакт|кодекс|закон|меморандум)(?:а|у|ом|е|ы|ов|ам|ами|ах)?|(?:конвенци|харти|резолюци|конституци|деклараци)(?:я|и|ю|ей|ею|й|ям|ями|ях)|соглашени(?:е|я|ю|ем|и|й|ям|ями|ях))$/i;

const INSTRUMENT_HEAD = /(?<![А-Яа-яЁё])(?:договор|устав|протокол|пакт|кодекс|меморандум|конвенци|харти|резолюци|конституци|деклараци|соглашени)[А-Яа-яЁё]*/gi;

/** Adjective endings of a name's first words (Североатлантического, Венской, Вашингтонский). */
const ADJECTIVE = /(?:ого|его|ому|ему|ой|ей|ый|ий|ая|яя|ое|ее|ую|юю|ым|им|ых|их|ые|ие)$/;
/** Endings of the words after `о`/`об`: prepositional (о коллективной безопасности), genitive plural (договоров). */
const ABOUT_WORD = /(?:ой|ей|ом|ем|ии|е|и|ах|ях|ых|их|ым|им|ам|ям|ов|ев)$/;
/** Words that start a clause after a name, not a part of it (…, которые; …, что). */
const CLAUSE_WORD = /^(?:котор|что|где|как|если|когда|чтобы|также|либо|ни|не)/;
/** Verb endings: where an `о …` phrase ends (предусматривает, предусматривали). */
const VERB = /(?:ет|ит|ут|ют|ат|ят|ли|ла|ло|ся|сь)$/;
/** Capitalised defined terms that follow a name without belonging to it (Договора Стороны обязуются). */
const NOT_NAME = /^(?:сторон|государств|участник|договаривающ|стат|пункт|част|абзац|подпункт|приложени|преамбул)/i;

/** Determiners before a bare статья and what they make of it. */
function articleDeterminer(word: string): { ref: LevelRef; kind: string } | null {
  if (/^(?:настоящ|данн)(?:ая|ей|ую|ею)$/.test(word)) return { ref: { kind: 'this' }, kind: 'this-article' };
  if (/^(?:указанн|названн|упомянут)(?:ая|ой|ую|ою)$/.test(word)) return { ref: { kind: 'same' }, kind: 'same-article' };
  if (/^предыдущ(?:ая|ей|ую|ею)$/.test(word)) return { ref: { kind: 'previous', count: 1 }, kind: 'previous-article' };
  if (/^следующ(?:ая|ей|ую|ею)$/.test(word)) return { ref: { kind: 'next' }, kind: 'next-article' };
  return null;
}

const ORDINALS: readonly (readonly [RegExp, number])[] = [
  [/^перв/, 1], [/^втор/, 2], [/^трет/, 3], [/^четв[её]рт/, 4], [/^пят/, 5],
  [/^шест/, 6], [/^седьм/, 7], [/^восьм/, 8], [/^девят/, 9], [/^десят/, 10],
];
const ORDINAL_ENDING = /(?:ый|ой|ий|ая|ья|ое|ье|ого|ьего|его|ому|ему|ьему|ую|ью|ей|ьей|ом|ем|ьем|ым|ьим|ые|ых|ьи|ьих)$/;

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

interface Value {
  readonly value: string;
  readonly end: number;
  readonly kind: 'arabic' | 'roman' | 'ordinal' | 'letter';
}

/** `51`, `5.1` (an inserted article: `5_1`), `IV`. */
function readArticleNumber(text: string, index: number): Value | null {
  let position = index;
  while (position - index <= 6 && isDigit(text.charCodeAt(position))) position++;
  if (position > index) {
    if (position - index > 6) return null;
    let value = String(parseArabicNumber(text.slice(index, position)));
    if (text.charCodeAt(position) === 0x2e && isDigit(text.charCodeAt(position + 1))) {
      let branchEnd = position + 1;
      while (branchEnd - position <= 3 && isDigit(text.charCodeAt(branchEnd))) branchEnd++;
      if (branchEnd - position <= 3 && !isWordCode(text.charCodeAt(branchEnd)) && text.charCodeAt(branchEnd) !== 0x2e) {
        value = `${value}_${parseArabicNumber(text.slice(position + 1, branchEnd))}`;
        position = branchEnd;
      }
    }
    if (isWordCode(text.charCodeAt(position))) return null;
    return { value, end: position, kind: 'arabic' };
  }
  while (position - index <= 12 && 'IVXLCDM'.includes(text[position] ?? '.')) position++;
  const roman = position > index ? parseRomanNumber(text.slice(index, position)) : null;
  if (roman === null || isWordCode(text.charCodeAt(position))) return null;
  return { value: String(roman), end: position, kind: 'roman' };
}

/** `2` or an ordinal word (`второй`, `второго`, `первая`). */
function readParagraphValue(text: string, index: number): Value | null {
  let position = index;
  while (position - index <= 3 && isDigit(text.charCodeAt(position))) position++;
  if (position > index) {
    if (position - index > 3 || isWordCode(text.charCodeAt(position))) return null;
    return { value: String(parseArabicNumber(text.slice(index, position))), end: position, kind: 'arabic' };
  }
  const end = wordEnd(text, index);
  const word = text.slice(index, end).toLowerCase();
  if (!ORDINAL_ENDING.test(word)) return null;
  for (const [stem, value] of ORDINALS) {
    if (stem.test(word) && word.length <= 10) return { value: String(value), end, kind: 'ordinal' };
  }
  return null;
}

const OPEN_QUOTES = '«"“„\'';
const CLOSE_QUOTES = '»"”“\'';

/** `«а»`, `"а"`, `а)`, `(а)`, `1`: an item label; letters are kept as written (Cyrillic а stays а). */
function readItemValue(text: string, index: number): Value | null {
  const open = text[index] ?? '';
  if (OPEN_QUOTES.includes(open) || open === '(') {
    const end = wordEnd(text, index + 1);
    let close = end;
    if (close === index + 1) while (close - index <= 3 && isDigit(text.charCodeAt(close))) close++;
    const label = text.slice(index + 1, close);
    const closer = text[close] ?? '';
    const matches = open === '(' ? closer === ')' : CLOSE_QUOTES.includes(closer);
    if (label.length === 0 || label.length > 2 || !matches) return null;
    return { value: label.toLowerCase(), end: close + 1, kind: isDigit(label.charCodeAt(0)) ? 'arabic' : 'letter' };
  }
  if (isDigit(text.charCodeAt(index))) {
    const number = readParagraphValue(text, index);
    return number !== null && number.kind === 'arabic' ? number : null;
  }
  const end = wordEnd(text, index);
  if (end - index === 1 && (text[end] === ')' || !isWordCode(text.charCodeAt(end)))) {
    return { value: text[index]!.toLowerCase(), end: text[end] === ')' ? end + 1 : end, kind: 'letter' };
  }
  return null;
}

function readValue(text: string, index: number, level: Level): Value | null {
  if (level === 'article') return readArticleNumber(text, index);
  if (level === 'paragraph') return readParagraphValue(text, index);
  return readItemValue(text, index);
}

// ---------------------------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------------------------

function setLevel(member: Member, level: Level, ref: LevelRef): void {
  if (level === 'article') member.article = ref;
  else if (level === 'paragraph') member.paragraph = ref;
  else member.item = ref;
}

/** `и`, `или`, `,` (list); `–`, `-`, `—`, `по` after `с` (range). */
function readConnector(text: string, index: number, afterFrom: boolean): { end: number; range: boolean } | null {
  let position = index;
  const comma = text.charCodeAt(position) === 0x2c;
  if (comma) position++;
  const start = skipGap(text, position);
  const code = text.charCodeAt(start);
  if (!comma && (code === 0x2d || code === 0x2013 || code === 0x2014)) return { end: skipGap(text, start + 1), range: true };
  const { word, end } = readWord(text, start);
  const after = skipGap(text, end);
  if (start > position && after > end && (word === 'и' || word === 'или')) return { end: after, range: false };
  if (!comma && afterFrom && start > position && after > end && word === 'по') return { end: after, range: true };
  if (comma && word === '' && start > position) return { end: start, range: false };
  return null;
}

/** Further members of a list or range at `level`, each copying the higher levels of the one before. */
function continueSeries(text: string, members: Member[], level: Level, valueKind: Value['kind'], fromWord: boolean): void {
  for (;;) {
    const previous = members[members.length - 1]!;
    const connector = readConnector(text, previous.end, fromWord && members.length === 1);
    if (connector === null) return;
    const value = readValue(text, connector.end, level);
    if (value === null || value.kind !== valueKind) return;
    const member = newMember(connector.end, value.end);
    member.article = previous.article;
    member.paragraph = previous.paragraph;
    setLevel(member, level, numberRef(value.value));
    if (!appendMember(members, member, connector.range)) return;
  }
}

// ---------------------------------------------------------------------------------------------
// Instrument names and qualifiers
// ---------------------------------------------------------------------------------------------

function isAcronym(word: string): boolean {
  if (word.length < 2 || word.length > 8) return false;
  let latinOnly = true;
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (!isUpper(code)) return false;
    if (code > 0x7f) latinOnly = false;
  }
  return !latinOnly || parseRomanNumber(word) === null;
}

/** A word with inner hyphens (`Государства-участники`, `Северо-Атлантического`). */
function hyphenatedEnd(text: string, index: number): number {
  let end = wordEnd(text, index);
  while (text.charCodeAt(end) === 0x2d && isLetter(text.charCodeAt(end + 1))) end = wordEnd(text, end + 1);
  return end;
}

/**
 * A genitive instrument name kept as written: `Устава ООН`, `Договора о коллективной безопасности`,
 * `Североатлантического договора`, `Устава Организации Объединенных Наций`, or an acronym (`ДКБ`).
 */
function readName(text: string, index: number): NameToken | null {
  let position = index;
  let adjectives = 0;
  // Capitalised adjectives before the noun: Североатлантического договора, Венской конвенции.
  for (;;) {
    const end = hyphenatedEnd(text, position);
    const word = text.slice(position, end);
    if (adjectives >= 3 || !isUpper(word.charCodeAt(0)) || !ADJECTIVE.test(word.toLowerCase()) || INSTRUMENT_WORD.test(word)) break;
    const next = skipGap(text, end);
    if (next === end) break;
    adjectives++;
    position = next;
  }
  const headEnd = wordEnd(text, position);
  const head = text.slice(position, headEnd);
  if (!INSTRUMENT_WORD.test(head) || (adjectives === 0 && !isUpper(head.charCodeAt(0)))) {
    if (adjectives > 0 || !isAcronym(head) || isWordCode(text.charCodeAt(headEnd))) return null;
    return { name: head, start: index, end: headEnd };
  }
  let end = headEnd;
  position = headEnd;
  let mode: 'tail' | 'about' | 'between' = 'tail';
  for (let tokens = 0; tokens < 10; tokens++) {
    // `о дружбе, сотрудничестве и взаимной помощи`: a comma may join words of the `о …` phrase.
    const comma = mode === 'about' && text.charCodeAt(position) === 0x2c ? 1 : 0;
    const next = skipGap(text, position + comma);
    if (next === position + comma) break;
    const tokenEnd = hyphenatedEnd(text, next);
    const word = text.slice(next, tokenEnd);
    if (word.length === 0 || tokenEnd - next > MAX_WORD) break;
    const lower = word.toLowerCase();
    if (mode === 'tail' && (lower === 'о' || lower === 'об')) {
      mode = 'about';
    } else if (mode === 'tail' && lower === 'между') {
      mode = 'between';
    } else if (lower === 'и' && mode !== 'tail') {
      // joins words inside `о …` and `между …`
    } else if (isAcronym(word)) {
      end = tokenEnd;
      if (mode === 'about') break;
    } else if (isUpper(word.charCodeAt(0)) && mode !== 'about' && !NOT_NAME.test(word) && !INSTRUMENT_WORD.test(word)) {
      end = tokenEnd;
    } else if (
      mode === 'about' && !isUpper(word.charCodeAt(0)) && ABOUT_WORD.test(lower) && !VERB.test(lower) &&
      !CLAUSE_WORD.test(lower) && levelOf(lower) === null
    ) {
      end = tokenEnd;
    } else {
      break;
    }
    position = tokenEnd;
  }
  return { name: normaliseSpace(text.slice(index, end)), start: index, end };
}

/** `настоящего Договора` (self), `указанного Договора` (same), or a name. */
function readQualifier(text: string, index: number): QualifierToken | null {
  const firstEnd = wordEnd(text, index);
  const first = text.slice(index, firstEnd).toLowerCase();
  const self = /^(?:настоящ|данн)(?:его|ого|ей|ой|ему|ому|им|ым|ую|ий|ая|ее|ое)$/.test(first);
  const same = /^(?:указанн|названн|упомянут|этого|этой|того)(?:ого|ой|ому|ым)?$/.test(first);
  if (self || same) return determinedQualifier(text, index, firstEnd, self, wordEnd, (word) => INSTRUMENT_WORD.test(word));
  return nameQualifier(readName(text, index));
}

// ---------------------------------------------------------------------------------------------
// The pointer forms
// ---------------------------------------------------------------------------------------------

/** `статья 5`, `ст. 6 п. 2`, `статьи 3–5`, `статьями 41 и 42 Устава`, `статьи с 3 по 5`. */
function parseArticleFirst(ctx: Context, start: number, triggerEnd: number, word: string): Group | null {
  const { text } = ctx;
  let valueStart = skipGap(text, triggerEnd);
  if (valueStart === triggerEnd && !word.endsWith('.')) return null;
  // `статьи с 3 по 5`
  let fromWord = false;
  const maybeFrom = readWord(text, valueStart);
  if ((maybeFrom.word === 'с' || maybeFrom.word === 'со') && skipGap(text, maybeFrom.end) > maybeFrom.end) {
    valueStart = skipGap(text, maybeFrom.end);
    fromWord = true;
  }
  const first = readArticleNumber(text, valueStart);
  if (first === null) return null;
  if (ctx.treatyDocument && isDefinitionLabel(text, start)) return null;
  const head = newMember(start, first.end);
  head.article = numberRef(first.value);
  // `ст. 6 п. 2`, `статья 6, пункт 2`, `ст. 6 п. 2 пп. «а»`: lower levels after the article.
  let level: Level = 'article';
  let valueKind = first.kind;
  for (const lower of ['paragraph', 'item'] as const) {
    const afterComma = text.charCodeAt(head.end) === 0x2c ? head.end + 1 : head.end;
    const wordStartAt = skipGap(text, afterComma);
    if (wordStartAt === afterComma || fromWord) break;
    const next = readWord(text, wordStartAt);
    if (levelOf(next.word) !== lower || /^(?:част|пункт|абзац)(?:а|и)$/.test(next.word)) continue;
    const lowerValueStart = skipGap(text, next.end);
    if (lowerValueStart === next.end && !next.word.endsWith('.')) break;
    const value = readValue(text, lowerValueStart, lower);
    if (value === null) break;
    setLevel(head, lower, numberRef(value.value));
    head.end = value.end;
    level = lower;
    valueKind = value.kind;
  }
  const members = [head];
  continueSeries(text, members, level, valueKind, fromWord);
  if (fromWord && members.length !== 2) return null;
  return finishGroup(ctx, members, 'explicit', false, null);
}

function finishGroup(ctx: Context, members: Member[], kind: string, preamble: boolean, annex: string | null): Group {
  const last = members[members.length - 1]!;
  const qualifierStart = skipGap(ctx.text, last.end);
  const attached = qualifierStart > last.end ? readQualifier(ctx.text, qualifierStart) : null;
  if (attached !== null) last.end = attached.end;
  return { members, kind, preamble, annex, qualifier: attached?.qualifier ?? null };
}

/**
 * `пункт 2 статьи 6`, `ч. 1 ст. 51 Устава ООН`, `абзац второй статьи 2`, `подпункт «а» пункта 1 статьи 86`,
 * `пункты 1 и 2 настоящей статьи`.
 */
function parseLevelFirst(ctx: Context, start: number, triggerEnd: number, word: string, level: Level): Group | null {
  const { text } = ctx;
  const valueStart = skipGap(text, triggerEnd);
  if (valueStart === triggerEnd && !word.endsWith('.')) return null;
  const first = readValue(text, valueStart, level);
  if (first === null) return null;
  const head = newMember(start, first.end);
  setLevel(head, level, numberRef(first.value));
  const members = [head];
  continueSeries(text, members, level, first.kind, false);
  const last = members[members.length - 1]!;
  let position = last.end;
  let paragraph: LevelRef | null = null;
  let article: LevelRef | null = null;
  let qualifier: Qualifier | null = null;
  for (let step = 0; step < 3; step++) {
    const next = skipGap(text, position);
    if (next === position) break;
    const token = readWord(text, next);
    const tokenLevel = levelOf(token.word);
    if (level === 'item' && paragraph === null && article === null && tokenLevel === 'paragraph') {
      const valueAt = skipGap(text, token.end);
      const value = valueAt > token.end || token.word.endsWith('.') ? readParagraphValue(text, valueAt) : null;
      if (value === null) break;
      paragraph = numberRef(value.value);
      position = value.end;
      continue;
    }
    if (article === null && tokenLevel === 'article' && isArticleWord(token.word)) {
      const valueAt = skipGap(text, token.end);
      const value = valueAt > token.end || token.word.endsWith('.') ? readArticleNumber(text, valueAt) : null;
      if (value === null) break;
      article = numberRef(value.value);
      position = value.end;
      continue;
    }
    if (article === null) {
      const determiner = articleDeterminer(token.word);
      if (determiner !== null) {
        const nounStart = skipGap(text, token.end);
        const noun = readWord(text, nounStart);
        if (nounStart > token.end && isArticleWord(noun.word) && noun.word !== 'ст.') {
          article = determiner.ref;
          position = noun.end;
          continue;
        }
      }
    }
    const attached = readQualifier(text, next);
    if (attached !== null) {
      qualifier = attached.qualifier;
      position = attached.end;
    }
    break;
  }
  if (article === null && qualifier === null) {
    // A bare `пункт 3` is this article's only in a treaty, and never as `п.`/`ч.` (посёлок, час).
    if (!ctx.treatyDocument || word.endsWith('.')) return null;
    article = { kind: 'this' };
  }
  for (const member of members) {
    member.article = article;
    if (paragraph !== null) member.paragraph = paragraph;
  }
  last.end = position;
  const kind =
    article?.kind === 'this' ? 'this-article'
      : article?.kind === 'same' ? 'same-article'
        : article?.kind === 'previous' ? 'previous-article'
          : article?.kind === 'next' ? 'next-article'
            : qualifier?.kind === 'same' && article === null ? 'same-treaty'
              : 'explicit';
  return { members, kind, preamble: false, annex: null, qualifier };
}

/** `настоящей статьи`, `указанной статьи`, `предыдущей статьи`: a determiner before a bare статья. */
function parseAnaphora(ctx: Context, start: number, triggerEnd: number, word: string): Group | null {
  const { text } = ctx;
  if (word === 'ст.' || word === 'статей') return null;
  const before = wordBefore(text, start, ctx.floor, wordStart);
  if (before === null) return null;
  const determinerStart = before.start;
  const determinerWord = text.slice(determinerStart, before.end).toLowerCase();
  const determiner = articleDeterminer(determinerWord);
  if (determiner === null) return null;
  if (!ctx.treatyDocument && determiner.ref.kind === 'this') {
    // In an analysis, `В настоящей статье …` / `Настоящая статья посвящена …` is the paper itself.
    const prepositionEnd = skipGapBack(text, determinerStart);
    const preposition = text.slice(wordStart(text, prepositionEnd), prepositionEnd).toLowerCase();
    if (word === 'статья' || (word === 'статье' && (preposition === 'в' || preposition === 'во'))) return null;
  }
  const member = newMember(determinerStart, triggerEnd);
  member.article = determiner.ref;
  return { members: [member], kind: determiner.kind, preamble: false, annex: null, qualifier: null };
}

function parseAt(ctx: Context, start: number, end: number, match: string): Group | null {
  const word = match.toLowerCase().replace(/\s+/g, '');
  const level = levelOf(word);
  if (level === 'article') return parseArticleFirst(ctx, start, end, word) ?? parseAnaphora(ctx, start, end, word);
  if (level !== null) return parseLevelFirst(ctx, start, end, word, level);
  if (word.startsWith('преамбул')) {
    if (ctx.treatyDocument && isDefinitionLabel(ctx.text, start)) return null;
    return finishGroup(ctx, [newMember(start, end)], 'preamble', true, null);
  }
  // приложение N: structural
  const labelStart = skipGap(ctx.text, end);
  const label = labelStart > end ? readArticleNumber(ctx.text, labelStart) : null;
  if (label === null) return null;
  if (ctx.treatyDocument && isDefinitionLabel(ctx.text, start)) return null;
  return finishGroup(ctx, [newMember(start, label.end)], 'annex', false, ctx.text.slice(labelStart, label.end));
}

// ---------------------------------------------------------------------------------------------
// Mentions, topics and aliases
// ---------------------------------------------------------------------------------------------

/** Words before an instrument noun that make it this document or the one named before, not a mention. */
const SELF_OR_ANAPHORIC = /^(?:(?:настоящ|данн|указанн|названн|упомянут)[а-яё]*|эт(?:от|а|о|ого|ой|ому|им|ую)|т(?:от|а|о|ого|ой|ому|ем|ом))$/;

const TOPIC_INTRODUCERS = /^(?:согласно|по|в соответствии со?|в рамках|на основании)$/;

/** `Договор … предусматривает` at a sentence start, or `Согласно Договору, …`. */
function isTopic(text: string, start: number, end: number): boolean {
  if (atSentenceStart(text, start, isWordCode)) {
    const next = skipGap(text, end);
    return next > end && !isUpper(text.charCodeAt(next)) && isLetter(text.charCodeAt(next));
  }
  let introStart = start;
  for (let words = 0; words < 3; words++) {
    const previousEnd = skipGapBack(text, introStart);
    if (previousEnd === introStart) return false;
    introStart = wordStart(text, previousEnd);
    const intro = normaliseSpace(text.slice(introStart, skipGapBack(text, start))).toLowerCase();
    if (TOPIC_INTRODUCERS.test(intro)) return atSentenceStart(text, introStart, isWordCode) && text.charCodeAt(end) === 0x2c;
  }
  return false;
}

/** Where a mention starts: the capitalised adjectives before the instrument noun. */
function mentionStart(text: string, headStart: number, floor: number): number {
  let start = headStart;
  for (let words = 0; words < 3; words++) {
    const previous = wordBefore(text, start, floor, wordStart);
    if (previous === null) break;
    let previousStart = previous.start;
    while (text.charCodeAt(previousStart - 1) === 0x2d && isLetter(text.charCodeAt(previousStart - 2))) {
      previousStart = wordStart(text, previousStart - 1);
    }
    const word = text.slice(previousStart, previous.end);
    if (previousStart < floor || !isUpper(word.charCodeAt(0)) || !ADJECTIVE.test(word.toLowerCase())) break;
    start = previousStart;
  }
  return start;
}

/** Not a mention: `настоящего Договора`, `этого Договора`, `указанного Соглашения`. */
function isMention(text: string, name: NameToken): boolean {
  const beforeEnd = skipGapBack(text, name.start);
  const before = text.slice(wordStart(text, beforeEnd), beforeEnd).toLowerCase();
  return !(beforeEnd < name.start && SELF_OR_ANAPHORIC.test(before));
}

const MENTIONS: MentionGrammar = {
  head: INSTRUMENT_HEAD,
  // The head is a stem with any ending; only an instrument noun's own case endings make it one.
  readName: (text, head, floor) => (INSTRUMENT_WORD.test(head[0]) ? readName(text, mentionStart(text, head.index, floor)) : null),
  isMention,
  isTopic,
};

/** `Договор о коллективной безопасности (далее — «Договор»)`. */
const ALIAS = /^\s?\(далее(?:\s+(?:именуем|по тексту)\S*)?\s*(?:[—–-]\s*|\s)[«"„“]?([^»"“”)\n]{1,60}?)[»"“”]?\)/u;

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

const RUSSIAN: WesternGrammar = {
  language: 'ru',
  trigger: TRIGGER,
  parseAt,
  mentions: MENTIONS,
  alias: ALIAS,
  aliasOf: (match) => (match[1] ?? '').trim(),
};

/** Every Russian citation, instrument mention and alias definition in `text`, in offset order. */
export function scanRussian(text: string, options: ScanOptions): LanguageScan {
  return scanWestern(text, options, RUSSIAN);
}
