// Feature: diagnostics — dangling citations (no such article, paragraph, item or treaty; 同条 with nothing
// before it; an unqualified citation with no treaty), treaty-structure problems and skipped files.
// Messages are in the configured display language; severities come from the configuration.

import type { Diagnostic, DiagnosticCode } from '../api';
import { effectiveSeverity } from '../config';
import { isSuppressed, type DocumentFacts } from '../document';
import { messagesFor, type Messages } from '../messages/index';
import type { ResolvedCitation } from '../resolve';
import type { Treaty } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { checkParallelStructure } from './parallelTexts';
import { misquoteDiagnostics } from './quotations';
import { duplicateNameProblems, namesakeRelated, namesakesOf } from './treatyNames';

/** All diagnostics of one document. */
export function checkDocument(index: WorkspaceIndex, uri: string): Diagnostic[] {
  const facts = index.facts(uri);
  const config = index.config;
  const diagnostics: Diagnostic[] = [];
  const push = (diagnostic: Omit<Diagnostic, 'severity' | 'related'> & Partial<Pick<Diagnostic, 'related'>>): void => {
    const severity = effectiveSeverity(config, diagnostic.code);
    if (severity === null || (facts && isSuppressed(facts, diagnostic.code, diagnostic.span))) return;
    diagnostics.push({ related: [], ...diagnostic, severity });
  };
  const skipped = index.skippedReason(uri);
  if (skipped) push({ span: { start: 0, end: 0 }, code: 'file-skipped', message: skipped });
  if (!facts) return diagnostics;
  for (const problem of facts.problems) push({ span: problem.span, code: problem.code as DiagnosticCode, message: problem.message });
  const messages = messagesFor(config.language);
  for (const problem of duplicateNameProblems(index, facts, messages)) push(problem);
  const resolved = index.resolved(uri);
  const unknownTreaties = citationsByUnknownTreaty(facts, resolved);
  for (const citation of resolved) {
    if (citation.status === 'unknown-treaty') {
      const group = unknownTreaties.get(citation.treatyName ?? '');
      if (group?.[0] === citation) push(unknownTreatyNote(uri, group, messages, index));
      continue;
    }
    const message = citationMessage(citation, messages, index, facts.text);
    if (!message) continue;
    const target = index.articleOf(citation);
    const related = citation.target
      ? [{ location: citation.target, message: target ? target.article.label : '' }]
      : target
        ? [{ location: { uri: target.entry.uri, span: target.article.labelSpan }, message: target.article.label }]
        : [];
    const treatyEntry = citation.treatyId ? index.treatyEntry(citation.treatyId) : undefined;
    const namesakes = namesakesOf(index, citation);
    const treatyRelated = namesakes
      ? namesakeRelated(index, citation, namesakes)
      : !target && treatyEntry && citation.status === 'unknown-article'
        ? [{ location: { uri: treatyEntry.uri, span: { start: 0, end: 0 } }, message: treatyEntry.treaty.title }]
        : [];
    push({
      span: citation.syntax.span,
      code: citation.status as DiagnosticCode,
      message,
      related: [...related, ...treatyRelated],
      data: { treatyId: citation.treatyId, article: citation.article, treatyName: citation.treatyName },
    });
  }
  for (const misquote of misquoteDiagnostics(index, uri)) push(misquote);
  for (const problem of checkParallelStructure(index, facts)) push(problem);
  return diagnostics;
}

/** A document's citations of each instrument that is not in the workspace (suppressed ones left out), by name. */
function citationsByUnknownTreaty(facts: DocumentFacts, citations: readonly ResolvedCitation[]): Map<string, ResolvedCitation[]> {
  const groups = new Map<string, ResolvedCitation[]>();
  for (const citation of citations) {
    if (citation.status !== 'unknown-treaty' || isSuppressed(facts, 'unknown-treaty', citation.syntax.span)) continue;
    const name = citation.treatyName ?? '';
    const group = groups.get(name);
    if (group) group.push(citation);
    else groups.set(name, [citation]);
  }
  return groups;
}

/** Whether a citation carries its instrument's one unknown-treaty note (the first not suppressed of that instrument). */
export function carriesUnknownTreatyNote(index: WorkspaceIndex, uri: string, citation: ResolvedCitation): boolean {
  const facts = index.facts(uri);
  if (!facts || citation.status !== 'unknown-treaty') return false;
  const first = index.resolved(uri).find((other) => other.status === 'unknown-treaty' && other.treatyName === citation.treatyName && !isSuppressed(facts, 'unknown-treaty', other.syntax.span));
  return first === citation;
}

