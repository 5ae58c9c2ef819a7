import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CompletionItemKind } from 'vscode-languageserver-protocol';
import type * as lsp from 'vscode-languageserver-protocol';
import { Harness, startServer } from './harness';

// A treaty in Japanese (the structure of the Russia–Belarus security treaty, text shortened), one in English,
// and analyses citing them as the NDL examples do (PDF spaces inside citations included).
const WORKSPACE = `
//- /treaties/ru-by.md
---
treaty: ru-by
title: ロシア連邦とベラルーシ共和国の連合国家の枠組みにおける安全保障に関する条約
short: ロシア・ベラルーシ安全保障条約
lang: ja
---
# ロシア連邦とベラルーシ共和国の連合国家の枠組みにおける安全保障に関する条約

## 第1条（目的）

この条約は、連合国家の安全保障を確保することを目的とする。

## 第2条（定義）

この条約の適用上、次の用語は次の意味を有する。

２　「軍事的安全保障」とは、締約国の主権を守る状態をいう。

## 第3条（協議）

締約国は、安全保障に関する問題について協議する。

## 第4条（侵略への対応）

締約国は、侵略を受けた場合には、適切な報復措置を講じる。

## 第5条（駐留）

ロシア連邦の軍隊は、ベラルーシ共和国の領域に駐留することができる。
//- /analyses/ru-by.md
---
cites: ru-by
---
# ロシア・ベラルーシ安全保障条約の批准

基準として想定されている（第 2 条第 2 項）。報復措置を講じることが定められた（第4条第1項）。
軍隊を駐留させることが可能となった（第 5 条）。有効期間は自動的に更新される（第 9 条）。
//- /treaties/nat.md
---
treaty: nat
title: North Atlantic Treaty
short: NATO Treaty
lang: en
---
# North Atlantic Treaty

## Article 5
   ^^^^^^^^^ article-5
The Parties agree that an armed attack against one or more of them shall be considered an attack against them all.

2. Any such armed attack shall immediately be reported to the Security Council.

## Article 6
   ^^^^^^^^^ article-6
For the purpose of Article 5, an armed attack is deemed to include an attack on the territory of any of the Parties.
                   ^^^^^^^^^ cites-5
//- /analyses/nato.md
---
cites: nat
---
# Notes on collective defence

Article 5 of the North Atlantic Treaty is the core; Article 5(2) adds reporting. Article 12 does not exist.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ cites-5
                                                    ^^^^^^^^^^^^ cites-5
                                                                                 ^^^^^^^^^^ dangling
`;

const NATO = '/analyses/nato.md';
const RU_BY = '/analyses/ru-by.md';
/** Completion as VS Code declares it: documentation on resolve, range and data as list defaults. */
const LIST_DEFAULTS_CLIENT: lsp.ClientCapabilities = {
  textDocument: { completion: { completionItem: { resolveSupport: { properties: ['documentation'] } }, completionList: { itemDefaults: ['editRange', 'data'] } } },
};

