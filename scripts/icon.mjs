// Draws the extension's icon: media/icon.svg rendered by headless Chromium to media/icon.png, 128×128 with a
// transparent background (the marketplaces take a PNG, not an SVG). Run after editing the SVG: `node scripts/icon.mjs`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'treaty-icon-'));
try {
  const page = join(scratch, 'icon.html');
  const svg = pathToFileURL(join(root, 'media/icon.svg')).href;
  writeFileSync(page, `<!doctype html><style>html,body{margin:0;background:transparent}</style><img src="${svg}" width="128" height="128">`);
  execFileSync(
    process.env.CHROMIUM ?? '/usr/bin/chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--user-data-dir=${join(scratch, 'profile')}`, '--default-background-color=00000000', '--window-size=128,128', `--screenshot=${join(root, 'media/icon.png')}`, pathToFileURL(page).href],
    { stdio: 'ignore' },
  );
  console.log('media/icon.png written');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
