// The language server's process (bundled as dist/serverMain.js, run by launch.ts): creates the connection, gives
// the server the command line's file walker and reader and the code cache, and logs stray exceptions.
import { existsSync } from 'node:fs';
import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import type { CodeCache } from './codeCache';
import { readTextFile, walkDocuments } from './files';
import { FrameSplitter, FrameWriter } from './framing';
import { FactsCache } from './factsCache';
import { analyzeWithCache } from './workerPool';

/** Starts the server on this process's stdio (or the transport its command line names). */
export function main(codeCache: CodeCache): void {
  // Over stdio (also with no transport flag, the way editors other than VS Code start servers), stdin goes through the
  // FrameSplitter so that a malformed frame cannot stall the frames behind it, and each message goes out as one write
  // (FrameWriter); other transports are vscode-jsonrpc's own.
  const overStdio = !process.argv.some((argument) => /^--(node-ipc|socket|pipe)/.test(argument));
  // The input stays a stream: only then does vscode-languageserver end the server when the client's end of it closes.
  // Its runtime takes a message writer for the output beside it, which its overloads list apart.
  const connection: Connection = overStdio
    ? createConnection(ProposedFeatures.all, process.stdin.pipe(new FrameSplitter()), new FrameWriter(process.stdout) as unknown as NodeJS.WritableStream)
    : createConnection(ProposedFeatures.all);
  if (overStdio) {
    // stdout carries the protocol: whatever a library prints goes to the client's log instead.
    console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
    console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
    console.error = (...args: unknown[]) => connection.console.error(format(...args));
  }
  process.on('uncaughtException', (error) => connection.console.error(`uncaught exception: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));
  startServer(connection, {
    fileSystem: {
      listFiles: (rootPath, config) => walkDocuments([rootPath], config),
      readTextFile,
      exists: existsSync,
      analyzeFiles: (files, config, options, onAnalyzed) => analyzeWithCache(files, config, { ...options, log: (message) => connection.console.log(message) }, onAnalyzed),
      prefetchCache: (directory) => FactsCache.prefetch(directory),
    },
    codeCache,
  });
}
