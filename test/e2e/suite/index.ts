// Mocha entry point the extension host calls (`extensionTestsPath`): runs every bundled *.test.js next to
// this file and writes the results as JSON, which the runners read (they fail when the file is missing).
import Mocha from 'mocha';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface TestResult {
  readonly title: string;
  readonly state: 'passed' | 'failed';
  readonly durationMs: number;
  readonly error?: string;
}

/** Where the results go: the runner may say so; otherwise test-output/e2e/ of the repository. */
function resultsPath(): string {
  return process.env.TREATY_E2E_RESULTS ?? path.resolve(__dirname, '../../../../test-output/e2e/results.json');
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const results: TestResult[] = [];
  const startedAt = Date.now();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const output = resultsPath();
      mkdirSync(path.dirname(output), { recursive: true });
      const summary = {
        vscodeVersion: vscode.version,
        passed: results.filter((result) => result.state === 'passed').length,
        failed: failures,
        durationMs: Date.now() - startedAt,
        tests: results,
      };
      writeFileSync(output, JSON.stringify(summary, null, 2));
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
    runner.on('fail', (test, error: Error) =>
      results.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: error.stack ?? String(error) }),
    );
  });
}
