// Facts cross from a worker thread (or a cache file) as encoded arrays: on every real text of the corpus, as a
// treaty document and as plain text, decoding gives back exactly what reading the document gives.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparable, roundTrip } from '../unit/factsCodecKit';
import { CORPUS, asTreatyDocument, readCorpus } from './corpus';

describe('facts encoded and decoded', () => {
  it('are the facts read, for every text of the corpus', () => {
    const files = readdirSync(`${CORPUS}/treaties`).filter((file) => /\.(md|txt)$/.test(file));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = asTreatyDocument(`treaties/${file}`, file.replace(/\W/g, ''), file);
      const { read, decoded } = roundTrip(`file:///${file}`, text);
      expect(comparable(decoded), file).toEqual(comparable(read));
      const plain = roundTrip(`file:///plain/${file}`, readCorpus(`treaties/${file}`));
      expect(comparable(plain.decoded), file).toEqual(comparable(plain.read));
    }
  });

});
