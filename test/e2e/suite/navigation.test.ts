/// <reference types="mocha" />
// Reading features in a real VS Code over samples/: hover, go to definition and references, each through
// the editor's own provider commands, with the expected article text and landing lines from the samples.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, answeredHover, hoverText, landing, lineText, openSample, positionOf, relative, retryUntil } from './helpers';

const ANALYSIS = 'analyses/kaiyo-kyotei-kaisetsu.md';
const COMPARISON = 'analyses/ryokyotei-hikaku.md';
const NOTES = 'analyses/harbor-convention-notes.md';

async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await retryUntil(
    `hover at ${relative(document.uri)}:${position.line + 1}:${position.character + 1}`,
    () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position),
    (result) => answeredHover(result ?? []),
  );
  return hoverText(hovers);
}

/** Where F12 lands: the file relative to the workspace and the text of the line. */
async function definitionAt(document: vscode.TextDocument, position: vscode.Position): Promise<{ file: string; line: string }[]> {
  const results = await retryUntil(
    `definition at ${relative(document.uri)}:${position.line + 1}:${position.character + 1}`,
    () =>
      vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position),
    (result) => (result ?? []).length > 0,
  );
  return Promise.all(
    results.map(async (result) => {
      const { uri, range } = landing(result);
      return { file: relative(uri), line: await lineText(uri, range.start.line) };
    }),
  );
}

suite('Hover', () => {
  suiteSetup(() => activateExtension());

  test('hovering 第6条第2項 shows article 6 of the agreement with its caption, summary and paragraph 2', async () => {
    const document = await openSample(ANALYSIS);
    const text = await hoverAt(document, positionOf(document, '第6条第2項は、海難を知った', 1));
    assert.match(text, /^\*\*海洋協力協定\*\* 第6条/);
    assert.ok(text.includes('海難救助'), text);
    assert.ok(text.includes('海難救助における相互協力と、海難を知った締約国がとる措置を定める。'), text);
    assert.ok(text.includes('各締約国は、他方の締約国の船舶又は国民が関係する海難を知ったときは、次の措置をとる。'), text);
  });

  test('hovering Article 5(1) in the English notes shows article 5 of the convention', async () => {
    const document = await openSample(NOTES);
    const text = await hoverAt(document, positionOf(document, 'Article 5(1) lists', 1));
    assert.match(text, /^\*\*Harbor Convention\*\* Article 5/);
    assert.ok(text.includes('provide pilotage and towage services;'), text);
  });

  test('hovering 国連憲章第51条, a treaty outside the workspace, names that treaty', async () => {
    const document = await openSample(ANALYSIS);
    const text = await hoverAt(document, positionOf(document, '国連憲章第51条', 5));
    assert.ok(text.includes('国連憲章'), text);
  });
});

suite('Go to definition', () => {
  suiteSetup(() => activateExtension());

  // A provision of the convention lands in both language versions (VS Code lists them by file).
  const cases: { name: string; file: string; needle: string; offset: number; expected: { file: string; line: string } | { file: string; line: string }[] }[] = [
    {
      name: '第6条第2項 lands on paragraph 2 of article 6',
      file: ANALYSIS,
      needle: '第6条第2項は、海難を知った',
      offset: 1,
      expected: { file: 'treaties/kaiyo-kyotei.md', line: '２　各締約国は、他方の締約国の船舶又は国民が関係する海難を知ったときは、次の措置をとる。' },
    },
    {
      name: '同条第2項 after 第5条第1項 lands on paragraph 2 of article 5',
      file: ANALYSIS,
      needle: '同条第2項',
      offset: 0,
      expected: { file: 'treaties/kaiyo-kyotei.md', line: '２　他方の締約国は、前項の通報を受けたときは、可能な範囲で必要な援助を提供する。' },
    },
    {
      name: '（第 9 条） with spaces lands on article 9',
      file: ANALYSIS,
      needle: '第 9 条',
      offset: 0,
      expected: { file: 'treaties/kaiyo-kyotei.md', line: '## 第9条（紛争の解決）' },
    },
    {
      name: '次条 after 第7条 lands on article 8',
      file: ANALYSIS,
      needle: '次条は共同委員会',
      offset: 0,
      expected: { file: 'treaties/kaiyo-kyotei.md', line: '## 第8条（共同委員会）' },
    },
    {
      name: '港湾条約第4条, through an alias defined in the text, lands on Article 4 of the English convention and 第4条 of its Japanese version',
      file: COMPARISON,
      needle: '港湾条約第4条',
      offset: 4,
      expected: [
        { file: 'treaties/harbor-convention.en.md', line: '## Article 4' },
        { file: 'treaties/harbor-convention.ja.md', line: '## 第4条' },
      ],
    },
    {
      name: 'Article 5(1)(b) lands on item (b), and on item 二 of the Japanese version',
      file: NOTES,
      needle: 'Article 5(1)(b)',
      offset: 1,
      expected: [
        { file: 'treaties/harbor-convention.en.md', line: '(b) make firefighting and pollution response equipment available;' },
        { file: 'treaties/harbor-convention.ja.md', line: '二　消防及び汚染への対応のための機材を利用可能にすること。' },
      ],
    },
  ];
  for (const { name, file, needle, offset, expected } of cases) {
    test(name, async () => {
      const document = await openSample(file);
      assert.deepEqual(await definitionAt(document, positionOf(document, needle, offset)), [expected].flat());
    });
  }

  test('citation-like text in a code span has no definition', async () => {
    const document = await openSample(ANALYSIS);
    await definitionAt(document, positionOf(document, '第6条第2項は、海難を知った', 1));
    const results = await vscode.commands.executeCommand<unknown[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, '`第99条`', 2));
    assert.deepEqual(results, []);
  });
});

