// The Japanese citation grammar: citations (第6条第2項, 同条, 前二項, 国連憲章第51条, 第4条及び第5条…),
// instrument mentions and alias definitions in masked prose or treaty text. A hand-written scanner that
// jumps between trigger characters; every step is bounded, so it is linear in the text.

import type { AliasDefinition, CitationSyntax, LanguageScan, Qualifier, ScanOptions, TreatyMention } from '../types';
import { holdsBlankLine, IROHA, isArabicDigit, isKanji, isKatakana, isNameChar, matchAny, matchWord, matchWordBack, skipGap, skipGapBack } from './ja/chars';
import {
  compact, endsWithSuffix, genreOf, INSTRUMENT_SUFFIXES, isGenericName, isLawNumber, isNamingParenthesis, isTopicMarkerAt, nameBefore, quotationClosing,
  quotationOpening, quotedName, skipFootnote, skipFootnoteBack, suffixEndingAt,
} from './ja/names';
import { circledNumber, isKanjiNumeral, readNumber } from './ja/numbers';
import { continuesDivisionChain, SentenceScopes } from './ja/ownNumbering';
import { ARTICLE, ITEM, letterInParentheses, newDraft, PARAGRAPH, PointerReader, RANGE_DASHES, startsWord, SUBITEM, type Draft } from './ja/pointer';

/** Finds the Japanese citations, instrument mentions and alias definitions in `text`. Never throws. */
export function scanJapanese(text: string, options: ScanOptions): LanguageScan {
  return new JapaneseScanner(text, options.treatyDocument).scan();
}

/** Characters at which something may start; everything else is skipped at one comparison each. */
const TRIGGERS = new Uint8Array(0x10000);
for (const character of '第同前次本こ当各附別パ「『以(（そ') TRIGGERS[character.charCodeAt(0)] = 1;
for (const suffix of INSTRUMENT_SUFFIXES) TRIGGERS[suffix.charCodeAt(suffix.length - 1)] = 2;
for (let code = 0x30; code <= 0x39; code++) TRIGGERS[code] = 1;
for (let code = 0xff10; code <= 0xff19; code++) TRIGGERS[code] = 1;

/** Units after a number: 条 項 号 章 節 款 編 文. */
const UNITS = codes('条項号章節款編文');
/** What may follow 同/前/次/本 in a pointer (同条, 前各号, 次の各号, 前文, 同附属書). */
const RELATIVE_FOLLOWERS = codes('条項号章節各文の附');
/** What follows この, 当該, 各, 附則/附属書, 別表/別記, パラグラフ. */
const PREFIX_FOLLOWERS = codes('の該号項則属表記ラ');

function codes(characters: string): Set<number> {
  return new Set([...characters].map((character) => character.charCodeAt(0)));
}

/** Kanji that end a connector (及, 並びに…), after which 第N号 is an item again. */
const CONNECTOR_KANJI = codes('及並又若');

/** Characters other than name characters that can end a qualifier: 」 』 ） ) の. */
const QUALIFIER_ENDS = codes('」』）)の');
/** First characters of connectors (、 及び 並びに 又は 若しくは と や ・ から 乃至 and the range dashes). */
const CONNECTOR_STARTS = codes(`、，,及並又若おなまもとや・か乃${RANGE_DASHES}`);

/** Pointers that may carry a qualifier written before them (relative ones such as 同条 never do). */
const QUALIFIABLE_STARTS = '第附前別パ';

const SAME_WORDS: readonly string[] = [
  '同共同声明', '同共同宣言', '同附属書', '同議定書', '同報告書', '同協定', '同条約', '同憲章', '同規約', '同協約', '同宣言', '同決議', '同声明', '同報告', '同法律', '同政令',
  '同省令', '同規則', '同法',
];
const THIS_WORDS: readonly string[] = [
  '本議定書', '本協定', '本条約', '本憲章', '本規約', '本宣言', '本法', 'この議定書', 'この協定', 'この条約', 'この憲章', 'この規約', 'この宣言', 'この法律', 'この法',
];
/** Words ending in 同 (共同宣言 is a name, not 共 + 同宣言); after any other kanji 同 starts a word (離職の際同法). */
const SAME_COMPOUNDS = new Set(['共同', '合同', '協同', '混同', '賛同', '異同', '一同', '帯同', '雷同', '同同', '不同', '大同', '会同']);
const LIST_CONNECTORS: readonly string[] = ['並びに', 'ならびに', '若しくは', 'もしくは', '及び', 'および', '又は', 'または', '及', 'と', 'や'];
/** How far after an item citation `それぞれイ又はロ` may stand (within the sentence). */
const MAX_RESPECTIVE_REACH = 200;
/** Parentheses are skipped (or searched for exclusions) only this deep and this long. */
const MAX_PAREN_DEPTH = 3;
const MAX_PAREN_LENGTH = 240;

interface Series {
  readonly members: Draft[];
  /** After the last member (and a closing まで or exclusion parenthesis). */
  readonly end: number;
}

interface QualifierFound {
  readonly qualifier: Qualifier;
  /** Where the citation's span starts when the qualifier is directly attached, else null. */
  readonly attachStart: number | null;
  readonly mention: { readonly name: string; readonly start: number; readonly end: number } | null;
}

