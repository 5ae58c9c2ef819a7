// Parses the body of a treaty or statute document into articles, paragraphs, items, divisions and 附則 blocks.
// One linear pass over lines classified by labels.ts; never throws; numbering problems come from order.ts.

import type { Article, Division, Item, Paragraph, Span, SupplementaryBlock, Treaty } from '../types';
import { classifyLines, isProse, isTitleLike, nextWesternKey, splitLines, type LineSyntax } from './labels';
import { checkArticleOrder } from './order';
import { scriptLanguage } from '../text/language';

export { findArticle, locateProvision } from './locate';

interface ItemBuilder {
  readonly number: string;
  readonly label: string;
  readonly start: number;
  readonly labelEnd: number;
  end: number;
  readonly subitems: ItemBuilder[];
  /** `(i)`, `(ii)`…: the list counts in Roman numerals, so `(i)` after `(h)` is ambiguous no more. */
  readonly roman: boolean;
}

interface ParagraphBuilder {
  readonly number: number;
  readonly start: number;
  readonly label: Span | null;
  end: number;
  readonly items: ItemBuilder[];
}

interface ArticleBuilder {
  readonly numbers: readonly string[];
  readonly label: string;
  caption: string | null;
  summary: string | null;
  readonly group: number | null;
  readonly start: number;
  readonly labelSpan: Span;
  bodyStart: number | null;
  end: number;
  readonly paragraphs: ParagraphBuilder[];
  readonly western: boolean;
}

interface DivisionBuilder {
  readonly kind: Division['kind'];
  readonly number: string | null;
  readonly label: string;
  title: string | null;
  readonly start: number;
  readonly labelSpan: Span;
  end: number;
  readonly rank: number;
}

interface BlockBuilder {
  readonly heading: string;
  readonly amendingAct: string | null;
  readonly excerpt: boolean;
  readonly start: number;
  readonly labelSpan: Span;
  end: number;
}

type Mode = 'front' | 'body' | 'annex' | 'closing';

type Meta = { id: string; title: string; short: string | null; aliases: readonly string[]; lang: string | null };

/** Parses the body of a treaty document (text from bodyStart on; front matter is parsed elsewhere). */
export function parseTreaty(text: string, bodyStart: number, meta: Meta): Treaty {
  let from = Math.max(0, Math.min(bodyStart, text.length));
  if (text.charCodeAt(from) === 0xfeff) from++;
  const scanner = new Scanner(text, from);
  scanner.run();
  return scanner.result(meta);
}

class Scanner {
  readonly #text: string;
  readonly #starts: number[];
  readonly #ends: number[];
  readonly #lines: LineSyntax[];

  readonly #articles: ArticleBuilder[] = [];
  readonly #divisions: DivisionBuilder[] = [];
  readonly #openDivisions: DivisionBuilder[] = [];
  readonly #blocks: BlockBuilder[] = [];
  #preamble: DivisionBuilder | null = null;
  #openPreamble: DivisionBuilder | null = null;
  #block: BlockBuilder | null = null;
  #annex: DivisionBuilder | null = null;
  #article: ArticleBuilder | null = null;
  #paragraph: ParagraphBuilder | null = null;
  #item: ItemBuilder | null = null;
  #subitem: ItemBuilder | null = null;
  #pendingCaption: { caption: string; start: number } | null = null;
  #mode: Mode = 'front';
  /** An unrecognised heading ended the article: text up to the next label belongs to nothing. */
  #detached = false;
  #lastContentEnd: number;
  /** Lines already consumed by look-ahead (a chapter title on the line after `CHAPTER I`). */
  #consumedUpTo = -1;

  constructor(text: string, from: number) {
    this.#text = text;
    const { starts, ends } = splitLines(text, from);
    this.#starts = starts;
    this.#ends = ends;
    this.#lines = classifyLines(text, starts, ends);
    this.#lastContentEnd = from;
  }

