// `npm run test:e2e`: the API suite, then the UI test, each in its own process. The UI test runs even when the API
// suite failed, so that one broken feature shows in both and the other results are not lost; exit 1 if either failed.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const results = ['runInCodeServer.mjs', 'ui.test.mjs'].map((script) => {
  const run = spawnSync(process.execPath, [join(here, script)], { stdio: 'inherit' });
  return { script, status: run.status ?? 1 };
});
const failed = results.filter((result) => result.status !== 0);
console.log(`[e2e] ${results.map((result) => `${result.script}: ${result.status === 0 ? 'passed' : `failed (exit ${result.status})`}`).join('; ')}`);
process.exit(failed.length === 0 ? 0 : 1);
