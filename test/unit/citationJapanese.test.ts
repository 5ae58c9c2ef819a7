// The Japanese citation grammar, rule by rule (test/data/corpus/citation-forms.md sections 1–5, 8, 9),
// then properties over generated citations, lists and hostile text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJapanese } from '../../server/src/core/citation/japanese';
import { MASK_CHARACTER, type CitationSyntax, type LevelRef } from '../../server/src/core/types';

function level(ref: LevelRef): string {
  switch (ref.kind) {
    case 'number':
      return ref.value;
    case 'same':
      return '同';
    case 'previous':
      return ref.count === 1 ? '前' : `前${ref.count}`;
    case 'next':
      return '次';
    case 'this':
      return '本';
    case 'each':
      return ref.previous ? '前各' : '各';
  }
}

/** One citation as `written: article=6 paragraph=2 …` (only the fields that are set). */
function describeCitation(text: string, citation: CitationSyntax, index: number): string {
  const fields: string[] = [];
  if (citation.article) fields.push(`article=${level(citation.article)}`);
  if (citation.paragraph) fields.push(`paragraph=${level(citation.paragraph)}`);
  if (citation.item) fields.push(`item=${level(citation.item)}`);
  if (citation.subitem) fields.push(`subitem=${citation.subitem}`);
  if (citation.part) fields.push(`part=${citation.part}`);
  if (citation.supplementary) fields.push('附則');
  if (citation.preamble) fields.push('前文');
  if (citation.annex) fields.push(`annex=${citation.annex}`);
  const qualifier = citation.qualifier;
  if (qualifier?.kind === 'name') fields.push(`name=${qualifier.name}`);
  if (qualifier?.kind === 'same') fields.push(`same=${qualifier.word}`);
  if (qualifier?.kind === 'this') fields.push(`this=${text.slice(qualifier.span.start, qualifier.span.end)}`);
  if (citation.seriesPrevious !== null) fields.push(`after=#${citation.seriesPrevious}`);
  if (citation.rangeRole) fields.push(citation.rangeRole);
  return `#${index} ${text.slice(citation.span.start, citation.span.end)}: ${fields.join(' ')}`;
}

function cite(text: string, treatyDocument = false): string[] {
  return scanJapanese(text, { treatyDocument }).citations.map((citation, index) => describeCitation(text, citation, index));
}

function spans(text: string, treatyDocument = false): string[] {
  return scanJapanese(text, { treatyDocument }).citations.map((citation) => text.slice(citation.span.start, citation.span.end));
}

describe('numbers and units', () => {
  it('reads half-width, full-width and kanji numerals, mixed in one citation', () => {
    expect(cite('第5条、第６条第２項、第二十三条、第千三百四十四条及び日米地位協定第二条第2項')).toEqual([
      '#0 第5条: article=5',
      '#1 第６条第２項: article=6 paragraph=2 after=#0',
      '#2 第二十三条: article=23 after=#1',
      '#3 第千三百四十四条: article=1344 after=#2',
      '#4 日米地位協定第二条第2項: article=2 paragraph=2 name=日米地位協定',
    ]);
  });

  it('joins branch numbers with underscores: 第六条の二 is 6_2, 第七十条の五の二 is 70_5_2, 第三号の二 is 2_2 of item', () => {
    expect(cite('第六条の二、第七十条の五の二第一項及び第三条第二号の二')).toEqual([
      '#0 第六条の二: article=6_2',
      '#1 第七十条の五の二第一項: article=70_5_2 paragraph=1 after=#0',
      '#2 第三条第二号の二: article=3 item=2_2 after=#1',
    ]);
  });

  it('does not read a count after の as a branch', () => {
    expect(spans('第3条の2つの義務')).toEqual(['第3条']);
  });

  it('reads 条, 項, 号 and イロハ sub-items down to one provision', () => {
    expect(cite('第七十一条の三の二第四項第四号イにおいて同じ。')).toEqual(['#0 第七十一条の三の二第四項第四号イ: article=71_3_2 paragraph=4 item=4 subitem=イ']);
  });

  it('does not read katakana words after 号 as sub-items', () => {
    expect(spans('同条第2号ロシア側の主張')).toEqual(['同条第2号']);
  });
});

describe('text pasted from PDFs', () => {
  it('keeps spaces inserted inside a citation in its span', () => {
    expect(cite('（第 6 条第 1 項）。（同条第 2 項）')).toEqual(['#0 第 6 条第 1 項: article=6 paragraph=1', '#1 同条第 2 項: article=同 paragraph=2']);
  });

  it('reads a citation broken across lines, blank line included', () => {
    expect(cite('（第\n5条）と北大西洋条約第\n\n5条')).toEqual(['#0 第\n5条: article=5', '#1 北大西洋条約第\n\n5条: article=5 name=北大西洋条約']);
  });

  it('removes line breaks from names but keeps them in spans', () => {
    const text = 'ここで日米安保条\n約第5条が問題となる。';
    const [citation] = scanJapanese(text, { treatyDocument: false }).citations;
    expect(citation!.qualifier).toEqual({ kind: 'name', name: '日米安保条約', span: { start: text.indexOf('日米'), end: text.indexOf('第') } });
    expect(text.slice(citation!.span.start, citation!.span.end)).toBe('日米安保条\n約第5条');
  });

  it('reads connectors with spaces inside (及 び)', () => {
    expect(spans('乙 は 第 1 項 及 び 第 2 項 に 定 める', true)).toEqual(['第 1 項', '第 2 項']);
  });

  it('skips footnote digits after a citation', () => {
    expect(cite('国連憲章第 51 条7並びにロシア連邦の法律に従い')).toEqual(['#0 国連憲章第 51 条: article=51 name=国連憲章']);
  });
});