/** One note per instrument not in the workspace, on its first citation: how many the document has, the others related. */
function unknownTreatyNote(uri: string, group: readonly ResolvedCitation[], messages: Messages, index: WorkspaceIndex): Omit<Diagnostic, 'severity'> {
  const first = group[0]!;
  const message = citationMessage(first, messages, index)!;
  return {
    span: first.syntax.span,
    code: 'unknown-treaty',
    message: group.length === 1 ? message : `${message}${messages.citationsInDocument(group.length)}`,
    related: group.slice(1).map((citation) => ({ location: { uri, span: citation.syntax.span }, message: provisionLabel(citation, messages) })),
    data: { treatyId: first.treatyId, article: first.article, treatyName: first.treatyName },
  };
}

/**
 * The message for a citation that does not resolve, or null when it does. With the citing document's `text`, a paragraph
 * or item whose article is unknown is quoted as written (`3項`), never given an invented article (`第?条`).
 */
export function citationMessage(citation: ResolvedCitation, messages: Messages, index: WorkspaceIndex, text?: string): string | null {
  // Most citations resolve: answer them before building any label.
  if (citation.status === 'resolved' || citation.status === 'external' || citation.status === 'unchecked') return null;
  const span = citation.syntax.span;
  const written = text === undefined ? null : text.slice(span.start, span.end).replace(/\s+/g, '');
  const label = citation.article === null && written !== null && (citation.syntax.paragraph || citation.syntax.item) ? written : provisionLabel(citation, messages);
  const entry = citation.treatyId ? index.treatyEntry(citation.treatyId) : undefined;
  const treaty = entry ? (entry.treaty.short ?? entry.treaty.title) : (citation.treatyName ?? '');
  switch (citation.status) {
    case 'unknown-article':
      return messages.unknownArticle(treaty, label, entry ? describeArticles(entry.treaty, messages) : '');
    case 'unknown-paragraph': {
      const [articleLabel, count] = (citation.detail ?? ':').split(': ');
      return messages.unknownParagraph(treaty, articleLabel ?? '', String(citation.paragraph), count ?? '');
    }
    case 'unknown-item':
      return messages.unknownItem(treaty, citation.detail ?? '', citation.item ?? '');
    case 'unknown-treaty':
      return messages.unknownTreaty(treaty);
    case 'no-antecedent':
      return messages.noAntecedent(citationText(citation, written));
    case 'ambiguous-treaty': {
      const namesakes = namesakesOf(index, citation);
      return namesakes ? messages.namesakeTreaty(citation.treatyName!, namesakes) : messages.ambiguousTreaty(label);
    }
  }
}

/** The instrument-independent part of a citation's label, for messages: `第6条第2項`, `Article 6(2)`. */
export function provisionLabel(citation: ResolvedCitation, messages: Messages): string {
  const syntax = citation.syntax;
  if (citation.article === null) {
    // A citation of no article: the preamble, a chapter, an annex (`前文`, `第7章第2節`, `Annex I`).
    if (syntax.preamble) return messages.preamble;
    if (syntax.division) return messages.chapter(syntax.division.chapter, syntax.division.section);
    if (syntax.annex !== null) return messages.annex(syntax.annex);
  }
  const item = citation.item && citation.item !== 'each' ? citation.item : null;
  return messages.provision(citation.article ?? '?', citation.paragraph, item);
}

const articleRanges = new WeakMap<Treaty, { readonly messages: Messages; readonly range: string }>();

/** The articles a treaty has, for `unknown-article` messages: `Articles 1–14`, `第1条–第14条` (kept per treaty: a deleted article has thousands). */
export function describeArticles(treaty: Treaty, messages: Messages): string {
  const known = articleRanges.get(treaty);
  if (known?.messages === messages) return known.range;
  const main = treaty.articles.filter((article) => !article.supplementary && article.number !== '');
  const range = main.length === 0 ? messages.noArticles : messages.articleRange(main[0]!.number, main[main.length - 1]!.number);
  articleRanges.set(treaty, { messages, range });
  return range;
}

function citationText(citation: ResolvedCitation, written: string | null): string {
  if (citation.syntax.qualifier?.kind === 'same') return citation.syntax.qualifier.word;
  const ref = citation.syntax.article ?? citation.syntax.paragraph ?? citation.syntax.item;
  return ref?.kind === 'number' && written !== null ? written : describeRelative(citation);
}

function describeRelative(citation: ResolvedCitation): string {
  const ref = citation.syntax.article ?? citation.syntax.paragraph ?? citation.syntax.item;
  const unit = citation.syntax.article ? '条' : citation.syntax.paragraph ? '項' : '号';
  if (citation.syntax.language !== 'ja') return ref?.kind === 'same' ? 'that Article' : 'the preceding Article';
  switch (ref?.kind) {
    case 'number':
      return `${ref.value}${unit}`;
    case 'same':
      return `同${unit}`;
    case 'previous':
      return `前${unit}`;
    case 'next':
      return `次${unit}`;
    default:
      return `本${unit}`;
  }
}
