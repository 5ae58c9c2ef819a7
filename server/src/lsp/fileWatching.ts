// Files changed on disk outside the editor: the server asks the client to watch the workspace's documents
// and configuration files, and applies each change to the index (an open document's editor text wins).

import * as lsp from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { TreatyService } from '../core/index';
import { CONFIG_FILE_NAME } from '../core/configFile';
import { sendAndForget } from '../adapters/context';
import type { WorkspaceFolders } from './folders';
import { normalizeUri, type LspWorkspace } from './lspWorkspace';
import type { UpdateScheduler } from './scheduling';
import type { ServerSession } from './session';

/** Asks a client that can register watchers dynamically to watch documents and configuration files. */
export function registerWatchers(connection: lsp.Connection, capabilities: lsp.ClientCapabilities): void {
  if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
  sendAndForget(() =>
    connection.client.register(lsp.DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{md,txt}' }, { globPattern: `**/${CONFIG_FILE_NAME}` }],
    }),
  );
}

export function listenToWatchedFiles(session: ServerSession, workspace: LspWorkspace, folders: WorkspaceFolders, scheduler: UpdateScheduler): void {
  session.connection.onDidChangeWatchedFiles(({ changes }) =>
    session.afterReady('watched file change', async (service) => {
      let configChanged = false;
      for (const change of changes) {
        if (URI.parse(change.uri).path.endsWith(`/${CONFIG_FILE_NAME}`)) configChanged = true;
        // The editor's text of an open document wins over the file on disk.
        else if (workspace.openDocument(change.uri)) continue;
        else if (change.type === lsp.FileChangeType.Deleted) deleteTree(session, workspace, service, change.uri);
        else if (workspace.includes(change.uri)) session.refresh(service, change.uri);
      }
      if (configChanged) await folders.reload(service);
      scheduler.schedule(0);
    }),
  );
}

/** A deleted folder may arrive as one event: every document below it goes. */
function deleteTree(session: ServerSession, workspace: LspWorkspace, service: TreatyService, uri: string): void {
  const normalized = normalizeUri(uri);
  for (const knownUri of [...session.known]) {
    const candidate = normalizeUri(knownUri);
    if (workspace.openDocument(knownUri)) continue;
    if (candidate === normalized || candidate.startsWith(normalized + '/')) session.forget(service, knownUri);
  }
}
