// The core alone, in process, on the same workspace and scenario as the server: indexing to every document's
// diagnostics, a keystroke in the 1 MB analysis, the treaty edit, and the four requests.
// `node --expose-gc core.js --scale N [--interactive]`; one result line on stdout.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createTreatyService, type TreatyWorkspace } from '../../server/src/core/index';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { argValue, emitResult, listFiles, percentile, readManifest } from './common';

function main(): void {
  const started = performance.now();
  const scale = Number(argValue(process.argv, '--scale') ?? '1');
  const interactive = process.argv.includes('--interactive');
  const manifest = readManifest(scale);
  const root = manifest.plainRoot;
  const uriOf = (relative: string): string => pathToFileURL(path.join(root, relative)).href;
  const workspace: TreatyWorkspace = {
    listDocuments: () => listFiles(root).filter((relative) => relative.endsWith('.md')).map(uriOf),
    readDocument: (uri) => {
      try {
        return { text: fs.readFileSync(new URL(uri), 'utf8') };
      } catch (error) {
        return { error: String(error) };
      }
    },
  };
  const service = createTreatyService({ workspace, config: { ...DEFAULT_CONFIG, language: 'ja' } });
  service.indexWorkspace();
  let problems = 0;
  for (const uri of workspace.listDocuments()) problems += service.getDiagnostics(uri).length;
  const cpu = process.cpuUsage();
  const result: Record<string, unknown> = {
    coldMs: performance.now() - started,
    coldCpuMs: (cpu.user + cpu.system) / 1000,
    problems,
    stats: service.getStats(),
  };
  global.gc?.();
  result.heapBytes = process.memoryUsage().heapUsed;
  result.rssBytes = process.memoryUsage().rss;
  if (!interactive) {
    emitResult(result);
    return;
  }

  /** What the server does after each change: the diagnostics of every document that may have changed. */
  const refresh = (): number => {
    const changed = service.takeChangedDocuments();
    for (const uri of changed) service.getDiagnostics(uri);
    return changed.length;
  };
  service.takeChangedDocuments();

  const bigUri = uriOf(manifest.big.path);
  let bigText = service.getText(bigUri) ?? '';
  const keystrokes: number[] = [];
  const edits = Number(argValue(process.argv, '--keystrokes') ?? String(manifest.big.editOffsets.length));
  // A time budget keeps a slow core from stretching the whole benchmark; the count done is reported.
  const budgetMs = Number(argValue(process.argv, '--keystroke-budget') ?? '45') * 1000;
  const loopStart = performance.now();
  for (const [index, offset] of manifest.big.editOffsets.slice(0, edits).entries()) {
    if (performance.now() - loopStart > budgetMs) break;
    bigText = `${bigText.slice(0, offset + index)}あ${bigText.slice(offset + index)}`;
    const t0 = performance.now();
    service.setDocument(bigUri, bigText);
    refresh();
    keystrokes.push(performance.now() - t0);
  }
  result.keystrokeP50Ms = percentile(keystrokes, 50);
  result.keystrokeP95Ms = percentile(keystrokes, 95);
  result.keystrokes = keystrokes.length;

  const treatyUri = uriOf(manifest.hot.treatyPath);
  const treatyText = service.getText(treatyUri) ?? '';
  const hotUris = manifest.hot.documents.map(uriOf);
  const hotProblems = (): number => hotUris.reduce((sum, uri) => sum + service.getDiagnostics(uri).length, 0);
  const before = hotProblems();
  const t0 = performance.now();
  service.setDocument(treatyUri, treatyText.slice(0, manifest.hot.sectionStart) + treatyText.slice(manifest.hot.sectionEnd));
  result.treatyEditDocuments = refresh();
  result.treatyEditMs = performance.now() - t0;
  result.treatyEditNewProblems = hotProblems() - before;
  service.setDocument(treatyUri, treatyText);
  refresh();

  const requests = Number(argValue(process.argv, '--requests') ?? '1000');
  const probes = manifest.probes.slice(0, requests);
  const latency = (name: string, call: (uri: string, offset: number) => unknown): void => {
    const samples: number[] = [];
    let answered = 0;
    for (const probe of probes) {
      const uri = uriOf(probe.path);
      const t1 = performance.now();
      const answer = call(uri, probe.offset + 1);
      samples.push(performance.now() - t1);
      if (answer !== null && answer !== undefined && !(Array.isArray(answer) && answer.length === 0)) answered++;
    }
    result[`${name}P50Ms`] = percentile(samples, 50);
    result[`${name}P99Ms`] = percentile(samples, 99);
    result[`${name}Requests`] = samples.length;
    result[`${name}Answered`] = answered;
  };
  latency('hover', (uri, offset) => service.getHover(uri, offset));
  latency('definition', (uri, offset) => service.getDefinition(uri, offset));
  latency('completion', (uri, offset) => service.getCompletions(uri, offset));
  latency('references', (uri, offset) => service.getReferences(uri, offset, false));
  emitResult(result);
}

main();
