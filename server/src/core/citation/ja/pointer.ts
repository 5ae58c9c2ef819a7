// One Japanese pointer (Lawtext's term): the fragments that name one provision, from the highest
// level down — `附則第三十八条の二の二第一項第二号イ後段`, `同条第三項`, `前二項`, `第二条1項(a)`, `第4、5条`.

import type { CitedDivision, LevelRef, Qualifier } from '../../types';
import { IROHA, isArabicDigit, isKanji, isKatakana, isLatinLetter, holdsBlankLine, matchAny, matchWord, skipGap, skipGapBack } from './chars';
import { circledNumber, readNumber, type NumberToken } from './numbers';

/** Levels in descending order; a pointer's fragments go strictly deeper. */
const NONE = 0;
export const ARTICLE = 1;
export const PARAGRAPH = 2;
export const ITEM = 3;
export const SUBITEM = 4;
const PART = 5;
/** Nothing can follow (chapters, 前文, 別表, annexes). */
const TERMINAL = 9;

/** One provision while it is being read; becomes a `CitationSyntax`. */
export interface Draft {
  start: number;
  end: number;
  /** A kind fixed by the form itself (`chapter`, `annex`, `exclusion`…), or null to derive it. */
  kind: string | null;
  article: LevelRef | null;
  paragraph: LevelRef | null;
  item: LevelRef | null;
  subitem: string | null;
  part: string | null;
  supplementary: boolean;
  preamble: boolean;
  annex: string | null;
  /** Chapters and sections can only be cited with a qualifier or as 第N章第M節 outside treaties. */
  structure: 'chapter' | 'section' | null;
  compoundStructure: boolean;
  division: CitedDivision | null;
  qualifier: Qualifier | null;
  prev: Draft | null;
  rangeRole: 'from' | 'to' | null;
  level: number;
  /** Position in the scanner's output once committed, else -1. */
  index: number;
}

export function newDraft(start: number): Draft {
  return {
    start, end: start, kind: null, article: null, paragraph: null, item: null, subitem: null, part: null,
    supplementary: false, preamble: false, annex: null, structure: null, compoundStructure: false, division: null,
    qualifier: null, prev: null, rangeRole: null, level: NONE, index: -1,
  };
}

export interface PointerParse {
  /** Usually one; several for elided lists and ranges (`第4、5条`, `第10〜13条`). */
  readonly members: Draft[];
  readonly end: number;
}

const DAI = 0x7b2c; // 第

const PART_WORDS: readonly string[] = ['ただし書き', 'ただし書', '但し書き', '但し書', '但書', '柱書き', '柱書', '前段', '後段', '本文'];
const ELISION_SEPARATORS = '、・，,';
/** Range dashes: wave dashes U+FF5E U+301C, bars U+2015 U+FF0D, hyphens, the long vowel mark. */
export const RANGE_DASHES = '～〜~―－‐-–—ー';
/** 条 directly followed by these is another word: 条約, 条件, 条例, 条項, 条文, 条理, 条令, 条目. */
const NOT_AFTER_ARTICLE = '約件例項文理令目';
/** A branch number followed by a counter is a count: 第3条の2つの義務. */
const COUNTERS = 'つ個箇人国年月日点回件名倍割%％分度番次者位条項号章節';
/** Kanji that may follow a branch number: the next fragment or a connector. */
const BRANCH_FOLLOWERS = '第及並又若中等前後本柱各';
/** 2か国, 3ヶ月: these are counters only before a kanji (…の2から is a branch, then a range). */
const COUNTER_PREFIXES = 'かヶケヵ';
/** Kanji that may follow 号 or 文 inside a citation (connectors, 中, 等); any other kanji makes a compound word. */
const AFTER_ITEM_KANJI = '及並又若中等';

/** Reads pointers in one text. `treatyDocument` admits 前号/次号 (ambiguous in prose). */
export class PointerReader {
  constructor(
    private readonly text: string,
    private readonly treatyDocument: boolean,
  ) {}

  /** Parses one pointer at `from`, or returns null. */
  parse(from: number): PointerParse | null {
    const text = this.text;
    const draft = newDraft(from);
    let position = from;
    const supplementaryEnd = matchWord(text, from, '附則');
    if (supplementaryEnd >= 0) {
      position = skipGap(text, supplementaryEnd);
      if (text.charCodeAt(position) !== DAI) return null;
      draft.supplementary = true;
    }
    const first = this.first(position, draft);
    if (first === null) return null;
    if (typeof first !== 'number') return first;
    const deeper = draft.level < TERMINAL ? this.deeper(first, draft) : first;
    if (typeof deeper !== 'number') return deeper;
    draft.end = deeper;
    return { members: [draft], end: deeper };
  }