class JapaneseScanner {
  private readonly output: MutableCitation[] = [];
  /** 1 where a recorded citation ends, 2 where a name does: names are not read back across either. */
  private readonly citationEnds: Uint8Array;
  private readonly mentions = new Map<number, TreatyMention>();
  private readonly aliases: AliasDefinition[] = [];
  private readonly pointers: PointerReader;
  private readonly isCitationEnd = (offset: number): boolean => this.citationEnds[offset] === 1;
  /** Citation ends, and name ends (2): a name read back stops at either. */
  private readonly isBoundary = (offset: number): boolean => this.citationEnds[offset] !== 0;
  private pairs: Map<number, number> | null = null;
  /** The last item cited (`それぞれイ又はロ` refers to its sub-items). */
  private lastItem: Draft | null = null;

  constructor(
    private readonly text: string,
    private readonly treatyDocument: boolean,
  ) {
    this.citationEnds = new Uint8Array(text.length + 1);
    this.pointers = new PointerReader(text, treatyDocument);
  }

  scan(): LanguageScan {
    this.scanRange(0, this.text.length, 0);
    const mentions = [...this.mentions.values()].sort((a, b) => a.span.start - b.span.start);
    return { citations: this.citations(mentions), mentions, aliases: this.aliases };
  }

  private scanRange(from: number, to: number, depth: number): void {
    const text = this.text;
    let position = from;
    while (position < to) {
      const code = text.charCodeAt(position);
      position = TRIGGERS[code] === 0 ? position + 1 : Math.max(position + 1, this.at(position, depth));
    }
  }

  /** Handles the trigger at `position`; returns where scanning goes on. Cheap look-ahead first: most triggers are not. */
  private at(position: number, depth: number): number {
    const text = this.text;
    const code = text.charCodeAt(position);
    const next = position + 1;
    if (isArabicDigit(code)) {
      if (isArabicDigit(text.charCodeAt(position - 1))) return next;
      let end = next;
      while (isArabicDigit(text.charCodeAt(end))) end++;
      if (!UNITS.has(text.charCodeAt(skipGap(text, end)))) return end;
      return Math.max(end, this.series(position, depth));
    }
    const after = text.charCodeAt(skipGap(text, next));
    switch (code) {
      case 0x7b2c: // 第
        if (!isArabicDigit(after) && !isKanjiNumeral(after)) return next;
        if (this.isSerialNumber(position)) return this.skipNumberAfter(position);
        return Math.max(this.series(position, depth), this.skipNumberAfter(position));
      case 0x540c: // 同
      case 0x524d: // 前
      case 0x6b21: // 次
      case 0x672c: // 本
        if (!RELATIVE_FOLLOWERS.has(after) && !isKanjiNumeral(after)) break;
        // Inside a word (共同, 事前, 日本) these are no prefix; 北大西洋条約前文 is the exception.
        if (!startsWord(text, position) && !(code === 0x524d && after === 0x6587) && !(code === 0x540c && startsSame(text, position))) break;
        return this.series(position, depth);
      case 0x3053: // こ(の)
      case 0x5f53: // 当(該)
      case 0x5404: // 各
      case 0x9644: // 附
      case 0x5225: // 別
      case 0x30d1: // パ
        if (!PREFIX_FOLLOWERS.has(after)) return next;
        return this.series(position, depth);
      case 0x300c: // 「
      case 0x300e: // 『
        this.quotedMention(position);
        return next;
      case 0x4ee5: // 以
        if (after === 0x4e0b) this.aliasDefinition(position);
        return next;
      case 0x28: // (
      case 0xff08: // （
        return this.bareItem(position);
      case 0x305d: // そ(れぞれ)
        return this.respectiveSubitems(position);
    }
    if (TRIGGERS[code] === 2) this.plainMention(next);
    return next;
  }

  /** 法律第七十九号, 決議第2231号, 台風第5号: 第N号 right after a word numbers that thing; it is no item. */
  private isSerialNumber(position: number): boolean {
    const text = this.text;
    const before = text.charCodeAt(skipGapBack(text, position) - 1);
    if (!(isKanji(before) || isKatakana(before)) || CONNECTOR_KANJI.has(before)) return false;
    const number = readNumber(text, skipGap(text, position + 1));
    return number !== null && text.charCodeAt(skipGap(text, number.end)) === 0x53f7; // 号
  }

  /** After a failed 第, skips its numeral run so that a million digits are read once. */
  private skipNumberAfter(position: number): number {
    const text = this.text;
    let end = skipGap(text, position + 1);
    while (isArabicDigit(text.charCodeAt(end))) end++;
    return Math.max(end, position + 1);
  }

  // -------------------------------------------------------------------------------------------
  // Series: pointers joined by 、 及び 並びに 又は 若しくは と, から…まで, ～, with exclusions
  // -------------------------------------------------------------------------------------------

