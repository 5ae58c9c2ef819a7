// LSP adapter for document links: each resolved citation links to the line of its provision.
import type { Connection, DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import { guard, type FeatureContext } from './context';
import { toDocumentLink } from './convert';

export function registerDocumentLinks(connection: Connection, context: FeatureContext): void {
  connection.onDocumentLinks(
    guard(context, 'document links', [] as DocumentLink[], ({ textDocument }: DocumentLinkParams) => {
      const service = context.service;
      const lineIndex = service.getLineIndex(textDocument.uri);
      if (!lineIndex) return [];
      return service.getDocumentLinks(textDocument.uri).map((link) => toDocumentLink(service, lineIndex, link));
    }),
  );
}
