import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findArticle, locateProvision, parseTreaty } from '../../server/src/core/treaty/parse';
import { adjacentArticle, findItem, findParagraph } from '../../server/src/core/treaty/locate';
import type { Article, Span, Treaty } from '../../server/src/core/types';
import { parseMarkedText } from '../fixture';

const meta = { id: 't', title: 'Test treaty', short: null, aliases: [], lang: null };

function parse(text: string, bodyStart = 0): Treaty {
  return parseTreaty(text, bodyStart, meta);
}

/** Strips the `$0` cursor marker and returns the text and the marker's offset. */
function cursor(marked: string): { text: string; offset: number } {
  const { text, cursor: offset } = parseMarkedText(marked);
  return { text, offset: offset! };
}

function slice(text: string, span: Span | null): string {
  return span === null ? '' : text.slice(span.start, span.end);
}

function main(treaty: Treaty): Article[] {
  return treaty.articles.filter((article) => !article.supplementary);
}

describe('Japanese statutes as published (plain text)', () => {
  const text = [
    '（目的）',
    '第一条　この法律は、目的を定める。',
    '２　前項の規定は、適用しない。',
    '（定義）',
    '第二条　この法律において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。',
    '一　条約　国家間の合意',
    '二　議定書　条約を補足するもの',
    '二の二　協定　次に掲げるもの',
    'イ　二国間の協定',
    'ロ　多数国間の協定',
    '（１）　地域的なもの',
    '三　宣言　政治的な文書',
    '第二条の二　削除',
    '',
  ].join('\n');
  const treaty = parse(text);

  it('finds the articles with their numbers, branch articles joined by an underscore', () => {
    expect(treaty.articles.map((article) => article.number)).toEqual(['1', '2', '2_2']);
    expect(treaty.articles.map((article) => article.label)).toEqual(['第一条', '第二条', '第二条の二']);
  });

  it('gives the caption line directly before an article to that article, and starts its span there', () => {
    const first = treaty.articles[0]!;
    expect(first.caption).toBe('目的');
    expect(first.span.start).toBe(text.indexOf('（目的）'));
    expect(slice(text, first.labelSpan)).toBe('第一条');
    expect(slice(text, first.bodySpan)).toBe('この法律は、目的を定める。\n２　前項の規定は、適用しない。');
    expect(slice(text, first.span)).toBe('（目的）\n第一条　この法律は、目的を定める。\n２　前項の規定は、適用しない。');
  });

  it('numbers the unnumbered first paragraph 1 and reads ２ as paragraph 2', () => {
    const [one, two] = treaty.articles[0]!.paragraphs;
    expect(one!.number).toBe(1);
    expect(one!.labelSpan).toBeNull();
    expect(slice(text, one!.span)).toBe('この法律は、目的を定める。');
    expect(two!.number).toBe(2);
    expect(slice(text, two!.labelSpan)).toBe('２');
    expect(slice(text, two!.span)).toBe('２　前項の規定は、適用しない。');
  });

  it('reads items, branch items (二の二) and sub-items, folding （１） into the sub-item', () => {
    const paragraph = treaty.articles[1]!.paragraphs[0]!;
    expect(paragraph.items.map((item) => item.number)).toEqual(['1', '2', '2_2', '3']);
    const branch = paragraph.items[2]!;
    expect(branch.label).toBe('二の二');
    expect(branch.subitems.map((item) => item.number)).toEqual(['イ', 'ロ']);
    expect(slice(text, branch.subitems[1]!.span)).toBe('ロ　多数国間の協定\n（１）　地域的なもの');
    expect(slice(text, branch.span)).toBe('二の二　協定　次に掲げるもの\nイ　二国間の協定\nロ　多数国間の協定\n（１）　地域的なもの');
    expect(slice(text, paragraph.items[3]!.labelSpan)).toBe('三');
  });

  it('reports no problems for a well-numbered text', () => {
    expect(treaty.problems).toEqual([]);
  });
});

