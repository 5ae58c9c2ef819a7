import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCodes } from 'vscode-jsonrpc';
import { Harness, startServer } from './harness';

const TREATY = `
//- /treaties/nat.md
---
treaty: nat
title: North Atlantic Treaty
---
## Article 5

The Parties agree that an armed attack against one or more of them shall be considered an attack against them all.
//- /notes.md
Article 5 is the heart of the treaty.
`;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

describe('the server lifecycle', () => {
  it('answers initialize with the capabilities of every feature', async () => {
    harness = new Harness(TREATY);
    const result = await harness.initialize();
    expect(result.serverInfo?.name).toBe('treaty-language-server');
    expect(result.capabilities).toMatchInlineSnapshot(`
      {
        "codeActionProvider": {
          "codeActionKinds": [
            "quickfix",
            "refactor",
          ],
        },
        "codeLensProvider": {
          "resolveProvider": false,
        },
        "completionProvider": {
          "resolveProvider": true,
          "triggerCharacters": [
            "第",
            "「",
            " ",
          ],
        },
        "definitionProvider": true,
        "documentLinkProvider": {
          "resolveProvider": false,
        },
        "documentSymbolProvider": {
          "label": "Treaty Annotator",
        },
        "foldingRangeProvider": true,
        "hoverProvider": true,
        "inlayHintProvider": true,
        "referencesProvider": true,
        "renameProvider": {
          "prepareProvider": true,
        },
        "semanticTokensProvider": {
          "full": true,
          "legend": {
            "tokenModifiers": [],
            "tokenTypes": [
              "citation",
              "danglingCitation",
              "treatyName",
              "articleLabel",
            ],
          },
        },
        "textDocumentSync": {
          "change": 2,
          "openClose": true,
        },
        "workspace": {
          "workspaceFolders": {
            "changeNotifications": true,
            "supported": true,
          },
        },
        "workspaceSymbolProvider": true,
      }
    `);
  });

  it('registers file watchers for treaty documents and the configuration file', async () => {
    harness = await startServer(TREATY);
    const watchers = harness.registrations.find((registration) => registration.method === 'workspace/didChangeWatchedFiles');
    expect(watchers?.registerOptions).toEqual({
      watchers: [{ globPattern: '**/*.{md,txt}' }, { globPattern: '**/.treaty-annotator.json' }],
    });
    expect(harness.registrations.map((registration) => registration.method)).toContain('workspace/didChangeConfiguration');
  });

  it('reports the first indexing as work-done progress from begin to end', async () => {
    harness = await startServer(TREATY);
    const kinds = harness.progress.map((entry) => (entry as { value: { kind: string } }).value.kind);
    expect(kinds[0]).toBe('begin');
    expect(kinds.at(-1)).toBe('end');
  });

  it('answers an unknown request with MethodNotFound and keeps serving', async () => {
    harness = await startServer(TREATY);
    await expect(harness.request('treatyAnnotator/noSuchThing', {})).rejects.toMatchObject({ code: ErrorCodes.MethodNotFound });
    await harness.connection.sendNotification('treatyAnnotator/noSuchNotification', {});
    await expect(harness.request('treatyAnnotator/stats')).resolves.toBeDefined();
  });

  it('answers requests about documents it has never seen with empty results', async () => {
    harness = await startServer(TREATY);
    const textDocument = { uri: harness.uri('/never-opened.md') };
    const position = { line: 0, character: 0 };
    expect(await harness.request('textDocument/hover', { textDocument, position })).toBeNull();
    expect(await harness.request('textDocument/definition', { textDocument, position })).toEqual([]);
    expect(await harness.request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } })).toEqual([]);
    expect(await harness.request('textDocument/documentSymbol', { textDocument })).toEqual([]);
    expect(await harness.request('textDocument/semanticTokens/full', { textDocument })).toEqual({ data: [] });
    expect(await harness.request('textDocument/prepareRename', { textDocument, position })).toBeNull();
  });

  it('answers positions past the end of a document without failing', async () => {
    harness = await startServer(TREATY, { open: ['/notes.md'] });
    const textDocument = { uri: harness.uri('/notes.md') };
    for (const position of [{ line: 9999, character: 0 }, { line: 0, character: 9999 }, { line: -1, character: -5 }]) {
      await expect(harness.request('textDocument/hover', { textDocument, position })).resolves.toBeDefined();
      await expect(harness.request('textDocument/definition', { textDocument, position })).resolves.toBeDefined();
    }
    await expect(harness.request('treatyAnnotator/stats')).resolves.toBeDefined();
  });

  it('survives a message that is not JSON and answers the next one', async () => {
    harness = await startServer(TREATY);
    const garbage = '{"jsonrpc": "2.0", "id": 99, "method": ';
    harness.process.stdin!.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
    await expect(harness.request('treatyAnnotator/stats')).resolves.toBeDefined();
    expect(harness.process.exitCode).toBeNull();
  });

  it('exits with code 0 after shutdown and exit', async () => {
    harness = await startServer(TREATY);
    await harness.request('shutdown');
    await harness.connection.sendNotification('exit');
    expect(await harness.exited).toBe(0);
  });

  it('exits with code 1 on exit without shutdown', async () => {
    harness = await startServer(TREATY);
    await harness.connection.sendNotification('exit');
    expect(await harness.exited).toBe(1);
  });

  it('exits when the client disappears (its end of stdin closes)', async () => {
    harness = await startServer(TREATY);
    harness.process.stdin!.end();
    expect(await harness.exited).not.toBeNull();
  });
});
