// Completion: articles of the treaty in scope after `第` / `Article `, paragraphs after `同条第` / `第5条第`,
// treaty names after `「`, treaty ids in `cites:` front matter and directives.
import { describe, expect, it } from 'vitest';
import { indexFixture } from '../fixture';

const NAT = `
//- /treaties/nat.md
---
treaty: nat
title: 北大西洋条約
short: NATO条約
aliases: [北大西洋同盟条約]
---
## 第4条（協議）
締約国は、いずれかの締約国の領土保全が脅かされていると認めたときは、いつでも協議する。
## 第5条（集団防衛）
締約国は、武力攻撃を全締約国に対する攻撃とみなす。
２　前項の措置は、安全保障理事会に報告しなければならない。
## 第6条
範囲。
`;

const OTHER = `
//- /treaties/other.md
---
treaty: other
title: 海洋協力協定
---
## 第1条（目的）
海洋の平和的利用。
## 第2条（定義）
用語の定義。
`;

const HARBOR = `
//- /treaties/harbor.md
---
treaty: harbor
title: Harbor Convention
---
## Article 1
Definitions.
## Article 2 (Authorities)
Each State Party shall designate a port authority.
`;

/**
 * Completions at `$0`, each as `label (detail): documentation ⇒ the cursor's line after accepting it`.
 * Details and documentation are left out when null.
 */
function check(source: string, expected: string[]): void {
  const { fixture, service } = indexFixture(source);
  const { uri, offset } = fixture.cursor!;
  const text = fixture.files.get(uri)!;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const items = [...service.getCompletions(uri, offset)].sort((a, b) => (a.sortText < b.sortText ? -1 : 1));
  const shown = items.map((item) => {
    const edited = text.slice(0, item.edit.span.start) + item.edit.newText + text.slice(item.edit.span.end);
    const lineEnd = edited.indexOf('\n', lineStart);
    const line = edited.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '');
    return `${item.label}${item.detail ? ` (${item.detail})` : ''}${item.documentation ? `: ${item.documentation}` : ''} ⇒ ${line}`;
  });
  expect(shown).toEqual(expected);
}

describe('completing article numbers', () => {
  it('offer the articles of the only treaty after 第, with caption and first words', () => {
    check(`${NAT}//- /a.md\n条約の第$0\n`, [
      '第4条 (協議): 締約国は、いずれかの締約国の領土保全が脅かされていると認めたときは、いつでも協議する。 ⇒ 条約の第4条',
      '第5条 (集団防衛): 締約国は、武力攻撃を全締約国に対する攻撃とみなす。 ２ 前項の措置は、安全保障理事会に報告しなければならない。 ⇒ 条約の第5条',
      '第6条: 範囲。 ⇒ 条約の第6条',
    ]);
  });

  it('take the treaty named before 第', () => {
    check(`${NAT}${OTHER}//- /a.md\n北大西洋条約第5条を見た。海洋協力協定第$0\n`, ['第1条 (目的): 海洋の平和的利用。 ⇒ 北大西洋条約第5条を見た。海洋協力協定第1条', '第2条 (定義): 用語の定義。 ⇒ 北大西洋条約第5条を見た。海洋協力協定第2条']);
    check(`${NAT}${OTHER}//- /a.md\n北大西洋同盟条約第$0\n`, [
      '第4条 (協議): 締約国は、いずれかの締約国の領土保全が脅かされていると認めたときは、いつでも協議する。 ⇒ 北大西洋同盟条約第4条',
      '第5条 (集団防衛): 締約国は、武力攻撃を全締約国に対する攻撃とみなす。 ２ 前項の措置は、安全保障理事会に報告しなければならない。 ⇒ 北大西洋同盟条約第5条',
      '第6条: 範囲。 ⇒ 北大西洋同盟条約第6条',
    ]);
  });

  it('follow the cites directive like resolution does, and offer nothing for a treaty not in the workspace', () => {
    check(`${NAT}${OTHER}//- /a.md\n<!-- cites: other -->\nここで第$0\n`, ['第1条 (目的): 海洋の平和的利用。 ⇒ ここで第1条', '第2条 (定義): 用語の定義。 ⇒ ここで第2条']);
    check(`${NAT}${OTHER}//- /a.md\n国連憲章第$0\n`, []);
  });

  it('replace the digits typed so far, in the script they are typed in, and a 条 already there', () => {
    check(`${OTHER}//- /a.md\n第2$0条を見よ。\n`, ['第1条 (目的): 海洋の平和的利用。 ⇒ 第1条を見よ。', '第2条 (定義): 用語の定義。 ⇒ 第2条を見よ。']);
    check(`${OTHER}//- /a.md\n第２$0\n`, ['第１条 (目的): 海洋の平和的利用。 ⇒ 第１条', '第２条 (定義): 用語の定義。 ⇒ 第２条']);
    check(`${OTHER}//- /a.md\n第二$0\n`, ['第一条 (目的): 海洋の平和的利用。 ⇒ 第一条', '第二条 (定義): 用語の定義。 ⇒ 第二条']);
  });

  it('offer articles after `Article `, inserting the number', () => {
    check(`${HARBOR}//- /a.md\nUnder the Harbor Convention, Article $0\n`, [
      'Article 1: Definitions. ⇒ Under the Harbor Convention, Article 1',
      'Article 2 (Authorities): Each State Party shall designate a port authority. ⇒ Under the Harbor Convention, Article 2',
    ]);
  });

  it('keep the edit in UTF-16 code units after a surrogate pair and on a CRLF line', () => {
    check(`${OTHER}//- /a.md\r\n前文。\r\n𠮷田は第$0\r\n`, ['第1条 (目的): 海洋の平和的利用。 ⇒ 𠮷田は第1条', '第2条 (定義): 用語の定義。 ⇒ 𠮷田は第2条']);
  });

  it('offer nothing after the word 次第', () => {
    check(`${OTHER}//- /a.md\n次第$0\n`, []);
  });

  it('offer nothing inside code, which is never a citation', () => {
    check(`${OTHER}//- /a.md\n\`第$0\` と書く。\n`, []);
    check(`${OTHER}//- /a.md\n\`\`\`\n第$0\n\`\`\`\n`, []);
    check(`${OTHER}//- /a.md\n\`code\` の後の第$0\n`, ['第1条 (目的): 海洋の平和的利用。 ⇒ `code` の後の第1条', '第2条 (定義): 用語の定義。 ⇒ `code` の後の第2条']);
  });
});

