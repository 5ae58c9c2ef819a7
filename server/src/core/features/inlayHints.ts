// Feature: inlay hints (off unless `inlayHints` is configured) — the cited article's caption after a resolved
// citation, `第5条（集団防衛）`, unless the writer already gave it. The hint is read as part of the document's
// text, so its brackets are the document's (full-width in Japanese), whatever the display language.

import type { InlayHint } from '../api';
import type { Span } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { readerLanguage } from './parallelTexts';
import { partitionPoint } from '../text/search';

export function findInlayHints(index: WorkspaceIndex, uri: string, span: Span): InlayHint[] {
  const facts = index.facts(uri);
  if (!facts || !index.config.inlayHints) return [];
  const japanese = readerLanguage(facts) === 'ja';
  const hints: InlayHint[] = [];
  const citations = index.resolved(uri);
  // Editors ask for the visible lines only: start at the first citation ending inside them.
  const first = partitionPoint(citations.length, (index) => citations[index]!.syntax.span.end < span.start);
  for (let position = first; position < citations.length; position++) {
    const citation = citations[position]!;
    const offset = citation.syntax.span.end;
    if (citation.syntax.span.start > span.end) break;
    if (offset < span.start || offset > span.end || citation.status !== 'resolved') continue;
    const caption = index.articleOf(citation)?.article.caption;
    if (!caption) continue;
    const label = japanese ? `（${caption}）` : `(${caption})`;
    const following = facts.text.slice(offset, offset + label.length + 1).trimStart();
    if (following.startsWith(`（${caption}）`) || following.startsWith(`(${caption})`)) continue;
    hints.push({ offset, label });
  }
  return hints;
}
