// Feature: document symbols (the outline). Treaties: 前文, divisions (編/章/節, Part, Chapter), 附則 blocks and
// annexes containing their articles (caption as detail), articles containing their paragraphs.
// Analyses: the Markdown headings nested by level, each with the citations of its section.

import type { DocumentSymbol, SymbolKind } from '../api';
import type { DocumentFacts } from '../document';
import { messagesFor, type Messages } from '../messages/index';
import type { ResolvedCitation } from '../resolve';
import type { Span, Treaty } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { citationMessage, provisionLabel } from './diagnostics';

interface Node {
  name: string;
  detail: string | null;
  kind: SymbolKind;
  span: Span;
  selectionSpan: Span;
  children: Node[];
}

export function findDocumentSymbols(index: WorkspaceIndex, uri: string): DocumentSymbol[] {
  const facts = index.facts(uri);
  if (!facts) return [];
  const messages = messagesFor(index.config.language);
  if (facts.treaty) return nest(treatyNodes(facts.treaty, messages));
  return nest(analysisNodes(index, facts, messages));
}

function treatyNodes(treaty: Treaty, messages: Messages): Node[] {
  const nodes: Node[] = [];
  for (const division of treaty.divisions) {
    nodes.push(node(division.label, division.title, division.kind === 'preamble' ? 'preamble' : 'chapter', division.span, division.labelSpan));
  }
  for (const block of treaty.supplementaryBlocks) nodes.push(node(block.heading, null, 'chapter', block.span, block.span));
  let previousLabel = -1;
  for (const article of treaty.articles) {
    // Articles sharing one label (`第六十条から第六十二条まで　削除`) are one line of the outline; the
    // unnumbered text of a 附則 without articles is its block's.
    if (article.labelSpan.start === previousLabel || article.number === '') continue;
    previousLabel = article.labelSpan.start;
    const symbol = node(article.label, article.caption, 'article', article.span, article.labelSpan);
    if (article.paragraphs.length > 1) {
      for (const paragraph of article.paragraphs) {
        const name = messages.paragraph(paragraph.number);
        const selection = paragraph.labelSpan ?? { start: paragraph.span.start, end: paragraph.span.start };
        symbol.children.push(node(name, null, 'paragraph', paragraph.span, selection));
      }
    }
    nodes.push(symbol);
  }
  return nodes;
}

function analysisNodes(index: WorkspaceIndex, facts: DocumentFacts, messages: Messages): Node[] {
  const { headings, text } = facts;
  const nodes: Node[] = [];
  headings.forEach((heading, position) => {
    let end = text.length;
    for (let next = position + 1; next < headings.length; next++) {
      if (headings[next]!.level <= heading.level) {
        end = headings[next]!.span.start;
        break;
      }
    }
    nodes.push(node(heading.text, null, 'heading', { start: heading.span.start, end }, heading.textSpan));
  });
  for (const citation of index.resolved(facts.uri)) {
    const span = citation.syntax.span;
    nodes.push(node(text.slice(span.start, span.end), citationDetail(index, citation, messages, text), 'citation', span, span));
  }
  return nodes;
}

/** Where a citation points: `海洋協力協定 第5条第1項（海洋汚染への対応）`, or what is wrong with it. */
function citationDetail(index: WorkspaceIndex, citation: ResolvedCitation, messages: Messages, text: string): string | null {
  const problem = citationMessage(citation, messages, index, text);
  if (problem) return `⚠ ${problem}`;
  const target = index.articleOf(citation);
  if (!target) return citation.treatyName;
  const treaty = target.entry.treaty;
  return messages.captioned(`${treaty.short ?? treaty.title} ${provisionLabel(citation, messages)}`, target.article.caption);
}

function node(name: string, detail: string | null, kind: SymbolKind, span: Span, selectionSpan: Span): Node {
  // Editors reject empty names; line breaks inside a label (a citation across lines) read as spaces.
  const clean = name.replace(/[ \t\r\n]+/g, ' ').trim();
  // Editors also require the selection inside the symbol.
  const selection = selectionSpan.start >= span.start && selectionSpan.end <= span.end ? selectionSpan : { start: span.start, end: span.start };
  return { name: clean.length > 0 ? clean : '…', detail, kind, span, selectionSpan: selection, children: [] };
}

/**
 * Nests symbols by position: a symbol starting inside another's span is its child. Headings nest by level
 * (their spans already end at the next heading of the same or a higher level). A parent's span grows to
 * cover its children, as editors expect.
 */
function nest(nodes: Node[]): DocumentSymbol[] {
  nodes.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || rank(a) - rank(b));
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const current of nodes) {
    while (stack.length > 0 && !contains(stack[stack.length - 1]!, current)) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.children.push(current);
      for (const ancestor of stack) if (ancestor.span.end < current.span.end) ancestor.span = { start: ancestor.span.start, end: current.span.end };
    } else {
      roots.push(current);
    }
    if (current.kind !== 'citation') stack.push(current);
  }
  return roots.map(freeze);
}

function contains(parent: Node, child: Node): boolean {
  if (child.span.start < parent.span.start || child.span.start >= parent.span.end) return false;
  // A division of the same or a higher rank (a chapter after a chapter) closes the open one.
  return !(parent.kind === 'chapter' && child.kind === 'chapter' && child.span.end > parent.span.end);
}

/** Between equal spans, containers come first. */
function rank(node: Node): number {
  return node.kind === 'chapter' || node.kind === 'preamble' || node.kind === 'heading' ? 0 : 1;
}

function freeze(current: Node): DocumentSymbol {
  return { ...current, children: current.children.map(freeze) };
}
