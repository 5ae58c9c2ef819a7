// Feature: diagnostics — dangling citations (no such article, paragraph, item or treaty; 同条 with nothing
// before it; an unqualified citation with no treaty), treaty-structure problems and skipped files.
// Messages are in the document's language; severities come from the configuration.

import type { Diagnostic, DiagnosticCode } from '../api';
import { effectiveSeverity } from '../config';
import { isSuppressed, type DocumentFacts } from '../document';
import { provisionLabel, type ResolvedCitation } from '../resolve';
import type { Treaty } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { checkParallelStructure } from './parallelTexts';
import { misquoteDiagnostics } from './quotations';

/** Japanese when the document (or the treaty) is written in Japanese, else English. */
export function documentLanguage(facts: DocumentFacts): 'ja' | 'en' {
  if (facts.frontMatter.lang) return facts.frontMatter.lang.startsWith('ja') ? 'ja' : 'en';
  return /[\u3040-\u30ff\u4e00-\u9fff]/.test(facts.text.slice(0, 4000)) ? 'ja' : 'en';
}

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
  const documentEnglish = documentLanguage(facts) === 'en';
  for (const citation of index.resolved(uri)) {
    // An English citation in a Japanese analysis gets an English message, and the other way round.
    const english = citation.syntax.language === 'ja' ? false : citation.syntax.language === 'en' ? true : documentEnglish;
    const message = citationMessage(citation, english, index);
    if (!message) continue;
    const target = index.articleOf(citation);
    const related = citation.target
      ? [{ location: citation.target, message: target ? target.article.label : '' }]
      : target
        ? [{ location: { uri: target.entry.uri, span: target.article.labelSpan }, message: target.article.label }]
        : [];
    const treatyEntry = citation.treatyId ? index.treatyEntry(citation.treatyId) : undefined;
    const treatyRelated = !target && treatyEntry && citation.status === 'unknown-article'
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

/** The message for a citation that does not resolve, or null when it does. */
export function citationMessage(citation: ResolvedCitation, english: boolean, index: WorkspaceIndex): string | null {
  // Most citations resolve: answer them before building any label.
  if (citation.status === 'resolved' || citation.status === 'external' || citation.status === 'unchecked') return null;
  const label = provisionLabel(citation, english);
  const entry = citation.treatyId ? index.treatyEntry(citation.treatyId) : undefined;
  const treaty = entry ? (entry.treaty.short ?? entry.treaty.title) : (citation.treatyName ?? '');
  switch (citation.status) {
    case 'unknown-article': {
      const has = entry ? describeArticles(entry.treaty, english) : '';
      return english ? `${treaty} has no ${label} (it has ${has})` : `${treaty}に${label}はありません（${has}）`;
    }
    case 'unknown-paragraph': {
      const [articleLabel, count] = (citation.detail ?? ':').split(': ');
      return english
        ? `${articleLabel} of ${treaty} has no paragraph ${citation.paragraph} (it has ${count})`
        : `${treaty}${articleLabel}に第${citation.paragraph}項はありません（第${count}項まで）`;
    }
    case 'unknown-item':
      return english
        ? `${citation.detail} of ${treaty} has no item ${citation.item}`
        : `${treaty}${citation.detail}に第${citation.item?.replace(/_/g, 'の')}号はありません`;
    case 'unknown-treaty':
      return english ? `'${treaty}' is not in the workspace` : `「${treaty}」はワークスペースにありません`;
    case 'no-antecedent':
      return english
        ? `'${citationText(citation)}' has nothing before it to refer to`
        : `「${citationText(citation)}」が指す先がありません`;
    case 'ambiguous-treaty':
      return english
        ? `which treaty ${label} belongs to is unclear: qualify it or add <!-- cites: id -->`
        : `${label}がどの条約の条文か決められません（条約名を付けるか <!-- cites: id --> を置いてください）`;
  }
}

/** The articles a treaty has, for `unknown-article` messages: `Articles 1–14`, `第1条–第14条`. */
export function describeArticles(treaty: Treaty, english: boolean): string {
  const main = treaty.articles.filter((article) => !article.supplementary && article.number !== '');
  if (main.length === 0) return english ? 'no articles' : '条文なし';
  const first = main[0]!.number;
  const last = main[main.length - 1]!.number;
  return english ? `Articles ${first.replace(/_/g, ' ')}–${last.replace(/_/g, ' ')}` : `第${first.replace(/_/g, 'の')}条–第${last.replace(/_/g, 'の')}条`;
}

function citationText(citation: ResolvedCitation): string {
  return citation.syntax.qualifier?.kind === 'same' ? citation.syntax.qualifier.word : describeRelative(citation);
}

function describeRelative(citation: ResolvedCitation): string {
  const ref = citation.syntax.article ?? citation.syntax.paragraph ?? citation.syntax.item;
  const unit = citation.syntax.article ? '条' : citation.syntax.paragraph ? '項' : '号';
  if (citation.syntax.language !== 'ja') return ref?.kind === 'same' ? 'that Article' : 'the preceding Article';
  switch (ref?.kind) {
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
