// Feature: hover — the cited article under the cursor: treaty, label and caption, the analyst's summary,
// the text with the cited paragraph or item in bold (long articles cut around it), and how many documents
// cite it. A cited chapter shows its title and articles. What is wrong with a dangling citation is its
// diagnostic; an editor that shows diagnostics in its hovers (VS Code) gets it once, from the diagnostic, so the
// hover says it only when no diagnostic does (turned off or suppressed). Words from documents and messages are
// escaped, so that Markdown never swallows them.

import type { DiagnosticCode, Hover } from '../api';
import type { TreatyEntry } from '../catalog';
import { effectiveSeverity } from '../config';
import { isSuppressed } from '../document';
import { messagesFor, type Messages } from '../messages/index';
import { articleKey, type ResolvedCitation, type ScopeName } from '../resolve';
import { findDivision } from '../treaty/locate';
import type { Article, Span } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { carriesUnknownTreatyNote, citationMessage } from './diagnostics';
import { articleLabelAt, citationAt } from './lookup';
import { labelVersions, provisionVersions, readerLanguage, type VersionProvision } from './parallelTexts';
import { captionAfterLabel } from '../treaty/labels';
import { scriptLanguage } from '../text/language';

/** The analyst's summary line in an article (shown apart from the article's words). */
export const SUMMARY_LINE = /^\s*(?:要旨\s*[：:]|Summary\s*:|\\?<!--\s*summary\s*:)/i;

/** Hovers longer than this are cut around the cited part. */
const MAX_TEXT = 1200;

/** `editorShowsDiagnostics`: the editor shows a position's diagnostics in its hover, as VS Code does. */
export function findHover(index: WorkspaceIndex, uri: string, offset: number, editorShowsDiagnostics: boolean): Hover | null {
  const facts = index.facts(uri);
  if (!facts) return null;
  const messages = messagesFor(index.config.language);
  const citation = citationAt(index, uri, offset);
  if (citation) {
    const span = citation.syntax.span;
    const code = citation.status as DiagnosticCode;
    // An instrument not in the workspace has one note, on its first citation: the others say it in their hover.
    const noted = code !== 'unknown-treaty' || carriesUnknownTreatyNote(index, uri, citation);
    const diagnosed = editorShowsDiagnostics && noted && effectiveSeverity(index.config, code) !== null && !isSuppressed(facts, code, span);
    const message = citationMessage(citation, messages, index, facts.text);
    const problem = message && !diagnosed ? `⚠ ${escapeMarkdown(message)}` : null;
    const scope = citation.treatyName ? citation.scope : null;
    const target = index.articleOf(citation);
    const chapter = !target && citation.status === 'resolved' ? chapterMarkdown(index, citation, messages, scope) : null;
    if (chapter) return { span, markdown: chapter };
    if (!target || (message && citation.status !== 'unknown-paragraph' && citation.status !== 'unknown-item')) {
      const lines = [message ? problem : escapeMarkdown(describeUnresolved(citation, messages)), scope && scopeLine(citation.treatyName!, scope, messages)];
      const markdown = lines.filter((line) => line).join('\n\n');
      return markdown ? { span, markdown } : null;
    }
    const versions = provisionVersions(index, citation, readerLanguage(facts));
    const body = versions.length > 1 ? parallelMarkdown(index, versions, messages, scope) : articleMarkdown(index, target.entry, target.article, citation.target?.span ?? null, messages, true, scope);
    return { span, markdown: problem ? `${problem}\n\n---\n\n${body}` : body };
  }
  const label = articleLabelAt(index, uri, offset);
  if (label) {
    const entry = index.treatyEntry(label.treaty.id);
    const versions = labelVersions(index, uri, label.treaty, label.article);
    if (versions.length > 1) return { span: label.article.labelSpan, markdown: parallelMarkdown(index, versions, messages) };
    if (entry) return { span: label.article.labelSpan, markdown: articleMarkdown(index, { ...entry, uri, treaty: label.treaty }, label.article, null, messages) };
  }
  return null;
}

/**
 * While the workspace is still being read: whether what is read so far answers a request at the offset, that is no
 * citation is there, or its treaty has been read (a treaty is read whole, so an article it lacks is missing for good).
 */
export function answeredWithWhatIsRead(index: WorkspaceIndex, uri: string, offset: number): boolean {
  const citation = citationAt(index, uri, offset);
  return citation === undefined || (citation.treatyId !== null && index.treatyEntry(citation.treatyId) !== undefined);
}

