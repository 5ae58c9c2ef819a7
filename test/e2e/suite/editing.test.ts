/// <reference types="mocha" />
// Editing features in a real VS Code over samples/: completion of article citations, quick fixes for a
// dangling citation, and renaming an article across the treaty and every analysis that cites it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openSample, positionOf, rangeOf, relative, retryUntil, sampleUri } from './helpers';

/** Applies a workspace edit's changes to one document's text in memory (the workspace stays untouched). */
function applied(document: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
  const text = document.getText();
  const sorted = [...edits].sort((left, right) => document.offsetAt(right.range.start) - document.offsetAt(left.range.start));
  return sorted.reduce(
    (result, edit) => result.slice(0, document.offsetAt(edit.range.start)) + edit.newText + result.slice(document.offsetAt(edit.range.end)),
    text,
  );
}

suite('Completion', () => {
  const scratch = 'analyses/scratch-completion.md';
  suiteSetup(() => activateExtension());
  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(sampleUri(scratch)).then(undefined, () => undefined);
  });

  test('typing 第 in an analysis that cites the agreement offers its articles with their captions', async () => {
    await vscode.workspace.fs.writeFile(sampleUri(scratch), new TextEncoder().encode('---\ncites: kaiyo-kyotei\n---\n\n海難救助は第'));
    const document = await openSample(scratch);
    const position = document.positionAt(document.getText().length);
    const list = await retryUntil(
      'completion after 第',
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position),
      (result) => (result?.items ?? []).some((item) => labelOf(item).includes('条')),
    );
    const articles = list.items.filter((item) => labelOf(item).includes('条'));
    const sixth = articles.find((item) => /第6条|^6/.test(labelOf(item)));
    assert.ok(sixth, articles.map(labelOf).join(', '));
    assert.ok(`${labelOf(sixth)} ${sixth.detail ?? ''} ${docOf(sixth)}`.includes('海難救助'), JSON.stringify(sixth));
    // Accepting it replaces the typed 第 with 第6条 (the range comes once for the whole list).
    const range = sixth.range instanceof vscode.Range ? sixth.range : sixth.range?.replacing;
    assert.deepStrictEqual([range?.start.character, range?.end.character], [position.character - 1, position.character]);
    assert.strictEqual(typeof sixth.insertText === 'string' ? sixth.insertText : sixth.insertText?.value, '第6条');
    for (let article = 1; article <= 10; article++) {
      assert.ok(articles.some((item) => new RegExp(`(^|第)${article}条`).test(labelOf(item))), `article ${article} missing: ${articles.map(labelOf).join(', ')}`);
    }
  });
});

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function docOf(item: vscode.CompletionItem): string {
  return typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '');
}

suite('Code actions', () => {
  suiteSetup(() => activateExtension());

  test('the dangling 第15条 gets a quick fix that replaces it with an existing article', async () => {
    const document = await openSample('analyses/broken-citations.md');
    const range = rangeOf(document, '第15条');
    await retryUntil('the diagnostic on 第15条', () => vscode.languages.getDiagnostics(document.uri), (result) => result.some((diagnostic) => diagnostic.range.intersection(range)));
    const actions = await retryUntil(
      'code actions on 第15条',
      () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range),
      (result) => (result ?? []).some((action) => action.kind?.contains(vscode.CodeActionKind.QuickFix)),
    );
    const fixes = actions.filter((action) => action.kind?.contains(vscode.CodeActionKind.QuickFix) && action.edit);
    const results = fixes.map((action) => applied(document, action.edit!.get(document.uri)).split('\n')[document.lineAt(range.start).lineNumber]);
    assert.ok(
      results.some((line) => /第(10|1)条である。$/.test(line)),
      `quick fixes: ${fixes.map((action) => action.title).join(' | ')}\nlines: ${results.join(' | ')}`,
    );
  });
});

suite('Rename', () => {
  suiteSetup(() => activateExtension());

  test('renumbering article 6 in the treaty rewrites the heading and every citation of it, and nothing else', async () => {
    const treaty = await openSample('treaties/kaiyo-kyotei.md');
    const position = positionOf(treaty, '## 第6条', 4);
    const prepared = await retryUntil(
      'prepareRename on 第6条',
      () => vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', treaty.uri, position),
      (result) => Boolean(result?.placeholder),
    );
    assert.ok(prepared.placeholder.includes('6'), prepared.placeholder);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      treaty.uri,
      position,
      prepared.placeholder.replace('6', '16'),
    );
    const changed: Record<string, string> = {};
    for (const [uri, edits] of edit.entries()) {
      const document = await vscode.workspace.openTextDocument(uri);
      changed[relative(uri)] = applied(document, edits);
    }
    const expected = async (file: string, from: string[], to: string[]): Promise<string> => {
      let text = (await vscode.workspace.openTextDocument(sampleUri(file))).getText();
      from.forEach((needle, index) => {
        assert.ok(text.includes(needle), `${needle} in ${file}`);
        text = text.replace(needle, to[index]);
      });
      return text;
    };
    assert.deepEqual(Object.keys(changed).sort(), [
      'analyses/broken-citations.md',
      'analyses/kaiyo-kyotei-kaisetsu.md',
      'analyses/ryokyotei-hikaku.md',
      'treaties/kaiyo-kyotei.md',
    ]);
    assert.equal(changed['treaties/kaiyo-kyotei.md'], await expected('treaties/kaiyo-kyotei.md', ['## 第6条（'], ['## 第16条（']));
    assert.equal(
      changed['analyses/kaiyo-kyotei-kaisetsu.md'],
      await expected('analyses/kaiyo-kyotei-kaisetsu.md', ['第6条第1項', '第6条第2項'], ['第16条第1項', '第16条第2項']),
    );
    assert.equal(changed['analyses/ryokyotei-hikaku.md'], await expected('analyses/ryokyotei-hikaku.md', ['海洋協力協定第6条'], ['海洋協力協定第16条']));
    assert.equal(changed['analyses/broken-citations.md'], await expected('analyses/broken-citations.md', ['第6条第2項第5号'], ['第16条第2項第5号']));
  });
});
