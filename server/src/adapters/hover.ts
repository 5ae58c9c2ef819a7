// LSP adapter for hover: a citation's provision text.
import type { Connection, Hover, TextDocumentPositionParams } from 'vscode-languageserver';
import { guard, answerableNow, type FeatureContext } from './context';
import { fromPosition, toMarkdownHover } from './convert';

/** The hover at a position; `reading`: while the workspace is still read and what is read does not resolve it. */
function hover(context: FeatureContext, { textDocument, position }: TextDocumentPositionParams, reading: boolean): Hover | null {
  const service = context.service;
  const lineIndex = service.getLineIndex(textDocument.uri);
  if (!lineIndex) return null;
  const offset = fromPosition(lineIndex, position);
  const found = reading ? service.getReadingHover(textDocument.uri, offset) : service.getHover(textDocument.uri, offset, context.hoverShowsDiagnostics());
  return found ? toMarkdownHover(lineIndex, found) : null;
}

export function registerHover(connection: Connection, context: FeatureContext): void {
  connection.onHover(
    guard(context, 'hover', null as Hover | null, (params: TextDocumentPositionParams) => hover(context, params, false), {
      duringIndexing: (params) => answerableNow(context, params),
      meanwhile: (params) => hover(context, params, true),
    }),
  );
}