describe('parts of a provision', () => {
  it('reads 前段, 後段, ただし書, 本文 and 柱書, with or without の', () => {
    expect(cite('自衛隊法第九十二条の二前段、第七十三条第一項ただし書、前項本文、第2条柱書及び「日米安全保障条約」第10条の前段')).toEqual([
      '#0 自衛隊法第九十二条の二前段: article=92_2 part=前段 name=自衛隊法',
      '#1 第七十三条第一項ただし書: article=73 paragraph=1 part=ただし書 after=#0',
      '#2 前項本文: paragraph=前 part=本文 after=#1',
      '#3 第2条柱書: article=2 part=柱書 after=#2',
      '#4 第10条の前段: article=10 part=前段 name=日米安全保障条約',
    ]);
  });

  it('reads the sentences of a provision (第一文及び第二文)', () => {
    expect(cite('(第一文及び第二文)')).toEqual(['#0 第一文: part=第1文', '#1 第二文: part=第2文 after=#0']);
  });
});

describe('anaphora and relative references', () => {
  it('reads 同条, 同項 and 同号 as the same level', () => {
    expect(cite('同条第三項後段の規定、同項の理由、同号ニ')).toEqual([
      '#0 同条第三項後段: article=同 paragraph=3 part=後段',
      '#1 同項: paragraph=同',
      '#2 同号ニ: item=同 subitem=ニ',
    ]);
  });

  it('reads 前条, 前二条, 次条, 本条 and この条', () => {
    expect(cite('前条第一項、前二条、次条第二項、本条及びこの条')).toEqual([
      '#0 前条第一項: article=前 paragraph=1',
      '#1 前二条: article=前2 after=#0',
      '#2 次条第二項: article=次 paragraph=2 after=#1',
      '#3 本条: article=本 after=#2',
      '#4 この条: article=本 after=#3',
    ]);
  });

  it('reads 前項, 前三項, 次項 and the item groups 各号, 前各号, 次の各号, 当該各号', () => {
    expect(cite('前項、前三項、次項第三号、第七十条第一項各号、前各号、次の各号、当該各号', true)).toEqual([
      '#0 前項: paragraph=前',
      '#1 前三項: paragraph=前3 after=#0',
      '#2 次項第三号: paragraph=次 item=3 after=#1',
      '#3 第七十条第一項各号: article=70 paragraph=1 item=各 after=#2',
      '#4 前各号: item=前各 after=#3',
      '#5 次の各号: item=各 after=#4',
      '#6 当該各号: item=各 after=#5',
    ]);
  });

  it('reads 前号 as an item only in treaties and statutes (in prose it is the previous issue)', () => {
    expect(spans('前号の艦艇は')).toEqual([]);
    expect(spans('三　前号に掲げる船舶', true)).toEqual(['前号']);
  });

  it('does not read 同 or 本 inside a word (共同, 日本, 基本条約)', () => {
    expect(spans('共同宣言と日本条約及び基本条約、同月17日の合意')).toEqual([]);
  });

  it('does not read a relative pointer quoted on its own: 「次の各号」とは', () => {
    expect(spans('第2条柱書の「次の各号」とは、同条各号をいう。')).toEqual(['第2条柱書', '同条各号']);
  });
});