suite('References', () => {
  suiteSetup(() => activateExtension());

  test('the references of article 6 are its citations in the three analyses that cite it', async () => {
    const treaty = await openSample('treaties/kaiyo-kyotei.md');
    const position = positionOf(treaty, '## 第6条', 4);
    const locations = await retryUntil(
      'references of 第6条',
      () => vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', treaty.uri, position),
      (result) => (result ?? []).some((location) => relative(location.uri).startsWith('analyses/')),
    );
    const cited = await Promise.all(
      locations
        .filter((location) => relative(location.uri).startsWith('analyses/'))
        .map(async (location) => `${relative(location.uri)}: ${(await vscode.workspace.openTextDocument(location.uri)).getText(location.range)}`),
    );
    assert.deepEqual(cited.sort(), [
      'analyses/broken-citations.md: 第6条第2項第5号',
      'analyses/kaiyo-kyotei-kaisetsu.md: 第6条第1項',
      'analyses/kaiyo-kyotei-kaisetsu.md: 第6条第2項',
      'analyses/ryokyotei-hikaku.md: 海洋協力協定第6条',
    ]);
  });
});

suite('Outline', () => {
  suiteSetup(() => activateExtension());

  /** Every symbol of the document, depth first (the built-in Markdown outline is merged in). */
  async function symbols(file: string, accept: (all: vscode.DocumentSymbol[]) => boolean): Promise<vscode.DocumentSymbol[]> {
    const document = await openSample(file);
    const flatten = (list: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => list.flatMap((symbol) => [symbol, ...flatten(symbol.children ?? [])]);
    return retryUntil(
      `outline of ${file}`,
      async () => flatten((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? []),
      accept,
    );
  }

  test('the agreement outline lists its ten articles with their captions', async () => {
    const all = await symbols('treaties/kaiyo-kyotei.md', (list) => list.some((symbol) => symbol.name === '第10条'));
    const articles = all.filter((symbol) => /^第\d+条$/.test(symbol.name));
    assert.deepEqual(
      articles.map((symbol) => symbol.name),
      Array.from({ length: 10 }, (_, index) => `第${index + 1}条`),
    );
    assert.equal(articles[5].detail, '海難救助');
  });

  test('an analysis outline nests its citations under its headings, broken ones included', async () => {
    const analysis = await symbols('analyses/kaiyo-kyotei-kaisetsu.md', (list) => list.some((symbol) => symbol.name.includes('第6条第2項')));
    assert.ok(analysis.some((symbol) => symbol.name.includes('同条第2項')), analysis.map((symbol) => symbol.name).join(', '));
    const broken = await symbols('analyses/broken-citations.md', (list) => list.some((symbol) => symbol.name.includes('第15条')));
    assert.ok(broken.some((symbol) => symbol.name.includes('第6条第2項第5号')), broken.map((symbol) => symbol.name).join(', '));
  });
});
