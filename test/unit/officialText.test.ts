// Which files are treaty documents: one with `treaty:` in its front matter, or one without front matter whose body
// is an official text as published (a title line, then the articles from the first one on). Everything else, a
// blog post's `title:` included, is an analysis.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { analyzeDocument } from '../../server/src/core/document';
import { createTreatyService } from '../../server/src/core/index';
import { asTreatyDocument, readCorpus } from '../corpus/corpus';
import { dedent, indexFixture, parseFixture, uriOf } from '../fixture';

/** How one file reads on its own: `treaty <id> "<title>" <lang> <articles>` or `analysis`. */
function kindOf(path: string, text: string): string {
  const facts = analyzeDocument(uriOf(path), text, DEFAULT_CONFIG);
  if (!facts.treaty) return facts.kind;
  const treaty = facts.treaty;
  return `${facts.kind} ${treaty.id} "${treaty.title}" ${treaty.lang} ${treaty.articles.map((article) => article.number).join(',')}`;
}

/** The citations of `/a.md` as `text → treaty article status`, and the diagnostics' codes of every file. */
function workspace(fixture: string): { citations: string[]; codes: string[] } {
  const { fixture: parsed, service } = indexFixture(dedent(fixture));
  const citations = service
    .getCitations(uriOf('/a.md'))
    .map((citation) => `${citation.text} → ${citation.treatyId ?? citation.treatyName ?? '?'} ${citation.article ?? '-'} ${citation.status}`);
  const codes = [...parsed.files.keys()].flatMap((uri) => service.getDiagnostics(uri).map((diagnostic) => `${uri.slice(7)} ${diagnostic.code}`));
  return { citations, codes };
}

const MARITIME = dedent(`
  海洋協力協定

  両締約国は、海洋の安全を確保することを希望して、次のとおり協定した。

  第一条　この協定は、海上の協力について定める。
  第二条　両締約国は、情報を交換する。
  ２　前項の情報は、秘密とする。
  第三条　この協定は、署名の日に効力を生ずる。
`);

describe('a title alone does not make a treaty document', () => {
  it('reads a Jekyll or Hugo post with `title:` as an analysis, with no missing-treaty-id', () => {
    const result = workspace(`
      //- /a.md
      ---
      title: 海洋協力協定の五年
      date: 2024-05-01
      ---
      海洋協力協定第2条は情報の交換を定める。
      //- /treaties/maritime.md
      ${'---\ntreaty: maritime\ntitle: 海洋協力協定\n---\n## 第1条\n目的。\n## 第2条\n交換。\n'.replace(/\n/g, '\n      ')}
    `);
    expect(result.citations).toEqual(['海洋協力協定第2条 → maritime 2 resolved']);
    expect(result.codes).toEqual([]);
  });

  it('reads an Obsidian note with `aliases:` and a Quarto document with `title:` and `lang:` as analyses', () => {
    expect(kindOf('/note.md', '---\naliases: [安保メモ]\ntags: [security]\n---\n第5条を読む。\n')).toBe('analysis');
    expect(kindOf('/report.qmd', '---\ntitle: "Report"\nlang: en\nformat: html\n---\nArticle 5 applies.\n')).toBe('analysis');
  });

  it('still reports front matter without `treaty:` above an official text, which nothing could cite', () => {
    const result = workspace(`
      //- /treaties/maritime.md
      ---
      title: 海洋協力協定
      ---
      ${MARITIME.replace(/\n/g, '\n      ')}
    `);
    expect(result.codes).toContain('/treaties/maritime.md missing-treaty-id');
  });
});