describe('qualifiers: the instrument written before a citation', () => {
  it('puts a short name directly before the citation in its span', () => {
    expect(cite('国連憲章第51条と日米安保条約第5条')).toEqual([
      '#0 国連憲章第51条: article=51 name=国連憲章',
      '#1 日米安保条約第5条: article=5 name=日米安保条約',
    ]);
  });

  it('starts the span at 第 when the name is joined by の or quoted, and gives the name in the qualifier', () => {
    const text = '米国は北大西洋条約の第4条と、「友好協力相互援助条約」第1条を比べた。';
    const citations = scanJapanese(text, { treatyDocument: false }).citations;
    expect(citations.map((citation) => [text.slice(citation.span.start, citation.span.end), citation.qualifier])).toEqual([
      ['第4条', { kind: 'name', name: '北大西洋条約', span: { start: text.indexOf('北大西洋'), end: text.indexOf('の第4条') } }],
      ['第1条', { kind: 'name', name: '友好協力相互援助条約', span: { start: text.indexOf('「'), end: text.indexOf('第1条') } }],
    ]);
  });

  it('reads a long formal title, even past a law number and an alias definition in parentheses', () => {
    const text = '一　武力攻撃事態等　武力攻撃事態等における我が国の平和と独立並びに国及び国民の安全の確保に関する法律（平成十五年法律第七十九号。以下「事態対処法」という。）第一条に規定する';
    expect(cite(text)).toEqual(['#0 第一条: article=1 name=武力攻撃事態等における我が国の平和と独立並びに国及び国民の安全の確保に関する法律']);
  });

  it('reads a title that embeds a citation of another treaty', () => {
    expect(cite('日本国とアメリカ合衆国との間の相互協力及び安全保障条約第六条に基づく施設及び区域並びに日本国における合衆国軍隊の地位に関する協定第二条第一項')).toEqual([
      '#0 第六条: article=6 name=日本国とアメリカ合衆国との間の相互協力及び安全保障条約',
      '#1 第二条第一項: article=2 paragraph=1 name=日本国とアメリカ合衆国との間の相互協力及び安全保障条約第六条に基づく施設及び区域並びに日本国における合衆国軍隊の地位に関する協定',
    ]);
  });

  it('reads 同法, 同条約, 同協定 and bare 同 as the same instrument', () => {
    expect(cite('同法第百十五条の十一第一項、同条約の第5条、同協定第 6 条第 1 項、同第5条')).toEqual([
      '#0 同法第百十五条の十一第一項: article=115_11 paragraph=1 same=同法',
      '#1 第5条: article=5 same=同条約',
      '#2 同協定第 6 条第 1 項: article=6 paragraph=1 same=同協定',
      '#3 同第5条: article=5 same=同',
    ]);
  });

  it('reads 本条約 and この法律 before a citation as this instrument', () => {
    expect(cite('本条約第三条及び前条の規定、この法律第五条')).toEqual([
      '#0 本条約第三条: article=3 this=本条約',
      '#1 前条: article=前 after=#0',
      '#2 この法律第五条: article=5 this=この法律',
    ]);
  });

  it('does not glue the prose before a name onto it (及び, の, に対して)', () => {
    expect(cite('国際連合憲章第五十一条及び日米安保条約第五条、尖閣諸島に対して日米安保条約第5条')).toEqual([
      '#0 国際連合憲章第五十一条: article=51 name=国際連合憲章',
      '#1 日米安保条約第五条: article=5 name=日米安保条約',
      '#2 日米安保条約第5条: article=5 name=日米安保条約',
    ]);
  });

  it('reads 同条中 + a law name as the amendment instruction, not 中国', () => {
    expect(cite('（同条中国税通則法第十九条第四項第三号ハの改正規定')).toEqual([
      '#0 同条: article=同',
      '#1 国税通則法第十九条第四項第三号ハ: article=19 paragraph=4 item=3 subitem=ハ name=国税通則法',
    ]);
  });

  it('names a numbered instrument with its number (安保理決議第2231号第3項)', () => {
    expect(cite('安保理決議第2231号第3項')).toEqual(['#0 安保理決議第2231号第3項: paragraph=3 name=安保理決議第2231号']);
  });

  it('does not take a generic word for a name (条約の第4条)', () => {
    expect(cite('条約の第4条には')).toEqual(['#0 第4条: article=4']);
  });
});

describe('lists and ranges', () => {
  it('makes one citation per list member, each after the previous one', () => {
    expect(cite('第十条、第十一条並びに第十三条又は第十四条若しくは第十五条と第十六条・第十七条')).toEqual([
      '#0 第十条: article=10',
      '#1 第十一条: article=11 after=#0',
      '#2 第十三条: article=13 after=#1',
      '#3 第十四条: article=14 after=#2',
      '#4 第十五条: article=15 after=#3',
      '#5 第十六条: article=16 after=#4',
      '#6 第十七条: article=17 after=#5',
    ]);
  });

  it('leaves the missing higher levels of a member to be inherited from the previous one', () => {
    expect(cite('第4条第1項及び第2項、附則第四十条第二項及び第三項、第百五条')).toEqual([
      '#0 第4条第1項: article=4 paragraph=1',
      '#1 第2項: paragraph=2 after=#0',
      '#2 附則第四十条第二項: article=40 paragraph=2 附則 after=#1',
      '#3 第三項: paragraph=3 附則 after=#2',
      '#4 第百五条: article=105 附則 after=#3',
    ]);
  });

  it('reads a lone イロハ letter after a sub-item as the next sub-item (イからハまで, イ及びロ)', () => {
    expect(cite('同法第3条第1項第2号イからハまで、第4号イ及びロシア')).toEqual([
      '#0 同法第3条第1項第2号イ: article=3 paragraph=1 item=2 subitem=イ same=同法 from',
      '#1 ハ: subitem=ハ after=#0 to',
      '#2 第4号イ: item=4 subitem=イ after=#1',
    ]);
  });

  it('reads an elided list (第4、5条) as one citation per number', () => {
    expect(cite('第4、5条に基づく協議')).toEqual(['#0 第4: article=4', '#1 5条: article=5 after=#0']);
  });

  it('reads から…まで as a range, まで outside the spans', () => {
    expect(cite('第一条から第三条までの規定、附則第五条から前条まで')).toEqual([
      '#0 第一条: article=1 from',
      '#1 第三条: article=3 after=#0 to',
      '#2 附則第五条: article=5 附則 from',
      '#3 前条: article=前 附則 after=#2 to',
    ]);
  });

  it('reads the dashes ～ 〜 ― － as ranges, also with the unit written once (第10〜13条)', () => {
    expect(spans('第10条～第13条、（第二十条－第二十八条）、（第一条―第四条）、第10〜13条')).toEqual([
      '第10条', '第13条', '第二十条', '第二十八条', '第一条', '第四条', '第10', '13条',
    ]);
    const [, to] = scanJapanese('第10〜13条', { treatyDocument: false }).citations;
    expect(to).toMatchObject({ rangeRole: 'to', article: { kind: 'number', value: '13' }, seriesPrevious: 0 });
  });

  it('reads a paragraph range inside an article', () => {
    expect(cite('自衛隊法第百三条第七項から第十項まで、第十七項及び第十八項')).toEqual([
      '#0 自衛隊法第百三条第七項: article=103 paragraph=7 name=自衛隊法 from',
      '#1 第十項: paragraph=10 after=#0 to',
      '#2 第十七項: paragraph=17 after=#1',
      '#3 第十八項: paragraph=18 after=#2',
    ]);
  });

  it('goes on with a list after a parenthesis, whose citations are found too', () => {
    expect(spans('第五十七条（宮内庁法第十八条第一項において準用する場合を含む。）並びに宮内庁法第十七条第一項')).toEqual([
      '第五十七条', '宮内庁法第十八条第一項', '宮内庁法第十七条第一項',
    ]);
  });

  it('reads an exclusion parenthesis as provisions narrowing the one before it', () => {
    expect(cite('第七十六条第四項（第四号を除く。）若しくは第五項（第五号を除く。）の規定')).toEqual([
      '#0 第七十六条第四項: article=76 paragraph=4',
      '#1 第四号: item=4 after=#0',
      '#2 第五項: paragraph=5 after=#0',
      '#3 第五号: item=5 after=#2',
    ]);
    expect(scanJapanese('第二十四条の二第五項各号（第二号を除く。）', { treatyDocument: false }).citations.map((citation) => citation.kind)).toEqual(['explicit', 'exclusion']);
  });
});

