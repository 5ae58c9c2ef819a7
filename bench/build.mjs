// Bundles the benchmark's TypeScript entry points into bench/work/ (git-ignored) with esbuild, so the
// benchmark runs on plain node without a TypeScript loader.
import { build } from 'esbuild';

const entries = ['run', 'generate', 'floor', 'peerMarkdown', 'core', 'memprobe'];

await build({
  entryPoints: Object.fromEntries(entries.map((name) => [name, `bench/src/${name}.ts`])),
  outdir: 'bench/work',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
});
