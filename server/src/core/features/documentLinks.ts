// Feature: document links — the treaty name of a qualified citation (`北大西洋条約第5条`,
// `Article 5 of the Harbor Convention`) links to the treaty document; a law the workspace lacks, cited with its law
// number, links to its e-Gov page (officialTexts.ts).

import type { DocumentLink } from '../api';
import type { WorkspaceIndex } from '../workspaceIndex';
import { egovLawLinks } from './officialTexts';

export function findDocumentLinks(index: WorkspaceIndex, uri: string): DocumentLink[] {
  const links: DocumentLink[] = [];
  let previous = -1;
  for (const citation of index.resolved(uri)) {
    const qualifier = citation.syntax.qualifier;
    if (qualifier?.kind !== 'name' || !citation.treatyId) continue;
    // Members of a list share their qualifier: link the name once.
    if (qualifier.span.start === previous) continue;
    const entry = index.treatyEntry(citation.treatyId);
    if (!entry || entry.uri === uri) continue;
    previous = qualifier.span.start;
    links.push({ span: qualifier.span, target: { uri: entry.uri, span: { start: 0, end: 0 } } });
  }
  return [...links, ...egovLawLinks(index, uri)].sort((a, b) => a.span.start - b.span.start);
}
