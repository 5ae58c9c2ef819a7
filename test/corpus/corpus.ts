// The public-domain corpus kept in the repository (test/data/corpus, see its SOURCES.md): real treaty and
// statute texts, e-Gov's reference links and the labelled citation cases.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CORPUS = resolve(__dirname, '../data/corpus');

/** A file of the corpus, by its path inside test/data/corpus (`treaties/npt.en.txt`). */
export function readCorpus(path: string): string {
  return readFileSync(resolve(CORPUS, path), 'utf8');
}

/** A corpus text as a treaty document: front matter added, its `# source:` line kept as a comment. */
export function asTreatyDocument(path: string, id: string, title: string, extra = ''): string {
  const text = readCorpus(path).replace(/^# source:[^\n]*\n/, (line) => `<!-- ${line.slice(2).trim()} -->\n`);
  return `---\ntreaty: ${id}\ntitle: ${title}\n${extra}---\n${text}`;
}
