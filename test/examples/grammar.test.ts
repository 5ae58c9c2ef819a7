// The Japanese grammar on the real PDF-pasted analyses: the exact list of citations each contains.
import { describe, expect, it } from 'vitest';
import { scanJapanese } from '../../server/src/core/citation/japanese';
import type { CitationSyntax, LevelRef } from '../../server/src/core/types';
import { readExample } from './examples';

function describeLevel(ref: LevelRef | null): string {
  if (ref === null) return 'null';
  if (ref.kind === 'number') return ref.value;
  if (ref.kind === 'previous') return `previous(${ref.count})`;
  if (ref.kind === 'each') return ref.previous ? 'each(previous)' : 'each';
  return ref.kind;
}

/** `text → article(paragraph) [qualifier]`, the way the expectations below are written. */
function describeCitation(text: string, citation: CitationSyntax): string {
  const written = text.slice(citation.span.start, citation.span.end);
  const article = citation.preamble ? '前文' : describeLevel(citation.article);
  const paragraph = citation.paragraph ? `(${describeLevel(citation.paragraph)})` : '';
  const qualifier = citation.qualifier?.kind === 'name' ? ` [${citation.qualifier.name}]` : '';
  return `${written} → ${article}${paragraph}${qualifier}`;
}

describe('the real analyses pasted from PDFs', () => {
  const read = readExample;

  it('finds exactly the citations of the Russia–Belarus treaty analysis', () => {
    const text = read('ndl-russia-belarus-security-treaty.txt');
    const scan = scanJapanese(text, { treatyDocument: false });
    // Not citations: 全 9 か条 (a count), 連邦法第 12 号 (a law number), 第一に/第二に/第三に, 第三国.
    expect(scan.citations.map((citation) => describeCitation(text, citation))).toEqual([
      '前文 → 前文',
      '第 9 条 → 9',
      '前文 → 前文',
      '第 2 条第 2 項 → 2(2)',
      '第4条第1項 → 4(1)',
      '第 5 条 → 5',
      '第 6 条第 1 項 → 6(1)',
      '同条第 2 項 → same(2)',
    ]);
    // 「…条約」3（以下「ロシア・\n\nベラルーシ安全保障条約」）: footnote digit and PDF line breaks.
    expect(scan.aliases.map((alias) => [alias.alias, alias.fullName])).toEqual([
      ['ロシア・ベラルーシ安全保障条約', 'ロシア連邦とベラルーシ共和国の連合国家の枠組みにおける安全保障に関する条約'],
    ]);
    expect(scan.mentions.filter((mention) => mention.topic).map((mention) => mention.name)).toEqual([
      'ロシア・ベラルーシ安全保障条約',
      'ロシア・ベラルーシ安全保障条約',
    ]);
  });

  it('finds exactly the citations of the Russia–DPRK treaty analysis', () => {
    const text = read('ndl-russia-dprk-partnership-treaty.txt');
    const scan = scanJapanese(text, { treatyDocument: false });
    // Not citations: 全 23 か条, 連邦法第 374 号, 条項, 条件, and 「第 6 章 ロシアから見た…」 (a book's chapter in a footnote).
    expect(scan.citations.map((citation) => describeCitation(text, citation))).toEqual([
      '前文 → 前文',
      '第 4 条 → 4',
      '国連憲章第 51 条 → 51 [国連憲章]',
      '第 10 条 → 10',
      '第 11 条 → 11',
      '第 13 条 → 13',
      '第 18 条 → 18',
      '第 19 条 → 19',
      '第 20 条 → 20',
      '国連憲章第 51 条 → 51 [国連憲章]',
    ]);
    expect(scan.aliases.map((alias) => [alias.alias, alias.fullName])).toEqual([
      ['ロ朝戦略的パートナーシップ条約', 'ロシア連邦と朝鮮民主主義人民共和国の間の包括的戦略的パートナーシップに関する条約'],
    ]);
  });
});
