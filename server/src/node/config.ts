// The configuration of a workspace on disk: `.treaty-annotator.json` of the first folder given (or of the current
// one), read as the server reads a folder's; shared by treaty-check's commands and the remark plugin.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CONFIG_FILE_NAME, CONFIG_MAX_SIZE, parseConfigFile, unreadableConfig, type ParsedConfigFile } from '../core/configFile';
import { readTextFile } from './files';

export function loadConfig(roots: readonly string[]): { file: string | null; text: string; parsed: ParsedConfigFile } {
  const directory = roots.map((root) => (statSync(root).isDirectory() ? root : dirname(root)))[0] ?? '.';
  const file = resolve(directory, CONFIG_FILE_NAME);
  if (!existsSync(file)) return { file: null, text: '', parsed: parseConfigFile('{}') };
  const read = readTextFile(file, CONFIG_MAX_SIZE);
  return 'text' in read ? { file, text: read.text, parsed: parseConfigFile(read.text) } : { file, text: '', parsed: unreadableConfig(read.error) };
}
