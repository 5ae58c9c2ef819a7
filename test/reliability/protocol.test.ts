// Hostile and careless clients, against the built server over stdio (test/protocol/harness.ts). Complements
// test/protocol/lifecycle.test.ts (unknown methods, never-opened documents, positions past the end, one non-JSON
// body, exit): bad framing, messages that are JSON but not JSON-RPC, malformed params, closed documents,
// out-of-order versions, cancellation of every request, and clients that vanish without closing the pipe.

import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { CancellationTokenSource, ErrorCodes } from 'vscode-jsonrpc';
import { LSPErrorCodes, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { Harness, SERVER_PATH, startServer } from '../protocol/harness';

const WORKSPACE = `
//- /treaties/nat.md
---
treaty: nat
title: North Atlantic Treaty
---
## Article 5

The Parties agree that an armed attack against one or more of them shall be considered an attack against them all.

## Article 6

For the purpose of Article 5, an armed attack includes an attack on the territory of any of the Parties.
//- /notes.md
---
cites: nat
---
Article 5 is the heart of the treaty; Article 9 does not exist.
`;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

/** Writes raw bytes to the server's stdin (framing and all). */
function writeRaw(target: Harness, data: string): void {
  target.process.stdin!.write(data);
}

const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** The server is alive and answers a real request about the workspace. */
async function stillServes(target: Harness): Promise<void> {
  const hover = await target.request<Hover | null>('textDocument/hover', target.at('/notes.md', 'Article 5'));
  expect(hover).not.toBeNull();
  expect(target.process.exitCode).toBeNull();
}

/** Every request of the server that takes a document (and a position or range where it needs one). */
function everyRequest(uri: string): [string, unknown][] {
  const textDocument = { uri };
  const position = { line: 3, character: 2 };
  const range = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
  return [
    ['textDocument/hover', { textDocument, position }],
    ['textDocument/definition', { textDocument, position }],
    ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
    ['textDocument/documentSymbol', { textDocument }],
    ['workspace/symbol', { query: 'Art' }],
    ['textDocument/completion', { textDocument, position }],
    ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
    ['textDocument/prepareRename', { textDocument, position }],
    ['textDocument/rename', { textDocument, position, newName: '7' }],
    ['textDocument/codeLens', { textDocument }],
    ['textDocument/inlayHint', { textDocument, range }],
    ['textDocument/semanticTokens/full', { textDocument }],
    ['textDocument/foldingRange', { textDocument }],
    ['textDocument/documentLink', { textDocument }],
  ];
}

describe('bad framing and messages that are not JSON-RPC', () => {
  it('survives a Content-Length that is not a number, a header without one, and a header line without a colon', async () => {
    harness = await startServer(WORKSPACE);
    writeRaw(harness, 'Content-Length: abc\r\n\r\n{}');
    writeRaw(harness, 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}');
    writeRaw(harness, 'this is not a header\r\n\r\n');
    await stillServes(harness);
  });

  it('answers a request that arrives in the same read as the bad frames before it', async () => {
    harness = await startServer(WORKSPACE);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 'after-bad-frames', method: 'textDocument/hover', params: harness.at('/notes.md', 'Article 5') });
    // The harness's own connection ignores a response to an id it did not send: read the answer off stdout.
    let output = '';
    const answered = new Promise<string>((resolve) => {
      harness!.process.stdout!.on('data', (data: Buffer) => {
        output += data.toString();
        const start = output.indexOf('"id":"after-bad-frames"');
        if (start >= 0 && output.includes('armed attack', start)) resolve(output.slice(start));
      });
    });
    writeRaw(harness, 'Content-Length: abc\r\n\r\n{}' + 'Content-Type: text/plain\r\n\r\n{}' + 'this is not a header\r\n\r\n' + frame(body));
    expect(await answered).toContain('"result":{"contents"');
    await stillServes(harness);
  });

  it('survives a Content-Length longer than the body once the missing bytes arrive', async () => {
    harness = await startServer(WORKSPACE);
    const body = '{"jsonrpc":"2.0","method":"treatyAnnotator/noSuchNotification"}';
    writeRaw(harness, `Content-Length: ${Buffer.byteLength(body) + 8}\r\n\r\n${body}`);
    writeRaw(harness, '        ');
    await stillServes(harness);
  });

  it('survives a Content-Length shorter than the body (the rest reads as garbage)', async () => {
    harness = await startServer(WORKSPACE);
    const body = '{"jsonrpc":"2.0","method":"treatyAnnotator/noSuchNotification"}';
    writeRaw(harness, `Content-Length: 10\r\n\r\n${body}\r\n\r\n`);
    await stillServes(harness);
  });

  it('answers or ignores JSON that is not a JSON-RPC message', async () => {
    harness = await startServer(WORKSPACE);
    for (const body of ['null', '[]', '42', '"text"', '{}', '{"jsonrpc":"2.0","id":7}', '{"jsonrpc":"2.0","method":5}', '{"jsonrpc":"1.0","id":8,"method":"textDocument/hover"}', '[{"jsonrpc":"2.0","id":9,"method":"treatyAnnotator/stats"}]', '{"jsonrpc":"2.0","id":{"nested":true},"method":"treatyAnnotator/stats"}']) {
      writeRaw(harness, frame(body));
    }
    await stillServes(harness);
  });

  it('answers requests whose params are missing or of the wrong shape with an error or an empty result', async () => {
    harness = await startServer(WORKSPACE);
    const shapes = [null, {}, { textDocument: null }, { textDocument: { uri: 5 }, position: 'here' }, { textDocument: { uri: harness.uri('/notes.md') }, position: { line: 'x', character: null } }, [1, 2, 3]];
    for (const [method] of everyRequest(harness.uri('/notes.md'))) {
      for (const params of shapes) {
        await harness.request(method, params).catch((error: { code: number }) => expect(error.code).not.toBe(ErrorCodes.InternalError));
      }
    }
    for (const method of ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration']) {
      for (const params of shapes) await harness.connection.sendNotification(method, params);
    }
    await stillServes(harness);
    expect(harness.logs.filter((line) => /uncaught|unhandled/i.test(line))).toEqual([]);
  });

  it('holds a request sent before initialize until the workspace is indexed, then answers it', async () => {
    harness = new Harness(WORKSPACE);
    const early = harness.request<Hover | null>('textDocument/hover', harness.at('/notes.md', 'Article 5'));
    await harness.initialize();
    await harness.ready();
    expect(((await early)?.contents as MarkupContent).value).toContain('armed attack');
    await stillServes(harness);
  });
});