function sortLocations(locations: lsp.Location[]): lsp.Location[] {
  return [...locations].sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function asLocations(markers: { uri: string; range: lsp.Range }[]): lsp.Location[] {
  return sortLocations(markers.map(({ uri, range }) => ({ uri, range })));
}

/** Semantic tokens as absolute `{ line, character, length, type }` entries. */
function decodeTokens(data: number[], legend: string[]): { line: number; character: number; length: number; type: string }[] {
  const tokens = [];
  let line = 0;
  let character = 0;
  for (let index = 0; index < data.length; index += 5) {
    line += data[index]!;
    character = data[index]! === 0 ? character + data[index + 1]! : data[index + 1]!;
    tokens.push({ line, character, length: data[index + 2]!, type: legend[data[index + 3]!]! });
  }
  return tokens;
}

describe('read-only features on a workspace of two treaties and two analyses', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startServer(WORKSPACE, { open: [NATO, RU_BY] });
  });
  afterAll(() => harness.dispose());

  it('hovers a citation with the cited article and its range', async () => {
    const hover = await harness.request<lsp.Hover>('textDocument/hover', harness.at(NATO, 'Article 5(2)'));
    expect(hover.range).toEqual(harness.markers('cites-5').find((marker) => marker.uri === harness.uri(NATO) && marker.range.start.character > 0)!.range);
    expect((hover.contents as lsp.MarkupContent).kind).toBe('markdown');
    expect((hover.contents as lsp.MarkupContent).value).toMatchInlineSnapshot(`
      "**NATO Treaty** Article 5

      North Atlantic Treaty (named earlier in the sentence)

      The Parties agree that an armed attack against one or more of them shall be considered an attack against them all.

      **2. Any such armed attack shall immediately be reported to the Security Council.**

      _Cited in 2 documents_"
    `);
  });

  it('hovers a Japanese citation with PDF spaces inside it', async () => {
    const hover = await harness.request<lsp.Hover>('textDocument/hover', harness.at(RU_BY, '第 2 条第 2 項'));
    expect(hover.range).toEqual(harness.rangeOf(RU_BY, '第 2 条第 2 項'));
    expect((hover.contents as lsp.MarkupContent).value).toMatchInlineSnapshot(`
      "**ロシア・ベラルーシ安全保障条約** 第2条（定義）

      ロシア連邦とベラルーシ共和国の連合国家の枠組みにおける安全保障に関する条約 (the cites directive)

      この条約の適用上、次の用語は次の意味を有する。

      **２　「軍事的安全保障」とは、締約国の主権を守る状態をいう。**

      _Cited in 1 document_"
    `);
  });

  it('answers no hover on prose without a citation', async () => {
    expect(await harness.request('textDocument/hover', harness.at(NATO, 'the core'))).toBeNull();
  });

  it('goes to the definition of a citation: the article in the treaty document', async () => {
    const [location, ...rest] = await harness.request<lsp.Location[]>('textDocument/definition', harness.at(NATO, 'Article 5 of'));
    expect(rest).toEqual([]);
    expect(location!.uri).toBe(harness.uri('/treaties/nat.md'));
    expect(location!.range.start).toEqual(harness.marker('article-5').range.start);
    expect(location!.range.end).toEqual(harness.rangeOf('/treaties/nat.md', 'reported to the Security Council.').end);
  });

  it('goes to the definition of a Japanese citation: the paragraph when it names one', async () => {
    const [article] = await harness.request<lsp.Location[]>('textDocument/definition', harness.at(RU_BY, '第 5 条'));
    expect(article!.uri).toBe(harness.uri('/treaties/ru-by.md'));
    expect(article!.range.start).toEqual(harness.rangeOf('/treaties/ru-by.md', '第5条（駐留）').start);
    const [paragraph] = await harness.request<lsp.Location[]>('textDocument/definition', harness.at(RU_BY, '第4条第1項'));
    expect(paragraph!.range.start).toEqual(harness.rangeOf('/treaties/ru-by.md', '締約国は、侵略を受けた').start);
  });

  it('finds every citation of an article across documents, and its label when the declaration is included', async () => {
    const position = harness.at('/treaties/nat.md', 'Article 5\n');
    const citations = await harness.request<lsp.Location[]>('textDocument/references', { ...position, context: { includeDeclaration: false } });
    expect(sortLocations(citations)).toEqual(asLocations(harness.markers('cites-5')));
    const withLabel = await harness.request<lsp.Location[]>('textDocument/references', { ...position, context: { includeDeclaration: true } });
    expect(sortLocations(withLabel)).toEqual(asLocations([...harness.markers('cites-5'), harness.marker('article-5')]));
  });

  it('lists a treaty’s articles with their paragraphs as document symbols', async () => {
    const symbols = await harness.request<lsp.DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: harness.uri('/treaties/nat.md') } });
    const articles = symbols.flatMap((symbol) => (symbol.name === 'Article 5' || symbol.name === 'Article 6' ? [symbol] : symbol.children ?? []));
    expect(articles.map((article) => [article.name, article.selectionRange])).toEqual([
      ['Article 5', harness.marker('article-5').range],
      ['Article 6', harness.marker('article-6').range],
    ]);
    expect(articles[0]!.children?.map((paragraph) => [paragraph.name, paragraph.kind])).toMatchInlineSnapshot(`
      [
        [
          "paragraph 1",
          8,
        ],
        [
          "paragraph 2",
          8,
        ],
      ]
    `);
  });

  it('keeps every symbol’s selection range inside its range (VS Code rejects the whole outline otherwise)', async () => {
    const uri = await harness.openUntitled('with-supplementary', '---\ntreaty: sup\ntitle: 附則のある協定\n---\n## 第1条（目的）\n\n目的を定める。\n\n## 附則\n\nこの協定は、署名の日に効力を生ずる。\n');
    const symbols = await harness.request<lsp.DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const flattened = (list: lsp.DocumentSymbol[]): lsp.DocumentSymbol[] => list.flatMap((symbol) => [symbol, ...flattened(symbol.children ?? [])]);
    const before = (a: lsp.Position, b: lsp.Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
    expect(flattened(symbols).map((symbol) => symbol.name)).toContain('附則');
    for (const symbol of flattened(symbols)) {
      expect(before(symbol.range.start, symbol.selectionRange.start) && before(symbol.selectionRange.end, symbol.range.end), symbol.name).toBe(true);
    }
    await harness.close(uri);
  });

  it('finds treaties by name among the workspace symbols', async () => {
    const symbols = await harness.request<lsp.SymbolInformation[]>('workspace/symbol', { query: 'North' });
    expect(symbols.map((symbol) => [symbol.name, symbol.containerName, symbol.kind, symbol.location.uri.replace(harness.uri('/'), '')])).toMatchInlineSnapshot(`
      [
        [
          "North Atlantic Treaty",
          "NATO Treaty",
          3,
          "treaties/nat.md",
        ],
      ]
    `);
  });

  it('publishes the dangling citation of an analysis, and nothing for its good citations', async () => {
    const diagnostics = await harness.waitForDiagnostics(harness.uri(NATO), (list) => list.length > 0);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range, diagnostic.severity])).toEqual([
      ['unknown-article', harness.marker('dangling').range, 1],
    ]);
    expect(diagnostics[0]!.source).toBe('treaty');
    expect(diagnostics[0]!.message).toMatchInlineSnapshot(`"NATO Treaty has no Article 12 (it has Articles 5–6)"`);
  });

  it('publishes the dangling Japanese citation with its exact range', async () => {
    const diagnostics = await harness.waitForDiagnostics(harness.uri(RU_BY), (list) => list.length > 0);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range])).toEqual([['unknown-article', harness.rangeOf(RU_BY, '第 9 条')]]);
  });

  it('offers the nearest existing articles as quick fixes for a dangling citation', async () => {
    const diagnostics = await harness.waitForDiagnostics(harness.uri(NATO), (list) => list.length > 0);
    const actions = await harness.request<lsp.CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: harness.uri(NATO) },
      range: harness.marker('dangling').range,
      context: { diagnostics },
    });
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(action.kind).toBe('quickfix');
      expect(action.diagnostics?.map((diagnostic) => diagnostic.code)).toEqual(['unknown-article']);
      const [edit] = action.edit!.changes![harness.uri(NATO)]!;
      expect(edit!.range.start.line).toBe(harness.marker('dangling').range.start.line);
    }
    expect(actions.map((action) => [action.title, action.isPreferred ?? false, action.edit!.changes![harness.uri(NATO)]![0]!.newText])).toMatchInlineSnapshot(`
      [
        [
          "Change to Article 6",
          true,
          "6",
        ],
        [
          "Change to Article 5",
          false,
          "5",
        ],
      ]
    `);
  });

  it('completes article numbers after 第 with the treaty in scope, replacing the 第', async () => {
    const text = '---\ncites: ru-by\n---\n\nこの条約の第';
    const uri = await harness.openUntitled('draft', text);
    const cursor = harness.position(uri, text.length);
    const items = await harness.request<lsp.CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: cursor });
    expect(items.map((item) => [item.label, item.detail])).toMatchInlineSnapshot(`
      [
        [
          "第1条",
          "目的",
        ],
        [
          "第2条",
          "定義",
        ],
        [
          "第3条",
          "協議",
        ],
        [
          "第4条",
          "侵略への対応",
        ],
        [
          "第5条",
          "駐留",
        ],
      ]
    `);
    const dai = { start: harness.position(uri, text.length - 1), end: cursor };
    for (const item of items) expect(item.textEdit).toEqual({ range: dai, newText: item.label });
    await harness.close(uri);
  });

  it('shows a code lens with the number of citing documents above each article', async () => {
    const lenses = await harness.request<lsp.CodeLens[]>('textDocument/codeLens', { textDocument: { uri: harness.uri('/treaties/nat.md') } });
    const lens = lenses.find((candidate) => candidate.range.start.line === harness.marker('article-5').range.start.line)!;
    expect(lens.range).toEqual(harness.marker('article-5').range);
    expect(lens.command?.command).toBe('treatyAnnotator.showReferences');
    expect(lens.command?.title).toBe('cited in 2 documents');
    const [uri, position, locations] = lens.command!.arguments as [string, lsp.Position, lsp.Location[]];
    expect(uri).toBe(harness.uri('/treaties/nat.md'));
    expect(position).toEqual(harness.marker('article-5').range.start);
    expect(sortLocations(locations)).toEqual(asLocations(harness.markers('cites-5')));
  });

  it('gives no inlay hints while the setting is off (the default)', async () => {
    const hints = await harness.request('textDocument/inlayHint', { textDocument: { uri: harness.uri(RU_BY) }, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } } });
    expect(hints).toEqual([]);
  });

  it('colours citations, treaty names and dangling citations with semantic tokens', async () => {
    const legend = harness.initializeResult!.capabilities.semanticTokensProvider!.legend.tokenTypes;
    const { data } = await harness.request<lsp.SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: harness.uri(NATO) } });
    const tokens = decodeTokens(data, legend);
    const [first, second, dangling] = harness.markers('cites-5').filter((marker) => marker.uri === harness.uri(NATO)).concat(harness.marker('dangling'));
    const name = harness.rangeOf(NATO, 'North Atlantic Treaty');
    expect(tokens).toEqual([
      { line: first!.range.start.line, character: 0, length: 'Article 5 of the '.length, type: 'citation' },
      { line: name.start.line, character: name.start.character, length: 'North Atlantic Treaty'.length, type: 'treatyName' },
      { line: second!.range.start.line, character: second!.range.start.character, length: 'Article 5(2)'.length, type: 'citation' },
      { line: dangling!.range.start.line, character: dangling!.range.start.character, length: 'Article 12'.length, type: 'danglingCitation' },
    ]);
  });

  it('folds each article of a treaty', async () => {
    const ranges = await harness.request<lsp.FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: harness.uri('/treaties/nat.md') } });
    const article5 = harness.marker('article-5').range.start.line;
    expect(ranges).toContainEqual(expect.objectContaining({ startLine: article5, endLine: harness.rangeOf('/treaties/nat.md', 'reported to').start.line }));
  });

  it('links a qualified citation to the treaty document', async () => {
    const links = await harness.request<lsp.DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: harness.uri(NATO) } });
    expect(links.map((link) => [link.range, link.target])).toEqual([[harness.rangeOf(NATO, 'North Atlantic Treaty'), `${harness.uri('/treaties/nat.md')}#L1,1`]]);
  });

  it('answers treatyAnnotator/previewCitations with each citation’s link or problem and a treaty’s anchors', async () => {
    const analysis = await harness.request<{ citations: { range: lsp.Range; text: string; href: string | null; problem: string | null }[] }>('treatyAnnotator/previewCitations', { uri: harness.uri(NATO) });
    const [first, second] = harness.markers('cites-5').filter((marker) => marker.uri === harness.uri(NATO));
    expect(analysis.citations.map(({ range, text, href, problem }) => [range, text, href, problem])).toEqual([
      [first!.range, 'Article 5 of the North Atlantic Treaty', `${harness.uri('/treaties/nat.md')}#article-5`, null],
      [second!.range, 'Article 5(2)', `${harness.uri('/treaties/nat.md')}#article-5`, null],
      [harness.marker('dangling').range, 'Article 12', null, 'unknown-article'],
    ]);
    const treaty = await harness.request<{ anchors: { line: number; id: string }[] }>('treatyAnnotator/previewCitations', { uri: harness.uri('/treaties/nat.md') });
    expect(treaty.anchors).toEqual([
      { line: harness.marker('article-5').range.start.line, id: 'article-5' },
      { line: harness.marker('article-6').range.start.line, id: 'article-6' },
    ]);
  });

  it('counts treaties, analyses, citations and problems for the status bar, with the server’s memory', async () => {
    const stats = await harness.request<{ treaties: number; analyses: number; citations: number; problems: number }>('treatyAnnotator/stats');
    expect(stats).toEqual({ treaties: 2, analyses: 2, citations: 8, problems: 2, memory: expect.objectContaining({ heapUsed: expect.any(Number) }) });
  });
});

