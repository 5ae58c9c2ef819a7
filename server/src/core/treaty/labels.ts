// Line-level syntax of treaty documents: which label (article, division, 附則, paragraph, item…) a line starts with.
// Context-free on purpose; the scanner in parse.ts decides what a label means where it appears.

import { scriptLanguage } from '../text/language';
import { parseArabicNumber, parseKanjiNumber, parseRomanNumber, toRoman } from '../text/numerals';
import type { Article } from '../types';

type DivisionKind = 'part' | 'chapter' | 'section' | 'subsection';

/** Where a label sits in the line; all offsets are absolute (into the whole document). */
interface Labelled {
  readonly labelStart: number;
  readonly labelEnd: number;
}

export type LineSyntax =
  | { readonly kind: 'blank' }
  /** HTML comments and fenced code: never structure, never content. */
  | { readonly kind: 'ignored' }
  /** A Markdown heading that is none of the constructs below (a title, `## Notes`). */
  | { readonly kind: 'heading' }
  | (Labelled & {
      readonly kind: 'article';
      /** More than one for `第二十二条及び第二十三条　削除` / `第六十条から第六十二条まで　削除`. */
      readonly numbers: readonly string[];
      readonly label: string;
      readonly caption: string | null;
      /** Where the article's text starts on this line, or null when it starts on a later line. */
      readonly bodyStart: number | null;
      /** Ordinal scripts (Article / Статья) rather than 第N条: enables inline `(a)` items and section headings. */
      readonly western: boolean;
    })
  | (Labelled & {
      readonly kind: 'division';
      readonly division: DivisionKind;
      /** Nesting depth: 編/Part 0, 章/Chapter 1, 節/Section 2, 款 3, 目 4. */
      readonly rank: number;
      readonly number: string;
      readonly label: string;
      readonly title: string | null;
      /** A table-of-contents line: its title ends with the article range `（第一条―第六条）`. */
      readonly toc: boolean;
      readonly western: boolean;
    })
  | (Labelled & {
      readonly kind: 'supplementary';
      readonly heading: string;
      readonly amendingAct: string | null;
      /** `抄`: the block is an excerpt, so gaps in its numbering are expected. */
      readonly excerpt: boolean;
    })
  | (Labelled & { readonly kind: 'preamble'; readonly label: string })
  | (Labelled & {
      readonly kind: 'annex';
      readonly number: string | null;
      readonly label: string;
      readonly title: string | null;
    })
  /** The testimonium (`IN WITNESS WHEREOF`, `以上の証拠として`): the operative text is over. */
  | { readonly kind: 'closing' }
  /** `目次` / `Contents`: a table of contents follows. */
  | { readonly kind: 'toc' }
  /** `（設置）` alone on a line: the caption of the provision that follows. */
  | { readonly kind: 'caption'; readonly caption: string; readonly textStart: number }
  | { readonly kind: 'summary'; readonly summary: string }
  | (Labelled & {
      readonly kind: 'paragraph';
      readonly number: number;
      /** `ja`: `２　`, `②` (any gap in numbering accepted); `loose`: `2 `; `dotted`: `2.` / `2.To`. */
      readonly style: 'ja' | 'loose' | 'dotted';
      readonly textStart: number;
    })
  | (Labelled & { readonly kind: 'itemJa'; readonly number: string; readonly textStart: number })
  | (Labelled & { readonly kind: 'subitemJa'; readonly number: string; readonly textStart: number })
  /** `（１）` and deeper Japanese levels: folded into the enclosing sub-item. */
  | { readonly kind: 'deepJa'; readonly textStart: number }
  /** `(a)`, `(iv)`, `(1)`, `a.`, `а)`, `1)`: the key is the label's letters or digits, lower-cased. */
  | (Labelled & { readonly kind: 'itemWestern'; readonly key: string; readonly textStart: number })
  | { readonly kind: 'text'; readonly textStart: number };