describe('completing paragraph numbers', () => {
  it('offer the paragraphs of the article 同条 refers to', () => {
    check(`${NAT}//- /a.md\n第5条は重要である。同条第$0\n`, [
      '第1項 (第5条第1項): 締約国は、武力攻撃を全締約国に対する攻撃とみなす。 ⇒ 第5条は重要である。同条第1項',
      '第2項 (第5条第2項): 前項の措置は、安全保障理事会に報告しなければならない。 ⇒ 第5条は重要である。同条第2項',
    ]);
  });

  it('offer the paragraphs of the preceding article inside a treaty', () => {
    check(`${NAT.replace('範囲。', '前条第$0')}`, [
      '第1項 (第5条第1項): 締約国は、武力攻撃を全締約国に対する攻撃とみなす。 ⇒ 前条第1項',
      '第2項 (第5条第2項): 前項の措置は、安全保障理事会に報告しなければならない。 ⇒ 前条第2項',
    ]);
  });

  it('offer the paragraphs of the article just cited', () => {
    check(`${NAT}${OTHER}//- /a.md\n北大西洋条約第５条第$0\n`, [
      '第1項 (第5条第1項): 締約国は、武力攻撃を全締約国に対する攻撃とみなす。 ⇒ 北大西洋条約第５条第1項',
      '第2項 (第5条第2項): 前項の措置は、安全保障理事会に報告しなければならない。 ⇒ 北大西洋条約第５条第2項',
    ]);
  });
});

describe('completing treaty names and ids', () => {
  it('offer titles, short names and aliases after 「', () => {
    check(`${NAT}${OTHER}//- /a.md\n「北$0\n`, [
      '北大西洋条約 (nat) ⇒ 「北大西洋条約',
      'NATO条約 (北大西洋条約) ⇒ 「NATO条約',
      '北大西洋同盟条約 (北大西洋条約) ⇒ 「北大西洋同盟条約',
      '海洋協力協定 (other) ⇒ 「海洋協力協定',
    ]);
  });

  it('offer ids in cites: front matter and in a cites directive', () => {
    check(`${NAT}${OTHER}//- /a.md\n---\ncites: $0\n---\n本文。\n`, ['nat (北大西洋条約) ⇒ cites: nat', 'other (海洋協力協定) ⇒ cites: other']);
    check(`${NAT}${OTHER}//- /a.md\n本文。\n<!-- cites: o$0 -->\n`, ['nat (北大西洋条約) ⇒ <!-- cites: nat -->', 'other (海洋協力協定) ⇒ <!-- cites: other -->']);
  });
});
