// Bundles the real-editor suite (test/e2e/suite/*.ts) into out/test/e2e/suite/ as CommonJS for the
// node extension host; `vscode` and `mocha` stay external (the host and the repo's node_modules provide them).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../../scripts/bundle.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const suiteOut = join(repoRoot, 'out/test/e2e/suite');

export async function buildSuite() {
  const suiteDir = join(repoRoot, 'test/e2e/suite');
  const entryPoints = readdirSync(suiteDir)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => join(suiteDir, name));
  await bundleForNode({ entryPoints, outdir: suiteOut, external: ['vscode', 'mocha'] });
  return join(suiteOut, 'index');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await buildSuite());
}
