// `--format json`: `{version, treaties, citations, diagnostics}` (README.md, "The command line", describes every field).
// Written as it goes (jsonStream.ts): memory stays that of the index, whatever the size of the output.
import type { CheckResult } from '../check';
import { displayUri, toRange } from '../output';
import type { Write } from './index';
import { streamed, writeJson } from './jsonStream';

export function jsonReport({ service, uris, diagnostics, configDiagnostics }: CheckResult, write: Write): void {
  function* treaties() {
    for (const { uri, treaty } of service.getTreaties()) {
      yield {
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
      };
    }
  }
  function* citations() {
    for (const uri of uris) {
      const file = displayUri(uri);
      for (const citation of service.getCitations(uri)) {
        yield {
          file,
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
          scope: citation.scope,
          target: citation.target ? { file: displayUri(citation.target.uri), range: toRange(service, citation.target.uri, citation.target.span) } : null,
        };
      }
    }
  }
  function* problems() {
    yield* configDiagnostics;
    for (const { file, uri, diagnostic } of diagnostics) {
      yield { file, range: toRange(service, uri, diagnostic.span), severity: diagnostic.severity, code: diagnostic.code, message: diagnostic.message };
    }
  }
  writeJson({ version: 1, treaties: streamed(treaties()), citations: streamed(citations()), diagnostics: streamed(problems()) }, write);
}
