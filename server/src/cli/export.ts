// `treaty-check export --html <dir> [--lang ja|en] [paths…]`: a static site of the workspace, each document a page
// rendered through unified (remark-parse → remark-treaty-citations → remark-rehype → rehype-stringify). Analyses
// link each citation to its article, titled with the article's text (a tooltip with no script); each treaty page
// has an anchor per article and, under it, the documents citing it; the index draws each treaty's coverage as an
// SVG bar per article. Everything is hast: rehype-stringify escapes it, and raw HTML in documents is dropped.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { List, Root as MdastRoot, RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { treatyCitationsOver } from '../../../packages/remark-treaty-citations/src/index';
import { createTreatyService, type TreatyService } from '../core/index';
import { articleAnchor } from '../core/features/citationLinks';
import { messagesFor, type DisplayLanguage, type Messages } from '../core/messages/index';
import type { Treaty } from '../core/types';
import { NodeWorkspace, uriToPath } from '../node/files';
import { loadConfig } from '../node/config';
import { environmentLanguage } from './check';
import { CliError, EXPORT_USAGE, oneOf, parseCommandLine } from './command';
import { display } from './output';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.7}
a.treaty-citation{text-decoration:underline dotted}
.treaty-citation-dangling{color:#c00;text-decoration:underline wavy #c00;cursor:help}
.cited-by{font-size:.9em;border-left:3px solid #ccc;padding-left:.8rem;margin:.5rem 0 1.5rem}
.coverage rect.cited{fill:#2a6fb0}.coverage rect.uncited{fill:#d88}.coverage text{font-size:10px;fill:#555}
nav{font-size:.9em;margin-bottom:1rem}`;

interface Page {
  readonly uri: string;
  /** Relative to the site's root, with forward slashes: `analyses/notes.html`. */
  readonly path: string;
  readonly title: string;
}

export function runExport(argv: readonly string[]): number {
  const { values, positionals } = parseCommandLine(argv, { html: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, EXPORT_USAGE);
  if (values.help) {
    process.stdout.write(`${EXPORT_USAGE}\n`);
    return 0;
  }
  if (!values.html) throw new CliError(`export needs --html <dir>\n${EXPORT_USAGE}`);
  const language = oneOf<DisplayLanguage>('lang', values.lang, ['ja', 'en'], environmentLanguage());
  const roots = (positionals.length > 0 ? positionals : ['.']).map((path) => resolve(path));
  for (const root of roots) if (!statExists(root)) throw new CliError(`no such file or directory: ${display(root)}`);
  const out = resolve(values.html);
  const config = { ...loadConfig(roots).parsed.config, language };
  const service = createTreatyService({ workspace: new NodeWorkspace(roots, config), config });
  service.indexWorkspace();
  const pages = exportSite(service, siteRoot(roots), out, messagesFor(language));
  process.stdout.write(`${pages} pages written to ${display(out)}\n`);
  return 0;
}

function statExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The folder the site's paths are relative to: the common parent of the roots given. */
function siteRoot(roots: readonly string[]): string {
  const folders = roots.map((root) => (statSync(root).isDirectory() ? root : dirname(root)));
  let common = folders[0]!;
  while (!folders.every((folder) => folder === common || folder.startsWith(common.endsWith(sep) ? common : common + sep))) common = dirname(common);
  return common;
}

/** Writes every page, the index and the style sheet; returns the number of pages. */
export function exportSite(service: TreatyService, root: string, out: string, messages: Messages): number {
  const treaties = new Map(service.getTreaties().map(({ uri, treaty }) => [uri, treaty]));
  const pages: Page[] = service
    .getDocumentUris()
    .filter((uri) => service.hasDocument(uri))
    .map((uri) => {
      const path = relative(root, uriToPath(uri)).split(sep).join('/');
      const treaty = treaties.get(uri);
      return { uri, path: `${path.replace(/\.(md|markdown|txt)$/i, '')}.html`, title: treaty?.title ?? titleOf(service.getText(uri) ?? '', path) };
    });
  const pageOf = new Map(pages.map((page) => [page.uri, page]));
  const citedBy = citingDocuments(service, pages);
  const href = (target: { readonly path: string; readonly anchor: string }, from: string): string =>
    `${relativeUrl(`${from.replace(/\.(md|markdown|txt)$/i, '')}.html`, `${target.path.replace(/\.(md|markdown|txt)$/i, '')}.html`)}#${target.anchor}`;
  for (const page of pages) {
    const treaty = treaties.get(page.uri);
    const processor = unified()
      .use(remarkParse)
      .use(remarkFrontmatter, ['yaml'])
      .use(() => treatyCitationsOver(service, root, href))
      .use(() => (tree: MdastRoot) => {
        if (treaty) addCitedBy(tree, treaty, page, citedBy, messages);
      })
      .use(remarkRehype)
      .use(rehypeStringify);
    const file = new VFile({ path: uriToPath(page.uri), cwd: root, value: service.getText(page.uri) ?? '' });
    const body = processor.runSync(processor.parse(file), file);
    write(out, page.path, processor.stringify(pageDocument(page.title, page.path, body.children as ElementContent[], messages)));
  }
  const index = unified().use(rehypeStringify);
  write(out, 'index.html', index.stringify(pageDocument(messages.siteTitle, 'index.html', indexBody(service, pages, pageOf, treaties, messages), messages)));
  write(out, 'style.css', STYLE);
  return pages.length + 1;
}

function write(out: string, path: string, text: string): void {
  const file = join(out, ...path.split('/'));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** An analysis's first heading, or its file name. */
function titleOf(text: string, path: string): string {
  return /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text)?.[1] ?? path;
}

function relativeUrl(from: string, to: string): string {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  return [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].map(encodeURIComponent).join('/').replace(/%2E%2E/g, '..');
}

/** For each article (`uri#anchor`), the pages citing it and what they wrote, in page order. */
function citingDocuments(service: TreatyService, pages: readonly Page[]): Map<string, { page: Page; texts: string[] }[]> {
  const result = new Map<string, { page: Page; texts: string[] }[]>();
  for (const page of pages) {
    const text = service.getText(page.uri) ?? '';
    for (const link of service.getCitationLinks(page.uri).citations) {
      if (!link.target || link.target.uri === page.uri) continue;
      const key = `${link.target.uri}#${link.target.anchor}`;
      const citing = result.get(key) ?? [];
      if (citing.at(-1)?.page !== page) citing.push({ page, texts: [] });
      citing.at(-1)!.texts.push(text.slice(link.span.start, link.span.end).replace(/\s+/g, ' '));
      result.set(key, citing);
    }
  }
  return result;
}

/** Puts under each cited article of a treaty page the list of the documents citing it. */
function addCitedBy(tree: MdastRoot, treaty: Treaty, page: Page, citedBy: ReadonlyMap<string, { page: Page; texts: string[] }[]>, messages: Messages): void {
  const articles = treaty.articles.filter((article) => article.number !== '');
  const children: RootContent[] = [];
  tree.children.forEach((node, position) => {
    children.push(node);
    // An article's list goes after its last block: the one its text ends in (or just after).
    const start = node.position?.start.offset ?? 0;
    const next = tree.children[position + 1]?.position?.start.offset ?? Infinity;
    for (const article of articles) {
      const citing = article.span.end > start && article.span.end <= next ? citedBy.get(`${page.uri}#${articleAnchor(article)}`) : undefined;
      if (citing) children.push(citedByList(citing, page, messages));
    }
  });
  tree.children = children;
}

function citedByList(citing: readonly { page: Page; texts: string[] }[], page: Page, messages: Messages): RootContent {
  const list: List = {
    type: 'list',
    ordered: false,
    children: citing.map(({ page: from, texts }) => ({
      type: 'listItem',
      children: [{ type: 'paragraph', children: [{ type: 'link', url: relativeUrl(page.path, from.path), children: [{ type: 'text', value: from.title }] }, { type: 'text', value: ` (${[...new Set(texts)].join(', ')})` }] }],
    })),
  };
  return { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: messages.citedBy }] }] }, list], data: { hProperties: { className: ['cited-by'] } } };
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

