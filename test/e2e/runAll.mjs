// `npm run test:e2e`: the API suite in English and in Japanese, then the UI test, then the demo's start and Ctrl+C, each in its own process. Each
// runs even when one before failed, so that one broken feature shows in all and no result is lost; exit 1 if any failed.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// The API suite once in each display language (the second run reuses the first one's build).
const runs = [['runInCodeServer.mjs', '--language', 'en'], ['runInCodeServer.mjs', '--language', 'ja', '--no-build'], ['ui.test.mjs'], ['demo.test.mjs']];
const results = runs.map(([script, ...args]) => {
  const run = spawnSync(process.execPath, [join(here, script), ...args], { stdio: 'inherit' });
  return { script: [script, ...args.filter((arg) => arg !== '--no-build')].join(' '), status: run.status ?? 1 };
});
const failed = results.filter((result) => result.status !== 0);
console.log(`[e2e] ${results.map((result) => `${result.script}: ${result.status === 0 ? 'passed' : `failed (exit ${result.status})`}`).join('; ')}`);
process.exit(failed.length === 0 ? 0 : 1);
