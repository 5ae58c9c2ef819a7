// What the parts of the server share: the core once it has started, the promise of the first indexing,
// the documents the index holds, and the way a change to the index runs after that indexing.

import type { Connection } from 'vscode-languageserver';
import type { TreatyService } from '../core/index';
import { describeError, sendAndForget } from '../adapters/context';

export class ServerSession {
  readonly connection: Connection;
  #core: TreatyService | undefined;
  #coreFailure = 'the workspace is not indexed yet';
  /** Documents the index holds, so that deletions and filter changes can be applied. */
  readonly known = new Set<string>();
  readonly ready: Promise<void>;
  #markReady: () => void = () => undefined;
  #isReady = false;
  /** Resolves once the open documents are indexed: hover, definition and completion answer from then on. */
  readonly answering: Promise<void>;
  #markAnswering: () => void = () => undefined;

  constructor(connection: Connection) {
    this.connection = connection;
    this.ready = new Promise<void>((resolve) => (this.#markReady = resolve));
    this.answering = new Promise<void>((resolve) => (this.#markAnswering = resolve));
  }

  get isReady(): boolean {
    return this.#isReady;
  }

  markAnswering(): void {
    this.#markAnswering();
  }

  /** The core facade; throws when the core could not start (the guard turns that into an empty answer). */
  get service(): TreatyService {
    if (!this.#core) throw new Error(this.#coreFailure);
    return this.#core;
  }

  get core(): TreatyService | undefined {
    return this.#core;
  }

  started(core: TreatyService): void {
    this.#core = core;
  }

  failed(reason: string): void {
    this.#coreFailure = reason;
  }

  markReady(): void {
    this.#isReady = true;
    this.#markAnswering();
    this.#markReady();
  }

  // The remote console throws once the connection is closed: a log line is never worth a crash.
  readonly log = (message: string): void => sendAndForget(async () => this.connection.console.log(message));

  /** Runs a change to the index once indexing is done, logging instead of throwing. */
  afterReady(name: string, change: (service: TreatyService) => void | Promise<void>): void {
    void this.ready.then(async () => {
      if (!this.#core) return;
      try {
        await change(this.#core);
      } catch (error) {
        this.log(`${name} failed: ${describeError(error)}`);
      }
    });
  }

  /** Adds or re-reads a document from the workspace. */
  refresh(service: TreatyService, uri: string): void {
    service.refreshDocument(uri);
    this.known.add(uri);
  }

  /** Drops a document from the index and clears its diagnostics. */
  forget(service: TreatyService, uri: string): void {
    service.deleteDocument(uri);
    this.known.delete(uri);
    sendAndForget(() => this.connection.sendDiagnostics({ uri, diagnostics: [] }));
  }
}