describe('forms without 第, MOFA style, structure', () => {
  it('reads 51条, 9条2項, 憲法9条2項 and 自衛隊法82条', () => {
    expect(cite('その根拠が51条の集団的自衛権で、憲法9条2項と自衛隊法82条『海上警備行動』')).toEqual([
      '#0 51条: article=51',
      '#1 憲法9条2項: article=9 paragraph=2 name=憲法',
      '#2 自衛隊法82条: article=82 name=自衛隊法',
    ]);
  });

  it('reads the MOFA treaty style 第二条1項(a) and a paragraph without 第 (第2条4項)', () => {
    expect(cite('第二条1項(a)は…（第2条4項）、第6条1(b)')).toEqual([
      '#0 第二条1項(a): article=2 paragraph=1 item=a',
      '#1 第2条4項: article=2 paragraph=4',
      '#2 第6条1(b): article=6 paragraph=1 item=b',
    ]);
  });

  it('reads 前文, 附則 and annexes', () => {
    expect(cite('北大西洋条約前文。附則第八条及び第九条。附属書Iに掲げる締約国は、同附属書の改正に従う。')).toEqual([
      '#0 北大西洋条約前文: 前文 name=北大西洋条約',
      '#1 附則第八条: article=8 附則',
      '#2 第九条: article=9 附則 after=#1',
      '#3 附属書I: annex=I',
      '#4 同附属書: ',
    ]);
  });

  it('reads an article of an annex, with the annex as its label or its qualifier', () => {
    expect(cite('附属書I第3条第1項。附属書第2条。同附属書第4条')).toEqual([
      '#0 附属書I第3条第1項: article=3 paragraph=1 annex=I',
      '#1 附属書第2条: article=2 name=附属書',
      '#2 同附属書第4条: article=4 same=同附属書',
    ]);
  });

  it('reads chapters outside treaties only with a qualifier or as 章 + 節', () => {
    expect(spans('本稿第3章で詳述する。第三章第二節（第十五条－第二十八条）は、自衛隊法第三章の規定')).toEqual([
      '第三章第二節', '第十五条', '第二十八条', '自衛隊法第三章',
    ]);
  });

  it('reads a bare 5条 at the start of a paragraph whatever ended the one before (no look-back across a blank line)', () => {
    expect(spans('See Art. 4.\n\n5条が定める。')).toEqual(['5条']);
    expect(spans('計\n5条')).toEqual([]);
  });

  it('reads a circled digit opening a quotation of the article just cited as its paragraph', () => {
    expect(cite('日米安保条約は、5条で「①締約国は')).toEqual(['#0 5条: article=5', '#1 ①: paragraph=1 after=#0']);
  });
});

describe('things that look like citations but are not', () => {
  it.each([
    ['ordinals', 'NATOの第3次拡大、第2次世界大戦、第二次戦略兵器削減条約、第1期トランプ政権、第5世代戦闘機、第2段階、第1四半期、第76回国連総会、米海軍第7艦隊'],
    ['third parties and enumerations', '第三国への移転、第三者機関、第一に、第二に'],
    ['conditions and points', '2条件を満たす、三要件、条件、合意は3項目からなる'],
    ['serial numbers', '台風第5号、福島第一原子力発電所1号機、安保理決議第2231号、ロシア連邦法第12号、連邦法第 374 号、『レファレンス』第850号'],
    ['law and treaty numbers', '平成十五年法律第七十九号、刑法 ( 明 治 40 年 法 律 第 45 号 )、日米安保条約（昭和35年条約第6号）、条約第6号は'],
    ['counts of articles', '条約は23条からなり、計23条で構成され、全 9 か条から成る'],
    ['katakana words', 'ロシアとイランとハンガリー'],
    ['defined terms', '第二条第九項第一号に規定する第一号法定受託事務', '「条約」とは'],
    ['whole-instrument pointers', 'この法律又はこの法律に基づく命令、この附則に定めるもの'],
    ['the analysis itself', '本稿第3章で詳述する。'],
    ['dates and durations', '2024年6月19日、28年ぶり、二年を経過'],
  ])('finds nothing in %s', (_, text, ...more) => {
    const found = [text, ...more].flatMap((sample) => spans(sample));
    // The pointer before the defined term (第二条第九項第一号) is the only citation in these.
    expect(found.filter((span) => span !== '第二条第九項第一号')).toEqual([]);
  });
});