describe('an official text dropped in as it is', () => {
  it('is a treaty document: its first line the title, its file name the id, its language from the text', () => {
    expect(kindOf('/treaties/Maritime-Agreement.txt', MARITIME)).toBe('treaty maritime-agreement "海洋協力協定" ja 1,2,3');
  });

  it('can be cited by its title from an analysis, and hover shows the article', () => {
    const { fixture, service } = indexFixture(`//- /a.md\n海洋協力協定第$02条を参照。\n//- /treaties/maritime.txt\n${MARITIME}`);
    expect(service.getCitations(uriOf('/a.md')).map((citation) => `${citation.treatyId} ${citation.article} ${citation.status}`)).toEqual(['maritime 2 resolved']);
    expect(service.getHover(fixture.cursor!.uri, fixture.cursor!.offset)?.markdown).toContain('両締約国は、情報を交換する。');
  });

  it('reads every script the parser reads: Article I, Article premier, Статья 1, Markdown headings', () => {
    const english = 'Treaty of Friendship\n\nARTICLE I\nThe Parties shall be friends.\n\nARTICLE II\nThey shall consult.\n\nARTICLE III\nThis Treaty enters into force on signature.\n';
    expect(kindOf('/t/friendship.txt', english)).toBe('treaty friendship "Treaty of Friendship" en 1,2,3');
    const french = "Traité d’amitié\n\nArticle premier\nLes Parties sont amies.\n\nArticle 2\nElles se consultent.\n\nArticle 3\nLe présent Traité entre en vigueur.\n";
    expect(kindOf('/t/amitie.txt', french)).toBe('treaty amitie "Traité d’amitié" fr 1,2,3');
    const russian = 'Договор о дружбе\n\nСтатья 1\nСтороны дружат.\n\nСтатья 2\nСтороны консультируются.\n\nСтатья 3\nДоговор вступает в силу.\n';
    expect(kindOf('/t/druzhba.txt', russian)).toBe('treaty druzhba "Договор о дружбе" ru 1,2,3');
    const markdown = '# 海洋協力協定\n\n## 前文\n両締約国は、次のとおり協定した。\n\n## 第1条（目的）\n目的。\n\n## 第2条\n交換。\n\n## 第3条\n発効。\n';
    expect(kindOf('/t/maritime.md', markdown)).toBe('treaty maritime "海洋協力協定" ja 1,2,3');
  });

  it('lets front matter win when it is present', () => {
    expect(kindOf('/t/file.txt', `---\ntreaty: sea\ntitle: 海の協定\nlang: ja-JP\n---\n${MARITIME}`)).toBe('treaty sea "海の協定" ja-JP 1,2,3');
  });

  it('stays an analysis when the articles do not start at the first one, are too few, or go backwards', () => {
    const articles = (numbers: number[]): string => numbers.map((number) => `第${number}条　規定する。\n`).join('');
    expect(kindOf('/a.txt', `防衛協力の検討\n${articles([5, 6, 7])}`)).toBe('analysis');
    expect(kindOf('/a.txt', `防衛協力の検討\n${articles([1, 2])}`)).toBe('analysis');
    expect(kindOf('/a.txt', `防衛協力の検討\n${articles([1, 3, 2])}`)).toBe('analysis');
    expect(kindOf('/a.txt', `防衛協力の検討\n${articles([1, 2, 2])}`)).toBe('analysis');
    expect(kindOf('/a.txt', `防衛協力の検討\n${articles([1, 2, 3])}`)).toMatch(/^treaty a "防衛協力の検討" ja 1,2,3$/);
  });

  it('stays an analysis when the first line is a sentence, or a heading is the analysis’s own', () => {
    const articles = '## 第1条\n目的。\n## 第2条\n交換。\n## 第3条\n発効。\n';
    expect(kindOf('/a.md', `本稿では協定の各条を順に検討する。\n${articles}`)).toBe('analysis');
    expect(kindOf('/a.md', `# 協定の逐条検討\n${articles}## おわりに\n以上のとおりである。\n`)).toBe('analysis');
    expect(kindOf('/a.md', `# 協定の逐条検討\n\n## はじめに\n本稿は協定を読む。\n${articles}`)).toBe('analysis');
  });

  it('stays an analysis when an article label opens a sentence rather than a provision', () => {
    expect(kindOf('/a.txt', '検討メモ\n第1条の規定により、締約国は協議する。\n第2条の規定により、報告する。\n第3条の規定による。\n')).toBe('analysis');
  });
});

