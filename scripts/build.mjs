// Bundles the client, the language server, its indexing worker and the command-line checker into dist/ with esbuild.
import { chmodSync, existsSync } from 'node:fs';
import { bundleForNode } from './bundle.mjs';

const entries = [
  { in: 'server/src/node/main.ts', out: 'server', banner: '#!/usr/bin/env node' },
  { in: 'server/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  // Loaded by the server and the checker from beside them (new Worker(dist/indexWorker.js)).
  { in: 'server/src/node/indexWorker.ts', out: 'indexWorker' },
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
];

await Promise.all(
  entries
    .filter((entry) => existsSync(entry.in))
    .map((entry) => bundleForNode({ entryPoints: [entry.in], outfile: `dist/${entry.out}.js`, sourcemap: true, external: entry.external, banner: entry.banner })),
);

// The command-line entries are `bin`s: npx runs them directly, so they must be executable.
for (const entry of entries) if (entry.banner && existsSync(`dist/${entry.out}.js`)) chmodSync(`dist/${entry.out}.js`, 0o755);
