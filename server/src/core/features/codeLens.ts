// Feature: code lens — over each article label of a treaty document, how many documents cite the article
// (`cited in 3 documents`), with the citations attached for the references view.

import type { CodeLens, Location } from '../api';
import { articleKey } from '../resolve';
import type { WorkspaceIndex } from '../workspaceIndex';
import { messagesFor } from '../messages/index';

export function findCodeLenses(index: WorkspaceIndex, uri: string): CodeLens[] {
  const facts = index.facts(uri);
  const treaty = facts?.treaty;
  if (!facts || !treaty) return [];
  const messages = messagesFor(index.config.language);
  // One pass over the workspace's citations of this treaty, rather than one search per article.
  index.resolveAll();
  const references = new Map<string, Location[]>();
  for (const citingUri of index.uris()) {
    for (const citation of index.resolved(citingUri)) {
      if (citation.treatyId !== treaty.id || citation.articleKey === null) continue;
      const locations = references.get(citation.articleKey) ?? [];
      locations.push({ uri: citingUri, span: citation.syntax.span });
      references.set(citation.articleKey, locations);
    }
  }
  const lenses: CodeLens[] = [];
  for (const article of treaty.articles) {
    // One lens per label (`第六十条から第六十二条まで　削除` is three articles); none over a bare 附則.
    if (article.number === '' || (lenses.length > 0 && lenses[lenses.length - 1]!.span.start === article.labelSpan.start)) continue;
    const key = articleKey(treaty.id, article.number, article.supplementaryGroup);
    const count = index.citingDocumentCount(key);
    lenses.push({ span: article.labelSpan, title: messages.citedInLens(count), references: references.get(key) ?? [] });
  }
  return lenses;
}
