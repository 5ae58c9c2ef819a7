// Beyond navigation, over the built server: the misquote diagnostic and its quick fix, parallel language
// texts in hover, definition and `parallel-structure`, the `treatyAnnotator/coverage` request, and the
// insert/delete-article refactors with their workspace-wide renumbering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as lsp from 'vscode-languageserver-protocol';
import { Harness, startServer } from './harness';

// A convention in English and in Japanese (whose 第6条 has one paragraph less), and an analysis in each language.
const WORKSPACE = `
//- /treaties/harbor.en.md
---
treaty: harbor
title: Convention on Harbor Safety
short: Harbor Convention
aliases: [港湾条約]
lang: en
---
## Article 4
1. A State Party shall permit a ship in distress to enter the nearest suitable harbor.

2. Such entry shall not be regarded as entry for commercial purposes.

## Article 5
The costs of assistance shall be borne by the requesting State Party.

## Article 6
1. The States Parties shall exchange information.

2. Information received under this Article shall be used only for the purposes of this Convention.
//- /treaties/harbor.ja.md
---
treaty: harbor
title: 港湾の安全に関する条約
lang: ja
---
## 第4条
締約国は、遭難した船舶が最も近い適当な港湾に入ることを認める。

２　前項の入港は、商業上の目的のための入港とはみなされない。

## 第5条
援助の費用は、要請を行った締約国が負担する。

## 第6条
締約国は、情報を交換する。
//- /analyses/hikaku.md
---
lang: ja
---
# 港湾条約の覚書

港湾条約第4条第1項は「締約国は、遭難した船舶が最も近い港湾に入ることを認める」と定める。
港湾条約第5条は費用を、港湾条約第6条は情報の交換を扱う。
//- /analyses/notes.md
# Notes

Article 4(2) of the Harbor Convention says that "such entry shall not be regarded as entry for commercial purposes".
Article 6 of the Harbor Convention is about information.
`;

const HIKAKU = '/analyses/hikaku.md';
const NOTES = '/analyses/notes.md';
const EN = '/treaties/harbor.en.md';
const JA = '/treaties/harbor.ja.md';

