// What every feature adapter receives from the server, and the guard that makes a failing handler harmless.
// A handler waits until the workspace is indexed; an exception is logged and answered with an empty result.

import { ResponseError, type CancellationToken, type ClientCapabilities, type Event, type TextDocumentPositionParams } from 'vscode-languageserver';
import type { TreatyService } from '../core/index';

export interface FeatureContext {
  /** The core facade; a call throws when the core could not start (the guard turns that into an empty answer). */
  readonly service: TreatyService;
  /** Resolves once the first indexing of the workspace has finished. */
  readonly ready: Promise<void>;
  /** Resolves once the documents open at the start are indexed, while the rest of the workspace may still be read. */
  readonly answering: Promise<void>;
  /** Whether the index holds the editor's text of a document (always, once indexing has finished). */
  isCurrent(uri: string): boolean;
  /** Whether the first indexing has finished. */
  indexed(): boolean;
  clientCapabilities(): ClientCapabilities;
  /** The client shows a position's diagnostics in its hovers (VS Code), so hovers need not repeat them. */
  hoverShowsDiagnostics(): boolean;
  /** Fires (debounced) after documents changed in the index: time to publish diagnostics and refresh views. */
  readonly onDidUpdateIndex: Event<void>;
  /** Fires on the next turn after an open document was edited: its own diagnostics do not wait for the debounce. */
  readonly onDidEditDocument: Event<string>;
  log(message: string): void;
}

/**
 * Wraps a request handler: waits for indexing, skips cancelled requests, logs exceptions as empty results.
 * With `duringIndexing`, a request on a document whose editor text is indexed is answered as soon as the open
 * documents are in, once `duringIndexing` says that what is read so far answers it (the cited treaty has been
 * read); if that takes longer than INDEXING_WAIT_MS, `meanwhile` answers (a hover saying the workspace is still
 * being read, no location): it never says that a treaty not yet read is missing. A request on any other document
 * waits for the end of the indexing.
 */
export function guard<P, R>(
  context: FeatureContext,
  name: string,
  empty: R,
  handler: (params: P) => R,
  options: { readonly duringIndexing?: (params: P) => boolean; readonly meanwhile?: (params: P) => R } = {},
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    let answer = handler;
    if (options.duringIndexing) {
      await context.answering;
      // Only a document whose editor text is indexed is answered from what is read so far: any other waits for the
      // end, not for the short wait below (its facts may not be read yet, and the answer would be empty).
      if (!isCurrentDocument(context, params)) await context.ready;
      const deadline = performance.now() + INDEXING_WAIT_MS;
      // Checked again as the documents come in: the answer comes once the cited treaty has been read.
      while (!context.indexed() && !answersEarly(context, params, options.duringIndexing) && !token.isCancellationRequested) {
        const left = deadline - performance.now();
        if (left <= 0) {
          answer = options.meanwhile ?? (() => empty);
          break;
        }
        await Promise.race([context.ready, new Promise((resolve) => setTimeout(resolve, Math.min(RECHECK_MS, left)))]);
      }
    } else {
      await context.ready;
    }
    if (token.isCancellationRequested) return empty;
    try {
      return answer(params);
    } catch (error) {
      // Refusals meant for the user (a rename that cannot happen) travel as response errors.
      if (error instanceof ResponseError) throw error;
      context.log(`${name} failed: ${describeError(error)}`);
      return empty;
    }
  };
}

/** How often a request waiting during indexing checks whether what has been read by now answers it. */
const RECHECK_MS = 10;
/**
 * How long a request during indexing waits for the cited treaty to be read before `meanwhile` answers it: well under
 * the 100 ms a hover should take, since the thread may be inside a treaty read whole (20–30 ms) when it arrives.
 */
const INDEXING_WAIT_MS = 30;

/** During indexing: whether what is read so far answers a request at the position (no citation there, or its treaty is read). */
export function answerableNow(context: FeatureContext, { textDocument, position }: TextDocumentPositionParams): boolean {
  const lineIndex = context.service.getLineIndex(textDocument.uri);
  return lineIndex !== undefined && context.service.isAnsweredWithWhatIsRead(textDocument.uri, lineIndex.offsetAt(position));
}

function isCurrentDocument<P>(context: FeatureContext, params: P): boolean {
  const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
  return typeof uri === 'string' && context.isCurrent(uri);
}

function answersEarly<P>(context: FeatureContext, params: P, known: (params: P) => boolean): boolean {
  if (!isCurrentDocument(context, params)) return false;
  try {
    return known(params);
  } catch {
    return false;
  }
}

/**
 * Sends a notification or request without waiting for it. A client that has gone away cannot be told anything:
 * the send that throws (connection closed) or fails (stream broken) is dropped, never an unhandled rejection.
 */
export function sendAndForget(send: () => Promise<unknown>): void {
  try {
    send().catch(() => undefined);
  } catch {
    // The connection is closed; the library ends the server when its input ends.
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
