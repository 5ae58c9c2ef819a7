// Quotation check: a quotation attached to a citation is compared with the cited provision, forgiving what
// does not change meaning (width, PDF spaces and line breaks, ellipses, footnote digits, kanji article numbers)
// and reporting any other difference as `misquote`, with the closest passage and a quick fix.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/core/config';
import type { DisplayLanguage } from '../../server/src/core/messages/index';
import { dedent, indexFixture, uriOf } from '../fixture';

// The shape of the NDL examples: a treaty of which analyses quote articles 4 and 6.
const TREATY = dedent(`
  //- /treaties/dprk.md
  ---
  treaty: dprk
  title: 包括的戦略的パートナーシップ条約
  short: ロ朝条約
  lang: ja
  ---
  ## 第四条
  一方の締約国が、ある国又は複数の国から武力攻撃を受け、戦争状態に陥った場合に、他方の締約国は、国連憲章第五十一条並びにロシア連邦及び朝鮮民主主義人民共和国の法律に従い、その有する全ての手段を用いて、直ちに軍事援助及びその他の援助を提供しなければならない。
  ## 第六条
  締約国は、核兵器が、核による軍事紛争及び通常兵器による軍事紛争の発生を防止する上で重要な要素であるとともに、その使用が極端かつ強制的な手段となる抑止手段であることを認める。

  ２　この条の規定は、「国家安全保障」の概念を変更するものではない。
`);

const HARBOR = dedent(`
  //- /treaties/harbor.md
  ---
  treaty: harbor
  title: Convention on Harbor Safety
  short: Harbor Convention
  lang: en
  ---
  ## Article 4
  1. A State Party shall permit a ship in distress to enter the nearest suitable harbor under its jurisdiction.

  2. Such entry shall not by itself be regarded as entry for commercial purposes.
`);

/** A service over the fixture; its messages are Japanese unless `language` says otherwise. */
function service(source: string, settings?: unknown, language: DisplayLanguage = 'ja') {
  const { config } = mergeConfig(DEFAULT_CONFIG, settings);
  const { fixture, service: treatyService } = indexFixture(source, { ...config, language });
  return { fixture, service: treatyService };
}

/** The misquote diagnostics of /main.md as `severity «quoted words»: message`. */
function misquotes(analysis: string, settings?: unknown, workspace = TREATY, language: DisplayLanguage = 'ja'): string[] {
  const { fixture, service: treatyService } = service(`${dedent(analysis)}\n${workspace}`, settings, language);
  const text = fixture.files.get(uriOf('/main.md'))!;
  return treatyService
    .getDiagnostics(uriOf('/main.md'))
    .filter((diagnostic) => diagnostic.code === 'misquote')
    .map((diagnostic) => `${diagnostic.severity} «${text.slice(diagnostic.span.start, diagnostic.span.end)}»: ${diagnostic.message}`);
}

/** /main.md after the misquote quick fix at `$0`, with the fix's title. */
function fixed(analysis: string, workspace = TREATY): { title: string; text: string } | null {
  const { fixture, service: treatyService } = service(`${dedent(analysis)}\n${workspace}`);
  const { uri, offset } = fixture.cursor!;
  const action = treatyService.getCodeActions(uri, { start: offset, end: offset }, ['misquote'])[0];
  if (!action) return null;
  let text = fixture.files.get(uri)!;
  const edits = action.edit.changes.flatMap((change) => change.edits);
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
  return { title: action.title, text };
}

describe('quotations that match the cited provision', () => {
  it('are not reported, whole or in part', () => {
    expect(misquotes('第6条は、核兵器を「抑止手段」と位置付ける。第4条は「直ちに軍事援助及びその他の援助を提供しなければならない」と定める。')).toEqual([]);
  });

  it('forgive PDF line breaks and spaces, 第 51 条 for 第五十一条, a footnote digit and an ellipsis (the NDL example)', () => {
    expect(
      misquotes(`
        両国間の軍事援助について、第 4 条では、「一方の締約国が、ある国又は複数の国から武力

        攻撃を受け、戦争状態に陥った場合に、他方の締約国は、国連憲章第 51 条7並びにロシア連邦

        及び朝鮮民主主義人民共和国の法律に従い、…直ちに軍事援助

        及びその他の援助を提供しなければならない」と規定されている。
      `),
    ).toEqual([]);
  });

  it('forgive full-width letters and digits and 『』 for the treaty’s own 「」', () => {
    expect(misquotes('第6条第2項は「この条の規定は、『国家安全保障』の概念を変更するものではない。」とする。')).toEqual([]);
  });

  it('forgive the case of an English quotation’s first letter', () => {
    expect(misquotes('Article 4(1) says that "a State Party shall permit a ship in distress to enter the nearest suitable harbor".', undefined, HARBOR)).toEqual([]);
  });
});

