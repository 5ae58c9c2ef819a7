// remark-treaty-citations: a remark plugin that makes the treaty citations of Markdown documents live in any
// unified pipeline (a plain script, Astro, Docusaurus): each citation of an article becomes a link to it with the
// article's caption and first words as its title, a dangling citation a marked span titled with what is wrong,
// and each article of a treaty document gets an anchor (`article-5`). The citations are Treaty Annotator's own,
// read by its core from the workspace: no second grammar. HTML is never written raw: remark-rehype escapes.
import { posix, relative, resolve, sep } from 'node:path';
import type { Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { createTreatyService, type CitationLinks, type TreatyService } from '../../../server/src/core/index';
import type { DisplayLanguage } from '../../../server/src/core/messages/index';
import { loadConfig } from '../../../server/src/node/config';
import { NodeWorkspace, pathToUri, uriToPath } from '../../../server/src/node/files';

export interface Options {
  /** The folder holding the treaties and analyses; its `.treaty-annotator.json` applies. */
  readonly workspace: string;
  /** The language of the titles of dangling citations: `ja` or `en` (the default). */
  readonly language?: DisplayLanguage;
  /**
   * The URL of a citation's link, from the cited document's path and the article's anchor, both relative to the
   * workspace, and the path of the document being processed. Default: the cited document's path relative to the
   * processed one, with the anchor (`../treaties/nato.md#article-5`).
   */
  readonly href?: (target: { readonly path: string; readonly anchor: string }, from: string) => string;
}

/** What the plugin needs to know of the file remark processes (a VFile has it). */
interface ProcessedFile {
  readonly path?: string;
  readonly cwd: string;
  readonly value: unknown;
}

export default function remarkTreatyCitations(options: Options): (tree: Root, file: ProcessedFile) => void {
  const root = resolve(options.workspace);
  const config = { ...loadConfig([root]).parsed.config, language: options.language ?? 'en' };
  const service = createTreatyService({ workspace: new NodeWorkspace([root], config), config });
  service.indexWorkspace();
  return treatyCitationsOver(service, root, options.href);
}

/** The plugin over an index built beforehand (`treaty-check export` builds one for every page). */
export function treatyCitationsOver(service: TreatyService, root: string, href = relativeHref): (tree: Root, file: ProcessedFile) => void {
  return (tree, file) => {
    if (!file.path) return;
    const path = resolve(file.cwd, file.path);
    const uri = pathToUri(path);
    // The text remark parsed is the one whose offsets count, whether or not it is saved.
    const text = String(file.value);
    if (service.getText(uri) !== text) service.setDocument(uri, text);
    const from = workspacePath(root, path);
    const link = (uri: string, anchor: string): string => href({ path: workspacePath(root, uriToPath(uri)), anchor }, from);
    place(tree, text, service.getCitationLinks(uri), link);
  };
}

function relativeHref(target: { readonly path: string; readonly anchor: string }, from: string): string {
  if (target.path === from) return `#${target.anchor}`;
  return `${posix.relative(posix.dirname(from), target.path).split('/').map(encodeURIComponent).join('/')}#${target.anchor}`;
}

function workspacePath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** A marker of where something goes in the text: an anchor, or a citation's start and end. */
type Mark =
  | { readonly at: number; readonly end: number; readonly kind: 'citation'; readonly node: (text: string) => PhrasingContent }
  | { readonly at: number; readonly end: number; readonly kind: 'anchor'; readonly node: () => PhrasingContent };

function place(tree: Root, text: string, links: CitationLinks, href: (uri: string, anchor: string) => string): void {
  const marks: Mark[] = [
    ...links.anchors.map((anchor): Mark => ({ at: anchor.span.start, end: anchor.span.start, kind: 'anchor', node: () => element('a', { id: anchor.anchor }, '') })),
    ...links.citations.map((citation): Mark => ({
      at: citation.span.start,
      end: citation.span.end,
      kind: 'citation',
      node: (written) =>
        citation.target
          ? { type: 'link', url: href(citation.target.uri, citation.target.anchor), title: citation.title, children: [{ type: 'text', value: written }], data: { hProperties: { className: ['treaty-citation'] } } }
          : element('span', { className: ['treaty-citation', 'treaty-citation-dangling'], title: citation.title, dataProblem: citation.problem ?? '' }, written),
    })),
  ].sort((a, b) => a.at - b.at || (a.kind === 'anchor' ? -1 : 1));
  if (marks.length > 0) visit(tree, text, marks);
}

/** A hast element written as an mdast text node (remark-rehype turns it into the element, its text escaped). */
function element(tagName: string, properties: Record<string, string | string[]>, value: string): PhrasingContent {
  return { type: 'text', value, data: { hName: tagName, hProperties: properties } } as PhrasingContent;
}

const SKIPPED = new Set(['link', 'linkReference', 'code', 'inlineCode', 'html', 'yaml', 'definition']);

/** Splits each text node whose source is exactly its value around the marks inside it. */
function visit(parent: Parent, text: string, marks: readonly Mark[]): void {
  const children: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (child.type !== 'text' || start === undefined || end === undefined || text.slice(start, end) !== child.value) {
      if ('children' in child && !SKIPPED.has(child.type)) visit(child, text, marks);
      children.push(child);
      continue;
    }
    let cursor = start;
    for (const mark of marks) {
      if (mark.at < cursor || mark.end > end || mark.at >= end) continue;
      if (mark.at > cursor) children.push({ type: 'text', value: text.slice(cursor, mark.at) });
      children.push(mark.kind === 'anchor' ? mark.node() : mark.node(text.slice(mark.at, mark.end)));
      cursor = mark.end;
    }
    if (cursor < end) children.push({ type: 'text', value: text.slice(cursor, end) });
  }
  parent.children = children as Parent['children'];
}
