// A treaty or law as pasted from a PDF or a web page, made into a treaty document: HTML reduced to its text, page
// numbers and running headers dropped, lines broken inside a sentence joined, `第 5 条` written 第5条 so the parser
// reads it (full-width digits are kept: the parser reads them as they are).

import { Parser } from 'htmlparser2';
import { classifyLines, type LineSyntax } from '../treaty/labels';
import { parseTreaty } from '../treaty/parse';
import { scriptLanguage } from '../text/language';
import { escapeMarkdownLine, frontMatterBlock } from './markdown';
import { ImportError, type ImportedDocument } from './result';

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'footer', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'ul', 'caption', 'title',
]);
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'button', 'select']);

/** Whether a text is HTML rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text) || /<(?:p|div|br|table|h[1-6])[\s>/]/i.test(text.slice(0, 4096));
}

/** The text of an HTML page: each block on its own lines, table cells apart by a full-width space, entities decoded. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let hidden = 0;
  let title = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden++;
        if (name === 'title') title = true;
        if (BLOCKS.has(name)) parts.push('\n');
        if (name === 'td' || name === 'th') parts.push('　');
      },
      ontext(text) {
        // The page title is a running header of the browser, not of the law.
        if (hidden === 0 && !title) parts.push(text.replace(/[ \t\r\n]+/g, ' '));
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        if (name === 'title') title = false;
        if (BLOCKS.has(name)) parts.push('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''))
    .join('\n');
}

// `- 5 -`, `— 12 —`, `５`, `(3)`, `3/20`, `Page 3`, `Page 3 of 20`, `p. 3`, `- ii -`: a page number alone on its line.
const PAGE_NUMBER = /^(?:[-–—－‐ー―(（[［]?[ \u3000]*(?:[0-9０-９]{1,4}|[ivxlc]{1,6})[ \u3000]*[-–—－‐ー―)）\]］]?|[0-9０-９]{1,4}[ \u3000]*[/／][ \u3000]*[0-9０-９]{1,4}|(?:[Pp]age|p\.|PAGE)[ \u3000]*[0-9]{1,4}(?:[ \u3000]+of[ \u3000]+[0-9]{1,4})?|[0-9０-９]{1,4}[ \u3000]*(?:頁|ページ))$/;
// `第 5 条`, `第 ５ 条`, `第五 条`: the spacing of a PDF's justified text inside a label.
const SPACED_LABEL = /第[ \u3000]*([0-9０-９]+|[〇一二三四五六七八九十百千]+)[ \u3000]*(条|項|号|章|節|編|款|目)(?:[ \u3000]*の[ \u3000]*([0-9０-９]+|[〇一二三四五六七八九十百千]+))?/g;
const SENTENCE_END = /[。．.!?！？:：;；」』）)]$/;
const REPEATS_FOR_HEADER = 3;

/**
 * Cleans text pasted from a PDF: drops page numbers and running headers or footers (a short line that comes back
 * three times or more, numbers aside), closes up `第 5 条`, and joins a line broken inside a sentence to the line
 * before it. Labels (`第五条`, `２　`, `一　`, `Article 5`, `（目的）`, `附則`) always start a line.
 */