describe('article labels in any script and width', () => {
  it('reads kanji, half-width and full-width Arabic numbers alike', () => {
    const treaty = parse('第5条　本文\n第６条　本文\n第７条の２　本文\n第十一条　本文\n');
    expect(treaty.articles.map((article) => article.number)).toEqual(['5', '6', '7_2', '11']);
  });

  it('reads full-width and half-width paragraph numbers', () => {
    const treaty = parse('第1条 締約国は、合意する。\n2 前項の合意は、書面による。\n３　前二項の規定は、適用しない。\n');
    expect(treaty.articles[0]!.paragraphs.map((paragraph) => paragraph.number)).toEqual([1, 2, 3]);
  });

  it('reads circled paragraph numbers', () => {
    const treaty = parse('第一条\n①　締約国は、合意する。\n②　前項の合意は、書面による。\n');
    expect(treaty.articles[0]!.paragraphs.map((paragraph) => paragraph.number)).toEqual([1, 2]);
  });

  it('does not take a line that merely begins with an article citation for a label', () => {
    const treaty = parse('第一条　本文\n第二条の規定にかかわらず、次のとおりとする。\n');
    expect(treaty.articles.map((article) => article.number)).toEqual(['1']);
  });

  it('expands a deleted range (第三条から第五条まで　削除) into one article per number', () => {
    const treaty = parse('第二条　本文\n第三条から第五条まで　削除\n第六条　本文\n');
    expect(treaty.articles.map((article) => article.number)).toEqual(['2', '3', '4', '5', '6']);
    expect(treaty.problems).toEqual([]);
  });
});

describe('divisions and tables of contents', () => {
  const text = [
    '目次',
    '　第一章　総則（第一条・第二条）',
    '　第二章　雑則',
    '　　第一節　通則（第三条）',
    '　附則',
    '　　　第一章　総則',
    '第一条　本文',
    '第二条　本文',
    '　　　第二章　雑則',
    '　　　　第一節　通則',
    '第三条　本文',
    '　　　附　則',
    '　この法律は、公布の日から施行する。',
  ].join('\n');
  const treaty = parse(text);

  it('skips the table of contents and keeps the real chapter and section lines as divisions', () => {
    expect(treaty.divisions.map((division) => `${division.kind} ${division.number} ${division.title}`)).toEqual([
      'chapter 1 総則',
      'chapter 2 雑則',
      'section 1 通則',
    ]);
    expect(treaty.divisions[0]!.span.start).toBe(text.indexOf('第一章　総則\n第一条'));
    expect(main(treaty).map((article) => article.number)).toEqual(['1', '2', '3']);
  });

  it('spans a chapter from its label to the end of its last article', () => {
    const chapter = treaty.divisions[0]!;
    expect(slice(text, chapter.span)).toBe('第一章　総則\n第一条　本文\n第二条　本文');
    expect(slice(text, treaty.divisions[1]!.span)).toBe('第二章　雑則\n　　　　第一節　通則\n第三条　本文');
  });

  it('ends an article before the next division', () => {
    expect(slice(text, treaty.articles[1]!.span)).toBe('第二条　本文');
  });
});

