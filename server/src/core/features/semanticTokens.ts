// Feature: semantic tokens — citations (resolved, or deliberately external), dangling citations, the treaty
// names qualifying them, and article labels in treaty documents. Sorted and non-overlapping.

import type { SemanticToken, SemanticTokenType } from '../api';
import type { Span } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';

export function findSemanticTokens(index: WorkspaceIndex, uri: string): SemanticToken[] {
  const facts = index.facts(uri);
  if (!facts) return [];
  const tokens: SemanticToken[] = [];
  const push = (span: Span, type: SemanticTokenType): void => {
    if (span.end > span.start) tokens.push({ span, type });
  };
  for (const citation of index.resolved(uri)) {
    const span = citation.syntax.span;
    const type = citation.status === 'resolved' || citation.status === 'external' ? 'citation' : 'danglingCitation';
    const qualifier = citation.syntax.qualifier;
    if (qualifier?.kind === 'name' && qualifier.span.start >= span.start && qualifier.span.end <= span.end) {
      // The name is its own token; the provision around it keeps the citation's type.
      push({ start: span.start, end: qualifier.span.start }, type);
      push(qualifier.span, 'treatyName');
      push({ start: qualifier.span.end, end: span.end }, type);
    } else {
      push(span, type);
    }
  }
  for (const article of facts.treaty?.articles ?? []) if (article.number !== '') push(article.labelSpan, 'articleLabel');
  tokens.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  // Editors reject overlapping tokens; the first (leftmost, shortest) wins.
  const result: SemanticToken[] = [];
  let end = 0;
  for (const token of tokens) {
    if (token.span.start < end) continue;
    result.push(token);
    end = token.span.end;
  }
  return result;
}
