// Rename: renumbering an article from its label updates the label and every citation of it, each number
// in the script it is written in; anything else is refused with a reason in the display language.
import { describe, expect, it } from 'vitest';
import type { DisplayLanguage } from '../../server/src/core/messages/index';
import { dedent, indexFixture } from '../fixture';

const NAT = `
//- /treaties/nat.md
---
treaty: nat
title: 北大西洋条約
short: NATO条約
---
## 第5条（集団防衛）
締約国は、武力攻撃を全締約国に対する攻撃とみなす。
## 第$06条（適用地域）
第5条の武力攻撃には、次の攻撃を含む。
２　前項の規定は、第6条の2の場合には適用しない。
## 第6条の2
特則。
`;

/**
 * Prepares a rename at `$0`, then renames to `newName`. Shows `refused: reason` (in `language`), or every
 * changed file after the edits, as `//- /path` followed by its text.
 */
function check(source: string, newName: string, expected: string, language: DisplayLanguage = 'ja'): void {
  const { fixture, service } = indexFixture(dedent(source), { language });
  const { uri, offset } = fixture.cursor!;
  const prepared = service.prepareRename(uri, offset);
  let shown: string;
  if (!prepared.ok) {
    shown = `refused: ${prepared.reason}`;
  } else {
    expect(fixture.files.get(uri)!.slice(prepared.span.start, prepared.span.end)).toBe(prepared.placeholder);
    const result = service.rename(uri, offset, newName);
    shown = result.ok
      ? result.edit.changes
          .map(({ uri: changed, edits }) => {
            let text = fixture.files.get(changed)!;
            for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
            return `//- ${changed.replace('file://', '')}\n${text}`;
          })
          .sort()
          .join('')
      : `refused: ${result.reason}`;
  }
  expect(shown).toBe(dedent(expected).replace(/^\n/, ''));
}

const SMALL = `
//- /treaties/t.md
---
treaty: t
title: T条約
---
## 第$06条
本文。
`;

describe('renaming an article', () => {
  it('renumbers the label and every citation, keeping each number’s script', () => {
    check(
      `${NAT}//- /a.md\n北大西洋条約第6条、第６条第2項及び第六条を見る。第5条と同条は変わらない。\n`,
      '第7条',
      `
      //- /a.md
      北大西洋条約第7条、第７条第2項及び第七条を見る。第5条と同条は変わらない。
      //- /treaties/nat.md
      ---
      treaty: nat
      title: 北大西洋条約
      short: NATO条約
      ---
      ## 第5条（集団防衛）
      締約国は、武力攻撃を全締約国に対する攻撃とみなす。
      ## 第7条（適用地域）
      第5条の武力攻撃には、次の攻撃を含む。
      ２　前項の規定は、第6条の2の場合には適用しない。
      ## 第6条の2
      特則。
      `,
    );
  });

  it('accepts the new name as a bare number, a full-width or kanji number, `第7条` or `Article 7`', () => {
    for (const name of ['7', '７', '七', '第7条', '第七条', 'Article 7']) {
      check(
        `${SMALL}//- /a.md\nT条約第6条。\n`,
        name,
        `
        //- /a.md
        T条約第7条。
        //- /treaties/t.md
        ---
        treaty: t
        title: T条約
        ---
        ## 第7条
        本文。
        `,
      );
    }
  });

  it('renumbers English citations and Roman labels in their own scripts', () => {
    check(
      `
      //- /treaties/h.md
      ---
      treaty: harbor
      title: Harbor Convention
      ---
      ## Article $0IV
      Ships in distress.
      //- /a.md
      See Article 4 of the Harbor Convention and Article IV. Articles 2 to 4 apply.
      `,
      'Article 9',
      `
      //- /a.md
      See Article 9 of the Harbor Convention and Article IX. Articles 2 to 9 apply.
      //- /treaties/h.md
      ---
      treaty: harbor
      title: Harbor Convention
      ---
      ## Article IX
      Ships in distress.
      `,
    );
  });

  it('renumbers the article in the treaty’s other language versions too', () => {
    check(
      `${SMALL}//- /treaties/t.en.md
---
treaty: t
title: Treaty T
lang: en
---
## Article 6
Text.
`,
      '7',
      `
      //- /treaties/t.en.md
      ---
      treaty: t
      title: Treaty T
      lang: en
      ---
      ## Article 7
      Text.
      //- /treaties/t.md
      ---
      treaty: t
      title: T条約
      ---
      ## 第7条
      本文。
      `,
    );
  });

  it('keeps offsets right after a surrogate pair and with CRLF line breaks', () => {
    check(
      `${SMALL}//- /a.md\n𠮷田はT条約第6条を引く。\r\n次に第6条。\r\n`,
      '8',
      `
      //- /a.md
      𠮷田はT条約第8条を引く。\r
      次に第8条。\r
      //- /treaties/t.md
      ---
      treaty: t
      title: T条約
      ---
      ## 第8条
      本文。
      `,
    );
  });

  it('refuses a number the treaty already has', () => {
    check(NAT, '第5条', 'refused: 第5条は既にあります');
    check(NAT, '6の2', 'refused: 第6条の2は既にあります');
  });

  it('refuses a new name that is not an article number', () => {
    check(NAT, '集団防衛', 'refused: 「集団防衛」は条番号として読めません（7、第7条、Article 7 のように書いてください）');
  });
});

describe('where rename is refused', () => {
  it('refuses on a citation, pointing to the article label', () => {
    check(
      `${NAT.replace('$0', '')}//- /a.md\n第$06条を見る。\n`,
      '第7条',
      'refused: 条番号の変更は条約文書の見出し（第6条）の上で行ってください。引用はすべてそれに合わせて変わります',
    );
  });

  it('refuses in plain prose, saying why in the display language', () => {
    check(
      `${NAT.replace('$0', '')}//- /a.md\nThe $0treaty is old.\n`,
      '7',
      'refused: Nothing to rename here: put the cursor on an article label (第5条, Article 5) in a treaty document',
      'en',
    );
    check(`${NAT.replace('$0', '')}//- /a.md\nThe $0treaty is old.\n`, '7', 'refused: ここには名前を変更できるものがありません。条約文書の条の見出し（第5条など）の上で実行してください');
  });
});
