// The long-running fuzzer behind `npm run fuzz -- --minutes N` (bundled and started by scripts/fuzz.mjs).
// Runs the properties of properties.ts in turns until the time is up; a failing input, shrunk by fast-check, or an
// input that takes longer than --slow-ms, is saved to test/fuzz/regressions/ and replayed by regressions.test.ts.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { PROPERTIES, stopFuzzServer, type Property } from './properties';

interface Options {
  readonly minutes: number;
  readonly seed: number;
  readonly properties: readonly string[];
  readonly save: boolean;
  readonly slowMs: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : argv.find((argument) => argument.startsWith(`--${name}=`))?.split('=')[1];
  };
  return {
    minutes: Number(value('minutes') ?? 1),
    seed: Number(value('seed') ?? Date.now() % 2 ** 31),
    properties: value('property')?.split(',') ?? PROPERTIES.map((property) => property.name),
    save: !argv.includes('--no-save'),
    slowMs: Number(value('slow-ms') ?? 5000),
  };
}

interface Tally {
  batches: number;
  inputs: number;
  failures: number;
  slowest: number;
}

/** Where a failing input goes: one file per distinct failure (its message without numbers). */
function save(directory: string, property: string, reason: string, seed: number, input: unknown): string {
  const signature = reason.split('\n')[0]!.replace(/\d+/g, 'N');
  const name = `${property}-${createHash('sha1').update(`${property}:${signature}`).digest('hex').slice(0, 10)}.json`;
  const file = join(directory, name);
  if (!existsSync(file)) {
    const fixture = { property, found: new Date().toISOString().slice(0, 10), seed, reason: reason.split('\n').slice(0, 6).join('\n'), input };
    writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
  }
  return file;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const directory = join(__dirname, 'regressions');
  mkdirSync(directory, { recursive: true });
  const selected = PROPERTIES.filter((property) => options.properties.includes(property.name));
  const tallies = new Map<string, Tally>(selected.map((property) => [property.name, { batches: 0, inputs: 0, failures: 0, slowest: 0 }]));
  const deadline = Date.now() + options.minutes * 60_000;
  const saved: string[] = [];
  let seed = options.seed;
  console.log(`fuzz: ${options.minutes} min, seed ${options.seed}, properties ${selected.map((property) => property.name).join(', ')}`);

  while (Date.now() < deadline) {
    for (const property of selected as Property<unknown>[]) {
      if (Date.now() >= deadline) break;
      const tally = tallies.get(property.name)!;
      let slow: { input: unknown; ms: number } | undefined;
      const result = await fc.check(
        fc.asyncProperty(property.arbitrary, async (input) => {
          tally.inputs++;
          const started = performance.now();
          await property.run(input);
          const ms = performance.now() - started;
          tally.slowest = Math.max(tally.slowest, ms);
          if (ms > options.slowMs && !slow) slow = { input, ms };
        }),
        { numRuns: 50, seed: seed++ },
      );
      tally.batches++;
      if (result.failed) {
        tally.failures++;
        const reason = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
        console.log(`\n${property.name}: FAILED (seed ${result.seed}, ${result.numShrinks} shrinks): ${reason.split('\n')[0]}`);
        if (options.save) saved.push(save(directory, property.name, reason, result.seed, result.counterexample![0]));
      }
      if (slow) {
        tally.failures++;
        console.log(`\n${property.name}: SLOW input (${slow.ms.toFixed(0)} ms)`);
        if (options.save) saved.push(save(directory, property.name, `slow: ${slow.ms.toFixed(0)} ms`, seed - 1, slow.input));
      }
      process.stdout.write('.');
    }
  }
  await stopFuzzServer();

  console.log('\n\nproperty       batches   inputs  failures  slowest input');
  let inputs = 0;
  let failures = 0;
  for (const [name, tally] of tallies) {
    inputs += tally.inputs;
    failures += tally.failures;
    console.log(`${name.padEnd(14)} ${String(tally.batches).padStart(7)} ${String(tally.inputs).padStart(8)} ${String(tally.failures).padStart(9)}  ${tally.slowest.toFixed(0).padStart(8)} ms`);
  }
  console.log(`total: ${inputs} inputs, ${failures} failures${saved.length > 0 ? `; saved:\n  ${[...new Set(saved)].join('\n  ')}` : ''}`);
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
