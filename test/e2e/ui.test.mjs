// A person's session in VS Code (code-server) with the packaged extension: installs the .vsix, opens an
// analysis with Ctrl+P, moves with Ctrl+G, reads a hover, follows F12, reads Problems, opens the misquote
// quick fix, the coverage view and the Markdown preview's citation links, renames an article with F2 and sees the
// analysis change, imports a law from e-Gov (played by a local server) through the quick fix and through the
// command, and creates a treaty document from a citation. Screenshots of each step go to test-output/ui/ (key ones to docs/).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import {
  createProfile,
  ensureCodeServer,
  extensionHostLog,
  freePort,
  installExtension,
  launchChromium,
  repoRoot,
  startCodeServer,
} from './codeServer.mjs';

const EXTENSION_ID = 'treaty-annotator.treaty-annotator';
const STEP_TIMEOUT_MS = 60_000;
const shots = join(repoRoot, 'test-output/ui');
const docsShots = join(repoRoot, 'docs/screenshots');
const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;

// ---- the .vsix ------------------------------------------------------------------------------------------
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const vsix = join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
if (!process.argv.includes('--no-package')) {
  execFileSync(process.execPath, [join(repoRoot, 'scripts/package.mjs')], { stdio: 'inherit' });
}
assert.ok(existsSync(vsix), `${vsix} is missing: run npm run package`);
ensureCodeServer();

rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

// ---- e-Gov, played by a local server: /laws and /law_data answered from e-Gov's XML of 行政手続法 -------------
/** An element of the XML as the API's law_data writes it: `{tag, attr, children}`. */
function lawNode(node) {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag') return null;
  return { tag: node.name, attr: { ...node.attribs }, children: node.children.map(lawNode).filter((child) => child !== null) };
}
const GYOSEI_ID = '405AC0000000088';
const gyoseiXml = readFileSync(join(repoRoot, 'test/data/corpus/egov-xml/405AC0000000088_20240401_504AC0100000052.xml'), 'utf8');
const lawData = JSON.stringify({
  law_info: { law_type: 'Act', law_id: GYOSEI_ID, law_num: '平成五年法律第八十八号', promulgation_date: '1993-11-12' },
  revision_info: { law_title: '行政手続法', abbrev: '行手法', amendment_enforcement_date: '2024-04-01' },
  law_full_text: parseDocument(gyoseiXml, { xmlMode: true }).children.map(lawNode).find((node) => node?.tag === 'Law'),
});
const lawsFound = [
  [GYOSEI_ID, '行政手続法', '平成五年法律第八十八号'],
  ['406CO0000000265', '行政手続法施行令', '平成六年政令第二百六十五号'],
].map(([id, title, number]) => ({ law_info: { law_id: id, law_num: number }, revision_info: { law_title: title } }));
const egovRequests = [];
const egov = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  egovRequests.push(decodeURIComponent(url.pathname + url.search));
  response.setHeader('content-type', 'application/json');
  if (url.pathname === '/api/2/laws') {
    const title = url.searchParams.get('law_title') ?? url.searchParams.get('law_num') ?? '';
    const laws = lawsFound.filter((law) => law.revision_info.law_title.includes(title) || law.law_info.law_num === title);
    response.end(JSON.stringify({ total_count: laws.length, count: laws.length, laws }));
  } else if (url.pathname === `/api/2/law_data/${GYOSEI_ID}`) {
    response.end(lawData);
  } else {
    response.statusCode = 404;
    response.end('{"message":"not found"}');
  }
});
const egovPort = await freePort();
await new Promise((listening) => egov.listen(egovPort, '127.0.0.1', listening));

