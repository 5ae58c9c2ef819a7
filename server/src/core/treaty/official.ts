// An official text dropped in as it is: a file with no front matter whose body is a title line and then the
// articles from the first one on is a treaty document. The test is strict on purpose, so that an analysis that
// quotes a few articles (or discusses them under headings of its own) stays an analysis.

import type { Span, Treaty } from '../types';
import { articleOrderKey, classifyLines } from './labels';
import { parseTreaty } from './parse';
import { scriptLanguage } from '../text/language';

export interface OfficialText {
  readonly title: string;
  /** `ja`, `ru`, `fr` or `en`, from the script and the words of the text. */
  readonly lang: string;
  /** The body parsed as a treaty, with a placeholder id and the title. */
  readonly treaty: Treaty;
}

/** Fewer main-provision articles than this is a quotation, not a text. */
const MIN_ARTICLES = 3;
const MAX_TITLE_LENGTH = 200;

// An article label at a line's start (a Markdown heading or not): only such lines are classified before the whole
// text is parsed, so an analysis pays one pass over its line starts.
const ARTICLE_LABEL = /(?:#{1,6}[ \t]+)?[ \t]{0,3}(?:第[0-9０-９〇一二三四五六七八九十百千]+条|(?:[Aa]rticle|ARTICLE|[Сс]татья|СТАТЬЯ)[ \t\u00a0]+[0-9IVXLCDMprem])/y;
const LABEL_FIRST = new Set([...'# \t第AaСс']);

/**
 * The body from `from` on read as an official text, or null when it is not one: its first non-blank line is a
 * title (not a label, not a sentence), its first article label is article 1, it has at least three articles in
 * its main provisions, numbered forwards, and it has no Markdown heading that is not a label of its own
 * (`## はじめに`, `## Notes` are an analysis's).
 */
export function readOfficialText(text: string, from: number, headings: readonly { readonly span: Span; readonly textSpan: Span }[]): OfficialText | null {
  const start = text.charCodeAt(from) === 0xfeff ? from + 1 : from;
  const title = titleLine(text, start);
  if (title === null) return null;
  // A heading that is no label (`## はじめに`) says analysis at the cost of one line, before any pass over the text
  // (the check after the parse below, on the keystroke path of every analysis with front matter and headings).
  if (headings.some((heading) => heading.span.start !== title.start && classifyLines(text, [heading.span.start], [heading.span.end])[0]?.kind === 'heading')) return null;
  if (!firstArticleIsFirst(text, title.end)) return null;
  const treaty = parseTreaty(text, start, { id: '', title: title.text, short: null, aliases: [], lang: null });
  const main = treaty.articles.filter((article) => article.supplementaryGroup === null && article.number !== '');
  if (main.length < MIN_ARTICLES || main[0]!.number !== '1') return null;
  for (let index = 1; index < main.length; index++) {
    const previous = main[index - 1]!;
    // `第六十条から第六十二条まで　削除` is one line naming several articles.
    if (main[index]!.labelSpan.start !== previous.labelSpan.start && !isAfter(articleOrderKey(previous.number), articleOrderKey(main[index]!.number))) return null;
  }
  const labels = new Set<number>([
    ...treaty.articles.map((article) => article.labelSpan.start),
    ...treaty.divisions.map((division) => division.labelSpan.start),
    ...treaty.supplementaryBlocks.map((block) => block.span.start),
  ]);
  if (headings.some((heading) => heading.span.start !== title.start && !labels.has(heading.textSpan.start))) return null;
  return { title: title.text, lang: languageOf(title.text, treaty, text), treaty };
}

/**
 * A hint from a file's first few kilobytes, before it is read whole: front matter with a `treaty:` key, or none and a
 * title line followed by article 1. Only the order of reading depends on it (treaties first, so that analyses can
 * be resolved as they arrive); what a document is, reading it whole decides.
 */
export function mayBeTreatyText(head: string): boolean {
  const start = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (head.startsWith('---', start)) {
    const end = head.indexOf('\n---', start + 3);
    return /^treaty[ \t]*:/m.test(head.slice(start, end < 0 ? head.length : end));
  }
  const title = titleLine(head, start);
  return title !== null && firstArticleIsFirst(head, title.end);
}

/** The first non-blank line when it reads as a title: short, not a sentence, not a label. */
function titleLine(text: string, from: number): { text: string; start: number; end: number } | null {
  for (let start = from; start < text.length; ) {
    const feed = text.indexOf('\n', start);
    const next = feed < 0 ? text.length : feed + 1;
    let end = feed < 0 ? text.length : feed;
    if (text.charCodeAt(end - 1) === 0x0d) end--;
    const line = text.slice(start, end);
    if (line.trim() === '') {
      start = next;
      continue;
    }
    // Before any pattern runs on it: a long first line is prose, and may be hostile.
    if (line.length > MAX_TITLE_LENGTH + 16) return null;
    const [syntax] = classifyLines(text, [start], [end]);
    if (syntax === undefined || (syntax.kind !== 'text' && syntax.kind !== 'heading')) return null;
    const title = line.replace(/^ {0,3}#{1,6}[ \t]+/, '').replace(/[ \t]+#+[ \t]*$/, '').trim();
    if (title.length === 0 || title.length > MAX_TITLE_LENGTH || /[.;,:。、；：，]$/.test(title)) return null;
    return { text: title, start, end };
  }
  return null;
}

/** Whether the first line labelled as an article is article 1 (`第一条`, `Article 1`, `Article I`, `Article premier`). */
function firstArticleIsFirst(text: string, from: number): boolean {
  for (let start = from; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    ARTICLE_LABEL.lastIndex = start;
    if (LABEL_FIRST.has(text.charAt(start)) && ARTICLE_LABEL.test(text)) {
      const [syntax] = classifyLines(text, [start], [text.charCodeAt(end - 1) === 0x0d ? end - 1 : end]);
      // `第5条の規定により…` at a line's start is a sentence, not a label: look further.
      if (syntax?.kind === 'article') return syntax.numbers[0] === '1';
    }
    start = end + 1;
  }
  return false;
}

/** `next` comes after `previous` in article order (5 → 6, 5 → 5の2, 5の2 → 7). */
function isAfter(previous: readonly number[], next: readonly number[]): boolean {
  for (let index = 0; index < Math.max(previous.length, next.length); index++) {
    const a = previous[index] ?? 0;
    const b = next[index] ?? 0;
    if (a !== b) return b > a;
  }
  return false;
}

function languageOf(title: string, treaty: Treaty, text: string): string {
  const first = treaty.articles[0];
  const sample = title + (first ? text.slice(first.labelSpan.start, Math.min(first.span.end, first.labelSpan.start + 400)) : '');
  const script = scriptLanguage(sample);
  if (script !== null) return script;
  if (first && /^Article[ \t\u00a0]+(?:premier|1er)$/i.test(first.label)) return 'fr';
  return /\b(?:le|la|les|des|du|et|est)\b/.test(sample) && !/\b(?:the|and|of)\b/i.test(sample) ? 'fr' : 'en';
}
