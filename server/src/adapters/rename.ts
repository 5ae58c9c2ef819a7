// LSP adapter for rename: renumbering an article or renaming a treaty id, with every citation updated.
// A refusal (not a renamable symbol, a clash) reaches the user as the error message of the request.
import { LSPErrorCodes, ResponseError, type Connection, type RenameParams, type TextDocumentPositionParams } from 'vscode-languageserver';
import type { Range, WorkspaceEdit } from 'vscode-languageserver';
import { guard, type FeatureContext } from './context';
import { fromPosition, toRange, toWorkspaceEdit } from './convert';

export function registerRename(connection: Connection, context: FeatureContext): void {
  type Prepared = { range: Range; placeholder: string } | null;
  connection.onPrepareRename(
    guard(context, 'prepare rename', null as Prepared, ({ textDocument, position }: TextDocumentPositionParams) => {
      const service = context.service;
      const lineIndex = service.getLineIndex(textDocument.uri);
      if (!lineIndex) return null;
      const result = service.prepareRename(textDocument.uri, fromPosition(lineIndex, position));
      if (!result.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, result.reason);
      return { range: toRange(lineIndex, result.span), placeholder: result.placeholder };
    }),
  );
  connection.onRenameRequest(
    guard(context, 'rename', null as WorkspaceEdit | null, ({ textDocument, position, newName }: RenameParams) => {
      const service = context.service;
      const lineIndex = service.getLineIndex(textDocument.uri);
      if (!lineIndex) return null;
      const result = service.rename(textDocument.uri, fromPosition(lineIndex, position), newName);
      if (!result.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, result.reason);
      return toWorkspaceEdit(service, result.edit);
    }),
  );
}