  /** The first fragment: its end, a finished elided list, or null. */
  private first(position: number, draft: Draft): number | PointerParse | null {
    const text = this.text;
    const character = text[position];
    switch (character) {
      case '第':
        return this.numbered(position, draft);
      case '同':
        return this.relative(position, draft, 'same');
      case '前': {
        const next = skipGap(text, position + 1);
        if (text[next] === '文') return this.preamble(next + 1, draft);
        return this.relative(position, draft, 'previous');
      }
      case '次':
        return this.relative(position, draft, 'next');
      case '本':
        return this.relative(position, draft, 'this');
      case 'こ': {
        const end = matchWord(text, position, 'この');
        return end < 0 ? null : this.relative(end - 1, draft, 'this');
      }
      case '当': {
        const each = matchAny(text, position, ['当該各号', '当該各項']);
        return each ? this.each(each.word.endsWith('号') ? ITEM : PARAGRAPH, false, each.end, draft) : null;
      }
      case '各': {
        const each = matchAny(text, position, ['各号', '各項']);
        return each ? this.each(each.word.endsWith('号') ? ITEM : PARAGRAPH, false, each.end, draft) : null;
      }
      case '附':
        return this.annex(position, draft);
      case '別':
        return this.appendix(position, draft);
      case 'パ':
        return this.katakanaParagraph(position, draft);
      default:
        return isArabicDigit(text.charCodeAt(position)) ? this.bare(position, draft) : null;
    }
  }

  /** Lower-level fragments after the first: `第一項`, `1項`, `第三号`, `各号`, `イ`, `(a)`, `①`, `前段`. */
  private deeper(from: number, draft: Draft): number | PointerParse {
    const text = this.text;
    let end = from;
    for (;;) {
      const position = skipGap(text, end);
      const character = text[position];
      let next: number | PointerParse | null = null;
      if (character === 'の') next = this.part(skipGap(text, position + 1), draft);
      else if (character === '第') next = this.numbered(position, draft);
      else if (isArabicDigit(text.charCodeAt(position))) next = this.bare(position, draft);
      else if (character === '各' && (draft.level === ARTICLE || draft.level === PARAGRAPH)) {
        const each = matchAny(text, position, draft.level === ARTICLE ? ['各号', '各項'] : ['各号']);
        if (each) next = this.each(each.word.endsWith('号') ? ITEM : PARAGRAPH, false, each.end, draft);
      } else if (draft.level === ITEM && IROHA.includes(character ?? '\0') && !isKatakana(text.charCodeAt(position + 1))) {
        draft.subitem = character!;
        draft.level = SUBITEM;
        next = position + 1;
      } else if ((character === '(' || character === '（') && (draft.level === ARTICLE || draft.level === PARAGRAPH)) {
        next = this.letterItem(position, draft) ?? (draft.level === ARTICLE ? this.captionBeforeParagraph(position) : null);
      } else if (draft.level === ARTICLE && circledNumber(text.charCodeAt(position)) !== null) {
        draft.paragraph = { kind: 'number', value: String(circledNumber(text.charCodeAt(position))) };
        draft.level = PARAGRAPH;
        next = position + 1;
      } else {
        next = this.part(position, draft);
      }
      if (next === null) return end;
      if (typeof next !== 'number') return next;
      end = next;
      if (draft.level >= PART) return end;
    }
  }

  /** `第` + number + unit, with branches (`の二`) and elision (`第4、5条`, `第10〜13条`). */
  private numbered(position: number, draft: Draft): number | PointerParse | null {
    const text = this.text;
    const number = readNumber(text, skipGap(text, position + 1));
    if (number === null || number.value === null) return null;
    const unitPosition = skipGap(text, number.end);
    const unit = text[unitPosition] ?? '\0';
    if (ELISION_SEPARATORS.includes(unit) || RANGE_DASHES.includes(unit)) return this.elided(number, draft);
    if (unit === '文') {
      if (!this.endsWord(unitPosition + 1)) return null;
      draft.part = `第${number.value}文`;
      draft.level = PART;
      return unitPosition + 1;
    }
    if (unit === '章' || unit === '節' || unit === '款' || unit === '編') return this.structure(unit, unitPosition, draft, number.value);
    const level = unit === '条' ? ARTICLE : unit === '項' ? PARAGRAPH : unit === '号' ? ITEM : NONE;
    if (level === NONE || level <= draft.level || !this.unitEnds(unit, unitPosition + 1)) return null;
    let value = number.value;
    let end = unitPosition + 1;
    if (level !== PARAGRAPH) {
      const branched = this.branches(end);
      value += branched.suffix;
      end = branched.end;
    }
    setLevel(draft, level, { kind: 'number', value });
    return end;
  }