const KANJI = '〇一二三四五六七八九十百千';
const NUMBER = `(?:[0-9０-９]+|[${KANJI}]+)`;
const IROHA = 'イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス';
const LATIN_BRANCHES: Readonly<Record<string, number>> = {
  bis: 2, ter: 3, quater: 4, quinquies: 5, sexies: 6, septies: 7, octies: 8, novies: 9, nonies: 9, decies: 10,
};

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ARTICLE_JA = new RegExp(`^第(${NUMBER})条((?:の${NUMBER})*)`);
const ARTICLE_JA_RANGE = new RegExp(`^(から|及び|・)第(${NUMBER})条((?:の${NUMBER})*)(まで)?`);
// French texts number their first article `Article premier` (or `1er`).
const ARTICLE_WESTERN = /^(?:[Aa]rticle|ARTICLE|Art\.|ART\.|[Сс]татья|СТАТЬЯ)[ \t\u00a0]+([0-9]+(?:\.[0-9]+)?|[IVXLCDM]+|premier|PREMIER|1er)(?![A-Za-z0-9])(?:[ \t]*(bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)(?![A-Za-z]))?/;
const DIVISION_JA = new RegExp(`^第(${NUMBER})(編|章|節|款|目)((?:の${NUMBER})*)`);
const DIVISION_WESTERN = /^(PART|[Pp]art|CHAPTER|[Cc]hapter|SECTION|[Ss]ection|TITLE|[Tt]itle|РАЗДЕЛ|Раздел|ГЛАВА|Глава|CHAPITRE|[Cc]hapitre|TITRE|[Tt]itre)[ \t\u00a0]+([0-9]+|[IVXLCDM]+)(?![A-Za-z0-9])/;
const SUPPLEMENTARY = /^(附[ 　]*則|Supplementary [Pp]rovisions|SUPPLEMENTARY PROVISIONS)(?:[ 　]*[（(]([^（）()]*)[）)])?([ 　]*(?:抄|Extract|\[Extract\]))?[ 　]*$/;
const PREAMBLE = /^(前文|Preamble|PREAMBLE|Преамбула|ПРЕАМБУЛА)[ 　\t]*$/;
const ANNEX_JA = new RegExp(`^(附属書|別表|別記)(?:第?(${NUMBER}|[IVXLCDM]+|[A-ZＡ-Ｚ]))?`);
const ANNEX_WESTERN = /^(ANNEX|[Aa]nnex|APPENDIX|[Aa]ppendix|ПРИЛОЖЕНИЕ|Приложение)(?:[ \t\u00a0]+([0-9]+|[IVXLCDM]+|[A-Z]))?(?![A-Za-z0-9])/;
const TOC = /^(目次|目　次|Contents|CONTENTS|Table of [Cc]ontents|Оглавление|Содержание)[ 　\t]*$/;
const CLOSING = /^(IN WITNESS WHEREOF|In witness whereof|IN FAITH WHEREOF|In faith whereof|以上の証拠として|В УДОСТОВЕРЕНИЕ ЧЕГО|В удостоверение чего)/;
const CAPTION = /^[（(]([^（）()]{1,80})[）)][ 　\t]*$/;
const LAW_NUMBER = /^(?:明治|大正|昭和|平成|令和).*第.+号$/;
const SUMMARY = /^(?:要旨|Summary|SUMMARY|Резюме)[ \t]*[:：][ \t　]*(.*?)[ \t　]*$/;
const SUMMARY_COMMENT = /^<!--[ \t]*summary[ \t]*:[ \t]*(.*?)[ \t]*-->[ \t]*$/i;
const PARAGRAPH_SPACED = /^([0-9０-９]{1,3})(　|[ \t]+)(?=\S)/;
const PARAGRAPH_DOTTED = /^([0-9]{1,3})[.．](?:[ \t]+|(?=[^\s0-9.])|$)/;
const ITEM_JA = /^([一二三四五六七八九十百]{1,4})((?:の[一二三四五六七八九十]{1,3})*)[　 ]+(?=\S)/;
const SUBITEM_JA = new RegExp(`^([${IROHA}])[　 ]+(?=\\S)`);
const DEEP_JA = new RegExp(`^（(?:[0-9０-９]{1,3}|[${IROHA}]|[ｉｖｘ]{1,4})）`);
const ITEM_PARENTHESISED = /^\(([a-z]{1,6}|[0-9]{1,3}|[A-Z])\)(?:[ \t]+|(?=\S)|$)/;
const ITEM_DOTTED_LETTER = /^([a-z])\.(?:[ \t]+|(?=[a-z]))/;
const ITEM_CLOSE_PAREN = /^([а-яё]|[0-9]{1,2})\)[ \t]+/;

