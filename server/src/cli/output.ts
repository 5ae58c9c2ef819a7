// How treaty-check names files and places in what it prints.
import { writeSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { TreatyService } from '../core/index';
import type { Span } from '../core/types';
import { uriToPath } from '../node/files';

/** A file as the user typed its folder: relative to the current directory, with forward slashes. */
export const display = (path: string): string => relative(process.cwd(), path).split(sep).join('/') || '.';

export const displayUri = (uri: string): string => display(uriToPath(uri));

/** A span as an LSP-style range (0-based line, UTF-16 character). */
export function toRange(service: TreatyService, uri: string, span: Span) {
  const lines = service.getLineIndex(uri);
  const start = lines?.positionAt(span.start) ?? { line: 0, character: 0 };
  const end = lines?.positionAt(span.end) ?? start;
  return { start, end };
}

/** Columns a terminal gives the text: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(character) ? 2 : 1;
  return width;
}

/** How much output is gathered before it is written. */
const CHUNK = 64 * 1024;

/**
 * Standard output written synchronously a chunk at a time: a reporter's output is never held whole, and a reader
 * slower than us holds us up instead of making the output pile up in memory (as asynchronous writes to a pipe would).
 * `end` writes what is left.
 */
export function stdoutWriter(): { write: (text: string) => void; end: () => void } {
  let pending: string[] = [];
  let length = 0;
  const end = (): void => {
    if (length === 0) return;
    writeFully(Buffer.from(pending.join('')));
    pending = [];
    length = 0;
  };
  return {
    write(text) {
      pending.push(text);
      length += text.length;
      if (length >= CHUNK) end();
    },
    end,
  };
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function writeFully(buffer: Buffer): void {
  for (let written = 0; written < buffer.length; ) {
    try {
      written += writeSync(1, buffer, written);
    } catch (error) {
      // A non-blocking pipe that is full: wait for the reader a millisecond at a time.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}
