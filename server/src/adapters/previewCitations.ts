// The custom request `treatyAnnotator/previewCitations` ({ uri }): what the Markdown preview needs to make a
// document's citations live: each citation's range and text with a link to its article (`<treaty uri>#<anchor>`)
// and a title, or its problem when it dangles; in a treaty, the line and id of each article's anchor. The client
// caches the answer per document; its markdown-it plugin only places it.
import type { Connection } from 'vscode-languageserver';
import type { TreatyService } from '../core/index';
import { PREVIEW_CITATIONS_METHOD, type PreviewCitationsParams, type PreviewCitationsResponse } from '../protocol';
import { guard, type FeatureContext } from './context';
import { toRange } from './convert';

export function registerPreviewCitations(connection: Connection, context: FeatureContext): void {
  connection.onRequest(
    PREVIEW_CITATIONS_METHOD,
    guard(context, 'preview citations', null as PreviewCitationsResponse | null, ({ uri }: PreviewCitationsParams) => previewCitations(context.service, uri)),
  );
}

/** The answer for one document, or null when the index does not hold it. */
export function previewCitations(service: TreatyService, uri: string): PreviewCitationsResponse | null {
  const lineIndex = service.getLineIndex(uri);
  const text = service.getText(uri);
  if (!lineIndex || text === undefined) return null;
  const links = service.getCitationLinks(uri);
  return {
    version: 1,
    citations: links.citations.map((link) => ({
      range: toRange(lineIndex, link.span),
      text: text.slice(link.span.start, link.span.end),
      href: link.target ? `${link.target.uri}#${link.target.anchor}` : null,
      title: link.title,
      problem: link.problem,
    })),
    anchors: links.anchors.map((anchor) => ({ line: lineIndex.positionAt(anchor.span.start).line, id: anchor.anchor })),
  };
}
