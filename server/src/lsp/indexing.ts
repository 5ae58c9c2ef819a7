// The first indexing of the workspace: the configuration, the core, and every document read and resolved,
// with work-done progress shown to the client while it runs.

import { createTreatyService } from '../core/index';
import { describeError } from '../adapters/context';
import type { WorkspaceFolders } from './folders';
import type { LspWorkspace } from './lspWorkspace';
import type { ServerConfiguration } from './serverConfiguration';
import type { ServerSession } from './session';

export async function indexWorkspace(session: ServerSession, workspace: LspWorkspace, configuration: ServerConfiguration, folders: WorkspaceFolders): Promise<void> {
  const { connection } = session;
  await folders.loadConfiguration();
  let core;
  try {
    core = createTreatyService({ workspace, config: configuration.config, log: session.log });
  } catch (error) {
    const reason = `the treaty core could not start: ${describeError(error)}`;
    session.failed(reason);
    connection.console.error(reason);
    return;
  }
  session.started(core);
  // Progress is a courtesy: a client that fails to create it still gets its workspace indexed.
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  progress?.begin('Treaty Annotator: indexing', 0, undefined, false);
  let reported = 0;
  core.indexWorkspace((done, total) => {
    const percentage = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (percentage < reported + 10 && done !== total) return;
    reported = percentage;
    progress?.report(percentage, `${done}/${total}`);
  });
  progress?.done();
  // What the index holds, skipped files included (not a second walk: a file gone since is still to be forgotten).
  for (const uri of core.getDocumentUris()) session.known.add(uri);
}
