// Document symbols: the outline of a treaty (前文, chapters, articles, paragraphs) and of an analysis
// (headings nested by level, with their citations).
import { describe, expect, it } from 'vitest';
import type { DocumentSymbol } from '../../server/src/core/index';
import { dedent, indexFixture, uriOf } from '../fixture';

const NAT = `
//- /treaties/nat.md
---
treaty: nat
title: 北大西洋条約
short: NATO条約
---
# 北大西洋条約

前文

締約国は、平和のうちに生きたいという願望を再確認する。

第一章　総則

第一条（紛争の平和的解決）
締約国は、紛争を平和的手段によって解決する。

第二章　防衛

第五条（集団防衛）
締約国は、武力攻撃を全締約国に対する攻撃とみなす。
２　前項の措置は、安全保障理事会に報告しなければならない。

第六条
前条の武力攻撃には、次の攻撃を含む。
`;

/** The outline of `path` as an indented tree: `kind name — detail`, with Japanese as the display language. */
function check(source: string, path: string, expected: string): void {
  const { service } = indexFixture(source, { language: 'ja' });
  const lines: string[] = [];
  const walk = (symbols: readonly DocumentSymbol[], depth: number): void => {
    for (const symbol of symbols) {
      expect(symbol.selectionSpan.start).toBeGreaterThanOrEqual(symbol.span.start);
      expect(symbol.selectionSpan.end).toBeLessThanOrEqual(symbol.span.end);
      lines.push(`${'  '.repeat(depth)}${symbol.kind} ${symbol.name}${symbol.detail ? ` — ${symbol.detail}` : ''}`);
      walk(symbol.children, depth + 1);
    }
  };
  walk(service.getDocumentSymbols(uriOf(path)), 0);
  expect(lines.join('\n')).toBe(dedent(expected).trim());
}

describe('document symbols of a treaty', () => {
  it('nest articles in their chapters and paragraphs in their articles, with captions as details', () => {
    check(
      NAT,
      '/treaties/nat.md',
      `
      preamble 前文
      chapter 第一章 — 総則
        article 第一条 — 紛争の平和的解決
      chapter 第二章 — 防衛
        article 第五条 — 集団防衛
          paragraph 第1項
          paragraph 第2項
        article 第六条
      `,
    );
  });

  it('group 附則 articles under their block, and show a 附則 without articles once', () => {
    check(
      dedent(`
      //- /treaties/law.md
      ---
      treaty: law
      title: ある法律
      ---
      第一条　この法律は、目的を定める。
      附　則
      この法律は、公布の日から施行する。
      附　則　（平成一七年六月二九日法律第七三号）
      第一条　この法律は、公布の日から施行する。
      `),
      '/treaties/law.md',
      `
      article 第一条
      chapter 附　則
      chapter 附　則　（平成一七年六月二九日法律第七三号）
        article 第一条
      `,
    );
  });

  it('select the label of an article, counted in UTF-16 code units', () => {
    const { fixture, service } = indexFixture(dedent(`
      //- /treaties/t.md
      ---
      treaty: t
      title: 𠮷野条約
      ---
      ## 第1条（𠮷野）
         ^^^ label
      𠮷野を定める。
    `));
    const [article] = service.getDocumentSymbols(uriOf('/treaties/t.md'));
    const label = fixture.range('label');
    expect(article!.selectionSpan).toEqual({ start: label.start, end: label.end });
    expect(article!.detail).toBe('𠮷野');
  });
});

describe('document symbols of an analysis', () => {
  it('nest headings by level and list each section’s citations with where they point', () => {
    check(
      `${NAT}//- /a.md\n${dedent(`
        # 解説
        北大西洋条約第5条を見る。
        ## 防衛
        第5条第2項と第9条。
        ### 地域
        第六条。
        ## 結論
        国連憲章第51条。
      `)}`,
      '/a.md',
      `
      heading 解説
        citation 北大西洋条約第5条 — NATO条約 第5条（集団防衛）
        heading 防衛
          citation 第5条第2項 — NATO条約 第5条第2項（集団防衛）
          citation 第9条 — ⚠ NATO条約に第9条はありません（第1条–第6条）
          heading 地域
            citation 第六条 — NATO条約 第6条
        heading 結論
          citation 国連憲章第51条 — ⚠ 「国連憲章」はワークスペースにありません
      `,
    );
  });

  it('keep citations before the first heading at the top level, across CRLF line breaks', () => {
    const { fixture, service } = indexFixture(`${NAT}//- /a.md\n第5条。\r\n# 見出し\r\n第6条。\r\n`);
    const crlf = fixture.files.get(uriOf('/a.md'))!;
    expect(crlf).toBe('第5条。\r\n# 見出し\r\n第6条。\r\n');
    const symbols = service.getDocumentSymbols(uriOf('/a.md'));
    expect(symbols.map((symbol) => [symbol.kind, symbol.name, crlf.slice(symbol.selectionSpan.start, symbol.selectionSpan.end)])).toEqual([
      ['citation', '第5条', '第5条'],
      ['heading', '見出し', '見出し'],
    ]);
    expect(symbols[1]!.children.map((child) => child.name)).toEqual(['第6条']);
    expect(symbols[1]!.span).toEqual({ start: crlf.indexOf('# 見出し'), end: crlf.length });
  });
});
