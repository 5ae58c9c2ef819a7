// Look-ups over a parsed treaty: the provision containing an offset (for 前条 / 前項 / 同条 / this Article)
// and articles by number within the main provisions or one 附則 block.

import type { Article, CitedDivision, Division, Item, Paragraph, Treaty } from '../types';
import { normaliseArticleNumber } from './labels';
import { partitionPoint } from '../text/search';

export interface ProvisionLocation {
  readonly article: Article;
  readonly paragraph: Paragraph | null;
  readonly item: Item | null;
  readonly subitem: Item | null;
}

/** The last element whose span starts at or before offset and still contains it (spans are in document order). */
function containing<T extends { readonly span: { readonly start: number; readonly end: number } }>(
  list: readonly T[],
  offset: number,
): T | null {
  let found = partitionPoint(list.length, (index) => list[index]!.span.start <= offset) - 1;
  // Articles sharing a label (`第六十条から第六十二条まで`) share a span: report the first of them.
  while (found > 0 && list[found - 1]!.span.start === list[found]!.span.start) found--;
  const candidate = found < 0 ? null : list[found]!;
  return candidate !== null && offset <= candidate.span.end ? candidate : null;
}

/** The provision that contains an offset: used to resolve 前条/前項/同条/次号/this Article inside treaty text. */
export function locateProvision(treaty: Treaty, offset: number): ProvisionLocation | null {
  const article = containing(treaty.articles, offset);
  if (article === null) return null;
  const paragraph = containing(article.paragraphs, offset);
  const item = paragraph === null ? null : containing(paragraph.items, offset);
  const subitem = item === null ? null : containing(item.subitems, offset);
  return { article, paragraph, item, subitem };
}

const indexes = new WeakMap<Treaty, Map<string, Article>>();

function articleIndex(treaty: Treaty): Map<string, Article> {
  let index = indexes.get(treaty);
  if (index === undefined) {
    index = new Map();
    for (const article of treaty.articles) {
      const key = `${article.supplementaryGroup ?? 'main'}|${article.number}`;
      if (!index.has(key)) index.set(key, article);
    }
    indexes.set(treaty, index);
  }
  return index;
}

/**
 * An article by number (`"5"`, `"6_2"`, `"7_bis"`; written forms such as `６の２` or `IV` are normalised):
 * in the main provisions, or in 附則 block `supplementaryGroup` when one is given. The first wins if duplicated.
 */
export function findArticle(treaty: Treaty, number: string, supplementaryGroup?: number | null): Article | undefined {
  const index = articleIndex(treaty);
  const group = supplementaryGroup ?? 'main';
  return index.get(`${group}|${number}`) ?? index.get(`${group}|${normaliseArticleNumber(number)}`);
}

const groups = new WeakMap<Treaty, Map<Article, { readonly members: readonly Article[]; readonly position: number }>>();

/** Each numbered article with the numbered articles of its group (main provisions or one 附則 block) around it. */
function groupIndex(treaty: Treaty): Map<Article, { readonly members: readonly Article[]; readonly position: number }> {
  let index = groups.get(treaty);
  if (index === undefined) {
    index = new Map();
    const members = new Map<number | null, Article[]>();
    for (const article of treaty.articles) {
      if (article.number === '') continue;
      let list = members.get(article.supplementaryGroup);
      if (list === undefined) members.set(article.supplementaryGroup, (list = []));
      index.set(article, { members: list, position: list.length });
      list.push(article);
    }
    groups.set(treaty, index);
  }
  return index;
}

/** The article `delta` places before (negative) or after `article` within its own group (前条, 前二条, 次条). */
export function adjacentArticle(treaty: Treaty, article: Article, delta: number): Article | undefined {
  const entry = groupIndex(treaty).get(article);
  return entry === undefined ? undefined : entry.members[entry.position + delta];
}

/** Paragraph n (1-based) of an article. */
export function findParagraph(article: Article, number: number): Paragraph | undefined {
  return article.paragraphs.find((paragraph) => paragraph.number === number);
}

/** An item (`"3"`, `"2_2"`, `"a"`) of a paragraph, or a sub-item (`"イ"`, `"ii"`) of an item. */
export function findItem(parent: Paragraph | Item, number: string): Item | undefined {
  const list = 'items' in parent ? parent.items : parent.subitems;
  return list.find((item) => item.number === number);
}

/** The chapter a citation names (`第7章` → chapter 7), or the numbered section inside it (`第三章第二節`). */
export function findDivision(treaty: Treaty, cited: CitedDivision): Division | undefined {
  const chapter = treaty.divisions.find((division) => division.kind === 'chapter' && division.number === cited.chapter);
  if (!chapter || cited.section === null) return chapter;
  return treaty.divisions.find(
    (division) => division.kind === 'section' && division.number === cited.section && division.span.start >= chapter.span.start && division.span.end <= chapter.span.end,
  );
}
