// Frames over stdio: the input split into one chunk per LSP frame before vscode-jsonrpc reads it, and the output
// written a whole frame per write.
//
// Input: splits the stdio byte stream into one chunk per LSP frame before vscode-jsonrpc reads it.
// Why: after a header block without a usable Content-Length, vscode-jsonrpc's reader reports the error and stops
// reading what it already buffered until the next chunk arrives. When a bad frame and a good one come in the same
// read, the good one waits for the client's next message, which may never come. Fed a frame at a time, the reader
// always has a next chunk for each message. Well-formed traffic passes through unchanged, only re-chunked.
import { Transform, type TransformCallback } from 'node:stream';
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

/** The body length a header block announces, or undefined when it announces none the reader could use. */
export function announcedLength(headerBlock: string): number | undefined {
  const match = /^content-length:[ \t]*(.*)$/im.exec(headerBlock);
  if (!match) return undefined;
  const length = parseInt(match[1], 10); // as vscode-jsonrpc reads it
  return Number.isNaN(length) || length < 0 ? undefined : length;
}

export class FrameSplitter extends Transform {
  private pending: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      const headerEnd = this.pending.indexOf(HEADER_END);
      if (headerEnd < 0) break;
      const bodyStart = headerEnd + HEADER_END.length;
      const length = announcedLength(this.pending.toString('latin1', 0, headerEnd));
      // A header block the reader will reject goes alone, so that the reader's next chunk is the next frame.
      const frameEnd = length === undefined ? bodyStart : bodyStart + length;
      if (frameEnd > this.pending.length) break; // the body is still on its way
      this.push(this.pending.subarray(0, frameEnd));
      this.pending = this.pending.subarray(frameEnd);
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.pending.length > 0) this.push(this.pending);
    done();
  }
}

/**
 * Output: writes each message as one frame, header and body, and the messages sent in one turn of the event loop in
 * one write to the stream. vscode-jsonrpc's stream writer takes a lock per message and writes header and body apart,
 * one message per turn of the event loop: the thousand diagnostics of a first indexing took half a second to go out;
 * written one frame each, they still cost a buffer and a system call apiece. The stream keeps the order and buffers
 * what the pipe does not take at once.
 */
/** Pending messages past this length are written at once rather than at the end of the turn (a pipe holds 64 KB). */
const FLUSH_LENGTH = 64 * 1024;
/** `Content-Length: ` and `\r\n\r\n` around the longest length a buffer can have. */
const MAX_HEADER_LENGTH = 'Content-Length: \r\n\r\n'.length + String(Number.MAX_SAFE_INTEGER).length;

export class FrameWriter extends AbstractMessageWriter implements MessageWriter {
  readonly #stream: NodeJS.WritableStream;
  /** The messages of this turn, as JSON, waiting for the write at its end. */
  #pending: string[] = [];
  /** Their length in UTF-16 code units. */
  #pendingLength = 0;
  /**
   * Who waits for each pending message, and what an error report names of it. Not the message itself: a first
   * indexing's diagnostics would live, and be copied by every young-generation collection, until the pipe took them.
   */
  #waiting: { readonly about: Message; readonly resolve: () => void; readonly reject: (error: unknown) => void }[] = [];

  constructor(stream: NodeJS.WritableStream) {
    super();
    this.#stream = stream;
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let json: string;
    try {
      json = JSON.stringify(message);
    } catch (error) {
      this.fireError(error, message);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      if (this.#pending.length === 0) queueMicrotask(() => this.#flush());
      this.#pending.push(json);
      this.#waiting.push({ about: described(message), resolve, reject });
      // A long burst goes out as it is made, a pipe's worth at a time, so that the client reads while it is made.
      this.#pendingLength += json.length;
      if (this.#pendingLength >= FLUSH_LENGTH) this.#flush();
    });
  }

  /** Writes the waiting messages, each a whole frame, in one buffer. */
  #flush(): void {
    const batch = this.#pending;
    if (batch.length === 0) return;
    const waiting = this.#waiting;
    this.#pending = [];
    this.#waiting = [];
    this.#pendingLength = 0;
    // Each body is encoded once, after room for the longest header; its header then goes just before it and the
    // body moves up to meet it (a copy, cheaper than the pass over the text that Buffer.byteLength would be).
    const frames = Buffer.allocUnsafe(batch.reduce((sum, json) => sum + MAX_HEADER_LENGTH + json.length * 3, 0));
    let at = 0;
    for (const json of batch) {
      const bodyStart = at + MAX_HEADER_LENGTH;
      const length = frames.write(json, bodyStart, 'utf8');
      const header = `Content-Length: ${length}\r\n\r\n`;
      at += frames.write(header, at, 'latin1');
      frames.copyWithin(at, bodyStart, bodyStart + length);
      at += length;
    }
    this.#stream.write(frames.subarray(0, at), (error) => {
      for (const { about, resolve, reject } of waiting) {
        if (!error) {
          resolve();
          continue;
        }
        this.fireError(error, about);
        reject(error);
      }
    });
  }

  end(): void {
    this.#flush();
    this.#stream.end();
  }
}

/** A message without its payload: its kind, id and method, enough to say which one failed. */
function described(message: Message): Message {
  const { id, method } = message as { id?: unknown; method?: unknown };
  return { jsonrpc: message.jsonrpc, ...(id === undefined ? {} : { id }), ...(method === undefined ? {} : { method }) } as Message;
}
