// Instrument names in Japanese prose: the words that end one (条約, 協定, 法…), the name written before
// such a word (read backwards over kanji, katakana and the particles of formal titles), and quoted names.

import type { InstrumentGenre } from '../../types';
import { isArabicDigit, isGap, isHiragana, isKanji, isKatakana, isNameChar, matchWord, matchWordBack, skipGap, skipGapBack } from './chars';

/** Words that end an instrument's name, longest first. */
export const INSTRUMENT_SUFFIXES: readonly string[] = [
  '議定書', '協定書', '附属書', '報告書', '取決め', '条約', '協定', '憲章', '憲法', '法律', '規約', '協約', '宣言', '決議', '声明', '報告', '覚書', '取極', '政令', '省令', '規則', '法',
];

/** The instruments cited by their paragraphs rather than articles, by the word that ends their names. */
const GENRES: readonly (readonly [string, InstrumentGenre])[] = [
  ['決議', 'resolution'], ['宣言', 'declaration'], ['声明', 'statement'], ['報告書', 'report'], ['報告', 'report'],
];

/** What sort of instrument `name` is (`安保理決議第1244号` a resolution, `日ソ共同宣言` a declaration); 同決議 and the like by their word. */
export function genreOf(name: string): InstrumentGenre {
  const bare = name.replace(/第?[0-9０-９〇一二三四五六七八九十百千]+号$/, '');
  for (const [suffix, genre] of GENRES) if (bare.endsWith(suffix)) return genre;
  return 'treaty';
}

/** A suffix alone names this instrument by convention (憲法9条, 議定書第2条); other suffixes alone are generic. */
const BARE_NAMES = new Set(['憲法', '憲章', '議定書', '附属書']);

/** Words that, put before a bare suffix, still do not name an instrument (当該条約, 国際法, 集団取極, 共同声明). */
const DETERMINERS: readonly string[] = [
  '当該', '前記', '上記', '右記', '既存', '現行', '関係', '関連', '国際', '国内', '二国間', '多国間', '個別', '連邦', '集団', '共同', '中間', '最終', '年次',
  '同', '本', '各', '両', '新', '旧', '全', '他', '諸', '別',
];

/** Words ending in 法 that name a method or a body of law, not an instrument. */
const NOT_INSTRUMENTS = new Set([
  '方法', '手法', '立法', '司法', '違法', '合法', '適法', '不法', '文法', '用法', '技法', '製法', '戦法', '兵法', '作法', '寸法', '説法', '論法', '療法', '魔法', '加法', '減法',
  '慣習法', '実定法', '自然法', '人道法', '国際人道法', '国際法', '国内法', '憲法上', '公法', '私法', '刑事法', '民事法',
]);

/** Particles inside formal titles: 「…との間の…に関する条約」. Seeing one makes a long name believable. */
const FORMAL_PARTICLES: readonly string[] = [
  'を確保するための', 'についての', 'を改正する', 'するための', 'が実施する', 'における', 'に関する', 'に基づく', 'に対する', 'のための', 'との間の', 'に際して',
  'に係る', 'による', 'に伴う', 'に伴い', 'の間の',
];
/** Particles that may join the parts of a name but, alone, more often join a name to the prose before it. */
const PLAIN_PARTICLES: readonly string[] = ['ならびに', 'および', '若しくは', '並びに', '又は', '及び', 'との', 'と', 'の', 'な', 'が'];
/** Okurigana inside the nouns of titles (枠組み, 取扱い, 引渡し): joins like a plain particle when after a kanji. */
const OKURIGANA = 'みしいきりえけせれちめ';

/** Names are read back at most this far, over at most this many particles. */
const MAX_NAME_LENGTH = 160;
const MAX_PARTICLES = 12;

/** The suffixes by their last character, longest first. */
const SUFFIXES_BY_LAST = new Map<number, string[]>();
for (const suffix of INSTRUMENT_SUFFIXES) {
  const last = suffix.charCodeAt(suffix.length - 1);
  SUFFIXES_BY_LAST.set(last, [...(SUFFIXES_BY_LAST.get(last) ?? []), suffix]);
}

/** The start of the instrument suffix ending at `end`, or -1. */
export function suffixEndingAt(text: string, end: number): number {
  const candidates = SUFFIXES_BY_LAST.get(text.charCodeAt(end - 1));
  if (candidates === undefined) return -1;
  for (const suffix of candidates) {
    const start = matchWordBack(text, end, suffix);
    if (start >= 0) return start;
  }
  return -1;
}

/** Whether `name` (gaps removed) ends with an instrument suffix. */
export function endsWithSuffix(name: string): boolean {
  return INSTRUMENT_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

/** A name with gaps (PDF line breaks, spaces) removed. */
export function compact(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/[ \t\r\n\u00a0]+/g, '');
}

