// One display language in every view: the runner runs this suite once with `treatyAnnotator.language` set to `en`
// and once to `ja`; each time the hover, the code lenses, the diagnostics, the quick fixes, the outline and the
// coverage view say everything in that language, and none of them uses a word of the other one. The documents'
// own words (treaty names, captions, the cited text) are in whatever language they are written in.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, displayLanguage, EXTENSION_ID, hoverText, openSample, positionOf, rangeOf, retryUntil } from './helpers';

/** Words of the catalogues' templates, never of the samples, in each language. */
const TEMPLATE_WORDS = {
  en: /\b(?:has no|is not in the workspace|has nothing before it|belongs to is unclear|does not match|Change to|Qualify as|Create treaty file|Quote the treaty|[Cc]ited in \d|Summary|paragraph \d|articles cited|documents?\b|citations?\b|uncited)/,
  ja: /(?:はありません|ワークスペースにありません|が指す先がありません|決められません|一致しません|に直す|と条約名を付ける|を作る|件の文書が引用|要旨|条が引用済み|文書 \d|引用 \d|引用なし)/,
};

suite('one display language', () => {
  const language = displayLanguage();
  const other = language === 'ja' ? 'en' : 'ja';
  const views: { view: string; text: string }[] = [];
  const speaks = (view: string, text: string): void => {
    views.push({ view, text });
    assert.match(text, TEMPLATE_WORDS[language], `${view} is not in ${language}: ${text}`);
  };

  suiteSetup(async () => {
    await activateExtension();
  });

  test(`the hover, with its summary and citing count, is in ${language}`, async () => {
    const document = await openSample('analyses/kaiyo-kyotei-kaisetsu.md');
    const at = positionOf(document, '第6条第2項は、海難を知った', 1);
    const hovers = await retryUntil(
      'the hover on 第6条第2項',
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at),
      (result) => hoverText(result ?? []).includes('海難'),
    );
    const text = hoverText(hovers);
    speaks('the hover', text.split('\n').filter((line) => /要旨|Summary|引用|[Cc]ited/.test(line)).join('\n'));
  });

  test(`the code lenses of a treaty are in ${language}`, async () => {
    const document = await openSample('treaties/kaiyo-kyotei.md');
    const lenses = await retryUntil(
      'the code lenses',
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri),
      (result) => (result ?? []).some((lens) => lens.command?.title),
    );
    for (const lens of lenses.filter((candidate) => candidate.command)) speaks('a code lens', lens.command!.title);
  });

  test(`the diagnostics and their quick fixes are in ${language}`, async () => {
    const document = await openSample('analyses/broken-citations.md');
    const diagnostics = await retryUntil('the diagnostics of broken-citations.md', () => vscode.languages.getDiagnostics(document.uri), (result) => result.length >= 5);
    for (const diagnostic of diagnostics) speaks(`the diagnostic ${String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code)}`, diagnostic.message);
    const actions = await retryUntil(
      'quick fixes on 第15条',
      () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, rangeOf(document, '第15条')),
      (result) => (result ?? []).some((action) => action.kind?.contains(vscode.CodeActionKind.QuickFix)),
    );
    for (const action of actions.filter((candidate) => candidate.kind?.contains(vscode.CodeActionKind.QuickFix))) speaks('a quick fix', action.title);
  });

  test(`the outline names paragraphs in ${language}`, async () => {
    const document = await openSample('treaties/kaiyo-kyotei.md');
    const symbols = await retryUntil(
      'the outline',
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri),
      (result) => (result ?? []).length > 0,
    );
    const paragraphs = symbols.flatMap(function flatten(symbol): vscode.DocumentSymbol[] {
      return [symbol, ...symbol.children.flatMap(flatten)];
    }).filter((symbol) => /^第\d+項$|^paragraph \d+$/.test(symbol.name));
    assert.ok(paragraphs.length > 0, 'no paragraph in the outline');
    for (const paragraph of paragraphs) {
      assert.match(paragraph.name, language === 'ja' ? /^第\d+項$/ : /^paragraph \d+$/);
      views.push({ view: 'the outline', text: paragraph.name });
    }
  });

  test(`the coverage view is in ${language}`, async () => {
    const api = await vscode.extensions.getExtension<{ coverage: vscode.TreeDataProvider<unknown> }>(EXTENSION_ID)!.activate();
    const treaties = await retryUntil('the coverage tree', async () => (await api.coverage.getChildren()) ?? [], (result) => result.length > 0);
    for (const treaty of treaties) {
      const item = await api.coverage.getTreeItem(treaty);
      speaks('the coverage view', String(item.description));
      for (const article of ((await api.coverage.getChildren(treaty)) ?? []).slice(0, 3)) speaks('the coverage view', String((await api.coverage.getTreeItem(article)).description));
    }
  });

  test(`no view says anything in ${other}`, () => {
    assert.ok(views.length > 10, `only ${views.length} views were read`);
    const mixed = views.filter(({ text }) => TEMPLATE_WORDS[other].test(text));
    assert.deepEqual(mixed, []);
  });
});