describe('a document’s own numbering (reports, white papers, books)', () => {
  it('reads no paragraph in a chain of the document’s own parts', () => {
    expect(spans('経緯は前述のとおりである（詳しくは2章3項1を参照）。')).toEqual([]);
    expect(spans('4節1項2(3)で整理した論点に戻る。')).toEqual([]);
    expect(spans('第Ⅲ部第2章1節では運用面を扱い、本章2項で課題をまとめる。')).toEqual([]);
    expect(spans('第Ⅱ部第3章第2節で述べたように')).toEqual([]);
  });

  it('drops the members of a list whose head is the document’s own numbering', () => {
    expect(spans('この点は5節2項及び3項で扱った。')).toEqual([]);
  });

  it('reads a paragraph in a chain of parts even after an article (第5条, then 1章4項)', () => {
    expect(spans('北大西洋条約第5条を参照（背景は1章4項で述べた）。')).toEqual(['北大西洋条約第5条']);
  });

  it('reads a bare paragraph under an article cited in its sentence or the one before', () => {
    expect(spans('日米安保条約第6条は基地の使用を定めている。その2項は地位協定に委ねる。')).toEqual(['日米安保条約第6条', '2項']);
    expect(spans('第4条及び3項を見る。')).toEqual(['第4条', '3項']);
  });

  it('reads no bare paragraph, 前項 or 同項 with no article in its sentence or the one before', () => {
    expect(spans('同盟の意義は3項で整理した。')).toEqual([]);
    expect(spans('前項で見たように、同項の議論は今も続いている。')).toEqual([]);
    expect(spans('第5条は集団防衛を定める。加盟国はこれを重視してきた。第3項の議論は別に扱う。')).toEqual(['第5条']);
  });

  it('starts afresh after a blank line that follows a sentence end, as the re-reading of a paragraph does', () => {
    expect(spans('第5条は集団防衛を定める。\n\n2項の議論は別に扱う。')).toEqual(['第5条']);
    expect(spans('第5条は集団防衛を定め、\n\n2項は協議を定める。')).toEqual(['第5条', '2項']);
  });

  it('reads the paragraphs of a resolution or declaration named in the sentence before', () => {
    expect(spans('安保理決議第1244号は国際部隊の駐留を認めた。第9項はその任務を列挙する。')).toEqual(['第9項']);
  });

  it('still reads 前項 and 同項 in a treaty or statute', () => {
    expect(spans('２　前項の規定は、同項の届出について準用する。', true)).toEqual(['前項', '同項']);
  });
});

describe('instrument names', () => {
  it('keeps full-width letters, digits and Roman numerals in names', () => {
    expect(cite('ＳＴＡＲＴⅡ条約第2条、新ＳＴＡＲＴ条約第5条、ＩＮＦ全廃条約第1条及びＣＦＥ条約第４条')).toEqual([
      '#0 ＳＴＡＲＴⅡ条約第2条: article=2 name=ＳＴＡＲＴⅡ条約',
      '#1 新ＳＴＡＲＴ条約第5条: article=5 name=新ＳＴＡＲＴ条約',
      '#2 ＩＮＦ全廃条約第1条: article=1 name=ＩＮＦ全廃条約',
      '#3 ＣＦＥ条約第４条: article=4 name=ＣＦＥ条約',
    ]);
  });

  it('keeps middle dots, full- and half-width, in names', () => {
    expect(cite('ロシア・ベラルーシ安全保障条約第2条とロシア･ベラルーシ連合条約第3条')).toEqual([
      '#0 ロシア・ベラルーシ安全保障条約第2条: article=2 name=ロシア・ベラルーシ安全保障条約',
      '#1 ロシア･ベラルーシ連合条約第3条: article=3 name=ロシア･ベラルーシ連合条約',
    ]);
  });

  it('does not take a generic word alone for a name (取極, 集団取極, 協定, 条約, 同盟, 機構)', () => {
    expect(cite('集団取極第3条、取極の第2条、協定第4条、条約第1条、同盟の第5条、機構の第6条')).toEqual([
      '#0 第3条: article=3',
      '#1 第2条: article=2',
      '#2 第4条: article=4',
      '#3 第1条: article=1',
      '#4 第5条: article=5',
      '#5 第6条: article=6',
    ]);
  });

  it('reads kana inside a law’s name before に関する (地域づくり), so that its article is that law’s', () => {
    const text = '工事を行う者は、津波防災地域づくりに関する法律第二十三条第一項の許可を受けなければならない。';
    expect(cite(text, true)).toEqual(['#0 第二十三条第一項: article=23 paragraph=1 name=津波防災地域づくりに関する法律']);
  });

  it('reads a law’s whole title before its law number: 及び, kana inside a word, 安全な', () => {
    const text =
      '救護班は、麻薬及び向精神薬取締法（昭和二十八年法律第十四号）第二十六条第一項又は覚せい剤取締法（昭和二十六年法律第二百五十二号）第三十条の九の規定にかかわらず、' +
      '安全な血液製剤の安定供給の確保等に関する法律（昭和三十一年法律第百六十号）第十三条第一項の例により薬剤を使うことができる。';
    expect(cite(text, true)).toEqual([
      '#0 第二十六条第一項: article=26 paragraph=1 name=麻薬及び向精神薬取締法',
      '#1 第三十条の九: article=30_9 name=覚せい剤取締法',
      '#2 第十三条第一項: article=13 paragraph=1 name=安全な血液製剤の安定供給の確保等に関する法律',
    ]);
  });

  it('does not join a list of laws, prose or 並びに into a title before a law number', () => {
    const text =
      '派遣隊は、自衛隊法及び警察官職務執行法（昭和二十三年法律第百三十六号）第七条の例による。' +
      '内閣府並びに国家行政組織法（昭和二十三年法律第百二十号）第三条第二項の委員会と、部隊等が港湾法（昭和二十五年法律第二百十八号）第三十七条に従う。';
    expect(cite(text, true)).toEqual([
      '#0 第七条: article=7 name=警察官職務執行法',
      '#1 第三条第二項: article=3 paragraph=2 name=国家行政組織法',
      '#2 第三十七条: article=37 name=港湾法',
    ]);
  });

  it('does not read a verb of prose into a name', () => {
    expect(scanJapanese('これに基づく政令と、国会に対する報告及び規定による決議', { treatyDocument: true }).mentions).toEqual([]);
  });

  it('reads a long name broken over PDF lines, inside a particle too', () => {
    expect(cite('日本国と大洋州連邦との間の漁業協\n力に関\nする協定第3条')).toEqual(['#0 第3条: article=3 name=日本国と大洋州連邦との間の漁業協力に関する協定']);
  });
});

