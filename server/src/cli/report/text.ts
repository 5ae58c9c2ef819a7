// `--format text`: one line per problem (`file:line:column: severity: message [code]`) and a summary line.
import type { CheckResult } from '../check';
import { toRange } from '../output';
import type { Write } from './index';

export function textReport(result: CheckResult, write: Write): void {
  const { service, diagnostics, configDiagnostics } = result;
  for (const { file, range, message } of configDiagnostics) write(`${file}:${range.start.line + 1}:${range.start.character + 1}: error: ${message} [invalid-config]\n`);
  for (const { file, uri, diagnostic } of diagnostics) {
    const { start } = toRange(service, uri, diagnostic.span);
    write(`${file}:${start.line + 1}:${start.character + 1}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.code}]\n`);
  }
  write(summaryLine(result));
}

/** `7 files (3 treaties, 4 analyses), 41 citations: 5 errors, 1 warnings, 1 notes`, with its line break. */
export function summaryLine({ service, uris, diagnostics, errors }: CheckResult): string {
  const count = (severity: string) => diagnostics.filter((entry) => entry.diagnostic.severity === severity).length;
  const stats = service.getStats();
  return (
    `${uris.length} files (${stats.treaties} treaties, ${stats.analyses} analyses), ${stats.citations} citations: ` +
    `${errors} errors, ${count('warning')} warnings, ${count('information') + count('hint')} notes\n`
  );
}
