// Feature: folding ranges — every article, division (編/章/節, Part, Chapter, 前文, annexes) and 附則 block
// of a treaty document. Analyses fold by their Markdown headings, which the editor's Markdown support provides.

import type { FoldingRange } from '../api';
import type { WorkspaceIndex } from '../workspaceIndex';

export function findFoldingRanges(index: WorkspaceIndex, uri: string): FoldingRange[] {
  const treaty = index.facts(uri)?.treaty;
  if (!treaty) return [];
  const spans = [
    ...treaty.divisions.map((division) => division.span),
    ...treaty.supplementaryBlocks.map((block) => block.span),
    ...treaty.articles.map((article) => article.span),
  ];
  // Articles sharing a label (`第六十条から第六十二条まで　削除`) share a span: fold it once.
  const seen = new Set<string>();
  const ranges: FoldingRange[] = [];
  for (const span of spans.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const key = `${span.start}:${span.end}`;
    if (span.end <= span.start || seen.has(key)) continue;
    seen.add(key);
    ranges.push({ span });
  }
  return ranges;
}