  /** `第4、5条`: numbers separated by 、・ or a range dash, one unit at the end. */
  private elided(first: NumberToken, draft: Draft): PointerParse | null {
    const text = this.text;
    const numbers: { token: NumberToken; range: boolean }[] = [{ token: first, range: false }];
    let cursor = first.end;
    let unitPosition = -1;
    while (numbers.length < 30) {
      const separatorPosition = skipGap(text, cursor);
      const separator = text[separatorPosition] ?? '\0';
      const range = RANGE_DASHES.includes(separator);
      if (!range && !ELISION_SEPARATORS.includes(separator)) break;
      const token = readNumber(text, skipGap(text, separatorPosition + 1));
      if (token === null || token.value === null || token.arabic !== first.arabic) return null;
      numbers.push({ token, range });
      cursor = token.end;
      const after = skipGap(text, cursor);
      if ('条項号'.includes(text[after] ?? '\0')) {
        unitPosition = after;
        break;
      }
    }
    if (unitPosition < 0) return null;
    const unit = text[unitPosition]!;
    const level = unit === '条' ? ARTICLE : unit === '項' ? PARAGRAPH : ITEM;
    if (level <= draft.level || !this.unitEnds(unit, unitPosition + 1)) return null;
    const members: Draft[] = [];
    numbers.forEach(({ token, range }, index) => {
      const member = index === 0 ? draft : newDraft(token.start);
      if (index > 0) {
        const previous = members[index - 1]!;
        member.prev = previous;
        member.supplementary = draft.supplementary;
        if (range) {
          previous.rangeRole ??= 'from';
          member.rangeRole = 'to';
        }
      }
      member.end = index === numbers.length - 1 ? unitPosition + 1 : token.end;
      member.kind = range ? 'range' : 'list-elided';
      setLevel(member, level, { kind: 'number', value: token.value! });
      members.push(member);
    });
    if (draft.kind === 'list-elided' && numbers.some((entry) => entry.range)) draft.kind = 'range';
    return { members, end: unitPosition + 1 };
  }

  /** 第三章, 第四章の二, 第三章第二節. */
  private structure(unit: string, unitPosition: number, draft: Draft, value: string): number | null {
    if (draft.level !== NONE || draft.supplementary) return null;
    const text = this.text;
    let end = unitPosition + 1;
    draft.structure = unit === '章' || unit === '編' ? 'chapter' : 'section';
    draft.kind = draft.structure;
    draft.level = TERMINAL;
    let chapter: string | null = null;
    if (unit !== '節' && unit !== '款') {
      const branched = this.branches(end);
      end = branched.end;
      // Only a chapter is looked up in the treaty (a 編 groups chapters and is not modelled).
      if (unit === '章') chapter = value + branched.suffix;
    }
    let section: string | null = null;
    const next = skipGap(text, end);
    if (text[next] === '第') {
      const sub = readNumber(text, skipGap(text, next + 1));
      const subUnit = sub && sub.value ? skipGap(text, sub.end) : -1;
      if (subUnit >= 0 && (text[subUnit] === '節' || text[subUnit] === '款')) {
        draft.compoundStructure = true;
        end = subUnit + 1;
        if (text[subUnit] === '節') section = sub!.value;
      }
    }
    draft.division = chapter === null ? null : { chapter, section };
    return end;
  }

  /** `の二の三` after 条, 号 or 章: `"_2_3"`. */
  private branches(from: number): { suffix: string; end: number } {
    const text = this.text;
    let suffix = '';
    let end = from;
    for (let depth = 0; depth < 5; depth++) {
      const no = skipGap(text, end);
      if (text[no] !== 'の' && text[no] !== 'ノ') break;
      const token = readNumber(text, skipGap(text, no + 1));
      if (token === null || token.value === null) break;
      // The character right after the number (a line break ends the label 第6条の2 before its text).
      const afterPosition = token.end;
      const after = text[afterPosition] ?? '\0';
      if (COUNTERS.includes(after) || (COUNTER_PREFIXES.includes(after) && isKanji(text.charCodeAt(afterPosition + 1)))) break;
      // 同法第二十条の七の一部を改め: a numeral starting a word (一部) is no branch.
      if (isKanji(after.charCodeAt(0)) && !BRANCH_FOLLOWERS.includes(after)) break;
      suffix += `_${token.value}`;
      end = token.end;
    }
    return { suffix, end };
  }

