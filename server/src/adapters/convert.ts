// The only module that translates between core results (UTF-16 offsets, plain data) and LSP types.
// Every Position and Range the server sends is built here from a document's LineIndex.

import * as lsp from 'vscode-languageserver';
import type * as core from '../core/index';
import type { TreatyService } from '../core/index';
import type { LineIndex } from '../core/text/lineIndex';

/** The semantic token legend, in the order of the core's SemanticTokenType. */
export const SEMANTIC_TOKEN_TYPES: readonly core.SemanticTokenType[] = ['citation', 'danglingCitation', 'treatyName', 'articleLabel'];

// Plain literals, not lsp.Position.create and lsp.Range.create, which check their arguments: a keystroke in a large
// analysis converts every diagnostic of it again.
export function toPosition(lineIndex: LineIndex, offset: number): lsp.Position {
  const { line, character } = lineIndex.positionAt(offset);
  return { line, character };
}

export function toRange(lineIndex: LineIndex, span: core.Span): lsp.Range {
  return { start: toPosition(lineIndex, span.start), end: toPosition(lineIndex, span.end) };
}

export function fromPosition(lineIndex: LineIndex, position: lsp.Position): number {
  return lineIndex.offsetAt(position);
}

export function fromRange(lineIndex: LineIndex, range: lsp.Range): core.Span {
  const start = fromPosition(lineIndex, range.start);
  return { start, end: Math.max(start, fromPosition(lineIndex, range.end)) };
}

/** A location in any indexed document; an unknown target (it vanished meanwhile) points at its start. */
export function toLocation(service: TreatyService, location: core.Location): lsp.Location {
  const lineIndex = service.getLineIndex(location.uri);
  const range = lineIndex ? toRange(lineIndex, location.span) : lsp.Range.create(0, 0, 0, 0);
  return { uri: location.uri, range };
}

const SEVERITY: Record<core.Severity, lsp.DiagnosticSeverity> = {
  error: lsp.DiagnosticSeverity.Error,
  warning: lsp.DiagnosticSeverity.Warning,
  information: lsp.DiagnosticSeverity.Information,
  hint: lsp.DiagnosticSeverity.Hint,
};

export function toDiagnostic(service: TreatyService, lineIndex: LineIndex, diagnostic: core.Diagnostic): lsp.Diagnostic {
  const result: lsp.Diagnostic = {
    range: toRange(lineIndex, diagnostic.span),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: 'treaty',
    message: diagnostic.message,
  };
  if (diagnostic.related.length > 0) {
    result.relatedInformation = diagnostic.related.map((related) => ({ location: toLocation(service, related.location), message: related.message }));
  }
  if (diagnostic.data !== undefined) result.data = diagnostic.data;
  return result;
}

/** Diagnostics the LSP layer makes itself (for `.treaty-annotator.json`, which the core does not hold). */
export function toConfigDiagnostic(lineIndex: LineIndex, span: core.Span, severity: core.Severity, message: string): lsp.Diagnostic {
  return { range: toRange(lineIndex, span), severity: SEVERITY[severity], code: 'invalid-config', source: 'treaty', message };
}

export function toMarkdownHover(lineIndex: LineIndex, hover: core.Hover): lsp.Hover {
  return { contents: { kind: lsp.MarkupKind.Markdown, value: hover.markdown }, range: toRange(lineIndex, hover.span) };
}

const SYMBOL_KIND: Record<core.SymbolKind, lsp.SymbolKind> = {
  treaty: lsp.SymbolKind.Namespace,
  preamble: lsp.SymbolKind.Object,
  chapter: lsp.SymbolKind.Module,
  article: lsp.SymbolKind.Class,
  paragraph: lsp.SymbolKind.Field,
  heading: lsp.SymbolKind.String,
  citation: lsp.SymbolKind.Key,
};

/** VS Code rejects the whole outline when one selection range lies outside its symbol's range, so the range grows to hold it. */
export function toDocumentSymbol(lineIndex: LineIndex, symbol: core.DocumentSymbol): lsp.DocumentSymbol {
  const span = { start: Math.min(symbol.span.start, symbol.selectionSpan.start), end: Math.max(symbol.span.end, symbol.selectionSpan.end) };
  return {
    name: symbol.name,
    detail: symbol.detail ?? undefined,
    kind: SYMBOL_KIND[symbol.kind],
    range: toRange(lineIndex, span),
    selectionRange: toRange(lineIndex, symbol.selectionSpan),
    children: symbol.children.map((child) => toDocumentSymbol(lineIndex, child)),
  };
}

export function toSymbolInformation(service: TreatyService, symbol: core.WorkspaceSymbol): lsp.SymbolInformation {
  return {
    name: symbol.name,
    containerName: symbol.containerName,
    kind: SYMBOL_KIND[symbol.kind],
    location: toLocation(service, symbol.location),
  };
}

export function completionItemKind(item: core.CompletionItem): lsp.CompletionItemKind {
  return item.kind === 'treaty' ? lsp.CompletionItemKind.Module : lsp.CompletionItemKind.Reference;
}

