// Import: e-Gov's Standard Law XML, the law API's law_data JSON and text pasted from a PDF or a web page become treaty
// documents that parse to what the source holds, with every piece of source text kept as text.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { analyzeDocument } from '../../server/src/core/document';
import {
  cleanPastedText,
  convertLaw,
  convertPastedText,
  convertSource,
  ImportError,
  lawIdOfNumber,
  lawTreeOfLawData,
  lawTreeOfXml,
  readBack,
} from '../../server/src/core/import/index';
import { escapeMarkdownLine } from '../../server/src/core/import/markdown';
import type { Article, Treaty } from '../../server/src/core/types';
import { readCorpus } from '../corpus/corpus';
import { dedent } from '../fixture';
import { GYOSEI_XML_FILE, gyoseiLawData, gyoseiXml } from '../importData';

const treatyOf = (text: string, uri = 'file:///laws/imported.md'): Treaty => {
  const facts = analyzeDocument(uri, text, DEFAULT_CONFIG);
  expect(facts.kind).toBe('treaty');
  return facts.treaty!;
};

/** An article as `block:number(caption)[paragraph:items<sub-items>…]`. */
const outline = (treaty: Treaty): string[] =>
  treaty.articles.map((article: Article) => {
    const paragraphs = article.paragraphs.map(
      (paragraph) => `${paragraph.number}:${paragraph.items.map((item) => item.number + (item.subitems.length > 0 ? `<${item.subitems.map((sub) => sub.number).join(',')}>` : '')).join(',')}`,
    );
    return `${article.supplementaryGroup ?? ''}:${article.number}${article.caption ? `(${article.caption})` : ''}[${paragraphs.join(' ')}]`;
  });

