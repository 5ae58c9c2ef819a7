// `npm run fuzz -- --minutes N [--seed S] [--property document,server] [--slow-ms 5000] [--no-save]`:
// bundles the fuzzer (test/fuzz/fuzzer.ts) with esbuild into .cache/ (git-ignored) and runs it on plain node.
// Exit status 1 when an input failed; it is then saved under test/fuzz/regressions/ (see docs/reliability.md).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAndRun } from './bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The fuzzer finds the samples and its regressions folder relative to its own source folder.
await bundleAndRun({ entry: resolve(root, 'test/fuzz/fuzzer.ts'), outfile: resolve(root, '.cache/fuzz/fuzzer.cjs'), dirname: resolve(root, 'test/fuzz'), cwd: root });
