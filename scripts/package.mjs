// Builds the bundles and packs them into treaty-annotator-<version>.vsix at the repository root.
// Dependencies are bundled by esbuild, so vsce runs with --no-dependencies; prints the file's size.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsixPath = join(root, `${manifest.name}-${manifest.version}.vsix`);

function run(command, args) {
  try {
    execFileSync(command, args, { cwd: root, stdio: 'inherit' });
  } catch (error) {
    console.error(`package: ${args.slice(0, 2).join(' ')} failed (exit ${error.status ?? error.signal})`);
    process.exit(1);
  }
}

run(process.execPath, [join(root, 'scripts/build.mjs')]);
run(process.execPath, [
  join(root, 'node_modules/@vscode/vsce/vsce'),
  'package',
  '--no-dependencies',
  '--out',
  vsixPath,
]);

const bytes = statSync(vsixPath).size;
console.log(`${vsixPath}: ${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes)`);
