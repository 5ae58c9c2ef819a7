// When the server tells the client that the index changed: the edited document at once (next turn), every
// other document after a short quiet time, so that a burst of keystrokes in a treaty is announced once.

import { Emitter, type Event } from 'vscode-languageserver';

/**
 * Quiet time after an edit before the diagnostics of other documents are published and views refreshed (the
 * edited document's own come at once). The index is already up to date when the edit arrives; this only
 * batches a burst of keystrokes, which in a treaty would otherwise re-check every citing document each time.
 */
export const UPDATE_DELAY_MS = 30;

export class UpdateScheduler {
  readonly #indexUpdated = new Emitter<void>();
  readonly #documentEdited = new Emitter<string>();
  /** Edited documents not yet announced; one immediate announces a burst of edits that arrived together. */
  readonly #edited = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;

  /** Fires after the quiet time: publish the diagnostics of every changed document, refresh views. */
  get onDidUpdateIndex(): Event<void> {
    return this.#indexUpdated.event;
  }

  /** Fires on the next turn after an open document was edited, with its URI. */
  get onDidEditDocument(): Event<string> {
    return this.#documentEdited.event;
  }

  /** Announces the whole index after `delay` (0 after a change that is not a keystroke), replacing a pending one. */
  schedule(delay = UPDATE_DELAY_MS): void {
    if (this.#disposed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#indexUpdated.fire(), delay);
  }

  /** An open document was edited: its own diagnostics on the next turn, the rest after the quiet time. */
  documentEdited(uri: string): void {
    if (this.#disposed) return;
    if (this.#edited.size === 0) {
      setImmediate(() => {
        const uris = [...this.#edited];
        this.#edited.clear();
        for (const edited of uris) this.#documentEdited.fire(edited);
      });
    }
    this.#edited.add(uri);
    this.schedule();
  }

  /** After `shutdown` the client expects no more notifications: pending work is dropped. */
  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.#indexUpdated.dispose();
    this.#documentEdited.dispose();
  }
}
