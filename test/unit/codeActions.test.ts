// Code actions: quick fixes for citations of missing articles, of no particular treaty, and of treaties
// the workspace does not have.
import { describe, expect, it } from 'vitest';
import type { DiagnosticCode } from '../../server/src/core/index';
import type { DisplayLanguage } from '../../server/src/core/messages/index';
import { indexFixture } from '../fixture';

const NAT = `
//- /treaties/nat.md
---
treaty: nat
title: 北大西洋条約
short: NATO条約
---
## 第4条（協議）
締約国は、協議する。
## 第5条（集団防衛）
締約国は、武力攻撃を全締約国に対する攻撃とみなす。
## 第6条
範囲。
## 第12条
再検討。
`;

const HARBOR = `
//- /treaties/harbor.md
---
treaty: harbor
title: Convention on Harbor Safety
short: Harbor Convention
---
## Article 4 (Ships in distress)
A State Party shall admit a ship in distress.
`;

/**
 * The code actions at `$0` (for the given diagnostic codes; none given = every code), each as
 * `title ⇒ result`: the edited document (line breaks shown as ⏎), or the files it creates. Titles are in
 * the display language, Japanese unless `language` says otherwise.
 */
function check(source: string, expected: string[], codes: DiagnosticCode[] = [], language: DisplayLanguage = 'ja'): void {
  const { fixture, service } = indexFixture(source, { language });
  const { uri, offset } = fixture.cursor!;
  const actions = service.getCodeActions(uri, { start: offset, end: offset }, codes);
  const shown = actions.map((action) => {
    const created = action.edit.creates.map((create) => `create ${create.uri.replace('file://', '')}: ${create.text}`);
    const changed = action.edit.changes.map(({ uri: target, edits }) => {
      let text = fixture.files.get(target)!;
      for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
      return text;
    });
    const command = action.command ? [`run ${action.command.command} ${JSON.stringify(action.command.arguments)}`] : [];
    return `${action.preferred ? '★ ' : ''}${action.title} ⇒ ${[...created, ...changed, ...command].join(' | ').trimEnd().replace(/\r?\n/g, '⏎')}`;
  });
  expect(shown).toEqual(expected);
}

describe('quick fixes for an article the treaty does not have', () => {
  it('offer the nearest existing articles, the nearest preferred', () => {
    check(`${NAT}//- /a.md\n北大西洋条約第$07条を見よ。\n`, [
      '★ 第6条に直す ⇒ 北大西洋条約第6条を見よ。',
      '第5条（集団防衛）に直す ⇒ 北大西洋条約第5条を見よ。',
      '第4条（協議）に直す ⇒ 北大西洋条約第4条を見よ。',
    ]);
  });

  it('keep the script of the number and of the treaty name', () => {
    check(`${NAT}//- /a.md\nNATO条約第十$0三条を見よ。\n`, [
      '★ 第12条に直す ⇒ NATO条約第十二条を見よ。',
      '第6条に直す ⇒ NATO条約第六条を見よ。',
      '第5条（集団防衛）に直す ⇒ NATO条約第五条を見よ。',
    ]);
  });

  it('speak the display language, whatever the document is written in', () => {
    check(`${HARBOR}//- /a.md\nSee Article $05 of the Harbor Convention.\n`, ['★ Change to Article 4 (Ships in distress) ⇒ See Article 4 of the Harbor Convention.'], [], 'en');
    check(`${HARBOR}//- /a.md\nSee Article $05 of the Harbor Convention.\n`, ['★ Article 4（Ships in distress）に直す ⇒ See Article 4 of the Harbor Convention.']);
    check(`${NAT}//- /a.md\n北大西洋条約第$07条を見よ。\n`, ['★ Change to 第6条 ⇒ 北大西洋条約第6条を見よ。', 'Change to 第5条 (集団防衛) ⇒ 北大西洋条約第5条を見よ。', 'Change to 第4条 (協議) ⇒ 北大西洋条約第4条を見よ。'], [], 'en');
  });

  it('offer nothing when only other codes are asked for', () => {
    check(`${NAT}//- /a.md\n北大西洋条約第$07条を見よ。\n`, [], ['ambiguous-treaty']);
  });
});

