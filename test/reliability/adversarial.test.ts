// A hang guard, not a speed target: every adversarial input of adversarialCases.ts goes through the facade
// (setDocument, which runs analyzeDocument; diagnostics, outline, tokens, folding) in a child process (adversarialRun.ts), and each
// must finish within LIMIT_MS of CPU time, without an exception. CPU time after a full GC, in a process of its own,
// because this machine is shared: wall time and a test worker's heap would measure the neighbours. Timings are printed.

import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleForNode } from '../../scripts/bundle.mjs';
import { CASES } from './adversarialCases';

const LIMIT_MS = Number(process.env.ADVERSARIAL_LIMIT_MS ?? 2000);
/** The whole run; a case still running then is a hang. */
const RUN_TIMEOUT_MS = 240_000;
const ROOT = resolve(__dirname, '../..');

interface Timing {
  readonly name: string;
  readonly size: number;
  readonly ms: number;
  readonly error: string | null;
}

const timings = new Map<string, Timing>();
let stopped = '';

beforeAll(async () => {
  const bundle = resolve(ROOT, '.cache/reliability/adversarial.cjs');
  await bundleForNode({ entryPoints: [resolve(__dirname, 'adversarialRun.ts')], outfile: bundle, dirname: resolve(ROOT, 'test/fuzz'), sourcemap: false });
  // A third of Node's usual stack: the core must not need more, however deep or long its input.
  const child = spawn(process.execPath, ['--expose-gc', '--stack-size=300', bundle], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  clearTimeout(timer);
  for (const line of output.split('\n').filter((entry) => entry.startsWith('{'))) {
    const timing = JSON.parse(line) as Timing;
    timings.set(timing.name, timing);
  }
  if (code !== 0) stopped = `the run stopped (exit ${code}${code === null ? ', killed after the time limit: a hang' : ''}): ${errors.slice(-800)}`;
  const rows = [...timings.values()].map(({ name, size, ms }) => `${name.padEnd(50)} ${(size / 1024).toFixed(0).padStart(6)} KB ${String(ms).padStart(6)} ms`);
  console.log(`adversarial inputs (CPU time after a full GC; limit ${LIMIT_MS} ms)\n${'input'.padEnd(50)} ${'size'.padStart(9)} ${'time'.padStart(9)}\n${rows.join('\n')}`);
}, RUN_TIMEOUT_MS + 30_000);

describe('no input makes the core hang (every rule is linear)', () => {
  for (const name of Object.keys(CASES)) {
    it(`${name}: analysed within the limit, without an exception`, () => {
      const timing = timings.get(name);
      expect(timing, `no result for this case: ${stopped}`).toBeDefined();
      expect(timing!.error).toBeNull();
      expect(timing!.ms).toBeLessThan(LIMIT_MS);
    });
  }
});