  /** Arabic digits with no 第: `51条`, `9条2項`, and after an article `1項`, `2号`. */
  private bare(position: number, draft: Draft): number | null {
    const text = this.text;
    const number = readNumber(text, position);
    if (number === null || number.value === null || !number.arabic) return null;
    const unitPosition = skipGap(text, number.end);
    const unit = text[unitPosition];
    // 第6条1(b): MOFA commentary writes the paragraph bare before a lettered item.
    if (draft.level === ARTICLE && unitPosition === number.end && letterInParentheses(text, number.end) !== null) {
      draft.paragraph = { kind: 'number', value: number.value };
      draft.level = PARAGRAPH;
      return number.end;
    }
    const level = unit === '条' ? ARTICLE : unit === '項' ? PARAGRAPH : unit === '号' ? ITEM : NONE;
    if (level === NONE || level <= draft.level || !this.unitEnds(unit!, unitPosition + 1)) return null;
    if (draft.level === NONE) {
      // Standalone: not a count (全23条, 計23条, 23条からなる) nor a street (北3条西).
      if (level === ITEM) return null;
      // What stands before it, unless a blank line comes between: a paragraph starts afresh (and the incremental
      // re-reading of a document cuts there).
      const before = skipGapBack(text, position);
      const previous = holdsBlankLine(text, before, position) ? '' : (text[before - 1] ?? '');
      if (isLatinLetter(previous.charCodeAt(0)) || isArabicDigit(previous.charCodeAt(0)) || (previous !== '' && '.-/．全計約各総第\uFFFC'.includes(previous))) return null;
      const after = skipGap(text, unitPosition + 1);
      if (level === ARTICLE && (matchAny(text, after, ['から成', 'からな', 'より成', 'で構成', 'に及', 'にわた']) || '分通西東丁'.includes(text[after] ?? '\0'))) return null;
    } else if (level === ITEM && draft.level !== ARTICLE && draft.level !== PARAGRAPH) {
      return null;
    }
    let value = number.value;
    let end = unitPosition + 1;
    if (level === ARTICLE) {
      const branched = this.branches(end);
      value += branched.suffix;
      end = branched.end;
    }
    setLevel(draft, level, { kind: 'number', value });
    return end;
  }

  /** 同条, 前条, 前二項, 前各号, 次条, 次の各号, 本条, この号; 同章 and the like; 同附属書. */
  private relative(position: number, draft: Draft, kind: 'same' | 'previous' | 'next' | 'this'): number | null {
    const text = this.text;
    let unitPosition = skipGap(text, position + 1);
    let count = 1;
    if (kind === 'same') {
      const annexEnd = matchWord(text, unitPosition, '附属書');
      // 同附属書第4条: an article of that annex, read with 同附属書 as its qualifier.
      if (annexEnd >= 0 && text[skipGap(text, annexEnd)] === '第') return null;
      if (annexEnd >= 0) {
        draft.kind = 'same-annex';
        draft.level = TERMINAL;
        return annexEnd;
      }
    }
    if (kind === 'previous') {
      if (text[unitPosition] === '各') {
        const unit = skipGap(text, unitPosition + 1);
        if (text[unit] === '号' || text[unit] === '項') return this.each(text[unit] === '号' ? ITEM : PARAGRAPH, true, unit + 1, draft);
        return null;
      }
      const number = readNumber(text, unitPosition);
      if (number !== null) {
        if (number.value === null) return null;
        count = Number(number.value);
        unitPosition = skipGap(text, number.end);
      }
    }
    if (kind === 'next') {
      const each = matchWord(text, unitPosition, 'の各号');
      if (each >= 0) return this.each(ITEM, false, each, draft);
    }
    const unit = text[unitPosition] ?? '\0';
    if (unit === '章' || unit === '節') {
      if (count !== 1) return null;
      draft.structure = unit === '章' ? 'chapter' : 'section';
      draft.kind = draft.structure;
      draft.level = TERMINAL;
      return unitPosition + 1;
    }
    const level = unit === '条' ? ARTICLE : unit === '項' ? PARAGRAPH : unit === '号' ? ITEM : NONE;
    if (level === NONE || !this.unitEnds(unit, unitPosition + 1)) return null;
    // 前号 / 次号 read "the previous / next issue" in prose; only statutes and treaties mean items by them.
    if (level === ITEM && (kind === 'previous' || kind === 'next') && count === 1 && !this.treatyDocument) return null;
    const ref: LevelRef = kind === 'previous' ? { kind, count } : { kind };
    setLevel(draft, level, ref);
    return unitPosition + 1;
  }

