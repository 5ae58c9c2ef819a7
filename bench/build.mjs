// Builds what the benchmark measures (the product's dist/, via scripts/build.mjs) and bundles the benchmark's
// own TypeScript into bench/out/ (git-ignored) with esbuild, so it runs on plain node without a loader.
// A product or core that does not build yet is reported, not fatal: its rows then read n/a.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { bundleForNode } from '../scripts/bundle.mjs';

const status = { productBuild: 'ok', core: 'ok' };
const product = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
if (product.status !== 0) {
  status.productBuild = (product.stderr || product.stdout).trim().split('\n').slice(0, 3).join(' ');
  console.warn(`bench: npm run build failed, measuring whatever dist/ holds: ${status.productBuild}`);
}

const bundle = (name) => bundleForNode({ entryPoints: [`bench/src/${name}.ts`], outfile: `bench/out/${name}.js`, sourcemap: true, logLevel: 'silent' });

await Promise.all(['run', 'generate', 'floor', 'peerMarkdown', 'memprobe'].map(bundle));
try {
  await bundle('core');
} catch (error) {
  rmSync('bench/out/core.js', { force: true });
  status.core = error.errors?.[0]?.text ?? error.message;
  console.warn(`bench: the core does not bundle, its rows will be n/a (${status.core})`);
}
mkdirSync('bench/out', { recursive: true });
writeFileSync('bench/out/build-status.json', JSON.stringify(status));
