// The public-domain corpus kept in the repository (test/data/corpus, see its SOURCES.md): real treaty and
// statute texts, e-Gov's reference links and the labelled citation cases.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InMemoryWorkspace } from '../fixture';

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

/** The six Japanese statutes of the corpus: file, the id the tests give it, title, and its law number. */
export const STATUTES = [
  ['jp-law-beigun-kodo-kanren-sochi-ho_H16HO113.txt', 'beigun', '武力攻撃事態等におけるアメリカ合衆国の軍隊の行動に伴い我が国が実施する措置に関する法律', '平成16年法律第113号'],
  ['jp-law-gyosei-tetsuzuki-ho_405AC0000000088.txt', 'gyosei', '行政手続法', '平成5年法律第88号'],
  ['jp-law-jieitai-ho_S29HO165.txt', 'jieitai', '自衛隊法', '昭和29年法律第165号'],
  ['jp-law-jitai-taisho-ho_H15HO079.txt', 'jitai', '武力攻撃事態等における我が国の平和と独立並びに国及び国民の安全の確保に関する法律', '平成15年法律第79号'],
  ['jp-law-nsc-setchi-ho_S61HO071.txt', 'nsc', '国家安全保障会議設置法', '昭和61年法律第71号'],
  ['jp-law-pko-ho_H04HO079.txt', 'pko', '国際連合平和維持活動等に対する協力に関する法律', '平成4年法律第79号'],
] as const;

/** A workspace of the six statutes, each a treaty document at `file:///<file>`. */
export function statuteWorkspace(): InMemoryWorkspace {
  return new InMemoryWorkspace(new Map(STATUTES.map(([file, id, title]) => [`file:///${file}`, asTreatyDocument(`treaties/${file}`, id, title)])));
}
