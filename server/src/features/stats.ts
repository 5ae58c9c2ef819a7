// The custom request `treatyAnnotator/stats`: counts of treaties, analyses, citations and problems for a status bar.
import type { Connection } from 'vscode-languageserver';
import type { WorkspaceStats } from '../core/index';
import { guard, type FeatureContext } from '../lsp/context';

export const STATS_REQUEST = 'treatyAnnotator/stats';

export function registerStats(connection: Connection, context: FeatureContext): void {
  connection.onRequest(
    STATS_REQUEST,
    guard(context, 'stats', null as WorkspaceStats | null, () => context.service.getStats()),
  );
}
