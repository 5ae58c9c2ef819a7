// Feature: safe renumbering — in a treaty document, code actions on an article's label insert a new article
// after it or delete it, renumber the articles that follow (in every language version), and rewrite every
// citation of a renumbered article across the workspace, all as one WorkspaceEdit. Relative citations (前条,
// 次条, the preceding Article) that would come to point elsewhere are written out as absolute ones.

import type { CodeAction, TextEdit } from '../api';
import type { TreatyEntry } from '../catalog';
import type { DocumentFacts } from '../document';
import { articleKey, type ResolvedCitation } from '../resolve';
import { adjacentArticle, findArticle, locateProvision } from '../treaty/locate';
import type { Article, Span, Treaty } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { messagesFor, type Messages } from '../messages/index';
import { renumberEdits } from './rename';
import { writeNumber } from '../text/numerals';

/** A change of numbering: what each old article number becomes (null: deleted), and the article inserted. */
interface Renumbering {
  readonly map: (number: string) => string | null;
  readonly inserted: { readonly after: string; readonly number: string } | null;
  readonly deleted: string | null;
}

export function renumberActions(index: WorkspaceIndex, uri: string, span: Span): CodeAction[] {
  const facts = index.facts(uri);
  const treaty = facts?.treaty;
  if (!facts || !treaty) return [];
  const article = locateProvision(treaty, span.start)?.article;
  if (!article || article.number === '' || !onLabelLine(facts, article, span)) return [];
  const parts = numericParts(article.number);
  if (!parts || sharesLabel(treaty, article)) return [];
  const messages = messagesFor(index.config.language);
  const members = groupMembers(treaty, article);
  const actions: CodeAction[] = [];

  const inserted = [...parts.slice(0, -1), parts[parts.length - 1]! + 1].join('_');
  const occupied = members.some((member) => member.number === inserted);
  const insert: Renumbering = {
    map: (number) => (occupied ? shifted(number, parts, +1, parts[parts.length - 1]! + 1) : number),
    inserted: { after: article.number, number: inserted },
    deleted: null,
  };
  actions.push(action(index, treaty, article, insert, title(members, article, insert, messages.insertArticle)));

  // Branch articles (第6条の2) hang off the article's number: deleting it would leave them orphaned.
  if (!members.some((member) => member.number.startsWith(`${article.number}_`))) {
    const remove: Renumbering = {
      map: (number) => (number === article.number ? null : shifted(number, parts, -1, parts[parts.length - 1]! + 1)),
      inserted: null,
      deleted: article.number,
    };
    const outside = citationsOutside(index, treaty, article);
    const edit = action(index, treaty, article, remove, title(members, article, remove, messages.deleteArticle));
    if (outside.citations > 0) {
      const label = article.label.replace(/\s+/g, ' ');
      edit.disabled = messages.deleteCitedArticle(label, outside.citations, outside.documents);
      edit.edit = { changes: [], creates: [] };
    }
    actions.push(edit);
  }
  return actions;
}

function onLabelLine(facts: DocumentFacts, article: Article, span: Span): boolean {
  const line = facts.lineIndex.positionAt(article.labelSpan.start).line;
  return facts.lineIndex.positionAt(span.start).line === line && facts.lineIndex.positionAt(span.end).line === line;
}

/** `"6_2"` → [6, 2]; null for Latin branches (`7_bis`) and other numbers this feature does not renumber. */
function numericParts(number: string): number[] | null {
  const parts = number.split('_').map(Number);
  return parts.every((part) => Number.isInteger(part) && part > 0) ? parts : null;
}

/** `第六十条から第六十二条まで　削除` is one label for several articles: renumbering it is left to the user. */
function sharesLabel(treaty: Treaty, article: Article): boolean {
  return treaty.articles.some((other) => other !== article && other.labelSpan.start === article.labelSpan.start);
}

function groupMembers(treaty: Treaty, article: Article): Article[] {
  return treaty.articles.filter((member) => member.number !== '' && member.supplementaryGroup === article.supplementaryGroup);
}

/**
 * `number` with its component at the depth of `parts` moved by `delta`, when it has the same prefix as `parts`
 * and that component is at least `from` (insertion after 6 moves 7, 7_2, 8…; after 6_2 moves 6_3, 6_4…).
 */
function shifted(number: string, parts: readonly number[], delta: number, from: number): string {
  const own = numericParts(number);
  const depth = parts.length - 1;
  if (!own || own.length <= depth || parts.slice(0, depth).some((part, position) => own[position] !== part) || own[depth]! < from) return number;
  return own.map((part, position) => (position === depth ? part + delta : part)).join('_');
}

