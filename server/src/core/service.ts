// The TreatyService facade over the workspace index: reads documents through the injected workspace
// and answers each feature by calling its pure function in `features/`.

import type { Diagnostic } from './api';
import type { TreatyService, TreatyServiceOptions } from './index';
import { findDefinition } from './features/definition';
import { checkDocument } from './features/diagnostics';
import { findHover } from './features/hover';
import { findReferences } from './features/references';
import { findCodeActions } from './features/codeActions';
import { findCodeLenses } from './features/codeLens';
import { findCompletions } from './features/completion';
import { computeCoverage } from './features/coverage';
import { findDocumentLinks } from './features/documentLinks';
import { findDocumentSymbols } from './features/documentSymbols';
import { findFoldingRanges } from './features/foldingRanges';
import { findInlayHints } from './features/inlayHints';
import { prepareRename, renameArticle } from './features/rename';
import { findSemanticTokens } from './features/semanticTokens';
import { findWorkspaceSymbols } from './features/workspaceSymbols';
import { WorkspaceIndex } from './workspaceIndex';

export function createTreatyService(options: TreatyServiceOptions): TreatyService {
  const { workspace } = options;
  const log = options.log ?? (() => undefined);
  const index = new WorkspaceIndex(options.config);
  const diagnosticsOf = (uri: string): readonly Diagnostic[] => index.diagnostics(uri, () => checkDocument(index, uri));

  const load = (uri: string): void => {
    const result = workspace.readDocument(uri);
    if ('error' in result) {
      log(`skipped ${uri}: ${result.error}`);
      index.skipDocument(uri, result.error);
    } else {
      index.setDocument(uri, result.text);
    }
  };

  const service: TreatyService = {
    indexWorkspace(onProgress) {
      const uris = workspace.listDocuments();
      uris.forEach((uri, position) => {
        load(uri);
        onProgress?.(position + 1, uris.length);
      });
      index.resolveAll();
    },
    setDocument: (uri, text) => index.setDocument(uri, text),
    deleteDocument: (uri) => index.deleteDocument(uri),
    refreshDocument: load,
    setConfig: (config) => index.setConfig(config),
    hasDocument: (uri) => index.facts(uri) !== undefined,
    getText: (uri) => index.facts(uri)?.text,
    getLineIndex: (uri) => index.facts(uri)?.lineIndex,
    getDiagnostics: diagnosticsOf,
    takeChangedDocuments: (only) => index.takeChanged(only),
    getDefinition: (uri, offset) => findDefinition(index, uri, offset),
    getHover: (uri, offset, locale) => findHover(index, uri, offset, locale),
    getReferences: (uri, offset, includeDeclaration) => findReferences(index, uri, offset, includeDeclaration),
    getDocumentSymbols: (uri) => findDocumentSymbols(index, uri),
    getWorkspaceSymbols: (query) => findWorkspaceSymbols(index, query),
    getCompletions: (uri, offset) => findCompletions(index, uri, offset),
    getCodeActions: (uri, span, codes) => findCodeActions(index, uri, span, codes),
    prepareRename: (uri, offset) => prepareRename(index, uri, offset),
    rename: (uri, offset, newName) => renameArticle(index, uri, offset, newName),
    getCodeLenses: (uri) => findCodeLenses(index, uri),
    getInlayHints: (uri, span) => findInlayHints(index, uri, span),
    getSemanticTokens: (uri) => findSemanticTokens(index, uri),
    getFoldingRanges: (uri) => findFoldingRanges(index, uri),
    getDocumentLinks: (uri) => findDocumentLinks(index, uri),
    getStats() {
      index.resolveAll();
      let citations = 0;
      let problems = 0;
      let treaties = 0;
      let analyses = 0;
      for (const uri of index.uris()) {
        if (index.facts(uri)!.kind === 'treaty') treaties++;
        else analyses++;
        citations += index.resolved(uri).length;
        problems += diagnosticsOf(uri).length;
      }
      return { treaties, analyses, citations, problems };
    },
    getCitations(uri) {
      const text = index.facts(uri)?.text ?? '';
      return index.resolved(uri).map((citation) => ({
        span: citation.syntax.span,
        text: text.slice(citation.syntax.span.start, citation.syntax.span.end),
        treatyId: citation.treatyId,
        treatyName: citation.treatyName,
        article: citation.article,
        paragraph: citation.paragraph,
        item: citation.item,
        subitem: citation.syntax.subitem,
        part: citation.syntax.part,
        kind: citation.syntax.kind,
        status: citation.status,
        target: citation.target,
      }));
    },
    getCoverage: () => computeCoverage(index),
    getTreaties: () => [...index.catalog.byId.values()].flat().map((entry) => ({ uri: entry.uri, treaty: entry.treaty })),
    getDocumentUris: () => [...new Set([...index.uris(), ...index.skipped.keys()])].sort(),
  };
  return Object.freeze(service);
}
