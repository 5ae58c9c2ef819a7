// What the facts codec tests compare: a document's facts as read, and the same facts encoded and decoded.
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { analyzeDocument, type DocumentFacts } from '../../server/src/core/document';
import { decodeFacts, encodeFacts } from '../../server/src/core/factsCodec';

/** What a comparison can see: the line index by its line starts, the reading without its serial number. */
export function comparable(facts: DocumentFacts): unknown {
  return { ...facts, lineIndex: facts.lineIndex.lineStarts, reading: { ...facts.reading, serial: 0 } };
}

export function roundTrip(uri: string, text: string): { read: DocumentFacts; decoded: DocumentFacts } {
  const read = analyzeDocument(uri, text, DEFAULT_CONFIG);
  return { read, decoded: decodeFacts(uri, text, encodeFacts(read), DEFAULT_CONFIG) };
}
