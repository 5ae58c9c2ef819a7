// The check: a bound citation against the treaty model (is there such an article, paragraph, item?), and the
// labels messages give a citation's provision.

import { primaryEntry, type Catalog } from '../catalog';
import { findArticle, findDivision, findItem, findParagraph } from '../treaty/locate';
import type { Article, CitationSyntax, Item, Paragraph, Span } from '../types';
import type { Binding, ScopeName } from './state';

export type CitationStatus =
  | 'resolved'
  /** A provision of an instrument that is deliberately not checked (an amending act's 附則). */
  | 'external'
  /** A chapter, section, appendix table or form: found and scoped, not checked against the treaty model. */
  | 'unchecked'
  | 'unknown-treaty'
  | 'unknown-article'
  | 'unknown-paragraph'
  | 'unknown-item'
  | 'no-antecedent'
  | 'ambiguous-treaty';

export interface ResolvedCitation {
  readonly syntax: CitationSyntax;
  /** The workspace treaty id, or null when the instrument is not in the workspace or unknown. */
  readonly treatyId: string | null;
  /** The name the citation was scoped to (even when not in the workspace). */
  readonly treatyName: string | null;
  readonly article: string | null;
  readonly paragraph: number | null;
  readonly item: string | null;
  readonly supplementaryGroup: number | null;
  readonly status: CitationStatus;
  /** What is wrong, for dangling citations (`北大西洋条約 has Articles 1–14`). */
  readonly detail: string | null;
  /** The resolved provision in the treaty document. */
  readonly target: { readonly uri: string; readonly span: Span } | null;
  /** The key of the cited article in the reverse index, or null. */
  readonly articleKey: string | null;
  /** The scope rule that chose the instrument, or null when none did. */
  readonly scope: ScopeName | null;
}

/** The reverse-index key of an article: one per treaty id, article number and 附則 block. */
export function articleKey(treatyId: string, article: string, supplementaryGroup: number | null): string {
  return supplementaryGroup === null ? `${treatyId}#${article}` : `${treatyId}#附則${supplementaryGroup}#${article}`;
}

const articleKeys = new WeakMap<Article, string>();

/** An article's key, one string per article: thousands of citations of it share it (and its hash, in the reverse index). */
function articleKeyOf(treatyId: string, article: Article): string {
  let key = articleKeys.get(article);
  // An article object belongs to one treaty; the check costs nothing beside a new string.
  if (key === undefined || !key.startsWith(`${treatyId}#`)) articleKeys.set(article, (key = articleKey(treatyId, article.number, article.supplementaryGroup)));
  return key;
}

const STRUCTURAL_KINDS = new Set(['chapter', 'chapter-list', 'section', 'appendix-table', 'appendix-form', 'annex', 'same-annex']);

/** A citation of a division or an annex (第7章, 前章, 附属書I), not of an article. */
export function isStructural(citation: CitationSyntax): boolean {
  return STRUCTURAL_KINDS.has(citation.kind);
}

/**
 * One target per provision: the citations that resolve to an article (thousands of them, at times) share it, instead of
 * each keeping an object of its own for as long as its resolution stands.
 */
const targets = new WeakMap<Span, { readonly uri: string; readonly span: Span }>();

function targetAt(uri: string, span: Span): { readonly uri: string; readonly span: Span } {
  const known = targets.get(span);
  if (known && known.uri === uri) return known;
  const target = { uri, span };
  targets.set(span, target);
  return target;
}

/**
 * A check's result: one object literal of one shape per citation (cheaper than spreading a base object), made by a
 * function of its own rather than a closure per citation.
 */
function outcomeOf(
  citation: CitationSyntax,
  binding: Binding,
  status: CitationStatus,
  detail: string | null = null,
  target: ResolvedCitation['target'] = null,
  key: string | null = null,
): ResolvedCitation {
  return {
    syntax: citation,
    treatyId: binding.instrument?.id ?? null,
    treatyName: binding.instrument?.name ?? null,
    article: binding.article,
    paragraph: binding.paragraph,
    item: binding.item,
    supplementaryGroup: binding.supplementaryGroup,
    status,
    detail,
    target,
    articleKey: key,
    scope: binding.scope,
  };
}

/** Checks a bound citation against its instrument's treaty: resolved, or what is dangling. */
export function check(citation: CitationSyntax, binding: Binding, catalog: Catalog): ResolvedCitation {
  if (isStructural(citation) && binding.article === null) {
    if (binding.instrument?.external) return outcomeOf(citation, binding, 'external');
    // A chapter (or a section in it) of a workspace treaty is found; other structural citations stay unchecked.
    const cited = binding.division ?? citation.division;
    const entry = cited && binding.instrument?.id ? primaryEntry(catalog, binding.instrument.id) : undefined;
    const division = entry && findDivision(entry.treaty, cited!);
    return division ? outcomeOf(citation, binding, 'resolved', null, targetAt(entry!.uri, division.span)) : outcomeOf(citation, binding, 'unchecked');
  }
  if (binding.problem) return outcomeOf(citation, binding, binding.problem);
  const instrument = binding.instrument;
  if (!instrument) return outcomeOf(citation, binding, 'ambiguous-treaty');
  if (instrument.external) return outcomeOf(citation, binding, 'external');
  if (instrument.namesakes) return outcomeOf(citation, binding, 'ambiguous-treaty');
  if (instrument.id === null) return outcomeOf(citation, binding, 'unknown-treaty', instrument.name);
  const entry = primaryEntry(catalog, instrument.id);
  if (!entry) return outcomeOf(citation, binding, 'unknown-treaty', instrument.name);
  const treaty = entry.treaty;
  if (citation.preamble && binding.article === null) {
    return treaty.preamble ? outcomeOf(citation, binding, 'resolved', null, targetAt(entry.uri, treaty.preamble.span)) : outcomeOf(citation, binding, 'unknown-article', 'preamble');
  }
  if (binding.article === null) {
    // 各号 / bare relative pointers with nothing to stand on inside the article.
    return citation.article?.kind === 'each' || citation.item?.kind === 'each' ? outcomeOf(citation, binding, 'resolved') : outcomeOf(citation, binding, 'no-antecedent');
  }
  const article = findArticle(treaty, binding.article, binding.supplementaryGroup);
  if (!article) return outcomeOf(citation, binding, 'unknown-article');
  const key = articleKeyOf(treaty.id, article);
  let paragraph: Paragraph | undefined;
  if (binding.paragraph !== null) {
    paragraph = findParagraph(article, binding.paragraph);
    if (!paragraph) return outcomeOf(citation, binding, 'unknown-paragraph', `${article.label}: ${article.paragraphs.length}`, targetAt(entry.uri, article.span), key);
  }
  let item: Item | undefined;
  if (binding.item !== null && binding.item !== 'each') {
    const inParagraphs = paragraph ? [paragraph] : article.paragraphs;
    for (const candidate of inParagraphs) {
      item = findItem(candidate, binding.item);
      if (item) break;
    }
    if (!item) return outcomeOf(citation, binding, 'unknown-item', article.label, targetAt(entry.uri, (paragraph ?? article).span), key);
    if (citation.subitem) item = findItem(item, citation.subitem) ?? item;
  }
  return outcomeOf(citation, binding, 'resolved', null, targetAt(entry.uri, (item ?? paragraph ?? article).span), key);
}
