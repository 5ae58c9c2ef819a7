// Resolution: which treaty and which provision each citation names, by the rules in ARCHITECTURE.md.
import { describe, expect, it } from 'vitest';
import { dedent, indexFixture, uriOf } from '../fixture';

const NAT = dedent(`
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
  ２　前項の措置は、報告しなければならない。
  ## 第6条（適用地域）
  前条の武力攻撃には、次の攻撃を含む。
  一　領域に対する攻撃
  二　船舶に対する攻撃
`);

const OTHER = dedent(`
  //- /treaties/other.md
  ---
  treaty: other
  title: 海洋協力協定
  aliases: [海洋協定]
  ---
  ## 第1条
  目的。
  ## 第2条
  定義。
  ## 第6条
  範囲。
`);

/** Resolves the analysis `/a.md` of the fixture and lists `text → treaty article(paragraph)[item] status` per citation. */
function check(analysis: string, treaties: string = NAT + OTHER): string[] {
  const { service } = indexFixture(`${treaties}\n//- /a.md\n${dedent(analysis)}`);
  return service.getCitations(uriOf('/a.md')).map((citation) => {
    const provision = `${citation.article ?? '-'}${citation.paragraph !== null ? `(${citation.paragraph})` : ''}${citation.item !== null ? `[${citation.item}]` : ''}`;
    return `${citation.text.replace(/\s+/g, '')} → ${citation.treatyId ?? citation.treatyName ?? '?'} ${provision} ${citation.status}`;
  });
}

describe('which treaty a citation belongs to', () => {
  it('takes an explicit name before the article', () => {
    expect(check('北大西洋条約第5条を参照。')).toEqual(['北大西洋条約第5条 → nat 5 resolved']);
  });

  it('passes the name along a list and a range', () => {
    expect(check('北大西洋条約第4条及び第5条。')).toEqual(['北大西洋条約第4条 → nat 4 resolved', '第5条 → nat 5 resolved']);
  });

  it('takes the sentence topic even when that treaty is not in the workspace', () => {
    expect(check('国連憲章は、第51条で自衛権を定める。')).toEqual(['第51条 → 国連憲章 51 unknown-treaty']);
  });

  it('carries a qualifier over to a later citation of the same sentence, and no further', () => {
    expect(check('---\ncites: other\n---\n北大西洋条約第5条に基づく集団防衛は、第６条で地域が限定される。次に第2条を見る。')).toEqual([
      '北大西洋条約第5条 → nat 5 resolved',
      '第６条 → nat 6 resolved',
      '第2条 → other 2 resolved',
    ]);
  });

  it('falls back to the cites: front matter, then to a cites directive from its point on', () => {
    expect(check('---\ncites: other\n---\n第6条を見る。\n<!-- cites: nat -->\n第6条を見る。')).toEqual([
      '第6条 → other 6 resolved',
      '第6条 → nat 6 resolved',
    ]);
  });

  it('falls back to the treaty the document names most', () => {
    expect(check('北大西洋条約の話。北大西洋条約は重要だ。海洋協力協定もある。\n\n第5条を見る。')).toContain('第5条 → nat 5 resolved');
  });

  it('falls back to the only treaty of the workspace', () => {
    expect(check('第5条を見る。', NAT)).toEqual(['第5条 → nat 5 resolved']);
  });

  it('calls an unqualified citation ambiguous when nothing decides', () => {
    expect(check('第5条を見る。')).toEqual(['第5条 → ? 5 ambiguous-treaty']);
  });

  it('binds an alias defined in the text to the treaty with that title', () => {
    expect(check('「海洋協力協定」（以下「本協定」という。）の話。本協定第2条を見る。')).toContain('本協定第2条 → other 2 resolved');
  });
});

