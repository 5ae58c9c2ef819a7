// Runs the same real-editor suite in desktop VS Code through @vscode/test-electron, for machines that may
// download VS Code (CI with network, a developer's laptop). Not used here: this machine has no VS Code download.
import { runTests } from '@vscode/test-electron';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSuite, repoRoot } from './buildSuite.mjs';

execFileSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], { stdio: 'inherit' });
const extensionTestsPath = await buildSuite();
const scratch = mkdtempSync(join(tmpdir(), 'treaty-electron-'));
const workspace = join(scratch, 'ws');
cpSync(join(repoRoot, 'samples'), workspace, { recursive: true });
const results = join(scratch, 'results.json');

let exitCode = 1;
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    extensionTestsEnv: { TREATY_E2E_RESULTS: results },
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust', `--user-data-dir=${join(scratch, 'user-data')}`],
  });
  exitCode = 0;
} catch (error) {
  console.error(`[electron] ${error}`);
} finally {
  if (!existsSync(results)) {
    console.error('[electron] FAILED: the suite wrote no results');
    exitCode = 1;
  } else {
    const summary = JSON.parse(readFileSync(results, 'utf8'));
    console.log(`[electron] VS Code ${summary.vscodeVersion}: ${summary.passed} passed, ${summary.failed} failed`);
    if (summary.failed > 0) exitCode = 1;
  }
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
