// The custom request `treatyAnnotator/coverage` (no parameters): every workspace treaty with each article's
// label, location and how many documents and citations cite it, for the client's coverage view.
import { RequestType0, type Connection, type Location } from 'vscode-languageserver';
import type { CoverageArticle, TreatyCoverage } from '../core/index';
import { guard, type FeatureContext } from './context';
import { toLocation } from './convert';

export interface CoverageResult {
  readonly version: 1;
  readonly treaties: readonly (Omit<TreatyCoverage, 'articles'> & { readonly articles: readonly (Omit<CoverageArticle, 'location'> & { readonly location: Location })[] })[];
}

export const COVERAGE_REQUEST = new RequestType0<CoverageResult | null, void>('treatyAnnotator/coverage');

export function registerCoverage(connection: Connection, context: FeatureContext): void {
  const handler = guard(context, 'coverage', null as CoverageResult | null, () => {
    const service = context.service;
    const treaties = service.getCoverage().map((treaty) => ({
      ...treaty,
      articles: treaty.articles.map((article) => ({ ...article, location: toLocation(service, article.location) })),
    }));
    return { version: 1 as const, treaties };
  });
  connection.onRequest(COVERAGE_REQUEST, (token) => handler(undefined, token));
}
