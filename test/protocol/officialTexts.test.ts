// Official texts through the built server over stdio: a treaty text dropped in without front matter is read as a
// treaty; an unknown-treaty note offers an import from e-Gov (a command for the editor) and a new treaty document;
// a law cited with its law number links to its e-Gov page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as lsp from 'vscode-languageserver-protocol';
import { Harness, startServer } from './harness';

const WORKSPACE = `
//- /texts/kaiyo.txt
海洋協力協定

　　　第一章　総則
第一条　この協定は、海洋における協力について定める。
第二条　両締約国は、海洋の安全に関する情報を交換する。
２　前項の情報は、秘密として取り扱う。
第三条　この協定は、署名の日に効力を生ずる。
//- /analyses/memo.md
# 海洋協力と自衛隊

海洋協力協定第2条第2項は情報の秘密を定める。
自衛隊法（昭和二十九年法律第百六十五号）第七十六条は防衛出動を、同法第八十二条は海上警備行動を定める。
`;

const MEMO = '/analyses/memo.md';

describe('official texts in the editor', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startServer(WORKSPACE, { open: [MEMO], locale: 'ja' });
    await harness.ready();
  });
  afterAll(async () => {
    await harness.dispose();
  });

  it('reads a treaty text dropped in without front matter as a treaty: hover shows the paragraph cited', async () => {
    const hover = await harness.request<lsp.Hover>('textDocument/hover', harness.at(MEMO, '第2条第2項'));
    const markdown = (hover.contents as lsp.MarkupContent).value;
    expect(markdown).toContain('海洋協力協定');
    expect(markdown).toContain('**２　前項の情報は、秘密として取り扱う。**');
  });

  it('offers to import the law from e-Gov and to create a treaty document for it, on its unknown-treaty note', async () => {
    const diagnostics = await harness.waitForDiagnostics(harness.uri(MEMO), (list) => list.some((diagnostic) => diagnostic.code === 'unknown-treaty'));
    const note = diagnostics.find((diagnostic) => diagnostic.code === 'unknown-treaty')!;
    const actions = await harness.request<lsp.CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: harness.uri(MEMO) },
      range: note.range,
      context: { diagnostics: [note] },
    });
    expect(actions.map((action) => action.title)).toEqual(['「自衛隊法」を e-Gov から取り込む', '「自衛隊法」の条約文書 自衛隊法.md を作る']);
    const [importAction, createAction] = actions as [lsp.CodeAction, lsp.CodeAction];
    expect(importAction.edit).toBeUndefined();
    expect(importAction.diagnostics).toEqual([note]);
    expect(importAction.command).toEqual({
      title: 'e-Gov から取り込む',
      command: 'treatyAnnotator.importTreaty',
      arguments: [{ source: 'egov:329AC0000000165', name: '自衛隊法', folder: harness.uri('/texts/') }],
    });
    const created = harness.uri('/texts/自衛隊法.md');
    expect(createAction.edit!.documentChanges).toEqual([
      { kind: 'create', uri: created, options: { ignoreIfExists: true } },
      {
        textDocument: { uri: created, version: null },
        edits: [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            newText: '---\ntreaty: 自衛隊法\ntitle: 自衛隊法\naliases:\n  - 自衛隊法\n---\n\n# 自衛隊法\n\n## 第76条\n\n## 第82条\n',
          },
        ],
      },
    ]);
  });

  it('links the law cited with its law number to its e-Gov page', async () => {
    const links = await harness.request<lsp.DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: harness.uri(MEMO) } });
    expect(links.map((link) => [link.range, link.target])).toEqual([
      [harness.rangeOf(MEMO, '海洋協力協定'), `${harness.uri('/texts/kaiyo.txt')}#L1,1`],
      [harness.rangeOf(MEMO, '自衛隊法（昭和二十九年法律第百六十五号）'), 'https://laws.e-gov.go.jp/law/329AC0000000165'],
    ]);
  });
});