const profile = createProfile('treaty-ui', {
  'window.title': '${activeEditorLong}',
  'workbench.editor.enablePreview': false,
  'editor.hover.delay': 300,
  'files.refactoring.autoSave': true,
  'treatyAnnotator.egov.apiUrl': `http://127.0.0.1:${egovPort}/api/2`,
});
// An analysis citing a law and a charter the workspace does not have.
writeFileSync(
  join(profile.workspace, 'analyses/gyosei-memo.md'),
  '# 行政手続の覚書\n\n行政手続法（平成五年法律第八十八号）第二条第四号は不利益処分を定義する。\n\n国連憲章第51条は自衛権を定め、国連憲章第2条第4項は武力の行使を禁ずる。\n',
);
const installOutput = installExtension(profile, vsix);
assert.match(installOutput, /was successfully installed/, installOutput);
console.log(`[ui] installed ${vsix} after ${elapsed()}`);

/** Line and column (1-based) of `needle` in a sample file, plus `offset` characters. */
function lineColumn(file, needle, offset = 0) {
  const lines = readFileSync(join(profile.workspace, file), 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes(needle));
  assert.notEqual(line, -1, `${needle} not in ${file}`);
  return { line: line + 1, column: lines[line].indexOf(needle) + offset + 1 };
}

// ---- the session -----------------------------------------------------------------------------------------
const port = await freePort();
const server = await startCodeServer(profile, { port });
const browser = await launchChromium(profile);
const page = browser.pages()[0] ?? (await browser.newPage());
page.setDefaultTimeout(STEP_TIMEOUT_MS);
const steps = [];
let failed = false;

async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    steps.push({ name, ok: true, ms: Date.now() - started });
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    steps.push({ name, ok: false, ms: Date.now() - started, error: String(error.stack ?? error) });
    console.log(`  ✗ ${name}\n      ${String(error.message ?? error).split('\n').slice(0, 12).join('\n      ')}`);
    await page.screenshot({ path: join(shots, `failed-${steps.length}.png`) }).catch(() => {});
    throw error;
  }
}

async function shot(name) {
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

/** Polls `probe` until it returns a truthy value. */
async function until(what, probe, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`${what}: timed out after ${timeoutMs} ms`);
    await page.waitForTimeout(200);
  }
}

async function runCommand(label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function quickOpen(fileName) {
  const input = page.locator('.quick-input-widget input');
  await until(`${fileName} opened with Ctrl+P`, async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    if (!(await input.isVisible().catch(() => false))) return false;
    await input.fill(fileName);
    // Enter opens the focused row: wait until it is the file asked for (recent files come first).
    const focused = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName });
    if (!(await focused.waitFor({ timeout: 5_000 }).then(() => true, () => false))) return false;
    await page.keyboard.press('Enter');
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      if ((await page.title()).includes(`/${fileName}`)) return true;
      await page.waitForTimeout(100);
    }
    return false;
  });
}

async function cursorAt() {
  return (await page.locator('[id="status.editor.selection"]').textContent())?.trim() ?? '';
}

async function goToLine(line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await until(`cursor at Ln ${line}, Col ${column}`, async () => (await cursorAt()).startsWith(`Ln ${line}, Col ${column}`));
}

/** Runs "Show or Focus Hover" until the hover widget shows `expected` (the server may still be starting). */
async function hoverShowing(expected) {
  return until(`hover showing ${expected}`, async () => {
    // A resting pointer can open a second hover: park it over the activity bar's empty space.
    await page.mouse.move(20, 600);
    await runCommand('Show or Focus Hover');
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
    const text = await hover.textContent({ timeout: 3_000 }).catch(() => null);
    if (text && text.includes(expected)) return text;
    console.log(`    (hover not there yet: ${text === null ? 'no widget' : JSON.stringify(text.slice(0, 80))})`);
    await page.keyboard.press('Escape');
    return null;
  });
}

