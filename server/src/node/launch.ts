// Node entry point of the language server (dist/server.js: `treaty-language-server --stdio`, or `--node-ipc` from
// the VS Code client): runs the server's bundle (dist/serverMain.js, main.ts) from the compiled code of an earlier
// start when the command line names a folder for it (`--code-cache DIR`, codeCache.ts).
import { join } from 'node:path';
import { optionValue, runBundle } from './codeCache';
import type { main } from './main';

const { exports, codeCache } = runBundle(join(__dirname, 'serverMain.js'), optionValue(process.argv, 'code-cache'));
(exports as { main: typeof main }).main(codeCache);