interface MutableAction {
  title: string;
  kind: 'refactor';
  diagnosticCode: null;
  edit: CodeAction['edit'];
  preferred: boolean;
  disabled?: string;
}

function action(index: WorkspaceIndex, treaty: Treaty, article: Article, renumbering: Renumbering, actionTitle: string): MutableAction {
  const edits = new Map<string, TextEdit[]>();
  const removed = new Map<string, Span>();
  const add = (uri: string, edit: TextEdit): void => {
    const list = edits.get(uri) ?? [];
    list.push(edit);
    edits.set(uri, list);
  };
  const versions: readonly TreatyEntry[] = index.catalog.byId.get(treaty.id) ?? [];
  for (const version of versions) {
    const text = index.facts(version.uri)?.text;
    const own = findArticle(version.treaty, article.number, article.supplementaryGroup);
    if (text === undefined || !own) continue;
    for (const member of groupMembers(version.treaty, own)) {
      const target = renumbering.map(member.number);
      if (target === null || target === member.number) continue;
      for (const edit of renumberEdits(text, member.labelSpan, null, member.number, target) ?? []) add(version.uri, edit);
    }
    if (renumbering.inserted) add(version.uri, insertion(text, own, renumbering.inserted.number));
    else removed.set(version.uri, deletion(text, own));
  }
  for (const edit of citationEdits(index, treaty, article, renumbering)) add(edit.uri, edit.edit);
  return {
    title: actionTitle,
    kind: 'refactor',
    diagnosticCode: null,
    edit: {
      changes: [...edits]
        .map(([uri, list]) => {
          const cut = removed.get(uri);
          const kept = cut ? list.filter((edit) => edit.span.end <= cut.start || edit.span.start >= cut.end) : list;
          return { uri, edits: ordered(cut ? [...kept, { span: cut, newText: '' }] : kept) };
        })
        .concat([...removed].filter(([uri]) => !edits.has(uri)).map(([uri, cut]) => ({ uri, edits: [{ span: cut, newText: '' }] }))),
      creates: [],
    },
    preferred: false,
  };
}

/** The new article's label, written as the one before it is (`## 第7条`, `Article VII`), after that article. */
function insertion(text: string, after: Article, number: string): TextEdit {
  const lineStart = text.lastIndexOf('\n', after.labelSpan.start - 1) + 1;
  const prefix = text.slice(lineStart, after.labelSpan.start);
  let label = text.slice(after.labelSpan.start, after.labelSpan.end);
  const relabel = renumberEdits(label, { start: 0, end: label.length }, null, after.number, number) ?? [];
  for (const edit of [...relabel].sort((a, b) => b.span.start - a.span.start)) label = label.slice(0, edit.span.start) + edit.newText + label.slice(edit.span.end);
  const lineBreak = text.includes('\r\n') ? '\r\n' : '\n';
  // Articles set apart by a blank line (Markdown) get one; e-Gov's plain text has none between them.
  const following = text.slice(after.span.end, after.span.end + 8);
  const spanLineStart = text.lastIndexOf('\n', after.span.start - 1) + 1;
  const separated = /^[ \t]*\r?\n[ \t\u3000]*(?:\r?\n|$)/.test(following) && (following.trim() !== '' || /\n[ \t\u3000]*\r?\n$/.test(text.slice(Math.max(0, spanLineStart - 8), spanLineStart)));
  return { span: { start: after.span.end, end: after.span.end }, newText: `${lineBreak}${separated ? lineBreak : ''}${prefix}${label}` };
}

/** The article's lines and the blank lines after it (its caption line and heading marks included). */
function deletion(text: string, article: Article): Span {
  const start = text.lastIndexOf('\n', article.span.start - 1) + 1;
  const rest = /^[^\n]*(?:\n[ \t\u3000]*(?=\n|$))*\n?/.exec(text.slice(article.span.end))!;
  return { start, end: article.span.end + rest[0].length };
}

function ordered(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return sorted.filter((edit, position) => position === 0 || edit.span.start >= sorted[position - 1]!.span.end || edit.span.start === edit.span.end);
}