  run(): void {
    const lines = this.#lines;
    const firstArticle = lines.findIndex((line) => line.kind === 'article');
    const tocEnd = firstArticle > 0 ? this.#tableOfContentsEnd(firstArticle) : -1;
    this.#implicitPreamble(tocEnd + 1, firstArticle < 0 ? lines.length : firstArticle);
    for (let index = tocEnd + 1; index < lines.length; index++) {
      if (index <= this.#consumedUpTo) continue;
      this.#line(index, lines[index]!);
    }
    this.#closeArticle();
    this.#closeDivisions(-1);
    this.#closeBlock();
    this.#closeAnnex();
    this.#closePreamble();
  }

  /**
   * The last line of a table of contents before the first article: `目次`, a chapter line with an article range
   * `（第一条―第六条）`, the TOC's `附則`, or a division that is repeated before the first article. -1 if none.
   */
  #tableOfContentsEnd(firstArticle: number): number {
    const seen = new Set<string>();
    let preambleSeen = false;
    for (let index = firstArticle - 1; index >= 0; index--) {
      const line = this.#lines[index]!;
      if (line.kind === 'toc' || line.kind === 'supplementary') return index;
      if (line.kind === 'preamble') {
        if (preambleSeen) return index;
        preambleSeen = true;
      }
      if (line.kind === 'division') {
        const key = `${line.rank}:${line.number}`;
        if (line.toc || seen.has(key)) return index;
        seen.add(key);
      }
    }
    return -1;
  }

  /** Running text just before the first article or division, when no `前文` / `Preamble` label marks it. */
  #implicitPreamble(from: number, firstArticle: number): void {
    const lines = this.#lines;
    let first = from;
    while (first < firstArticle && !this.#isStructural(first)) first++;
    if (first >= lines.length || lines[first]!.kind === 'preamble') return;
    let start = -1;
    let end = -1;
    for (let index = first - 1; index >= from; index--) {
      const line = lines[index]!;
      if (line.kind === 'blank' || line.kind === 'ignored') continue;
      if (!('textStart' in line) || line.kind === 'caption') break;
      const content = this.#text.slice(line.textStart, this.#trimmedEnd(index));
      if (!isProse(content)) break;
      start = line.textStart;
      if (end < 0) end = this.#trimmedEnd(index);
    }
    if (start < 0) return;
    const japanese = scriptLanguage(this.#text.slice(start, Math.min(end, start + 200))) === 'ja';
    this.#preamble = {
      kind: 'preamble', number: null, label: japanese ? '前文' : 'Preamble', title: null, start,
      labelSpan: { start, end: start }, end, rank: -1,
    };
    this.#divisions.push(this.#preamble);
  }

  #isStructural(index: number): boolean {
    const kind = this.#lines[index]!.kind;
    return (
      kind === 'article' || kind === 'division' || kind === 'preamble' || kind === 'annex' ||
      kind === 'supplementary' || kind === 'closing' || (kind === 'caption' && this.#lines[index + 1]?.kind === 'article')
    );
  }

