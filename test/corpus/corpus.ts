// Reads the shared corpus (`../shared` beside the repository) for the corpus tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED = resolve(__dirname, '../../../shared');

export function readShared(path: string): string {
  return readFileSync(resolve(SHARED, path), 'utf8');
}

/** A corpus text as a treaty document: front matter added, its `# source:` line kept as a comment. */
export function asTreatyDocument(path: string, id: string, title: string, extra = ''): string {
  const text = readShared(path).replace(/^# source:[^\n]*\n/, (line) => `<!-- ${line.slice(2).trim()} -->\n`);
  return `---\ntreaty: ${id}\ntitle: ${title}\n${extra}---\n${text}`;
}
