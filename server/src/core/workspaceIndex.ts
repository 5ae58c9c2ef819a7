// The incremental workspace index: per-document facts, per-document resolutions, and the reverse
// indexes (article → citing documents, treaty → dependent documents) that keep an edit's cost local.

import type { Diagnostic, TextSource } from './api';
import { buildCatalog, catalogSignature, primaryEntry, type Catalog, type TreatyEntry } from './catalog';
import type { TreatyConfig } from './config';
import { analyzeDocument, type DocumentFacts } from './document';
import { encodedLines, type EncodedFacts } from './factsCodec';
import { recheckResolution, resolveFacts, startResolution, type Resolution, type ResolutionRun, type ResolvedCitation } from './resolve';
import { stringHash } from './text/hash';
import { LineIndex } from './text/lineIndex';
import { findArticle } from './treaty/locate';
import type { Article, Treaty } from './types';

/**
 * An analysis whose facts stay encoded until something needs more than its line starts: a warm start takes most
 * documents' diagnostics from the cache, and decoding their facts would cost more than everything else it does.
 * Its text too is read only when first needed (`TextSource`): publishing the cached diagnostics needs only the line
 * starts, which the encoded facts hold.
 */
class EncodedDocument {
  #lineIndex: LineIndex | undefined;

  constructor(
    readonly uri: string,
    /** The text, or where to read it from until it is read (see `WorkspaceIndex.#textOf`). */
    public text: string | TextSource,
    /** Without them (the caller reads the text itself), `decode` reads the text afresh. */
    readonly encoded: EncodedFacts | undefined,
    readonly decode: (text: string) => DocumentFacts,
    /** The text, read if need be (through the index, which checks that it is the one the facts were read from). */
    readonly read: () => string,
  ) {}

