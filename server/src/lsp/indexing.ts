// The first indexing of the workspace: the configuration, the core, then every document read (files on worker
// threads when the node entry provides them, open documents first and on this thread) and resolved, with
// work-done progress shown to the client while it runs.

import { createTreatyService, type TreatyService } from '../core/index';
import { describeError } from '../adapters/context';
import type { WorkspaceFolders } from './folders';
import { indexingInto, type AnalyzeOutcome, type FileToAnalyze, type LspWorkspace, type WorkspaceFileSystem } from './lspWorkspace';
import type { ServerConfiguration } from './serverConfiguration';
import type { ServerSession } from './session';

/** Documents resolved in one turn of the event loop at the end of the first indexing (a few ms each). */
const RESOLVE_SLICE = 8;

export async function indexWorkspace(
  session: ServerSession,
  workspace: LspWorkspace,
  fileSystem: WorkspaceFileSystem,
  configuration: ServerConfiguration,
  folders: WorkspaceFolders,
): Promise<AnalyzeOutcome | undefined> {
  const { connection } = session;
  await folders.loadConfiguration();
  const config = configuration.config;
  let core: TreatyService;
  try {
    core = createTreatyService({ workspace, config, log: session.log });
  } catch (error) {
    const reason = `the treaty core could not start: ${describeError(error)}`;
    session.failed(reason);
    connection.console.error(reason);
    return undefined;
  }
  session.started(core);
  // The open documents first, before the workspace is listed and the progress shown: they are what the user looks
  // at, and hover, definition and completion on them are answered from here on (the guard checks that the editor's
  // text is the one indexed), from what is known so far.
  const indexedFirst = new Set(workspace.openDocumentUris());
  for (const uri of indexedFirst) core.refreshDocument(uri);
  session.markAnswering();
  // Progress is a courtesy: a client that fails to create it still gets its workspace indexed.
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  progress?.begin('Treaty Annotator: indexing', 0, undefined, false);
  const uris = workspace.listDocuments();
  let done = 0;
  let reported = 0;
  const advance = (): void => {
    done++;
    const percentage = Math.floor((done / uris.length) * 100);
    if (percentage < reported + 10 && done !== uris.length) return;
    reported = percentage;
    progress?.report(percentage, `${done}/${uris.length}`);
  };
  // Files go to the readers in the order listed; a document opened meanwhile is read here, from the editor. The files
  // of open documents are not read: the facts cache keeps what it holds for them for the next start.
  const files: FileToAnalyze[] = [];
  const keep: string[] = [];
  for (const uri of uris) {
    const open = indexedFirst.has(uri) || workspace.openDocument(uri) !== undefined;
    const file = workspace.fileToAnalyze(uri);
    if (open && file) keep.push(file.path);
    if (!indexedFirst.has(uri)) {
      if (file && !open) {
        files.push(file);
        continue;
      }
      core.refreshDocument(uri);
    }
    advance();
  }
  let outcome: AnalyzeOutcome | undefined;
  if (fileSystem.analyzeFiles) {
    const { onAnalyzed, onIdle } = indexingInto(core, config, advance);
    outcome = await fileSystem.analyzeFiles(files, config, { workers: configuration.workers, cacheDirectory: configuration.cacheDirectory, onIdle, keep }, onAnalyzed);
  } else {
    for (const file of files) {
      core.refreshDocument(file.uri);
      advance();
    }
  }
  // Resolved a few documents at a time, so that requests during the indexing are answered in between.
  while (core.resolveSome(RESOLVE_SLICE) === RESOLVE_SLICE) await new Promise((resolve) => setImmediate(resolve));
  const reused = core.finishIndexing();
  if (outcome && configuration.cacheDirectory) {
    session.log(`indexed ${uris.length} documents, ${outcome.cached} of them from the facts cache, ${reused} with their diagnostics from it`);
  }
  progress?.done();
  // What the index holds, skipped files included (not a second walk: a file gone since is still to be forgotten).
  for (const uri of core.getDocumentUris()) session.known.add(uri);
  return outcome;
}
