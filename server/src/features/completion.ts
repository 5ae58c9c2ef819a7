// LSP adapter for completion: article numbers after `第` / `Article `, treaty names before them.
import type { CompletionItem, CompletionParams, Connection } from 'vscode-languageserver';
import { guard, type FeatureContext } from '../lsp/context';
import { fromPosition, toCompletionItem } from '../lsp/convert';

export function registerCompletion(connection: Connection, context: FeatureContext): void {
  connection.onCompletion(
    guard(context, 'completion', [] as CompletionItem[], ({ textDocument, position }: CompletionParams) => {
      const service = context.service;
      const lineIndex = service.getLineIndex(textDocument.uri);
      if (!lineIndex) return [];
      const items = service.getCompletions(textDocument.uri, fromPosition(lineIndex, position));
      return items.map((item) => toCompletionItem(lineIndex, item));
    }),
  );
}