describe('the instrument a document is about, when its text is not in the workspace', () => {
  it('gives unqualified articles to the treaty the note names and shortens, not to a workspace treaty', () => {
    expect(
      check(`
        「日本国とアメリカ合衆国との間の相互協力及び安全保障条約」（以下「日米安保条約」という。）は1960年に署名された。
        日米安保条約は、前文と全10か条から成る。極東条項は第6条に置かれ、共同防衛は第5条が定める。

        北大西洋条約との違いは、適用地域（第6条）にある。
      `),
    ).toEqual([
      '前文 → 日本国とアメリカ合衆国との間の相互協力及び安全保障条約 - unknown-treaty',
      '第6条 → 日本国とアメリカ合衆国との間の相互協力及び安全保障条約 6 unknown-treaty',
      '第5条 → 日本国とアメリカ合衆国との間の相互協力及び安全保障条約 5 unknown-treaty',
      '第6条 → 日本国とアメリカ合衆国との間の相互協力及び安全保障条約 6 unknown-treaty',
    ]);
  });

  it('counts the names in the front matter title and the headings', () => {
    expect(check('---\ntitle: 日米地位協定の運用\n---\n## 日米地位協定と裁判権\n\n北大西洋条約にも似た規定がある。裁判権は第17条による。')).toEqual([
      '第17条 → 日米地位協定 17 unknown-treaty',
    ]);
  });

  it('reads an English note about the Washington Treaty the same way', () => {
    expect(check('The Washington Treaty was signed in 1949. The Washington Treaty binds twelve states.\n\nArticle 5 is the core.', OTHER)).toEqual([
      'Article5 → Washington Treaty 5 unknown-treaty',
    ]);
  });

  it('still prefers the one treaty named more often when both are in the workspace', () => {
    expect(check('海洋協力協定の解説。海洋協定の運用。北大西洋条約にも触れる。\n\n第2条を見る。')).toEqual(['第2条 → other 2 resolved']);
  });

  it('leaves a citation ambiguous when the document names nothing and the workspace has two treaties', () => {
    expect(check('ここでは第2条を見る。')).toEqual(['第2条 → ? 2 ambiguous-treaty']);
  });
});

describe('anaphora and relative citations in analyses', () => {
  it('resolves 同条 to the article of the last citation', () => {
    expect(check('北大西洋条約第5条第1項及び同条第2項。')).toEqual(['北大西洋条約第5条第1項 → nat 5(1) resolved', '同条第2項 → nat 5(2) resolved']);
  });

  it('reports 同条 with nothing before it', () => {
    expect(check('同条第2項を見る。', NAT)).toEqual(['同条第2項 → ? -(2) no-antecedent']);
  });
});

describe('resolutions, declarations, statements and reports', () => {
  /** `text → instrument provision status scope` for each citation of the analysis. */
  const withScope = (analysis: string): string[] => {
    const { service } = indexFixture(`${NAT}\n//- /a.md\n${dedent(analysis)}`);
    return service.getCitations(uriOf('/a.md')).map((citation) => `${citation.text} → ${citation.treatyId ?? citation.treatyName ?? '?'} ${citation.article ?? '-'}(${citation.paragraph}) ${citation.status} ${citation.scope}`);
  };

  it('gives 同決議 the resolution named last, not the treaty cited after it', () => {
    expect(withScope('安保理は1999年6月に安保理決議第1244号を採択した。北大西洋条約第5条の発動とは別に、同決議第9項が治安部隊の任務を定める。')).toEqual([
      '北大西洋条約第5条 → nat 5(null) resolved qualifier',
      '同決議第9項 → 安保理決議第1244号 -(9) unknown-treaty same-genre',
    ]);
  });

  it('gives 同宣言, 同共同声明 and 同報告 the last of their own kind, each past the others', () => {
    expect(
      withScope(`
        日ソ共同宣言は国交を回復し、日中共同声明は国交を正常化した。ブラヒミ報告は平和活動の改革を説いた。
        同宣言第9項は島の引渡しを、同共同声明第6項は紛争の平和的解決を、同報告第48項は交戦規則を扱う。
      `),
    ).toEqual([
      '同宣言第9項 → 日ソ共同宣言 -(9) unknown-treaty same-genre',
      '同共同声明第6項 → 日中共同声明 -(6) unknown-treaty same-genre',
      '同報告第48項 → ブラヒミ報告 -(48) unknown-treaty same-genre',
    ]);
  });

  it('finds no antecedent for 同決議 after a common noun or a treaty only', () => {
    expect(withScope('理事会は決議を採択し、北大西洋条約第5条にも触れた。同決議第2項は停戦を求める。')).toEqual([
      '北大西洋条約第5条 → nat 5(null) resolved qualifier',
      '同決議第2項 → ? -(2) no-antecedent same-genre',
    ]);
  });

  it('cites a numbered resolution by its paragraph, without the article of a treaty cited before it', () => {
    expect(withScope('北大西洋条約第5条とは別に、安保理決議第1244号第9項及び第10項が国際的な治安部隊を置いた。')).toEqual([
      '北大西洋条約第5条 → nat 5(null) resolved qualifier',
      '安保理決議第1244号第9項 → 安保理決議第1244号 -(9) unknown-treaty qualifier',
      '第10項 → 安保理決議第1244号 -(10) unknown-treaty qualifier',
    ]);
  });
});

describe('checking the provision', () => {
  it('reports an article the treaty does not have', () => {
    expect(check('北大西洋条約第15条。')).toEqual(['北大西洋条約第15条 → nat 15 unknown-article']);
  });

  it('reports a paragraph and an item the article does not have', () => {
    expect(check('北大西洋条約第5条第3項と第6条第三号。')).toEqual([
      '北大西洋条約第5条第3項 → nat 5(3) unknown-paragraph',
      '第6条第三号 → nat 6[3] unknown-item',
    ]);
  });

  it('ignores citations in code spans, code blocks and front matter', () => {
    expect(check('---\ntitle2: 第5条\n---\n`第5条` と\n```\n第6条\n```\n', NAT)).toEqual([]);
  });
});

