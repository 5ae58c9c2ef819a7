// `--format json`: `{version, treaties, citations, diagnostics}` (docs/cli.md describes every field).
import type { CheckResult } from '../check';
import { displayUri, toRange } from '../output';
import type { Write } from './index';

export function jsonReport({ service, uris, diagnostics, configDiagnostics }: CheckResult, write: Write): void {
  const output = {
    version: 1,
    treaties: service.getTreaties().map(({ uri, treaty }) => ({
      id: treaty.id,
      title: treaty.title,
      file: displayUri(uri),
      articles: treaty.articles.map((article) => ({
        number: article.number,
        label: article.label,
        supplementary: article.supplementary,
        range: toRange(service, uri, article.span),
        paragraphs: article.paragraphs.map((paragraph) => ({
          number: paragraph.number,
          range: toRange(service, uri, paragraph.span),
          items: paragraph.items.map((item) => ({ number: item.number, range: toRange(service, uri, item.span) })),
        })),
      })),
    })),
    citations: uris.flatMap((uri) =>
      service.getCitations(uri).map((citation) => ({
        file: displayUri(uri),
        range: toRange(service, uri, citation.span),
        text: citation.text,
        treaty: citation.treatyId,
        treatyName: citation.treatyName,
        article: citation.article,
        paragraph: citation.paragraph,
        item: citation.item,
        subitem: citation.subitem,
        part: citation.part,
        kind: citation.kind,
        target: citation.target ? { file: displayUri(citation.target.uri), range: toRange(service, citation.target.uri, citation.target.span) } : null,
      })),
    ),
    diagnostics: [
      ...configDiagnostics.map((entry) => ({ ...entry, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })),
      ...diagnostics.map(({ file, uri, diagnostic }) => ({
        file,
        range: toRange(service, uri, diagnostic.span),
        severity: diagnostic.severity,
        code: diagnostic.code,
        message: diagnostic.message,
      })),
    ],
  };
  write(`${JSON.stringify(output, null, 2)}\n`);
}
