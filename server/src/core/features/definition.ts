// Feature: go to definition — from a citation (同条, 前項, list members and range ends included) to the
// exact article, paragraph or item; from a treaty name in a qualified citation to the treaty document.

import type { Location } from '../api';
import type { WorkspaceIndex } from '../workspaceIndex';
import { citationAt } from './lookup';

export function findDefinition(index: WorkspaceIndex, uri: string, offset: number): Location[] {
  const citation = citationAt(index, uri, offset);
  if (!citation) return [];
  const qualifier = citation.syntax.qualifier;
  const onName = qualifier?.kind === 'name' && offset >= qualifier.span.start && offset < qualifier.span.end;
  if (onName && citation.treatyId) {
    // Every language version of the treaty, so the editor offers each.
    return (index.catalog.byId.get(citation.treatyId) ?? []).map((entry) => ({ uri: entry.uri, span: { start: 0, end: 0 } }));
  }
  if (citation.target) {
    const versions = index.catalog.byId.get(citation.treatyId ?? '') ?? [];
    const others = versions.slice(1).flatMap((entry) => {
      const article = citation.article ? entry.treaty.articles.find((candidate) => candidate.number === citation.article && candidate.supplementaryGroup === citation.supplementaryGroup) : undefined;
      return article ? [{ uri: entry.uri, span: article.span }] : [];
    });
    return [citation.target, ...others];
  }
  return [];
}
