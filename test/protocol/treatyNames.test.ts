// Two treaties that share a name, through the built server over stdio: both treaty documents are warned, a citation of
// the name is ambiguous with both treaties as related information, and the quick fix's directive settles it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as lsp from 'vscode-languageserver-protocol';
import { Harness, startServer } from './harness';

const WORKSPACE = `
//- /treaties/ca-1986.md
---
treaty: ca-1986
title: 所得に対する租税に関する二重課税の回避のための日本国とカナダとの間の条約
short: カナダ租税条約
---
## 第5条（恒久的施設）
恒久的施設とは、事業を行う一定の場所をいう。
//- /archive/ca-2024.md
---
treaty: ca-2024
title: 日本国とカナダとの間の租税条約
short: カナダ租税条約
---
## 第5条（恒久的施設）
恒久的施設とは、事業を行う一定の場所をいう。
## 第6条（特殊関連企業）
特殊関連企業の利得を調整する。
//- /notes/tax.md
# 恒久的施設

カナダ租税条約第6条は、特殊関連企業の利得を定める。
`;

const OLD = '/treaties/ca-1986.md';
const NEW = '/archive/ca-2024.md';
const NOTES = '/notes/tax.md';

describe('two treaties that go by one name', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startServer(WORKSPACE, { open: [NOTES], locale: 'ja' });
  });
  afterAll(() => harness.dispose());

  it('publishes a duplicate-treaty-name warning on each, at the name, naming the other file', async () => {
    const old = await harness.waitForDiagnostics(harness.uri(OLD), (list) => list.length > 0);
    expect(old).toEqual([
      {
        range: harness.rangeOf(OLD, 'カナダ租税条約'),
        severity: 2,
        code: 'duplicate-treaty-name',
        source: 'treaty',
        message: '「カナダ租税条約」は archive/ca-2024.md (ca-2024) の名前でもあります（この名前の引用はどちらの条約か決められません）',
        relatedInformation: [{ location: { uri: harness.uri(NEW), range: harness.rangeOf(NEW, 'カナダ租税条約') }, message: 'ca-2024' }],
      },
    ]);
    const renewed = await harness.waitForDiagnostics(harness.uri(NEW), (list) => list.length > 0);
    expect(renewed.map((diagnostic) => [diagnostic.code, diagnostic.message])).toEqual([
      ['duplicate-treaty-name', '「カナダ租税条約」は treaties/ca-1986.md (ca-1986) の名前でもあります（この名前の引用はどちらの条約か決められません）'],
    ]);
  });

  it('publishes a citation of the name as ambiguous-treaty with both treaties as related information (in the order of their files)', async () => {
    const [diagnostic, ...others] = await harness.waitForDiagnostics(harness.uri(NOTES), (list) => list.length > 0);
    expect(others).toEqual([]);
    expect(diagnostic).toMatchObject({ range: harness.rangeOf(NOTES, 'カナダ租税条約第6条'), code: 'ambiguous-treaty', severity: 2 });
    expect(diagnostic!.relatedInformation!.map(({ location }) => [location.uri, location.range])).toEqual([
      [harness.uri(NEW), harness.rangeOf(NEW, 'カナダ租税条約')],
      [harness.uri(OLD), harness.rangeOf(OLD, 'カナダ租税条約')],
    ]);
  });

  it('offers a cites directive for each treaty, and the one applied settles the citation', async () => {
    const diagnostics = await harness.waitForDiagnostics(harness.uri(NOTES), (list) => list.length > 0);
    const actions = await harness.request<lsp.CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: harness.uri(NOTES) },
      range: harness.rangeOf(NOTES, 'カナダ租税条約第6条'),
      context: { diagnostics },
    });
    expect(actions.map((action) => [action.title, action.kind, action.diagnostics?.map((diagnostic) => diagnostic.code)])).toEqual([
      ['ここでは ca-2024（archive/ca-2024.md）を指す：この段落の前に <!-- cites: ca-2024 --> を置く', 'quickfix', ['ambiguous-treaty']],
      ['ここでは ca-1986（treaties/ca-1986.md）を指す：この段落の前に <!-- cites: ca-1986 --> を置く', 'quickfix', ['ambiguous-treaty']],
    ]);
    const [edit] = actions[0]!.edit!.changes![harness.uri(NOTES)]!;
    expect(edit).toEqual({ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '<!-- cites: ca-2024 -->\n' });
    const text = harness.texts.get(harness.uri(NOTES))!;
    await harness.change(NOTES, text.replace('カナダ租税条約第6条', `${edit!.newText}カナダ租税条約第6条`));
    expect(await harness.waitForDiagnostics(harness.uri(NOTES), (list) => list.length === 0)).toEqual([]);
    const definition = await harness.request<lsp.Location[]>('textDocument/definition', harness.at(NOTES, 'カナダ租税条約第6条', 9));
    expect(definition.map((location) => location.uri)).toEqual([harness.uri(NEW)]);
  });
});
