// A client that leaves while the server still has debounced work: after `shutdown` nothing more is sent, and a
// client that drops the connection without it costs the server nothing (no unhandled rejection, no crash).
// In-process (test/fuzz/lspDriver.ts), so that the connection can be torn down between two timers.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startInProcessServer, type InProcessServer } from '../fuzz/lspDriver';

const TREATY_URI = 'file:///ws/treaty.md';
const ANALYSIS_URI = 'file:///ws/analysis.md';
const FILES = new Map([
  [TREATY_URI, '---\ntreaty: t\ntitle: 協定\n---\n## 第1条\n\n本文。\n'],
  [ANALYSIS_URI, '---\ncites: t\n---\n第2条を見よ。\n'],
]);
/** Adds 第2条 to the treaty: the analysis's diagnostics change, published after the debounce. */
const ADD_ARTICLE_2 = { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: '\n## 第2条\n\n本文。\n' };

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeEach(() => {
  rejections = [];
  process.on('unhandledRejection', onRejection);
});
afterEach(() => {
  process.off('unhandledRejection', onRejection);
});

async function openAndEditTreaty({ client }: InProcessServer): Promise<void> {
  await client.sendNotification('textDocument/didOpen', { textDocument: { uri: TREATY_URI, languageId: 'markdown', version: 1, text: FILES.get(TREATY_URI) } });
  await client.sendNotification('textDocument/didChange', { textDocument: { uri: TREATY_URI, version: 2 }, contentChanges: [ADD_ARTICLE_2] });
}

describe('a client that leaves with work pending', () => {
  it('hears nothing after the answer to shutdown', async () => {
    const server = await startInProcessServer(FILES, 'file:///ws');
    await openAndEditTreaty(server);
    await server.client.sendRequest('shutdown');
    // What the client holds when shutdown is answered: any later publication would replace it.
    const published = new Map(server.diagnostics);
    const logged = server.logs.length;
    await settle(150);
    expect(server.diagnostics).toEqual(published);
    for (const [uri, diagnostics] of published) expect(server.diagnostics.get(uri), uri).toBe(diagnostics);
    expect(server.logs.length).toBe(logged);
    server.abandon();
  });

  it('costs the server nothing when the connection drops mid-debounce', async () => {
    const server = await startInProcessServer(FILES, 'file:///ws');
    const complaints = vi.spyOn(console, 'error');
    await openAndEditTreaty(server);
    server.abandon();
    await settle(150);
    expect(rejections).toEqual([]);
    expect(complaints).not.toHaveBeenCalled();
    complaints.mockRestore();
  });

  it('publishes the analysis once the treaty edit settles, when the client stays', async () => {
    const server = await startInProcessServer(FILES, 'file:///ws');
    await settle(50);
    expect(server.diagnostics.get(ANALYSIS_URI)?.map((diagnostic) => diagnostic.code)).toEqual(['unknown-article']);
    await openAndEditTreaty(server);
    await settle(150);
    expect(server.diagnostics.get(ANALYSIS_URI)).toEqual([]);
    await server.dispose();
  });
});
