// Feature: go to definition — from a citation (同条, 前項, list members and range ends included) to the
// exact article, paragraph or item; from a treaty name in a qualified citation to the treaty document.

import type { Location } from '../api';
import type { WorkspaceIndex } from '../workspaceIndex';
import { citationAt } from './lookup';
import { definitionVersions } from './parallelTexts';

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
    // Every language version's counterpart of the provision, the reader's language first.
    const facts = index.facts(uri);
    const versions = facts ? definitionVersions(index, facts, citation) : [];
    return versions.length > 1 ? versions : [citation.target];
  }
  return [];
}
