// The incremental workspace index: per-document facts, per-document resolutions, and the reverse
// indexes (article → citing documents, treaty → dependent documents) that keep an edit's cost local.

import type { Diagnostic } from './api';
import { buildCatalog, catalogSignature, primaryEntry, type Catalog, type TreatyEntry } from './catalog';
import type { TreatyConfig } from './config';
import { analyzeDocument, type DocumentFacts } from './document';
import { resolveFacts, type Resolution, type ResolvedCitation } from './resolve';
import { findArticle } from './treaty/locate';
import type { Article, Treaty } from './types';

export interface CitationSite {
  readonly uri: string;
  readonly citation: ResolvedCitation;
}

/**
 * Invariant: `resolved(uri)` always equals `resolveDocument(facts(uri), catalog)` for the current
 * facts and catalog; a document is re-resolved only when its text, the catalog's identity, or a
 * treaty it cites changes (tests compare against a fresh index after random edits).
 */
export class WorkspaceIndex {
  readonly #facts = new Map<string, DocumentFacts>();
  readonly #resolved = new Map<string, Resolution>();
  /** Documents whose resolution is stale. */
  readonly #stale = new Set<string>();
  /** Documents whose diagnostics may have changed since the consumer last asked. */
  readonly #changed = new Set<string>();
  /** Each document's diagnostics, kept until the document is marked changed again (the mark that republishes them). */
  readonly #diagnostics = new Map<string, readonly Diagnostic[]>();
  readonly #citingDocuments = new Map<string, Set<string>>();
  readonly #dependents = new Map<string, Set<string>>();
  readonly #documentKeys = new Map<string, { articles: Set<string>; treaties: Set<string> }>();
  readonly #skipped = new Map<string, string>();
  #catalog: Catalog = buildCatalog([]);
  #catalogSignature = '';
  #indexing = false;
  #config: TreatyConfig;

  constructor(config: TreatyConfig) {
    this.#config = config;
  }

  get config(): TreatyConfig {
    return this.#config;
  }

  get catalog(): Catalog {
    return this.#catalog;
  }

