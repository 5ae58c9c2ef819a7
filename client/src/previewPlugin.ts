// The Markdown preview's citations: a markdown-it plugin that places what the language server says about the
// document being rendered: each citation a link to its article with the article's caption and first words as its
// title, each dangling one marked with its problem, and in a treaty an anchor per article. It reads no citation
// itself: `lookup` gives the server's answer for the document being rendered (or nothing yet).
// It works when rendering, on a copy of the tokens: VS Code parses without saying which document it parses,
// and keeps parsed tokens for renders to come (a refresh after the server answered renders them again).
// A citation is found by its text in the rendered text of its lines, in order; one broken across lines or
// formatting (`第5**条**`) stays plain text.
import type { MarkdownIt, Token } from 'markdown-it';
import type { PreviewCitation, PreviewCitationsResponse } from '../../server/src/protocol';

export type PreviewLookup = (env: unknown) => PreviewCitationsResponse | undefined;

type TokenClass = new (type: string, tag: string, nesting: 1 | 0 | -1) => Token;

export function treatyCitations(md: MarkdownIt, lookup: PreviewLookup): void {
  const TokenOf = new md.core.State('', md, {}).Token as TokenClass;
  const render = md.renderer.render.bind(md.renderer);
  md.renderer.render = (tokens, options, env) => {
    const found = lookup(env);
    return render(found ? placed(TokenOf, tokens, found) : tokens, options, env);
  };
  md.renderer.rules.treaty_anchor = (tokens, index, _options, _env, self) => `<a${self.renderAttrs(tokens[index]!)}></a>`;
}

function placed(TokenOf: TokenClass, tokens: readonly Token[], found: PreviewCitationsResponse): Token[] {
  const result: Token[] = [];
  let next = 0;
  for (const token of tokens) {
    // Each anchor goes before the first block that holds its line, with that line for the preview's scrolling.
    while (next < found.anchors.length && token.map && token.type !== 'inline' && found.anchors[next]!.line < token.map[1]) {
      const { id, line } = found.anchors[next]!;
      const anchor = new TokenOf('treaty_anchor', 'a', 0);
      anchor.attrs = [['id', id], ['class', 'treaty-anchor code-line'], ['data-line', String(line)]];
      anchor.block = true;
      result.push(anchor);
      next++;
    }
    result.push(token.type === 'inline' && token.map && token.children ? withCitations(TokenOf, token, found.citations) : token);
  }
  return result;
}

/** A copy of one block's inline token, its text split around the citations that start in its lines. */
function withCitations(TokenOf: TokenClass, inline: Token, citations: readonly PreviewCitation[]): Token {
  const [first, end] = inline.map!;
  const queue = citations.filter((citation) => citation.range.start.line >= first && citation.range.start.line < end);
  if (queue.length === 0) return inline;
  const text = (content: string): Token => Object.assign(new TokenOf('text', '', 0), { content });
  const children: Token[] = [];
  let insideLink = 0;
  for (const child of inline.children!) {
    if (child.type === 'link_open') insideLink++;
    if (child.type === 'link_close') insideLink--;
    if (child.type !== 'text' || insideLink > 0 || queue.length === 0) {
      children.push(child);
      continue;
    }
    let rest = child.content;
    for (;;) {
      // The earliest citation still waiting that this text holds; those before it were not found whole.
      const position = queue.findIndex((citation) => rest.includes(citation.text));
      if (position < 0) break;
      const citation = queue.splice(0, position + 1)[position]!;
      const at = rest.indexOf(citation.text);
      if (at > 0) children.push(text(rest.slice(0, at)));
      const link = citation.href !== null;
      const open = new TokenOf(link ? 'link_open' : 'treaty_dangling_open', link ? 'a' : 'span', 1);
      open.attrs = [
        ...(link ? [['href', citation.href!] as [string, string]] : []),
        ['class', link ? 'treaty-citation' : 'treaty-citation treaty-citation-dangling'],
        ['title', citation.title],
        ...(citation.problem !== null ? [['data-problem', citation.problem] as [string, string]] : []),
      ];
      children.push(open, text(citation.text), new TokenOf(link ? 'link_close' : 'treaty_dangling_close', link ? 'a' : 'span', -1));
      rest = rest.slice(at + citation.text.length);
    }
    if (rest !== '') children.push(text(rest));
  }
  return Object.assign(Object.create(Object.getPrototypeOf(inline) as object) as Token, inline, { children });
}
