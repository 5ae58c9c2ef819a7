// LSP adapter for find references: every citation of the provision under the cursor.
import type { Connection, Location, ReferenceParams } from 'vscode-languageserver';
import { guard, type FeatureContext } from './context';
import { fromPosition, toLocation } from './convert';

export function registerReferences(connection: Connection, context: FeatureContext): void {
  connection.onReferences(
    guard(context, 'references', [] as Location[], ({ textDocument, position, context: referenceContext }: ReferenceParams) => {
      const service = context.service;
      const lineIndex = service.getLineIndex(textDocument.uri);
      if (!lineIndex) return [];
      const offset = fromPosition(lineIndex, position);
      const locations = service.getReferences(textDocument.uri, offset, referenceContext.includeDeclaration);
      return locations.map((location) => toLocation(service, location));
    }),
  );
}
