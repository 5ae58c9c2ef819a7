// LSP adapter for diagnostics: pushes `textDocument/publishDiagnostics` for every document whose
// diagnostics may have changed (an edit to a treaty reaches every analysis citing it).
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeError, sendAndForget, type FeatureContext } from './context';
import { toDiagnostic } from './convert';
import { LineIndex } from '../core/text/lineIndex';

const EMPTY_DOCUMENT = new LineIndex('');

export function registerDiagnostics(connection: Connection, context: FeatureContext, documents: TextDocuments<TextDocument>): void {
  const publish = (only?: string): void => {
    try {
      const service = context.service;
      for (const uri of service.takeChangedDocuments(only)) {
        // A skipped file (too large, binary) has no text, but still its one diagnostic at the start.
        const lineIndex = service.getLineIndex(uri) ?? EMPTY_DOCUMENT;
        const diagnostics = service.getDiagnostics(uri).map((diagnostic) => toDiagnostic(service, lineIndex, diagnostic));
        sendAndForget(() => connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics }));
      }
    } catch (error) {
      context.log(`diagnostics failed: ${describeError(error)}`);
    }
  };
  // The document being typed in at once; the others it affects (a treaty's citing analyses) after the debounce.
  context.onDidEditDocument((uri) => publish(uri));
  context.onDidUpdateIndex(() => publish());
}