export function cleanPastedText(text: string): string {
  const raw = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\f/g, '\n').split('\n');
  const lines = raw.map((line) => line.replace(/[ \t\u00a0]+$/g, '').replace(SPACED_LABEL, (_match, number: string, unit: string, branch?: string) => `第${number}${unit}${branch ? `の${branch}` : ''}`));
  const first = lines.findIndex((line) => line.trim() !== '');
  const counts = new Map<string, number>();
  const shape = (line: string): string => line.trim().replace(/[0-9０-９]+/g, '#');
  for (const line of lines) if (line.trim() !== '' && line.trim().length <= 80) counts.set(shape(line), (counts.get(shape(line)) ?? 0) + 1);
  const syntax = classify(lines);
  const kept: string[] = [];
  const keptSyntax: LineSyntax[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const trimmed = line.trim();
    const kind = syntax[index]!.kind;
    if (trimmed !== '' && kind === 'text') {
      if (PAGE_NUMBER.test(trimmed)) continue;
      // A running header repeats; the title it often repeats is kept where it first stands.
      if (index !== first && (counts.get(shape(line)) ?? 0) >= REPEATS_FOR_HEADER) continue;
    }
    kept.push(line);
    keptSyntax.push(syntax[index]!);
  }
  const width = typicalWidth(kept);
  const joined: string[] = [];
  let previousSyntax: LineSyntax | null = null;
  for (let index = 0; index < kept.length; index++) {
    const line = kept[index]!;
    const syntax = keptSyntax[index]!;
    const previous = joined[joined.length - 1];
    const continues =
      previous !== undefined && previous.trim() !== '' && line.trim() !== '' && syntax.kind === 'text' && joined.length > 1 + firstIndex(joined) &&
      continuable(previousSyntax) && !SENTENCE_END.test(previous.trimEnd()) && displayWidth(previous) >= width * 0.6;
    if (continues) {
      const latin = /[A-Za-z0-9,;]$/.test(previous!) && /^[ \t]*[A-Za-z0-9(]/.test(line);
      joined[joined.length - 1] = `${previous!.trimEnd()}${latin ? ' ' : ''}${line.trim()}`;
    } else {
      joined.push(line);
      previousSyntax = syntax;
    }
  }
  return joined.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Only the text of a provision runs on to the next line; a title, a caption or a label alone on its line does not. */
function continuable(syntax: LineSyntax | null): boolean {
  if (syntax === null) return false;
  if (syntax.kind === 'article') return syntax.bodyStart !== null;
  return ['text', 'paragraph', 'itemJa', 'subitemJa', 'itemWestern', 'deepJa'].includes(syntax.kind);
}

const firstIndex = (lines: readonly string[]): number => lines.findIndex((line) => line.trim() !== '');

function classify(lines: readonly string[]): LineSyntax[] {
  const text = lines.join('\n');
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    ends.push(offset + line.length);
    offset += line.length + 1;
  }
  return classifyLines(text, starts, ends);
}

/** Columns a line takes (CJK characters two), for the width the PDF's text was set to. */
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text.trim()) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(character) ? 2 : 1;
  return width;
}

/** The width most full lines reach: the 80th percentile of the non-blank lines' widths. */
function typicalWidth(lines: readonly string[]): number {
  const widths = lines.filter((line) => line.trim() !== '').map(displayWidth).sort((a, b) => a - b);
  return widths.length === 0 ? 0 : widths[Math.floor((widths.length - 1) * 0.8)]!;
}

export interface PastedTextOptions {
  /** The `treaty:` id; defaults to the title. */
  readonly id?: string | null;
  /** Defaults to the first line. */
  readonly title?: string | null;
  readonly source?: string | null;
}

/** A treaty document of pasted text (plain or HTML). Nothing to import when no article is found in it. */
export function convertPastedText(input: string, options: PastedTextOptions = {}): ImportedDocument {
  const cleaned = cleanPastedText(looksLikeHtml(input) ? htmlToText(input) : input);
  const lines = cleaned.split('\n');
  const firstLine = lines.find((line) => line.trim() !== '')?.trim() ?? '';
  const title = options.title?.trim() || firstLine;
  const treaty = parseTreaty(cleaned, 0, { id: 'import', title, short: null, aliases: [], lang: null });
  const articles = treaty.articles.filter((article) => article.number !== '').length;
  if (articles === 0) throw new ImportError('nothing', 'no article was found in the text (第一条, Article 1, …)');
  const id = options.id?.trim() || title;
  const lang = scriptLanguage(cleaned.slice(0, 2000));
  const frontMatter = frontMatterBlock({ treaty: id, title, lang, source: options.source ?? null });
  // Indentation with ordinary spaces would make a Markdown code block; full-width indentation is text.
  const unindented = lines.map((line) => line.replace(/^[ \t]+/, ''));
  const syntax = classify(unindented);
  const body = unindented
    .map((line, index) => {
      const label = syntax[index]!;
      // `1.` and `1)` are labels the parser reads (a paragraph, an item): kept, though Markdown also reads them as a list.
      const keep = (label.kind === 'paragraph' && label.style === 'dotted') || label.kind === 'itemWestern' ? label.labelEnd - label.labelStart : 0;
      return line === '' ? '' : escapeMarkdownLine(line, keep);
    })
    .join('\n');
  return { id, title, text: `${frontMatter}\n${body}\n`, articles };
}
