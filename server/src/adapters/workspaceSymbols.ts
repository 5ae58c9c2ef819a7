// LSP adapter for workspace symbols: treaties and their articles across every folder.
import type { Connection, SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import { guard, type FeatureContext } from './context';
import { toSymbolInformation } from './convert';

export function registerWorkspaceSymbols(connection: Connection, context: FeatureContext): void {
  connection.onWorkspaceSymbol(
    guard(context, 'workspace symbols', [] as SymbolInformation[], ({ query }: WorkspaceSymbolParams) => {
      const service = context.service;
      return service.getWorkspaceSymbols(query).map((symbol) => toSymbolInformation(service, symbol));
    }),
  );
}