/** Kanji, Arabic (either width) or Roman numeral → its value; null if none of them. */
function numberValue(text: string): number | null {
  return parseArabicNumber(text) ?? parseKanjiNumber(text) ?? (/^[IVXLCDM]+$/.test(text) ? parseRomanNumber(text) : null);
}

/** `の二の三` → `_2_3` (the branch part of a Japanese label). */
function branchSuffix(branches: string): string | null {
  if (branches === '') return '';
  let suffix = '';
  for (const part of branches.split('の').slice(1)) {
    const value = numberValue(part);
    if (value === null) return null;
    suffix += `_${value}`;
  }
  return suffix;
}

/** The key article numbers compare by: `6_2` → [6, 2], `7_bis` → [7, 2], `5.1` → [5, 1]. */
export function articleOrderKey(number: string): number[] {
  const key: number[] = [];
  for (const part of number.split(/[_.]/)) {
    const value = parseArabicNumber(part) ?? LATIN_BRANCHES[part.toLowerCase()];
    if (value === undefined) return key;
    key.push(value);
  }
  return key;
}

/** Normalises an article number as written or half-normalised (`６の２`, `6-2`, `IV`, `7 bis`) to the model's form. */
export function normaliseArticleNumber(text: string): string {
  const parts = text.trim().split(/[_の\-.\s]+/).filter((part) => part !== '');
  return parts
    .map((part) => {
      const value = numberValue(part);
      return value === null ? part.toLowerCase() : String(value);
    })
    .join('_');
}

/** A line reads as a heading or title rather than a sentence. */
export function isTitleLike(text: string): boolean {
  return text.length > 0 && text.length <= 100 && !/[.;,:。、；：，]$/.test(text);
}

/** A line of running text (a preamble, not a title or a law number). */
export function isProse(text: string): boolean {
  return text.length >= 80 || /[.;,:。、；：，．]$/.test(text);
}

interface Rest {
  readonly caption: string | null;
  /** Offset within the rest where body text starts, or null. */
  readonly body: number | null;
}

/**
 * What follows a western label: nothing, a caption (`. Title`, ` — Title`, `(Title)`, or any text in a heading),
 * or body text after `.`/`:`. Null when the label is really the start of a sentence (`Article 5 shall…`).
 */
function westernRest(rest: string, heading: boolean): Rest | null {
  if (rest.trim() === '') return { caption: null, body: null };
  const bracketed = /^[ \t]*[(（]([^()（）]*)[)）][ \t]*$/.exec(rest);
  if (bracketed) return { caption: bracketed[1]!.trim() || null, body: null };
  const separator = /^(?:[ \t]*[.:．：][ \t]*|[ \t]+[-—–][ \t]+|[ \t]*[—–][ \t]*)/.exec(rest);
  if (separator) {
    const remainder = rest.slice(separator[0].length).trimEnd();
    if (remainder === '') return { caption: null, body: null };
    if (heading || isTitleLike(remainder)) return { caption: remainder, body: null };
    return { caption: null, body: separator[0].length };
  }
  if (heading && /^[ \t]/.test(rest)) return { caption: rest.trim(), body: null };
  // `Article 1  This Act aims…` (two spaces, a tab or a full-width space): the text starts on the label's line.
  const gap = /^(?:[ \t]{2,}|\t|[ \t]*　[ \t　]*)/.exec(rest);
  if (gap) return { caption: null, body: gap[0].length };
  return null;
}

/** What follows a 第N条 label: the text after `　`, a `（見出し）`, nothing, or (in a heading) a title. */
function japaneseRest(rest: string, heading: boolean): Rest | null {
  if (rest.trim() === '') return { caption: null, body: null };
  const bracketed = /^[（(]([^（）()]*)[）)]/.exec(rest);
  if (bracketed) {
    const after = rest.slice(bracketed[0].length);
    if (after.trim() === '') return { caption: bracketed[1]!.trim() || null, body: null };
    const gap = /^[　 \t]+/.exec(after);
    if (gap && !heading) return { caption: bracketed[1]!.trim() || null, body: bracketed[0].length + gap[0].length };
    if (heading) return { caption: rest.trim().replace(/^[（(](.*)[）)]$/, '$1'), body: null };
    return null;
  }
  const gap = /^[　 \t]+/.exec(rest);
  if (!gap) return null;
  if (heading) return { caption: rest.trim().replace(/^[（(](.*)[）)]$/, '$1') || null, body: null };
  return { caption: null, body: gap[0].length };
}

