// Quick runs of the fuzzer's properties for `npm test` (a few hundred inputs in all; `npm run fuzz` runs them for minutes).
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { configProperty, documentProperty, incrementalProperty, quietProperty, serverProperty, stopFuzzServer, treatyProperty, type Property } from './properties';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

async function holds<Input>(property: Property<Input>, numRuns = RUNS): Promise<void> {
  await fc.assert(
    fc.asyncProperty(property.arbitrary, async (input) => property.run(input)),
    { numRuns },
  );
}

afterAll(stopFuzzServer);

describe('properties of the core on random and mutated documents', () => {
  it('no exception escapes, every span lies inside its document and a citation’s text is the source in its span', () => holds(documentProperty));
  it('the treaty parser keeps articles, paragraphs and items inside the document', () => holds(treatyProperty));
  it('a workspace edited through setDocument answers as a fresh index of the final texts', () => holds(incrementalProperty, Math.ceil(RUNS / 2)));
  it('prose without citations produces no citations and no diagnostics', () => holds(quietProperty));
  it('any .treaty-annotator.json is read without an exception into a configuration that compiles and keeps its bounds', () => holds(configProperty, RUNS * 5));
  it('the server answers random edits and requests on any document with ranges inside it, never an internal error', () => holds(serverProperty));
});
