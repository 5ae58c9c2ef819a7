import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findArticle, parseTreaty } from '../../server/src/core/treaty/parse';
import type { Article, Treaty } from '../../server/src/core/types';

// The real treaty and statute texts of test/data/corpus/treaties; the expected numbers below were counted by hand
// (and with grep) from the texts themselves.
const corpus = path.resolve(__dirname, '../data/corpus/treaties');

interface Parsed {
  readonly text: string;
  readonly treaty: Treaty;
  readonly milliseconds: number;
}

const parsed = new Map<string, Parsed>();

function load(file: string): Parsed {
  const cached = parsed.get(file);
  if (cached) return cached;
  const text = readFileSync(path.join(corpus, file), 'utf8');
  const started = performance.now();
  const treaty = parseTreaty(text, 0, { id: file, title: file, short: null, aliases: [], lang: null });
  const result = { text, treaty, milliseconds: performance.now() - started };
  parsed.set(file, result);
  return result;
}

const mainArticles = (treaty: Treaty): Article[] => treaty.articles.filter((article) => !article.supplementary);
const numbered = (treaty: Treaty): Article[] => treaty.articles.filter((article) => article.number !== '');
const block = (treaty: Treaty, group: number): Article[] =>
  treaty.articles.filter((article) => article.supplementaryGroup === group);
const numbers = (articles: readonly Article[]): string[] => articles.map((article) => article.number);
const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, index) => String(from + index));

/** The item numbers of a paragraph, sub-items in brackets: `4[イ,ロ]`. */
function itemOutline(article: Article, paragraph: number): string[] {
  const found = article.paragraphs.find((candidate) => candidate.number === paragraph)!;
  return found.items.map((item) => (item.subitems.length === 0 ? item.number : `${item.number}[${item.subitems.map((sub) => sub.number).join(',')}]`));
}

afterAll(() => {
  // The table of counts for the closing note.
  const rows = [...parsed.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([file, { text, treaty, milliseconds }]) => ({
    file,
    chars: text.length,
    main: mainArticles(treaty).length,
    '附則 blocks': treaty.supplementaryBlocks.length,
    '附則 articles': numbered(treaty).filter((article) => article.supplementary).length,
    'unnumbered 附則': treaty.articles.filter((article) => article.number === '').length,
    divisions: treaty.divisions.length,
    problems: treaty.problems.length,
    'first-parse ms (cold)': Number(milliseconds.toFixed(1)),
  }));
  console.table(rows);
});

describe('every corpus text parses', () => {
  const files = readdirSync(corpus).filter((file) => file.endsWith('.txt'));

  it.each(files)('%s parses without problems and with unique main-provision numbers', (file) => {
    const { treaty } = load(file);
    // The English texts have no captions; none may be invented from their first lines.
    if (file.endsWith('.en.txt')) expect(treaty.articles.filter((article) => article.caption !== null)).toEqual([]);
    expect(treaty.problems).toEqual([]);
    const main = numbers(mainArticles(treaty));
    expect(new Set(main).size).toBe(main.length);
    expect(main.length).toBeGreaterThan(0);
  });
});

describe('North Atlantic Treaty', () => {
  const { treaty, text } = load('north-atlantic-treaty.en.txt');

  it('has articles 1 to 14 after a preamble', () => {
    expect(numbers(treaty.articles)).toEqual(range(1, 14));
    expect(text.slice(treaty.preamble!.span.start, treaty.preamble!.span.end)).toMatch(/^The Parties to this Treaty reaffirm[^]*North Atlantic Treaty:$/);
  });

  it('reads Article 6 as one paragraph with items (i) and (ii)', () => {
    const article = findArticle(treaty, '6')!;
    expect(article.paragraphs).toHaveLength(1);
    expect(itemOutline(article, 1)).toEqual(['i', 'ii']);
  });

  it('ends Article 14 before the testimonium', () => {
    const article = findArticle(treaty, '14')!;
    expect(text.slice(article.span.start, article.span.end)).not.toContain('In witness whereof');
  });
});

