// The Markdown preview's citations: the server's answer for a document (previewCitations over a real core),
// placed by the markdown-it plugin: links to the cited article with its caption and first words as title,
// dangling citations marked with their problem, an anchor per article in a treaty.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { previewCitations } from '../../server/src/adapters/previewCitations';
import { treatyCitations } from '../../client/src/previewPlugin';
import { dedent, indexFixture, uriOf } from '../fixture';

const TREATY = dedent(`
  //- /treaties/kyotei.md
  ---
  treaty: kyotei
  title: 海洋協力協定
  ---
  ## 第1条（目的）
  両締約国は、海洋の安全のために協力する。
  ## 第2条（通報）
  締約国は、事故を直ちに通報する。

  ２　通報は、書面で行う。
  ## 第3条
  前条の通報の費用は、通報する締約国が負担する。
`);

/**
 * The HTML markdown-it renders for `path`, with the plugin given the server's answer for it. Front matter
 * becomes blank lines, as VS Code's preview consumes it without moving the lines after it.
 */
function render(source: string, path: string): string {
  const { fixture, service } = indexFixture(source, { language: 'en' });
  const uri = uriOf(path);
  const answer = previewCitations(service, uri)!;
  const md = new MarkdownIt();
  md.use(treatyCitations, (env: unknown) => ((env as { uri?: string }).uri === uri ? answer : undefined));
  return md.render(fixture.files.get(uri)!.replace(/^---\n[\s\S]*?\n---\n/, (frontMatter) => '\n'.repeat(frontMatter.split('\n').length - 1)), { uri });
}

describe('the preview of an analysis', () => {
  it('links each resolved citation to its article, titled with the caption and the cited words', () => {
    const html = render(`${TREATY}//- /notes.md\n海洋協力協定第2条第2項は書面を求める。\n`, '/notes.md');
    expect(html).toBe(
      '<p><a href="file:///treaties/kyotei.md#article-2" class="treaty-citation" title="海洋協力協定 第2条（通報）\n２　通報は、書面で行う。">海洋協力協定第2条第2項</a>は書面を求める。</p>\n',
    );
  });

  it('marks a dangling citation with its problem and leaves the citations around it linked', () => {
    const html = render(`${TREATY}//- /notes.md\n海洋協力協定第9条と*第1条*、第3条。\n`, '/notes.md');
    expect(html).toContain('<span class="treaty-citation treaty-citation-dangling" title="海洋協力協定 has no Article 9 (it has Articles 1–3)" data-problem="unknown-article">海洋協力協定第9条</span>');
    expect(html).toContain('<em><a href="file:///treaties/kyotei.md#article-1" class="treaty-citation" title="海洋協力協定 第1条（目的）\n両締約国は、海洋の安全のために協力する。">第1条</a></em>');
    expect(html).toContain('<a href="file:///treaties/kyotei.md#article-3" class="treaty-citation" title="海洋協力協定 第3条\n前条の通報の費用は、通報する締約国が負担する。">第3条</a>。');
  });

  it('escapes what it places, and leaves code, existing links and citations broken by formatting alone', () => {
    const notes = '`第1条` and [第2条](elsewhere.md) stay; 第**3**条 too; 海洋協力協定第1条 <b>is</b> linked.\n';
    const html = render(`${TREATY}//- /notes.md\n${notes}`, '/notes.md');
    expect(html).toBe(
      '<p><code>第1条</code> and <a href="elsewhere.md">第2条</a> stay; 第<strong>3</strong>条 too; <a href="file:///treaties/kyotei.md#article-1" class="treaty-citation" title="海洋協力協定 第1条（目的）\n両締約国は、海洋の安全のために協力する。">海洋協力協定第1条</a> &lt;b&gt;is&lt;/b&gt; linked.</p>\n',
    );
  });

  it('finds citations on every line of a paragraph, with full-width and surrogate-pair text before them', () => {
    const html = render(`${TREATY}//- /notes.md\n𠮷野の注：　海洋協力協定第1条、\n同協定第2条を参照。\n`, '/notes.md');
    expect(html.match(/<a href="[^"]+"/g)).toEqual(['<a href="file:///treaties/kyotei.md#article-1"', '<a href="file:///treaties/kyotei.md#article-2"']);
  });
});

describe('the preview of a treaty', () => {
  it('puts a stable anchor before each article, and links the treaty’s own citations to them', () => {
    const html = render(TREATY, '/treaties/kyotei.md');
    expect(html.match(/<a id="[^"]+" class="treaty-anchor code-line" data-line="\d+"><\/a>\n?<h2>[^<]+/g)).toEqual([
      '<a id="article-1" class="treaty-anchor code-line" data-line="4"></a><h2>第1条（目的）',
      '<a id="article-2" class="treaty-anchor code-line" data-line="6"></a><h2>第2条（通報）',
      '<a id="article-3" class="treaty-anchor code-line" data-line="10"></a><h2>第3条',
    ]);
    expect(html).toContain('<a href="file:///treaties/kyotei.md#article-2" class="treaty-citation"');
  });

  it('renders nothing of its own for a document the server has not answered for', () => {
    const md = new MarkdownIt().use(treatyCitations, () => undefined);
    expect(md.render('第1条を見よ。')).toBe('<p>第1条を見よ。</p>\n');
  });
});

describe('rendering again', () => {
  it('places the answer on tokens parsed before it came, as often as the preview renders them', () => {
    // VS Code parses a document once, without saying which, and renders the kept tokens on each refresh.
    const { fixture, service } = indexFixture(`${TREATY}//- /notes.md\n海洋協力協定第1条を見よ。\n`);
    const server: { answer?: ReturnType<typeof previewCitations> } = {};
    const md = new MarkdownIt().use(treatyCitations, () => server.answer ?? undefined);
    const tokens = md.parse(fixture.files.get(uriOf('/notes.md'))!, {});
    expect(md.renderer.render(tokens, md.options, {})).toBe('<p>海洋協力協定第1条を見よ。</p>\n');
    server.answer = previewCitations(service, uriOf('/notes.md'));
    const linked = md.renderer.render(tokens, md.options, {});
    expect(linked).toContain('<a href="file:///treaties/kyotei.md#article-1"');
    expect(md.renderer.render(tokens, md.options, {})).toBe(linked);
  });
});