/**
 * Whether `name` is only a generic word (条約, 当該協定, 国際法). With `bare` the conventional bare
 * names (憲法, 憲章, 議定書) count as names, as they do directly before a provision.
 */
export function isGenericName(name: string, bare: boolean): boolean {
  if (NOT_INSTRUMENTS.has(name)) return true;
  let rest = name;
  for (const determiner of DETERMINERS) {
    if (rest.startsWith(determiner) && rest.length > determiner.length) {
      rest = rest.slice(determiner.length);
      break;
    }
  }
  if (!INSTRUMENT_SUFFIXES.includes(rest)) return false;
  return !(bare && rest === name && BARE_NAMES.has(name));
}

/** Formal particles that only titles use (…に関する法律); others (に対する, による) also join prose to a name. */
const TITLE_PARTICLES = new Set(['を確保するための', 'についての', 'を改正する', 'するための', 'における', 'に関する', 'のための', 'との間の', 'の間の']);

interface Particle {
  readonly start: number;
  readonly formal: boolean;
  readonly title: boolean;
}

/** Particles by their last character, formal ones (longest first) before plain ones. */
const PARTICLES_BY_LAST = new Map<number, { word: string; formal: boolean }[]>();
for (const [words, formal] of [[FORMAL_PARTICLES, true], [PLAIN_PARTICLES, false]] as const) {
  for (const word of words) {
    const last = word.charCodeAt(word.length - 1);
    PARTICLES_BY_LAST.set(last, [...(PARTICLES_BY_LAST.get(last) ?? []), { word, formal }]);
  }
}

function particleEndingAt(text: string, end: number): Particle | null {
  for (const { word, formal } of PARTICLES_BY_LAST.get(text.charCodeAt(end - 1)) ?? []) {
    const start = matchWordBack(text, end, word);
    if (start < 0) continue;
    if (formal) return { start, formal, title: TITLE_PARTICLES.has(word) };
    // な only in 的な (包括的な戦略的パートナーシップ), が only in 我が国.
    if ((word !== 'な' || text[start - 1] === '的') && (word !== 'が' || text[start - 1] === '我')) return { start, formal, title: false };
  }
  if (OKURIGANA.includes(text[end - 1]!) && isKanji(text.charCodeAt(end - 2))) return { start: end - 1, formal: false, title: false };
  return null;
}

export interface NameSpan {
  readonly start: number;
  readonly end: number;
  /** The name contains particles (a formal title such as 「…との間の…に関する条約」). */
  readonly formal: boolean;
}

/**
 * The name ending at `end`, whose suffix starts at `suffixStart`. Reads back over name characters and
 * particles; a name with a formal particle (に関する, との間の…) is taken whole, otherwise only the
 * particle-free run before the suffix (so `及び`, `の` do not glue the prose before a name onto it).
 * `isBoundary` (the end of a citation or name already found) stops the reading unless a formal particle
 * follows it: `…条約第六条に基づく…協定` is one title, `第五十一条及び日米安保条約` is not.
 * `isCitationEnd` tells citations apart (`同条中国税通則法`).
 * `lawNumbered`: the law number follows in parentheses (`…法（昭和二十八年法律第十四号）`), so this is a statute's
 * formal title: 及び between words that are not laws' names and kana inside a word join its parts and make it read
 * whole (`麻薬及び向精神薬取締法`, `覚せい剤取締法`, `安全な血液製剤の…`), but not a list of laws (`自衛隊法及び…`).
 */
