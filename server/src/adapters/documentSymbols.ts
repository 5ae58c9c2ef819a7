// LSP adapter for the outline: a treaty's chapters, articles and paragraphs; an analysis' headings.
import type { Connection, DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver';
import { guard, type FeatureContext } from './context';
import { toDocumentSymbol } from './convert';

export function registerDocumentSymbols(connection: Connection, context: FeatureContext): void {
  connection.onDocumentSymbol(
    guard(context, 'document symbols', [] as DocumentSymbol[], ({ textDocument }: DocumentSymbolParams) => {
      const service = context.service;
      const lineIndex = service.getLineIndex(textDocument.uri);
      if (!lineIndex) return [];
      return service.getDocumentSymbols(textDocument.uri).map((symbol) => toDocumentSymbol(lineIndex, symbol));
    }),
  );
}
