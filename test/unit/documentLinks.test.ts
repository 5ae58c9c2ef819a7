// Document links: the treaty name of a qualified citation links to the treaty document.
import { describe, expect, it } from 'vitest';
import { dedent, indexFixture, uriOf } from '../fixture';

const TREATIES = `
//- /treaties/nat.md
---
treaty: nat
title: 北大西洋条約
short: NATO条約
---
## 第5条（集団防衛）
締約国は、武力攻撃を全締約国に対する攻撃とみなす。
## 第6条
範囲。
//- /treaties/harbor.md
---
treaty: harbor
title: Convention on Harbor Safety
short: Harbor Convention
---
## Article 4
A State Party shall admit a ship in distress.
`;

/** Every range labelled `link` in /a.md links to the document of the treaty named by the label's suffix. */
function check(analysis: string, expected: { label: string; target: string }[]): void {
  const { fixture, service } = indexFixture(`${TREATIES}//- /a.md\n${dedent(analysis)}`);
  const links = service.getDocumentLinks(uriOf('/a.md'));
  expect(links).toEqual(
    expected.map(({ label, target }) => {
      const range = fixture.range(label);
      return { span: { start: range.start, end: range.end }, target: { uri: uriOf(target), span: { start: 0, end: 0 } } };
    }),
  );
}

describe('document links', () => {
  it('link a Japanese treaty name before the article to the treaty', () => {
    check(
      `
      北大西洋条約第5条を見よ。
      ^^^^^^ nat
      `,
      [{ label: 'nat', target: '/treaties/nat.md' }],
    );
  });

  it('link an English treaty name after the article to the treaty', () => {
    check(
      `
      See Article 4 of the Harbor Convention.
                           ^^^^^^^^^^^^^^^^^ harbor
      `,
      [{ label: 'harbor', target: '/treaties/harbor.md' }],
    );
  });

  it('link a name shared by the members of a list once', () => {
    check(
      `
      NATO条約第5条及び第6条。
      ^^^^^^ nat
      `,
      [{ label: 'nat', target: '/treaties/nat.md' }],
    );
  });

  it('count positions in UTF-16 code units after a surrogate pair', () => {
    check(
      `
      𠮷田は北大西洋条約第5条を引く。
          ^^^^^^ nat
      `,
      [{ label: 'nat', target: '/treaties/nat.md' }],
    );
  });

  it('give no link for a treaty that is not in the workspace, or for an unqualified citation', () => {
    check(
      `
      国連憲章第51条と第5条。
      `,
      [],
    );
  });
});

describe('document links to e-Gov', () => {
  /** The links of /a.md as `linked text → url`. */
  function links(analysis: string, extra = ''): string[] {
    const { fixture, service } = indexFixture(`${TREATIES}${extra}//- /a.md\n${dedent(analysis)}`);
    const text = fixture.files.get(uriOf('/a.md'))!;
    return service.getDocumentLinks(uriOf('/a.md')).map((link) => `${text.slice(link.span.start, link.span.end)} → ${'url' in link.target ? link.target.url : link.target.uri}`);
  }

  it('link a law cited with its law number, and not in the workspace, to its page', () => {
    expect(links('𠮷田は自衛隊法（昭和二十九年法律第百六十五号）第七十六条第一項を引き、同法第七十八条にも触れる。')).toEqual([
      '自衛隊法（昭和二十九年法律第百六十五号） → https://laws.e-gov.go.jp/law/329AC0000000165',
    ]);
    expect(links('武力攻撃事態等における我が国の平和と独立並びに国及び国民の安全の確保に関する法律（平成十五年法律第七十九号。以下「事態対処法」という。）第二条第四号')).toEqual([
      '武力攻撃事態等における我が国の平和と独立並びに国及び国民の安全の確保に関する法律（平成十五年法律第七十九号。以下「事態対処法」という。） → https://laws.e-gov.go.jp/law/415AC0000000079',
    ]);
  });

  it('give no e-Gov link for a law in the workspace, a law cited without its number, or a cabinet order', () => {
    const statute = '//- /laws/jieitai.md\n---\ntreaty: jieitai\ntitle: 自衛隊法\n---\n## 第76条\n防衛出動。\n';
    expect(links('自衛隊法（昭和二十九年法律第百六十五号）第七十六条による。', statute)).toEqual(['自衛隊法 → file:///laws/jieitai.md']);
    expect(links('自衛隊法第七十六条による。')).toEqual([]);
    expect(links('自衛隊法施行令（昭和二十九年政令第百七十九号）第一条による。')).toEqual([]);
  });
});
