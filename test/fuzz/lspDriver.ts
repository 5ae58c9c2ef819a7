// The language server in-process, over a pair of in-memory streams, with an in-memory file system: fast enough
// to throw thousands of random requests at the real handlers (the adapters in server/src/adapters, convert.ts among them).
// `exit` is never sent here: the library answers it with process.exit.

import { PassThrough } from 'node:stream';
import { URI } from 'vscode-uri';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type * as lsp from 'vscode-languageserver-protocol';
import { startServer } from '../../server/src/lsp/server';

export interface InProcessServer {
  readonly client: MessageConnection;
  readonly logs: string[];
  readonly diagnostics: Map<string, lsp.Diagnostic[]>;
  dispose(): Promise<void>;
  /** Drops the connection without `shutdown`, as a client that crashed. */
  abandon(): void;
}

/**
 * Starts a server over `files` (file URIs → text) with `root` as its only workspace folder, and waits for indexing.
 * `vanishing` files are listed but gone when read (deleted between the walk and the read).
 */
export async function startInProcessServer(files: ReadonlyMap<string, string>, root: string, vanishing: readonly string[] = []): Promise<InProcessServer> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const byPath = new Map([...files].map(([uri, text]) => [URI.parse(uri).fsPath, text]));
  let walks = 0;
  const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(connection, {
    fileSystem: {
      listFiles: (rootPath) => {
        // The first walk still sees the vanishing files; they are gone by any later one.
        const paths = walks++ === 0 ? [...byPath.keys(), ...vanishing.map((uri) => URI.parse(uri).fsPath)] : [...byPath.keys()];
        return paths.filter((path) => path.startsWith(rootPath.endsWith('/') ? rootPath : `${rootPath}/`));
      },
      readTextFile: (path) => {
        const text = byPath.get(path);
        return text === undefined ? { error: 'skipped: cannot read the file (ENOENT)' } : { text };
      },
      exists: (path) => byPath.has(path),
    },
  });
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const logs: string[] = [];
  const diagnostics = new Map<string, lsp.Diagnostic[]>();
  client.onNotification('window/logMessage', (params: lsp.LogMessageParams) => logs.push(params.message));
  client.onNotification('textDocument/publishDiagnostics', (params: lsp.PublishDiagnosticsParams) => diagnostics.set(params.uri, params.diagnostics));
  client.onRequest('window/workDoneProgress/create', () => null);
  client.listen();
  await client.sendRequest('initialize', {
    processId: null,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'fuzz' }],
    // Completion as VS Code declares it: documentation on resolve, the range and data as list defaults.
    capabilities: {
      textDocument: {
        hover: { contentFormat: ['markdown'] },
        rename: { prepareSupport: true },
        completion: { completionItem: { resolveSupport: { properties: ['documentation'] } }, completionList: { itemDefaults: ['editRange', 'data'] } },
      },
    },
  } satisfies lsp.InitializeParams);
  await client.sendNotification('initialized', {});
  await client.sendRequest('treatyAnnotator/stats');
  const abandon = (): void => {
    client.dispose();
    toServer.destroy();
    toClient.destroy();
  };
  return {
    client,
    logs,
    diagnostics,
    async dispose() {
      // The way a client leaves: `shutdown` first, so that the server drops its pending work.
      await client.sendRequest('shutdown').catch(() => undefined);
      connection.dispose();
      abandon();
    },
    abandon,
  };
}
