// What the .vsix holds and says about itself: only what the extension needs at run time (`vsce ls`), and the
// marketplace's fields: a 128×128 PNG icon, categories, keywords, a gallery banner, a repository, a change log.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

it('packs only what the extension needs', () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls'], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout.trim().split('\n').sort()).toEqual([
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist/extension.js',
    'dist/indexWorker.js',
    'dist/server.js',
    'dist/serverMain.js',
    // The walkthrough's pages and the screenshots they show.
    'docs/screenshots/hover.png',
    'docs/screenshots/import-command.png',
    'docs/screenshots/quick-fixes.png',
    'docs/walkthrough/drop-in.md',
    'docs/walkthrough/from-citation.md',
    'docs/walkthrough/import.md',
    'l10n/bundle.l10n.ja.json',
    'media/icon.png',
    'media/preview.css',
    'package.json',
    'package.nls.ja.json',
    'package.nls.json',
    'syntaxes/plaintext.tmLanguage.json',
    'syntaxes/treaty-citations.tmLanguage.json',
  ]);
});

it('has what a marketplace page shows', () => {
  const icon = readFileSync(join(ROOT, manifest.icon));
  // A PNG's signature, then its IHDR chunk: width and height as big-endian 32-bit numbers.
  expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([128, 128]);
  expect(manifest.categories.length).toBeGreaterThan(0);
  expect(manifest.keywords.length).toBeGreaterThan(0);
  expect(manifest.galleryBanner).toMatchObject({ color: expect.stringMatching(/^#[0-9a-f]{6}$/i), theme: expect.stringMatching(/^(dark|light)$/) });
  expect(manifest.repository.url).toMatch(/^https:\/\//);
  expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`## ${manifest.version}`);
});
