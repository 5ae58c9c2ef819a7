// LSP adapter for completion: article numbers after `第` / `Article `, treaty names before them.
// A client that resolves documentation lazily (VS Code does) gets the items without it, and the documentation of
// the one item it shows on completionItem/resolve: a hundred articles' previews need not cross the wire each time.
// A client that takes list defaults (LSP 3.17, VS Code) gets the range and `data` shared by every item once.
import { MarkupKind, type CompletionItem, type CompletionList, type CompletionParams, type Connection } from 'vscode-languageserver';
import type { CompletionItem as CoreCompletionItem } from '../core/api';
import type { LineIndex } from '../core/text/lineIndex';
import { guard, answerableNow, type FeatureContext } from './context';
import { completionItemKind, fromPosition, toCompletionItem, toRange } from './convert';

/** What `data` carries from an item to its resolve: which answer it belongs to (the item is found by its label). */
interface ItemData {
  readonly completion: number;
}

export function registerCompletion(connection: Connection, context: FeatureContext): void {
  // The latest answer; resolving an item of an older one leaves it as it is.
  let latest = { serial: 0, items: [] as readonly CoreCompletionItem[] };

  connection.onCompletion(
    guard(context, 'completion', [] as CompletionItem[] | CompletionList, ({ textDocument, position }: CompletionParams) => {
      const service = context.service;
      const lineIndex = service.getLineIndex(textDocument.uri);
      if (!lineIndex) return [];
      const items = service.getCompletions(textDocument.uri, fromPosition(lineIndex, position));
      const completion = context.clientCapabilities().textDocument?.completion;
      if (!completion?.completionItem?.resolveSupport?.properties.includes('documentation')) return items.map((item) => toCompletionItem(lineIndex, item));
      latest = { serial: latest.serial + 1, items };
      const data: ItemData = { completion: latest.serial };
      const defaults = completion.completionList?.itemDefaults ?? [];
      if (defaults.includes('editRange') && defaults.includes('data') && shareOneSpan(items)) return compactList(lineIndex, items, data);
      return items.map((item): CompletionItem => ({ ...toCompletionItem(lineIndex, { ...item, documentation: null }), data }));
    }, {
      duringIndexing: (params) => answerableNow(context, params),
      // Incomplete: the client asks again as the user types, by when more of the workspace is read.
      meanwhile: () => ({ isIncomplete: true, items: [] }),
    }),
  );

  // No guard: it needs no index, and whatever happens the client gets its item back.
  connection.onCompletionResolve((item) => {
    const data = (item as CompletionItem | null)?.data as Partial<ItemData> | null | undefined;
    const documentation = data?.completion === latest.serial ? latest.items.find((candidate) => candidate.label === item.label)?.documentation : null;
    return documentation ? { ...item, documentation: { kind: MarkupKind.Markdown, value: documentation } } : item;
  });
}

function shareOneSpan(items: readonly CoreCompletionItem[]): boolean {
  const first = items[0]?.edit.span;
  return first !== undefined && items.every(({ edit: { span } }) => span.start === first.start && span.end === first.end);
}

/** The range once for all items; an item spells out its text only where it differs from its label (`Article 5` → `5`). */
function compactList(lineIndex: LineIndex, items: readonly CoreCompletionItem[], data: ItemData): CompletionList {
  return {
    isIncomplete: false,
    itemDefaults: { editRange: toRange(lineIndex, items[0]!.edit.span), data },
    items: items.map((item): CompletionItem => {
      const compact: CompletionItem = { label: item.label, kind: completionItemKind(item), sortText: item.sortText };
      if (item.detail !== null) compact.detail = item.detail;
      if (item.edit.newText !== item.label) compact.textEditText = compact.filterText = item.edit.newText;
      return compact;
    }),
  };
}
