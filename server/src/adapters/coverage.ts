// The custom request `treatyAnnotator/coverage` (no parameters): every workspace treaty with each article's
// label, location and how many documents and citations cite it, for the client's coverage view.
import { RequestType0, type Connection } from 'vscode-languageserver';
import { COVERAGE_METHOD, type CoverageResponse } from '../protocol';
import { guard, type FeatureContext } from './context';
import { toLocation } from './convert';

const COVERAGE_REQUEST = new RequestType0<CoverageResponse | null, void>(COVERAGE_METHOD);

export function registerCoverage(connection: Connection, context: FeatureContext): void {
  const handler = guard(context, 'coverage', null as CoverageResponse | null, () => {
    const service = context.service;
    const treaties = service.getCoverage().map((treaty) => ({
      ...treaty,
      articles: treaty.articles.map((article) => ({ ...article, location: toLocation(service, article.location) })),
    }));
    return { version: 1 as const, treaties };
  });
  connection.onRequest(COVERAGE_REQUEST, (token) => handler(undefined, token));
}