describe('附則 (supplementary provisions)', () => {
  const text = [
    '第一条　本文',
    '第二条　本文',
    '　　　附　則',
    '（施行期日）',
    '第一条　この法律は、公布の日から施行する。',
    '（経過措置）',
    '第二条　経過措置は、政令で定める。',
    '　　　附　則　（平成一七年六月二九日法律第七三号）　抄',
    '（施行期日）',
    '第一条　この法律は、平成十八年四月一日から施行する。',
    '（検討）',
    '第五条　政府は、検討する。',
    '　　　附　則　（平成二五年一二月四日法律第八九号）',
    '（施行期日）',
    '１　この法律は、公布の日から施行する。',
    '（経過措置）',
    '２　前項の規定にかかわらず、なお従前の例による。',
  ].join('\n');
  const treaty = parse(text);

  it('numbers each block on its own: its articles are supplementary with the block index as their group', () => {
    expect(treaty.supplementaryBlocks).toHaveLength(3);
    const numbered = treaty.articles.filter((article) => article.number !== '');
    expect(numbered.map((article) => `${article.supplementaryGroup ?? 'main'}:${article.number}`)).toEqual([
      'main:1', 'main:2', '0:1', '0:2', '1:1', '1:5',
    ]);
    expect(numbered.slice(2).every((article) => article.supplementary)).toBe(true);
  });

  it('records the amending act of a block whose heading carries a law number', () => {
    expect(treaty.supplementaryBlocks.map((block) => block.amendingAct)).toEqual([
      null,
      '平成一七年六月二九日法律第七三号',
      '平成二五年一二月四日法律第八九号',
    ]);
    expect(treaty.supplementaryBlocks[1]!.heading).toBe('附　則　（平成一七年六月二九日法律第七三号）　抄');
    expect(slice(text, treaty.supplementaryBlocks[0]!.span)).toMatch(/^附　則\n（施行期日）[^]*政令で定める。$/);
  });

  it('keeps the paragraphs of a block without articles in one unnumbered article, inventing no article number', () => {
    const body = treaty.articles.find((article) => article.supplementaryGroup === 2)!;
    expect(body.number).toBe('');
    expect(body.label).toBe('附　則');
    expect(body.paragraphs.map((paragraph) => slice(text, paragraph.labelSpan))).toEqual(['１', '２']);
    // A paragraph's own caption is not part of the previous paragraph.
    expect(slice(text, body.paragraphs[0]!.span)).toBe('１　この法律は、公布の日から施行する。');
  });

  it('finds main provisions by default and a block’s articles when asked', () => {
    expect(findArticle(treaty, '1')!.supplementary).toBe(false);
    expect(findArticle(treaty, '1', 0)!.span.start).toBe(text.indexOf('（施行期日）\n第一条　この法律は、公布'));
    expect(findArticle(treaty, '5', 1)!.caption).toBe('検討');
    expect(findArticle(treaty, '5')).toBeUndefined();
  });

  it('does not report gaps in an excerpt (抄) block', () => {
    expect(treaty.problems).toEqual([]);
  });

  it('reads the English translation’s Supplementary Provisions the same way', () => {
    const english = parse('Article 1 (Purpose)\n\nText.\n\nSupplementary Provisions\n\nArticle 1\n\nThis Act comes into effect.\n\nSupplementary Provisions (Act No. 73 of June 29, 2005) Extract\n\nArticle 1\n\nText.\n');
    expect(english.supplementaryBlocks.map((entry) => entry.amendingAct)).toEqual([null, 'Act No. 73 of June 29, 2005']);
    expect(english.articles.map((article) => `${article.supplementaryGroup ?? 'main'}:${article.number}`)).toEqual(['main:1', '0:1', '1:1']);
    expect(english.articles[0]!.caption).toBe('Purpose');
  });

  it('does not start a 附則 block from the table of contents', () => {
    const withToc = parse('目次\n　第一章　総則（第一条）\n　附則\n　　　第一章　総則\n第一条　本文\n');
    expect(withToc.supplementaryBlocks).toEqual([]);
  });
});

describe('Markdown-heading treaties', () => {
  const text = [
    '# 北大西洋条約',
    '',
    '## 前文',
    '',
    'この条約の締約国は、国際連合憲章の目的及び原則に対する信念を再確認する。',
    '',
    '# 第一章 総則',
    '',
    '## 第5条（集団防衛）',
    '',
    '要旨：締約国に対する武力攻撃を全締約国に対する攻撃とみなす。',
    '',
    '締約国は、武力攻撃を全締約国に対する攻撃とみなすことに同意する。',
    '',
    '２　前項の措置は、安全保障理事会に報告する。',
    '',
    '## 第6条',
    '',
    '第五条の適用上、武力攻撃には次の攻撃を含む。',
    '',
    '## 注記',
    '',
    'この文書は分析用の抄録である。',
  ].join('\n');
  const treaty = parse(text);

  it('reads the preamble, chapter and article headings', () => {
    expect(treaty.preamble?.label).toBe('前文');
    expect(slice(text, treaty.preamble!.span)).toBe('前文\n\nこの条約の締約国は、国際連合憲章の目的及び原則に対する信念を再確認する。');
    expect(treaty.divisions.map((division) => division.kind)).toEqual(['preamble', 'chapter']);
    expect(treaty.articles.map((article) => article.number)).toEqual(['5', '6']);
  });

  it('takes the caption from the heading and the summary from the 要旨 line', () => {
    const article = treaty.articles[0]!;
    expect(article.caption).toBe('集団防衛');
    expect(slice(text, article.labelSpan)).toBe('第5条');
    expect(article.summary).toBe('締約国に対する武力攻撃を全締約国に対する攻撃とみなす。');
  });

  it('keeps the summary out of the paragraphs', () => {
    const [one, two] = treaty.articles[0]!.paragraphs;
    expect(slice(text, one!.span)).toBe('締約国は、武力攻撃を全締約国に対する攻撃とみなすことに同意する。');
    expect(two!.number).toBe(2);
  });

  it('takes a caption line right under an article heading as its caption', () => {
    const treaty = parse('## 第1条\n（目的）\nこの条約は、平和を目的とする。\n');
    expect(treaty.articles[0]!.caption).toBe('目的');
    expect(treaty.articles[0]!.paragraphs).toHaveLength(1);
  });

  it('ends an article at a heading that is not a provision', () => {
    expect(slice(text, treaty.articles[1]!.span)).toBe('第6条\n\n第五条の適用上、武力攻撃には次の攻撃を含む。');
  });

  it('reads `<!-- summary: … -->` and `Summary:` lines as summaries too', () => {
    const english = parse('### Article 1\n\n<!-- summary: Peaceful settlement. -->\n\nThe Parties undertake.\n\n### Article 2\n\nSummary: Cooperation.\n\nThe Parties will contribute.\n');
    expect(english.articles.map((article) => article.summary)).toEqual(['Peaceful settlement.', 'Cooperation.']);
    expect(english.articles.map((article) => article.paragraphs.length)).toEqual([1, 1]);
  });
});

