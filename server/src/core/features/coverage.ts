// Feature: citation coverage — for each workspace treaty, each article with the number of documents and
// citations that cite it (uncited articles have zero), for the coverage view and `treaty-check --coverage`.
// A treaty's references to itself are not coverage: only documents other than its own versions count.

import type { TreatyCoverage } from '../api';
import { articleKey } from '../resolve';
import type { WorkspaceIndex } from '../workspaceIndex';

export function computeCoverage(index: WorkspaceIndex): TreatyCoverage[] {
  index.resolveAll();
  // One pass over every resolved citation of the workspace.
  const counts = new Map<string, { documents: Set<string>; citations: number }>();
  for (const uri of index.uris()) {
    const own = index.facts(uri)?.treaty?.id ?? null;
    for (const citation of index.resolved(uri)) {
      if (citation.articleKey === null || citation.treatyId === own) continue;
      let count = counts.get(citation.articleKey);
      if (!count) counts.set(citation.articleKey, (count = { documents: new Set(), citations: 0 }));
      count.documents.add(uri);
      count.citations++;
    }
  }
  return index.catalog.ids.flatMap((id) => {
    const entry = index.treatyEntry(id);
    if (!entry) return [];
    const articles = entry.treaty.articles
      .filter((article) => article.number !== '')
      .map((article) => {
        const count = counts.get(articleKey(id, article.number, article.supplementaryGroup));
        return {
          article: article.number,
          label: article.label.replace(/\s+/g, ' '),
          caption: article.caption,
          supplementary: article.supplementary,
          location: { uri: entry.uri, span: article.labelSpan },
          documents: count?.documents.size ?? 0,
          citations: count?.citations ?? 0,
        };
      });
    return [{ treaty: id, title: entry.treaty.title, uri: entry.uri, articles }];
  });
}
