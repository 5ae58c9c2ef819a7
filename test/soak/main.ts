// `npm run soak -- --edits N [--seed S]`: the soak test on the command line (bundled by test/soak/run.mjs).
// Prints the heap curve and the comparison with a fresh index; exits 1 on a wrong answer, an error or heap growth.

import { heapIsStable, runSoak } from './soak';

function option(name: string, fallback: number): number {
  const argv = process.argv.slice(2);
  const index = argv.indexOf(`--${name}`);
  const value = index >= 0 ? argv[index + 1] : argv.find((argument) => argument.startsWith(`--${name}=`))?.split('=')[1];
  return value === undefined ? fallback : Number(value);
}

const MB = 2 ** 20;

async function main(): Promise<number> {
  const edits = option('edits', 20_000);
  const seed = option('seed', 1);
  console.log(`soak: ${edits} edits, seed ${seed}, the built server over stdio`);
  const report = await runSoak({ edits, seed, analyses: option('analyses', 40), log: (line) => console.log(line) });
  const stability = heapIsStable(report.samples);
  console.log(
    `\n${report.edits} edits, ${report.hovers} hovers, ${report.definitions} definitions, ${report.diskChanges} files changed on disk, over ${report.files} files in ${report.seconds.toFixed(0)} s` +
      `\nserver heap: start ${(report.heap.start / MB).toFixed(1)} MB, peak ${(report.heap.peak / MB).toFixed(1)} MB, end ${(report.heap.end / MB).toFixed(1)} MB` +
      ` (floor: second quarter ${(stability.warm / MB).toFixed(1)} MB, second half ${(stability.late / MB).toFixed(1)} MB: ${stability.stable ? 'stable' : 'GROWING'})` +
      `\nrss: start ${(report.samples[0]!.rss / MB).toFixed(1)} MB, end ${(report.samples.at(-1)!.rss / MB).toFixed(1)} MB` +
      `\nanswers compared with a fresh index: ${report.compared}, different: ${report.mismatches.length}; errors: ${report.errors.length}`,
  );
  console.log(`heap curve (MB): ${report.samples.map((sample) => `${sample.edits}:${(sample.heapUsed / MB).toFixed(0)}`).join(' ')}`);
  for (const mismatch of report.mismatches.slice(0, 10)) console.log(`  ${mismatch}`);
  for (const error of report.errors.slice(0, 10)) console.log(`  error: ${error}`);
  return report.mismatches.length === 0 && report.errors.length === 0 && stability.stable ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