describe('English treaties', () => {
  const text = [
    'TREATY OF EXAMPLE',
    '',
    'The Parties to this Treaty, desiring peace, have agreed as follows:',
    '',
    'CHAPTER I',
    '',
    'Purposes',
    '',
    'Article  1',
    '',
    'The Purposes are:',
    '',
    '1.To maintain peace;',
    '',
    '2.To develop friendly relations.',
    '',
    'ARTICLE II',
    '',
    '1.  Each Party undertakes not to provide: (a) material, or (b) equipment, to any State.',
    '2.  Nothing in this Article applies to paragraph 1 (b) above.',
    '',
    'Composition',
    '',
    'Article IV',
    '',
    'An armed attack is deemed to include an armed attack',
    '',
    '(i) on the territory of any Party;',
    '',
    '(ii) on the forces of any Party.',
    '',
    'Article 7 bis',
    '',
    '1. The Council may:',
    '(a) consider reports;',
    '(b) accept petitions:',
    '(i) in writing;',
    '(ii) orally;',
    '(c) provide for visits.',
    '',
    'IN WITNESS WHEREOF the undersigned have signed this Treaty.',
    '',
    'ANNEX I',
    '',
    'List of States',
  ].join('\n');
  const treaty = parse(text);

  it('reads Article labels with double spaces, capitals and Roman numerals, and bis articles', () => {
    expect(treaty.articles.map((article) => article.number)).toEqual(['1', '2', '4', '7_bis']);
    expect(treaty.articles.map((article) => article.label)).toEqual(['Article  1', 'ARTICLE II', 'Article IV', 'Article 7 bis']);
  });

  it('takes the text before the first chapter as the preamble, without the title', () => {
    expect(slice(text, treaty.preamble!.span)).toBe('The Parties to this Treaty, desiring peace, have agreed as follows:');
  });

  it('takes a chapter title from the next line and a lone short line before an article as a section', () => {
    expect(treaty.divisions.map((division) => `${division.kind}:${division.label}:${division.title}`)).toEqual([
      'preamble:Preamble:null',
      'chapter:CHAPTER I:Purposes',
      'section:Composition:null',
      'annex:ANNEX I:null',
    ]);
    expect(slice(text, treaty.articles[1]!.span)).not.toContain('Composition');
  });

  it('treats the text before paragraph 1 as a chapeau, and `1.To` (no space) as a paragraph label', () => {
    const article = treaty.articles[0]!;
    expect(article.paragraphs.map((paragraph) => slice(text, paragraph.labelSpan))).toEqual(['1.', '2.']);
    expect(slice(text, article.paragraphs[0]!.span)).toBe('1.To maintain peace;');
  });

  it('reads items written inside a paragraph, but not a reference such as `paragraph 1 (b)`', () => {
    const [one, two] = treaty.articles[1]!.paragraphs;
    expect(one!.items.map((item) => item.number)).toEqual(['a', 'b']);
    expect(slice(text, one!.items[0]!.span)).toBe('(a) material, or');
    expect(slice(text, one!.items[1]!.span)).toBe('(b) equipment, to any State.');
    expect(two!.items).toEqual([]);
  });

  it('reads (i), (ii) at line start as items of an unnumbered paragraph', () => {
    const paragraph = treaty.articles[2]!.paragraphs[0]!;
    expect(paragraph.items.map((item) => item.label)).toEqual(['(i)', '(ii)']);
  });

  it('reads (i) after (b) as a sub-item and (c) after it as the next item', () => {
    const items = treaty.articles[3]!.paragraphs[0]!.items;
    expect(items.map((item) => item.number)).toEqual(['a', 'b', 'c']);
    expect(items[1]!.subitems.map((item) => item.number)).toEqual(['i', 'ii']);
  });

  it('ends the last article at the testimonium', () => {
    expect(slice(text, treaty.articles[3]!.span)).toMatch(/provide for visits\.$/);
  });

  it('reads (h), (i), (j) as one letter list', () => {
    const letters = 'abcdefghij'.split('').map((letter) => `(${letter}) text;`).join('\n');
    const list = parse(`Article 1\n\n${letters}\n`);
    expect(list.articles[0]!.paragraphs[0]!.items.map((item) => item.number)).toEqual('abcdefghij'.split(''));
  });

  it('reads `a.` items at line start', () => {
    const list = parse('Article  13\n\n1. The Assembly shall initiate studies for the purpose of:\n\na.promoting cooperation;\n\nb.promoting respect.\n2. Further powers.\n');
    const [one, two] = list.articles[0]!.paragraphs;
    expect(one!.items.map((item) => item.number)).toEqual(['a', 'b']);
    expect(two!.number).toBe(2);
  });

  it('reads a short line right after the label, followed by the text, as the caption', () => {
    const text = 'Article 5\nCrimes within the jurisdiction of the Court\n1. The jurisdiction of the Court shall be limited.\n2. The Court shall exercise jurisdiction.\n';
    const article = parse(text).articles[0]!;
    expect(article.caption).toBe('Crimes within the jurisdiction of the Court');
    expect(article.paragraphs.map((paragraph) => paragraph.number)).toEqual([1, 2]);
    expect(slice(text, article.bodySpan)).toMatch(/^1\. The jurisdiction/);
  });

  it('reads a caption line above an English label and text after two spaces on the label line', () => {
    const text = '(Scope)\nArticle 1  This Act applies to every ship.\n(Definitions)\nArticle 2  In this Act, terms mean as follows.\n';
    const treaty = parse(text);
    expect(treaty.articles.map((article) => article.caption)).toEqual(['Scope', 'Definitions']);
    expect(slice(text, treaty.articles[0]!.bodySpan)).toBe('This Act applies to every ship.');
  });

  it('keeps a lone short line that is an article’s only text in the article', () => {
    const deleted = parse('Article 3\n\nDeleted\n\nArticle 4\n\nText.\n');
    expect(deleted.divisions).toEqual([]);
    expect(deleted.articles[0]!.paragraphs).toHaveLength(1);
  });

  it('does not take a sentence beginning with a citation for an article label', () => {
    const sentence = parse('Article 1\n\nText.\n\nArticle 51 of the Charter applies.\n');
    expect(sentence.articles.map((article) => article.number)).toEqual(['1']);
  });

  it('reads Markdown headings with captions after a dash or a colon', () => {
    const markdown = parse('## Chapter I: Purposes\n\n### Article 5 — Collective defence\n\nThe Parties agree.\n');
    expect(markdown.divisions[0]!.title).toBe('Purposes');
    expect(markdown.articles[0]!.caption).toBe('Collective defence');
  });
});

