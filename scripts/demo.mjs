// `npm run demo`: packages the extension and opens the samples in an editor that has it installed —
// the local `code` when there is one, otherwise code-server on 127.0.0.1 (installed into .cache/ on first use).
// The samples are copied first, so playing with rename or edits never touches the test fixtures.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createProfile, ensureCodeServer, installExtension, repoRoot, startCodeServer } from '../test/e2e/codeServer.mjs';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const vsix = join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
execFileSync(process.execPath, [join(repoRoot, 'scripts/package.mjs')], { stdio: 'inherit' });

const useCodeServer = process.argv.includes('--code-server') || spawnSync('code', ['--version']).status !== 0;
if (!useCodeServer) {
  const profile = createProfile('treaty-demo');
  execFileSync('code', ['--install-extension', vsix, '--force'], { stdio: 'inherit' });
  execFileSync('code', ['--new-window', profile.workspace], { stdio: 'inherit' });
  console.log(`Opened ${profile.workspace} (a copy of samples/) in VS Code.`);
} else {
  ensureCodeServer();
  const profile = createProfile('treaty-demo', { 'workbench.editor.enablePreview': false });
  console.log(installExtension(profile, vsix).trim());
  const port = Number(process.env.PORT ?? 8080);
  const server = await startCodeServer(profile, { port });
  console.log(`\nTreaty Annotator demo: ${server.url}/?folder=${encodeURIComponent(profile.workspace)}`);
  console.log(`Workspace: ${profile.workspace} (a copy of samples/). Open analyses/kaiyo-kyotei-kaisetsu.md and hover a citation; Ctrl+C stops.`);
  // Ctrl+C (or a TERM) stops code-server and removes the copy; only an exit nobody asked for shows its output.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server…');
    await server.stop();
    rmSync(profile.root, { recursive: true, force: true });
    console.log(`Stopped, and removed ${profile.root}.`);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.once('exit', (code, signal) => {
    if (stopping) return;
    console.log(`code-server exited on its own (${code ?? signal}); its output:\n${server.output()}`);
    rmSync(profile.root, { recursive: true, force: true });
    process.exit(1);
  });
}
