// `npm run soak -- --edits N`: bundles the soak test (test/soak/main.ts) with esbuild into .cache/ (git-ignored)
// and runs it on plain node against the built server (npm run soak builds dist/ first).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const outfile = resolve(root, '.cache/soak/soak.cjs');
await build({
  entryPoints: [resolve(here, 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  // The soak finds the samples and the built server relative to its own source folder.
  define: { __dirname: JSON.stringify(here) },
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