describe('quotations that differ from the cited provision', () => {
  it('are reported on the quoted words, with the closest passage of the article', () => {
    expect(misquotes('第4条は「他方の締約国は、速やかに軍事援助を提供しなければならない」と定める。')).toEqual([
      'warning «他方の締約国は、速やかに軍事援助を提供しなければならない»: 引用がロ朝条約第4条の文言と一致しません。条文は「他方の締約国は、国連憲章第五十一条並びにロシア連邦及び朝鮮民主主義人民共和国の法律に従い、その有する全ての手段を用いて、直ちに軍事援助及びその他の援助を提供しなければならない」',
    ]);
  });

  it('are reported for one changed word, in English too', () => {
    expect(misquotes('Article 4(1) provides that "A State Party shall allow a ship in distress to enter the nearest suitable harbor under its jurisdiction."', undefined, HARBOR, 'en')).toEqual([
      'warning «A State Party shall allow a ship in distress to enter the nearest suitable harbor under its jurisdiction.»: The quotation does not match Article 4(1) of the Harbor Convention, which reads: "A State Party shall permit a ship in distress to enter the nearest suitable harbor under its jurisdiction."',
    ]);
  });

  it('are checked against the citation in parentheses just after them (the NDL example)', () => {
    expect(misquotes('ロシアの核兵器について、「…極端かつ強制的な手段となる抑止手段」と定義している（第 6 条第 1 項）。')).toEqual([]);
    expect(misquotes('ロシアの核兵器について、「…極端かつ強力な手段となる抑止手段」と定義している（第 6 条第 1 項）。')).toEqual([
      'warning «…極端かつ強力な手段となる抑止手段»: 引用がロ朝条約第6条第1項の文言と一致しません。条文は「極端かつ強制的な手段となる抑止手段」',
    ]);
  });

  it('are checked against the cited paragraph, and say so when the words are in another paragraph', () => {
    expect(misquotes('第6条第2項は「核による軍事紛争及び通常兵器による軍事紛争の発生を防止する」と定める。')).toEqual([
      'warning «核による軍事紛争及び通常兵器による軍事紛争の発生を防止する»: 引用された文言はロ朝条約第6条第2項にはなく、同条第1項にあります',
    ]);
  });

  it('take the severity the configuration gives, and can be turned off', () => {
    const analysis = '第4条は「他方の締約国は、速やかに軍事援助を提供しなければならない」と定める。';
    expect(misquotes(analysis, { severity: { misquote: 'error' } })[0]).toMatch(/^error /);
    expect(misquotes(analysis, { severity: { misquote: 'off' } })).toEqual([]);
  });

  it('are silenced by a suppression comment', () => {
    expect(misquotes('<!-- treaty-check-disable-next-line misquote -->\n第4条は「他方の締約国は、速やかに軍事援助を提供しなければならない」と定める。')).toEqual([]);
  });
});

describe('quotations that are not checked', () => {
  it('a quotation of a translation in another language than the workspace text', () => {
    expect(misquotes('Article 4 of the ロ朝条約 reads "the other Party shall immediately provide military assistance".')).toEqual([]);
    expect(misquotes('Article 4(1) は「締約国は、遭難した船舶の入港を拒否できる」と定める。', undefined, HARBOR)).toEqual([]);
  });

  it('a quotation with no citation before it in the same sentence, or after it in parentheses', () => {
    expect(misquotes('第4条は軍事援助を定める。学説は「速やかな援助」を重視する。')).toEqual([]);
  });

  it('an alias definition and a treaty name in quotation marks', () => {
    expect(misquotes('「包括的戦略的パートナーシップ条約」（以下「条約」という。）第4条を見る。')).toEqual([]);
  });

  it('a term in quotation marks that resembles nothing in the provision', () => {
    expect(misquotes('第4条は、いわば「自動参戦条項」である。')).toEqual([]);
  });

  it('a citation inside an earlier quotation: the next quotation belongs to the citation before both', () => {
    const treaty = dedent(`
      //- /treaties/t.md
      ---
      treaty: t
      title: T条約
      ---
      ## 第1条
      締約国は、第2条に定める措置をとる。
      ## 第2条
      締約国は、協議なしに措置をとらない。
    `);
    expect(misquotes('第1条は「締約国は、第2条に定める措置をとる」と定め、「措置をとる」義務を課す。', undefined, treaty)).toEqual([]);
  });

  it('a quotation attached to a range, which may come from any article in it', () => {
    expect(misquotes('第4条から第6条までは「速やかに援助する」ことを求める。')).toEqual([]);
  });
});