describe('Charter of the United Nations', () => {
  const { treaty, text } = load('un-charter.en.txt');

  it('has articles 1 to 111 in order', () => {
    expect(numbers(treaty.articles)).toEqual(range(1, 111));
  });

  it('has nineteen chapters with their titles and sixteen section headings (Composition, Voting…)', () => {
    const chapters = treaty.divisions.filter((division) => division.kind === 'chapter');
    expect(chapters.map((chapter) => chapter.number)).toEqual(range(1, 19));
    expect(chapters[6]!.title).toBe('Action with respect to threats to the peace, breaches of the peace and acts of aggression');
    const sections = treaty.divisions.filter((division) => division.kind === 'section');
    expect(sections).toHaveLength(16);
    expect(sections.slice(0, 4).map((section) => section.label)).toEqual(['Composition', 'Functions and Powers', 'Voting', 'Procedure']);
  });

  it('reads paragraphs written `1.To maintain` after a chapeau: Article 1 has 4, Article 2 has 7', () => {
    expect(findArticle(treaty, '1')!.paragraphs.map((paragraph) => paragraph.number)).toEqual([1, 2, 3, 4]);
    const article2 = findArticle(treaty, '2')!;
    expect(article2.paragraphs).toHaveLength(7);
    expect(text.slice(article2.paragraphs[3]!.span.start, article2.paragraphs[3]!.span.start + 30)).toBe('4.All Members shall refrain in');
  });

  it('reads the `a.` items of Articles 13, 73 and 76', () => {
    expect(itemOutline(findArticle(treaty, '13')!, 1)).toEqual(['a', 'b']);
    expect(findArticle(treaty, '13')!.paragraphs).toHaveLength(2);
    expect(itemOutline(findArticle(treaty, '73')!, 1)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(itemOutline(findArticle(treaty, '76')!, 1)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('counts the paragraphs of Article 51 (one) and Article 109 (three)', () => {
    expect(findArticle(treaty, '51')!.paragraphs).toHaveLength(1);
    expect(findArticle(treaty, '109')!.paragraphs).toHaveLength(3);
  });
});

describe('Treaty on the Non-Proliferation of Nuclear Weapons', () => {
  const { treaty } = load('npt.en.txt');

  it('has articles I to XI, numbered 1 to 11', () => {
    expect(numbers(treaty.articles)).toEqual(range(1, 11));
    expect(treaty.articles[3]!.label).toBe('Article  IV');
  });

  it('gives Article III four paragraphs, with the inline items (a) and (b) in paragraph 2', () => {
    const article = findArticle(treaty, '3')!;
    expect(article.paragraphs.map((paragraph) => paragraph.number)).toEqual([1, 2, 3, 4]);
    expect(itemOutline(article, 2)).toEqual(['a', 'b']);
    expect(itemOutline(article, 1)).toEqual([]);
  });

  it('gives Article IX six paragraphs and Article X two', () => {
    expect(findArticle(treaty, '9')!.paragraphs).toHaveLength(6);
    expect(findArticle(treaty, '10')!.paragraphs).toHaveLength(2);
  });
});

describe('自衛隊法', () => {
  const { treaty, text } = load('jp-law-jieitai-ho_S29HO165.txt');
  const main = mainArticles(treaty);

  it('has 243 main-provision articles from 第一条 to 第百二十五条 with all branch articles', () => {
    expect(main).toHaveLength(243);
    expect(main[0]!.label).toBe('第一条');
    expect(main.at(-1)!.label).toBe('第百二十五条');
    const branches = numbers(main).filter((number) => number.startsWith('115_'));
    expect(branches).toEqual(range(2, 24).map((branch) => `115_${branch}`));
    expect(numbers(main)).toContain('117_2');
  });

  it('keeps the table of contents out: chapters, sections and 款 come from the body', () => {
    const kinds = treaty.divisions.map((division) => division.kind);
    expect(kinds.filter((kind) => kind === 'chapter')).toHaveLength(9);
    expect(kinds.filter((kind) => kind === 'section')).toHaveLength(10);
    expect(kinds.filter((kind) => kind === 'subsection')).toHaveLength(3);
    expect(treaty.divisions[0]!.span.start).toBeGreaterThan(text.indexOf('（第百十八条―第百二十五条）'));
  });

  it('reads the 別表 as three annexes', () => {
    const annexes = treaty.divisions.filter((division) => division.kind === 'annex');
    expect(annexes.map((annex) => `${annex.label}:${annex.number}`)).toEqual(['別表第一:1', '別表第二:2', '別表第三:3']);
  });

  it('has 144 附則 blocks: the original (an excerpt, paragraphs only) and 143 of amending acts', () => {
    expect(treaty.supplementaryBlocks).toHaveLength(144);
    expect(treaty.supplementaryBlocks[0]!.amendingAct).toBeNull();
    expect(treaty.supplementaryBlocks.slice(1).every((entry) => entry.amendingAct !== null)).toBe(true);
    expect(numbered(treaty).filter((article) => article.supplementary)).toHaveLength(147);
  });

  it('keeps the original 附則 as ten paragraphs of an unnumbered body', () => {
    const [body, ...rest] = block(treaty, 0);
    expect(rest).toEqual([]);
    expect(body!.number).toBe('');
    expect(body!.paragraphs.map((paragraph) => paragraph.number)).toEqual(range(1, 10).map(Number));
    expect(itemOutline(body!, 7)).toEqual(['1', '2']);
  });

  it('numbers the articles of an amending act’s 附則 on their own (平成一一年法律第八七号)', () => {
    const group = treaty.supplementaryBlocks.findIndex((entry) => entry.amendingAct === '平成一一年七月一六日法律第八七号');
    expect(numbers(block(treaty, group))).toEqual(['1', '159', '160', '161', '162', '163', '164', '250', '251', '252']);
    expect(findArticle(treaty, '160', group)!.paragraphs).toHaveLength(2);
  });

  it('reads items with sub-items in a 附則 article (平成二一年法律第四四号 附則第一条)', () => {
    const group = treaty.supplementaryBlocks.findIndex((entry) => entry.amendingAct === '平成二一年六月三日法律第四四号');
    expect(numbers(block(treaty, group))).toEqual(range(1, 5));
    expect(itemOutline(findArticle(treaty, '1', group)!, 1)).toEqual(['1[イ,ロ,ハ,ニ]', '2[イ,ロ,ハ]', '3[イ,ロ,ハ]', '4']);
  });

  it('keeps the gap in the paragraphs of 昭和三七年法律第一六一号 附則 (no ７)', () => {
    const group = treaty.supplementaryBlocks.findIndex((entry) => entry.amendingAct === '昭和三七年九月一五日法律第一六一号');
    expect(block(treaty, group)[0]!.paragraphs.map((paragraph) => paragraph.number)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10]);
  });

  it('reads 第三条 (three paragraphs, two items in paragraph 2) and 第百三条 (nineteen paragraphs)', () => {
    const article3 = findArticle(treaty, '3')!;
    expect(article3.caption).toBe('自衛隊の任務');
    expect(article3.paragraphs).toHaveLength(3);
    expect(itemOutline(article3, 2)).toEqual(['1', '2']);
    const article103 = findArticle(treaty, '103')!;
    expect(article103.paragraphs.map((paragraph) => paragraph.number)).toEqual(range(1, 19).map(Number));
    expect(itemOutline(article103, 8)).toEqual(['1', '2', '3[イ,ロ,ハ,ニ,ホ,ヘ,ト,チ]', '4']);
  });

  it('ends 第九条の二 before the chapter line that follows it', () => {
    const article = findArticle(treaty, '9_2')!;
    expect(text.slice(article.span.start, article.span.end)).not.toContain('第三章');
    expect(article.caption).toBe('統合幕僚長とその他の幕僚長との関係');
  });
});

describe('行政手続法', () => {
  const { treaty } = load('jp-law-gyosei-tetsuzuki-ho_405AC0000000088.txt');

  it('has 48 main-provision articles (第一条 to 第四十六条 with 第三十六条の二 and の三)', () => {
    const main = numbers(mainArticles(treaty));
    expect(main).toHaveLength(48);
    expect(main.slice(34, 39)).toEqual(['35', '36', '36_2', '36_3', '37']);
  });

  it('skips the 目次 and reads seven chapters, 第四章の二 and three sections', () => {
    expect(treaty.divisions.map((division) => `${division.kind}:${division.number}`)).toEqual([
      'chapter:1', 'chapter:2', 'chapter:3', 'section:1', 'section:2', 'section:3', 'chapter:4', 'chapter:4_2',
      'chapter:5', 'chapter:6', 'chapter:7',
    ]);
  });

  it('reads the items and sub-items of 第二条', () => {
    const article = findArticle(treaty, '2')!;
    expect(article.paragraphs).toHaveLength(1);
    expect(itemOutline(article, 1)).toEqual(['1', '2', '3', '4[イ,ロ,ハ,ニ]', '5[イ,ロ]', '6', '7', '8[イ,ロ,ハ,ニ]']);
  });

  it('has 14 附則 blocks; the original one is four paragraphs', () => {
    expect(treaty.supplementaryBlocks).toHaveLength(14);
    expect(block(treaty, 0).map((article) => `${article.number}:${article.paragraphs.length}`)).toEqual([':4']);
    const group = treaty.supplementaryBlocks.findIndex((entry) => entry.amendingAct === '平成二六年六月一三日法律第六九号');
    expect(numbers(block(treaty, group))).toEqual(['1', '5', '6', '10']);
    expect(findArticle(treaty, '6', group)!.paragraphs).toHaveLength(3);
  });
});

describe('事態対処法', () => {
  const { treaty } = load('jp-law-jitai-taisho-ho_H15HO079.txt');

  it('has 27 main-provision articles in four chapters and 5 附則 blocks', () => {
    expect(numbers(mainArticles(treaty))).toEqual(range(1, 27));
    expect(treaty.divisions.map((division) => division.title)).toEqual([
      '総則', '武力攻撃事態等への対処のための手続等', '武力攻撃事態等への対処に関する法制の整備',
      '緊急対処事態その他の緊急事態への対処のための措置',
    ]);
    expect(treaty.supplementaryBlocks).toHaveLength(5);
  });

  it('folds （１）（２）（３） into the sub-items of 第二条第七号', () => {
    expect(itemOutline(findArticle(treaty, '2')!, 1)).toEqual(['1', '2', '3', '4[イ,ロ,ハ,ニ]', '5', '6', '7[イ,ロ]']);
  });
});

describe('米軍行動関連措置法', () => {
  const { treaty } = load('jp-law-beigun-kodo-kanren-sochi-ho_H16HO113.txt');

  it('has 17 main-provision articles and 3 附則 blocks', () => {
    expect(numbers(mainArticles(treaty))).toEqual(range(1, 17));
    expect(treaty.supplementaryBlocks).toHaveLength(3);
  });

  it('reads five items in 第二条 and four paragraphs in 第十条', () => {
    expect(itemOutline(findArticle(treaty, '2')!, 1)).toEqual(range(1, 5));
    expect(findArticle(treaty, '10')!.paragraphs).toHaveLength(4);
  });
});

describe('国家安全保障会議設置法', () => {
  const { treaty } = load('jp-law-nsc-setchi-ho_S61HO071.txt');

  it('has 14 main-provision articles and 7 附則 blocks', () => {
    expect(numbers(mainArticles(treaty))).toEqual(range(1, 14));
    expect(treaty.supplementaryBlocks).toHaveLength(7);
  });

  it('reads eleven items in 第二条第一項 and three paragraphs', () => {
    const article = findArticle(treaty, '2')!;
    expect(article.paragraphs).toHaveLength(3);
    expect(itemOutline(article, 1)).toEqual(range(1, 11));
  });

  it('reads the blocks: six paragraphs, an excerpt with 第一条・第三条・第三十条, a bare sentence', () => {
    expect(block(treaty, 0).map((article) => `${article.number}:${article.paragraphs.length}`)).toEqual([':6']);
    expect(numbers(block(treaty, 1))).toEqual(['1', '3', '30']);
    expect(block(treaty, 2).map((article) => `${article.number}:${article.paragraphs.length}`)).toEqual([':1']);
    expect(numbers(block(treaty, 6))).toEqual(['1', '42']);
  });
});

describe('国際平和協力法', () => {
  const { treaty } = load('jp-law-pko-ho_H04HO079.txt');

  it('has 27 main-provision articles, 6 附則 blocks and three 別表', () => {
    expect(numbers(mainArticles(treaty))).toEqual(range(1, 27));
    expect(treaty.supplementaryBlocks).toHaveLength(6);
    expect(treaty.divisions.filter((division) => division.kind === 'annex')).toHaveLength(3);
  });

  it('reads 第三条 with the branch item 二の二 and seventeen sub-items in 第三号', () => {
    expect(itemOutline(findArticle(treaty, '3')!, 1)).toEqual([
      '1', '2', '2_2', '3[イ,ロ,ハ,ニ,ホ,ヘ,ト,チ,リ,ヌ,ル,ヲ,ワ,カ,ヨ,タ,レ]', '4[イ,ロ,ハ]', '5', '6', '7[イ,ロ]',
    ]);
  });

  it('reads thirteen paragraphs in 第六条, folding （１）（２） into 第二項第二号’s sub-items', () => {
    const article = findArticle(treaty, '6')!;
    expect(article.paragraphs).toHaveLength(13);
    expect(itemOutline(article, 2)).toEqual(['1', '2[イ,ロ,ハ,ニ,ホ,ヘ,ト,チ]']);
    expect(itemOutline(article, 13)).toEqual(['1', '2', '3']);
  });

  it('keeps 附則第二条（削除） as an article of the original 附則', () => {
    expect(numbers(block(treaty, 0))).toEqual(['1', '2', '3']);
  });
});