describe('resolutions, declarations, statements and reports', () => {
  it('names a resolution with its number, in a citation and in passing', () => {
    const text = '国連安保理決議第1325号は女性の参画を求めた。安保理決議第1244号第9項も参照。';
    const scan = scanJapanese(text, { treatyDocument: false });
    expect(scan.mentions.map((mention) => [mention.name, mention.genre])).toEqual([
      ['国連安保理決議第1325号', 'resolution'],
      ['安保理決議第1244号', 'resolution'],
    ]);
    expect(cite(text)).toEqual(['#0 安保理決議第1244号第9項: paragraph=9 name=安保理決議第1244号']);
  });

  it('reads 同決議, 同宣言, 同声明, 同共同声明 and 同報告 as the last instrument of that sort', () => {
    const text = '同決議第3項、同宣言第2項、同声明第4項、同共同声明第1項及び同報告第12項';
    expect(cite(text)).toEqual([
      '#0 同決議第3項: paragraph=3 same=同決議',
      '#1 同宣言第2項: paragraph=2 same=同宣言',
      '#2 同声明第4項: paragraph=4 same=同声明',
      '#3 同共同声明第1項: paragraph=1 same=同共同声明',
      '#4 同報告第12項: paragraph=12 same=同報告',
    ]);
    expect(scanJapanese(text, { treatyDocument: false }).citations.map((citation) => citation.qualifier?.kind === 'same' && citation.qualifier.genre)).toEqual([
      'resolution', 'declaration', 'statement', 'statement', 'report',
    ]);
  });

  it('gives declarations, statements and reports their sort, and treaties none', () => {
    const text = '日ソ共同宣言、日米首脳共同声明、ブラヒミ報告及び北大西洋条約を比べる。';
    expect(scanJapanese(text, { treatyDocument: false }).mentions.map((mention) => [mention.name, mention.genre])).toEqual([
      ['日ソ共同宣言', 'declaration'],
      ['日米首脳共同声明', 'statement'],
      ['ブラヒミ報告', 'report'],
      ['北大西洋条約', undefined],
    ]);
  });

  it('takes no generic word for a resolution or statement (共同声明, 決議 alone)', () => {
    expect(scanJapanese('両国は共同声明を発表し、決議を採択した。', { treatyDocument: false }).mentions).toEqual([]);
  });
});

describe('sub-items and captions in statutes', () => {
  it('reads the letters after 第四号の次の as sub-items of that item', () => {
    expect(cite('同法第十条第一項第四号の次のイ又はロに掲げる者', true)).toEqual([
      '#0 同法第十条第一項第四号: article=10 paragraph=1 item=4 same=同法',
      '#1 イ: subitem=イ after=#0',
      '#2 ロ: subitem=ロ after=#1',
    ]);
  });

  it('reads それぞれイ又はロ as sub-items of the item cited earlier in the sentence', () => {
    expect(cite('第三条第二号に掲げる者の区分に応じ、それぞれイからハまでに定める額', true)).toEqual([
      '#0 第三条第二号: article=3 item=2',
      '#1 イ: subitem=イ after=#0 from',
      '#2 ハ: subitem=ハ after=#1 to',
    ]);
    expect(spans('第三条第二号に掲げる者とする。それぞれイ又はロに定める額', true)).toEqual(['第三条第二号']);
    expect(spans('第三条第二号の区分に応じ、それぞれロシア', true)).toEqual(['第三条第二号']);
  });

  it('keeps the article before a caption written between it and its paragraph', () => {
    expect(cite('第五十二条（検査記録）第二項の規定により', true)).toEqual(['#0 第五十二条（検査記録）第二項: article=52 paragraph=2']);
    expect(spans('第7条（協議）に従い', true)).toEqual(['第7条']);
  });
});

