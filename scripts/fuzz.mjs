// `npm run fuzz -- --minutes N [--seed S] [--property document,server] [--slow-ms 5000] [--no-save]`:
// bundles the fuzzer (test/fuzz/fuzzer.ts) with esbuild into .cache/ (git-ignored) and runs it on plain node.
// Exit status 1 when an input failed; it is then saved under test/fuzz/regressions/ (see docs/reliability.md).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = resolve(root, '.cache/fuzz/fuzzer.cjs');
await build({
  entryPoints: [resolve(root, 'test/fuzz/fuzzer.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  // The fuzzer finds the samples and its regressions folder relative to its own source folder.
  define: { __dirname: JSON.stringify(resolve(root, 'test/fuzz')) },
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