/**
 * The hover of a citation asked while the workspace is still being read, when what is read so far does not resolve it:
 * it says so, rather than that the treaty or the article is missing (they may be in a file not read yet).
 */
export function findReadingHover(index: WorkspaceIndex, uri: string, offset: number): Hover | null {
  const citation = citationAt(index, uri, offset);
  return citation ? { span: citation.syntax.span, markdown: escapeMarkdown(messagesFor(index.config.language).stillReading) } : null;
}

/** `北大西洋条約 (the instrument this document names most)`: the instrument and the rule that chose it. */
function scopeLine(instrument: string, scope: ScopeName, messages: Messages): string {
  return escapeMarkdown(messages.chosenBy(instrument, scope));
}

/** Articles listed in a chapter's hover before the rest are counted. */
const MAX_CHAPTER_ARTICLES = 20;

/** The hover body for a cited chapter (or section): its label and title, then its articles with their captions. */
function chapterMarkdown(index: WorkspaceIndex, citation: ResolvedCitation, messages: Messages, scope: ScopeName | null): string | null {
  const entry = citation.treatyId ? index.treatyEntry(citation.treatyId) : undefined;
  const division = entry && citation.syntax.division ? findDivision(entry.treaty, citation.syntax.division) : undefined;
  if (!entry || !division) return null;
  const treaty = entry.treaty;
  const label = division.label.replace(/\s+/g, ' ');
  const japanese = scriptLanguage(label) === 'ja';
  const title = division.title ? (japanese ? `　${division.title}` : ` — ${division.title}`) : '';
  const articles = treaty.articles.filter((article) => !article.supplementary && article.span.start >= division.span.start && article.span.start < division.span.end);
  const lines = [`**${escapeMarkdown(treaty.short ?? treaty.title)}** ${escapeMarkdown(`${label}${title}`)}`, ''];
  if (scope) lines.push(scopeLine(treaty.title, scope, messages), '');
  for (const article of articles.slice(0, MAX_CHAPTER_ARTICLES)) {
    const caption = article.caption ? (japanese ? `（${article.caption}）` : ` — ${article.caption}`) : '';
    lines.push(`- ${escapeMarkdown(`${article.label.replace(/\s+/g, ' ')}${caption}`)}`);
  }
  const more = articles.length - MAX_CHAPTER_ARTICLES;
  if (more > 0) lines.push(`- ${messages.moreArticles(more)}`);
  return lines.join('\n').trim();
}

function describeUnresolved(citation: ResolvedCitation, messages: Messages): string {
  return citation.status === 'external' ? messages.externalProvision(citation.treatyName) : messages.notResolved;
}

/** Each language version of the article, the reader's first, the citing count once at the end. */
function parallelMarkdown(index: WorkspaceIndex, versions: readonly VersionProvision[], messages: Messages, scope: ScopeName | null = null): string {
  return versions
    .map((version, position) => articleMarkdown(index, version.entry, version.article, version.part?.span ?? null, messages, position === versions.length - 1, position === 0 ? scope : null))
    .join('\n\n---\n\n');
}

/** The hover body for an article, with `emphasis` (a paragraph or item span) in bold and `scope` under its heading. */
function articleMarkdown(index: WorkspaceIndex, entry: TreatyEntry, article: Article, emphasis: Span | null, messages: Messages, footer = true, scope: ScopeName | null = null): string {
  const text = index.facts(entry.uri)?.text ?? '';
  const treaty = entry.treaty;
  // The caption is written as the treaty writes it; the words around it follow the reader's language.
  const caption = captionAfterLabel(article, treaty.lang);
  const lines = [`**${escapeMarkdown(treaty.short ?? treaty.title)}** ${escapeMarkdown(`${article.label.replace(/\s+/g, ' ')}${caption}`)}`];
  if (scope) lines.push('', scopeLine(treaty.title, scope, messages));
  if (article.summary) lines.push('', `> ${messages.summary}: ${escapeMarkdown(article.summary)}`);
  lines.push('', excerpt(text, article.bodySpan, emphasis && emphasis.start > article.span.start ? emphasis : null));
  if (!footer) return lines.join('\n');
  const cited = index.citingDocumentCount(articleKey(treaty.id, article.number, article.supplementaryGroup));
  lines.push('', `_${messages.citedInDocuments(cited)}_`);
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
