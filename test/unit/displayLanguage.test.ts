// One display language: every word the core shows its user comes from the catalogue of the configured language,
// whatever language the document or the citation is written in; a dangling citation's hover does not repeat
// the diagnostic an editor like VS Code already shows in it; and words shown as Markdown are escaped.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/core/config';
import type { DisplayLanguage } from '../../server/src/core/messages/index';
import { en } from '../../server/src/core/messages/en';
import { ja } from '../../server/src/core/messages/ja';
import { dedent, indexFixture, uriOf } from '../fixture';

const WORKSPACE = dedent(`
  //- /treaties/kyotei.md
  ---
  treaty: kyotei
  title: 海洋協力協定
  ---
  ## 第1条（目的）
  両締約国は、海洋の安全のために協力する。
  ## 第2条（通報）
  締約国は、事故を直ちに通報する。
  //- /analyses/kaisetsu.md
  海洋協力協定第2条は通報を定める。同協定第7条は存在しない。
  //- /analyses/notes.md
  Article 2 of the 海洋協力協定 requires notice.
`);

function serviceIn(language: DisplayLanguage, source = WORKSPACE, settings?: unknown) {
  const { config } = mergeConfig(DEFAULT_CONFIG, settings);
  const { fixture, service } = indexFixture(source, { ...config, language });
  return { fixture, service };
}

/** The words of each view over the workspace: a diagnostic, a hover's footer, a code lens, a quick fix. */
function views(language: DisplayLanguage): string[] {
  const { fixture, service } = serviceIn(language);
  const analysis = uriOf('/analyses/kaisetsu.md');
  const text = fixture.files.get(analysis)!;
  const [diagnostic] = service.getDiagnostics(analysis);
  const notes = uriOf('/analyses/notes.md');
  const hover = service.getHover(notes, fixture.files.get(notes)!.indexOf('Article 2') + 1)!;
  const [lens] = service.getCodeLenses(uriOf('/treaties/kyotei.md'));
  const [fix] = service.getCodeActions(analysis, diagnostic!.span, ['unknown-article']);
  expect(text.slice(diagnostic!.span.start, diagnostic!.span.end)).toBe('同協定第7条');
  return [diagnostic!.message, hover.markdown.split('\n').at(-1)!, lens!.title, fix!.title];
}

describe('the display language', () => {
  it('is the one language of every view, whatever the document or the citation is written in', () => {
    expect(views('en')).toEqual(['海洋協力協定 has no Article 7 (it has Articles 1–2)', '_Cited in 2 documents_', 'cited in 0 documents', 'Change to 第2条 (通報)']);
    expect(views('ja')).toEqual(['海洋協力協定に第7条はありません（第1条–第2条）', '_2件の文書が引用_', '0件の文書が引用', '第2条（通報）に直す']);
  });

  it('has every message in both catalogues', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });
});

describe('the hover of a dangling citation', () => {
  const source = `${WORKSPACE}//- /analyses/bare.md\n第2条第5$0項を見よ。第$09条も。\n`;

  it('leaves the problem to the diagnostic when the editor shows diagnostics in its hovers', () => {
    const { fixture, service } = serviceIn('en', source.replace('第2条第5$0項', '第2条第5項'));
    const { uri, offset } = fixture.cursor!;
    expect(service.getDiagnostics(uri).map((diagnostic) => diagnostic.code)).toEqual(['unknown-paragraph', 'unknown-article']);
    // Only why the citation belongs to its treaty, which no diagnostic says.
    expect(service.getHover(uri, offset, true)!.markdown).toBe('海洋協力協定 (the only treaty in the workspace)');
    expect(service.getHover(uri, offset, false)!.markdown).toBe('⚠ 海洋協力協定 has no Article 9 (it has Articles 1–2)\n\n海洋協力協定 (the only treaty in the workspace)');
  });

  it('still shows the article of a citation whose paragraph is missing, without repeating the problem', () => {
    const { fixture, service } = serviceIn('en', source.replace('第$09条', '第9条'));
    const markdown = service.getHover(fixture.cursor!.uri, fixture.cursor!.offset, true)!.markdown;
    expect(markdown.split('\n')[0]).toBe('**海洋協力協定** 第2条（通報）');
    expect(markdown).not.toContain('⚠');
  });

  it('says the problem itself when no diagnostic does (turned off or suppressed)', () => {
    const off = serviceIn('en', source.replace('第2条第5$0項', '第2条第5項'), { severity: { 'unknown-article': 'off' } });
    expect(off.service.getHover(off.fixture.cursor!.uri, off.fixture.cursor!.offset, true)!.markdown.split('\n')[0]).toBe('⚠ 海洋協力協定 has no Article 9 (it has Articles 1–2)');
    const suppressed = serviceIn('ja', source.replace('第2条第5$0項', '第2条第5項').replace('第$09条も。', '<!-- treaty-check-disable-next-line -->\n第$09条も。'));
    expect(suppressed.service.getHover(suppressed.fixture.cursor!.uri, suppressed.fixture.cursor!.offset, true)!.markdown.split('\n')[0]).toBe('⚠ 海洋協力協定に第9条はありません（第1条–第2条）');
  });
});

describe('Markdown in hovers', () => {
  const markdown = new MarkdownIt({ html: true });
  const rendered = (text: string): string => markdown.render(text).replace(/<[^>]+>/g, '').trim();

  it('shows a message whole, even one that ends in an HTML comment', () => {
    const source = dedent(`
      //- /treaties/a.md
      ---
      treaty: a
      title: Convention A
      ---
      ## Article 5
      Text.
      //- /treaties/b.md
      ---
      treaty: b
      title: Convention B
      ---
      ## Article 5
      Text.
      //- /notes.md
      See Article $05.
    `);
    const { fixture, service } = serviceIn('en', source, { severity: { 'ambiguous-treaty': 'off' } });
    const hover = service.getHover(fixture.cursor!.uri, fixture.cursor!.offset)!;
    expect(rendered(hover.markdown)).toBe('⚠ which treaty Article 5 belongs to is unclear: qualify it or add &lt;!-- cites: id --&gt;');
  });

  it('shows a treaty’s title, label, caption and summary as they are written', () => {
    const source = dedent(`
      //- /treaties/t.md
      ---
      treaty: t
      title: The *Starred* <Convention>
      ---
      ## Article 1 (Scope_of_it)
      <!-- summary: applies to [all] ships -->
      Text.
      //- /notes.md
      See Article $01 of the *Starred* <Convention>.
    `);
    const { fixture, service } = serviceIn('en', source.replace('See Article $01 of the *Starred* <Convention>.', '<!-- cites: t -->\nSee Article $01.'));
    const hover = service.getHover(fixture.cursor!.uri, fixture.cursor!.offset)!;
    const lines = rendered(hover.markdown).split('\n');
    expect(lines[0]).toBe('The *Starred* &lt;Convention&gt; Article 1 — Scope_of_it');
    expect(lines).toContain('Summary: applies to [all] ships');
  });
});
