// Feature: hover — the cited article under the cursor: treaty, label and caption, the analyst's summary,
// the text with the cited paragraph or item in bold (long articles cut around it), and how many documents
// cite it. A cited chapter shows its title and articles. A dangling citation's hover says what is wrong instead.

import type { Hover } from '../api';
import type { TreatyEntry } from '../catalog';
import { articleKey, type ResolvedCitation } from '../resolve';
import { findDivision } from '../treaty/locate';
import type { Article, Span } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { citationMessage, documentLanguage } from './diagnostics';
import { articleLabelAt, citationAt } from './lookup';
import { labelVersions, provisionVersions, readerLanguage, type VersionProvision } from './parallelTexts';

const SUMMARY_LINE = /^\s*(?:要旨\s*[：:]|Summary\s*:|\\?<!--\s*summary\s*:)/i;

/** Hovers longer than this are cut around the cited part. */
const MAX_TEXT = 1200;

export function findHover(index: WorkspaceIndex, uri: string, offset: number, locale?: string): Hover | null {
  const facts = index.facts(uri);
  if (!facts) return null;
  const english = locale ? !locale.startsWith('ja') : documentLanguage(facts) === 'en';
  const citation = citationAt(index, uri, offset);
  if (citation) {
    const problem = citationMessage(citation, english, index);
    const target = index.articleOf(citation);
    const chapter = !target && citation.status === 'resolved' ? chapterMarkdown(index, citation) : null;
    if (chapter) return { span: citation.syntax.span, markdown: chapter };
    if (problem && !(citation.status === 'unknown-paragraph' || citation.status === 'unknown-item') || !target) {
      return { span: citation.syntax.span, markdown: problem ? `⚠ ${problem}` : describeUnresolved(citation, english) };
    }
    const versions = provisionVersions(index, citation, readerLanguage(facts));
    const body = versions.length > 1 ? parallelMarkdown(index, versions, english) : articleMarkdown(index, target.entry, target.article, citation.target?.span ?? null, english);
    return { span: citation.syntax.span, markdown: problem ? `⚠ ${problem}\n\n---\n\n${body}` : body };
  }
  const label = articleLabelAt(index, uri, offset);
  if (label) {
    const entry = index.treatyEntry(label.treaty.id);
    const versions = labelVersions(index, uri, label.treaty, label.article);
    if (versions.length > 1) return { span: label.article.labelSpan, markdown: parallelMarkdown(index, versions, english) };
    if (entry) return { span: label.article.labelSpan, markdown: articleMarkdown(index, { ...entry, uri, treaty: label.treaty }, label.article, null, english) };
  }
  return null;
}

/** Articles listed in a chapter's hover before the rest are counted. */
const MAX_CHAPTER_ARTICLES = 20;

/** The hover body for a cited chapter (or section): its label and title, then its articles with their captions. */
function chapterMarkdown(index: WorkspaceIndex, citation: ResolvedCitation): string | null {
  const entry = citation.treatyId ? index.treatyEntry(citation.treatyId) : undefined;
  const division = entry && citation.syntax.division ? findDivision(entry.treaty, citation.syntax.division) : undefined;
  if (!entry || !division) return null;
  const treaty = entry.treaty;
  const label = division.label.replace(/\s+/g, ' ');
  const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/.test(label);
  const title = division.title ? (japanese ? `　${division.title}` : ` — ${division.title}`) : '';
  const articles = treaty.articles.filter((article) => !article.supplementary && article.span.start >= division.span.start && article.span.start < division.span.end);
  const lines = [`**${treaty.short ?? treaty.title}** ${label}${title}`, ''];
  for (const article of articles.slice(0, MAX_CHAPTER_ARTICLES)) {
    const caption = article.caption ? (japanese ? `（${article.caption}）` : ` — ${article.caption}`) : '';
    lines.push(`- ${article.label.replace(/\s+/g, ' ')}${caption}`);
  }
  const more = articles.length - MAX_CHAPTER_ARTICLES;
  if (more > 0) lines.push(japanese ? `- ほか${more}条` : `- and ${more} more`);
  return lines.join('\n').trim();
}

function describeUnresolved(citation: ResolvedCitation, english: boolean): string {
  if (citation.status === 'external') return english ? `A provision of ${citation.treatyName ?? 'another instrument'}` : `${citation.treatyName ?? '他の法令'}の規定`;
  return english ? 'Not resolved' : '解決できません';
}

/** Each language version of the article, the reader's first, the citing count once at the end. */
function parallelMarkdown(index: WorkspaceIndex, versions: readonly VersionProvision[], english: boolean): string {
  return versions
    .map((version, position) => articleMarkdown(index, version.entry, version.article, version.part?.span ?? null, english, position === versions.length - 1))
    .join('\n\n---\n\n');
}

/** The hover body for an article, with `emphasis` (a paragraph or item span) in bold. */
export function articleMarkdown(index: WorkspaceIndex, entry: TreatyEntry, article: Article, emphasis: Span | null, english: boolean, footer = true): string {
  const text = index.facts(entry.uri)?.text ?? '';
  const treaty = entry.treaty;
  // The caption is written as the treaty writes it; the words around it follow the reader's language.
  const japaneseTreaty = treaty.lang ? treaty.lang.startsWith('ja') : /[\u3040-\u30ff\u4e00-\u9fff]/.test(article.label);
  const caption = article.caption ? (japaneseTreaty ? `（${article.caption}）` : ` — ${article.caption}`) : '';
  const lines = [`**${treaty.short ?? treaty.title}** ${article.label.replace(/\s+/g, ' ')}${caption}`];
  if (article.summary) lines.push('', `> ${english ? 'Summary' : '要旨'}: ${article.summary}`);
  lines.push('', excerpt(text, article.bodySpan, emphasis && emphasis.start > article.span.start ? emphasis : null));
  if (!footer) return lines.join('\n');
  const cited = index.citingDocumentCount(articleKey(treaty.id, article.number, article.supplementaryGroup));
  lines.push('', english ? `_Cited in ${cited} document${cited === 1 ? '' : 's'}_` : `_${cited}件の文書が引用_`);
  return lines.join('\n');
}

/** The article text with the emphasised part in bold, cut to MAX_TEXT around it. */
function excerpt(text: string, body: Span, emphasis: Span | null): string {
  let start = body.start;
  let end = body.end;
  if (end - start > MAX_TEXT) {
    const focus = emphasis ? emphasis.start : start;
    start = Math.max(body.start, Math.min(focus - MAX_TEXT / 4, body.end - MAX_TEXT));
    end = Math.min(body.end, start + MAX_TEXT);
  }
  const piece = (from: number, to: number): string => escapeMarkdown(text.slice(from, to));
  let result: string;
  if (emphasis && emphasis.start >= start && emphasis.end <= end) {
    const inner = text.slice(emphasis.start, emphasis.end).trim();
    result = `${piece(start, emphasis.start)}**${escapeMarkdown(inner).replace(/\n+/g, '**\n\n**')}**${piece(emphasis.end, end)}`;
  } else {
    result = piece(start, end);
  }
  // The analyst's summary line is shown above the text, not again inside it.
  result = result
    .split(/\r?\n/)
    .filter((line) => !SUMMARY_LINE.test(line))
    .join('\n\n')
    .trim()
    .replace(/\n{3,}/g, '\n\n');
  return `${start > body.start ? '… ' : ''}${result}${end < body.end ? ' …' : ''}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