describe('documents in every state', () => {
  it('answers every request on a document that was opened and closed again (from its file on disk)', async () => {
    harness = await startServer(WORKSPACE, { open: ['/notes.md'] });
    await harness.close('/notes.md');
    await harness.close('/notes.md');
    for (const [method, params] of everyRequest(harness.uri('/notes.md'))) {
      await harness.request(method, params).catch((error: { code: number }) => expect(error.code).toBe(LSPErrorCodes.RequestFailed));
    }
    await stillServes(harness);
  });

  it('answers every request on an untitled document after it is closed with empty results', async () => {
    harness = await startServer(WORKSPACE);
    const uri = await harness.openUntitled('scratch', 'Article 5 of the North Atlantic Treaty.');
    await harness.close(uri);
    for (const [method, params] of everyRequest(uri)) {
      const result = await harness.request<unknown>(method, params).catch((error: { code: number }) => error.code);
      expect(result === null || (Array.isArray(result) && result.length === 0) || method.startsWith('workspace') || JSON.stringify(result) === '{"data":[]}' || result === LSPErrorCodes.RequestFailed).toBe(true);
    }
  });

  it('ignores changes to documents it never opened, and a second open of the same document replaces the first', async () => {
    harness = await startServer(WORKSPACE);
    const uri = harness.uri('/ghost.md');
    await harness.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'Article 5' }] });
    await harness.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'x' }],
    });
    const notes = harness.uri('/notes.md');
    await harness.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: notes, languageId: 'markdown', version: 1, text: 'Article 9 of the North Atlantic Treaty.' } });
    await harness.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: notes, languageId: 'markdown', version: 1, text: 'Article 6 of the North Atlantic Treaty.' } });
    const hover = await harness.request<Hover | null>('textDocument/hover', { textDocument: { uri: notes }, position: { line: 0, character: 3 } });
    expect((hover?.contents as MarkupContent).value).toContain('For the purpose of Article 5');
  });

  it('keeps serving when versions arrive out of order, and follows the latest full text', async () => {
    harness = await startServer(WORKSPACE, { open: ['/notes.md'] });
    const uri = harness.uri('/notes.md');
    const change = (version: number, text: string) =>
      harness!.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    await change(5, 'Article 9.');
    await change(3, 'Article 8.');
    await change(3, 'Article 7.');
    await change(1, 'Article 5 of the North Atlantic Treaty.');
    const diagnostics = await harness.waitForDiagnostics(uri, (list) => list.length === 0);
    expect(diagnostics).toEqual([]);
    const hover = await harness.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    expect((hover?.contents as MarkupContent).value).toContain('armed attack');
  });

  it('reads a character past the end of a line as the end of that line, not the start of the next', async () => {
    harness = await startServer(WORKSPACE);
    const uri = await harness.openUntitled('two-lines', 'See:\r\nArticle 5 of the North Atlantic Treaty and Article 6\nabove.');
    expect(await harness.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 99 } })).toBeNull();
    const hover = await harness.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 99 } });
    expect(hover?.range?.start.line).toBe(1);
  });

  it('clamps incremental changes whose ranges lie outside the document', async () => {
    harness = await startServer(WORKSPACE, { open: ['/notes.md'] });
    const uri = harness.uri('/notes.md');
    const ranges = [
      { start: { line: 999, character: 0 }, end: { line: 999, character: 5 } },
      { start: { line: 0, character: 999 }, end: { line: 0, character: 9999 } },
      { start: { line: 3, character: 5 }, end: { line: 1, character: 0 } },
    ];
    let version = 1;
    for (const range of ranges) {
      await harness.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: ' Article 6.' }] });
    }
    const symbols = await harness.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(Array.isArray(symbols)).toBe(true);
    await harness.change('/notes.md', harness.texts.get(uri)!);
    await stillServes(harness);
  });
});