  /** Reads and records the series starting at `position`; returns its end, or `position` if none. */
  private series(position: number, depth: number): number {
    const text = this.text;
    const series = this.parseSeries(position, depth);
    if (series === null) return position;
    const first = series.members[0]!;
    // 『レファレンス』第850号: in prose a lone 第N号 is an issue or serial number more often than an item.
    if (!this.treatyDocument && first.article === null && first.paragraph === null && first.item?.kind === 'number' && text[position] === '第') return position;
    let found: QualifierFound | null = null;
    if (QUALIFIABLE_STARTS.includes(text[position]!) || isArabicDigit(text.charCodeAt(position))) found = this.qualifierBefore(position);
    if (found) {
      first.qualifier = found.qualifier;
      if (found.attachStart !== null) first.start = found.attachStart;
    }
    if (this.treatyDocument && this.isLabel(position, series)) return series.end;
    // 1章4項3, 5節2項1(2), 第Ⅱ部第3章第2節: a paragraph or chapter in a chain of divisions is the analysis's own numbering.
    if (!this.treatyDocument && !found && first.article === null && (first.paragraph !== null || first.structure !== null) && continuesDivisionChain(text, position)) {
      return series.end;
    }
    // 「次の各号」とは: a relative pointer quoted on its own is the phrase, not a reference.
    if (!'第附'.includes(text[position]!) && !isArabicDigit(text.charCodeAt(position)) && text[position - 1] === '「' && text[series.end] === '」') return series.end;
    let members = series.members;
    const unaccepted = members.findIndex((member) => member.structure !== null && !this.treatyDocument && !first.qualifier && !member.compoundStructure);
    if (unaccepted >= 0) members = members.slice(0, unaccepted);
    if (members.length === 0) return series.end;
    if (found?.mention) this.addMention(found.mention.name, found.mention.start, found.mention.end, false);
    this.commit(members);
    return series.end;
  }

  private parseSeries(position: number, depth: number): Series | null {
    const text = this.text;
    const first = this.pointers.parse(position);
    if (first === null) return null;
    const members = [...first.members];
    let anchor = members[members.length - 1]!;
    let end = first.end;
    for (;;) {
      let cursor = end;
      const open = skipGap(text, cursor);
      if ((text[open] === '（' || text[open] === '(') && depth < MAX_PAREN_DEPTH) {
        const close = this.closingParenthesis(open);
        if (close >= 0) {
          const excluded = this.exclusion(open + 1, close, anchor, depth);
          if (excluded !== null) {
            members.push(...excluded);
            cursor = close + 1;
            end = cursor;
          } else if (this.continuesAfter(close + 1)) {
            // 第九百九十五条（…に限る。）、第千三百五条: the list goes on after the parenthesis.
            this.scanRange(open + 1, close, depth + 1);
            cursor = close + 1;
          }
        }
      }
      const connector = this.connector(cursor);
      if (connector === null) break;
      const next = this.pointers.parse(skipGap(text, connector.end)) ?? this.subitemAfter(skipGap(text, connector.end), anchor);
      if (next === null) break;
      const head = next.members[0]!;
      head.prev = anchor;
      if (connector.range) {
        anchor.rangeRole ??= 'from';
        head.rangeRole = 'to';
      }
      members.push(...next.members);
      anchor = next.members[next.members.length - 1]!;
      end = next.end;
      if (connector.range === 'kara') {
        const made = matchWord(text, skipGap(text, end), 'まで');
        if (made >= 0) end = made;
      }
    }
    // 第四号の次のイ又はロ: sub-items of the item just cited.
    const next = anchor.item !== null && anchor.subitem === null ? matchWord(text, skipGap(text, end), 'の次の') : -1;
    const letters = next >= 0 ? this.subitemLetters(skipGap(text, next), anchor) : null;
    if (letters) {
      members.push(...letters.members);
      end = letters.end;
    }
    const circled = this.circledParagraph(end, anchor);
    if (circled) members.push(circled);
    return { members, end };
  }

  /** `第四号の次のイ又はロ`, `それぞれイ又はロ`: sub-item letters of the item `anchor` cites, each after the one before. */
  private subitemLetters(position: number, anchor: Draft): Series | null {
    const text = this.text;
    const first = this.subitemLetter(position);
    if (first === null) return null;
    first.prev = anchor;
    const members = [first];
    let end = first.end;
    for (;;) {
      const connector = this.connector(end);
      const next = connector === null ? null : this.subitemLetter(skipGap(text, connector.end));
      if (next === null) break;
      const previous = members[members.length - 1]!;
      next.prev = previous;
      if (connector!.range) {
        previous.rangeRole ??= 'from';
        next.rangeRole = 'to';
      }
      members.push(next);
      end = next.end;
      if (connector!.range === 'kara') {
        const made = matchWord(text, skipGap(text, end), 'まで');
        if (made >= 0) end = made;
      }
    }
    return { members, end };
  }

  /** A lone イロハ letter at `position` (not the start of a word: ロシア, ロ朝), as a sub-item draft. */
  private subitemLetter(position: number): Draft | null {
    const text = this.text;
    const letter = text[position] ?? '\0';
    const after = text.charCodeAt(position + 1);
    if (!IROHA.includes(letter) || isKatakana(after) || (isKanji(after) && !CONNECTOR_KANJI.has(after))) return null;
    const draft = newDraft(position);
    draft.end = position + 1;
    draft.subitem = letter;
    draft.level = SUBITEM;
    return draft;
  }