const text = (value: string): ElementContent => ({ type: 'text', value });

/** A whole page: the document's title, the style sheet, a link back to the index, the body. */
function pageDocument(title: string, path: string, body: ElementContent[], messages: Messages): HastRoot {
  const up = '../'.repeat(path.split('/').length - 1);
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      element('html', {}, [
        element('head', {}, [element('meta', { charSet: 'utf-8' }), element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), element('title', {}, [text(title)]), element('link', { rel: ['stylesheet'], href: `${up}style.css` })]),
        element('body', {}, [element('nav', {}, [element('a', { href: `${up}index.html` }, [text(messages.index)])]), element('main', {}, body)]),
      ]),
    ],
  };
}

/** The index: each treaty with its coverage chart, then each analysis. */
function indexBody(service: TreatyService, pages: readonly Page[], pageOf: ReadonlyMap<string, Page>, treaties: ReadonlyMap<string, Treaty>, messages: Messages): ElementContent[] {
  const body: ElementContent[] = [element('h1', {}, [text(messages.siteTitle)]), element('h2', {}, [text(messages.treaties)])];
  for (const coverage of service.getCoverage()) {
    const page = pageOf.get(coverage.uri);
    const treaty = treaties.get(coverage.uri);
    if (!page || !treaty) continue;
    const anchorOf = new Map(treaty.articles.map((article) => [article.labelSpan.start, articleAnchor(article)]));
    const bars = coverage.articles.map((article) => ({ label: article.label, citations: article.citations, href: `${page.path}#${anchorOf.get(article.location.span.start) ?? ''}` }));
    body.push(element('h3', {}, [element('a', { href: page.path }, [text(coverage.title)])]), coverageChart(bars, messages));
  }
  body.push(element('h2', {}, [text(messages.analyses)]));
  const analyses = pages.filter((page) => !treaties.has(page.uri));
  body.push(element('ul', {}, analyses.map((page) => element('li', {}, [element('a', { href: page.path }, [text(page.title)]), text(` — ${page.path}`)]))));
  return body;
}