function japaneseArticle(content: string, at: number, heading: boolean): LineSyntax | null {
  const match = ARTICLE_JA.exec(content);
  if (!match) return null;
  const main = numberValue(match[1]!);
  const branches = branchSuffix(match[2]!);
  if (main === null || branches === null) return null;
  let numbers = [`${main}${branches}`];
  let labelLength = match[0].length;
  const range = ARTICLE_JA_RANGE.exec(content.slice(labelLength));
  if (range && (range[1] !== 'から' || range[4] !== undefined) && (range[1] === 'から' || range[4] === undefined)) {
    const last = numberValue(range[2]!);
    const lastBranches = branchSuffix(range[3]!);
    if (last !== null && lastBranches !== null) {
      numbers = range[1] === 'から' ? expandRange(numbers[0]!, `${last}${lastBranches}`) : [numbers[0]!, `${last}${lastBranches}`];
      labelLength += range[0].length;
    }
  }
  const rest = japaneseRest(content.slice(labelLength), heading);
  if (!rest) return null;
  return {
    kind: 'article',
    numbers,
    label: content.slice(0, labelLength),
    labelStart: at,
    labelEnd: at + labelLength,
    caption: rest.caption,
    bodyStart: rest.body === null ? null : at + labelLength + rest.body,
    western: false,
  };
}

/** `60`–`62` → 60, 61, 62; `9_2`–`9_4` → 9_2, 9_3, 9_4; anything else → just the two ends. */
function expandRange(first: string, last: string): string[] {
  const from = articleOrderKey(first);
  const to = articleOrderKey(last);
  const sameDepth = from.length === to.length && from.slice(0, -1).every((value, index) => value === to[index]);
  const span = to[to.length - 1]! - from[from.length - 1]!;
  if (!sameDepth || span < 1 || span > 200) return [first, last];
  const prefix = first.includes('_') ? first.slice(0, first.lastIndexOf('_') + 1) : '';
  const numbers: string[] = [];
  for (let value = from[from.length - 1]!; value <= to[to.length - 1]!; value++) numbers.push(`${prefix}${value}`);
  return numbers;
}

function westernArticle(content: string, at: number, heading: boolean): LineSyntax | null {
  const match = ARTICLE_WESTERN.exec(content);
  if (!match) return null;
  const written = /^(?:premier|1er)$/i.test(match[1]!) ? '1' : match[1]!;
  const value = /^[IVXLCDM]+$/.test(written) ? parseRomanNumber(written) : null;
  if (/^[IVXLCDM]+$/.test(written) && value === null) return null;
  const number = (value === null ? written.replace('.', '_') : String(value)) + (match[2] ? `_${match[2].toLowerCase()}` : '');
  const rest = westernRest(content.slice(match[0].length), heading);
  if (!rest) return null;
  return {
    kind: 'article',
    numbers: [number],
    label: match[0],
    labelStart: at,
    labelEnd: at + match[0].length,
    caption: rest.caption,
    bodyStart: rest.body === null ? null : at + match[0].length + rest.body,
    western: true,
  };
}

const DIVISION_RANK: Readonly<Record<string, [DivisionKind, number]>> = {
  編: ['part', 0], 章: ['chapter', 1], 節: ['section', 2], 款: ['subsection', 3], 目: ['subsection', 4],
  part: ['part', 0], title: ['part', 0], раздел: ['part', 0],
  chapter: ['chapter', 1], глава: ['chapter', 1], section: ['section', 2], chapitre: ['chapter', 1], titre: ['part', 0],
};

