// The remark plugin package as its README shows it: the README's script, run as written (the package's name
// pointing at the built package), renders an analysis of the samples with its citations linked to the articles.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const PACKAGE = join(ROOT, 'packages/remark-treaty-citations');

it('renders an analysis with the five-line script of its README', () => {
  const readme = readFileSync(join(PACKAGE, 'README.md'), 'utf8');
  const script = /```js\n([\s\S]*?)```/.exec(readme)![1]!;
  expect(script.trim().split('\n')).toHaveLength(5);
  // Bare imports resolve from the script's folder: it runs inside the repository, next to its node_modules.
  const file = join(ROOT, 'test-output/remark-readme.mjs');
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  writeFileSync(file, script.replace("'remark-treaty-citations'", `'${pathToFileURL(join(PACKAGE, 'dist/index.js')).href}'`));
  const run = spawnSync(process.execPath, [file, 'analyses/kaiyo-kyotei-kaisetsu.md'], { cwd: join(ROOT, 'samples'), encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.stdout).toContain('<a href="../treaties/kaiyo-kyotei.md#article-6" title="海洋協力協定 第6条（海難救助）\n２　各締約国は、');
  expect(run.stdout).toMatch(/<a href="..\/treaties\/kaiyo-kyotei.md#article-1" title="[^"]*" class="treaty-citation">第1条<\/a>/);
});