describe('beyond navigation over the language server protocol', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startServer(WORKSPACE, { open: [HIKAKU, NOTES, EN, JA] });
  });
  afterAll(() => harness.dispose());

  describe('quotation check', () => {
    const QUOTED = '締約国は、遭難した船舶が最も近い港湾に入ることを認める';

    it('publishes a misquote warning on the quoted words, naming the closest passage of the version in their language', async () => {
      const diagnostics = await harness.waitForDiagnostics(harness.uri(HIKAKU), (list) => list.length > 0);
      expect(diagnostics).toEqual([
        {
          range: harness.rangeOf(HIKAKU, QUOTED),
          severity: 2,
          code: 'misquote',
          source: 'treaty',
          message: 'The quotation does not match Article 4(1) of the 港湾の安全に関する条約, which reads: "締約国は、遭難した船舶が最も近い適当な港湾に入ることを認める"',
          relatedInformation: [{ location: { uri: harness.uri(JA), range: harness.rangeOf(JA, '締約国は、遭難した船舶が最も近い適当な港湾に入ることを認める') }, message: '港湾の安全に関する条約 第4条' }],
          // The cited treaty and article, as every citation's diagnostic carries them.
          data: { treatyId: 'harbor', article: '4', treatyName: 'Convention on Harbor Safety' },
        },
      ]);
    });

    it('leaves an exact English quotation of the English version alone', async () => {
      expect(await harness.waitForDiagnostics(harness.uri(NOTES))).toEqual([]);
    });

    it('offers a preferred quick fix that puts the treaty’s exact words in place of the quoted ones', async () => {
      const diagnostics = await harness.waitForDiagnostics(harness.uri(HIKAKU), (list) => list.length > 0);
      const actions = await harness.request<lsp.CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: harness.uri(HIKAKU) },
        range: diagnostics[0]!.range,
        context: { diagnostics },
      });
      expect(actions).toEqual([
        {
          title: 'Quote the treaty\'s words: "締約国は、遭難した船舶が最も近い適当な港湾に入ることを認める"',
          kind: 'quickfix',
          diagnostics,
          isPreferred: true,
          edit: { changes: { [harness.uri(HIKAKU)]: [{ range: harness.rangeOf(HIKAKU, QUOTED), newText: '締約国は、遭難した船舶が最も近い適当な港湾に入ることを認める' }] } },
        },
      ]);
    });
  });

  describe('parallel texts', () => {
    it('hovers a citation in a Japanese analysis with the Japanese version first and the English one below', async () => {
      const hover = await harness.request<lsp.Hover>('textDocument/hover', harness.at(HIKAKU, '港湾条約第5条', 5));
      expect((hover.contents as lsp.MarkupContent).value).toBe(
        [
          '**港湾の安全に関する条約** 第5条',
          '',
          '港湾の安全に関する条約 (named with the citation)',
          '',
          '援助の費用は、要請を行った締約国が負担する。',
          '',
          '---',
          '',
          '**Harbor Convention** Article 5',
          '',
          'The costs of assistance shall be borne by the requesting State Party.',
          '',
          '_Cited in 1 document_',
        ].join('\n'),
      );
    });

    it('goes to the cited paragraph in each version, the reader’s language first', async () => {
      const english = await harness.request<lsp.Location[]>('textDocument/definition', harness.at(NOTES, 'Article 4(2)'));
      expect(english).toEqual([
        { uri: harness.uri(EN), range: harness.rangeOf(EN, '2. Such entry shall not be regarded as entry for commercial purposes.') },
        { uri: harness.uri(JA), range: harness.rangeOf(JA, '２　前項の入港は、商業上の目的のための入港とはみなされない。') },
      ]);
      const japanese = await harness.request<lsp.Location[]>('textDocument/definition', harness.at(HIKAKU, '港湾条約第4条第1項', 5));
      expect(japanese.map((location) => location.uri)).toEqual([harness.uri(JA), harness.uri(EN)]);
    });

    it('warns in both versions that article 6 has two paragraphs in one and one in the other', async () => {
      const english = await harness.waitForDiagnostics(harness.uri(EN), (list) => list.length > 0);
      expect(english).toEqual([
        {
          range: harness.rangeOf(EN, 'Article 6'),
          severity: 2,
          code: 'parallel-structure',
          source: 'treaty',
          message: 'Article 6 has 2 paragraphs here but 1 in the ja version (harbor.ja.md) (第6条)',
          relatedInformation: [{ location: { uri: harness.uri(JA), range: harness.rangeOf(JA, '第6条') }, message: '第6条' }],
        },
      ]);
      const japanese = await harness.waitForDiagnostics(harness.uri(JA), (list) => list.length > 0);
      expect(japanese.map((diagnostic) => diagnostic.message)).toEqual(['第6条 has 1 paragraph here but 2 in the en version (harbor.en.md) (Article 6)']);
    });

    it('follows treatyAnnotator.hover.parallelTextOrder from the editor settings', async () => {
      await harness.changeSettings({ hover: { parallelTextOrder: ['en', 'ja'] } });
      try {
        const first = async (): Promise<string> =>
          ((await harness.request<lsp.Hover>('textDocument/hover', harness.at(HIKAKU, '港湾条約第5条', 5))).contents as lsp.MarkupContent).value.split('\n')[0]!;
        const deadline = Date.now() + 5000;
        while ((await first()) !== '**Harbor Convention** Article 5' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
        expect(await first()).toBe('**Harbor Convention** Article 5');
      } finally {
        await harness.changeSettings({});
      }
    });
  });

  describe('coverage', () => {
    it('answers treatyAnnotator/coverage with every article of every treaty and who cites it', async () => {
      const coverage = await harness.request<{ version: number; treaties: unknown[] }>('treatyAnnotator/coverage');
      const article = (number: string, label: string, documents: number, citations: number) => ({
        article: number,
        label,
        caption: null,
        supplementary: false,
        location: { uri: harness.uri(EN), range: harness.rangeOf(EN, label) },
        documents,
        citations,
      });
      expect(coverage).toEqual({
        version: 1,
        treaties: [
          {
            treaty: 'harbor',
            title: 'Convention on Harbor Safety',
            uri: harness.uri(EN),
            articles: [article('4', 'Article 4', 2, 2), article('5', 'Article 5', 1, 1), article('6', 'Article 6', 2, 2)],
          },
        ],
      });
    });
  });

  describe('renumbering', () => {
    const at = (path: string, needle: string): lsp.CodeActionParams => {
      const range = harness.rangeOf(path, needle);
      return { textDocument: { uri: harness.uri(path) }, range: { start: range.start, end: range.start }, context: { diagnostics: [] } };
    };

    it('offers on an article label to insert an article after it, renumbering both versions and every citation', async () => {
      const actions = await harness.request<lsp.CodeAction[]>('textDocument/codeAction', at(EN, 'Article 4'));
      expect(actions.map((action) => [action.title, action.kind, action.disabled?.reason ?? null])).toEqual([
        ['Insert an article after Article 4 and renumber Article 5–Article 6', 'refactor', null],
        ['Delete Article 4 and renumber Article 5–Article 6', 'refactor', 'Article 4 is cited 2 times in 2 documents: change those citations first'],
      ]);
      const edit = (range: lsp.Range, newText: string) => ({ range, newText });
      const endOf = (path: string, needle: string): lsp.Range => {
        const { end } = harness.rangeOf(path, needle);
        return { start: end, end };
      };
      const digit = (path: string, needle: string, offset: number, occurrence = 0): lsp.Range => {
        const { start } = harness.rangeOf(path, needle, occurrence);
        return { start: { line: start.line, character: start.character + offset }, end: { line: start.line, character: start.character + offset + 1 } };
      };
      expect(actions[0]!.edit).toEqual({
        changes: {
          [harness.uri(EN)]: [
            edit(endOf(EN, 'Such entry shall not be regarded as entry for commercial purposes.'), '\n\n## Article 5'),
            edit(digit(EN, 'Article 5', 8), '6'),
            edit(digit(EN, 'Article 6', 8), '7'),
          ],
          [harness.uri(JA)]: [
            edit(endOf(JA, '前項の入港は、商業上の目的のための入港とはみなされない。'), '\n\n## 第5条'),
            edit(digit(JA, '第5条', 1), '6'),
            edit(digit(JA, '第6条', 1), '7'),
          ],
          [harness.uri(HIKAKU)]: [edit(digit(HIKAKU, '港湾条約第5条', 5), '6'), edit(digit(HIKAKU, '港湾条約第6条', 5), '7')],
          [harness.uri(NOTES)]: [edit(digit(NOTES, 'Article 6 of the', 8), '7')],
        },
      });
    });

    it('offers nothing away from a label line', async () => {
      expect(await harness.request<lsp.CodeAction[]>('textDocument/codeAction', at(EN, 'The costs of assistance'))).toEqual([]);
    });
  });
});
