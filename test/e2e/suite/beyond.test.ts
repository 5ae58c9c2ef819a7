/// <reference types="mocha" />
// Beyond navigation in a real VS Code over samples/: the misquote quick fix in broken-citations.md, the
// coverage view's tree (through the extension's API and the view's own focus command), and a hover that
// shows both language versions of the Harbor Convention.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, diagnosticCode, displayLanguage, EXTENSION_ID, hoverText, openSample, positionOf, rangeOf, retryUntil } from './helpers';

const MISQUOTED = '両締約国の権限のある当局は、海洋協力の実施に必要な情報を直ちに交換する。';

/** The part of what the extension's `activate()` returns that this suite reads: the coverage view's data. */
interface CoverageApi {
  readonly coverage: vscode.TreeDataProvider<unknown> & { refresh(): void };
}

suite('Misquote quick fix', () => {
  suiteSetup(() => activateExtension());

  test('the deliberate misquotation gets a preferred quick fix that restores the treaty’s words', async () => {
    const document = await openSample('analyses/broken-citations.md');
    const range = rangeOf(document, MISQUOTED);
    const diagnostics = await retryUntil(
      'the misquote diagnostic',
      () => vscode.languages.getDiagnostics(document.uri),
      (result) => result.some((diagnostic) => diagnosticCode(diagnostic) === 'misquote'),
    );
    const misquote = diagnostics.find((diagnostic) => diagnosticCode(diagnostic) === 'misquote')!;
    assert.deepEqual([misquote.range.start.line, misquote.range.start.character, misquote.range.end.character], [range.start.line, range.start.character, range.end.character]);
    assert.ok(misquote.message.includes('適時に交換する'), misquote.message);
    const actions = await retryUntil(
      'code actions on the misquotation',
      () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range),
      (result) => (result ?? []).some((action) => action.kind?.contains(vscode.CodeActionKind.QuickFix)),
    );
    const title = displayLanguage() === 'ja' ? '条文の文言に直す' : 'Quote the treaty';
    const fix = actions.find((action) => action.kind?.contains(vscode.CodeActionKind.QuickFix) && action.title.startsWith(title));
    assert.ok(fix?.edit, actions.map((action) => action.title).join(' | '));
    assert.equal(fix.isPreferred, true);
    const [edit] = fix.edit.get(document.uri);
    assert.equal(document.getText(edit!.range), MISQUOTED);
    assert.equal(edit!.newText, '両締約国の権限のある当局は、海洋協力の実施に必要な情報を適時に交換する。');
  });
});

suite('Coverage view', () => {
  suiteSetup(() => activateExtension());

  test('the view is contributed to the explorer and opens', async () => {
    const views = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.views.explorer as { id: string }[];
    assert.deepEqual(
      views.map((view) => view.id),
      ['treatyAnnotator.coverage'],
    );
    await vscode.commands.executeCommand('treatyAnnotator.coverage.focus');
  });

  test('its tree lists each treaty with its articles, citing counts and the uncited articles marked', async () => {
    const api = (await vscode.extensions.getExtension<CoverageApi>(EXTENSION_ID)!.activate()).coverage;
    const describe = async (): Promise<string[]> => {
      const lines: string[] = [];
      for (const treaty of (await api.getChildren()) ?? []) {
        const item = await api.getTreeItem(treaty);
        lines.push(`${String(item.label)} — ${String(item.description)}`);
        for (const article of (await api.getChildren(treaty)) ?? []) {
          const child = await api.getTreeItem(article);
          lines.push(`  ${String(child.label)} — ${String(child.description)}`);
        }
      }
      return lines;
    };
    const lines = await retryUntil('the coverage tree', describe, (result) => result.length > 0);
    // The display language decides the words; the counts are the samples'.
    const english = displayLanguage() === 'en';
    const counts = (documents: number, citations: number): string =>
      english
        ? `${documents} document${documents === 1 ? '' : 's'} · ${citations} citation${citations === 1 ? '' : 's'}`
        : `文書 ${documents} · 引用 ${citations}`;
    const uncited = english ? 'uncited' : '引用なし';
    assert.deepEqual(lines, [
      `Convention on Harbor Safety and Mutual Assistance — ${english ? '6 of 8 articles cited' : '8 条中 6 条が引用済み'}`,
      `  Article 1 — ${counts(1, 1)}`,
      `  Article 2 — ${counts(1, 1)}`,
      `  Article 3 — ${counts(1, 1)}`,
      `  Article 4 — ${counts(2, 5)}`,
      `  Article 5 — ${counts(2, 3)}`,
      `  Article 6 — ${uncited}`,
      `  Article 7 — ${counts(1, 1)}`,
      `  Article 8 — ${uncited}`,
      `日本国とミナミ共和国との間の海洋協力に関する協定 — ${english ? '10 of 10 articles cited' : '10 条中 10 条が引用済み'}`,
      `  第1条 目的 — ${counts(1, 1)}`,
      `  第2条 定義 — ${counts(1, 1)}`,
      `  第3条 協力の分野 — ${counts(3, 5)}`,
      `  第4条 情報の交換 — ${counts(3, 3)}`,
      `  第5条 海洋汚染への対応 — ${counts(2, 4)}`,
      `  第6条 海難救助 — ${counts(3, 4)}`,
      `  第7条 海洋科学調査 — ${counts(1, 2)}`,
      `  第8条 共同委員会 — ${counts(1, 2)}`,
      `  第9条 紛争の解決 — ${counts(2, 3)}`,
      `  第10条 効力発生及び終了 — ${counts(1, 1)}`,
    ]);
  });

  test('clicking an article opens it at its label', async () => {
    const api = (await vscode.extensions.getExtension<CoverageApi>(EXTENSION_ID)!.activate()).coverage;
    const [, kaiyo] = (await api.getChildren()) ?? [];
    const sixth = ((await api.getChildren(kaiyo)) ?? [])[5];
    const command = (await api.getTreeItem(sixth)).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await retryUntil('the treaty opened', () => vscode.window.activeTextEditor, (active) => active?.document.uri.path.endsWith('treaties/kaiyo-kyotei.md') === true);
    assert.equal(editor!.document.lineAt(editor!.selection.start.line).text, '## 第6条（海難救助）');
  });
});

suite('Parallel texts', () => {
  suiteSetup(() => activateExtension());

  test('hovering 港湾条約第4条 in the Japanese comparison shows the Japanese version first, then the English one', async () => {
    const document = await openSample('analyses/ryokyotei-hikaku.md');
    const hovers = await retryUntil(
      'hover on 港湾条約第4条',
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '港湾条約第4条', 5)),
      (result) => hoverText(result ?? []).includes('Harbor Convention'),
    );
    const text = hoverText(hovers);
    assert.ok(text.indexOf('**港湾の安全及び相互援助に関する条約** 第4条') === 0, text);
    assert.ok(text.includes('**Harbor Convention** Article 4'), text);
  });
});
