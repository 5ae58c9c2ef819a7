// Finds what is under the cursor: a resolved citation, or an article label in a treaty document.
// Shared by definition, hover, references and rename so they agree on what the cursor is on.

import type { ResolvedCitation } from '../resolve';
import { articleKey } from '../resolve';
import type { Article, Span, Treaty } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';

/**
 * Binary search of a document's citations (in offset order): `where` says whether the one wanted lies before (< 0)
 * or after (> 0) a citation's span, or is it (0).
 */
export function findCitation(index: WorkspaceIndex, uri: string, where: (span: Span) => number): ResolvedCitation | undefined {
  const citations = index.resolved(uri);
  let low = 0;
  let high = citations.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const side = where(citations[middle]!.syntax.span);
    if (side < 0) high = middle - 1;
    else if (side > 0) low = middle + 1;
    else return citations[middle];
  }
  return undefined;
}

/** The citation whose span contains `offset` (end inclusive, as editors place the cursor after a word). */
export function citationAt(index: WorkspaceIndex, uri: string, offset: number): ResolvedCitation | undefined {
  return findCitation(index, uri, (span) => (offset < span.start ? -1 : offset > span.end ? 1 : 0));
}

/** The article whose label (`第五条`, `Article 5`) contains `offset`, in a treaty document. */
export function articleLabelAt(index: WorkspaceIndex, uri: string, offset: number): { treaty: Treaty; article: Article } | undefined {
  const treaty = index.facts(uri)?.treaty;
  if (!treaty) return undefined;
  const article = treaty.articles.find((candidate) => offset >= candidate.labelSpan.start && offset <= candidate.labelSpan.end);
  return article ? { treaty, article } : undefined;
}

/** The article under the cursor, by its label or by a citation that resolves to it, with its index key. */
export function articleAt(index: WorkspaceIndex, uri: string, offset: number): { uri: string; article: Article; key: string } | undefined {
  const label = articleLabelAt(index, uri, offset);
  if (label) return { uri, article: label.article, key: articleKey(label.treaty.id, label.article.number, label.article.supplementaryGroup) };
  const citation = citationAt(index, uri, offset);
  const target = citation?.articleKey ? index.articleOf(citation) : undefined;
  return target ? { uri: target.entry.uri, article: target.article, key: citation!.articleKey! } : undefined;
}
