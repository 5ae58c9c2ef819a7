// Node entry point of the language server (`treaty-language-server --stdio`, or `--node-ipc` from the VS Code client):
// creates the connection, gives the server the command line's file walker and reader, and logs stray exceptions.
import { existsSync } from 'node:fs';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { readTextFile, walkDocuments } from './files';

// With no transport flag, speak over stdio, the way editors other than VS Code start servers.
if (!process.argv.some((argument) => /^--(stdio|node-ipc|socket|pipe)/.test(argument))) process.argv.push('--stdio');

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (error) => connection.console.error(`uncaught exception: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));
startServer(connection, {
  fileSystem: {
    listFiles: (rootPath, config) => walkDocuments([rootPath], config),
    readTextFile,
    exists: existsSync,
  },
});
