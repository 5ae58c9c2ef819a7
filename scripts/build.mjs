// Bundles the client, the language server, its indexing worker and the command-line checker into dist/ with
// esbuild, and the remark plugin package (packages/remark-treaty-citations) into its own dist/ as an ES module.
import { chmodSync, existsSync } from 'node:fs';
import { bundleForNode } from './bundle.mjs';

const SHEBANG = '#!/usr/bin/env node';
// Bundled CommonJS dependencies (picomatch) call require() on Node's modules, which an ES module lacks.
const ESM_REQUIRE = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

const entries = [
  { in: 'server/src/node/launch.ts', outfile: 'dist/server.js', banner: SHEBANG, executable: true },
  // Run by dist/server.js from beside it, through V8's code cache when the editor gives a folder for one.
  { in: 'server/src/node/main.ts', outfile: 'dist/serverMain.js' },
  { in: 'server/src/cli/launch.ts', outfile: 'dist/cli.js', banner: SHEBANG, executable: true },
  // Run by dist/cli.js from beside it, through V8's code cache (the compiled code of an earlier run).
  { in: 'server/src/cli/main.ts', outfile: 'dist/cliMain.js' },
  // Read by dist/cli.js from beside it when `export` or `import` runs, so that a check does not parse their libraries.
  { in: 'server/src/cli/exportImport.ts', outfile: 'dist/cli-export-import.js' },
  // Loaded by the server and the checker from beside them (new Worker(dist/indexWorker.js)).
  { in: 'server/src/node/indexWorker.ts', outfile: 'dist/indexWorker.js' },
  { in: 'client/src/extension.ts', outfile: 'dist/extension.js', external: ['vscode'] },
  { in: 'packages/remark-treaty-citations/src/index.ts', outfile: 'packages/remark-treaty-citations/dist/index.js', format: 'esm', banner: ESM_REQUIRE },
];

await Promise.all(
  entries
    .filter((entry) => existsSync(entry.in))
    .map((entry) => bundleForNode({ entryPoints: [entry.in], outfile: entry.outfile, format: entry.format, sourcemap: true, external: entry.external, banner: entry.banner })),
);

// The command-line entries are `bin`s: npx runs them directly, so they must be executable.
for (const entry of entries) if (entry.executable && existsSync(entry.outfile)) chmodSync(entry.outfile, 0o755);