  /** 各号, 前各号, 次の各号, 当該各号 (and 各項). */
  private each(level: number, previous: boolean, end: number, draft: Draft): number | null {
    if (!this.unitEnds(level === ITEM ? '号' : '項', end)) return null;
    setLevel(draft, level, { kind: 'each', previous });
    return end;
  }

  /** 前文 (the preamble). */
  private preamble(end: number, draft: Draft): number | null {
    if (!this.endsWord(end)) return null;
    draft.preamble = true;
    draft.kind = 'preamble';
    draft.level = TERMINAL;
    return end;
  }

  /** 附属書I, 附属書Ⅱ, 附属書第一, 附属書1, with an article of the annex after it (附属書I第2条). */
  private annex(position: number, draft: Draft): number | null {
    const text = this.text;
    const word = matchWord(text, position, '附属書');
    if (word < 0) return null;
    let labelStart = skipGap(text, word);
    if (text[labelStart] === '第') labelStart = skipGap(text, labelStart + 1);
    let labelEnd = labelStart;
    const number = readNumber(text, labelStart);
    let label: string | null = null;
    if (number !== null) {
      // 附属書第2条 is an article of an unnamed annex: 附属書 is then the qualifier's name.
      if ('条項号'.includes(text[skipGap(text, number.end)] ?? '\0')) return null;
      label = number.value;
      labelEnd = number.end;
    } else {
      while (/[IVXLCⅠ-ⅫＩＶＸ]/.test(text[labelEnd] ?? '') && labelEnd - labelStart < 8) labelEnd++;
      if (labelEnd === labelStart && /[A-Z]/.test(text[labelStart] ?? '')) labelEnd++;
      if (labelEnd > labelStart && !isLatinLetter(text.charCodeAt(labelEnd))) label = toHalfWidthRoman(text.slice(labelStart, labelEnd));
    }
    if (label === null) return null;
    draft.annex = label;
    draft.kind = 'annex';
    const article = skipGap(text, labelEnd);
    if (text[article] === '第') {
      const deeper = this.numbered(article, draft);
      if (typeof deeper === 'number' && draft.level === ARTICLE) return deeper;
      draft.article = null;
    }
    draft.level = TERMINAL;
    return labelEnd;
  }

  /** 別表第一 (appendix table), 別記様式第一号 / 別記第一号様式 (form). */
  private appendix(position: number, draft: Draft): number | null {
    const text = this.text;
    const word = matchAny(text, position, ['別記様式', '別表', '別記']);
    if (!word) return null;
    const dai = skipGap(text, word.end);
    if (text[dai] !== '第') return null;
    const number = readNumber(text, skipGap(text, dai + 1));
    if (number === null || number.value === null) return null;
    let end = number.end;
    if (word.word === '別表') {
      draft.kind = 'appendix-table';
    } else {
      const unit = skipGap(text, end);
      if (text[unit] !== '号') return null;
      end = unit + 1;
      if (word.word === '別記') {
        const form = matchWord(text, skipGap(text, end), '様式');
        if (form < 0) return null;
        end = form;
      }
      draft.kind = 'appendix-form';
    }
    draft.level = TERMINAL;
    return end;
  }

  /** パラグラフ3. (覚書 and MOFA prose). */
  private katakanaParagraph(position: number, draft: Draft): number | null {
    const text = this.text;
    const word = matchWord(text, position, 'パラグラフ');
    if (word < 0) return null;
    const number = readNumber(text, skipGap(text, word));
    if (number === null || number.value === null) return null;
    let end = number.end;
    if ((text[end] === '.' || text[end] === '．') && !isArabicDigit(text.charCodeAt(end + 1))) end++;
    draft.paragraph = { kind: 'number', value: number.value };
    draft.kind = 'paragraph-katakana';
    draft.level = TERMINAL;
    return end;
  }