function division(content: string, at: number, heading: boolean): LineSyntax | null {
  const japanese = DIVISION_JA.exec(content);
  if (japanese) {
    const value = numberValue(japanese[1]!);
    const branches = branchSuffix(japanese[3]!);
    const rest = content.slice(japanese[0].length);
    if (value === null || branches === null || !(rest === '' || /^[　 \t]/.test(rest))) return null;
    const [kind, rank] = DIVISION_RANK[japanese[2]!]!;
    const title = rest.trim() || null;
    return {
      kind: 'division', division: kind, rank, number: `${value}${branches}`, label: japanese[0], title,
      toc: title !== null && /（第[^（）]*条[^（）]*）$/.test(title), labelStart: at, labelEnd: at + japanese[0].length, western: false,
    };
  }
  const western = DIVISION_WESTERN.exec(content);
  if (!western) return null;
  const value = numberValue(western[2]!);
  const rest = westernRest(content.slice(western[0].length), heading);
  if (value === null || !rest || rest.body !== null) return null;
  const [kind, rank] = DIVISION_RANK[western[1]!.toLowerCase()]!;
  return {
    kind: 'division', division: kind, rank, number: String(value), label: western[0], title: rest.caption,
    toc: false, labelStart: at, labelEnd: at + western[0].length, western: true,
  };
}

