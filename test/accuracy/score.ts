// Counting for the accuracy report: precision and recall of one judgement, and the table rows.

/** Counts of one judgement: what the tool found right, what it found wrong, what it missed. */
export class Score {
  truePositives = 0;
  falsePositives = 0;
  falseNegatives = 0;

  get precision(): number {
    const found = this.truePositives + this.falsePositives;
    return found === 0 ? 1 : this.truePositives / found;
  }

  get recall(): number {
    const expected = this.truePositives + this.falseNegatives;
    return expected === 0 ? 1 : this.truePositives / expected;
  }
}

export interface Row {
  readonly set: string;
  readonly judgement: string;
  readonly score: Score;
  /** What the judgement counts, in a few words. */
  readonly note: string;
}

const percent = (value: number): string => `${(100 * value).toFixed(1)}%`;

export function renderTable(rows: readonly Row[]): string {
  const lines = ['| set | judgement | precision | recall | right | wrong | missed | what is counted |', '|---|---|---:|---:|---:|---:|---:|---|'];
  for (const { set, judgement, score, note } of rows) {
    lines.push(
      `| ${set} | ${judgement} | ${percent(score.precision)} | ${percent(score.recall)} | ${score.truePositives} | ${score.falsePositives} | ${score.falseNegatives} | ${note} |`,
    );
  }
  return lines.join('\n');
}

/** Written the way the labels write articles: `36_2` for 第三十六条の二. */
export function normalizeArticle(article: string | number | null | undefined, branch?: number | null): string | null {
  if (article === null || article === undefined) return null;
  return branch ? `${article}_${branch}` : String(article);
}

/** Names compared as a reader would: no spaces, no line breaks, no middle-dot variants. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/[\s・･]/g, '');
}
