// The real analyses (raw PDF text, see examples.ts) resolve every citation to the right article,
// with no false citations, given test-only treaty files with the structure of the cited treaties.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { createTreatyService } from '../../server/src/core/index';
import { asTreatyDocument } from '../corpus/corpus';
import { InMemoryWorkspace } from '../fixture';
import { readExample } from './examples';

/** A test-only treaty: `count` articles of three paragraphs each (the texts are not in the corpus). */
function treatyFile(id: string, title: string, count: number): string {
  const articles = Array.from({ length: count }, (_, index) => `## 第${index + 1}条\n本文。\n２　第二項。\n３　第三項。\n`);
  return `---\ntreaty: ${id}\ntitle: ${title}\n---\n## 前文\n前文。\n${articles.join('')}`;
}

function citationsOf(example: string): string[] {
  const workspace = new InMemoryWorkspace(
    new Map([
      ['file:///treaties/rb.md', treatyFile('rb-security', 'ロシア連邦とベラルーシ共和国の連合国家の枠組みにおける安全保障に関する条約', 9)],
      ['file:///treaties/dprk.md', treatyFile('ru-dprk', 'ロシア連邦と朝鮮民主主義人民共和国の間の包括的戦略的パートナーシップに関する条約', 23)],
      ['file:///treaties/un.md', asTreatyDocument('treaties/un-charter.en.txt', 'un-charter', 'Charter of the United Nations', 'aliases: [国連憲章, 国際連合憲章]\nlang: en\n')],
      ['file:///analysis.md', readExample(example)],
    ]),
  );
  const service = createTreatyService({ workspace, config: DEFAULT_CONFIG });
  service.indexWorkspace();
  return service
    .getCitations('file:///analysis.md')
    .map((citation) => `${citation.text.replace(/\s+/g, '')} → ${citation.treatyId ?? citation.treatyName} ${citation.article ?? '-'}${citation.paragraph ? `(${citation.paragraph})` : ''} ${citation.status}`);
}

describe('the real analyses', () => {
  it('resolves every citation of the Russia–Belarus analysis to its article', () => {
    expect(citationsOf('ndl-russia-belarus-security-treaty.txt')).toEqual([
      '前文 → rb-security - resolved',
      '第9条 → rb-security 9 resolved',
      '前文 → rb-security - resolved',
      '第2条第2項 → rb-security 2(2) resolved',
      '第4条第1項 → rb-security 4(1) resolved',
      '第5条 → rb-security 5 resolved',
      '第6条第1項 → rb-security 6(1) resolved',
      '同条第2項 → rb-security 6(2) resolved',
    ]);
  });

  it('resolves every citation of the Russia–DPRK analysis, the UN Charter included', () => {
    expect(citationsOf('ndl-russia-dprk-partnership-treaty.txt')).toEqual([
      '前文 → ru-dprk - resolved',
      '第4条 → ru-dprk 4 resolved',
      '国連憲章第51条 → un-charter 51 resolved',
      '第10条 → ru-dprk 10 resolved',
      '第11条 → ru-dprk 11 resolved',
      '第13条 → ru-dprk 13 resolved',
      '第18条 → ru-dprk 18 resolved',
      '第19条 → ru-dprk 19 resolved',
      '第20条 → ru-dprk 20 resolved',
      '国連憲章第51条 → un-charter 51 resolved',
    ]);
  });
});
