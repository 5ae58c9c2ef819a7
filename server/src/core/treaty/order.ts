// Numbering checks over a parsed treaty: duplicate articles (error) and gaps or out-of-order numbers (warning),
// within the main provisions and within each 附則 block separately (each block numbers its articles anew).

import type { Article, ParseProblem } from '../types';
import { articleOrderKey } from './labels';

/**
 * `excerptBlocks[g]` is true when 附則 block g is an excerpt (`抄`) or an amending act's 附則, which a
 * consolidated text prints only in part: gaps are expected there and are not reported.
 */
export function checkArticleOrder(articles: readonly Article[], excerptBlocks: readonly boolean[]): ParseProblem[] {
  const problems: ParseProblem[] = [];
  const groups = new Map<number | null, Article[]>();
  for (const article of articles) {
    // The unnumbered body of a 附則 without articles is not a numbered provision.
    if (article.number === '') continue;
    const group = groups.get(article.supplementaryGroup);
    if (group === undefined) groups.set(article.supplementaryGroup, [article]);
    else group.push(article);
  }
  for (const [group, members] of groups) {
    const where = group === null ? 'the main provisions' : `附則 block ${group + 1}`;
    const reportGaps = group === null || !excerptBlocks[group];
    const seen = new Map<string, Article>();
    let previous: Article | null = null;
    for (const article of members) {
      const first = seen.get(article.number);
      if (first !== undefined) {
        // Articles sharing one label (`第六十条から第六十二条まで　削除`) are one provision line, not duplicates.
        if (first.labelSpan.start !== article.labelSpan.start) {
          problems.push({
            span: article.labelSpan,
            code: 'duplicate-article',
            message: `${article.label} appears more than once in ${where} (first as ${first.label}).`,
          });
        }
      } else {
        seen.set(article.number, article);
        if (previous !== null) {
          const verdict = compare(articleOrderKey(previous.number), articleOrderKey(article.number));
          if (verdict === 'backwards') {
            problems.push({
              span: article.labelSpan,
              code: 'article-order',
              message: `${article.label} comes after ${previous.label} in ${where}: the numbers are out of order.`,
            });
          } else if (verdict === 'gap' && reportGaps) {
            problems.push({
              span: article.labelSpan,
              code: 'article-order',
              message: `${article.label} follows ${previous.label} in ${where}: the articles in between are missing.`,
            });
          }
        }
      }
      previous = article;
    }
  }
  return problems.sort((a, b) => a.span.start - b.span.start);
}

/** Whether `next` directly follows `previous` (5 → 6, 5 → 5の2, 5の2 → 5の3, 5の2 → 6), skips some, or goes back. */
function compare(previous: readonly number[], next: readonly number[]): 'next' | 'gap' | 'backwards' {
  if (previous.length === 0 || next.length === 0) return 'next';
  for (let index = 0; index < Math.max(previous.length, next.length); index++) {
    const a = previous[index] ?? 0;
    const b = next[index] ?? 0;
    if (a === b) continue;
    if (b < a) return 'backwards';
    // next differs first at `index`: it must be previous truncated there, plus one (or a first branch, の二).
    const firstBranch = index === previous.length && b === 2;
    const successor = index < previous.length && b === a + 1;
    return (firstBranch || successor) && next.length === index + 1 ? 'next' : 'gap';
  }
  return 'backwards';
}
