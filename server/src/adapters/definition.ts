// LSP adapter for go to definition: from a citation to the provision it names.
import type { Connection, Location, TextDocumentPositionParams } from 'vscode-languageserver';
import { guard, answerableNow, type FeatureContext } from './context';
import { fromPosition, toLocation } from './convert';

export function registerDefinition(connection: Connection, context: FeatureContext): void {
  connection.onDefinition(
    guard(context, 'definition', [] as Location[], ({ textDocument, position }: TextDocumentPositionParams) => {
      const service = context.service;
      const lineIndex = service.getLineIndex(textDocument.uri);
      if (!lineIndex) return [];
      const locations = service.getDefinition(textDocument.uri, fromPosition(lineIndex, position));
      return locations.map((location) => toLocation(service, location));
    }, { duringIndexing: (params) => answerableNow(context, params) }),
  );
}