  #line(index: number, line: LineSyntax): void {
    switch (line.kind) {
      case 'blank':
      case 'ignored':
      case 'toc':
        return;
      case 'article':
        if (this.#mode === 'annex') return this.#annexContent(index);
        return this.#startArticle(index, line);
      case 'division':
        if (this.#mode === 'annex') return this.#annexContent(index);
        if (line.toc) return;
        return this.#startDivision(index, line);
      case 'supplementary':
        if (this.#mode === 'front') return;
        return this.#startBlock(index, line);
      case 'preamble':
        if (this.#mode === 'front' && this.#preamble === null) return this.#startPreamble(index, line);
        return this.#textLine(index, line.labelStart);
      case 'annex':
        return this.#startAnnex(index, line);
      case 'closing':
        if (this.#mode === 'front' || this.#mode === 'annex') return this.#textLine(index, this.#starts[index]!);
        this.#closeArticle();
        this.#closeDivisions(-1);
        this.#closeBlock();
        this.#mode = 'closing';
        return;
      case 'heading':
        if (this.#mode === 'annex') return this.#annexContent(index);
        if (this.#mode === 'body') {
          this.#closeArticle();
          this.#detached = true;
        }
        return;
      case 'caption':
        return this.#caption(index, line.caption, line.textStart);
      case 'summary':
        if (this.#mode === 'body' && this.#article !== null && this.#article.summary === null) {
          this.#article.summary = line.summary;
          this.#article.end = this.#trimmedEnd(index);
          this.#lastContentEnd = this.#article.end;
        }
        return;
      case 'paragraph':
        return this.#paragraphLine(index, line);
      case 'itemJa':
        return this.#japaneseItem(index, line);
      case 'subitemJa':
        if (this.#mode !== 'body' || this.#item === null) return this.#textLine(index, line.labelStart);
        this.#subitem = this.#newItem(line.number, line.labelStart, line.labelEnd, index, false);
        this.#item.subitems.push(this.#subitem);
        return this.#extend(index, line.labelStart);
      case 'deepJa':
        if (this.#mode !== 'body' || this.#article === null) return this.#textLine(index, line.textStart);
        if (this.#paragraph === null) this.#openImplicitParagraph(line.textStart);
        return this.#extend(index, line.textStart);
      case 'itemWestern':
        return this.#westernItem(index, line);
      case 'text':
        return this.#textLine(index, line.textStart);
    }
  }

  #startArticle(index: number, line: Extract<LineSyntax, { kind: 'article' }>): void {
    this.#closeArticle();
    this.#closePreamble();
    this.#mode = 'body';
    this.#detached = false;
    const pending = this.#pendingCaption;
    this.#pendingCaption = null;
    this.#article = {
      numbers: line.numbers,
      label: line.label,
      caption: line.caption ?? pending?.caption ?? null,
      summary: null,
      group: this.#block === null ? null : this.#blocks.length - 1,
      start: pending?.start ?? line.labelStart,
      labelSpan: { start: line.labelStart, end: line.labelEnd },
      bodyStart: null,
      end: line.labelEnd,
      paragraphs: [],
      western: line.western,
    };
    if (line.bodyStart !== null && line.bodyStart < this.#trimmedEnd(index)) {
      this.#openImplicitParagraph(line.bodyStart);
      this.#extend(index, line.bodyStart);
    } else {
      this.#article.end = Math.max(line.labelEnd, this.#trimmedEnd(index));
      this.#lastContentEnd = this.#article.end;
    }
  }

  #startDivision(index: number, line: Extract<LineSyntax, { kind: 'division' }>): void {
    this.#closeArticle();
    this.#closePreamble();
    this.#closeDivisions(line.rank);
    this.#detached = false;
    if (this.#mode === 'closing') this.#mode = 'body';
    const division: DivisionBuilder = {
      kind: line.division, number: line.number, label: line.label, title: line.title, start: line.labelStart,
      labelSpan: { start: line.labelStart, end: line.labelEnd }, end: this.#trimmedEnd(index), rank: line.rank,
    };
    if (division.title === null && line.western) this.#titleOnNextLine(index, division);
    this.#divisions.push(division);
    this.#openDivisions.push(division);
    this.#lastContentEnd = division.end;
  }

  /** `CHAPTER I` ⏎ ⏎ `Purposes and principles`: the chapter's title is the next short line. */
  #titleOnNextLine(index: number, division: DivisionBuilder): void {
    for (let next = index + 1; next < this.#lines.length && next <= index + 3; next++) {
      const line = this.#lines[next]!;
      if (line.kind === 'blank') continue;
      if (line.kind !== 'text') return;
      const title = this.#text.slice(line.textStart, this.#trimmedEnd(next));
      if (!isTitleLike(title)) return;
      division.title = title;
      division.end = this.#trimmedEnd(next);
      this.#consumedUpTo = next;
      return;
    }
  }

  #startBlock(index: number, line: Extract<LineSyntax, { kind: 'supplementary' }>): void {
    this.#closeArticle();
    this.#closeDivisions(-1);
    this.#closeBlock();
    this.#closeAnnex();
    this.#mode = 'body';
    this.#detached = false;
    this.#block = {
      heading: line.heading, amendingAct: line.amendingAct, excerpt: line.excerpt, start: line.labelStart,
      labelSpan: { start: line.labelStart, end: line.labelEnd }, end: this.#trimmedEnd(index),
    };
    this.#blocks.push(this.#block);
    this.#lastContentEnd = this.#block.end;
  }

  #startPreamble(index: number, line: Extract<LineSyntax, { kind: 'preamble' }>): void {
    this.#preamble = {
      kind: 'preamble', number: null, label: line.label, title: null, start: line.labelStart,
      labelSpan: { start: line.labelStart, end: line.labelEnd }, end: this.#trimmedEnd(index), rank: -1,
    };
    this.#openPreamble = this.#preamble;
    this.#divisions.push(this.#preamble);
    this.#lastContentEnd = this.#preamble.end;
  }

  #startAnnex(index: number, line: Extract<LineSyntax, { kind: 'annex' }>): void {
    this.#closeArticle();
    this.#closePreamble();
    this.#closeDivisions(-1);
    this.#closeBlock();
    this.#closeAnnex();
    this.#mode = 'annex';
    this.#annex = {
      kind: 'annex', number: line.number, label: line.label, title: line.title, start: line.labelStart,
      labelSpan: { start: line.labelStart, end: line.labelEnd }, end: this.#trimmedEnd(index), rank: -1,
    };
    this.#divisions.push(this.#annex);
    this.#lastContentEnd = this.#annex.end;
  }

  #caption(index: number, caption: string, textStart: number): void {
    if (this.#mode !== 'annex' && this.#lines[index + 1]?.kind === 'article') {
      this.#pendingCaption = { caption, start: textStart };
      return;
    }
    if (this.#mode !== 'body') return this.#textLine(index, textStart);
    // A paragraph's caption (`（施行期日）` before `１　`) belongs to the article but to no paragraph;
    // right under a heading (`## 第1条` ⏎ `（目的）`) it is the article's own.
    if (!this.#ensureArticle(textStart)) return;
    const article = this.#article!;
    if (article.caption === null && article.paragraphs.length === 0 && article.numbers[0] !== '') article.caption = caption;
    article.end = this.#trimmedEnd(index);
    this.#lastContentEnd = article.end;
  }

  #paragraphLine(index: number, line: Extract<LineSyntax, { kind: 'paragraph' }>): void {
    if (this.#mode !== 'body' || !this.#ensureArticle(line.labelStart)) return this.#textLine(index, line.labelStart);
    const article = this.#article!;
    const current = this.#paragraph?.number ?? 0;
    // `The Purposes … are:` ⏎ `1.To maintain…`: the unnumbered text before paragraph 1 is a chapeau, not a paragraph.
    const chapeau = line.number === 1 && this.#paragraph !== null && this.#paragraph.label === null && article.paragraphs.length === 1;
    const accepted = chapeau || (line.number > current && (line.style === 'ja' || line.number <= current + 3));
    if (!accepted) return this.#textLine(index, line.labelStart);
    if (chapeau) article.paragraphs.pop();
    this.#paragraph = {
      number: line.number, start: line.labelStart, label: { start: line.labelStart, end: line.labelEnd },
      end: this.#trimmedEnd(index), items: [],
    };
    article.paragraphs.push(this.#paragraph);
    this.#item = null;
    this.#subitem = null;
    this.#extend(index, line.labelStart);
    if (article.western) this.#inlineItems(line.textStart, this.#trimmedEnd(index));
  }

  #japaneseItem(index: number, line: Extract<LineSyntax, { kind: 'itemJa' }>): void {
    if (this.#mode !== 'body' || !this.#ensureArticle(line.labelStart)) return this.#textLine(index, line.labelStart);
    if (this.#paragraph === null) this.#openImplicitParagraph(line.labelStart);
    this.#item = this.#newItem(line.number, line.labelStart, line.labelEnd, index, false);
    this.#subitem = null;
    this.#paragraph!.items.push(this.#item);
    this.#extend(index, line.labelStart);
  }

  /** `(a)`, `(i)`, `a.`: decides between a new item and a sub-item by which list the label continues. */
  #westernItem(index: number, line: Extract<LineSyntax, { kind: 'itemWestern' }>): void {
    if (this.#mode !== 'body' || !this.#ensureArticle(line.labelStart)) return this.#textLine(index, line.labelStart);
    if (this.#paragraph === null) this.#openImplicitParagraph(line.labelStart);
    // `(1)` below a Japanese item (`一　…` ⏎ `(1)　…`) is a deeper level, folded like `（１）`.
    if (!this.#article!.western && this.#item !== null) return this.#extend(index, line.labelStart);
    const key = line.key;
    const item = this.#item;
    const subitem = this.#subitem;
    const digits = (value: string): boolean => /^[0-9]+$/.test(value);
    let level: 'item' | 'subitem' = 'item';
    let roman = /^[ivxl]+$/.test(key) && (key === 'i' || key.length > 1);
    if (subitem !== null && key === nextWesternKey(subitem.number, subitem.roman)) {
      level = 'subitem';
      roman = subitem.roman;
    } else if (item !== null) {
      if (key === nextWesternKey(item.number, item.roman)) {
        roman = item.roman;
      } else if ((key === 'i' && !item.roman && !digits(item.number)) || (key === 'a' && digits(item.number))) {
        level = 'subitem';
        roman = key === 'i';
      } else {
        roman = item.roman && /^[ivxl]+$/.test(key);
      }
    }
    const built = this.#newItem(key, line.labelStart, line.labelEnd, index, roman);
    if (level === 'subitem') {
      this.#subitem = built;
      item!.subitems.push(built);
    } else {
      this.#item = built;
      this.#subitem = null;
      this.#paragraph!.items.push(built);
    }
    this.#extend(index, line.labelStart);
  }

  #textLine(index: number, textStart: number): void {
    if (this.#mode === 'annex') return this.#annexContent(index);
    if (this.#mode === 'front') {
      if (this.#openPreamble !== null) {
        this.#openPreamble.end = this.#trimmedEnd(index);
        this.#lastContentEnd = this.#openPreamble.end;
      }
      return;
    }
    if (this.#mode !== 'body') return;
    if (this.#sectionHeading(index, textStart)) return;
    if (this.#captionAfterLabel(index, textStart)) return;
    if (!this.#ensureArticle(textStart)) return;
    if (this.#paragraph === null) this.#openImplicitParagraph(textStart);
    else if (this.#item !== null && this.#lines[index - 1]?.kind === 'blank') {
      // Text after a blank line below an item list continues the paragraph, not the last item.
      this.#item = null;
      this.#subitem = null;
    }
    this.#extend(index, textStart);
    if (this.#article!.western) this.#inlineItems(textStart, this.#trimmedEnd(index));
  }

  /**
   * `Composition`, `Voting` between the UN Charter's articles: a short line standing alone right before a western
   * article or chapter heading is a section heading, not the end of the previous article.
   */
  #sectionHeading(index: number, textStart: number): boolean {
    const previous = this.#lines[index - 1];
    if (previous !== undefined && previous.kind !== 'blank') return false;
    // `Article 3` ⏎ ⏎ `Deleted` ⏎ ⏎ `Article 4`: a short line that is an article's only text is its text.
    if (this.#article !== null && this.#article.paragraphs.length === 0) return false;
    const title = this.#text.slice(textStart, this.#trimmedEnd(index));
    if (!isTitleLike(title) || !/^\p{Lu}/u.test(title)) return false;
    let next = index + 1;
    while (next < this.#lines.length && this.#lines[next]!.kind === 'blank') next++;
    const following = this.#lines[next];
    if (following === undefined || next === index + 1) return false;
    if (!((following.kind === 'article' || following.kind === 'division') && following.western)) return false;
    this.#closeArticle();
    this.#closeDivisions(2);
    const section: DivisionBuilder = {
      kind: 'section', number: null, label: title, title: null, start: textStart,
      labelSpan: { start: textStart, end: textStart + title.length }, end: textStart + title.length, rank: 2,
    };
    this.#divisions.push(section);
    this.#openDivisions.push(section);
    this.#lastContentEnd = section.end;
    return true;
  }

  /**
   * `Article 5` ⏎ `Crimes within the jurisdiction of the Court` ⏎ `1. The jurisdiction…`: a short first line
   * followed by more text is the caption of a western article that has none.
   */
  #captionAfterLabel(index: number, textStart: number): boolean {
    const article = this.#article;
    if (article === null || !article.western || article.caption !== null || article.paragraphs.length > 0) return false;
    const title = this.#text.slice(textStart, this.#trimmedEnd(index));
    if (!isTitleLike(title) || !/^\p{Lu}/u.test(title)) return false;
    let next = index + 1;
    while (next < this.#lines.length && next <= index + 3 && this.#lines[next]!.kind === 'blank') next++;
    const following = this.#lines[next]?.kind;
    if (following !== 'text' && following !== 'paragraph' && following !== 'itemWestern') return false;
    article.caption = title;
    article.end = this.#trimmedEnd(index);
    this.#lastContentEnd = article.end;
    return true;
  }

  /** `… not to provide: (a) source …, or (b) equipment …`: items written inside a paragraph's line. */
  #inlineItems(from: number, to: number): void {
    const paragraph = this.#paragraph;
    if (paragraph === null || paragraph.items.length > 0) return;
    const line = this.#text.slice(from, to);
    const pattern = /\(([a-z]{1,4}|[0-9]{1,2})\)/g;
    const found: { key: string; start: number; end: number }[] = [];
    let expected: string | null = null;
    let roman = false;
    for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
      const key = match[1]!;
      // `(b)` in `paragraph 1 (b)` is a reference, not a label: a label follows a space (not after a number) or `:`.
      const previous = line[match.index - 1] ?? ' ';
      const standsAlone = /[:;,—–]/.test(previous) || (/\s/.test(previous) && !/[0-9]/.test(line[match.index - 2] ?? ''));
      if (expected === null) {
        if (!standsAlone || !(key === 'a' || key === 'i' || key === '1')) continue;
        roman = key === 'i';
      } else if (key !== expected || !standsAlone) {
        continue;
      }
      found.push({ key, start: from + match.index, end: from + match.index + match[0].length });
      expected = nextWesternKey(key, roman);
    }
    if (found.length < 2) return;
    for (let index = 0; index < found.length; index++) {
      const label = found[index]!;
      const next = found[index + 1];
      const end = next === undefined ? to : from + this.#text.slice(from, next.start).trimEnd().length;
      const item: ItemBuilder = {
        number: label.key, label: this.#text.slice(label.start, label.end), start: label.start, labelEnd: label.end,
        end, subitems: [], roman,
      };
      paragraph.items.push(item);
      this.#item = item;
    }
    this.#subitem = null;
  }

  #annexContent(index: number): void {
    if (this.#annex === null) return;
    this.#annex.end = this.#trimmedEnd(index);
    this.#lastContentEnd = this.#annex.end;
  }

  /** Text in a 附則 with no articles (paragraphs `１　…` or a bare sentence) goes to an unnumbered article. */
  #ensureArticle(at: number): boolean {
    if (this.#article !== null) return true;
    if (this.#mode !== 'body' || this.#block === null || this.#detached) return false;
    this.#article = {
      numbers: [''], label: this.#text.slice(this.#block.labelSpan.start, this.#block.labelSpan.end), caption: null,
      summary: null, group: this.#blocks.length - 1, start: at, labelSpan: this.#block.labelSpan, bodyStart: at,
      end: at, paragraphs: [], western: false,
    };
    return true;
  }

  #openImplicitParagraph(at: number): void {
    this.#paragraph = { number: 1, start: at, label: null, end: at, items: [] };
    this.#article!.paragraphs.push(this.#paragraph);
    this.#item = null;
    this.#subitem = null;
  }

  #newItem(number: string, start: number, labelEnd: number, index: number, roman: boolean): ItemBuilder {
    return {
      number, label: this.#text.slice(start, labelEnd), start, labelEnd, end: this.#trimmedEnd(index), subitems: [], roman,
    };
  }

  /** A content line from `at` to its end now belongs to the open article, paragraph, item and sub-item. */
  #extend(index: number, at: number): void {
    const end = Math.max(at, this.#trimmedEnd(index));
    const article = this.#article!;
    if (article.bodyStart === null) article.bodyStart = at;
    article.end = end;
    if (this.#paragraph !== null) this.#paragraph.end = end;
    if (this.#item !== null) this.#item.end = end;
    if (this.#subitem !== null) this.#subitem.end = end;
    this.#lastContentEnd = end;
  }

  #closeArticle(): void {
    if (this.#article !== null) this.#articles.push(this.#article);
    this.#article = null;
    this.#paragraph = null;
    this.#item = null;
    this.#subitem = null;
  }

  #closeDivisions(rank: number): void {
    const open = this.#openDivisions;
    while (open.length > 0 && open[open.length - 1]!.rank >= rank) {
      const division = open.pop()!;
      division.end = Math.max(division.end, this.#lastContentEnd);
    }
  }

  #closeBlock(): void {
    if (this.#block !== null) this.#block.end = Math.max(this.#block.end, this.#lastContentEnd);
    this.#block = null;
  }

  #closeAnnex(): void {
    if (this.#annex !== null) this.#annex.end = Math.max(this.#annex.end, this.#lastContentEnd);
    this.#annex = null;
  }

  #closePreamble(): void {
    if (this.#openPreamble !== null) this.#openPreamble.end = Math.max(this.#openPreamble.end, this.#lastContentEnd);
    this.#openPreamble = null;
  }

  /** The end of a line without trailing white space (full-width spaces included). */
  #trimmedEnd(index: number): number {
    const start = this.#starts[index]!;
    let end = this.#ends[index]!;
    while (end > start) {
      const code = this.#text.charCodeAt(end - 1);
      if (code !== 0x20 && code !== 0x09 && code !== 0x3000 && code !== 0xa0) break;
      end--;
    }
    return end;
  }

  result(meta: Meta): Treaty {
    const articles: Article[] = [];
    for (const built of this.#articles) {
      const paragraphs = built.paragraphs.map(freezeParagraph);
      const labelEnd = built.labelSpan.end;
      const bodyStart = built.bodyStart ?? Math.min(labelEnd, built.end);
      for (const number of built.numbers) {
        articles.push({
          number,
          label: built.label,
          caption: built.caption,
          summary: built.summary,
          supplementary: built.group !== null,
          supplementaryGroup: built.group,
          span: { start: built.start, end: built.end },
          labelSpan: built.labelSpan,
          bodySpan: { start: bodyStart, end: Math.max(bodyStart, built.end) },
          paragraphs,
        });
      }
    }
    const divisions: Division[] = this.#divisions.map((division) => ({
      kind: division.kind, number: division.number, label: division.label, title: division.title,
      span: { start: division.start, end: division.end }, labelSpan: division.labelSpan,
    }));
    const blocks: SupplementaryBlock[] = this.#blocks.map((block) => ({
      span: { start: block.start, end: block.end }, heading: block.heading, amendingAct: block.amendingAct,
    }));
    const excerpts = this.#blocks.map((block) => block.excerpt || block.amendingAct !== null);
    const preambleIndex = this.#preamble === null ? -1 : this.#divisions.indexOf(this.#preamble);
    return {
      id: meta.id,
      title: meta.title,
      short: meta.short,
      aliases: meta.aliases,
      lang: meta.lang,
      preamble: preambleIndex < 0 ? null : divisions[preambleIndex]!,
      divisions,
      articles,
      supplementaryBlocks: blocks,
      problems: checkArticleOrder(articles, excerpts),
    };
  }
}

function freezeItem(item: ItemBuilder): Item {
  return {
    number: item.number, label: item.label, span: { start: item.start, end: item.end },
    labelSpan: { start: item.start, end: item.labelEnd }, subitems: item.subitems.map(freezeItem),
  };
}

function freezeParagraph(paragraph: ParagraphBuilder): Paragraph {
  return {
    number: paragraph.number, span: { start: paragraph.start, end: paragraph.end }, labelSpan: paragraph.label,
    items: paragraph.items.map(freezeItem),
  };
}