  /** `…第二号に掲げる者の区分に応じ、それぞれイ又はロ`: the letters are sub-items of the item cited earlier in the sentence. */
  private respectiveSubitems(position: number): number {
    const text = this.text;
    const end = matchWord(text, position, 'それぞれ');
    const anchor = this.lastItem;
    if (end < 0 || anchor === null || anchor.end > position || position - anchor.end > MAX_RESPECTIVE_REACH) return position + 1;
    // Within the sentence, and never back across a blank line (a re-reading starts after one).
    if (text.slice(anchor.end, position).includes('。') || holdsBlankLine(text, anchor.end, position)) return end;
    if (anchor.item?.kind !== 'number' && anchor.item?.kind !== 'same') return end;
    const letters = this.subitemLetters(skipGap(text, end), anchor);
    if (letters === null) return end;
    this.commit(letters.members);
    return letters.end;
  }

  /** A connector at `from` (after a gap): a list word, 、 or ・, or a range (から, ～, 乃至). */
  private connector(from: number): { end: number; range: 'kara' | 'dash' | null } | null {
    const text = this.text;
    const position = skipGap(text, from);
    if (!CONNECTOR_STARTS.has(text.charCodeAt(position))) return null;
    const character = text[position] ?? '';
    if (character === '、' || character === '，' || character === ',') {
      const after = skipGap(text, position + 1);
      const word = matchAny(text, after, LIST_CONNECTORS);
      return { end: word ? word.end : position + 1, range: null };
    }
    const word = matchAny(text, position, LIST_CONNECTORS);
    if (word) return { end: word.end, range: null };
    if (character === '・') return { end: position + 1, range: null };
    const kara = matchWord(text, position, 'から');
    if (kara >= 0) return { end: kara, range: 'kara' };
    const itari = matchAny(text, position, ['乃至', 'ないし']);
    if (itari) return { end: itari.end, range: 'dash' };
    if (character !== '' && RANGE_DASHES.includes(character)) return { end: position + 1, range: 'dash' };
    return null;
  }

  /** `第二号イからハまで`: a lone イロハ letter after a sub-item is the next sub-item of the same item. */
  private subitemAfter(position: number, anchor: Draft): { members: Draft[]; end: number } | null {
    const draft = anchor.subitem === null ? null : this.subitemLetter(position);
    return draft === null ? null : { members: [draft], end: draft.end };
  }

  private continuesAfter(position: number): boolean {
    const connector = this.connector(position);
    return connector !== null && this.pointers.parse(skipGap(this.text, connector.end)) !== null;
  }

  /** `（第四号を除く。）` after a pointer: the excluded provisions, linked to the one they narrow. */
  private exclusion(from: number, close: number, anchor: Draft, depth: number): Draft[] | null {
    const text = this.text;
    const inner = this.parseSeries(skipGap(text, from), depth + 1);
    if (inner === null || inner.end > close) return null;
    const after = matchWord(text, skipGap(text, inner.end), 'を除く');
    if (after < 0 || !/^[。\s]*$/.test(text.slice(after, close))) return null;
    inner.members[0]!.prev = anchor;
    for (const member of inner.members) member.kind = 'exclusion';
    return inner.members;
  }

  /** `5条で「①締約国は…」`: a circled digit opening a quotation of the article just cited is its paragraph. */
  private circledParagraph(end: number, anchor: Draft): Draft | null {
    const text = this.text;
    if (anchor.article?.kind !== 'number' || anchor.paragraph !== null) return null;
    let position = skipGap(text, end);
    if (text.charCodeAt(position) !== 0x300c && text.charCodeAt(position + 1) !== 0x300c && text.charCodeAt(position + 2) !== 0x300c) return null;
    const particle = matchAny(text, position, ['では', 'には', 'で', 'は', 'に', 'が', 'を', 'の']);
    if (particle) position = skipGap(text, particle.end);
    if (text[position] !== '「') return null;
    const number = circledNumber(text.charCodeAt(position + 1));
    if (number === null) return null;
    const draft = newDraft(position + 1);
    draft.end = position + 2;
    draft.paragraph = { kind: 'number', value: String(number) };
    draft.kind = 'circled-paragraph';
    draft.prev = anchor;
    draft.level = PARAGRAPH;
    return draft;
  }

  /** The offset of the parenthesis closing the one at `open`, or -1 (unbalanced, masked or too long). */
  private closingParenthesis(open: number): number {
    const close = this.parenthesisPairs().get(open) ?? -1;
    return close > open ? close : -1;
  }

  /** The offset of the parenthesis opening the one closed at `close`, or -1. */
  private openingParenthesis(close: number): number {
    const open = this.parenthesisPairs().get(close) ?? -1;
    return open >= 0 && open < close ? open : -1;
  }