  get lineIndex(): LineIndex {
    if (this.#lineIndex) return this.#lineIndex;
    if (typeof this.text !== 'string' && this.encoded) {
      try {
        const { length, lineStarts } = encodedLines(this.encoded);
        return (this.#lineIndex = LineIndex.deferred(length, lineStarts, this.read));
      } catch {
        // Line starts that do not hold together: the text says where its lines start.
      }
    }
    return (this.#lineIndex = new LineIndex(this.read()));
  }
}

/**
 * Citations resolved at a time when `resolveSome` resolves a long analysis between other work: a few milliseconds
 * (the 1 MB analysis of the benchmark, 5,000 citations, held the thread for 66–97 ms in one piece while the JIT was
 * still cold, and a request that came meanwhile waited for it).
 */
const RESOLVE_PART = 500;

const treatyOf = (facts: DocumentFacts | EncodedDocument | undefined) => (facts instanceof EncodedDocument ? null : (facts?.treaty ?? null));

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
  readonly #facts = new Map<string, DocumentFacts | EncodedDocument>();
  readonly #resolved = new Map<string, Resolution>();
  /** Documents whose resolution is stale. */
  readonly #stale = new Set<string>();
  /**
   * Stale documents stale only because these treaties were edited (their ids and names kept): their citations of them
   * are checked again, and they are resolved again only if a binding may have changed (`recheckResolution`).
   */
  readonly #recheck = new Map<string, Set<string>>();
  /**
   * The diagnostics such a document had, announced to no one as changed before the treaty edit: when the check finds
   * every citation of those treaties resolved, before and after, and no quotation in it (which compares with their
   * words), they stand, and the document is not announced as changed (typing in a treaty republishes nothing).
   */
  readonly #keptDiagnostics = new Map<string, readonly Diagnostic[]>();
  /** Documents whose diagnostics may have changed since the consumer last asked. */
  readonly #changed = new Set<string>();
  /** Each document's diagnostics, kept until the document is marked changed again (the mark that republishes them). */
  readonly #diagnostics = new Map<string, readonly Diagnostic[]>();
  readonly #citingDocuments = new Map<string, Set<string>>();
  readonly #dependents = new Map<string, Set<string>>();
  readonly #documentKeys = new Map<string, { articles: Set<string>; treaties: Set<string> }>();
  readonly #skipped = new Map<string, string>();
  /** Each document's content identity as read from disk (a hash the caller made), for the results cache; gone once edited. */
  readonly #contentHashes = new Map<string, string>();
  /** Cached results offered during the first indexing, checked against the workspace when it ends. */
  readonly #offered = new Map<string, string>();
  /** Cached results taken: the document's diagnostics came from them, and it is resolved only when something asks. */
  readonly #reused = new Map<string, string>();
  /**
   * Documents given as text (an editor's edits, a file read again): their resolution keeps the discourse state that
   * lets the next edit be resolved again only around it. The others (files read on worker threads or from a cache)
   * drop it, a tenth of the heap: their first edit is resolved in full, and the ones after it resume again.
   */
  readonly #editable = new Set<string>();
  #workspaceKey: { readonly signature: string; readonly config: TreatyConfig; readonly key: string } | undefined;
  /** Each treaty's part of the fingerprints (null: a document of it has no content hash), until any document changes. */
  readonly #treatyFingerprints = new Map<string, string | null>();
  #catalog: Catalog = buildCatalog([]);
  /**
   * During the first indexing, treaties come one after another (after every analysis, in path order): the catalog is
   * rebuilt once, when next read (`#sync`), not once per treaty, which would cost treaties × documents.
   */
  #catalogDirty = false;
  /** The treaties added or changed since the catalog was last rebuilt. */
  readonly #pendingTreaties = new Set<string>();
  #catalogSignature = '';
  /**
   * A first resolution that `resolveSome` left half done (a long analysis is resolved a part at a time): it goes on
   * only while the document's facts and the catalog are the ones it started with.
   */
  #partial: { readonly uri: string; readonly facts: DocumentFacts; readonly catalog: Catalog; readonly run: ResolutionRun } | undefined;
  #indexing = false;
  #config: TreatyConfig;

  constructor(config: TreatyConfig) {
    this.#config = config;
  }

  get config(): TreatyConfig {
    return this.#config;
  }

  get catalog(): Catalog {
    this.#sync();
    return this.#catalog;
  }

  /** Replaces the configuration; everything is re-read, since languages change what the grammar sees. */
  setConfig(config: TreatyConfig): void {
    this.#sync();
    this.#config = config;
    for (const uri of [...this.#facts.keys()]) {
      const text = this.text(uri);
      // Gone from disk since a warm start left it unread: skipped by reading it.
      if (text !== undefined && this.#facts.has(uri)) this.#facts.set(uri, analyzeDocument(uri, text, config));
    }
    this.#refreshCatalog(true);
  }

  setDocument(uri: string, text: string, contentHash?: string): void {
    // The facts before, so that only the part edited is read again; not those of a file not read yet, which reading
    // and decoding would cost more than reading the new text whole.
    const previous = this.#facts.get(uri);
    const unread = previous instanceof EncodedDocument && typeof previous.text !== 'string';
    this.setFacts(analyzeDocument(uri, text, this.#config, unread ? undefined : this.facts(uri)), contentHash);
    this.#editable.add(uri);
  }

  /**
   * Adds or replaces a document read elsewhere (another thread, a cache), with this index's configuration; with
   * `contentHash` (the identity of the file it was read from), its results can be cached and taken from a cache.
   */
  setFacts(facts: DocumentFacts, contentHash?: string): void {
    this.#put(facts, contentHash);
  }

  /**
   * Adds a document read elsewhere (`text`), or not read yet (`text` says where from), with the facts and results a
   * cache kept for the bytes `contentHash` names (see `offerResults`). When those results say it is an analysis, of
   * these very bytes, its facts are decoded (`decode`) and its text read only when something needs them; otherwise
   * now, and a text that turns out to be other bytes is read afresh.
   */
  setCached(uri: string, text: string | TextSource, contentHash: string, encoded: EncodedFacts | undefined, results: string, decode: (text: string) => DocumentFacts): void {
    const header = resultsHeader(results);
    if (header?.kind === 'analysis' && header.contentHash === contentHash && !this.#facts.has(uri)) {
      const document: EncodedDocument = new EncodedDocument(uri, text, encoded, decode, () => this.#textOf(document) ?? '');
      this.#put(document, contentHash);
    } else {
      const read = typeof text === 'string' ? { text, hash: contentHash } : text();
      if ('error' in read) return this.skipDocument(uri, read.error);
      if (read.hash !== contentHash) return this.setFacts(analyzeDocument(uri, read.text, this.#config), read.hash);
      this.#put(decode(read.text), contentHash);
    }
    this.offerResults(uri, results);
  }

  /**
   * The text of a document kept encoded, read when first needed and checked against the hash of the bytes its facts
   * were read from: a file changed since (its size and modification time put back) is indexed afresh, one that can
   * no longer be read is skipped (undefined).
   */
  #textOf(document: EncodedDocument): string | undefined {
    if (typeof document.text === 'string') return document.text;
    const { uri } = document;
    const read = document.text();
    const current = this.#facts.get(uri) === document;
    if ('error' in read) {
      if (current) this.skipDocument(uri, read.error);
      return undefined;
    }
    if (read.hash === this.#contentHashes.get(uri)) return (document.text = read.text);
    if (current) this.setFacts(analyzeDocument(uri, read.text, this.#config), read.hash);
    return read.text;
  }

  #put(facts: DocumentFacts | EncodedDocument, contentHash: string | undefined): void {
    if (!this.#indexing) this.#sync();
    const uri = facts.uri;
    this.#treatyFingerprints.clear();
    this.#editable.delete(uri);
    this.#skipped.delete(uri);
    this.#offered.delete(uri);
    if (contentHash === undefined) this.#contentHashes.delete(uri);
    else this.#contentHashes.set(uri, contentHash);
    const previous = this.#facts.get(uri);
    this.#facts.set(uri, facts);
    this.#stale.add(uri);
    this.#recheck.delete(uri);
    this.#markChanged(uri);
    const [before, after] = [treatyOf(previous), treatyOf(facts)];
    if (!before && !after) return;
    for (const id of [before?.id, after?.id]) if (id) this.#pendingTreaties.add(id);
    this.#catalogDirty = true;
    if (!this.#indexing) this.#sync();
  }

  /** Rebuilds the catalog after treaties were added, changed or removed, and marks what that changes. */
  #sync(): void {
    if (!this.#catalogDirty) return;
    this.#catalogDirty = false;
    const treaties = [...this.#pendingTreaties];
    this.#pendingTreaties.clear();
    if (this.#refreshCatalog(false)) return;
    // Same treaties by the same names: only documents citing these treaties can change, and the treaties' other
    // language versions, which compare their structure with them (parallel-structure).
    for (const id of treaties) {
      this.#markDependents(id);
      for (const entry of this.#catalog.byId.get(id) ?? []) this.#markChanged(entry.uri);
    }
  }

  deleteDocument(uri: string): void {
    const previous = this.#facts.get(uri);
    this.#treatyFingerprints.clear();
    this.#skipped.delete(uri);
    this.#offered.delete(uri);
    this.#contentHashes.delete(uri);
    this.#editable.delete(uri);
    if (!previous) return;
    this.#facts.delete(uri);
    this.#forgetResolution(uri);
    this.#stale.delete(uri);
    this.#markChanged(uri);
    if (!treatyOf(previous)) return;
    this.#catalogDirty = true;
    if (!this.#indexing) this.#sync();
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
    const facts = this.#facts.get(uri);
    if (!(facts instanceof EncodedDocument)) return facts;
    const text = this.#textOf(facts);
    // Read afresh (its file changed) or skipped (gone) instead.
    if (this.#facts.get(uri) !== facts) return this.facts(uri);
    const decoded = facts.decode(text!);
    this.#facts.set(uri, decoded);
    return decoded;
  }

  has(uri: string): boolean {
    return this.#facts.has(uri);
  }

  /** A document's text and line index, without decoding facts kept encoded (the text is read if it was not yet). */
  text(uri: string): string | undefined {
    const facts = this.#facts.get(uri);
    return facts instanceof EncodedDocument ? this.#textOf(facts) : facts?.text;
  }

  lineIndex(uri: string): LineIndex | undefined {
    return this.#facts.get(uri)?.lineIndex;
  }

  /** Whether a document is a treaty document (with an id or not); facts kept encoded are always an analysis's. */
  isTreaty(uri: string): boolean {
    const facts = this.#facts.get(uri);
    return !(facts instanceof EncodedDocument) && facts?.kind === 'treaty';
  }

  uris(): IterableIterator<string> {
    return this.#facts.keys();
  }

  /** The document's citations, resolved against the current workspace. */
  resolved(uri: string): readonly ResolvedCitation[] {
    this.#sync();
    if (this.#stale.has(uri)) this.#resolve(uri);
    return this.#resolved.get(uri)?.citations ?? [];
  }

  /** Brings every stale document up to date (before a workspace-wide query). */
  resolveAll(): void {
    this.#sync();
    for (const uri of [...this.#stale]) this.#resolve(uri);
  }

  /** Documents are being added by the first indexing (until `resolveAll`, which ends it). */
  startIndexing(): void {
    this.#indexing = true;
  }

  /**
   * Ends the first indexing: offered results whose fingerprint still holds give their documents' diagnostics, and
   * those documents are left to be resolved when something asks (`resolveSome`, or any workspace-wide query);
   * every other document is resolved now. Returns how many documents took their results from the cache.
   */
  finishIndexing(): number {
    this.#indexing = false;
    this.#sync();
    for (const [uri, results] of this.#offered) this.#takeResults(uri, results);
    this.#offered.clear();
    for (const uri of [...this.#stale]) if (!this.#reused.has(uri)) this.#resolve(uri);
    return this.#reused.size;
  }

  /**
   * Resolves up to `count` stale documents, so that a caller can resolve a few between other work (before the end
   * of the first indexing, or after a warm start); those whose cached results wait for `finishIndexing` are left.
   * Returns how many it resolved: fewer than `count` when nothing is left.
   */
  resolveSome(count: number): number {
    this.#sync();
    let resolved = 0;
    for (const uri of this.#stale) {
      if (resolved === count) break;
      if (this.#offered.has(uri)) continue;
      // A part of a long analysis counts as one: the caller's turn stays short.
      resolved++;
      if (!this.#resolve(uri, RESOLVE_PART)) break;
    }
    return resolved;
  }

  /**
   * Results of a document (its diagnostics, and what they depend on) kept by a cache from an earlier indexing, offered
   * during this one: taken at its end only if the document, every treaty it depended on, the treaties' names and the
   * configuration are what they were (the same inputs the incremental index re-resolves on), otherwise ignored.
   */
  offerResults(uri: string, results: string): void {
    if (this.#facts.has(uri) && this.#contentHashes.has(uri)) this.#offered.set(uri, results);
  }

  /** A document's results for a cache (see `offerResults`), or undefined when it was not read from a file. */
  exportResults(uri: string, check: () => readonly Diagnostic[]): string | undefined {
    const reused = this.#reused.get(uri);
    if (reused !== undefined) return reused;
    if (!this.#facts.has(uri)) return undefined;
    this.resolved(uri);
    // Resolving it read its file, which may have gone since.
    const facts = this.facts(uri);
    if (!facts) return undefined;
    const dependencies = [...(this.#documentKeys.get(uri)?.treaties ?? [])].sort();
    const fingerprint = this.#fingerprint(uri, dependencies);
    if (fingerprint === undefined) return undefined;
    const header = JSON.stringify([fingerprint, facts.kind, this.#contentHashes.get(uri)!, ...dependencies]);
    return `${header}\n${JSON.stringify(this.diagnostics(uri, check))}`;
  }

  #takeResults(uri: string, results: string): void {
    // Resolved meanwhile (a request during the indexing): its diagnostics are computed from that resolution.
    if (!this.#stale.has(uri)) return;
    try {
      const header = resultsHeader(results);
      if (!header || header.fingerprint !== this.#fingerprint(uri, header.dependencies)) return;
      const { dependencies } = header;
      const diagnostics = JSON.parse(results.slice(results.indexOf('\n') + 1)) as Diagnostic[];
      if (!Array.isArray(diagnostics)) return;
      this.#diagnostics.set(uri, diagnostics);
      this.#reused.set(uri, results);
      // As a resolution would record them, so that an edit of a treaty it depends on marks it again.
      this.#forgetResolution(uri);
      for (const id of dependencies) addTo(this.#dependents, id, uri);
      this.#documentKeys.set(uri, { articles: new Set(), treaties: new Set(dependencies) });
    } catch {
      // Results that do not parse are not taken: the document is resolved and checked.
    }
  }

  /**
   * What a document's results depend on, hashed: the configuration, the treaties' ids and names (the catalog), the
   * document's own content, and the content of every document of each treaty it depends on (and of its own treaty).
   */
  #fingerprint(uri: string, dependencies: readonly string[]): string | undefined {
    this.#sync();
    const own = this.#contentHashes.get(uri);
    if (own === undefined) return undefined;
    const parts = [this.#workspaceFingerprint(), own];
    const ownTreaty = treatyOf(this.#facts.get(uri))?.id;
    for (const id of [...new Set(ownTreaty ? [...dependencies, ownTreaty] : dependencies)].sort()) {
      const treaty = this.#treatyFingerprint(id);
      if (treaty === undefined) return undefined;
      parts.push(treaty);
    }
    return stringHash(parts.join('\u0000'));
  }

  /** A treaty's part of a fingerprint: its id, and each of its documents with its content (kept until a document changes). */
  #treatyFingerprint(id: string): string | undefined {
    const known = this.#treatyFingerprints.get(id);
    if (known !== undefined) return known ?? undefined;
    const parts = [id];
    for (const entry of this.catalog.byId.get(id) ?? []) {
      const hash = this.#contentHashes.get(entry.uri);
      if (hash === undefined) {
        this.#treatyFingerprints.set(id, null);
        return undefined;
      }
      parts.push(entry.uri, hash);
    }
    const fingerprint = stringHash(parts.join('\u0000'));
    this.#treatyFingerprints.set(id, fingerprint);
    return fingerprint;
  }

  #workspaceFingerprint(): string {
    const known = this.#workspaceKey;
    if (known?.signature === this.#catalogSignature && known.config === this.#config) return known.key;
    const key = stringHash(`${JSON.stringify(this.#config)}\u0000${this.#catalogSignature}`);
    this.#workspaceKey = { signature: this.#catalogSignature, config: this.#config, key };
    return key;
  }

  /**
   * The document's diagnostics: computed by `check` once, then kept while nothing they depend on changes.
   * Only documents the index holds are kept, so asking about deleted ones leaves nothing behind.
   */
  diagnostics(uri: string, check: () => readonly Diagnostic[]): readonly Diagnostic[] {
    this.#sync();
    let diagnostics = this.#diagnostics.get(uri);
    if (diagnostics !== undefined) return diagnostics;
    diagnostics = check();
    if (this.#facts.has(uri) || this.#skipped.has(uri)) this.#diagnostics.set(uri, diagnostics);
    return diagnostics;
  }

  takeChanged(only?: string): string[] {
    this.#sync();
    if (only !== undefined) return this.#changed.delete(only) ? [only] : [];
    // Documents marked only by a treaty edit are checked now (their diagnostics are asked next): those whose
    // diagnostics stand drop out.
    for (const uri of [...this.#keptDiagnostics.keys()]) if (this.#stale.has(uri)) this.#resolve(uri);
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
    this.#sync();
    if (!this.#indexing) this.resolveAll();
    return this.#citingDocuments.get(key)?.size ?? 0;
  }

  treatyEntry(id: string): TreatyEntry | undefined {
    return primaryEntry(this.catalog, id);
  }

  /** The article a resolved citation points at, with its treaty and document. */
  articleOf(citation: ResolvedCitation): { entry: TreatyEntry; article: Article } | undefined {
    if (!citation.treatyId || !citation.article) return undefined;
    const entry = this.treatyEntry(citation.treatyId);
    const article = entry && findArticle(entry.treaty, citation.article, citation.supplementaryGroup);
    return entry && article ? { entry, article } : undefined;
  }

  treaties(): Treaty[] {
    return [...this.catalog.byId.values()].map((entries) => entries[0]!.treaty);
  }

  /**
   * Resolves a stale document. With `part`, a first resolution (no earlier one to resume or recheck) stops after that
   * many citations and goes on at the next call: false while it is not done.
   */
  #resolve(uri: string, part = Infinity): boolean {
    // First: a file read now may turn out changed on disk, and is then indexed afresh (stale again, nothing kept).
    const facts = this.facts(uri);
    const previous = this.#resolved.get(uri);
    let partial = this.#partial;
    if (partial && (partial.uri !== uri || partial.facts !== facts || partial.catalog !== this.catalog)) {
      // Another document's run goes on if it still can; this document's, read or changed again, starts afresh.
      if (partial.uri === uri) this.#partial = undefined;
      partial = undefined;
    }
    let finished: Resolution | null = null;
    if (facts && (partial || (previous === undefined && !this.#recheck.has(uri) && facts.scan.citations.length > part))) {
      const run = partial?.run ?? startResolution(facts, this.catalog);
      finished = run.advance(part);
      this.#partial = finished ? undefined : { uri, facts, catalog: this.catalog, run };
      if (!finished) return false;
    }
    this.#stale.delete(uri);
    const edited = this.#recheck.get(uri);
    this.#recheck.delete(uri);
    const kept = this.#keptDiagnostics.get(uri);
    this.#keptDiagnostics.delete(uri);
    if (!facts) {
      this.#forgetResolution(uri);
      return true;
    }
    // The old resolution lets an edited analysis be resolved again only around the edit, or only checked again
    // after an edit of a treaty it cites.
    const rechecked = edited && previous ? recheckResolution(previous, facts, this.catalog, edited) : null;
    const resolution = finished ?? rechecked ?? resolveFacts(facts, this.catalog, previous);
    if (rechecked && kept && quietRecheck(previous!, rechecked, facts.text)) {
      this.#diagnostics.set(uri, kept);
      this.#changed.delete(uri);
    }
    this.#resolved.set(uri, this.#editable.has(uri) ? resolution : { ...resolution, bindings: [], checkpoints: [] });
    // A check again keeps every citation's treaty, and mostly its article.
    if (rechecked && this.#documentKeys.has(uri) && rechecked.citations.every((citation, index) => citation.articleKey === previous!.citations[index]!.articleKey)) return true;
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
    return true;
  }

  #forgetResolution(uri: string): void {
    if (this.#partial?.uri === uri) this.#partial = undefined;
    const keys = this.#documentKeys.get(uri);
    if (keys) {
      for (const key of keys.articles) removeFrom(this.#citingDocuments, key, uri);
      for (const id of keys.treaties) removeFrom(this.#dependents, id, uri);
    }
    this.#documentKeys.delete(uri);
    this.#resolved.delete(uri);
    this.#recheck.delete(uri);
    this.#keptDiagnostics.delete(uri);
  }

  #markChanged(uri: string): void {
    this.#changed.add(uri);
    this.#diagnostics.delete(uri);
    this.#keptDiagnostics.delete(uri);
    this.#reused.delete(uri);
  }

  #markDependents(treatyId: string): void {
    for (const uri of this.#dependents.get(treatyId) ?? []) {
      const kept = this.#keptDiagnostics.get(uri) ?? (this.#changed.has(uri) || this.#stale.has(uri) ? undefined : this.#diagnostics.get(uri));
      // Stale already for another reason (an edit of its own), it is resolved in full.
      if (!this.#stale.has(uri) || this.#recheck.has(uri)) addTo(this.#recheck, uri, treatyId);
      this.#stale.add(uri);
      this.#markChanged(uri);
      if (kept && this.#recheck.has(uri)) this.#keptDiagnostics.set(uri, kept);
    }
  }

  /** Rebuilds the catalog; when the treaties' identities changed (or `force`), every document goes stale. */
  #refreshCatalog(force: boolean): boolean {
    this.#catalogDirty = false;
    this.#treatyFingerprints.clear();
    this.#pendingTreaties.clear();
    const entries: TreatyEntry[] = [];
    for (const [uri, facts] of this.#facts) {
      const treaty = treatyOf(facts);
      if (treaty) entries.push({ id: treaty.id, uri, treaty });
    }
    const signature = catalogSignature(entries);
    this.#catalog = buildCatalog(entries);
    if (!force && signature === this.#catalogSignature) return false;
    this.#catalogSignature = signature;
    this.#recheck.clear();
    this.#keptDiagnostics.clear();
    for (const uri of this.#facts.keys()) {
      this.#stale.add(uri);
      this.#markChanged(uri);
    }
    return true;
  }
}

/**
 * Whether checking a document's citations again changed nothing its diagnostics say: every citation checked again
 * (a new object) resolved before and after, and no quotation mark in the text (a quotation compares with the words
 * of the provision it cites, which the treaty edit may have changed).
 */
function quietRecheck(previous: Resolution, rechecked: Resolution, text: string): boolean {
  for (let index = 0; index < rechecked.citations.length; index++) {
    const citation = rechecked.citations[index]!;
    if (citation !== previous.citations[index] && (citation.status !== 'resolved' || previous.citations[index]!.status !== 'resolved')) return false;
  }
  return !/[「“"]/.test(text);
}

/** The first line of cached results: what they were computed from (see `exportResults`), or undefined if it does not parse. */
function resultsHeader(results: string): { fingerprint: string; kind: string; contentHash: string; dependencies: string[] } | undefined {
  try {
    const header: unknown = JSON.parse(results.slice(0, results.indexOf('\n')));
    if (!Array.isArray(header) || header.length < 3 || !header.every((part) => typeof part === 'string')) return undefined;
    const [fingerprint, kind, contentHash, ...dependencies] = header as string[];
    return { fingerprint: fingerprint!, kind: kind!, contentHash: contentHash!, dependencies };
  } catch {
    return undefined;
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