describe('a .txt file is plain text', () => {
  it('reads an indented line as text, where Markdown would make it a code block', () => {
    const text = '会議の記録\n\n    北大西洋条約第5条が議論された。\n';
    const citationsIn = (path: string): number => analyzeDocument(uriOf(path), text, DEFAULT_CONFIG).scan.citations.length;
    expect(citationsIn('/notes.txt')).toBe(1);
    expect(citationsIn('/notes.md')).toBe(0);
  });

  it('keeps reading indented text as text after an edit', () => {
    const before = '会議の記録。\n\n    北大西洋条約第5条が議論された。\n\n次回は未定。\n';
    const after = `${before}\n    北大西洋条約第6条も議論された。\n`;
    const previous = analyzeDocument(uriOf('/notes.txt'), before, DEFAULT_CONFIG);
    const edited = analyzeDocument(uriOf('/notes.txt'), after, DEFAULT_CONFIG, previous);
    expect(edited.reading.edit).toBeDefined();
    expect(edited.scan.citations.map((citation) => after.slice(citation.span.start, citation.span.end))).toEqual(['北大西洋条約第5条', '北大西洋条約第6条']);
  });
});

describe('the corpus texts without front matter', () => {
  const files: [string, string, string][] = [
    ['jp-law-beigun-kodo-kanren-sochi-ho_H16HO113.txt', '武力攻撃事態等におけるアメリカ合衆国の軍隊の行動に伴い我が国が実施する措置に関する法律', 'ja'],
    ['jp-law-gyosei-tetsuzuki-ho_405AC0000000088.txt', '行政手続法', 'ja'],
    ['jp-law-jieitai-ho_S29HO165.txt', '自衛隊法', 'ja'],
    ['jp-law-jitai-taisho-ho_H15HO079.txt', '武力攻撃事態等における我が国の平和と独立並びに国及び国民の安全の確保に関する法律', 'ja'],
    ['jp-law-nsc-setchi-ho_S61HO071.txt', '国家安全保障会議設置法', 'ja'],
    ['jp-law-pko-ho_H04HO079.txt', '国際連合平和維持活動等に対する協力に関する法律', 'ja'],
    ['north-atlantic-treaty.en.txt', 'NORTH ATLANTIC TREATY', 'en'],
    ['npt.en.txt', 'Treaty on the Non-Proliferation of Nuclear Weapons', 'en'],
    ['un-charter.en.txt', 'Charter of the United Nations', 'en'],
  ];

  it.each(files)('%s is the same treaty as with front matter', (file, title, lang) => {
    const path = `treaties/${file}`;
    const bare = analyzeDocument(uriOf(`/w/${file}`), readCorpus(path).replace(/^# source:[^\n]*\n/, ''), DEFAULT_CONFIG);
    const withFrontMatter = analyzeDocument(uriOf('/w/x.md'), asTreatyDocument(path, 'x', title), DEFAULT_CONFIG);
    expect(bare.kind).toBe('treaty');
    expect(bare.treaty!.id).toBe(file.replace(/\.txt$/, '').toLowerCase());
    expect(bare.treaty!.title).toBe(title);
    expect(bare.treaty!.lang).toBe(lang);
    const outline = (facts: typeof bare): string[] =>
      facts.treaty!.articles.map((article) => `${article.supplementaryGroup ?? ''}:${article.number}(${article.paragraphs.map((paragraph) => paragraph.items.length).join(' ')})`);
    expect(outline(bare)).toEqual(outline(withFrontMatter));
    expect(bare.problems.map((problem) => problem.code)).toEqual(withFrontMatter.problems.map((problem) => problem.code));
  });

  it('makes their articles resolvable from an analysis', () => {
    const statute = readCorpus('treaties/jp-law-jieitai-ho_S29HO165.txt').replace(/^# source:[^\n]*\n/, '');
    const charter = readCorpus('treaties/un-charter.en.txt').replace(/^# source:[^\n]*\n/, '');
    const parsed = parseFixture('//- /a.md\n自衛隊法第七十六条第一項による。\n//- /b.md\nArticle 51 of the Charter of the United Nations applies.\n');
    parsed.workspace.write(uriOf('/laws/jp-law-jieitai-ho_S29HO165.txt'), statute);
    parsed.workspace.write(uriOf('/laws/un-charter.en.txt'), charter);
    const service = createTreatyService({ workspace: parsed.workspace, config: DEFAULT_CONFIG });
    service.indexWorkspace();
    const citations = [...service.getCitations(uriOf('/a.md')), ...service.getCitations(uriOf('/b.md'))];
    expect(citations.map((citation) => `${citation.treatyId} ${citation.article}(${citation.paragraph ?? ''}) ${citation.status}`)).toEqual([
      'jp-law-jieitai-ho_s29ho165 76(1) resolved',
      'un-charter.en 51() resolved',
    ]);
  });
});