  /** `(a)` / `（ａ）` after an article or paragraph (MOFA treaty style: 第二条1項(a)). */
  private letterItem(position: number, draft: Draft): number | null {
    const letter = letterInParentheses(this.text, position);
    if (letter === null) return null;
    setLevel(draft, ITEM, { kind: 'number', value: letter.letter });
    return letter.end;
  }

  /**
   * `第百四十九条（捜索調書）第一項`: an article's caption quoted between it and its paragraph; the end of the caption,
   * or null when the parenthesis is something else or no paragraph follows.
   */
  private captionBeforeParagraph(open: number): number | null {
    const text = this.text;
    let close = open + 1;
    while (close - open <= MAX_CAPTION && isCaptionChar(text.charCodeAt(close))) close++;
    if (close === open + 1 || (text[close] !== '）' && text[close] !== ')')) return null;
    let number = skipGap(text, close + 1);
    if (text[number] === '第') number = skipGap(text, number + 1);
    const token = readNumber(text, number);
    return token !== null && text[skipGap(text, token.end)] === '項' ? close + 1 : null;
  }

  /** 前段, 後段, ただし書, 本文, 柱書. */
  private part(position: number, draft: Draft): number | null {
    if (draft.level === NONE || draft.level >= PART) return null;
    const word = matchAny(this.text, position, PART_WORDS);
    if (!word) return null;
    draft.part = word.word.replace(/き$/, '').replace(/^但し?書$/, 'ただし書');
    draft.level = PART;
    return word.end;
  }

  /** Whether the unit at `end - 1` ends the pointer word (条約, 項目, 1号機 are other words). */
  private unitEnds(unit: string, end: number): boolean {
    const text = this.text;
    const next = text[skipGap(text, end)] ?? '';
    const code = next.charCodeAt(0);
    if (unit === '条') return !NOT_AFTER_ARTICLE.includes(next) || next === '';
    if (unit === '項') return next !== '目';
    // 1号機, 第一号法定受託事務: a kanji compound; katakana after 号 is a sub-item or the next word.
    if (unit === '号') return !isKanji(code) || AFTER_ITEM_KANJI.includes(next);
    return true;
  }

  /** Whether the word ending at `end` is not the start of a compound (第一文 but not 第1文書; 前文 but not 前文書). */
  private endsWord(end: number): boolean {
    const code = this.text.charCodeAt(end);
    return !isKanji(code) || AFTER_ITEM_KANJI.includes(this.text[end]!);
  }
}

/** Captions are short words: 目的, 捜索調書, 自衛官の任用. */
const MAX_CAPTION = 20;

function isCaptionChar(code: number): boolean {
  return isKanji(code) || isKatakana(code) || (code >= 0x3041 && code <= 0x3096);
}

function setLevel(draft: Draft, level: number, ref: LevelRef): void {
  if (level === ARTICLE) draft.article = ref;
  else if (level === PARAGRAPH) draft.paragraph = ref;
  else draft.item = ref;
  draft.level = level;
}

/** `(a)` or `（ａ）` at `position`: the letter, half-width lower case, and the end; or null. */
export function letterInParentheses(text: string, position: number): { letter: string; end: number } | null {
  const open = text[position];
  if (open !== '(' && open !== '（') return null;
  const code = text.charCodeAt(position + 1);
  const close = text[position + 2];
  if (close !== ')' && close !== '）') return null;
  if (code >= 0x61 && code <= 0x7a) return { letter: String.fromCharCode(code), end: position + 3 };
  if (code >= 0xff41 && code <= 0xff5a) return { letter: String.fromCharCode(code - 0xfee0), end: position + 3 };
  return null;
}

function toHalfWidthRoman(label: string): string {
  const romans: Record<string, string> = { Ⅰ: 'I', Ⅱ: 'II', Ⅲ: 'III', Ⅳ: 'IV', Ⅴ: 'V', Ⅵ: 'VI', Ⅶ: 'VII', Ⅷ: 'VIII', Ⅸ: 'IX', Ⅹ: 'X', Ⅺ: 'XI', Ⅻ: 'XII', Ｉ: 'I', Ｖ: 'V', Ｘ: 'X' };
  return [...label].map((character) => romans[character] ?? character).join('');
}

/** Whether no kanji or katakana precedes `position`: 同/前/次/本 start a word there, not inside 共同, 事前, 日本. */
export function startsWord(text: string, position: number): boolean {
  const code = text.charCodeAt(position - 1);
  return position === 0 || !(isKanji(code) || isKatakana(code));
}
