// LSP adapter for semantic tokens: citations, dangling citations, treaty names and article labels.
import type { Connection, SemanticTokens, SemanticTokensParams } from 'vscode-languageserver';
import { guard, type FeatureContext } from './context';
import { toSemanticTokens } from './convert';

export function registerSemanticTokens(connection: Connection, context: FeatureContext): void {
  connection.languages.semanticTokens.on(
    guard(context, 'semantic tokens', { data: [] } as SemanticTokens, ({ textDocument }: SemanticTokensParams) => {
      const service = context.service;
      const lineIndex = service.getLineIndex(textDocument.uri);
      if (!lineIndex) return { data: [] };
      return toSemanticTokens(lineIndex, service.getSemanticTokens(textDocument.uri));
    }),
  );
  // A citation turns dangling (or back) when the treaty it names changes in another document.
  context.onDidUpdateIndex(() => {
    if (context.clientCapabilities().workspace?.semanticTokens?.refreshSupport) connection.languages.semanticTokens.refresh();
  });
}