describe('quick fixes for a citation of no particular treaty', () => {
  it('offer to qualify it with each treaty, or to put a cites directive before its paragraph', () => {
    check(`${NAT}${HARBOR}//- /a.md\n# 見出し\n\n前の文。\n第$05条を見よ。\n`, [
      '「Harbor Convention第5条」と条約名を付ける ⇒ # 見出し⏎⏎前の文。⏎Harbor Convention第5条を見よ。',
      '「NATO条約第5条」と条約名を付ける ⇒ # 見出し⏎⏎前の文。⏎NATO条約第5条を見よ。',
      'この段落の前に <!-- cites: harbor --> を置く（Convention on Harbor Safety） ⇒ # 見出し⏎⏎<!-- cites: harbor -->⏎前の文。⏎第5条を見よ。',
      'この段落の前に <!-- cites: nat --> を置く（北大西洋条約） ⇒ # 見出し⏎⏎<!-- cites: nat -->⏎前の文。⏎第5条を見よ。',
    ]);
  });

  it('qualify an English citation after the article, and keep CRLF line breaks', () => {
    check(`${NAT}${HARBOR}//- /a.md\r\nIntro.\r\nSee Article $04.\r\n`, [
      "Qualify as 'Article 4 of the Harbor Convention' ⇒ Intro.⏎See Article 4 of the Harbor Convention.",
      "Qualify as 'Article 4 of the NATO条約' ⇒ Intro.⏎See Article 4 of the NATO条約.",
      'Add <!-- cites: harbor --> before this paragraph (Convention on Harbor Safety) ⇒ <!-- cites: harbor -->⏎Intro.⏎See Article 4.',
      'Add <!-- cites: nat --> before this paragraph (北大西洋条約) ⇒ <!-- cites: nat -->⏎Intro.⏎See Article 4.',
    ], [], 'en');
  });
});

describe('quick fixes for a treaty the workspace does not have', () => {
  it('offer a treaty document next to the other treaties, the cited name its title and alias, a heading for each article cited', () => {
    check(`${NAT}//- /a.md\n日米安全保障条約第$05条を見よ。日米安全保障条約第10条も見よ。\n//- /b.md\n日米安全保障条約第6条及び第5条による。\n`, [
      '「日米安全保障条約」の条約文書 日米安全保障条約.md を作る ⇒ create /treaties/%E6%97%A5%E7%B1%B3%E5%AE%89%E5%85%A8%E4%BF%9D%E9%9A%9C%E6%9D%A1%E7%B4%84.md: ---⏎treaty: 日米安全保障条約⏎title: 日米安全保障条約⏎aliases:⏎  - 日米安全保障条約⏎---⏎⏎# 日米安全保障条約⏎⏎## 第5条⏎⏎## 第6条⏎⏎## 第10条',
    ]);
  });

  it('create it at the workspace root when there are no treaties, with an id made from an English name', () => {
    check(`//- /notes/a.md\nSee Article $05 of the Geneva Convention.\n//- /notes/b.md\nNothing.\n`, [
      'Create a treaty document for Geneva Convention (geneva-convention.md) ⇒ create /notes/geneva-convention.md: ---⏎treaty: geneva-convention⏎title: Geneva Convention⏎aliases:⏎  - Geneva Convention⏎---⏎⏎# Geneva Convention⏎⏎## Article 5',
    ], [], 'en');
  });

  it('name the file without the half surrogate pair that PDF extraction left in the name', () => {
    check(`//- /notes/a.md\n「日米\udc00安全保障条約」第$05条を見よ。\n`, [
      '「日米\udc00安全保障条約」の条約文書 日米安全保障条約.md を作る ⇒ create /notes/%E6%97%A5%E7%B1%B3%E5%AE%89%E5%85%A8%E4%BF%9D%E9%9A%9C%E6%9D%A1%E7%B4%84.md: ---⏎treaty: 日米安全保障条約⏎title: 日米\udc00安全保障条約⏎aliases:⏎  - 日米\udc00安全保障条約⏎---⏎⏎# 日米\udc00安全保障条約⏎⏎## 第5条',
    ]);
  });

  it('offer a Japanese law from e-Gov, asked for by the law number written with a citation of it, else by its name', () => {
    const folder = 'file:///treaties/';
    check(`${NAT}//- /a.md\n自衛隊法第$0七十六条による。\n//- /b.md\n自衛隊法（昭和二十九年法律第百六十五号）第三条を見よ。\n`, [
      `「自衛隊法」を e-Gov から取り込む ⇒ run treatyAnnotator.importTreaty [{"source":"egov:329AC0000000165","name":"自衛隊法","folder":"${folder}"}]`,
      '「自衛隊法」の条約文書 自衛隊法.md を作る ⇒ create /treaties/%E8%87%AA%E8%A1%9B%E9%9A%8A%E6%B3%95.md: ---⏎treaty: 自衛隊法⏎title: 自衛隊法⏎aliases:⏎  - 自衛隊法⏎---⏎⏎# 自衛隊法⏎⏎## 第3条⏎⏎## 第76条',
    ]);
    expect(
      (() => {
        const { fixture, service } = indexFixture(`${NAT}//- /a.md\n事態対処法第$02条による。\n`);
        return service.getCodeActions(fixture.cursor!.uri, { start: fixture.cursor!.offset, end: fixture.cursor!.offset }, ['unknown-treaty'])[0]!.command!.arguments;
      })(),
    ).toEqual([{ source: 'egov:事態対処法', name: '事態対処法', folder }]);
  });
});

