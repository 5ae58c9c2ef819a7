// `--coverage`: which articles of each treaty the documents cite.
import type { TreatyService } from '../../core/index';
import { displayUri, displayWidth } from '../output';
import type { Write } from './index';
import { streamed, writeJson } from './jsonStream';

/** `{"version":1,"coverage":[{"treaty","article","label","documents","citations"}]}`: a row per article of every treaty. */
export function coverageJson(service: TreatyService, write: Write): void {
  function* rows() {
    for (const treaty of service.getCoverage()) {
      for (const article of treaty.articles) yield { treaty: treaty.treaty, article: article.article, label: article.label, documents: article.documents, citations: article.citations };
    }
  }
  writeJson({ version: 1, coverage: streamed(rows()) }, write);
}

/** Per treaty, a table of its articles with the documents and citations citing each; uncited ones marked. */
export function coverageTable(service: TreatyService, write: Write): void {
  const blocks = service.getCoverage().map((treaty) => {
    const rows = [['article', 'label', 'documents', 'citations', '']].concat(
      treaty.articles.map((article) => [article.article, article.label, String(article.documents), String(article.citations), article.documents === 0 ? 'uncited' : '']),
    );
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column]!))));
    const lines = rows.map(
      (row) => `  ${row.map((cell, column) => (column === 2 || column === 3 ? ' '.repeat(widths[column]! - displayWidth(cell)) + cell : cell + ' '.repeat(widths[column]! - displayWidth(cell)))).join('  ')}`.trimEnd(),
    );
    const cited = treaty.articles.filter((article) => article.documents > 0).length;
    return [`${treaty.treaty}  ${treaty.title}  (${displayUri(treaty.uri)})`, ...lines, `  ${cited} of ${treaty.articles.length} articles cited`].join('\n');
  });
  write(`${blocks.join('\n\n')}\n`);
}