describe('Russian treaties', () => {
  it('reads Статья headings and numbered paragraphs', () => {
    const text = 'Преамбула\n\nДоговаривающиеся Стороны согласились о нижеследующем:\n\nСтатья 1\n\n1. Стороны сотрудничают.\n2. Стороны консультируются.\n\nСтатья 2. Коллективная оборона\n\nВ случае нападения Стороны оказывают помощь.\n';
    const treaty = parse(text);
    expect(treaty.articles.map((article) => article.number)).toEqual(['1', '2']);
    expect(treaty.articles[0]!.paragraphs.map((paragraph) => paragraph.number)).toEqual([1, 2]);
    expect(treaty.articles[1]!.caption).toBe('Коллективная оборона');
    expect(treaty.preamble?.label).toBe('Преамбула');
  });
});

describe('French treaties', () => {
  it('reads `Article premier` as article 1 and Chapitre / Titre headings as divisions', () => {
    const text = 'TITRE I\n\nCHAPITRE 1\n\nArticle premier\n\nLes parties règlent leurs différends.\n\nArticle 2\n\nLes parties coopèrent.\n\nArticle 3\n\n1. Les parties se consultent.\n2. Elles conviennent.\n';
    const treaty = parse(text);
    expect(treaty.articles.map((article) => [article.number, article.label])).toEqual([['1', 'Article premier'], ['2', 'Article 2'], ['3', 'Article 3']]);
    expect(treaty.articles[2]!.paragraphs.map((paragraph) => paragraph.number)).toEqual([1, 2]);
    expect(treaty.divisions.map((division) => [division.kind, division.number])).toEqual([['part', '1'], ['chapter', '1']]);
    expect(treaty.problems).toEqual([]);
    expect(parse('Article 1er\n\nTexte.\n').articles.map((article) => article.number)).toEqual(['1']);
  });
});

