import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(__dirname, '../..');

describe('the citation TextMate grammar', () => {
  it('gives every citation in the grammar test files its scope, and nothing in code, comments or look-alikes', () => {
    // Same command as `npm run test:grammar`: the grammars come from package.json, Markdown from a stand-in host.
    const result = spawnSync(
      process.execPath,
      [resolve(repoRoot, 'node_modules/vscode-tmgrammar-test/dist/unit.js'), '--compact', '-g', 'test/grammar/markdown-host.tmLanguage.json', 'test/grammar/*.test.{md,txt}'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(result.stdout + result.stderr).not.toMatch(/ERROR|failed/);
    expect(result.status).toBe(0);
  });
});
