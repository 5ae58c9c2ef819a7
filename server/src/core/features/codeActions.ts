// Feature: code actions — quick fixes for dangling citations: the nearest existing articles for
// `unknown-article`; a treaty name or a `<!-- cites: id -->` directive for `ambiguous-treaty`;
// for `unknown-treaty`, an import from e-Gov and a new treaty document (officialTexts.ts); the treaty's words for `misquote`
// (quotations.ts); on an article label, inserting or deleting an article with renumbering (renumber.ts).

import type { CodeAction, DiagnosticCode, TextEdit } from '../api';
import { effectiveSeverity } from '../config';
import { directiveAt, isSuppressed, type DocumentFacts } from '../document';
import type { ResolvedCitation } from '../resolve';
import { articleOrderKey } from '../treaty/labels';
import type { Span } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { messagesFor, type Messages } from '../messages/index';
import { idForName } from '../import/names';
import { importFromEgov, treatyDocumentText } from './officialTexts';
import { frenchQualifier } from '../citation/french';
import { misquoteFixes } from './quotations';
import { renumberEdits } from './rename';
import { renumberActions } from './renumber';
import { namesakesOf, relativeFile } from './treatyNames';

/** How many nearby articles `unknown-article` offers. */
const NEAREST = 3;

const HANDLED: readonly DiagnosticCode[] = ['unknown-article', 'ambiguous-treaty', 'unknown-treaty'];

export function findCodeActions(index: WorkspaceIndex, uri: string, span: Span, codes: readonly DiagnosticCode[]): CodeAction[] {
  const facts = index.facts(uri);
  if (!facts) return [];
  const messages = messagesFor(index.config.language);
  const actions: CodeAction[] = [];
  const titles = new Set<string>();
  const push = (action: CodeAction): void => {
    if (titles.has(action.title)) return;
    titles.add(action.title);
    actions.push(action);
  };
  for (const citation of index.resolved(uri)) {
    const at = citation.syntax.span;
    if (at.end < span.start || at.start > span.end) continue;
    const code = citation.status as DiagnosticCode;
    if (!HANDLED.includes(code) || (codes.length > 0 && !codes.includes(code))) continue;
    if (effectiveSeverity(index.config, code) === null || isSuppressed(facts, code, at)) continue;
    if (code === 'unknown-article') nearestArticles(index, facts, citation, messages).forEach(push);
    else if (code === 'ambiguous-treaty') {
      const namesakes = namesakesOf(index, citation);
      (namesakes ? namesakeChoices(index, facts, citation, namesakes, messages) : qualifications(index, facts, citation, messages)).forEach(push);
    } else newTreatyFile(index, citation, messages).forEach(push);
  }
  if (codes.length === 0 || codes.includes('misquote')) misquoteFixes(index, uri, span).forEach(push);
  if (codes.length === 0) renumberActions(index, uri, span).forEach(push);
  return actions;
}

function nearestArticles(index: WorkspaceIndex, facts: DocumentFacts, citation: ResolvedCitation, messages: Messages): CodeAction[] {
  const treaty = citation.treatyId ? index.treatyEntry(citation.treatyId)?.treaty : undefined;
  if (!treaty || citation.article === null) return [];
  const wanted = articleOrderKey(citation.article);
  const distance = (number: string): number[] => {
    const key = articleOrderKey(number);
    return [Math.abs((key[0] ?? 0) - (wanted[0] ?? 0)), key[0] ?? 0, Math.abs((key[1] ?? 0) - (wanted[1] ?? 0))];
  };
  const byDistance = (a: number[], b: number[]): number => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  const candidates = treaty.articles
    .filter((article) => article.supplementaryGroup === citation.supplementaryGroup && article.number !== '')
    .map((article) => ({ article, distance: distance(article.number) }))
    .sort((a, b) => byDistance(a.distance, b.distance))
    .slice(0, NEAREST);
  const qualifier = citation.syntax.qualifier;
  return candidates.flatMap(({ article }, position) => {
    const edits = renumberEdits(facts.text, citation.syntax.span, qualifier ? qualifier.span : null, citation.article!, article.number);
    if (!edits) return [];
    const label = article.label.replace(/\s+/g, ' ');
    return [quickFix(messages.changeTo(label, article.caption), 'unknown-article', facts.uri, edits, position === 0)];
  });
}

function qualifications(index: WorkspaceIndex, facts: DocumentFacts, citation: ResolvedCitation, messages: Messages): CodeAction[] {
  const span = citation.syntax.span;
  const written = facts.text.slice(span.start, span.end);
  const paragraphStart = paragraphStartOf(facts, span.start);
  const lineBreak = facts.text.includes('\r\n') ? '\r\n' : '\n';
  const actions: CodeAction[] = [];
  const directives: CodeAction[] = [];
  for (const id of index.catalog.ids) {
    const treaty = index.treatyEntry(id)?.treaty;
    if (!treaty) continue;
    const name = treaty.short ?? treaty.title;
    let edit: TextEdit;
    if (citation.syntax.language === 'ja') edit = { span: { start: span.start, end: span.start }, newText: name };
    else if (citation.syntax.language === 'fr') edit = { span: { start: span.end, end: span.end }, newText: ` ${frenchQualifier(name)}` };
    else if (citation.syntax.language === 'en') edit = { span: { start: span.end, end: span.end }, newText: /^the\s/i.test(name) ? ` of ${name}` : ` of the ${name}` };
    else edit = { span: { start: span.end, end: span.end }, newText: ` ${name}` };
    const qualified = edit.span.start === span.start ? `${edit.newText}${written}` : `${written}${edit.newText}`;
    actions.push(quickFix(messages.qualifyAs(qualified), 'ambiguous-treaty', facts.uri, [edit], false));
    const directive = `<!-- cites: ${id} -->`;
    directives.push(
      quickFix(
        messages.addDirective(directive, treaty.title),
        'ambiguous-treaty',
        facts.uri,
        [{ span: { start: paragraphStart, end: paragraphStart }, newText: `${directive}${lineBreak}` }],
        false,
      ),
    );
  }
  return [...actions, ...directives];
}