  /**
   * Every paired parenthesis with its partner's offset: one pass over the text, made on first use, so that asking
   * about a parenthesis never rescans it (a map: an array over every character of a long text cost more to make and
   * collect than the pass). Full- and half-width ones pair freely (PDF text mixes them); pairs longer than
   * MAX_PAREN_LENGTH or across masked text do not count.
   */
  private parenthesisPairs(): Map<number, number> {
    if (this.pairs) return this.pairs;
    const text = this.text;
    const pairs = new Map<number, number>();
    const stack: number[] = [];
    for (let position = 0; position < text.length; position++) {
      const code = text.charCodeAt(position);
      if (code === 0xff08 || code === 0x28) {
        // Opens further back than a pair may be long can never pair: keep the stack short.
        if (stack.length > 2 * MAX_PAREN_LENGTH) stack.splice(0, MAX_PAREN_LENGTH);
        stack.push(position);
      } else if (code === 0xff09 || code === 0x29) {
        const open = stack.pop();
        if (open !== undefined && position - open <= MAX_PAREN_LENGTH) {
          pairs.set(open, position);
          pairs.set(position, open);
        }
      } else if (code === 0xfffc) {
        stack.length = 0;
      }
    }
    this.pairs = pairs;
    return pairs;
  }

  /**
   * In a treaty, a pointer at the start of a line followed by a space or the line's end is the label of
   * the provision defined there (`第一条　`, `## 第4条（協議）`, `第十条から第十二条まで　削除`, `　第一章　総則`).
   */
  private isLabel(start: number, series: Series): boolean {
    const text = this.text;
    if (text[start] !== '第' || series.members.some((member) => isRelativeDraft(member))) return false;
    let position = start;
    const limit = Math.max(0, start - 16);
    while (position > limit && ' \t\u3000*'.includes(text[position - 1]!)) position--;
    let heading = false;
    while (position > limit && (text[position - 1] === '#' || text[position - 1] === '>')) {
      position--;
      heading = true;
    }
    while (position > limit && ' \t\u3000'.includes(text[position - 1]!)) position--;
    if (position > 0 && text[position - 1] !== '\n' && text[position - 1] !== '\r') return false;
    const after = text[series.end];
    return after === undefined || ' \t\u3000\r\n*'.includes(after) || (heading && (after === '（' || after === '('));
  }

  // -------------------------------------------------------------------------------------------
  // Qualifiers: the instrument written before a pointer
  // -------------------------------------------------------------------------------------------

  private qualifierBefore(position: number): QualifierFound | null {
    const text = this.text;
    let end = skipGapBack(text, position);
    const before = text.charCodeAt(end - 1);
    // Most pointers follow punctuation or a particle: nothing to look for.
    if (!isNameChar(before) && !QUALIFIER_ENDS.has(before)) return null;
    let joined = false;
    if (text[end - 1] === 'の') {
      joined = true;
      end = skipGapBack(text, end - 1);
    }
    const attach = (start: number): number | null => (joined ? null : start);
    if (!joined && text[end - 1] === '同' && startsSame(text, end - 1)) {
      return { qualifier: { kind: 'same', word: '同', span: { start: end - 1, end } }, attachStart: end - 1, mention: null };
    }
    for (const word of SAME_WORDS) {
      const start = matchWordBack(text, end, word);
      if (start < 0 || !startsSame(text, start)) continue;
      const genre = genreOf(word);
      return { qualifier: { kind: 'same', word, span: { start, end }, ...(genre === 'treaty' ? {} : { genre }) }, attachStart: attach(start), mention: null };
    }
    for (const word of THIS_WORDS) {
      const start = matchWordBack(text, end, word);
      if (start >= 0 && (word.startsWith('こ') || startsWord(text, start))) return { qualifier: { kind: 'this', span: { start, end } }, attachStart: attach(start), mention: null };
    }
    const last = text[end - 1];
    if (last === '」' || last === '』') return this.quotedQualifier(end - 1);
    if ((last === '）' || last === ')') && !joined) return this.parenthesizedQualifier(end - 1);
    // 安保理決議第2231号第3項: the numbered instrument is the name.
    const nameEnd = last === '号' ? this.serialNumberStart(end - 1) : end;
    const suffixStart = suffixEndingAt(text, nameEnd);
    if (suffixStart < 0) return null;
    const name = nameBefore(text, suffixStart, nameEnd, this.isCitationEnd, this.isBoundary);
    const value = compact(text, name.start, end);
    const attached = !joined && !name.formal;
    if (value.length === 0 || isGenericName(value, attached)) return null;
    return {
      qualifier: { kind: 'name', name: value, span: { start: name.start, end } },
      attachStart: attached ? name.start : null,
      mention: { name: value, start: name.start, end },
    };
  }

  /** Where `第2231号` (or `2231号`) ending with the 号 at `position` starts, or `position + 1` if it is none. */
  private serialNumberStart(position: number): number {
    const text = this.text;
    let start = skipGapBack(text, position);
    const digitsEnd = start;
    while (start > digitsEnd - 8 && start > 0 && (isArabicDigit(text.charCodeAt(start - 1)) || isKanjiNumeral(text.charCodeAt(start - 1)))) start--;
    if (start === digitsEnd) return position + 1;
    start = skipGapBack(text, start);
    if (text[start - 1] === '第') start = skipGapBack(text, start - 1);
    return start;
  }

