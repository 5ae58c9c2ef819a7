// `npm run soak -- --edits N`: bundles the soak test (test/soak/main.ts) with esbuild into .cache/ (git-ignored)
// and runs it on plain node against the built server (npm run soak builds dist/ first).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAndRun } from '../../scripts/bundle.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
// The soak finds the samples and the built server relative to its own source folder.
await bundleAndRun({ entry: resolve(here, 'main.ts'), outfile: resolve(root, '.cache/soak/soak.cjs'), dirname: here, cwd: root });