function annex(content: string, at: number, heading: boolean): LineSyntax | null {
  const japanese = ANNEX_JA.exec(content);
  if (japanese) {
    const rest = content.slice(japanese[0].length);
    if (!(rest.trim() === '' || /^[　 \t（(]/.test(rest))) return null;
    const written = japanese[2];
    const value = written === undefined ? null : parseArabicNumber(written) ?? parseKanjiNumber(written);
    return {
      kind: 'annex', number: written === undefined ? null : value === null ? written : String(value), label: japanese[0],
      title: rest.trim() || null, labelStart: at, labelEnd: at + japanese[0].length,
    };
  }
  const western = ANNEX_WESTERN.exec(content);
  if (!western) return null;
  const rest = westernRest(content.slice(western[0].length), heading);
  if (!rest || rest.body !== null) return null;
  return {
    kind: 'annex', number: western[2] ?? null, label: western[0], title: rest.caption,
    labelStart: at, labelEnd: at + western[0].length,
  };
}

/** Classifies what a line can be, in isolation. `line` excludes the line break; `at` is its offset. */
function classifyLine(line: string, at: number): LineSyntax {
  const first = line.charCodeAt(0);
  const heading = first === 0x23 /* # */ || first === 0x20 ? HEADING.exec(line) : null;
  let content: string;
  let offset = at;
  if (heading) {
    content = line.slice(heading[0].length).replace(/[ \t]+#+[ \t]*$/, '').trimEnd();
    offset = at + heading[0].length;
  } else {
    // Markdown allows up to three spaces of indentation; e-Gov indents headings with full-width spaces.
    let indent = 0;
    while (indent < 3 && (line.charCodeAt(indent) === 0x20 || line.charCodeAt(indent) === 0x09)) indent++;
    content = indent === 0 ? line.trimEnd() : line.slice(indent).trimEnd();
    offset = at + indent;
    // trimEnd removes full-width spaces too, so a line of white space is empty here.
    if (content.trimStart() === '') return { kind: 'blank' };
  }
  const structural = labelled(content, offset, heading !== null);
  if (structural) return structural;
  if (heading) return { kind: 'heading' };
  return inline(content, offset);
}

const isLetter = (code: number): boolean =>
  (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x400 && code <= 0x4ff);

/** Labels that structure a document: articles, divisions, 附則, preamble, annexes (headings or plain lines). */
function labelled(content: string, offset: number, heading: boolean): LineSyntax | null {
  const first = content.charCodeAt(0);
  if (first === 0x7b2c /* 第 */) return japaneseArticle(content, offset, heading) ?? division(content, offset, heading);
  if (first === 0x3000) {
    // e-Gov indents chapter, section and 附則 lines (and amendment instructions, which match none of these).
    let indented = 1;
    while (content.charCodeAt(indented) === 0x3000) indented++;
    const inner = content.slice(indented);
    const at = offset + indented;
    const lead = inner.charCodeAt(0);
    if (lead === 0x7b2c) return division(inner, at, heading);
    if (lead === 0x9644 /* 附 */) return supplementary(inner, at);
    return lead === 0x524d /* 前 */ || lead === 0x76ee /* 目 */ ? preambleOrToc(inner, at) : null;
  }
  if (isLetter(first)) {
    return (
      supplementary(content, offset) ??
      preambleOrToc(content, offset) ??
      westernArticle(content, offset, heading) ??
      division(content, offset, heading) ??
      annex(content, offset, heading)
    );
  }
  if (first === 0x9644 /* 附 */) return supplementary(content, offset) ?? annex(content, offset, heading);
  if (first === 0x5225 /* 別 */) return annex(content, offset, heading);
  if (first === 0x524d /* 前 */ || first === 0x76ee /* 目 */) return preambleOrToc(content, offset);
  return null;
}

/** `附　則`, `附　則　（平成一七年六月二九日法律第七三号）　抄`, `Supplementary Provisions (Act No. 73 of 2005) Extract`. */
function supplementary(content: string, at: number): LineSyntax | null {
  const match = SUPPLEMENTARY.exec(content);
  if (!match) return null;
  const act = match[2]?.trim() ?? '';
  return {
    kind: 'supplementary',
    heading: content.trim(),
    amendingAct: act === '' ? null : act,
    excerpt: match[3] !== undefined,
    labelStart: at,
    labelEnd: at + match[1]!.length,
  };
}

function preambleOrToc(content: string, at: number): LineSyntax | null {
  const preamble = PREAMBLE.exec(content);
  if (preamble) return { kind: 'preamble', label: preamble[1]!, labelStart: at, labelEnd: at + preamble[1]!.length };
  return TOC.test(content) ? { kind: 'toc' } : null;
}

const KANJI_ITEM_START = new Set([...'一二三四五六七八九十百']);

/** Lines inside provisions: captions, summaries, paragraph and item labels, text (dispatched on the first character). */
function inline(content: string, offset: number): LineSyntax {
  let lead = 0;
  for (let code = content.charCodeAt(0); code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0; ) {
    code = content.charCodeAt(++lead);
  }
  const textStart = offset + lead;
  const first = content.charCodeAt(0);
  const leading = content.charAt(lead);
  if ('IiВ以'.includes(leading) && CLOSING.test(content)) return { kind: 'closing' };
  if ('要SР'.includes(leading)) {
    const summary = SUMMARY.exec(content.slice(lead));
    if (summary) return { kind: 'summary', summary: summary[1]! };
  }
  if (leading === '（' || leading === '(') {
    const caption = CAPTION.exec(content.slice(lead));
    // `(a)`, `(iv)`, `(12)`, `(B)` alone on a line are item labels, not captions like `(Scope)` or `（目的）`.
    if (caption && !LAW_NUMBER.test(caption[1]!) && !/^(?:[a-z]{1,6}|[0-9]{1,3}|[A-Z])$/.test(caption[1]!)) {
      return { kind: 'caption', caption: caption[1]!.trim(), textStart };
    }
  }
  if ((first >= 0x30 && first <= 0x39) || (first >= 0xff10 && first <= 0xff19)) {
    const spaced = PARAGRAPH_SPACED.exec(content);
    if (spaced) {
      const digits = spaced[1]!;
      return {
        kind: 'paragraph', number: parseArabicNumber(digits)!, labelStart: offset, labelEnd: offset + digits.length,
        style: spaced[2] === '　' || first >= 0xff10 ? 'ja' : 'loose', textStart: offset + spaced[0].length,
      };
    }
    const dotted = PARAGRAPH_DOTTED.exec(content);
    if (dotted) {
      return {
        kind: 'paragraph', number: parseArabicNumber(dotted[1]!)!, labelStart: offset,
        labelEnd: offset + dotted[1]!.length + 1, style: 'dotted', textStart: offset + dotted[0].length,
      };
    }
  } else if (first >= 0x2460 && first <= 0x2473) {
    // ①②③: circled paragraph numbers, as some Japanese translations write them.
    const gap = /^.[ 　\t]*/.exec(content)![0].length;
    return {
      kind: 'paragraph', number: first - 0x2460 + 1, labelStart: offset, labelEnd: offset + 1, style: 'ja',
      textStart: offset + gap,
    };
  } else if (KANJI_ITEM_START.has(content.charAt(0))) {
    const item = ITEM_JA.exec(content);
    const value = item ? numberValue(item[1]!) : null;
    const branches = item ? branchSuffix(item[2]!) : null;
    if (item && value !== null && branches !== null) {
      const labelLength = item[1]!.length + item[2]!.length;
      return {
        kind: 'itemJa', number: `${value}${branches}`, labelStart: offset, labelEnd: offset + labelLength,
        textStart: offset + item[0].length,
      };
    }
  } else if (first >= 0x30a1 && first <= 0x30fa) {
    const subitem = SUBITEM_JA.exec(content);
    if (subitem) {
      return { kind: 'subitemJa', number: subitem[1]!, labelStart: offset, labelEnd: offset + 1, textStart: offset + subitem[0].length };
    }
  } else if (first === 0xff08 /* （ */ && DEEP_JA.test(content)) {
    return { kind: 'deepJa', textStart };
  }
  if (first === 0x28 || (first >= 0x61 && first <= 0x7a) || (first >= 0x30 && first <= 0x39) || (first >= 0x430 && first <= 0x451)) {
    const western = ITEM_PARENTHESISED.exec(content) ?? ITEM_DOTTED_LETTER.exec(content) ?? ITEM_CLOSE_PAREN.exec(content);
    if (western) {
      return {
        kind: 'itemWestern', key: western[1]!.toLowerCase(), labelStart: offset,
        labelEnd: offset + western[0].trimEnd().length, textStart: offset + western[0].length,
      };
    }
  }
  return { kind: 'text', textStart };
}

/** Splits text into lines: [start, end) without the line break; handles \n, \r\n and a lone \r. */
export function splitLines(text: string, from: number): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = from;
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || code === 0x0d) {
      starts.push(start);
      ends.push(index);
      if (code === 0x0d && text.charCodeAt(index + 1) === 0x0a) index++;
      start = index + 1;
    }
  }
  if (start < text.length || starts.length === 0) {
    starts.push(start);
    ends.push(text.length);
  }
  return { starts, ends };
}

