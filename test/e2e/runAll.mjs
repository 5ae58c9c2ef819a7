// `npm run test:e2e`: the API suite, then the UI test, then the demo's start and Ctrl+C, each in its own process. Each
// runs even when one before failed, so that one broken feature shows in all and no result is lost; exit 1 if any failed.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const results = ['runInCodeServer.mjs', 'ui.test.mjs', 'demo.test.mjs'].map((script) => {
  const run = spawnSync(process.execPath, [join(here, script)], { stdio: 'inherit' });
  return { script, status: run.status ?? 1 };
});
const failed = results.filter((result) => result.status !== 0);
console.log(`[e2e] ${results.map((result) => `${result.script}: ${result.status === 0 ? 'passed' : `failed (exit ${result.status})`}`).join('; ')}`);
process.exit(failed.length === 0 ? 0 : 1);
