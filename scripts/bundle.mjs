// One way to bundle our TypeScript for plain node, shared by the product build (scripts/build.mjs), the fuzzer, the
// soak, the adversarial run, the real-editor suite and the benchmark: the same esbuild options everywhere, so a
// dependency that bundles for one bundles for all.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

/** jsonc-parser's `main` is a UMD module whose inner requires esbuild cannot follow; its ES module build bundles. */
const ALIAS = { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' };

/**
 * Bundles `entryPoints` into `outfile` (or `outdir`) as CommonJS (or `format`) for Node 20. `dirname` replaces
 * `__dirname` in the bundle, for code that finds its files next to its source.
 */
export function bundleForNode({ entryPoints, outfile, outdir, dirname, format = 'cjs', sourcemap = 'inline', external = [], banner, logLevel = 'warning' }) {
  return build({
    entryPoints,
    outfile,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format,
    sourcemap,
    external,
    alias: ALIAS,
    banner: banner ? { js: banner } : undefined,
    define: dirname ? { __dirname: JSON.stringify(dirname) } : undefined,
    logLevel,
  });
}

/** Bundles one entry, runs it with this process's arguments from `cwd`, and exits with its status. */
export async function bundleAndRun({ entry, outfile, dirname, cwd }) {
  await bundleForNode({ entryPoints: [entry], outfile, dirname });
  const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd });
  process.exit(run.status ?? 1);
}