describe('cancellation', () => {
  it('answers every request cancelled as soon as it is sent with a result or RequestCancelled, and keeps serving', async () => {
    harness = await startServer(WORKSPACE, { open: ['/notes.md'] });
    const outcomes = everyRequest(harness.uri('/notes.md')).map(async ([method, params]) => {
      const source = new CancellationTokenSource();
      const answer = harness!.connection.sendRequest(method, params, source.token);
      source.cancel();
      return answer.then(
        () => 'answered',
        (error: { code: number }) => (error.code === LSPErrorCodes.RequestCancelled || error.code === LSPErrorCodes.RequestFailed ? 'cancelled' : `failed ${error.code}`),
      );
    });
    const results = await Promise.all(outcomes);
    expect(results.filter((result) => result.startsWith('failed'))).toEqual([]);
    await stillServes(harness);
  });

  it('answers a cancellation of a request that already finished, or never existed, by ignoring it', async () => {
    harness = await startServer(WORKSPACE);
    for (const id of [1, 999, 'nope', null]) await harness.connection.sendNotification('$/cancelRequest', { id });
    await stillServes(harness);
  });
});

describe('a client that disappears', () => {
  function alive(pid: number): boolean {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (condition()) return true;
      await new Promise((done) => setTimeout(done, 100));
    }
    return condition();
  }

  it('exits when the client process named in initialize dies, even while its pipe stays open', async () => {
    const shortLived = spawn(process.execPath, ['-e', '0']);
    await new Promise((done) => shortLived.on('exit', done));
    harness = new Harness(WORKSPACE);
    await harness.connection.sendRequest('initialize', { processId: shortLived.pid!, rootUri: harness.uri('/'), capabilities: {} });
    await harness.connection.sendNotification('initialized', {});
    // The library polls the parent every 3 s.
    expect(await Promise.race([harness.exited, new Promise((done) => setTimeout(() => done('still running'), 10_000))])).not.toBe('still running');
  });

  it('leaves no orphan when the editor that started it is killed', async () => {
    // A stand-in editor: starts the server on its own pipes, prints its pid, then is killed with SIGKILL.
    const editor = spawn(process.execPath, [
      '-e',
      `const s = require('child_process').spawn(process.execPath, [${JSON.stringify(SERVER_PATH)}, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
       s.stdout.on('data', () => {});
       console.log(s.pid);`,
    ]);
    const serverPid = await new Promise<number>((done) => editor.stdout.once('data', (chunk: Buffer) => done(Number(chunk.toString().trim()))));
    expect(alive(serverPid)).toBe(true);
    editor.kill('SIGKILL');
    expect(await waitUntil(() => !alive(serverPid), 10_000)).toBe(true);
  });
});
