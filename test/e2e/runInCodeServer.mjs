// Runs the real-editor suite (out/test/e2e/suite) inside VS Code 1.100 served by code-server and driven by
// Chromium: the extension is loaded as a development extension from this repository, the workspace is a
// copy of samples/, and the suite's results come back through a JSON file (missing file = failure).
// `--language ja|en` sets treatyAnnotator.language for the run (default en); npm run test:e2e runs both.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSuite } from './buildSuite.mjs';
import {
  createProfile,
  ensureCodeServer,
  extensionHostLog,
  freePort,
  launchChromium,
  repoRoot,
  startCodeServer,
} from './codeServer.mjs';

const TIMEOUT_MS = Number(process.env.TREATY_E2E_TIMEOUT_MS ?? 300_000);
const outputDir = join(repoRoot, 'test-output/e2e');
const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;

function fail(message) {
  console.error(`\n[e2e] FAILED: ${message}`);
  process.exitCode = 1;
}

mkdirSync(outputDir, { recursive: true });
const resultsCopy = join(outputDir, 'results.json');
rmSync(resultsCopy, { force: true });

if (!process.argv.includes('--no-build')) {
  execFileSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], { stdio: 'inherit' });
}
if (!existsSync(join(repoRoot, 'dist/extension.js')) || !existsSync(join(repoRoot, 'dist/server.js'))) {
  fail('dist/extension.js or dist/server.js is missing: the build did not produce the extension');
  process.exit(1);
}
const suitePath = await buildSuite();
ensureCodeServer();

const languageArgument = process.argv.indexOf('--language');
const language = languageArgument >= 0 ? process.argv[languageArgument + 1] : 'en';
const profile = createProfile('treaty-e2e', { 'treatyAnnotator.language': language });
const resultsFile = join(profile.root, 'results.json');
const port = await freePort();
console.log(`[e2e] workspace ${profile.workspace}, code-server on 127.0.0.1:${port}, treatyAnnotator.language ${language}`);
const server = await startCodeServer(profile, { port, env: { TREATY_E2E_RESULTS: resultsFile } });
console.log(`[e2e] code-server up after ${elapsed()}`);

const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
// TREATY_E2E_EXTENSION_PATH runs the suite against another copy of the extension (e.g. an unpacked .vsix).
const extensionPath = process.env.TREATY_E2E_EXTENSION_PATH ?? repoRoot;
const payload = [
  ['extensionDevelopmentPath', remote(extensionPath)],
  ['extensionTestsPath', remote(suitePath)],
  ['skipWelcome', 'true'],
];
const url = `${server.url}/?folder=${encodeURIComponent(profile.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

const browser = await launchChromium(profile);
const consoleLines = [];
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
  await page.goto(url);

  const deadline = Date.now() + TIMEOUT_MS;
  let activationFailure = null;
  while (!existsSync(resultsFile) && Date.now() < deadline && server.child.exitCode === null) {
    const hostLog = extensionHostLog(profile);
    const failed = hostLog.match(/Activating extension .*treaty-annotator.* failed.*/);
    if (failed) {
      activationFailure = failed[0];
      // The suite still reports (its activation test fails); give it a moment to write the file.
    }
    await page.waitForTimeout(500);
  }
  if (activationFailure) console.error(`[e2e] extension host: ${activationFailure}`);
  if (!existsSync(resultsFile)) {
    fail(`the suite wrote no results within ${TIMEOUT_MS / 1000} s (code-server ${server.child.exitCode === null ? 'running' : 'exited'})`);
  } else {
    copyFileSync(resultsFile, resultsCopy);
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    for (const test of results.tests) {
      console.log(`  ${test.state === 'passed' ? '✓' : '✗'} ${test.title} (${test.durationMs} ms)`);
      if (test.error) console.log(`      ${test.error.split('\n').slice(0, 8).join('\n      ')}`);
    }
    console.log(`[e2e] VS Code ${results.vscodeVersion}: ${results.passed} passed, ${results.failed} failed; suite ${results.durationMs} ms, total ${elapsed()}`);
    if (results.failed > 0 || results.passed === 0) fail(`${results.failed} failed, ${results.passed} passed`);
  }
} finally {
  writeFileSync(join(outputDir, 'browser-console.log'), consoleLines.join('\n'));
  writeFileSync(join(outputDir, 'exthost.log'), extensionHostLog(profile));
  server.writeLog();
  copyFileSync(join(profile.root, 'code-server.log'), join(outputDir, 'code-server.log'));
  await browser.close();
  await server.stop();
  if (process.exitCode !== 1) rmSync(profile.root, { recursive: true, force: true });
  else console.error(`[e2e] logs in ${outputDir}; profile kept in ${profile.root}`);
}
