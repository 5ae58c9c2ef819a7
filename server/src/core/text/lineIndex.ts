// Converts between UTF-16 offsets (what the core speaks) and line/character pairs (what LSP speaks).
// Lines end at \n, \r\n or a lone \r, as in the LSP specification.

import { partitionPoint } from './search';

export interface LineCharacter {
  readonly line: number;
  readonly character: number;
}

export class LineIndex {
  #lineStarts: ArrayLike<number>;
  #length: number;
  /** The text, or how to read it when first needed (see `deferred`). */
  #text: string | (() => string);

  constructor(text: string, lineStarts?: readonly number[]) {
    this.#text = text;
    this.#length = text.length;
    if (lineStarts) {
      this.#lineStarts = lineStarts as number[];
      return;
    }
    const starts = [0];
    if (text.includes('\r')) {
      for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code === 0x0d) {
          if (text.charCodeAt(index + 1) === 0x0a) index++;
          starts.push(index + 1);
        } else if (code === 0x0a) {
          starts.push(index + 1);
        }
      }
    } else {
      // Only line feeds: jump between them.
      for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
    }
    this.#lineStarts = starts;
  }

  /** An index of `text` whose line starts were computed elsewhere (facts read on another thread or cached). */
  static fromLineStarts(text: string, lineStarts: readonly number[]): LineIndex {
    const valid = lineStarts[0] === 0 && lineStarts.every((start, index) => index === 0 || (start > lineStarts[index - 1]! && start <= text.length));
    if (!valid) throw new Error('line starts that do not fit the text');
    return new LineIndex(text, lineStarts);
  }

  /**
   * An index of a text not read yet, from its length and line starts (kept with a document's cached facts): offsets
   * become positions without it; `read` is called the first time a position becomes an offset (where a line ends
   * depends on its line break).
   */
  static deferred(length: number, lineStarts: ArrayLike<number>, read: () => string): LineIndex {
    const index = new LineIndex('', []);
    index.#lineStarts = lineStarts;
    index.#text = read;
    index.#length = length;
    return index;
  }

  /** The offset of each line's first character. */
  get lineStarts(): readonly number[] {
    const starts = this.#lineStarts;
    return Array.isArray(starts) ? starts : Array.from(starts);
  }

  get lineCount(): number {
    return this.#lineStarts.length;
  }

  /** Clamps out-of-range offsets into the document. */
  positionAt(offset: number): LineCharacter {
    const clamped = Math.max(0, Math.min(offset, this.#length));
    const lineStarts = this.#lineStarts;
    // Line 0 starts at 0, so some line starts at or before any offset.
    const line = partitionPoint(lineStarts.length, (index) => lineStarts[index]! <= clamped) - 1;
    return { line, character: clamped - lineStarts[line]! };
  }

  /**
   * Clamps lines and characters past the end (LSP clients send such positions). A character past the end of a
   * line means the end of that line, before its line break (LSP), not the start of the next line.
   */
  offsetAt(position: LineCharacter): number {
    if (position.line < 0) return 0;
    if (position.line >= this.#lineStarts.length) return this.#length;
    const lineStart = this.#lineStarts[position.line]!;
    let lineEnd = this.#length;
    if (position.line + 1 < this.#lineStarts.length) {
      lineEnd = this.#lineStarts[position.line + 1]! - 1;
      if (typeof this.#text !== 'string') this.#text = this.#text();
      if (lineEnd > lineStart && this.#text.charCodeAt(lineEnd) === 0x0a && this.#text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
    }
    return Math.max(lineStart, Math.min(lineStart + Math.max(0, position.character), lineEnd));
  }

  lineStart(line: number): number {
    return this.#lineStarts[Math.max(0, Math.min(line, this.#lineStarts.length - 1))]!;
  }
}
