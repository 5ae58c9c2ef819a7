// `npm run demo` as a person runs it: it prints the address of the editor, the editor answers there, and Ctrl+C
// (a SIGINT to the foreground process group, as a terminal sends it) stops everything with exit status 0, without
// printing code-server's log as if it had crashed, and leaves no temporary folder behind.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, repoRoot } from './codeServer.mjs';

const port = await freePort();
const demo = spawn(process.execPath, [join(repoRoot, 'scripts/demo.mjs'), '--code-server'], {
  cwd: repoRoot,
  env: { ...process.env, PORT: String(port) },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let output = '';
demo.stdout.on('data', (chunk) => (output += chunk));
demo.stderr.on('data', (chunk) => (output += chunk));
const exited = new Promise((resolve) => demo.once('exit', (code, signal) => resolve({ code, signal })));

const deadline = Date.now() + 240_000;
while (!/Workspace: (\S+) \(a copy/.test(output)) {
  if (Date.now() > deadline || demo.exitCode !== null) {
    process.kill(-demo.pid, 'SIGKILL');
    throw new Error(`the demo did not start:\n${output}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
const workspace = /Workspace: (\S+) \(a copy/.exec(output)[1];
const root = join(workspace, '..');
assert.ok(existsSync(workspace), workspace);
assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).ok, true);

process.kill(-demo.pid, 'SIGINT');
const { code, signal } = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve({ code: 'timeout' }), 30_000))]);
assert.deepEqual({ code, signal }, { code: 0, signal: null }, output);
assert.doesNotMatch(output, /exited on its own|its output/, output);
assert.equal(existsSync(root), false, `${root} is left behind`);
await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`), 'code-server still answers');
console.log('[demo] started, answered, and stopped cleanly on Ctrl+C');
