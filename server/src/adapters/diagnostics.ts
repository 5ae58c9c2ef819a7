// LSP adapter for diagnostics: pushes `textDocument/publishDiagnostics` for every document whose
// diagnostics may have changed (an edit to a treaty reaches every analysis citing it).
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeError, sendAndForget, type FeatureContext } from './context';
import { toDiagnostic } from './convert';
import { LineIndex } from '../core/text/lineIndex';

const EMPTY_DOCUMENT = new LineIndex('');

/**
 * Registers the diagnostics push; returns a promise of the last publication written to the client (settled when the
 * connection has taken every message of it), for work that should not delay the first diagnostics.
 */
export function registerDiagnostics(connection: Connection, context: FeatureContext, documents: TextDocuments<TextDocument>): () => Promise<void> {
  let written: Promise<void> = Promise.resolve();
  const publish = (only?: string): void => {
    const sends: Promise<unknown>[] = [];
    try {
      const service = context.service;
      for (const uri of service.takeChangedDocuments(only)) {
        // A skipped file (too large, binary) has no text, but still its one diagnostic at the start.
        const lineIndex = service.getLineIndex(uri) ?? EMPTY_DOCUMENT;
        const diagnostics = service.getDiagnostics(uri).map((diagnostic) => toDiagnostic(service, lineIndex, diagnostic));
        sendAndForget(() => {
          const sent = connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics });
          sends.push(sent);
          return sent;
        });
      }
    } catch (error) {
      context.log(`diagnostics failed: ${describeError(error)}`);
    }
    // The connection writes messages in order, one per turn of the event loop: work started before the last one is
    // written (the facts cache, resolving in the background) would hold the client's diagnostics back.
    written = Promise.allSettled(sends).then(() => undefined);
  };
  // The document being typed in at once; the others it affects (a treaty's citing analyses) after the debounce.
  context.onDidEditDocument((uri) => publish(uri));
  context.onDidUpdateIndex(() => publish());
  return () => written;
}
