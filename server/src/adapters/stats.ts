// The custom request `treatyAnnotator/stats` (no parameters): counts of treaties, analyses, citations and
// problems for a status bar. It waits for the first indexing, so clients also use it as "the server is ready".
import { RequestType0, type Connection } from 'vscode-languageserver';
import { STATS_METHOD, type StatsResponse } from '../protocol';
import { guard, type FeatureContext } from './context';

const STATS_REQUEST = new RequestType0<StatsResponse | null, void>(STATS_METHOD);

export function registerStats(connection: Connection, context: FeatureContext): void {
  const handler = guard(context, 'stats', null as StatsResponse | null, () => ({ ...context.service.getStats(), memory: process.memoryUsage() }));
  // A request without parameters hands its handler only the cancellation token.
  connection.onRequest(STATS_REQUEST, (token) => handler(undefined, token));
}
