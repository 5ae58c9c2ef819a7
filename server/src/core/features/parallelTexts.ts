// Feature: parallel language texts — documents sharing a `treaty:` id with different `lang:` are versions of
// one treaty. Finds a cited provision in every version (hover and definition show each, the reader's language
// first) and reports versions whose article structure differs (`parallel-structure`).

import type { Diagnostic, Location } from '../api';
import type { TreatyEntry } from '../catalog';
import type { DocumentFacts } from '../document';
import { messagesFor, type Messages } from '../messages/index';
import type { ResolvedCitation } from '../resolve';
import { scriptLanguage } from '../text/language';
import { findArticle, findParagraph } from '../treaty/locate';
import type { Article, Item, Paragraph, Span, Treaty } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';

/** One version's counterpart of a cited provision. */
export interface VersionProvision {
  readonly entry: TreatyEntry;
  readonly article: Article;
  /** The paragraph or item cited, or null when the whole article is. */
  readonly part: Paragraph | Item | null;
  /** Where the provision's own words are: after its label (an article's caption included). */
  readonly textSpan: Span;
}

/** A language code's primary subtag (`ja-JP` → `ja`), or the script a text is written in when none is given. */
export function versionLanguage(treaty: Treaty): string {
  if (treaty.lang) return treaty.lang.toLowerCase().split(/[-_]/)[0]!;
  return scriptLanguage(treaty.title + (treaty.articles[0]?.label ?? '')) ?? 'en';
}

/** The language a reader of this document reads: its `lang:`, or the script of its opening text. */
export function readerLanguage(facts: DocumentFacts): string {
  if (facts.frontMatter.lang) return facts.frontMatter.lang.toLowerCase().split(/[-_]/)[0]!;
  return scriptLanguage(facts.text.slice(0, 4000)) ?? 'en';
}

/**
 * Every version of a treaty, in reading order: the configured `parallelTextOrder`, or else the reader's
 * language first; otherwise the catalog's order (the primary version first).
 */
export function orderedVersions(index: WorkspaceIndex, treatyId: string, reader: string): TreatyEntry[] {
  const versions = [...(index.catalog.byId.get(treatyId) ?? [])];
  const order = index.config.parallelTextOrder.length > 0 ? index.config.parallelTextOrder.map((language) => language.toLowerCase().split('-')[0]!) : [reader];
  const rank = (entry: TreatyEntry): number => {
    const position = order.indexOf(versionLanguage(entry.treaty));
    return position < 0 ? order.length : position;
  };
  // Array.prototype.sort is stable, so versions of equal rank keep the catalog's order.
  return versions.sort((a, b) => rank(a) - rank(b));
}

/**
 * A resolved citation's provision in each version, in reading order. Paragraphs match by number; items by
 * their position in the paragraph, since versions letter them differently (`(b)` is `二`).
 */
export function provisionVersions(index: WorkspaceIndex, citation: ResolvedCitation, reader: string): VersionProvision[] {
  const primary = index.articleOf(citation);
  if (!primary || !citation.treatyId) return [];
  const cited = locatePart(primary.article, citation);
  const result: VersionProvision[] = [];
  for (const entry of orderedVersions(index, citation.treatyId, reader)) {
    const article = entry === primary.entry ? primary.article : findArticle(entry.treaty, primary.article.number, primary.article.supplementaryGroup);
    if (!article) continue;
    const part = entry === primary.entry ? cited.part : counterpart(article, cited);
    if (part === undefined) continue;
    result.push({ entry, article, part, textSpan: textSpanOf(article, part) });
  }
  return result;
}

interface CitedPart {
  readonly part: Paragraph | Item | null;
  readonly paragraphNumber: number | null;
  /** The item's position in its paragraph (and the sub-item's in its item), for matching across versions. */
  readonly itemPosition: number | null;
  readonly subitemPosition: number | null;
}

/** The paragraph or item a citation names within its article, as resolution found it. */
function locatePart(article: Article, citation: ResolvedCitation): CitedPart {
  const none: CitedPart = { part: null, paragraphNumber: null, itemPosition: null, subitemPosition: null };
  const paragraph = citation.paragraph === null ? undefined : findParagraph(article, citation.paragraph);
  if (citation.paragraph !== null && !paragraph) return none;
  if (citation.item === null || citation.item === 'each') return { ...none, part: paragraph ?? null, paragraphNumber: paragraph?.number ?? null };
  for (const candidate of paragraph ? [paragraph] : article.paragraphs) {
    const position = candidate.items.findIndex((item) => item.number === citation.item);
    if (position < 0) continue;
    const item = candidate.items[position]!;
    const subPosition = citation.syntax.subitem ? item.subitems.findIndex((sub) => sub.number === citation.syntax.subitem) : -1;
    const part = subPosition >= 0 ? item.subitems[subPosition]! : item;
    return { part, paragraphNumber: candidate.number, itemPosition: position, subitemPosition: subPosition >= 0 ? subPosition : null };
  }
  return { ...none, part: paragraph ?? null, paragraphNumber: paragraph?.number ?? null };
}

