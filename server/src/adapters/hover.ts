// LSP adapter for hover: a citation's provision text.
import type { Connection, Hover, TextDocumentPositionParams } from 'vscode-languageserver';
import { guard, resolvesNow, type FeatureContext } from './context';
import { fromPosition, toMarkdownHover } from './convert';

export function registerHover(connection: Connection, context: FeatureContext): void {
  connection.onHover(
    guard(context, 'hover', null as Hover | null, ({ textDocument, position }: TextDocumentPositionParams) => {
      const service = context.service;
      const lineIndex = service.getLineIndex(textDocument.uri);
      if (!lineIndex) return null;
      const hover = service.getHover(textDocument.uri, fromPosition(lineIndex, position), context.hoverShowsDiagnostics());
      return hover ? toMarkdownHover(lineIndex, hover) : null;
    }, { duringIndexing: (params) => resolvesNow(context, params) }),
  );
}