describe('quotations typed into an analysis', () => {
  // Long enough that an edit is re-read only around the paragraph it touches.
  const before = ['第4条は軍事援助を定める。', '第6条は核兵器の役割を認める。', '第4条の援助は直ちに行われる。'].join('\n\n');
  const misquoted = '第4条は「他方の締約国は、速やかに軍事援助を提供しなければならない」と定める。';

  it('are checked once typed into a text that had none, and dropped once deleted', () => {
    const { service: treatyService } = service(`//- /main.md\n${before}\n${TREATY}`);
    const main = uriOf('/main.md');
    const count = () => treatyService.getDiagnostics(main).filter((diagnostic) => diagnostic.code === 'misquote').length;
    expect(count()).toBe(0);
    treatyService.setDocument(main, `${before}\n\n${misquoted}\n`);
    expect(count()).toBe(1);
    treatyService.setDocument(main, `${before}\n\n${misquoted}\n\n第6条も見よ。\n`);
    expect(count()).toBe(1);
    treatyService.setDocument(main, `${before}\n\n第6条も見よ。\n`);
    expect(count()).toBe(0);
  });
});

describe('the quotation of one of several languages', () => {
  const VERSIONS = `${HARBOR}\n${dedent(`
    //- /treaties/harbor.ja.md
    ---
    treaty: harbor
    title: 港湾の安全に関する条約
    lang: ja
    ---
    ## 第4条
    締約国は、遭難した船舶が自国の管轄の下にある最も近い適当な港湾に入ることを認める。

    ２　前項の入港は、それ自体としては、商業上の目的のための入港とはみなされない。
  `)}`;

  it('is compared with the version in its own language', () => {
    expect(misquotes('港湾の安全に関する条約第4条第1項は「締約国は、遭難した船舶が自国の管轄の下にある最も近い適当な港湾に入ることを認める」とする。', undefined, VERSIONS)).toEqual([]);
    expect(misquotes('港湾の安全に関する条約第4条第1項は「締約国は、遭難した船舶が最も近い港湾に入ることを認める」とする。', undefined, VERSIONS)).toHaveLength(1);
    expect(misquotes('Article 4(1) of the Harbor Convention: "A State Party shall permit a ship in distress to enter the nearest suitable harbor".', undefined, VERSIONS)).toEqual([]);
  });
});

describe('the misquote quick fix', () => {
  it('replaces the quoted words with the treaty’s exact words', () => {
    expect(fixed('第4条は「他方の締約国は、直ちに軍事援$0助を提供しなければならない」と定める。')).toEqual({
      title: '条文の文言に直す：「他方の締約国は、国連憲章第五十一条並びにロシア連邦及び朝鮮民主主義人民共和国の法律に従い、その有する全ての手段を用いて、…」',
      text: '第4条は「他方の締約国は、国連憲章第五十一条並びにロシア連邦及び朝鮮民主主義人民共和国の法律に従い、その有する全ての手段を用いて、直ちに軍事援助及びその他の援助を提供しなければならない」と定める。\n',
    });
  });

  it('replaces only the part between ellipses that differs, and keeps the ellipsis', () => {
    expect(fixed('第4条は「一方の締約国が、…直ちに軍事援助及びその他の援助を提供しなければならぬ$0」と定める。')?.text).toBe(
      '第4条は「一方の締約国が、…直ちに軍事援助及びその他の援助を提供しなければならない」と定める。\n',
    );
  });

  it('joins the lines of a treaty written with line breaks, with a space between English words', () => {
    const treaty = dedent(`
      //- /treaties/nat.md
      ---
      treaty: nat
      title: North Atlantic Treaty
      lang: en
      ---
      Article 5

      The Parties agree that an armed attack against one
      or more of them shall be considered an attack against them all.
    `);
    expect(fixed('Article 5 provides that "an armed attack against one or more of them shall be deemed$0 an attack against them all".', treaty)?.text).toBe(
      'Article 5 provides that "an armed attack against one or more of them shall be considered an attack against them all".\n',
    );
  });

  it('puts the treaty’s 「」 inside a 「」 quotation as 『』', () => {
    expect(fixed('第6条第2項は「この条の規定は、『国家安全保障』の概念を改める$0ものではない。」とする。')?.text).toBe(
      '第6条第2項は「この条の規定は、『国家安全保障』の概念を変更するものではない。」とする。\n',
    );
  });
});

