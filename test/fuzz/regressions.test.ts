// Replays every input the fuzzer (or a person) saved in test/fuzz/regressions/: each must now pass its property,
// and quickly (a saved input that once hung must not hang again).
// A fixture is JSON: { property, found, seed, reason, input } (see test/fuzz/fuzzer.ts).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { propertyNamed, stopFuzzServer } from './properties';

const DIRECTORY = join(__dirname, 'regressions');
const LIMIT_MS = 5000;

interface Fixture {
  readonly property: string;
  readonly reason: string;
  readonly input: unknown;
}

afterAll(stopFuzzServer);

describe('inputs that once failed a property pass it now', () => {
  for (const file of readdirSync(DIRECTORY).filter((name) => name.endsWith('.json')).sort()) {
    const fixture = JSON.parse(readFileSync(join(DIRECTORY, file), 'utf8')) as Fixture;
    it(`${file} (${fixture.property}): ${fixture.reason.split('\n')[0]!.slice(0, 120)}`, async () => {
      const property = propertyNamed(fixture.property);
      expect(property, `no property named ${fixture.property}`).toBeDefined();
      // The naming docs/reliability.md gives: the property, then the fuzzer's hash or a person's few words.
      expect(file).toMatch(new RegExp(`^${fixture.property}-[a-z0-9]+(?:-[a-z0-9]+)*\\.json$`));
      const started = performance.now();
      await property!.run(fixture.input);
      expect(performance.now() - started).toBeLessThan(LIMIT_MS);
    });
  }
});