describe('importing e-Gov Standard Law XML', () => {
  const imported = convertSource(GYOSEI_XML_FILE.split('/')[1]!, gyoseiXml());
  const treaty = treatyOf(imported.text);
  const main = treaty.articles.filter((article) => !article.supplementary);

  it('writes the law id, title, short title, law number, as-of date and e-Gov page in the front matter', () => {
    expect(imported.text.slice(0, imported.text.indexOf('\n---\n') + 5)).toBe(
      dedent(`
        ---
        treaty: 405AC0000000088
        title: 行政手続法
        short: 行手法
        lang: ja
        law_number: 平成五年法律第八十八号
        as_of: 2024-04-01
        source: https://laws.e-gov.go.jp/law/405AC0000000088
        ---
      `),
    );
    expect(treaty.id).toBe('405AC0000000088');
    expect(treaty.short).toBe('行手法');
  });

  it('keeps the 48 articles of the main provision, their 105 paragraphs and 92 items, and the 14 附則 blocks', () => {
    expect(main).toHaveLength(48);
    expect(main.map((article) => article.number).slice(35, 39)).toEqual(['36', '36_2', '36_3', '37']);
    expect(main.reduce((sum, article) => sum + article.paragraphs.length, 0)).toBe(105);
    expect(main.reduce((sum, article) => sum + article.paragraphs.reduce((count, paragraph) => count + paragraph.items.length, 0), 0)).toBe(92);
    expect(treaty.supplementaryBlocks).toHaveLength(14);
    expect(treaty.supplementaryBlocks[0]!.amendingAct).toBeNull();
    expect(treaty.supplementaryBlocks[1]!.amendingAct).toBe('平成一一年一二月八日法律第一五一号');
  });

  it('parses to the same articles, captions, paragraphs, items and sub-items as the same law rendered as text', () => {
    const text = readCorpus('treaties/jp-law-gyosei-tetsuzuki-ho_405AC0000000088.txt').replace(/^# source:[^\n]*\n/, '');
    expect(outline(treaty)).toEqual(outline(treatyOf(text, 'file:///laws/gyosei.txt')));
    expect(treaty.divisions.filter((division) => division.kind === 'chapter').map((division) => division.label)).toEqual([
      '第一章', '第二章', '第三章', '第四章', '第四章の二', '第五章', '第六章', '第七章',
    ]);
  });

  it('round-trips: reading the written document back finds no numbering problem', () => {
    expect(readBack(imported)).toEqual([]);
    expect(treaty.problems).toEqual([]);
  });

  it('gives hover the article text, and puts a defined term and its definition on the item’s line', () => {
    const article2 = main.find((article) => article.number === '2')!;
    const item = article2.paragraphs[0]!.items[0]!;
    expect(imported.text.slice(item.span.start, item.span.end)).toBe('一　法令　法律、法律に基づく命令（告示を含む。）、条例及び地方公共団体の執行機関の規則（規程を含む。以下「規則」という。）をいう。');
  });

  it('reads the law_data JSON of the API to the very same document', () => {
    expect(convertSource('law_data.json', JSON.stringify(gyoseiLawData())).text).toBe(imported.text);
  });

  it('refuses XML that is not well formed, or not a law, with what is wrong', () => {
    expect(() => lawTreeOfXml('<Law><LawBody></Law>')).toThrow(/not well-formed XML \(line 1/);
    expect(() => lawTreeOfXml('<?xml version="1.0"?><html><body/></html>')).toThrow(/not an e-Gov law/);
    expect(() => lawTreeOfLawData({ law_full_text: { tag: 'Law', children: 'oops' } })).toThrow(/children of Law are not a list/);
    expect(() => lawTreeOfLawData([])).toThrow(ImportError);
  });
});

describe('text from the source never becomes markup', () => {
  const law = (sentence: string, caption = '（目的）'): string =>
    `<Law Era="Reiwa" Year="07" Num="001" LawType="Act"><LawNum>令和七年法律第一号</LawNum><LawBody><LawTitle Abbrev="">架空*試験*法</LawTitle><MainProvision>
      <Article Num="1"><ArticleCaption>${caption}</ArticleCaption><ArticleTitle>第一条</ArticleTitle><Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>${sentence}</Sentence></ParagraphSentence></Paragraph></Article>
      <Article Num="2"><ArticleTitle>第二条</ArticleTitle><Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>二条。</Sentence></ParagraphSentence></Paragraph></Article>
      </MainProvision></LawBody></Law>`;

  it('escapes emphasis, code, links, HTML and entities in a sentence and in the title', () => {
    const { text } = convertLaw(lawTreeOfXml(law('**強調** `code` [リンク](http://x) &lt;b&gt;太字&lt;/b&gt; &amp;amp; &lt;!-- 注 --&gt;')));
    expect(text).toContain('\\*\\*強調\\*\\* \\`code\\` \\[リンク\\](http://x) \\<b\\>太字\\</b\\> \\&amp; \\<!-- 注 --\\>');
    expect(text).toContain('# 架空\\*試験\\*法');
    expect(text).toContain('title: 架空*試験*法');
    // The comment is text: its words are in the article.
    const treaty = treatyOf(text);
    expect(text.slice(treaty.articles[0]!.bodySpan.start, treaty.articles[0]!.bodySpan.end)).toContain('注');
  });

  it('escapes what would start a heading, a quote, a list or a rule at a line’s start', () => {
    expect(['# 見出し', '> 引用', '- 項目', '+ 項目', '1. 番号', '2) 番号', '---', '=== ', '| 表 |'].map((line) => escapeMarkdownLine(line))).toEqual([
      '\\# 見出し', '\\> 引用', '\\- 項目', '\\+ 項目', '1\\. 番号', '2\\) 番号', '\\---', '\\=== ', '\\| 表 |',
    ]);
  });

  it('writes YAML that reads back as the title, whatever it holds', () => {
    const { text } = convertLaw(lawTreeOfXml(law('本文。').replace('架空*試験*法', '"引用": #印 ---')));
    expect(treatyOf(text).title).toBe('"引用": #印 ---');
  });
});

describe('e-Gov law ids of law numbers', () => {
  it('are the era digit, the two-digit year, AC and the ten-digit number for a 法律', () => {
    expect(lawIdOfNumber('昭和二十九年法律第百六十五号')).toBe('329AC0000000165');
    expect(lawIdOfNumber('平成五年法律第八十八号')).toBe('405AC0000000088');
    expect(lawIdOfNumber('平成十五年六月十三日法律第七十九号')).toBe('415AC0000000079');
    expect(lawIdOfNumber('令和元年法律第一号')).toBe('501AC0000000001');
    expect(lawIdOfNumber('明治二十九年法律第八十九号')).toBe('129AC0000000089');
  });

  it('are not guessed for a cabinet order or anything else', () => {
    expect(lawIdOfNumber('平成五年政令第八十八号')).toBeNull();
    expect(lawIdOfNumber('自衛隊法')).toBeNull();
  });
});

describe('text pasted from a PDF', () => {
  // A treaty-like text of our own, as a PDF's text layer gives it: justified lines broken mid-sentence, a running
  // header and a page number at each page break, `第 2 条` spaced out, full-width digits.
  const pdf = [
    '沿岸警備協力に関する協定',
    '',
    '両締約国は、沿岸の安全を共同して確保することを希望して、次のとおり協定し',
    'た。',
    '',
    '第 １ 条（目的）',
    'この協定は、両締約国の沿岸警備当局の間の協力の枠組みを定めることを目',
    '的とする。',
    '',
    '第 2 条（定義）',
    'この協定の適用上、次の用語は、それぞれ次に定める意味を有する。',
    '一　「沿岸警備当局」とは、各締約国において沿岸の警備を担当する機関をい',
    'う。',
    '二　「共同訓練」とは、両締約国の沿岸警備当局が共同して行う訓練をいう。',
    '',
    '- 1 -',
    '沿岸警備協力に関する協定（仮訳）',
    '',
    '第 3 条（情報の交換）',
    '両締約国の沿岸警備当局は、第 2 条に定める共同訓練の実施に必要な情報を',
    '適時に交換する。',
    '２　前項の情報は、提供した締約国の同意なしに第三者に開示してはならない。',
    '',
    '- 2 -',
    '沿岸警備協力に関する協定（仮訳）',
    '',
    '第 4 条（効力発生）',
    'この協定は、署名の日に効力を生ずる。',
    '',
    '- 3 -',
    '沿岸警備協力に関する協定（仮訳）',
  ].join('\n');

  it('imports to the right articles, paragraphs and items', () => {
    const imported = convertPastedText(pdf, { id: 'coast-guard' });
    expect(imported.title).toBe('沿岸警備協力に関する協定');
    const treaty = treatyOf(imported.text);
    expect(treaty.id).toBe('coast-guard');
    expect(outline(treaty)).toEqual([':1(目的)[1:]', ':2(定義)[1:1,2]', ':3(情報の交換)[1: 2:]', ':4(効力発生)[1:]']);
    expect(treaty.preamble).not.toBeNull();
    expect(readBack(imported)).toEqual([]);
  });

  it('joins broken lines, drops page numbers and running headers, and closes up 第 2 条', () => {
    const cleaned = cleanPastedText(pdf);
    expect(cleaned).toContain('この協定は、両締約国の沿岸警備当局の間の協力の枠組みを定めることを目的とする。');
    expect(cleaned).toContain('一　「沿岸警備当局」とは、各締約国において沿岸の警備を担当する機関をいう。');
    expect(cleaned).toContain('第１条（目的）');
    expect(cleaned).toContain('第2条に定める共同訓練の実施に必要な情報を適時に交換する。');
    expect(cleaned).not.toMatch(/- [0-9] -|（仮訳）/);
    expect(cleaned.split('\n')[0]).toBe('沿岸警備協力に関する協定');
  });

  it('keeps English paragraphs and a title line apart from the text under them', () => {
    const english = dedent(`
      Convention on Harbour Safety
      The Parties, desiring to make harbours
      safe for all vessels, have agreed as follows:
      Article 1
      1. Each Party shall designate a harbour authority
      responsible for the safety of navigation.
      2. The authority shall publish its rules.
      Page 1 of 2
      Article 2
      (a) pilots shall be licensed;
      (b) tugs shall be inspected.
      Article 3
      This Convention enters into force on signature.
    `);
    const cleaned = cleanPastedText(english);
    expect(cleaned).toContain('1. Each Party shall designate a harbour authority responsible for the safety of navigation.');
    expect(cleaned).not.toContain('Page 1 of 2');
    const imported = convertPastedText(english, { id: 'harbour' });
    expect(outline(treatyOf(imported.text))).toEqual([':1[1: 2:]', ':2[1:a,b]', ':3[1:]']);
  });

  it('reduces HTML to its text: blocks on their own lines, scripts and styles dropped, entities decoded', () => {
    const html = `<!doctype html><html><head><title>Site</title><style>p{}</style></head><body>
      <h1>沿岸警備協力に関する協定</h1><script>alert(1)</script>
      <p>第一条　この協定は、協力の枠組みを定める。</p><p>第二条　両締約国は、情報を&amp;交換する。</p>
      <div>第三条　この協定は、署名の日に効力を生ずる。<br>２　この協定は、十年間効力を有する。</div></body></html>`;
    const imported = convertPastedText(html, { id: 'html' });
    expect(imported.title).toBe('沿岸警備協力に関する協定');
    expect(imported.text).not.toMatch(/alert|p\{\}|Site/);
    expect(imported.text).toContain('第二条　両締約国は、情報を\\&交換する。');
    expect(outline(treatyOf(imported.text))).toEqual([':1[1:]', ':2[1:]', ':3[1: 2:]']);
  });

  it('has nothing to import from a text without articles', () => {
    expect(() => convertPastedText('ただのメモ。\n条約の話はない。\n')).toThrow(expect.objectContaining({ kind: 'nothing' }));
  });
});
