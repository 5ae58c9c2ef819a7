// The floor: the least any checker must do — read every file of the workspace and run one citation regular
// expression over it. `node floor.js --scale N`; prints the time inside the process and the matches found.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { argValue, emitResult, listFiles, median, readManifest } from './common';

/** One linear pass: 第N条, 第N条第M項 in Arabic, full-width or kanji digits with optional spaces, and 同条第M項. */
export const CITATION_PATTERN =
  /第\s?[0-9０-９一二三四五六七八九十百千]+\s?条(?:第\s?[0-9０-９一二三四五六七八九十百千]+\s?項)?|同条第[0-9０-９一二三四五六七八九十百千]+項/g;

export function countCitations(text: string): number {
  let count = 0;
  CITATION_PATTERN.lastIndex = 0;
  while (CITATION_PATTERN.exec(text) !== null) count++;
  return count;
}

/** Median time of `repeat` runs of `work`. */
function timed(repeat: number, work: () => void): number {
  const samples: number[] = [];
  for (let index = 0; index < repeat; index++) {
    const t0 = performance.now();
    work();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

if (require.main === module) {
  const started = performance.now();
  const manifest = readManifest(Number(argValue(process.argv, '--scale') ?? '1'));
  const root = manifest.plainRoot;
  let matches = 0;
  const texts = new Map<string, string>();
  const files = listFiles(root);
  for (const relative of files) {
    const text = fs.readFileSync(path.join(root, relative), 'utf8');
    texts.set(relative, text);
    matches += countCitations(text);
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage();
  // The floors of the two edits: one pass over the 1 MB analysis, and one over every document citing the hot article.
  const big = texts.get(manifest.big.path) ?? '';
  const hot = manifest.hot.documents.map((relative) => texts.get(relative) ?? '');
  const bigPassMs = timed(21, () => countCitations(big));
  const hotPassMs = timed(5, () => hot.forEach(countCitations));
  emitResult({ ms, coldCpuMs: (cpu.user + cpu.system) / 1000, files: files.length, matches, bigPassMs, hotPassMs });
}
