// LSP adapter for folding: articles, chapters and front matter fold.
import type { Connection, FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import { guard, type FeatureContext } from './context';
import { toFoldingRange } from './convert';

export function registerFoldingRanges(connection: Connection, context: FeatureContext): void {
  connection.onFoldingRanges(
    guard(context, 'folding ranges', [] as FoldingRange[], ({ textDocument }: FoldingRangeParams) => {
      const service = context.service;
      const lineIndex = service.getLineIndex(textDocument.uri);
      if (!lineIndex) return [];
      const ranges = service.getFoldingRanges(textDocument.uri).map((range) => toFoldingRange(lineIndex, range));
      return ranges.filter((range): range is FoldingRange => range !== null);
    }),
  );
}
