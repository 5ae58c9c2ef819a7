// Node entry point of treaty-check (dist/cli.js): runs the checker's bundle (dist/cliMain.js, main.ts) from the
// compiled code of an earlier run (codeCache.ts), which spares about a twentieth of a check at ×1.
// The code is kept in the folder `TREATY_CHECK_CODE_CACHE` names, else beside the facts cache (`--cache DIR`),
// else in a folder of the user's own under the system's temporary folder, as tsc keeps its compiled code;
// `TREATY_CHECK_CODE_CACHE=off` keeps none.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { optionValue, ownFolder, runBundle } from '../node/codeCache';
import type { run } from './main';

const argv = process.argv.slice(2);
const { exports, codeCache } = runBundle(join(__dirname, 'cliMain.js'), codeCacheFolder(argv, process.env.TREATY_CHECK_CODE_CACHE));
void (exports as { run: typeof run }).run(argv, codeCache);

function codeCacheFolder(args: readonly string[], setting: string | undefined): string | undefined {
  if (setting === 'off' || setting === '0') return undefined;
  if (setting) return setting;
  // Else a shared folder: only one that this user made and nobody else may write in.
  return optionValue(args, 'cache') ?? ownFolder(join(tmpdir(), `treaty-annotator-${process.getuid?.() ?? 'user'}`));
}