const CANADA = `
//- /treaties/ca-1986.md
---
treaty: ca-1986
title: 所得に対する租税に関する二重課税の回避のための日本国とカナダとの間の条約
short: カナダ租税条約
---
## 第5条（恒久的施設）
恒久的施設とは、事業を行う一定の場所をいう。
//- /treaties/ca-2024.md
---
treaty: ca-2024
title: 日本国とカナダとの間の租税条約
short: カナダ租税条約
---
## 第5条（恒久的施設）
恒久的施設とは、事業を行う一定の場所をいう。
`;

describe('quick fixes for a name two treaties go by', () => {
  it('offer a cites directive for each before the paragraph, and put back the one in force after it', () => {
    check(`${NAT}${CANADA}//- /a.md\n---\ncites: nat\n---\n前の段落。\n\nカナダ租税条約第$05条は、\n恒久的施設を定める。\n\n第5条を見よ。\n`, [
      'ここでは ca-1986（treaties/ca-1986.md）を指す：この段落の前に <!-- cites: ca-1986 --> を置く ⇒ ---⏎cites: nat⏎---⏎前の段落。⏎⏎<!-- cites: ca-1986 -->⏎カナダ租税条約第5条は、⏎恒久的施設を定める。⏎<!-- cites: nat -->⏎⏎第5条を見よ。',
      'ここでは ca-2024（treaties/ca-2024.md）を指す：この段落の前に <!-- cites: ca-2024 --> を置く ⇒ ---⏎cites: nat⏎---⏎前の段落。⏎⏎<!-- cites: ca-2024 -->⏎カナダ租税条約第5条は、⏎恒久的施設を定める。⏎<!-- cites: nat -->⏎⏎第5条を見よ。',
    ]);
  });

  it('put back nothing when no directive was in force, and put it back on a line of its own at the end of a file without a last line break', () => {
    check(
      `${CANADA}//- /a.md\r\nSee カナダ租税条約第$05条.`,
      [
        'Cite ca-1986 (treaties/ca-1986.md) here: add <!-- cites: ca-1986 --> before this paragraph ⇒ <!-- cites: ca-1986 -->⏎See カナダ租税条約第5条.',
        'Cite ca-2024 (treaties/ca-2024.md) here: add <!-- cites: ca-2024 --> before this paragraph ⇒ <!-- cites: ca-2024 -->⏎See カナダ租税条約第5条.',
      ],
      [],
      'en',
    );
    check(`${NAT}${CANADA}//- /a.md\r\n<!-- cites: nat -->\r\nSee カナダ租税条約第$05条.`, [
      'ここでは ca-1986（treaties/ca-1986.md）を指す：この段落の前に <!-- cites: ca-1986 --> を置く ⇒ <!-- cites: nat -->⏎<!-- cites: ca-1986 -->⏎See カナダ租税条約第5条.⏎<!-- cites: nat -->',
      'ここでは ca-2024（treaties/ca-2024.md）を指す：この段落の前に <!-- cites: ca-2024 --> を置く ⇒ <!-- cites: nat -->⏎<!-- cites: ca-2024 -->⏎See カナダ租税条約第5条.⏎<!-- cites: nat -->',
    ]);
  });
});
