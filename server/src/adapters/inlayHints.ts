// LSP adapter for inlay hints: the article caption after a citation (the core answers none unless
// `treatyAnnotator.inlayHints.enabled` is on).
import type { Connection, InlayHint, InlayHintParams } from 'vscode-languageserver';
import { guard, type FeatureContext } from './context';
import { fromRange, toInlayHint } from './convert';

export function registerInlayHints(connection: Connection, context: FeatureContext): void {
  connection.languages.inlayHint.on(
    guard(context, 'inlay hints', [] as InlayHint[], ({ textDocument, range }: InlayHintParams) => {
      const service = context.service;
      const lineIndex = service.getLineIndex(textDocument.uri);
      if (!lineIndex) return [];
      return service.getInlayHints(textDocument.uri, fromRange(lineIndex, range)).map((hint) => toInlayHint(lineIndex, hint));
    }),
  );
  context.onDidUpdateIndex(() => {
    if (context.clientCapabilities().workspace?.inlayHint?.refreshSupport) connection.languages.inlayHint.refresh();
  });
}
