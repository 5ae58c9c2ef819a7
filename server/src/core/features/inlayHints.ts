// Feature: inlay hints (off unless `inlayHints` is configured) — the cited article's caption after a resolved
// citation, `第5条（集団防衛）`, unless the writer already gave it.

import type { InlayHint } from '../api';
import type { Span } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { documentLanguage } from './diagnostics';

export function findInlayHints(index: WorkspaceIndex, uri: string, span: Span): InlayHint[] {
  const facts = index.facts(uri);
  if (!facts || !index.config.inlayHints) return [];
  const english = documentLanguage(facts) === 'en';
  const hints: InlayHint[] = [];
  for (const citation of index.resolved(uri)) {
    const offset = citation.syntax.span.end;
    if (offset < span.start || offset > span.end || citation.status !== 'resolved') continue;
    const caption = index.articleOf(citation)?.article.caption;
    if (!caption) continue;
    const label = english ? `(${caption})` : `（${caption}）`;
    const following = facts.text.slice(offset, offset + label.length + 1).trimStart();
    if (following.startsWith(`（${caption}）`) || following.startsWith(`(${caption})`)) continue;
    hints.push({ offset, label });
  }
  return hints;
}