export function toCompletionItem(lineIndex: LineIndex, item: core.CompletionItem): lsp.CompletionItem {
  return {
    label: item.label,
    kind: completionItemKind(item),
    detail: item.detail ?? undefined,
    documentation: item.documentation === null ? undefined : { kind: lsp.MarkupKind.Markdown, value: item.documentation },
    textEdit: lsp.TextEdit.replace(toRange(lineIndex, item.edit.span), item.edit.newText),
    // The replaced span may start before the word VS Code would filter by (e.g. at `第`).
    filterText: item.edit.newText,
    sortText: item.sortText,
  };
}

/** A workspace edit; files to create come first, each filled with its text by an insert at its start. */
export function toWorkspaceEdit(service: TreatyService, edit: core.WorkspaceEdit): lsp.WorkspaceEdit {
  const toEdits = (uri: string, edits: readonly core.TextEdit[]): lsp.TextEdit[] => {
    const lineIndex = service.getLineIndex(uri);
    return lineIndex ? edits.map((textEdit) => lsp.TextEdit.replace(toRange(lineIndex, textEdit.span), textEdit.newText)) : [];
  };
  if (edit.creates.length === 0) {
    const changes: Record<string, lsp.TextEdit[]> = {};
    for (const change of edit.changes) changes[change.uri] = [...(changes[change.uri] ?? []), ...toEdits(change.uri, change.edits)];
    return { changes };
  }
  const documentChanges: (lsp.TextDocumentEdit | lsp.CreateFile)[] = [];
  for (const create of edit.creates) {
    documentChanges.push(lsp.CreateFile.create(create.uri, { ignoreIfExists: true }));
    const identifier = lsp.OptionalVersionedTextDocumentIdentifier.create(create.uri, null);
    documentChanges.push(lsp.TextDocumentEdit.create(identifier, [lsp.TextEdit.insert(lsp.Position.create(0, 0), create.text)]));
  }
  for (const change of edit.changes) {
    const identifier = lsp.OptionalVersionedTextDocumentIdentifier.create(change.uri, null);
    documentChanges.push(lsp.TextDocumentEdit.create(identifier, toEdits(change.uri, change.edits)));
  }
  return { documentChanges };
}

export function toCodeAction(service: TreatyService, action: core.CodeAction, diagnostics: readonly lsp.Diagnostic[]): lsp.CodeAction {
  return {
    title: action.title,
    kind: action.kind === 'quickfix' ? lsp.CodeActionKind.QuickFix : lsp.CodeActionKind.Refactor,
    diagnostics: action.diagnosticCode === null ? undefined : diagnostics.filter((diagnostic) => diagnostic.code === action.diagnosticCode),
    edit: action.edit.changes.length === 0 && action.edit.creates.length === 0 ? undefined : toWorkspaceEdit(service, action.edit),
    command: action.command && lsp.Command.create(action.command.title, action.command.command, ...action.command.arguments),
    isPreferred: action.preferred || undefined,
    disabled: action.disabled === undefined ? undefined : { reason: action.disabled },
  };
}

/** VS Code cannot run `editor.action.showReferences` with JSON arguments, so the client converts them first. */
export const SHOW_REFERENCES_COMMAND = 'treatyAnnotator.showReferences';

export function toCodeLens(service: TreatyService, uri: string, lineIndex: LineIndex, lens: core.CodeLens): lsp.CodeLens {
  const range = toRange(lineIndex, lens.span);
  const locations = lens.references.map((reference) => toLocation(service, reference));
  return { range, command: lsp.Command.create(lens.title, SHOW_REFERENCES_COMMAND, uri, range.start, locations) };
}

export function toInlayHint(lineIndex: LineIndex, hint: core.InlayHint): lsp.InlayHint {
  return { position: toPosition(lineIndex, hint.offset), label: hint.label, paddingLeft: true };
}

/** Encodes tokens relative to each other; a token crossing lines is split, as not every client takes multi-line tokens. */
export function toSemanticTokens(lineIndex: LineIndex, tokens: readonly core.SemanticToken[]): lsp.SemanticTokens {
  const builder = new lsp.SemanticTokensBuilder();
  const sorted = [...tokens].sort((left, right) => left.span.start - right.span.start);
  for (const token of sorted) {
    const type = SEMANTIC_TOKEN_TYPES.indexOf(token.type);
    const start = lineIndex.positionAt(token.span.start);
    const end = lineIndex.positionAt(token.span.end);
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : lineIndex.lineStart(line + 1) - lineIndex.lineStart(line);
      if (to > from) builder.push(line, from, to - from, type, 0);
    }
  }
  return builder.build();
}

/** A folding range ends on the last line with text: a span ending just after a line break stops a line earlier. */
export function toFoldingRange(lineIndex: LineIndex, folding: core.FoldingRange): lsp.FoldingRange | null {
  const start = lineIndex.positionAt(folding.span.start);
  const end = lineIndex.positionAt(folding.span.end);
  const endLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  return endLine > start.line ? lsp.FoldingRange.create(start.line, endLine) : null;
}

/** Links to a place inside a file use the `#L<line>,<column>` fragment editors understand (1-based). */
export function toDocumentLink(service: TreatyService, lineIndex: LineIndex, link: core.DocumentLink): lsp.DocumentLink {
  if ('url' in link.target) return lsp.DocumentLink.create(toRange(lineIndex, link.span), link.target.url);
  const target = toLocation(service, link.target).range.start;
  return lsp.DocumentLink.create(toRange(lineIndex, link.span), `${link.target.uri}#L${target.line + 1},${target.character + 1}`);
}