/** Resolves the citations of a treaty document given as a fixture. */
function checkTreaty(treaty: string): string[] {
  const { service } = indexFixture(dedent(treaty));
  return service
    .getCitations(uriOf('/main.md'))
    .map((citation) => `${citation.text} → ${citation.treatyId ?? citation.treatyName} ${citation.article}(${citation.paragraph}) ${citation.status}`);
}

const LAW = (body: string) => `---\ntreaty: law\ntitle: 試験法\n---\n（目的）\n第一条　目的。\n２　手続。\n${body}`;

/** A statute of two chapters, with `first` in the first article and `second` in the second. */
const CHAPTERED = (first: string, second: string) =>
  `---\ntreaty: procedure\ntitle: 試験手続法\n---\n第一章　総則\n\n第一条　${first}\n\n第二章　申請\n\n第二条　${second}\n`;

/** The citations of `/main.md` with the first words of the division or provision they resolve to. */
function checkTargets(treaty: string): string[] {
  const { fixture, service } = indexFixture(treaty);
  const text = fixture.files.get(uriOf('/main.md'))!;
  return service
    .getCitations(uriOf('/main.md'))
    .map((citation) => `${citation.text} → ${citation.treatyId ?? citation.treatyName} ${citation.status}${citation.target ? ` ${text.slice(citation.target.span.start, citation.target.span.start + 6)}` : ''}`);
}

describe('statute forms', () => {
  it("keeps a chapter written after another law's part with that law", () => {
    expect(checkTargets(CHAPTERED('地方自治法（昭和二十二年法律第六十七号）第二編第十一章に定める監査による。', '申請する。'))).toEqual([
      '第二編 → 地方自治法 unchecked',
      '第十一章 → 地方自治法 unchecked',
    ]);
  });

  it('reads a short name the statute gives another law as that law', () => {
    expect(checkTargets(CHAPTERED('この法律は、行政手続法（平成五年法律第八十八号。以下「法」という。）の特例とする。', '法第十三条の規定は、適用しない。'))).toEqual([
      '第十三条 → 行政手続法 unknown-treaty',
    ]);
  });

  it('resolves 次章, 本章, 前章 and 同章 to the chapters they mean', () => {
    expect(checkTargets(CHAPTERED('次章に定めるもののほか、本章による。', '前章の規定にかかわらず、同章の例による。'))).toEqual([
      '次章 → procedure resolved 第二章　申請',
      '本章 → procedure resolved 第一章　総則',
      '前章 → procedure resolved 第一章　総則',
      '同章 → procedure resolved 第一章　総則',
    ]);
  });
});

describe('citations inside a treaty document', () => {
  it('gives 航空法中 and a law named before a parenthesis the provisions that follow', () => {
    expect(checkTreaty(LAW('第二条　航空法中第十一条及び第十二条の規定は、適用しない。\n'))).toEqual([
      '第十一条 → 航空法 11(null) unknown-treaty',
      '第十二条 → 航空法 12(null) unknown-treaty',
    ]);
  });

  it('reads pointers quoted in a 読み替え clause relative to the quoted provision', () => {
    expect(checkTreaty(LAW('第二条　第一条第二項中「前項の規定」とあるのは「同項の規定」と読み替える。\n'))).toEqual([
      '第一条第二項 → law 1(2) resolved',
      '前項 → law 1(1) resolved',
      '同項 → law 1(1) resolved',
    ]);
  });

  it('gives 同条 in a replacement quote the article it refers back to, not the provision an earlier quote was anchored on', () => {
    expect(checkTreaty(LAW('第二条　港湾法第三十七条中「第五条」とあるのは「第六条」と、道路法第三十五条中「協議し」とあるのは「同条第一項の許可の権限を有する者に通知し」とする。\n'))).toEqual([
      '港湾法第三十七条 → 港湾法 37(null) unknown-treaty',
      '第五条 → 港湾法 5(null) unknown-treaty',
      '第六条 → 港湾法 6(null) unknown-treaty',
      '道路法第三十五条 → 道路法 35(null) unknown-treaty',
      '同条第一項 → 道路法 35(1) unknown-treaty',
    ]);
  });

  it('resolves 前条 and 前項 relative to where they stand', () => {
    const { service } = indexFixture(NAT);
    const citations = service.getCitations(uriOf('/treaties/nat.md')).map((citation) => `${citation.text} → ${citation.article}(${citation.paragraph}) ${citation.status}`);
    expect(citations).toEqual(['前項 → 5(1) resolved', '前条 → 5(null) resolved']);
  });
});
