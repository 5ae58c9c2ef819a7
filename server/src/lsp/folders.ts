// The workspace folders and what they include: folders added and removed, and after any change to them or
// to the configuration, the documents no longer included are dropped and the newly included ones read.

import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import type { TreatyService } from '../core/index';
import type { LspWorkspace } from './lspWorkspace';
import type { UpdateScheduler } from './scheduling';
import type { ServerConfiguration } from './serverConfiguration';
import type { ServerSession } from './session';

export class WorkspaceFolders {
  readonly #session: ServerSession;
  readonly #workspace: LspWorkspace;
  readonly #configuration: ServerConfiguration;
  readonly #scheduler: UpdateScheduler;
  #folders: string[] = [];
  #capabilities: ClientCapabilities = {};

  constructor(session: ServerSession, workspace: LspWorkspace, configuration: ServerConfiguration, scheduler: UpdateScheduler) {
    this.#session = session;
    this.#workspace = workspace;
    this.#configuration = configuration;
    this.#scheduler = scheduler;
  }

  /** The folders given in `initialize` (or its root), and the client's capabilities for later configuration reads. */
  initialize(folders: readonly string[], capabilities: ClientCapabilities): void {
    this.#folders = [...folders];
    this.#capabilities = capabilities;
  }

  /** Follows folders added and removed, when the client announces them. */
  listen(connection: Connection): void {
    if (!this.#capabilities.workspace?.workspaceFolders) return;
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => folder.uri));
      this.#folders = [...this.#folders.filter((folder) => !removed.has(folder)), ...event.added.map((folder) => folder.uri)];
      this.#session.afterReady('workspace folder change', (service) => this.reload(service));
    });
  }

  /** Reads the configuration for the current folders (the first indexing, and every reload). */
  loadConfiguration(): Promise<unknown> {
    return this.#configuration.load(this.#folders, this.#capabilities);
  }

  /** After the configuration or the folders changed: drop what is no longer included, read what now is. */
  async reload(service: TreatyService): Promise<void> {
    const before = JSON.stringify(this.#workspace.roots);
    await this.loadConfiguration();
    service.setConfig(this.#configuration.config);
    if (JSON.stringify(this.#workspace.roots) !== before) {
      const listed = new Set(this.#workspace.listDocuments());
      for (const uri of [...this.#session.known]) if (!listed.has(uri)) this.#session.forget(service, uri);
      // A changed size limit can change any file's fate, so everything is read again.
      for (const uri of listed) this.#session.refresh(service, uri);
    }
    this.#scheduler.schedule(0);
  }
}