const BAR_WIDTH = 14;
const CHART_HEIGHT = 120;

/** One bar per article, as high as its citations (the highest bar fills the chart), each a link to the article. */
function coverageChart(bars: readonly { label: string; citations: number; href: string }[], messages: Messages): Element {
  const most = Math.max(1, ...bars.map((bar) => bar.citations));
  const width = bars.length * (BAR_WIDTH + 4) + 30;
  const cited = bars.filter((bar) => bar.citations > 0).length;
  const summary = messages.coverageChart(bars.length, cited);
  return element('svg', { className: ['coverage'], width, height: CHART_HEIGHT + 20, viewBox: `0 0 ${width} ${CHART_HEIGHT + 20}`, role: 'img', ariaLabel: summary }, [
    element('title', {}, [text(summary)]),
    element('text', { x: '0', y: '10' }, [text(String(most))]),
    ...bars.map((bar, position) => {
      const height = bar.citations === 0 ? 2 : Math.max(3, (bar.citations / most) * (CHART_HEIGHT - 10));
      const x = 24 + position * (BAR_WIDTH + 4);
      return element('a', { href: bar.href }, [
        element('rect', { x: String(x), y: String(CHART_HEIGHT - height), width: String(BAR_WIDTH), height: String(height), className: [bar.citations > 0 ? 'cited' : 'uncited'] }, [element('title', {}, [text(messages.articleCitations(bar.label, bar.citations))])]),
      ]);
    }),
    element('line', { x1: '20', y1: String(CHART_HEIGHT), x2: String(width), y2: String(CHART_HEIGHT), stroke: '#999' }),
  ]);
}
