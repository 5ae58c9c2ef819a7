// LSP adapter for code actions: quick fixes for the diagnostics in the requested range.
import type { CodeAction, CodeActionParams, Connection } from 'vscode-languageserver';
import type { DiagnosticCode } from '../core/index';
import { DEFAULT_SEVERITY } from '../core/config';
import { guard, type FeatureContext } from './context';
import { fromRange, toCodeAction } from './convert';

export function registerCodeActions(connection: Connection, context: FeatureContext): void {
  connection.onCodeAction(
    guard(context, 'code actions', [] as CodeAction[], ({ textDocument, range, context: actionContext }: CodeActionParams) => {
      const service = context.service;
      const lineIndex = service.getLineIndex(textDocument.uri);
      if (!lineIndex) return [];
      const codes = actionContext.diagnostics.map((diagnostic) => diagnostic.code).filter(isDiagnosticCode);
      const actions = service.getCodeActions(textDocument.uri, fromRange(lineIndex, range), codes);
      return actions.map((action) => toCodeAction(service, action, actionContext.diagnostics));
    }),
  );
}

function isDiagnosticCode(code: unknown): code is DiagnosticCode {
  return typeof code === 'string' && Object.hasOwn(DEFAULT_SEVERITY, code);
}