export function nameBefore(
  text: string,
  suffixStart: number,
  end: number,
  isCitationEnd: (offset: number) => boolean,
  isBoundary: (offset: number) => boolean,
  lawNumbered = false,
): NameSpan {
  const limit = Math.max(0, suffixStart - MAX_NAME_LENGTH);
  let particles = 0;
  let position = suffixStart;
  let full = suffixStart;
  let tail = -1;
  let formal = false;
  let pendingFormal = false;
  let afterFormalParticle = false;
  let nearestParticleProse = false;
  let afterTitleParticle = false;
  let titleJoin = false;
  while (position > limit) {
    // A name right before a citation being read through (…条約第六条に基づく…) is part of the title too.
    if (position < suffixStart && isBoundary(position) && !afterFormalParticle && (isCitationEnd(position) || !isPointerStart(text.charCodeAt(position)))) break;
    const code = text.charCodeAt(position - 1);
    if (isNameChar(code)) {
      position--;
      full = position;
      if (pendingFormal) formal = true;
      pendingFormal = false;
      afterFormalParticle = false;
      afterTitleParticle = false;
      continue;
    }
    if (isGap(code)) {
      const before = skipGapBack(text, position);
      const previous = text.charCodeAt(before - 1);
      if (before < position && before > 0 && !isHardBreak(text, before, position) && (isNameChar(previous) || isHiragana(previous))) {
        position = before;
        continue;
      }
      break;
    }
    if (!isHiragana(code)) break;
    const particle = particleEndingAt(text, position);
    if (particle && lawNumbered && LIST_JOINERS.has(text.slice(particle.start, position))) {
      if (!joinsTitle(text, particle.start, isBoundary)) break;
      titleJoin = true;
    }
    if (!particle) {
      // 津波防災地域づくりに関する法律: kana inside a word before a particle only titles use (no verb of prose stands there).
      const kana = afterTitleParticle || (lawNumbered && isKanaInTitle(text, position)) ? wordKanaBefore(text, position) : -1;
      if (kana < 0) break;
      titleJoin ||= !afterTitleParticle;
      position = kana;
      full = position;
      formal = true;
      pendingFormal = false;
      afterFormalParticle = false;
      afterTitleParticle = false;
      continue;
    }
    if (++particles > MAX_PARTICLES) break;
    if (tail < 0) {
      tail = full;
      nearestParticleProse = particle.formal && !particle.title;
    }
    position = particle.start;
    pendingFormal = particle.formal;
    afterFormalParticle = particle.formal;
    afterTitleParticle = particle.title;
  }
  // …の占用に対する道路法: a complete name right after a formal particle is that name, not a longer title.
  // 国会に対する報告, 規定による決議: a word of prose (報告, 決議…) after such a particle is no title either.
  if (tail >= 0 && nearestParticleProse) {
    const tailName = compact(text, tail, end);
    if (!isGenericName(tailName, false) || genreOf(tailName) !== 'treaty') formal = false;
  }
  if (titleJoin) formal = true;
  // 同条中国税通則法: 中 after a citation is the amendment instruction's "in", not part of the name.
  let start = formal ? full : tail < 0 ? full : tail;
  if (text[start] === '中' && isCitationEnd(start)) start = skipGap(text, start + 1);
  // `7 国連憲章第 51 条`, `2 条約の批准`: a footnote or section number before a gap is no part of the name.
  let digits = start;
  while (digits < suffixStart && isArabicDigit(text.charCodeAt(digits))) digits++;
  if (digits > start && isGap(text.charCodeAt(digits))) start = skipGap(text, digits);
  return { start, end, formal: formal && start === full };
}

/** The word that joins two parts of a title (麻薬及び向精神薬…); in prose 並びに more often joins clauses. */
const LIST_JOINERS = new Set(['及び', 'および']);

/** Whether 及び at `at` joins two parts of one law's title: not after a citation or a name found, nor after a law's name (a list of laws). */
function joinsTitle(text: string, at: number, isBoundary: (offset: number) => boolean): boolean {
  const before = skipGapBack(text, at);
  return !isBoundary(before) && suffixEndingAt(text, before) < 0;
}

/** Kana ending at `end` that can stand inside a title's word: な of 安全な, or two or more kana (覚せい剤) that end no verb (適用する, 定めた). */
function isKanaInTitle(text: string, end: number): boolean {
  const last = text[end - 1]!;
  return last === 'な' || (isHiragana(text.charCodeAt(end - 2)) && !'るたてでくすうつばずぬ'.includes(last));
}

/** Kana inside a word (づくり, 取り扱い) may be this long. */
const MAX_WORD_KANA = 4;

/** The start of the kana run ending at `end` when a kanji or katakana stands before it (a word's kana), else -1. */
function wordKanaBefore(text: string, end: number): number {
  let start = end;
  while (start > end - MAX_WORD_KANA && isHiragana(text.charCodeAt(start - 1))) start--;
  const before = text.charCodeAt(start - 1);
  return start < end && (isKanji(before) || isKatakana(before)) ? start : -1;
}

function isPointerStart(code: number): boolean {
  return code === 0x7b2c || isArabicDigit(code);
}

/**
 * Whether the gap [start, end) ends a heading or paragraph rather than wrapping a line: in PDF-extracted
 * text a line break after a space does (mid-sentence wraps have none), and so does the end of a Markdown heading.
 */
function isHardBreak(text: string, start: number, end: number): boolean {
  for (let position = start; position < end; position++) {
    const code = text.charCodeAt(position);
    if (code !== 0x0a && code !== 0x0d) continue;
    if (position > start) return true;
    let lineStart = start;
    while (lineStart > 0 && start - lineStart < 200 && text.charCodeAt(lineStart - 1) !== 0x0a && text.charCodeAt(lineStart - 1) !== 0x0d) lineStart--;
    while (text.charCodeAt(lineStart) === 0x20 || text.charCodeAt(lineStart) === 0x09) lineStart++;
    return text.charCodeAt(lineStart) === 0x23;
  }
  return false;
}