describe('encodings and line endings', () => {
  const lf = '（目的）\n第一条　この法律は、目的を定める。\n２　前項の規定は、適用しない。\n第二条　本文\n';

  it('gives the same structure for CRLF text, with spans that never include the line break', () => {
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = parse(lf);
    const b = parse(crlf);
    expect(b.articles.map((article) => article.number)).toEqual(a.articles.map((article) => article.number));
    const paragraph = b.articles[0]!.paragraphs[1]!;
    expect(slice(crlf, paragraph.span)).toBe('２　前項の規定は、適用しない。');
    expect(slice(crlf, b.articles[0]!.span)).toBe('（目的）\r\n第一条　この法律は、目的を定める。\r\n２　前項の規定は、適用しない。');
  });

  it('handles lone CR line endings', () => {
    const cr = lf.replace(/\n/g, '\r');
    expect(parse(cr).articles.map((article) => article.number)).toEqual(['1', '2']);
  });

  it('skips a byte-order mark and keeps offsets into the whole text', () => {
    const text = `\uFEFF${lf}`;
    const treaty = parse(text);
    expect(treaty.articles[0]!.caption).toBe('目的');
    expect(treaty.articles[0]!.span.start).toBe(1);
  });

  it('starts at bodyStart, after the front matter', () => {
    const text = `---\ntreaty: nato\ntitle: 北大西洋条約\n---\n${lf}`;
    const bodyStart = text.indexOf('（目的）');
    const treaty = parse(text, bodyStart);
    expect(treaty.articles.map((article) => article.number)).toEqual(['1', '2']);
    expect(slice(text, treaty.articles[1]!.labelSpan)).toBe('第二条');
  });

  it('ignores labels inside fenced code and HTML comments', () => {
    const treaty = parse('第一条　本文\n```\n第二条　例\n```\n<!--\n第三条　注\n-->\n第二条　本文\n');
    expect(treaty.articles.map((article) => article.number)).toEqual(['1', '2']);
  });
});

describe('numbering problems', () => {
  const text = '第一条　本文\n第三条　本文\n第二条　本文\n第三条　本文\n　　　附　則\n第一条　本文\n第三条　本文\n';
  const treaty = parse(text);

  it('reports a gap and an out-of-order number as article-order warnings, at the label', () => {
    const order = treaty.problems.filter((problem) => problem.code === 'article-order');
    expect(order.map((problem) => slice(text, problem.span))).toEqual(['第三条', '第二条', '第三条']);
    expect(order[0]!.span.start).toBe(text.indexOf('第三条'));
    expect(order[1]!.span.start).toBe(text.indexOf('第二条'));
  });

  it('reports a repeated number as a duplicate-article error at the repeat', () => {
    const duplicates = treaty.problems.filter((problem) => problem.code === 'duplicate-article');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]!.span.start).toBe(text.indexOf('第三条', text.indexOf('第二条')));
    expect(duplicates[0]!.message).toContain('第三条');
  });

  it('checks each 附則 block on its own: 附則第一条 is no duplicate of 第一条', () => {
    const supplementary = treaty.problems.filter((problem) => problem.span.start > text.indexOf('附　則'));
    expect(supplementary.map((problem) => problem.code)).toEqual(['article-order']);
  });

  it('accepts branch articles and an article after them as consecutive', () => {
    expect(parse('第五条　a\n第五条の二　b\n第五条の三　c\n第六条　d\nArticle 7\n\nx\n\nArticle 7 bis\n\ny\n').problems).toEqual([]);
  });

  it('finds the first of duplicated articles', () => {
    expect(findArticle(treaty, '3')!.span.start).toBe(text.indexOf('第三条'));
  });
});