/**
 * For a name several treaties go by, one choice per treaty: its `<!-- cites: id -->` before the paragraph, and after it
 * the directive that was in force again, so that the rest of the document keeps its default treaty.
 */
function namesakeChoices(index: WorkspaceIndex, facts: DocumentFacts, citation: ResolvedCitation, ids: readonly string[], messages: Messages): CodeAction[] {
  const at = citation.syntax.span.start;
  const lineBreak = facts.text.includes('\r\n') ? '\r\n' : '\n';
  const start = paragraphStartOf(facts, at);
  const end = paragraphEndOf(facts, at);
  const previous = directiveAt(facts, at);
  return ids.map((id) => {
    const directive = `<!-- cites: ${id} -->`;
    const edits: TextEdit[] = [{ span: { start, end: start }, newText: `${directive}${lineBreak}` }];
    if (previous !== null && previous !== id) {
      const restore = `<!-- cites: ${previous} -->`;
      const ended = end === facts.text.length && !/\n$/.test(facts.text);
      edits.push({ span: { start: end, end }, newText: ended ? `${lineBreak}${restore}` : `${restore}${lineBreak}` });
    }
    const entry = index.treatyEntry(id);
    const file = entry ? relativeFile(facts.uri, entry.uri) : id;
    return quickFix(messages.citeNamesake(id, file, directive), 'ambiguous-treaty', facts.uri, edits, false);
  });
}

/** The end of the Markdown paragraph holding `offset`: the start of the blank line or heading after it, or the end of the text. */
function paragraphEndOf(facts: DocumentFacts, offset: number): number {
  const { lineIndex, text } = facts;
  let line = lineIndex.positionAt(offset).line + 1;
  for (; line < lineIndex.lineCount; line++) {
    const current = text.slice(lineIndex.lineStart(line), line + 1 < lineIndex.lineCount ? lineIndex.lineStart(line + 1) : text.length);
    if (current.trim() === '' || /^ {0,3}#/.test(current)) return lineIndex.lineStart(line);
  }
  return text.length;
}

/** The start of the Markdown paragraph holding `offset`: after a blank line, a heading, a comment line or the front matter. */
function paragraphStartOf(facts: DocumentFacts, offset: number): number {
  const { lineIndex, text } = facts;
  const floor = facts.frontMatter.span?.end ?? 0;
  let line = lineIndex.positionAt(offset).line;
  while (line > 0) {
    const previousStart = lineIndex.lineStart(line - 1);
    const previous = text.slice(previousStart, lineIndex.lineStart(line));
    // A comment line above it may be a directive: what is put in goes after it, or that directive would win.
    if (previousStart < floor || previous.trim() === '' || /^ {0,3}#/.test(previous) || /^ {0,3}<!--.*-->\s*$/.test(previous)) break;
    line--;
  }
  return Math.max(lineIndex.lineStart(line), floor);
}

function newTreatyFile(index: WorkspaceIndex, citation: ResolvedCitation, messages: Messages): CodeAction[] {
  const name = citation.treatyName?.trim();
  if (!name) return [];
  const id = idForName(name);
  const folder = treatyFolder(index);
  let fileName = `${id}.md`;
  for (let suffix = 2; index.facts(folder + encodeURIComponent(fileName)) !== undefined; suffix++) fileName = `${id}-${suffix}.md`;
  const uri = folder + encodeURIComponent(fileName);
  const text = treatyDocumentText(index, id, name, yamlScalar);
  return [
    ...importFromEgov(index, folder, name, messages),
    {
      title: messages.createTreatyFile(fileName, name),
      kind: 'quickfix',
      diagnosticCode: 'unknown-treaty',
      edit: { changes: [], creates: [{ uri, text }] },
      preferred: false,
    },
  ];
}

/** The folder (URI ending in `/`) of the workspace's treaties, or else the folder all documents share. */
function treatyFolder(index: WorkspaceIndex): string {
  const first = index.catalog.ids[0];
  const treatyUri = first ? index.treatyEntry(first)?.uri : undefined;
  if (treatyUri) return treatyUri.slice(0, treatyUri.lastIndexOf('/') + 1);
  let common: string | null = null;
  for (const uri of index.uris()) {
    const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
    if (common === null) common = folder;
    while (!folder.startsWith(common)) common = common.slice(0, common.slice(0, -1).lastIndexOf('/') + 1);
  }
  return common ?? 'file:///';
}

/** A YAML scalar: plain when safe, otherwise double-quoted (a JSON string is valid YAML). */
function yamlScalar(value: string): string {
  return /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#]*$/.test(value) && value.trim() === value ? value : JSON.stringify(value);
}

function quickFix(title: string, code: DiagnosticCode, uri: string, edits: readonly TextEdit[], preferred: boolean): CodeAction {
  return { title, kind: 'quickfix', diagnosticCode: code, edit: { changes: [{ uri, edits }], creates: [] }, preferred };
}