  /** 「友好協力相互援助条約」第1条: the quoted name, span with its brackets. */
  private quotedQualifier(close: number): QualifierFound | null {
    const open = quotationOpening(this.text, close);
    if (open < 0) return null;
    const quoted = quotedName(this.text, open, close);
    if (quoted === null) return null;
    return { qualifier: { kind: 'name', name: quoted.name, span: { start: open, end: close + 1 } }, attachStart: null, mention: quoted };
  }

  /** `…法律（平成十五年法律第七十九号。以下「事態対処法」という。）第一条`: the name before the parenthesis. */
  private parenthesizedQualifier(close: number): QualifierFound | null {
    const text = this.text;
    const open = this.openingParenthesis(close);
    if (open < 0 || !isNamingParenthesis(text.slice(open + 1, close))) return null;
    const end = skipFootnoteBack(text, open);
    if (text[end - 1] === '」' || text[end - 1] === '』') return this.quotedQualifier(end - 1);
    const suffixStart = suffixEndingAt(text, end);
    if (suffixStart < 0) return null;
    const name = nameBefore(text, suffixStart, end, this.isCitationEnd, this.isBoundary, isLawNumber(text.slice(open + 1, close)));
    const value = compact(text, name.start, end);
    if (value.length === 0 || isGenericName(value, false)) return null;
    return { qualifier: { kind: 'name', name: value, span: { start: name.start, end } }, attachStart: null, mention: { name: value, start: name.start, end } };
  }

  // -------------------------------------------------------------------------------------------
  // Mentions and alias definitions
  // -------------------------------------------------------------------------------------------

  /** An unquoted name ending at `end` (`ロシア・ベラルーシ安全保障条約は、`); names followed by a citation are qualifiers. */
  private plainMention(suffixEnd: number): void {
    const text = this.text;
    const suffixStart = suffixEndingAt(text, suffixEnd);
    if (suffixStart < 0) return;
    // 安保理決議第1244号は: a resolution is named with its number.
    const end = compact(text, suffixStart, suffixEnd) === '決議' ? this.serialNumberEnd(suffixEnd) : suffixEnd;
    const after = skipGap(text, end);
    const next = text[after] ?? '';
    // ブラヒミ報告及び…, 日米安保条約上の: a connector or 上 after the suffix ends the name; another kanji goes on with it.
    const connector = matchAny(text, after, LIST_CONNECTORS) !== null;
    if ((isNameChar(text.charCodeAt(after)) && !connector && next !== '上') || next === '」' || next === '』') return;
    const name = nameBefore(text, suffixStart, suffixEnd, this.isCitationEnd, this.isBoundary);
    const value = compact(text, name.start, end);
    if (value.length === 0 || isGenericName(value, false)) return;
    // Before a connector the name may be the first of a longer title (防衛庁設置法及び…の一部を改正する法律): no boundary there.
    this.addMention(value, name.start, end, this.isTopicAfter(end), !connector);
  }

  /** After `第1244号` (or `1244号`) starting at `from`, or `from` itself if none is there. */
  private serialNumberEnd(from: number): number {
    const text = this.text;
    let position = skipGap(text, from);
    if (text[position] === '第') position = skipGap(text, position + 1);
    const number = readNumber(text, position);
    if (number === null || number.value === null) return from;
    const unit = skipGap(text, number.end);
    return text[unit] === '号' ? unit + 1 : from;
  }

  private quotedMention(open: number): void {
    const close = quotationClosing(this.text, open);
    if (close < 0) return;
    const quoted = quotedName(this.text, open, close);
    if (quoted !== null) this.addMention(quoted.name, quoted.start, quoted.end, this.isTopicAfter(close + 1));
  }

  /** Whether a topic marker follows a name, past footnote digits and an alias definition. */
  private isTopicAfter(end: number): boolean {
    const text = this.text;
    let position = skipFootnote(text, end);
    if (text[position] === '（' || text[position] === '(') {
      const close = this.closingParenthesis(position);
      if (close >= 0 && isNamingParenthesis(text.slice(position + 1, close))) position = close + 1;
    }
    return isTopicMarkerAt(text, position);
  }

  private addMention(name: string, start: number, end: number, topic: boolean, boundary = true): void {
    if (boundary && this.citationEnds[end] === 0) this.citationEnds[end] = 2;
    const existing = this.mentions.get(start);
    if (existing && existing.span.end >= end && (existing.topic || !topic)) return;
    const genre = genreOf(name);
    this.mentions.set(start, { name, span: { start, end }, topic: topic || (existing?.topic ?? false), ...(genre === 'treaty' ? {} : { genre }) });
  }

