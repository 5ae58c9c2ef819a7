// LSP adapter for completion: article numbers after `第` / `Article `, treaty names before them.
// A client that resolves documentation lazily (VS Code does) gets the items without it, and the documentation of
// the one item it shows on completionItem/resolve: a hundred articles' previews need not cross the wire each time.
import { MarkupKind, type CompletionItem, type CompletionParams, type Connection } from 'vscode-languageserver';
import type { CompletionItem as CoreCompletionItem } from '../core/api';
import { guard, type FeatureContext } from '../lsp/context';
import { fromPosition, toCompletionItem } from '../lsp/convert';

/** What `data` carries from an item to its resolve: which answer, and which item of it. */
interface ItemData {
  readonly completion: number;
  readonly index: number;
}

export function registerCompletion(connection: Connection, context: FeatureContext): void {
  // The latest answer; resolving an item of an older one leaves it as it is.
  let latest = { serial: 0, items: [] as readonly CoreCompletionItem[] };

  connection.onCompletion(
    guard(context, 'completion', [] as CompletionItem[], ({ textDocument, position }: CompletionParams) => {
      const service = context.service;
      const lineIndex = service.getLineIndex(textDocument.uri);
      if (!lineIndex) return [];
      const items = service.getCompletions(textDocument.uri, fromPosition(lineIndex, position));
      const lazy = context.clientCapabilities().textDocument?.completion?.completionItem?.resolveSupport?.properties.includes('documentation');
      if (!lazy) return items.map((item) => toCompletionItem(lineIndex, item));
      latest = { serial: latest.serial + 1, items };
      return items.map((item, index): CompletionItem => {
        const data: ItemData = { completion: latest.serial, index };
        return { ...toCompletionItem(lineIndex, { ...item, documentation: null }), data };
      });
    }),
  );

  // No guard: it needs no index, and whatever happens the client gets its item back.
  connection.onCompletionResolve((item) => {
    const data = (item as CompletionItem | null)?.data as Partial<ItemData> | null | undefined;
    const documentation = data?.completion === latest.serial && typeof data.index === 'number' ? latest.items[data.index]?.documentation : null;
    return documentation ? { ...item, documentation: { kind: MarkupKind.Markdown, value: documentation } } : item;
  });
}