describe('treaty documents', () => {
  it('skips the labels that define provisions but finds citations later on the line', () => {
    const text = ['第一条　この条約は、第五条に定める。', '２　前項の規定は、適用しない。', '## 第4条（協議）', '## 第6条の2', '特則。', '第十条から第十二条まで　削除', '　第一章　総則（第一条―第三条）'].join('\n');
    expect(spans(text, true)).toEqual(['第五条', '前項', '第一条', '第三条']);
  });

  it('reads the same labels as citations in an analysis', () => {
    expect(spans('第一条　この条約は、', false)).toEqual(['第一条']);
  });
});

describe('alias definitions and mentions', () => {
  it.each([
    ['「日本国とミナミ共和国との間の海洋協力に関する協定」（以下「海洋協定」という。）', '海洋協定', '日本国とミナミ共和国との間の海洋協力に関する協定'],
    ['両首脳は「朝鮮民主主義人民共和国とロシア連邦との包括的戦略的パートナーシップに関する条約」（以下、「包括的戦略パートナーシップ条約」）に署名した。', '包括的戦略パートナーシップ条約', '朝鮮民主主義人民共和国とロシア連邦との包括的戦略的パートナーシップに関する条約'],
    ['…の確保に関する法律（平成十五年法律第七十九号。以下「事態対処法」という。）第一条', '事態対処法', '確保に関する法律'],
    ['「連合国家の枠組みにおける安全保障に関する条約」3（以下「ロシア・\n\nベラルーシ安全保障条約」）', 'ロシア・ベラルーシ安全保障条約', '連合国家の枠組みにおける安全保障に関する条約'],
    ['において、日本国とアメリカ合衆国との間の相互協力及び安全保障条約（以下"日米安保条約"）に従って', '日米安保条約', '日本国とアメリカ合衆国との間の相互協力及び安全保障条約'],
  ])('defines the alias in %s', (text, alias, fullName) => {
    const [definition] = scanJapanese(text, { treatyDocument: false }).aliases;
    expect(definition).toMatchObject({ alias, fullName });
    expect(text.slice(definition!.span.end - 1, definition!.span.end)).toMatch(/[）)]/);
  });

  it('defines no alias for what names no instrument', () => {
    expect(scanJapanese('金正恩国務委員会委員長（以下「国務委員長」）による会談', { treatyDocument: false }).aliases).toEqual([]);
  });

  it('marks the instrument a sentence is about as its topic', () => {
    const text = 'ロシア・ベラルーシ安全保障条約は、前文と全 9 か条から成る。北大西洋条約の締結、「ロ朝戦略的パートナーシップ条約」\n\nは、同盟関係の復活に当たる。';
    expect(scanJapanese(text, { treatyDocument: false }).mentions.map((mention) => [mention.name, mention.topic])).toEqual([
      ['ロシア・ベラルーシ安全保障条約', true],
      ['北大西洋条約', false],
      ['ロ朝戦略的パートナーシップ条約', true],
    ]);
  });

  it('mentions a qualifier’s name where it stands', () => {
    const text = 'なお、国連憲章第51条を参照。';
    const start = text.indexOf('国連憲章');
    expect(scanJapanese(text, { treatyDocument: false }).mentions).toEqual([{ name: '国連憲章', span: { start, end: start + '国連憲章'.length }, topic: false }]);
  });

  it('does not take section numbers, footnote numbers or headings into names', () => {
    const text = '3 条約の構成及び内容 \n\nロシア・ベラルーシ安全保障条約は、\n7 国連憲章第 51 条は、';
    const scan = scanJapanese(text, { treatyDocument: false });
    expect(scan.mentions.map((mention) => mention.name)).toEqual(['ロシア・ベラルーシ安全保障条約', '国連憲章']);
    expect(spans(text)).toEqual(['国連憲章第 51 条']);
  });
});

describe('robustness', () => {
  it('never lets a citation or its qualifier span masked text', () => {
    expect(cite(`第${MASK_CHARACTER}5条、第5条${MASK_CHARACTER}第2項、国連憲章${MASK_CHARACTER}第51条`)).toEqual([
      '#0 第5条: article=5',
      '#1 第2項: paragraph=2',
      '#2 第51条: article=51',
    ]);
  });

  it('keeps exact UTF-16 offsets around CRLF, a BOM, surrogate pairs and NUL', () => {
    const text = '\uFEFF𠮷野家\r\n第5条\u0000同条第2項\r\n';
    const citations = scanJapanese(text, { treatyDocument: false }).citations;
    expect(citations.map((citation) => citation.span)).toEqual([
      { start: text.indexOf('第5条'), end: text.indexOf('第5条') + 3 },
      { start: text.indexOf('同条'), end: text.indexOf('同条') + 5 },
    ]);
  });

});

// -----------------------------------------------------------------------------------------------
// Properties
// -----------------------------------------------------------------------------------------------

const KANJI_DIGITS = '〇一二三四五六七八九';

function toKanji(value: number): string {
  let text = '';
  for (const [unit, size] of [['千', 1000], ['百', 100], ['十', 10]] as const) {
    const digit = Math.floor(value / size) % 10;
    if (digit > 0) text += (digit > 1 ? KANJI_DIGITS[digit] : '') + unit;
  }
  return text + (value % 10 > 0 ? KANJI_DIGITS[value % 10] : '');
}

function writeNumber(value: number, script: number): string {
  if (script === 0) return String(value);
  if (script === 1) return [...String(value)].map((digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0)).join('');
  return toKanji(value);
}

const gap = fc.constantFrom('', '', '', ' ', '\n', ' \n', '\n\n', ' \n \n');
const script = fc.integer({ min: 0, max: 2 });