/** The same part in another version's article: null for the whole article, undefined when it has no such part. */
function counterpart(article: Article, cited: CitedPart): Paragraph | Item | null | undefined {
  if (cited.paragraphNumber === null) return null;
  const paragraph = findParagraph(article, cited.paragraphNumber);
  if (!paragraph) return undefined;
  if (cited.itemPosition === null) return paragraph;
  const item = paragraph.items[cited.itemPosition];
  if (!item || cited.subitemPosition === null) return item;
  return item.subitems[cited.subitemPosition];
}

function textSpanOf(article: Article, part: Paragraph | Item | null): Span {
  if (part === null) return { start: article.labelSpan.end, end: article.span.end };
  const label = 'labelSpan' in part ? part.labelSpan : null;
  return { start: label ? label.end : part.span.start, end: part.span.end };
}

/** An article label's own version first, then the same article in the other versions (hover over a label). */
export function labelVersions(index: WorkspaceIndex, uri: string, treaty: Treaty, article: Article): VersionProvision[] {
  const own = (index.catalog.byId.get(treaty.id) ?? []).find((entry) => entry.uri === uri) ?? { id: treaty.id, uri, treaty };
  const result: VersionProvision[] = [{ entry: own, article, part: null, textSpan: textSpanOf(article, null) }];
  for (const entry of orderedVersions(index, treaty.id, versionLanguage(treaty))) {
    if (entry.uri === uri) continue;
    const counterpartArticle = findArticle(entry.treaty, article.number, article.supplementaryGroup);
    if (counterpartArticle) result.push({ entry, article: counterpartArticle, part: null, textSpan: textSpanOf(counterpartArticle, null) });
  }
  return result;
}

/** Definition targets: the cited provision in every version, the reader's language first. */
export function definitionVersions(index: WorkspaceIndex, facts: DocumentFacts, citation: ResolvedCitation): Location[] {
  return provisionVersions(index, citation, readerLanguage(facts)).map(({ entry, article, part }) => ({
    uri: entry.uri,
    span: (part ?? article).span,
  }));
}

/** A diagnostic of `parallel-structure`, before the configuration gives it a severity. */
export type StructureProblem = Omit<Diagnostic, 'severity'>;

/**
 * Where this version's article structure differs from another version of the same treaty: articles only one
 * of them has, and articles with different numbers of paragraphs. Each version reports its own labels.
 */
export function checkParallelStructure(index: WorkspaceIndex, facts: DocumentFacts): StructureProblem[] {
  const treaty = facts.treaty;
  const versions = treaty ? (index.catalog.byId.get(treaty.id) ?? []) : [];
  if (!treaty || versions.length < 2) return [];
  const messages = messagesFor(index.config.language);
  const problems: StructureProblem[] = [];
  for (const other of versions) {
    if (other.uri === facts.uri) continue;
    const name = describeVersion(other, messages);
    for (const article of treaty.articles) {
      if (article.number === '') continue;
      const counterpartArticle = findArticle(other.treaty, article.number, article.supplementaryGroup);
      const label = article.label.replace(/\s+/g, ' ');
      if (!counterpartArticle) {
        problems.push({
          span: article.labelSpan,
          code: 'parallel-structure',
          message: messages.noCounterpart(label, name),
          related: [{ location: { uri: other.uri, span: { start: 0, end: 0 } }, message: other.treaty.title }],
        });
        continue;
      }
      const here = article.paragraphs.length;
      const there = counterpartArticle.paragraphs.length;
      if (here === there) continue;
      const otherLabel = counterpartArticle.label.replace(/\s+/g, ' ');
      problems.push({
        span: article.labelSpan,
        code: 'parallel-structure',
        message: messages.paragraphCountDiffers(label, here, there, name, otherLabel),
        related: [{ location: { uri: other.uri, span: counterpartArticle.labelSpan }, message: otherLabel }],
      });
    }
  }
  return problems;
}

/** `the en version (harbor.en.md)` / `en版（harbor.en.md）`. */
function describeVersion(entry: TreatyEntry, messages: Messages): string {
  const file = decodeURIComponent(entry.uri.slice(entry.uri.lastIndexOf('/') + 1));
  return messages.version(versionLanguage(entry.treaty), file);
}