  /** Replaces the configuration; everything is re-read, since languages change what the grammar sees. */
  setConfig(config: TreatyConfig): void {
    this.#config = config;
    for (const [uri, facts] of this.#facts) this.#facts.set(uri, analyzeDocument(uri, facts.text, config));
    this.#refreshCatalog(true);
  }

  setDocument(uri: string, text: string): void {
    this.setFacts(analyzeDocument(uri, text, this.#config, this.#facts.get(uri)));
  }

  /** Adds or replaces a document read elsewhere (another thread, a cache), with this index's configuration. */
  setFacts(facts: DocumentFacts): void {
    const uri = facts.uri;
    this.#skipped.delete(uri);
    const previous = this.#facts.get(uri);
    this.#facts.set(uri, facts);
    this.#stale.add(uri);
    this.#markChanged(uri);
    if (previous?.treaty || facts.treaty) {
      const identityChanged = this.#refreshCatalog(false);
      if (!identityChanged) {
        // Same treaties by the same names: only documents citing this treaty can change.
        for (const id of new Set([previous?.treaty?.id, facts.treaty?.id])) if (id) this.#markDependents(id);
        // The treaty's other language versions compare their structure with this one (parallel-structure).
        for (const entry of this.#catalog.byId.get(facts.treaty?.id ?? '') ?? []) this.#markChanged(entry.uri);
      }
    }
  }

  deleteDocument(uri: string): void {
    const previous = this.#facts.get(uri);
    this.#skipped.delete(uri);
    if (!previous) return;
    this.#facts.delete(uri);
    this.#forgetResolution(uri);
    this.#stale.delete(uri);
    this.#markChanged(uri);
    if (previous.treaty) this.#refreshCatalog(false);
  }

  /** Records a file that was not indexed (too large, binary, unreadable), with the reason. */
  skipDocument(uri: string, reason: string): void {
    this.deleteDocument(uri);
    this.#skipped.set(uri, reason);
    this.#markChanged(uri);
  }

  skippedReason(uri: string): string | undefined {
    return this.#skipped.get(uri);
  }

  get skipped(): ReadonlyMap<string, string> {
    return this.#skipped;
  }

  facts(uri: string): DocumentFacts | undefined {
    return this.#facts.get(uri);
  }

  uris(): IterableIterator<string> {
    return this.#facts.keys();
  }

  /** The document's citations, resolved against the current workspace. */
  resolved(uri: string): readonly ResolvedCitation[] {
    if (this.#stale.has(uri)) this.#resolve(uri);
    return this.#resolved.get(uri)?.citations ?? [];
  }

  /** Brings every stale document up to date (before a workspace-wide query). */
  resolveAll(): void {
    for (const uri of [...this.#stale]) this.#resolve(uri);
  }

  /** Documents are being added by the first indexing (until `resolveAll`, which ends it). */
  startIndexing(): void {
    this.#indexing = true;
  }

  finishIndexing(): void {
    this.#indexing = false;
    this.resolveAll();
  }

  /**
   * The document's diagnostics: computed by `check` once, then kept while nothing they depend on changes.
   * Only documents the index holds are kept, so asking about deleted ones leaves nothing behind.
   */
  diagnostics(uri: string, check: () => readonly Diagnostic[]): readonly Diagnostic[] {
    let diagnostics = this.#diagnostics.get(uri);
    if (diagnostics !== undefined) return diagnostics;
    diagnostics = check();
    if (this.#facts.has(uri) || this.#skipped.has(uri)) this.#diagnostics.set(uri, diagnostics);
    return diagnostics;
  }

  takeChanged(only?: string): string[] {
    if (only !== undefined) return this.#changed.delete(only) ? [only] : [];
    const changed = [...this.#changed];
    this.#changed.clear();
    return changed;
  }

  /** Every citation of an article across the workspace. */
  citationsOf(key: string): CitationSite[] {
    this.resolveAll();
    const sites: CitationSite[] = [];
    for (const uri of this.#citingDocuments.get(key) ?? []) {
      for (const citation of this.#resolved.get(uri)?.citations ?? []) if (citation.articleKey === key) sites.push({ uri, citation });
    }
    return sites;
  }

  /**
   * How many documents cite an article (the code lens and the hover). During the first indexing, among the documents
   * resolved so far: resolving all of them for each hover would cost more than the count is worth then.
   */
  citingDocumentCount(key: string): number {
    if (!this.#indexing) this.resolveAll();
    return this.#citingDocuments.get(key)?.size ?? 0;
  }

  treatyEntry(id: string): TreatyEntry | undefined {
    return primaryEntry(this.#catalog, id);
  }

  /** The article a resolved citation points at, with its treaty and document. */
  articleOf(citation: ResolvedCitation): { entry: TreatyEntry; article: Article } | undefined {
    if (!citation.treatyId || !citation.article) return undefined;
    const entry = this.treatyEntry(citation.treatyId);
    const article = entry && findArticle(entry.treaty, citation.article, citation.supplementaryGroup);
    return entry && article ? { entry, article } : undefined;
  }

  treaties(): Treaty[] {
    return [...this.#catalog.byId.values()].map((entries) => entries[0]!.treaty);
  }

  #resolve(uri: string): void {
    this.#stale.delete(uri);
    const facts = this.#facts.get(uri);
    if (!facts) {
      this.#forgetResolution(uri);
      return;
    }
    // The old resolution lets an edited analysis be resolved again only around the edit.
    const resolution = resolveFacts(facts, this.#catalog, this.#resolved.get(uri));
    this.#resolved.set(uri, resolution);
    const keys = { articles: new Set<string>(), treaties: new Set<string>() };
    for (const citation of resolution.citations) {
      if (citation.articleKey) keys.articles.add(citation.articleKey);
      if (citation.treatyId) keys.treaties.add(citation.treatyId);
    }
    // Only the keys that came or went touch the reverse indexes.
    const before = this.#documentKeys.get(uri);
    for (const key of before?.articles ?? []) if (!keys.articles.has(key)) removeFrom(this.#citingDocuments, key, uri);
    for (const id of before?.treaties ?? []) if (!keys.treaties.has(id)) removeFrom(this.#dependents, id, uri);
    for (const key of keys.articles) if (!before?.articles.has(key)) addTo(this.#citingDocuments, key, uri);
    for (const id of keys.treaties) if (!before?.treaties.has(id)) addTo(this.#dependents, id, uri);
    this.#documentKeys.set(uri, keys);
  }

  #forgetResolution(uri: string): void {
    const keys = this.#documentKeys.get(uri);
    if (keys) {
      for (const key of keys.articles) removeFrom(this.#citingDocuments, key, uri);
      for (const id of keys.treaties) removeFrom(this.#dependents, id, uri);
    }
    this.#documentKeys.delete(uri);
    this.#resolved.delete(uri);
  }

  #markChanged(uri: string): void {
    this.#changed.add(uri);
    this.#diagnostics.delete(uri);
  }

  #markDependents(treatyId: string): void {
    for (const uri of this.#dependents.get(treatyId) ?? []) {
      this.#stale.add(uri);
      this.#markChanged(uri);
    }
  }

  /** Rebuilds the catalog; when the treaties' identities changed (or `force`), every document goes stale. */
  #refreshCatalog(force: boolean): boolean {
    const entries: TreatyEntry[] = [];
    for (const [uri, facts] of this.#facts) if (facts.treaty) entries.push({ id: facts.treaty.id, uri, treaty: facts.treaty });
    const signature = catalogSignature(entries);
    this.#catalog = buildCatalog(entries);
    if (!force && signature === this.#catalogSignature) return false;
    this.#catalogSignature = signature;
    for (const uri of this.#facts.keys()) {
      this.#stale.add(uri);
      this.#markChanged(uri);
    }
    return true;
  }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
