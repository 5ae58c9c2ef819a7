// The FrameSplitter hands vscode-jsonrpc's reader one LSP frame per chunk, whatever the reads looked like; the
// FrameWriter writes each message as one whole frame, its length counted in bytes.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { announcedLength, FrameSplitter, FrameWriter } from '../../server/src/node/framing';

/** Feeds `reads` to a splitter and returns the chunks it passes on, as text. */
async function split(reads: string[]): Promise<string[]> {
  const splitter = new FrameSplitter();
  const chunks: string[] = [];
  splitter.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const ended = new Promise((done) => splitter.on('end', done));
  for (const read of reads) splitter.write(Buffer.from(read));
  splitter.end();
  await ended;
  return chunks;
}

const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

describe('FrameSplitter', () => {
  it('passes well-formed frames one per chunk, however they were read', async () => {
    const frames = [frame('{"id":1}'), frame('{"text":"第6条第2項 𠮷"}'), frame('{}')];
    const all = frames.join('');
    expect(await split([all])).toEqual(frames);
    expect(await split([...all])).toEqual(frames);
  });

  it('sends a header block the reader will reject on its own, so the next frame starts the next chunk', async () => {
    expect(await split(['Content-Length: abc\r\n\r\n' + frame('{"id":2}')])).toEqual(['Content-Length: abc\r\n\r\n', frame('{"id":2}')]);
    expect(await split(['Content-Type: text/plain\r\n\r\n' + frame('{}')])).toEqual(['Content-Type: text/plain\r\n\r\n', frame('{}')]);
  });

  it('holds a frame until its body is complete, and passes what is left at the end as it is', async () => {
    expect(await split(['Content-Length: 8\r\n\r\n{"id"', ':3}'])).toEqual(['Content-Length: 8\r\n\r\n{"id":3}']);
    expect(await split(['Content-Length: 80\r\n\r\n{}'])).toEqual(['Content-Length: 80\r\n\r\n{}']);
  });

  it('reads Content-Length as vscode-jsonrpc does: case-insensitive, parseInt, among other headers', () => {
    expect(announcedLength('content-length: 12')).toBe(12);
    expect(announcedLength('Content-Type: x\r\nCONTENT-LENGTH:7 ')).toBe(7);
    expect(announcedLength('Content-Length: 12abc')).toBe(12);
    expect(announcedLength('Content-Length: abc')).toBeUndefined();
    expect(announcedLength('Content-Length: -4')).toBeUndefined();
    expect(announcedLength('Content-Type: x')).toBeUndefined();
  });
});

describe('FrameWriter', () => {
  it('writes each message as one frame, its length in UTF-8 bytes, and the messages of one turn in one write, in order', async () => {
    const stream = new PassThrough();
    const writes: string[] = [];
    stream.on('data', (chunk: Buffer) => writes.push(chunk.toString()));
    const writer = new FrameWriter(stream);
    const messages = [
      { jsonrpc: '2.0', method: 'a', params: { text: '第6条第2項 𠮷' } },
      { jsonrpc: '2.0', id: 1, result: null },
      { jsonrpc: '2.0', method: 'b', params: { text: 'Article 5(1)\r\n' } },
    ];
    await Promise.all(messages.map((message) => writer.write(message)));
    const later = { jsonrpc: '2.0', id: 2, result: 'ｆｕｌｌ' };
    await writer.write(later);
    expect(writes).toEqual([messages.map((message) => frame(JSON.stringify(message))).join(''), frame(JSON.stringify(later))]);
  });

  it('reports a stream that fails, and rejects the write', async () => {
    const stream = new PassThrough({ write: (_chunk, _encoding, done) => done(new Error('closed')) });
    stream.on('error', () => undefined);
    const writer = new FrameWriter(stream);
    const errors: unknown[] = [];
    writer.onError(([error]) => errors.push(error));
    const notification = { jsonrpc: '2.0', method: 'a' };
    await expect(writer.write(notification)).rejects.toThrow('closed');
    expect(errors.length).toBeGreaterThan(0);
  });
});