/** Marks HTML comment and fenced-code lines as ignored while classifying every line. */
export function classifyLines(text: string, starts: readonly number[], ends: readonly number[]): LineSyntax[] {
  const result: LineSyntax[] = new Array<LineSyntax>(starts.length);
  let fence: string | null = null;
  let inComment = false;
  for (let index = 0; index < starts.length; index++) {
    const line = text.slice(starts[index], ends[index]);
    if (fence !== null) {
      result[index] = { kind: 'ignored' };
      if (line.trimStart().startsWith(fence)) fence = null;
      continue;
    }
    if (inComment) {
      result[index] = { kind: 'ignored' };
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const opening = FENCE.exec(line);
    if (opening) {
      fence = opening[1]!.slice(0, 3);
      result[index] = { kind: 'ignored' };
      continue;
    }
    const trimmed = line.trimStart();
    if (trimmed.startsWith('<!--')) {
      const summary = SUMMARY_COMMENT.exec(trimmed);
      if (summary) {
        result[index] = { kind: 'summary', summary: summary[1]! };
        continue;
      }
      if (!trimmed.includes('-->', 4)) inComment = true;
      result[index] = { kind: 'ignored' };
      continue;
    }
    result[index] = classifyLine(line, starts[index]!);
  }
  return result;
}

/** The next label of a western item list after `key` (`a` → `b`, `iv` → `v`, `3` → `4`, `а` → `б`). */
export function nextWesternKey(key: string, roman: boolean): string | null {
  if (/^[0-9]+$/.test(key)) return String(Number(key) + 1);
  if (roman) {
    const value = parseRomanNumber(key);
    return value === null ? null : toRoman(value + 1).toLowerCase();
  }
  const cyrillic = 'абвгдежзиклмнопрстуфхцчшщэюя';
  const cyrillicIndex = cyrillic.indexOf(key);
  if (cyrillicIndex >= 0) return cyrillic[cyrillicIndex + 1] ?? null;
  if (/^[a-y]$/.test(key)) return String.fromCharCode(key.charCodeAt(0) + 1);
  return null;
}

/** An article's caption after its label, as its treaty writes it: `（目的）` in Japanese, ` — Purpose` otherwise; '' without one. */
export function captionAfterLabel(article: Article, lang: string | null): string {
  if (!article.caption) return '';
  const japanese = lang ? lang.startsWith('ja') : scriptLanguage(article.label) === 'ja';
  return japanese ? `（${article.caption}）` : ` — ${article.caption}`;
}
