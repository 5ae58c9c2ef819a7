// treaty-check export --html on the samples: a static site whose every link resolves, whose citations carry
// their article's text as a tooltip, whose treaty pages anchor each article with the documents citing it, and
// whose index draws each treaty's coverage. Opened in Chromium when it is installed (CI installs it); with
// TREATY_SCREENSHOTS=1 the screenshots go to docs/screenshots as well as test-output/export.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const out = mkdtempSync(join(tmpdir(), 'treaty-export-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function treatyCheck(...args: string[]) {
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `folder`, relative to it, with forward slashes. */
function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(folder, name)).isFile())
    .map((name) => name.split('\\').join('/'))
    .sort();
}

const page = (path: string): string => readFileSync(join(out, path), 'utf8');

describe('treaty-check export --html on the samples', () => {
  let run: ReturnType<typeof treatyCheck>;
  beforeAll(() => {
    run = treatyCheck('export', '--html', out, '--lang', 'ja', 'samples');
  });

  it('writes a page per document, an index and a style sheet, and exits 0', () => {
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(files(out)).toEqual([
      'analyses/broken-citations.html',
      'analyses/harbor-convention-notes.html',
      'analyses/kaiyo-kyotei-kaisetsu.html',
      'analyses/ryokyotei-hikaku.html',
      'index.html',
      'style.css',
      'treaties/harbor-convention.en.html',
      'treaties/harbor-convention.ja.html',
      'treaties/kaiyo-kyotei.html',
    ]);
  });

  it('links a citation to its article, titled with the article’s text, and marks a dangling one', () => {
    const analysis = page('analyses/kaiyo-kyotei-kaisetsu.html');
    expect(analysis).toContain('<a href="../treaties/kaiyo-kyotei.html#article-6" title="海洋協力協定 第6条（海難救助）\n２　各締約国は、他方の締約国の船舶又は国民が関係する海難を知ったときは');
    const broken = page('analyses/broken-citations.html');
    expect(broken).toMatch(/<span class="treaty-citation treaty-citation-dangling" title="海洋協力協定に第15条はありません（第1条–第10条）" data-problem="unknown-article">第15条<\/span>/);
  });

  it('anchors every article of a treaty and lists under it the documents citing it', () => {
    const treaty = page('treaties/kaiyo-kyotei.html');
    expect(treaty.match(/<a id="article-\d+"><\/a>/g)).toHaveLength(10);
    const article6 = treaty.slice(treaty.indexOf('<a id="article-6">'), treaty.indexOf('<a id="article-7">'));
    expect(article6).toMatch(/<blockquote class="cited-by">\s*<p><strong>引用している文書<\/strong><\/p>\s*<ul>\s*<li><a href="..\/analyses\/kaiyo-kyotei-kaisetsu.html">/);
  });

  it('draws each treaty’s coverage on the index as an SVG, a bar per article linking to it', () => {
    const index = page('index.html');
    expect(index.match(/<svg class="coverage"/g)).toHaveLength(2);
    expect(index).toContain('<a href="treaties/kaiyo-kyotei.html#article-6"><rect');
  });

  it('escapes the documents’ text and drops their raw HTML', () => {
    for (const path of files(out).filter((name) => name.endsWith('.html'))) expect(page(path)).not.toMatch(/<script|<!--/);
  });

  it('refuses to run without --html, saying how', () => {
    expect(treatyCheck('export', 'samples')).toMatchObject({ status: 2, stderr: expect.stringContaining('export needs --html <dir>') });
  });

  it.skipIf(!existsSync(CHROMIUM))('opens in Chromium with every link resolving, a tooltip holding its article’s text, and the SVG drawn', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    const shots = join(ROOT, 'test-output/export');
    mkdirSync(shots, { recursive: true });
    try {
      const tab = await browser.newPage({ viewport: { width: 1100, height: 800 } });
      const broken: string[] = [];
      for (const path of files(out).filter((name) => name.endsWith('.html'))) {
        await tab.goto(`file://${join(out, path)}`);
        // SVG links too: their href is an attribute, resolved here against the page.
        const links = await tab.$$eval('a[href]', (anchors) => anchors.map((anchor) => new URL(anchor.getAttribute('href')!, anchor.baseURI).href));
        for (const link of links) {
          const url = new URL(link);
          const target = decodeURIComponent(url.pathname);
          if (url.protocol !== 'file:' || !existsSync(target)) {
            broken.push(`${path} → ${link}`);
            continue;
          }
          if (url.hash && !readFileSync(target, 'utf8').includes(` id="${decodeURIComponent(url.hash.slice(1))}"`)) broken.push(`${path} → ${link}`);
        }
      }
      expect(broken).toEqual([]);

      await tab.goto(`file://${join(out, 'analyses/kaiyo-kyotei-kaisetsu.html')}`);
      const citation = tab.locator('a.treaty-citation', { hasText: '第6条第2項' }).first();
      expect(await citation.getAttribute('title')).toContain('各締約国は、他方の締約国の船舶又は国民が関係する海難を知ったときは');
      await citation.hover();
      await tab.screenshot({ path: join(shots, 'export-analysis.png') });
      await citation.click();
      await tab.waitForURL(/treaties\/kaiyo-kyotei\.html#article-6$/);
      await tab.screenshot({ path: join(shots, 'export-treaty.png') });

      await tab.goto(`file://${join(out, 'index.html')}`);
      const chart = tab.locator('svg.coverage').first();
      expect(await chart.locator('rect').count()).toBeGreaterThan(5);
      expect((await chart.boundingBox())!.height).toBeGreaterThan(50);
      await tab.screenshot({ path: join(shots, 'export-index.png') });
    } finally {
      await browser.close();
    }
    if (process.env.TREATY_SCREENSHOTS === '1') {
      for (const name of ['export-analysis.png', 'export-treaty.png', 'export-index.png']) copyFileSync(join(shots, name), join(ROOT, 'docs/screenshots', name));
    }
  }, 60_000);
});