describe('features that change the workspace or need settings', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  it('speaks one language in hover, code lens and diagnostics: the client’s locale, or treatyAnnotator.language', async () => {
    harness = await startServer(WORKSPACE, { open: [NATO], locale: 'ja' });
    const server = harness;
    /** The diagnostic of Article 12 once it says `start`, then the hover's and the code lens's words. */
    const views = async (start: string): Promise<string[]> => {
      const [diagnostic] = await server.waitForDiagnostics(server.uri(NATO), (list) => list[0]?.message.startsWith(start) === true);
      const hover = await server.request<lsp.Hover>('textDocument/hover', server.at(NATO, 'Article 5(2)'));
      const lenses = await server.request<lsp.CodeLens[]>('textDocument/codeLens', { textDocument: { uri: server.uri('/treaties/nat.md') } });
      return [diagnostic!.message, (hover.contents as lsp.MarkupContent).value.split('\n').at(-1)!, lenses[0]!.command!.title];
    };
    const japanese = ['NATO Treatyに第12条はありません（第5条–第6条）', '_2件の文書が引用_', '2件の文書が引用'];
    expect(await views('NATO Treatyに')).toEqual(japanese);
    await harness.changeSettings({ language: 'en' });
    expect(await views('NATO Treaty has')).toEqual(['NATO Treaty has no Article 12 (it has Articles 5–6)', '_Cited in 2 documents_', 'cited in 2 documents']);
    await harness.changeSettings({ language: 'auto' });
    expect(await views('NATO Treatyに')).toEqual(japanese);
  });

  it('refuses to rename prose with a ResponseError giving the reason', async () => {
    harness = await startServer(WORKSPACE, { open: [NATO] });
    const refusal = harness.request('textDocument/prepareRename', harness.at(NATO, 'core'));
    await expect(refusal).rejects.toMatchObject({ code: -32803, message: 'Nothing to rename here: put the cursor on an article label (第5条, Article 5) in a treaty document' });
  });

  it('sends completion items without their preview, and the preview of the one item the client resolves', async () => {
    harness = await startServer(WORKSPACE, { open: [RU_BY] });
    const text = '---\ncites: ru-by\n---\n\nこの条約の第';
    const uri = await harness.openUntitled('draft', text);
    const items = await harness.request<lsp.CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: harness.position(uri, text.length) });
    expect(items.every((item) => item.documentation === undefined)).toBe(true);
    const second = await harness.request<lsp.CompletionItem>('completionItem/resolve', items[1]);
    expect([second.label, second.detail, (second.documentation as lsp.MarkupContent).kind]).toEqual(['第2条', '定義', 'markdown']);
    expect((second.documentation as lsp.MarkupContent).value.length).toBeGreaterThan(0);
    // An item of an older answer, or one the server never sent, comes back as it was.
    await harness.request('textDocument/completion', { textDocument: { uri }, position: harness.position(uri, text.length) });
    expect(await harness.request('completionItem/resolve', items[1])).toEqual(items[1]);
    expect(await harness.request('completionItem/resolve', { label: 'x', data: 'odd' })).toEqual({ label: 'x', data: 'odd' });
  });

  it('sends the range and data shared by all items once, to a client that takes list defaults', async () => {
    harness = await startServer(WORKSPACE, { open: [RU_BY], capabilities: LIST_DEFAULTS_CLIENT });
    const text = '---\ncites: ru-by\n---\n\nこの条約の第';
    const uri = await harness.openUntitled('draft', text);
    const list = await harness.request<lsp.CompletionList>('textDocument/completion', { textDocument: { uri }, position: harness.position(uri, text.length) });
    const dai = harness.position(uri, text.length - 1);
    expect(list.itemDefaults?.editRange).toEqual({ start: dai, end: harness.position(uri, text.length) });
    expect(list.items.slice(0, 2)).toEqual([
      { label: '第1条', kind: CompletionItemKind.Reference, detail: '目的', sortText: '00000' },
      { label: '第2条', kind: CompletionItemKind.Reference, detail: '定義', sortText: '00001' },
    ]);
    // The client puts the default data into the item it resolves.
    const second = await harness.request<lsp.CompletionItem>('completionItem/resolve', { ...list.items[1], data: list.itemDefaults?.data });
    expect((second.documentation as lsp.MarkupContent).value.length).toBeGreaterThan(0);
  });

  it('spells out the inserted text where it differs from the label, in a list with defaults', async () => {
    harness = await startServer(WORKSPACE, { open: [NATO], capabilities: LIST_DEFAULTS_CLIENT });
    const text = '---\ncites: nat\n---\n\nSee Article ';
    const uri = await harness.openUntitled('draft-en', text);
    const list = await harness.request<lsp.CompletionList>('textDocument/completion', { textDocument: { uri }, position: harness.position(uri, text.length) });
    expect(list.items.map((item) => [item.label, item.textEditText, item.filterText])).toContainEqual(['Article 5', '5', '5']);
  });

  it('puts the preview in each completion item for a client that does not resolve documentation', async () => {
    harness = await startServer(WORKSPACE, { open: [RU_BY], capabilities: { textDocument: {} } });
    const text = '---\ncites: ru-by\n---\n\nこの条約の第';
    const uri = await harness.openUntitled('draft', text);
    const items = await harness.request<lsp.CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: harness.position(uri, text.length) });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => (item.documentation as lsp.MarkupContent | undefined)?.value.length)).toBe(true);
  });

  it('renames an article and every citation of it', async () => {
    harness = await startServer(WORKSPACE, { open: [NATO, '/treaties/nat.md'] });
    const position = harness.at('/treaties/nat.md', 'Article 5\n');
    const prepared = await harness.request<{ range: lsp.Range; placeholder: string }>('textDocument/prepareRename', position);
    expect(prepared.range).toEqual(harness.marker('article-5').range);
    const edit = await harness.request<lsp.WorkspaceEdit>('textDocument/rename', { ...position, newName: '7' });
    const edited = Object.entries(edit.changes ?? {}).flatMap(([uri, edits]) => edits.map((textEdit) => ({ uri, line: textEdit.range.start.line, newText: textEdit.newText })));
    const expectedLines = [harness.marker('article-5'), ...harness.markers('cites-5')].map((marker) => ({ uri: marker.uri, line: marker.range.start.line }));
    expect(edited.map(({ uri, line }) => ({ uri, line })).sort((a, b) => a.uri.localeCompare(b.uri) || a.line - b.line)).toEqual(
      expectedLines.sort((a, b) => a.uri.localeCompare(b.uri) || a.line - b.line),
    );
    expect(edited.map((textEdit) => textEdit.newText)).toMatchInlineSnapshot(`
      [
        "7",
        "7",
        "7",
        "7",
      ]
    `);
  });

  it('shows inlay hints when treatyAnnotator.inlayHints.enabled is on', async () => {
    harness = await startServer(WORKSPACE, { open: [RU_BY], settings: { inlayHints: { enabled: true } } });
    const hints = await harness.request<lsp.InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: harness.uri(RU_BY) },
      range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } },
    });
    expect(hints.map((hint) => [hint.position, hint.label])).toMatchInlineSnapshot(`
      [
        [
          {
            "character": 23,
            "line": 5,
          },
          "（定義）",
        ],
        [
          {
            "character": 48,
            "line": 5,
          },
          "（侵略への対応）",
        ],
        [
          {
            "character": 23,
            "line": 6,
          },
          "（駐留）",
        ],
      ]
    `);
  });
});
