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
