// Runs the adversarial cases in a process of their own (bundled and started by adversarial.test.ts, or by hand:
// `node --expose-gc <bundle> [name…]`), printing one JSON line per case as it finishes: a case that hangs or
// kills the process is the one after the last line printed. Times are CPU milliseconds after a full GC, through the facade.

import { DOC_URI, serviceOver, TREATY_FILES } from '../fuzz/properties';
import { CASES } from './adversarialCases';

const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function cpuMs(action: () => void): number {
  collect();
  const before = process.cpuUsage();
  action();
  const used = process.cpuUsage(before);
  return Math.round((used.user + used.system) / 1000);
}

const wanted = process.argv.slice(2);
const service = serviceOver(TREATY_FILES);
for (const [name, make] of Object.entries(CASES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const text = make();
  let error: string | null = null;
  let ms = -1;
  try {
    // What an edit costs in the editor: the document read (analyzeDocument), resolved, and the views refreshed.
    ms = cpuMs(() => {
      service.setDocument(DOC_URI, text);
      service.getDiagnostics(DOC_URI);
      service.getDocumentSymbols(DOC_URI);
      service.getSemanticTokens(DOC_URI);
      service.getFoldingRanges(DOC_URI);
    });
  } catch (caught) {
    error = caught instanceof Error ? `${caught.name}: ${caught.message}\n${caught.stack?.split('\n').slice(1, 4).join('\n')}` : String(caught);
  }
  service.deleteDocument(DOC_URI);
  process.stdout.write(`${JSON.stringify({ name, size: text.length, ms, error })}\n`);
}