  /** `正式名称（以下「略称」という。）`, `「正式名称」3（以下、「略称」）`, `…法律（平成十五年法律第七十九号。以下「略称」という。）`. */
  private aliasDefinition(position: number): void {
    const text = this.text;
    const afterWord = matchWord(text, position, '以下');
    if (afterWord < 0) return;
    const open = this.aliasParenthesisOpening(position);
    if (open < 0) return;
    let quoteOpen = skipGap(text, afterWord);
    if ('、，,'.includes(text[quoteOpen] ?? '\0')) quoteOpen = skipGap(text, quoteOpen + 1);
    const closing = ({ '「': '」', '『': '』', '“': '”', '"': '"', '＂': '＂' } as Record<string, string>)[text[quoteOpen] ?? ''];
    if (closing === undefined) return;
    const closingCode = closing.charCodeAt(0);
    let quoteClose = quoteOpen + 1;
    while (quoteClose < quoteOpen + 80 && quoteClose < text.length && text.charCodeAt(quoteClose) !== closingCode) quoteClose++;
    if (text.charCodeAt(quoteClose) !== closingCode) return;
    const alias = compact(text, quoteOpen + 1, quoteClose);
    let cursor = skipGap(text, quoteClose + 1);
    const toiu = matchWord(text, cursor, 'という');
    if (toiu >= 0) cursor = skipGap(text, toiu);
    if (text[cursor] === '。') cursor = skipGap(text, cursor + 1);
    if (text[cursor] !== '）' && text[cursor] !== ')') return;
    const full = this.nameBeforeParenthesis(open);
    if (full === null || alias.length === 0 || full.name === alias || isGenericName(full.name, false)) return;
    if (!(endsWithSuffix(full.name) || endsWithSuffix(alias))) return;
    this.aliases.push({ alias, fullName: full.name, span: { start: full.start, end: cursor + 1 } });
  }

  /** The （ that `以下` at `position` opens with, possibly after a law number (`（平成十五年法律第七十九号。以下`). */
  private aliasParenthesisOpening(position: number): number {
    const text = this.text;
    const limit = Math.max(0, position - 60);
    for (let cursor = position - 1; cursor >= limit; cursor--) {
      const code = text.charCodeAt(cursor);
      if (code === 0xff08 || code === 0x28) {
        const between = compact(text, cursor + 1, position);
        return between === '' || /[。、]$/.test(between) ? cursor : -1;
      }
      if (code === 0xff09 || code === 0x29 || code === 0x300c || code === 0x300d || code === 0xfffc) return -1;
    }
    return -1;
  }

