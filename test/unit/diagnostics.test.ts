// Diagnostics: what each dangling citation and treaty problem says, where, and how configuration and
// suppression comments silence it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/core/config';
import type { DisplayLanguage } from '../../server/src/core/messages/index';
import { dedent, indexFixture, uriOf } from '../fixture';

const NAT = dedent(`
  //- /treaties/nat.md
  ---
  treaty: nat
  title: 北大西洋条約
  lang: ja
  ---
  ## 第1条
  紛争を平和的に解決する。
  ## 第2条
  協力する。
`);

/** Diagnostics of `/main.md` as `code severity 'text at the range': message`, in `language` (Japanese unless given). */
function check(fixture: string, settings?: unknown, language: DisplayLanguage = 'ja'): string[] {
  const { config, problems } = mergeConfig(DEFAULT_CONFIG, settings);
  expect(problems).toEqual([]);
  const { fixture: parsed, service } = indexFixture(`${dedent(fixture)}\n${NAT}`, { ...config, language });
  const text = parsed.files.get(uriOf('/main.md'))!;
  return service
    .getDiagnostics(uriOf('/main.md'))
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.severity} '${text.slice(diagnostic.span.start, diagnostic.span.end)}': ${diagnostic.message}`);
}

describe('diagnostics of an analysis', () => {
  it('say which articles the treaty has when the cited one does not exist', () => {
    expect(check('北大西洋条約第3条。')).toEqual(['unknown-article error \'北大西洋条約第3条\': 北大西洋条約に第3条はありません（第1条–第2条）']);
  });

  it('speak the display language, whatever the language of the citation or the document', () => {
    expect(check('See Article 3.', undefined, 'en')).toEqual(["unknown-article error 'Article 3': 北大西洋条約 has no Article 3 (it has Articles 1–2)"]);
    expect(check('See Article 3.')).toEqual(["unknown-article error 'Article 3': 北大西洋条約に第3条はありません（第1条–第2条）"]);
    expect(check('北大西洋条約第3条。', undefined, 'en')).toEqual(["unknown-article error '北大西洋条約第3条': 北大西洋条約 has no Article 3 (it has Articles 1–2)"]);
  });

  it('write a branch article as English translations of Japanese law do (第十八条の二 is Article 18-2)', () => {
    expect(check('北大西洋条約第十八条の二第一項。', undefined, 'en')).toEqual([
      "unknown-article error '北大西洋条約第十八条の二第一項': 北大西洋条約 has no Article 18-2(1) (it has Articles 1–2)",
    ]);
    expect(check('北大西洋条約第十八条の二第一項。')).toEqual(["unknown-article error '北大西洋条約第十八条の二第一項': 北大西洋条約に第18条の2第1項はありません（第1条–第2条）"]);
  });

  it('mark the citation range exactly, with full-width text and a surrogate pair before it', () => {
    const [diagnostic] = check('𠮷野家で　北大西洋条約第３条　を読む。');
    expect(diagnostic).toMatch(/^unknown-article error '北大西洋条約第３条'/);
  });

  it('are silenced per code by the configuration', () => {
    expect(check('北大西洋条約第3条。', { severity: { 'unknown-article': 'off' } })).toEqual([]);
    expect(check('北大西洋条約第3条。', { severity: { 'unknown-article': 'hint' } })[0]).toMatch(/^unknown-article hint/);
  });

  it('are silenced on the next line by a disable-next-line comment', () => {
    expect(check('<!-- treaty-check-disable-next-line unknown-article -->\n北大西洋条約第3条。\n北大西洋条約第4条。\n')).toEqual([
      "unknown-article error '北大西洋条約第4条': 北大西洋条約に第4条はありません（第1条–第2条）",
    ]);
  });

  it('are silenced between disable and enable comments, for the codes named or for all', () => {
    expect(check('<!-- treaty-check-disable -->\n北大西洋条約第3条。\n<!-- treaty-check-enable -->\n北大西洋条約第4条。\n')).toHaveLength(1);
    expect(check('<!-- treaty-check-disable no-antecedent -->\n北大西洋条約第3条。\n')).toHaveLength(1);
  });

  it('name a preamble they cannot place as the preamble, not as an article', () => {
    const twoTreaties = '前文において、三つの条約が示されている。\n//- /treaties/other.md\n---\ntreaty: other\ntitle: 別の協定\n---\n## 第1条\n本文。\n';
    expect(check(twoTreaties)).toEqual(["ambiguous-treaty warning '前文': 前文がどの条約の条文か決められません（条約名を付けるか <!-- cites: id --> を置いてください）"]);
  });

  it('give an instrument that is not in the workspace one note, on its first citation, counting them all', () => {
    const source = '「日米地位協定」は米軍の地位を定める。日米地位協定は、第17条で裁判権を、第24条で経費を定める。同条第2項も見よ。\n\n国連憲章第51条も関係する。';
    expect(check(source)).toEqual([
      "unknown-treaty information '第17条': 「日米地位協定」はワークスペースにありません（この文書に3件の引用）",
      "unknown-treaty information '国連憲章第51条': 「国連憲章」はワークスペースにありません",
    ]);
    const { service } = indexFixture(`${source}\n${NAT}`, { language: 'ja' });
    const [note] = service.getDiagnostics(uriOf('/main.md'));
    expect(note!.related.map((related) => [source.slice(related.location.span.start, related.location.span.end), related.message])).toEqual([
      ['第24条', '第24条'],
      ['同条第2項', '第24条第2項'],
    ]);
  });

  it('keep the note of an instrument on its first citation that is not silenced', () => {
    expect(check('日米地位協定の解説。\n<!-- treaty-check-disable-next-line -->\n第17条。\n第24条と第25条。\n')).toEqual([
      "unknown-treaty information '第24条': 「日米地位協定」はワークスペースにありません（この文書に2件の引用）",
    ]);
  });

  it('report 同条 with nothing before it as a warning', () => {
    expect(check('同条第2項を見る。')).toEqual(["no-antecedent warning '同条第2項': 「同条」が指す先がありません"]);
  });
});

describe('diagnostics of a treaty document', () => {
  it('report malformed YAML front matter at the front matter, not a crash', () => {
    const diagnostics = check('---\ntreaty: [unclosed\n---\n第1条\n');
    expect(diagnostics[0]).toMatch(/^invalid-front-matter error/);
  });

  it('report an official text under front matter without an id', () => {
    expect(check('---\ntitle: 名のない条約\n---\n名のない条約\n## 第1条\n本文。\n## 第2条\n本文。\n## 第3条\n本文。\n')[0]).toMatch(
      /^missing-treaty-id error '---\ntitle: 名のない条約\n---'/,
    );
  });

  it('report a duplicated article and a gap in the numbering', () => {
    const diagnostics = check('---\ntreaty: dup\ntitle: 重複条約\n---\n## 第1条\nA。\n## 第1条\nB。\n## 第3条\nC。\n');
    expect(diagnostics.map((diagnostic) => diagnostic.split(' ').slice(0, 2).join(' '))).toEqual(['duplicate-article error', 'article-order warning']);
  });
});