const OPEN_QUOTE = 0x300c; // 「
const CLOSE_QUOTE = 0x300d; // 」
const OPEN_DOUBLE_QUOTE = 0x300e; // 『
const CLOSE_DOUBLE_QUOTE = 0x300f; // 』
const FULL_STOP = 0x3002; // 。
const MASK = 0xfffc;

/** The offset of the 「 or 『 opening the quotation closed at `close`, or -1 (short quotations only). */
export function quotationOpening(text: string, close: number): number {
  const closing = text.charCodeAt(close);
  const opening = closing === CLOSE_DOUBLE_QUOTE ? OPEN_DOUBLE_QUOTE : OPEN_QUOTE;
  const limit = Math.max(0, close - MAX_NAME_LENGTH);
  for (let position = close - 1; position >= limit; position--) {
    const code = text.charCodeAt(position);
    if (code === opening) return position;
    if (code === closing || code === FULL_STOP || code === MASK) return -1;
  }
  return -1;
}

/** The offset of the 」 or 』 closing the quotation opened at `open`, or -1 (short quotations only). */
export function quotationClosing(text: string, open: number): number {
  const opening = text.charCodeAt(open);
  const closing = opening === OPEN_DOUBLE_QUOTE ? CLOSE_DOUBLE_QUOTE : CLOSE_QUOTE;
  const limit = Math.min(text.length, open + MAX_NAME_LENGTH);
  for (let position = open + 1; position < limit; position++) {
    const code = text.charCodeAt(position);
    if (code === closing) return position;
    if (code === opening || code === FULL_STOP || code === MASK) return -1;
  }
  return -1;
}

/** The name quoted between `open` and `close` (exclusive), footnote digits dropped, or null if it names no instrument. */
export function quotedName(text: string, open: number, close: number): { name: string; start: number; end: number } | null {
  let end = close;
  while (end > open + 1 && (isArabicDigit(text.charCodeAt(end - 1)) || isGap(text.charCodeAt(end - 1)))) end--;
  const start = skipGap(text, open + 1);
  if (end <= start) return null;
  const name = compact(text, start, end);
  if (!endsWithSuffix(name) || isGenericName(name, false)) return null;
  return { name, start, end };
}

/** Skips footnote digits (`「…条約」3（以下…）`, `国連憲章第 51 条7並びに`) and the gaps around them. */
export function skipFootnote(text: string, from: number): number {
  let position = skipGap(text, from);
  const digits = position;
  while (position - digits < 3 && isArabicDigit(text.charCodeAt(position))) position++;
  if (position === digits || isArabicDigit(text.charCodeAt(position))) return skipGap(text, from);
  return skipGap(text, position);
}

/** The same, backwards. */
export function skipFootnoteBack(text: string, end: number): number {
  let position = skipGapBack(text, end);
  const digits = position;
  while (digits - position < 3 && position > 0 && isArabicDigit(text.charCodeAt(position - 1))) position--;
  if (position === digits || (position > 0 && isArabicDigit(text.charCodeAt(position - 1)))) return skipGapBack(text, end);
  return skipGapBack(text, position);
}

/** Whether the parenthesis content is a law or treaty number, a date or an alias definition (`（平成十五年法律第七十九号。以下「…」という。）`). */
export function isNamingParenthesis(content: string): boolean {
  const compactContent = content.replace(/[ \t\r\n\u00a0]+/g, '');
  return /^以下/.test(compactContent) || /[。、]以下/.test(compactContent) || /第[〇一二三四五六七八九十百千0-9０-９]+号/.test(compactContent) || /^[^（）()]{0,12}年[^（）()]{0,8}月[^（）()]{0,8}日/.test(compactContent);
}

/** Whether a parenthesis opens with a law number (`昭和二十八年法律第十四号`, `平成15年政令第252号`). */
export function isLawNumber(content: string): boolean {
  return /^(?:明治|大正|昭和|平成|令和)[元〇一二三四五六七八九十百千0-9０-９]+年[^（）()。、]{0,8}?第[〇一二三四五六七八九十百千0-9０-９]+号/.test(content.replace(/[ \t\r\n\u00a0]+/g, ''));
}

/** Sentence-topic markers after a name: `…条約は、` `…法では` `…条約においては`. */
export function isTopicMarkerAt(text: string, from: number): boolean {
  const position = skipGap(text, from);
  for (const marker of ['においては', 'においても', 'において', 'については', 'について', 'では', 'には', 'は']) {
    const end = matchWord(text, position, marker);
    if (end >= 0) return true;
  }
  return false;
}