  private nameBeforeParenthesis(open: number): { name: string; start: number } | null {
    const text = this.text;
    const end = skipFootnoteBack(text, open);
    if (text[end - 1] === '」' || text[end - 1] === '』') {
      const quoteOpen = quotationOpening(text, end - 1);
      if (quoteOpen < 0) return null;
      const quoted = quotedName(text, quoteOpen, end - 1);
      return quoted ? { name: quoted.name, start: quoteOpen } : { name: compact(text, quoteOpen + 1, end - 1), start: quoteOpen };
    }
    const suffixStart = suffixEndingAt(text, end);
    if (suffixStart >= 0) {
      const name = nameBefore(text, suffixStart, end, this.isCitationEnd, this.isBoundary, isLawNumber(text.slice(open + 1, open + 40)));
      return { name: compact(text, name.start, end), start: name.start };
    }
    let start = end;
    while (start > end - 40 && start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
    return start < end ? { name: compact(text, start, end), start } : null;
  }

  /** `両政府が(a)の規定に従つて`: a lone lettered item referred to by a verb of reference. */
  private bareItem(position: number): number {
    const letter = letterInParentheses(this.text, position);
    if (letter === null) return position + 1;
    if (!matchAny(this.text, skipGap(this.text, letter.end), ['の規定', 'に規定', 'に掲げ', 'に定め', 'に基づ', 'に従'])) return position + 1;
    const draft = newDraft(position);
    draft.end = letter.end;
    draft.item = { kind: 'number', value: letter.letter };
    draft.kind = 'bare-item';
    draft.level = ITEM;
    this.commit([draft]);
    return letter.end;
  }

  // -------------------------------------------------------------------------------------------
  // Output
  // -------------------------------------------------------------------------------------------

  /** Records finished provisions as output right away (drafts die young: less for the GC to keep). */
  private commit(members: readonly Draft[]): void {
    for (const member of members) {
      const provision = member.article !== null || member.paragraph !== null || member.item !== null;
      if (member.prev && !member.qualifier && member.prev.supplementary && provision) member.supplementary = true;
      member.index = this.output.length;
      this.output.push({
        span: { start: member.start, end: member.end },
        language: 'ja',
        kind: member.kind ?? deriveKind(member),
        article: member.article,
        paragraph: member.paragraph,
        item: member.item,
        subitem: member.subitem,
        part: member.part,
        supplementary: member.supplementary,
        preamble: member.preamble,
        annex: member.annex,
        division: member.division,
        qualifier: member.qualifier,
        // For now the index in commit order; `citations()` renumbers. A member is committed after its previous one.
        seriesPrevious: member.prev && member.prev.index >= 0 ? member.prev.index : null,
        rangeRole: member.rangeRole,
      });
      this.citationEnds[member.end] = 1;
      if (member.item !== null) this.lastItem = member;
    }
  }

  /**
   * Output indexes (1) of the paragraphs and items an analysis cites with no article before them in their sentence or the
   * one before (see {@link isUnanchored}), and of the list members after them. `order` is the output in offset order.
   */
  private withoutArticle(order: readonly number[], mentions: readonly TreatyMention[]): Uint8Array | null {
    const output = this.output;
    if (!output.some(isUnanchored)) return null;
    const dropped = new Uint8Array(output.length);
    const scopes = new SentenceScopes(this.text);
    let lastAnchor = -1;
    let mention = 0;
    for (const index of order) {
      const citation = output[index]!;
      const start = citation.span.start;
      if (citation.seriesPrevious !== null) dropped[index] = dropped[citation.seriesPrevious]!;
      else if (isUnanchored(citation)) {
        for (; mention < mentions.length && mentions[mention]!.span.end <= start; mention++) {
          if (mentions[mention]!.genre !== undefined) lastAnchor = Math.max(lastAnchor, mentions[mention]!.span.start);
        }
        if (lastAnchor < scopes.previousSentenceStart(start)) dropped[index] = 1;
      }
      if (citation.article !== null && !dropped[index]) lastAnchor = Math.max(lastAnchor, start);
    }
    return dropped;
  }

  /** The output in offset order, duplicates (a span found twice) and the document's own numbering dropped, `seriesPrevious` renumbered. */
  private citations(mentions: readonly TreatyMention[]): CitationSyntax[] {
    const output = this.output;
    const order = output.map((_, index) => index);
    // Mostly in order already; exclusions and parenthesised lists can come before the series they are in.
    if (output.some((citation, index) => index > 0 && compareSpans(output[index - 1]!, citation) > 0)) {
      order.sort((a, b) => compareSpans(output[a]!, output[b]!) || a - b);
    }
    const dropped = this.treatyDocument ? null : this.withoutArticle(order, mentions);
    const newIndex = new Int32Array(output.length);
    const result: MutableCitation[] = [];
    for (const index of order) {
      if (dropped?.[index]) continue;
      const citation = output[index]!;
      const last = result[result.length - 1];
      if (last && last.span.start === citation.span.start && last.span.end === citation.span.end) {
        newIndex[index] = result.length - 1;
        continue;
      }
      newIndex[index] = result.length;
      result.push(citation);
    }
    for (const citation of result) if (citation.seriesPrevious !== null) citation.seriesPrevious = newIndex[citation.seriesPrevious]!;
    return result;
  }
}

type MutableCitation = { -readonly [K in keyof CitationSyntax]: CitationSyntax[K] };

/**
 * A paragraph or item cited on its own (`3項`, `同項`, `前項`, `各号`), with no qualifier: in an analysis it is a citation
 * only under an article cited in its sentence or the one before (or a resolution, declaration… named there, whose
 * provisions are paragraphs); otherwise it is the document's own numbering (`参照4項`) or a report's `前項`.
 * A lettered item referred to by a verb of reference (`(a)の規定に従い`) is no numbering of a report: it stays.
 */
function isUnanchored(citation: CitationSyntax): boolean {
  return (
    citation.seriesPrevious === null && citation.article === null && (citation.paragraph !== null || citation.item !== null) && citation.qualifier === null &&
    !citation.supplementary && citation.kind !== 'paragraph-katakana' && citation.kind !== 'bare-item'
  );
}

/** Whether the 同 at `position` is the anaphoric prefix (同条, 同法) rather than the end of a word (共同). */
function startsSame(text: string, position: number): boolean {
  return startsWord(text, position) || !SAME_COMPOUNDS.has(text.slice(position - 1, position + 1));
}

function compareSpans(a: CitationSyntax, b: CitationSyntax): number {
  return a.span.start - b.span.start || a.span.end - b.span.end;
}

function isRelativeDraft(draft: Draft): boolean {
  return [draft.article, draft.paragraph, draft.item].some((ref) => ref !== null && ref.kind !== 'number');
}

const LEVEL_NAMES = [
  [ARTICLE, 'article'],
  [PARAGRAPH, 'paragraph'],
  [ITEM, 'item'],
] as const;

/** The `citation-cases.jsonl` kind of a provision, from its form. */
function deriveKind(draft: Draft): string {
  if (draft.rangeRole) return 'range';
  if (draft.qualifier?.kind === 'same') return /法|令|規則/.test(draft.qualifier.word) ? 'same-law' : 'same-treaty';
  if (draft.qualifier?.kind === 'this') return 'this-treaty';
  let numbered = false;
  for (const [level, name] of LEVEL_NAMES) {
    const ref = level === ARTICLE ? draft.article : level === PARAGRAPH ? draft.paragraph : draft.item;
    if (ref !== null && ref.kind === 'number') numbered = true;
    // 第七十条第一項各号 is an explicit citation of every item; a bare 各号 is the each-item form.
    if (ref === null || ref.kind === 'number' || (ref.kind === 'each' && !ref.previous && numbered)) continue;
    const plural = name === 'article' ? 'articles' : name === 'paragraph' ? 'paragraphs' : 'items';
    switch (ref.kind) {
      case 'same':
        return `same-${name}`;
      case 'this':
        return `this-${name}`;
      case 'next':
        return `next-${name}`;
      case 'previous':
        return ref.count > 1 ? `previous-n-${plural}` : `previous-${name}`;
      case 'each':
        return ref.previous ? `previous-${plural}` : `each-${name}`;
    }
  }
  if (draft.article === null && draft.paragraph === null && draft.item === null && draft.part?.startsWith('第')) return 'sentence';
  if (draft.prev && draft.article === null) return 'inherited';
  return 'explicit';
}
