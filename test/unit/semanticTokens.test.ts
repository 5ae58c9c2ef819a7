// Semantic tokens: citations, dangling citations, qualifying treaty names and article labels.
import { describe, expect, it } from 'vitest';
import { dedent, indexFixture, uriOf } from '../fixture';

const NAT = `
//- /treaties/nat.md
---
treaty: nat
title: 北大西洋条約
short: NATO条約
---
## 第5条（集団防衛）
締約国は、武力攻撃を全締約国に対する攻撃とみなす。
第六条
前条の攻撃には、次の攻撃を含む。
`;

/** Tokens of `path`, each as `type: text`; also checks they are sorted and do not overlap. */
function check(source: string, path: string, expected: string[]): void {
  const { fixture, service } = indexFixture(source);
  const text = fixture.files.get(uriOf(path))!;
  const tokens = service.getSemanticTokens(uriOf(path));
  tokens.forEach((token, position) => {
    expect(token.span.end).toBeGreaterThan(token.span.start);
    if (position > 0) expect(token.span.start).toBeGreaterThanOrEqual(tokens[position - 1]!.span.end);
  });
  expect(tokens.map((token) => `${token.type}: ${text.slice(token.span.start, token.span.end)}`)).toEqual(expected);
}

describe('semantic tokens', () => {
  it('mark resolved and dangling citations, and the treaty name apart from the provision', () => {
    check(`${NAT}//- /a.md\n${dedent(`
      北大西洋条約第5条と第9条、国連憲章第51条。
    `)}`, '/a.md', [
      'treatyName: 北大西洋条約',
      'citation: 第5条',
      'danglingCitation: 第9条',
      'treatyName: 国連憲章',
      'danglingCitation: 第51条',
    ]);
  });

  it('mark article labels and cross-references in a treaty document', () => {
    check(NAT, '/treaties/nat.md', ['articleLabel: 第5条', 'articleLabel: 第六条', 'citation: 前条']);
  });

  it('keep offsets in UTF-16 code units after a surrogate pair and across CRLF line breaks', () => {
    const { fixture, service } = indexFixture(`${NAT}//- /a.md\n𠮷野の注記。\r\n第5条を見よ。\r\n`);
    const analysis = fixture.files.get(uriOf('/a.md'))!;
    expect(analysis).toBe('𠮷野の注記。\r\n第5条を見よ。\r\n');
    const start = analysis.indexOf('第5条');
    expect(service.getSemanticTokens(uriOf('/a.md'))).toEqual([{ span: { start, end: start + 3 }, type: 'citation' }]);
  });
});
