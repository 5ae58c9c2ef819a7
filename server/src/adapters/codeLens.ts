// LSP adapter for code lenses: `cited in N documents` above each article, opening its references.
import { CodeLensRefreshRequest, type CodeLens, type CodeLensParams, type Connection } from 'vscode-languageserver';
import { guard, sendAndForget, type FeatureContext } from './context';
import { toCodeLens } from './convert';

export function registerCodeLens(connection: Connection, context: FeatureContext): void {
  connection.onCodeLens(
    guard(context, 'code lens', [] as CodeLens[], ({ textDocument }: CodeLensParams) => {
      const service = context.service;
      const lineIndex = service.getLineIndex(textDocument.uri);
      if (!lineIndex) return [];
      return service.getCodeLenses(textDocument.uri).map((lens) => toCodeLens(service, textDocument.uri, lineIndex, lens));
    }),
  );
  // Counts change when other documents change, so open editors are asked to fetch lenses again.
  context.onDidUpdateIndex(() => {
    if (context.clientCapabilities().workspace?.codeLens?.refreshSupport) sendAndForget(() => connection.sendRequest(CodeLensRefreshRequest.type));
  });
}