/** Citations of the article from anywhere but the article itself (in each version), which a deletion would strand. */
function citationsOutside(index: WorkspaceIndex, treaty: Treaty, article: Article): { citations: number; documents: number } {
  const versions = new Map((index.catalog.byId.get(treaty.id) ?? []).map((entry) => [entry.uri, findArticle(entry.treaty, article.number, article.supplementaryGroup)]));
  const sites = index.citationsOf(articleKey(treaty.id, article.number, article.supplementaryGroup)).filter((site) => {
    const own = versions.get(site.uri);
    return !own || site.citation.syntax.span.start < own.span.start || site.citation.syntax.span.start > own.span.end;
  });
  return { citations: sites.length, documents: new Set(sites.map((site) => site.uri)).size };
}

/**
 * Every citation whose written number must change (dangling ones too: a citation of a 第11条 the treaty does
 * not have must not come to mean the article renumbered to 11), and every relative one that would point
 * elsewhere. One pass over the workspace's resolved citations.
 */
function citationEdits(index: WorkspaceIndex, treaty: Treaty, article: Article, renumbering: Renumbering): { uri: string; edit: TextEdit }[] {
  const result: { uri: string; edit: TextEdit }[] = [];
  const order = newOrder(groupMembers(treaty, article), renumbering);
  index.resolveAll();
  for (const uri of index.uris()) {
    const text = index.facts(uri)?.text;
    if (text === undefined) continue;
    for (const citation of index.resolved(uri)) {
      if (citation.treatyId !== treaty.id || citation.article === null || citation.supplementaryGroup !== article.supplementaryGroup) continue;
      const written = citation.syntax.article;
      if (written?.kind === 'number') {
        const target = renumbering.map(citation.article);
        if (target === null || target === citation.article) continue;
        const qualifier = citation.syntax.qualifier;
        for (const edit of renumberEdits(text, citation.syntax.span, qualifier ? qualifier.span : null, citation.article, target) ?? []) result.push({ uri, edit });
      } else if ((written?.kind === 'previous' && written.count === 1) || written?.kind === 'next') {
        const member = findArticle(treaty, citation.article, citation.supplementaryGroup);
        const edit = member && relativeEdit(text, treaty, member, citation, written.kind === 'next', renumbering, order);
        if (edit) result.push({ uri, edit });
      }
    }
  }
  return result;
}

/** The article numbers in order after the change. */
function newOrder(members: readonly Article[], renumbering: Renumbering): string[] {
  const order: string[] = [];
  for (const member of members) {
    const number = renumbering.map(member.number);
    if (number !== null) order.push(number);
    if (renumbering.inserted?.after === member.number) order.push(renumbering.inserted.number);
  }
  return order;
}

/**
 * 前条 / 次条 aimed at `target`: its anchor is the article after (before) the target; when the anchor's new
 * neighbour is no longer the target's new number, the citation is written as that number instead.
 */
function relativeEdit(text: string, treaty: Treaty, target: Article, citation: ResolvedCitation, next: boolean, renumbering: Renumbering, order: readonly string[]): TextEdit | null {
  const anchor = adjacentArticle(treaty, target, next ? -1 : 1);
  const newTarget = renumbering.map(target.number);
  const newAnchor = anchor ? renumbering.map(anchor.number) : null;
  if (!anchor || newAnchor === null || newTarget === null) return null;
  const at = order.indexOf(newAnchor);
  if (order[at + (next ? 1 : -1)] === newTarget) return null;
  const span = citation.syntax.span;
  const written = text.slice(span.start, span.end);
  const japanese = /(前条|次条)/.exec(written);
  const english = /\b(?:the\s+)?(?:preceding|previous|next|following)\s+article\b/i.exec(written);
  const match = japanese ?? english;
  if (!match) return null;
  const value = Number(newTarget.split('_')[0]);
  const branches = newTarget.split('_').slice(1).map(Number);
  const kanji = /[〇一二三四五六七八九十百千]/.test(anchor.label);
  const replacement = japanese
    ? `第${writeNumber(value, kanji ? 'kanji' : 'arabic')}条${branches.map((branch) => `の${writeNumber(branch, kanji ? 'kanji' : 'arabic')}`).join('')}`
    : `Article ${newTarget.replace(/_/g, ' ')}`;
  return { span: { start: span.start + match.index, end: span.start + match.index + match[0].length }, newText: replacement };
}

function title(members: readonly Article[], article: Article, renumbering: Renumbering, say: Messages['insertArticle']): string {
  const label = article.label.replace(/\s+/g, ' ');
  const moved = members.filter((member) => {
    const target = renumbering.map(member.number);
    return target !== null && target !== member.number;
  });
  if (moved.length === 0) return say(label, null);
  const range = moved.length === 1 ? moved[0]!.label : `${moved[0]!.label}–${moved[moved.length - 1]!.label}`;
  return say(label, range.replace(/\s+/g, ' '));
}
