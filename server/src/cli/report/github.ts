// `--format github`: GitHub Actions workflow commands, one per problem, which the job's log turns into annotations on
// the files of a pull request (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), then the summary.
import type { Severity } from '../../core/api';
import type { CheckResult } from '../check';
import { toRange } from '../output';
import type { Write } from './index';
import { summaryLine } from './text';

const COMMANDS: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** A command's message: `%`, CR and LF encoded, as @actions/core does (a line break would end the command). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: also `:` and `,`, which would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type Range = ReturnType<typeof toRange>;

function annotation(severity: Severity, file: string, range: Range, code: string, message: string): string {
  const properties = [
    ['file', file],
    ['line', range.start.line + 1],
    ['col', range.start.character + 1],
    ['endLine', range.end.line + 1],
    ['endColumn', range.end.character + 1],
    ['title', `treaty-check ${code}`],
  ].map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${COMMANDS[severity]} ${properties.join(',')}::${escapeData(message)}\n`;
}

export function githubReport(result: CheckResult, write: Write): void {
  const { service, diagnostics, configDiagnostics } = result;
  for (const entry of configDiagnostics) write(annotation(entry.severity, entry.file, entry.range, entry.code, entry.message));
  for (const { file, uri, diagnostic } of diagnostics) {
    write(annotation(diagnostic.severity, file, toRange(service, uri, diagnostic.span), diagnostic.code, diagnostic.message));
  }
  write(summaryLine(result));
}