try {
  await step('open the workspace and the Japanese analysis with Ctrl+P', async () => {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(profile.workspace)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view').waitFor();
    console.log(`    (workbench loaded after ${elapsed()})`);
    await quickOpen('kaiyo-kyotei-kaisetsu.md');
    console.log(`    (analysis open after ${elapsed()})`);
    await until('the extension activated', () => {
      const log = extensionHostLog(profile);
      const failure = log.match(/Activating extension .*treaty-annotator.* failed.*/);
      if (failure) throw new Error(failure[0]);
      return log.includes(`_doActivateExtension ${EXTENSION_ID}`);
    });
    await shot('01-opened');
  });

  const citation = lineColumn('analyses/kaiyo-kyotei-kaisetsu.md', '第6条第2項は、海難を知った', 1);
  await step(`Ctrl+G to 第6条第2項 (${citation.line}:${citation.column}) and Show or Focus Hover reads article 6`, async () => {
    await goToLine(citation.line, citation.column);
    const text = await hoverShowing('各締約国は、他方の締約国の船舶又は国民が関係する海難を知ったときは');
    assert.ok(text.includes('第6条'), text);
    assert.ok(text.includes('海難救助'), text);
    await shot('02-hover');
    await page.keyboard.press('Escape');
  });

  const paragraph = lineColumn('treaties/kaiyo-kyotei.md', '２　各締約国は、他方の締約国の船舶');
  await step('F12 jumps to paragraph 2 of article 6 in the treaty', async () => {
    await page.keyboard.press('F12');
    await until('the treaty active', async () => (await page.title()).includes('treaties/kaiyo-kyotei.md'));
    await until(`cursor on line ${paragraph.line}`, async () => (await cursorAt()).startsWith(`Ln ${paragraph.line},`));
    await shot('03-definition');
  });

  await step('Ctrl+Shift+M shows the deliberate dangling citations in Problems', async () => {
    await quickOpen('broken-citations.md');
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    const unknownArticle = lineColumn('analyses/broken-citations.md', '第15条');
    const text = await until('problems listed', async () => {
      const all = (await rows.allTextContents()).join('\n');
      return all.includes(`[Ln ${unknownArticle.line}, Col ${unknownArticle.column}]`) && all.includes('unknown-article') ? all : null;
    });
    for (const code of ['no-antecedent', 'unknown-paragraph', 'unknown-item']) assert.ok(text.includes(code), `${code} not in Problems:\n${text}`);
    await shot('04-problems');
    await page.keyboard.press('Control+Shift+M');
  });

  const misquote = lineColumn('analyses/broken-citations.md', '情報を直ちに交換する', 3);
  await step('Ctrl+. on the deliberate misquotation offers the treaty’s words', async () => {
    await quickOpen('broken-citations.md');
    await goToLine(misquote.line, misquote.column);
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Quote the treaty' }).first();
    await until('the misquote quick fix listed', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      return fix.waitFor({ timeout: 3_000 }).then(() => true, () => false);
    });
    await shot('07-misquote-fix');
    await page.keyboard.press('Escape');
  });

  await step('the Treaty Coverage view lists every article with its citing counts, uncited ones marked', async () => {
    await runCommand('Focus on Treaty Coverage View');
    // Room for the view: the folders section above it is collapsed.
    await page.locator('.pane-header', { hasText: /^\s*ws\b/i }).first().click();
    const rows = page.locator('.monaco-list-row', { hasText: 'Article 6' });
    await until('Article 6 marked uncited', async () => ((await rows.allTextContents()).join('\n').includes('uncited') ? true : null));
    await shot('08-coverage');
  });

  await step('the Markdown preview links 第6条第2項 to article 6 of the treaty, titled with its caption and text', async () => {
    await quickOpen('kaiyo-kyotei-kaisetsu.md');
    await runCommand('Markdown: Open Preview to the Side');
    // The preview is a webview: its document is a frame of the page, found by the citations in it.
    const inPreview = async (selector) => {
      for (const frame of page.frames()) if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame.locator(selector).first();
      return null;
    };
    const link = await until('a citation link in the preview', () => inPreview('a.treaty-citation:text-is("第6条第2項")'));
    const [href, title] = [await link.getAttribute('href'), await link.getAttribute('title')];
    assert.equal(href, '../treaties/kaiyo-kyotei.md#article-6');
    assert.ok(title.startsWith('海洋協力協定 第6条（海難救助）\n２　各締約国は、'), title);
    await link.hover();
    await shot('09-preview');
    await link.click();
    await until('the treaty in the preview at article 6', () => inPreview('a#article-6.treaty-anchor'));
    await runCommand('View: Close All Editors');
  });

  const heading = lineColumn('treaties/kaiyo-kyotei.md', '## 第6条', 4);
  await step('F2 on 第6条 in the treaty renumbers it, and the analysis follows', async () => {
    await quickOpen('kaiyo-kyotei.md');
    await goToLine(heading.line, heading.column);
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box input, .rename-box .rename-input').first();
    await input.waitFor({ state: 'visible' });
    const placeholder = await input.inputValue();
    assert.ok(placeholder.includes('6'), `rename placeholder ${placeholder}`);
    await input.fill(placeholder.replace('6', '16'));
    await shot('05-rename');
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    await runCommand('File: Save All');
    const analysis = join(profile.workspace, 'analyses/kaiyo-kyotei-kaisetsu.md');
    await until('the analysis rewritten on disk', () => readFileSync(analysis, 'utf8').includes('第16条第2項は、海難を知った'));
    assert.ok(readFileSync(join(profile.workspace, 'treaties/kaiyo-kyotei.md'), 'utf8').includes('## 第16条（海難救助）'));
    await quickOpen('kaiyo-kyotei-kaisetsu.md');
    const renamed = lineColumn('analyses/kaiyo-kyotei-kaisetsu.md', '第16条第2項', 1);
    await goToLine(renamed.line, renamed.column);
    await until('the editor shows 第16条第2項', async () => (await page.locator('.monaco-editor .view-lines').first().textContent())?.includes('第16条第2項'));
    await shot('06-renamed-analysis');
  });

  /** Moves the focus in the open quick fix list to the action titled `title` and applies it (a click is blocked there). */
  async function applyAction(title) {
    const focused = page.locator('.action-widget .monaco-list-row.focused', { hasText: title });
    await until(`${title} focused`, async () => {
      if (await focused.count()) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    });
    await page.keyboard.press('Enter');
  }

  const lawCitation = lineColumn('analyses/gyosei-memo.md', '第二条第四号', 1);
  await step('Ctrl+. on a law the workspace lacks offers its import from e-Gov and a treaty document; the import makes the hover read it', async () => {
    await quickOpen('gyosei-memo.md');
    await goToLine(lawCitation.line, lawCitation.column);
    const importFix = page.locator('.action-widget .monaco-list-row', { hasText: 'Import 行政手続法 from e-Gov' }).first();
    await until('the e-Gov quick fix listed', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      return importFix.waitFor({ timeout: 3_000 }).then(() => true, () => false);
    });
    await page.locator('.action-widget .monaco-list-row', { hasText: 'Create a treaty document for 行政手続法' }).first().waitFor();
    await shot('10-quick-fixes');
    await applyAction('Import 行政手続法 from e-Gov');
    const written = join(profile.workspace, 'treaties/405AC0000000088.md');
    await until('the law written next to the treaties', () => existsSync(written) && readFileSync(written, 'utf8').startsWith('---\ntreaty: 405AC0000000088\ntitle: 行政手続法\n'));
    assert.deepEqual(egovRequests, [`/api/2/law_data/${GYOSEI_ID}?law_full_text_format=json`]);
    await until('the imported law open', async () => (await page.title()).includes('405AC0000000088.md'));
    await quickOpen('gyosei-memo.md');
    await goToLine(lawCitation.line, lawCitation.column);
    await hoverShowing('行政庁が、法令に基づき、特定の者を名あて人として');
    await page.keyboard.press('Escape');
  });

  const charterCitation = lineColumn('analyses/gyosei-memo.md', '国連憲章第51条', 5);
  await step('Ctrl+. on a charter the workspace lacks creates its treaty document with a heading per cited article', async () => {
    await goToLine(charterCitation.line, charterCitation.column);
    const createFix = page.locator('.action-widget .monaco-list-row', { hasText: 'Create a treaty document for 国連憲章' }).first();
    await until('the create quick fix listed', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      return createFix.waitFor({ timeout: 3_000 }).then(() => true, () => false);
    });
    await applyAction('Create a treaty document for 国連憲章');
    const created = join(profile.workspace, 'treaties/国連憲章.md');
    await until('the treaty document created', () => existsSync(created));
    await runCommand('File: Save All');
    await until('its headings written', () => readFileSync(created, 'utf8').includes('## 第2条\n\n## 第51条'));
    assert.match(readFileSync(created, 'utf8'), /^---\ntreaty: 国連憲章\ntitle: 国連憲章\naliases:\n  - 国連憲章\n---\n/);
  });

  await step('Import Treaty or Law… from e-Gov: several matches in a quick pick, confirmation before replacing', async () => {
    egovRequests.length = 0;
    // The command writes into the workspace folder: a file of the same name is there already.
    const existing = join(profile.workspace, '405AC0000000088.md');
    writeFileSync(existing, 'my notes\n');
    await runCommand('Import Treaty or Law');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'e-Gov' }).first().waitFor();
    await page.keyboard.press('Enter');
    await until('the query asked for', async () => ((await input.getAttribute('placeholder')) ?? '').includes('329AC0000000165'));
    await input.fill('行政手続');
    await page.keyboard.press('Enter');
    const order = page.locator('.quick-input-list .monaco-list-row', { hasText: '行政手続法施行令' }).first();
    await order.waitFor();
    await shot('11-import-command');
    await input.fill('405AC0000000088');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: '405AC0000000088' }).first().waitFor();
    await page.keyboard.press('Enter');
    const replace = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Replace' }).first();
    await replace.waitFor();
    await shot('12-import-confirm');
    await replace.click();
    await until('the file replaced after the confirmation', () => readFileSync(existing, 'utf8').startsWith('---\ntreaty: 405AC0000000088\n'));
    assert.deepEqual(egovRequests, ['/api/2/laws?law_title=行政手続', `/api/2/law_data/${GYOSEI_ID}?law_full_text_format=json`]);
  });
} catch {
  failed = true;
} finally {
  egov.close();
  writeFileSync(join(shots, 'steps.json'), JSON.stringify({ steps, totalMs: Date.now() - startedAt }, null, 2));
  writeFileSync(join(shots, 'exthost.log'), extensionHostLog(profile));
  server.writeLog();
  copyFileSync(join(profile.root, 'code-server.log'), join(shots, 'code-server.log'));
  await browser.close();
  await server.stop();
  if (!failed) rmSync(profile.root, { recursive: true, force: true });
}

if (failed) {
  console.error(`[ui] FAILED after ${elapsed()}; screenshots and logs in ${shots}`);
  process.exit(1);
}
mkdirSync(docsShots, { recursive: true });
for (const [from, to] of [
  ['02-hover.png', 'hover.png'],
  ['03-definition.png', 'definition.png'],
  ['04-problems.png', 'problems.png'],
  ['05-rename.png', 'rename.png'],
  ['07-misquote-fix.png', 'misquote-fix.png'],
  ['08-coverage.png', 'coverage.png'],
  ['09-preview.png', 'preview.png'],
  ['10-quick-fixes.png', 'quick-fixes.png'],
  ['11-import-command.png', 'import-command.png'],
]) {
  copyFileSync(join(shots, from), join(docsShots, to));
}
console.log(`[ui] ${steps.length} steps passed in ${elapsed()}; screenshots: ${readdirSync(shots).filter((name) => name.endsWith('.png')).join(', ')}`);