interface Generated {
  readonly text: string;
  readonly article: string | null;
  readonly paragraph: string | null;
  readonly item: string | null;
}

/** A citation 第N条(のM)(第P項)(第Q号) with random scripts and gaps between its tokens (never before or after it). */
const generatedCitation = fc
  .record({
    article: fc.integer({ min: 1, max: 1999 }),
    branch: fc.option(fc.integer({ min: 2, max: 9 }), { nil: null }),
    paragraph: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
    item: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
    scripts: fc.array(script, { minLength: 4, maxLength: 4 }),
    gaps: fc.array(gap, { minLength: 16, maxLength: 16 }),
  })
  .map(({ article, branch, paragraph, item, scripts, gaps }): Generated => {
    const tokens = ['第', writeNumber(article, scripts[0]!), '条'];
    if (branch !== null) tokens.push('の', writeNumber(branch, scripts[1]!));
    if (paragraph !== null) tokens.push('第', writeNumber(paragraph, scripts[2]!), '項');
    if (item !== null) tokens.push('第', writeNumber(item, scripts[3]!), '号');
    const text = tokens.map((token, index) => (index === 0 ? token : gaps[index]! + token)).join('');
    return { text, article: branch === null ? String(article) : `${article}_${branch}`, paragraph: paragraph === null ? null : String(paragraph), item: item === null ? null : String(item) };
  });

const before = fc.constantFrom('', '両国は、', 'この点は', '（', '協議の上で', '締約国は、');
const after = fc.constantFrom('', 'に基づく。', 'は、', '）。', 'の規定により', 'を参照。');

function value(ref: LevelRef | null): string | null {
  return ref?.kind === 'number' ? ref.value : null;
}

describe('properties', () => {
  it('finds a generated citation embedded in prose, with its numbers and exact span', () => {
    fc.assert(
      fc.property(before, generatedCitation, after, (prefix, citation, suffix) => {
        const text = prefix + citation.text + suffix;
        const found = scanJapanese(text, { treatyDocument: false }).citations;
        expect(found).toHaveLength(1);
        expect(found[0]!.span).toEqual({ start: prefix.length, end: prefix.length + citation.text.length });
        expect([value(found[0]!.article), value(found[0]!.paragraph), value(found[0]!.item)]).toEqual([citation.article, citation.paragraph, citation.item]);
      }),
      { numRuns: 500 },
    );
  });

  it('finds every member of a generated list or range, chained in order', () => {
    const connector = fc.constantFrom('、', '及び', '並びに', '又は', '若しくは', 'と', '、及び', ' 及 び ', '・');
    fc.assert(
      fc.property(
        fc.array(generatedCitation, { minLength: 2, maxLength: 6 }),
        fc.array(connector, { minLength: 5, maxLength: 5 }),
        fc.boolean(),
        before,
        after,
        (members, connectors, range, prefix, suffix) => {
          const chosen = range ? members.slice(0, 2) : members;
          const joiners = range ? ['から'] : connectors;
          const body = chosen.map((member, index) => (index === 0 ? member.text : joiners[index - 1]! + member.text)).join('') + (range ? 'まで' : '');
          const text = prefix + body + suffix;
          const found = scanJapanese(text, { treatyDocument: false }).citations;
          expect(found.map((citation) => text.slice(citation.span.start, citation.span.end))).toEqual(chosen.map((member) => member.text));
          expect(found.map((citation) => citation.seriesPrevious)).toEqual(chosen.map((_, index) => (index === 0 ? null : index - 1)));
          expect(found.map((citation) => value(citation.article))).toEqual(chosen.map((member) => member.article));
          if (range) expect(found.map((citation) => citation.rangeRole)).toEqual(['from', 'to']);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('inherits the article along a generated list of paragraphs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 5 }), script, (article, paragraphs, chosenScript) => {
        const text = `第${writeNumber(article, chosenScript)}条` + paragraphs.map((paragraph, index) => (index === 0 ? '' : '及び') + `第${writeNumber(paragraph, chosenScript)}項`).join('');
        const found = scanJapanese(text, { treatyDocument: false }).citations;
        expect(found.map((citation) => [value(citation.article), value(citation.paragraph)])).toEqual(
          paragraphs.map((paragraph, index) => [index === 0 ? String(article) : null, String(paragraph)]),
        );
      }),
    );
  });

  it('never throws on hostile text and reports well-formed, ordered citations', () => {
    const alphabet = fc.constantFrom(...'第条項号章同前次本の各該附則属書表記（）()「」『』、及び並又若しくはからまで～〜―0123456789０５一二十百千 \n\r法約定\uFFFCイロ'.split(''), '以下', 'この', '当該', '\uD842', '\uDFB7');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 120 }), fc.boolean(), (characters, treatyDocument) => {
        const text = characters.join('');
        const scan = scanJapanese(text, { treatyDocument });
        scan.citations.forEach((citation, index) => {
          expect(citation.span.start).toBeGreaterThanOrEqual(0);
          expect(citation.span.end).toBeGreaterThan(citation.span.start);
          expect(citation.span.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(citation.span.start, citation.span.end)).not.toContain(MASK_CHARACTER);
          if (index > 0) expect(citation.span.start).toBeGreaterThanOrEqual(scan.citations[index - 1]!.span.start);
          if (citation.seriesPrevious !== null) expect(citation.seriesPrevious).toBeLessThan(index);
        });
        for (const mention of scan.mentions) expect(mention.span.end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 1000 },
    );
  });
});