describe('locateProvision', () => {
  const marked = [
    '（定義）',
    '第二条　この法律において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。',
    '一　条約　国家間の合意',
    '二　協定　次に掲げるもの',
    'イ　二国間の協定',
    'ロ　多数国間$0の協定',
    '２　前項の規定は、適用しない。',
    '',
    '第三条　本文',
  ].join('\n');

  function at(source: string) {
    const { text, offset } = cursor(source);
    return { text, location: locateProvision(parse(text), offset) };
  }

  it('finds article, paragraph, item and sub-item around a cursor in a sub-item', () => {
    const { text, location } = at(marked);
    expect(location!.article.number).toBe('2');
    expect(location!.paragraph!.number).toBe(1);
    expect(location!.item!.number).toBe('2');
    expect(location!.subitem!.number).toBe('ロ');
    expect(slice(text, location!.subitem!.labelSpan)).toBe('ロ');
  });

  it('finds paragraph 2 with no item for a cursor in it', () => {
    const { location } = at(marked.replace('$0', '').replace('前項の規定', '前項$0の規定'));
    expect(location!.paragraph!.number).toBe(2);
    expect(location!.item).toBeNull();
  });

  it('places a cursor on the caption line in the article, outside any paragraph', () => {
    const { location } = at(marked.replace('$0', '').replace('（定義）', '（定$0義）'));
    expect(location!.article.number).toBe('2');
    expect(location!.paragraph).toBeNull();
  });

  it('returns null between articles and before the first one', () => {
    expect(at(marked.replace('$0', '').replace('\n\n第三条', '\n$0\n第三条')).location).toBeNull();
    expect(at(`前書き$0\n${marked.replace('$0', '')}`).location).toBeNull();
  });

  it('finds a paragraph of a 附則 without articles', () => {
    const { location } = at('第一条　本文\n　　　附　則\n１　この法律は、公布の日から施行する。\n２　前項の$0規定にかかわらず、従前の例による。\n');
    expect(location!.article.supplementaryGroup).toBe(0);
    expect(location!.article.number).toBe('');
    expect(location!.paragraph!.number).toBe(2);
  });

  it('finds an English item written inside a paragraph', () => {
    const { location } = at('Article 3\n\n2.  Each State undertakes not to provide: (a) source material, or (b) equip$0ment, to any State.\n');
    expect(location!.article.number).toBe('3');
    expect(location!.paragraph!.number).toBe(2);
    expect(location!.item!.number).toBe('b');
  });
});

describe('look-up helpers', () => {
  const treaty = parse('第六条　a\n第六条の二　b\n２　c\n一　d\n第七条　e\n');

  it('normalises written article numbers', () => {
    expect(findArticle(treaty, '６の２')?.label).toBe('第六条の二');
    expect(findArticle(treaty, '6_2')?.label).toBe('第六条の二');
  });

  it('finds the adjacent article, paragraph and item', () => {
    const branch = findArticle(treaty, '6_2')!;
    expect(adjacentArticle(treaty, branch, -1)?.number).toBe('6');
    expect(adjacentArticle(treaty, branch, 1)?.number).toBe('7');
    const paragraph = findParagraph(branch, 2)!;
    expect(findItem(paragraph, '1')?.label).toBe('一');
  });
});

describe('robustness', () => {
  it('never throws and keeps every span inside the text and nested in its article', () => {
    const pieces = ['第一条　', '２　', '一　', 'イ　', '（１）　', '附　則', '\n', '\r\n', 'Article 5', '1.', '(a) ', '(i) ', '# ', '## 第3条（見出し）', '　', 'text', '（見出し）', '第一章　総則', 'CHAPTER I', '```', '<!--', '-->', '要旨：', 'Annex', '\uFEFF'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const treaty = parse(text);
        for (const article of treaty.articles) {
          expect(article.span.start).toBeLessThanOrEqual(article.span.end);
          expect(article.span.end).toBeLessThanOrEqual(text.length);
          for (const paragraph of article.paragraphs) {
            expect(paragraph.span.start).toBeGreaterThanOrEqual(article.span.start);
            expect(paragraph.span.end).toBeLessThanOrEqual(article.span.end);
            for (const item of paragraph.items) {
              expect(item.span.start).toBeGreaterThanOrEqual(paragraph.span.start);
              expect(item.span.end).toBeLessThanOrEqual(paragraph.span.end);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });


});
