// Facts cross from a worker thread (or a cache file) as encoded arrays: decoding must give back exactly what
// reading the document gives, on the text shapes where offsets go wrong (the corpus's real texts: test/corpus),
// and must refuse encoded data that does not hold together rather than return something half right.

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { analyzeDocument, type DocumentFacts } from '../../server/src/core/document';
import { decodeFacts, encodedLines, encodeFacts } from '../../server/src/core/factsCodec';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { comparable, roundTrip } from './factsCodecKit';

const ANALYSIS = `---
cites: nat
---
# 分析 🇯🇵

北大西洋条約第5条第1項及び第6条は「締約国は、」と定める。同条第2項も見よ。

安保理決議第678号は武力の行使を容認した。同決議第2項がそれである。世界人権宣言第3条と同宣言第5条も参照。

<!-- cites: un -->
Article 51 of the Charter, and Articles 2(4) and 𝟓 ("the 𝒮ecurity Council").

\`\`\`
第99条 in code is not a citation
\`\`\`

<!-- treaty-check-disable-next-line unknown-article -->
第１２０条は存在しない。
`;

const TREATY = `---
treaty: nat
title: 北大西洋条約
short: NATO条約
aliases: [北大西洋同盟条約]
---
# 北大西洋条約

前文

## 第一章 総則

### 第5条（集団防衛）

締約国は、次に掲げる事項に合意する。

一 武力攻撃
　イ 本土への攻撃
　ロ 船舶への攻撃
二 集団的自衛権

２ 前項の措置は、直ちに報告する。

### 第6条

第5条の適用上、…

附則

第1条 この条約は、批准の日から効力を生ずる。
`;

describe('facts encoded and decoded', () => {
  for (const [name, text] of Object.entries({
    'an analysis with surrogate pairs, comments, code and a suppression': ANALYSIS,
    'the same with CRLF line ends': ANALYSIS.replace(/\n/g, '\r\n'),
    'the same after a byte order mark': `\uFEFF${ANALYSIS}`,
    'the same with lone carriage returns': ANALYSIS.replace(/\n/g, '\r'),
    'a treaty with chapters, items, sub-items and 附則': TREATY,
    'an empty document': '',
    'a document of one masked character and nothing else': '\uFFFC',
  })) {
    it(`are the facts read: ${name}`, () => {
      const { read, decoded } = roundTrip('file:///doc.md', text);
      expect(comparable(decoded)).toEqual(comparable(read));
      // Strictly: a field the reader left out (a mention's genre) is left out, not undefined.
      expect(decoded.scan).toStrictEqual(read.scan);
    });
  }

  it('keep the genre of an instrument the text names (a resolution, a declaration)', () => {
    const { read, decoded } = roundTrip('file:///doc.md', ANALYSIS);
    const genres = (facts: DocumentFacts) => [...facts.scan.mentions.map((mention) => mention.genre), ...facts.scan.citations.map((citation) => (citation.qualifier?.kind === 'same' ? citation.qualifier.genre : undefined))];
    expect(genres(read).filter((genre) => genre !== undefined).length).toBeGreaterThan(0);
    expect(genres(decoded)).toEqual(genres(read));
  });

  it('let the next edit be read around the change, as the facts read do', () => {
    const text = '# 分析\n\n北大西洋条約第5条は重要である。\n\n同条第2項も見よ。\n\n第6条も。\n';
    const { read, decoded } = roundTrip('file:///doc.md', text);
    const edited = text.replace('同条第2項', '同条第3項');
    const afterRead = analyzeDocument('file:///doc.md', edited, DEFAULT_CONFIG, read);
    const afterDecoded = analyzeDocument('file:///doc.md', edited, DEFAULT_CONFIG, decoded);
    expect(afterDecoded.reading.edit).toMatchObject({ start: afterRead.reading.edit!.start, end: afterRead.reading.edit!.end });
    expect(afterDecoded.scan).toEqual(afterRead.scan);
    expect(afterDecoded.reading.structure).toEqual(afterRead.reading.structure);
  });

  it('take the configuration of the receiver, so that a later edit knows it was read with the same languages', () => {
    const config = { ...DEFAULT_CONFIG, languages: [...DEFAULT_CONFIG.languages] };
    const decoded = decodeFacts('file:///doc.md', ANALYSIS, encodeFacts(analyzeDocument('file:///doc.md', ANALYSIS, config)), config);
    expect(decoded.languages).toBe(config.languages);
  });

  it('share the article and paragraph numbers that recur, across documents: one object for every 第5条', () => {
    const first = roundTrip('file:///a.md', '北大西洋条約第5条を見よ。第5条第2項も。').decoded.scan.citations;
    const second = roundTrip('file:///b.md', '同条約第5条、第6条。').decoded.scan.citations;
    expect(first.map((citation) => citation.article)).toEqual([{ kind: 'number', value: '5' }, { kind: 'number', value: '5' }]);
    expect(first[1]!.article).toBe(first[0]!.article);
    expect(second[0]!.article).toBe(first[0]!.article);
    expect(second[1]!.article).not.toBe(first[0]!.article);
  });
});

describe('the lines of encoded facts', () => {
  it('are read from their front alone: the line index of a text not read yet places offsets as the text does', () => {
    const text = `${ANALYSIS}\r\nCRLF 第5条\r\n\rlone CR, 𠮷 and full-width ５\n`;
    const { length, lineStarts } = encodedLines(encodeFacts(analyzeDocument('file:///doc.md', text, DEFAULT_CONFIG)));
    const read = new LineIndex(text);
    expect({ length, lineStarts: Array.from(lineStarts) }).toEqual({ length: text.length, lineStarts: read.lineStarts });
    let reads = 0;
    const deferred = LineIndex.deferred(length, lineStarts, () => (reads++, text));
    for (let offset = 0; offset <= text.length + 1; offset++) expect(deferred.positionAt(offset)).toEqual(read.positionAt(offset));
    expect(reads).toBe(0);
    // A position past the end of a CRLF line needs the line break: the text is read, once.
    for (let line = 0; line < read.lineCount + 1; line++) {
      for (const character of [0, 3, 500]) expect(deferred.offsetAt({ line, character })).toBe(read.offsetAt({ line, character }));
    }
    expect(reads).toBe(1);
  });

  it('are refused when cut short', () => {
    const encoded = encodeFacts(analyzeDocument('file:///doc.md', ANALYSIS, DEFAULT_CONFIG));
    const tableLength = encoded.ints[0]!;
    for (const length of [0, 1, tableLength + 2, tableLength + 4]) expect(() => encodedLines({ ints: encoded.ints.slice(0, length), chars: encoded.chars })).toThrow();
  });
});

describe('encoded facts that do not hold together', () => {
  const encoded = encodeFacts(analyzeDocument('file:///doc.md', ANALYSIS, DEFAULT_CONFIG));

  it('are refused when cut short, whatever the cut', () => {
    for (const length of [0, 1, 2, Math.floor(encoded.ints.length / 2), encoded.ints.length - 1]) {
      expect(() => decodeFacts('file:///doc.md', ANALYSIS, { ints: encoded.ints.slice(0, length), chars: encoded.chars }, DEFAULT_CONFIG)).toThrow();
    }
  });

  it('are refused with a string table that does not match its text, or trailing data', () => {
    expect(() => decodeFacts('file:///doc.md', ANALYSIS, { ints: encoded.ints, chars: encoded.chars.slice(1) }, DEFAULT_CONFIG)).toThrow();
    const longer = new Int32Array(encoded.ints.length + 1);
    longer.set(encoded.ints);
    expect(() => decodeFacts('file:///doc.md', ANALYSIS, { ints: longer, chars: encoded.chars }, DEFAULT_CONFIG)).toThrow();
  });

  it('are refused for another text whose lines do not fit them, or of another length', () => {
    expect(() => decodeFacts('file:///doc.md', 'short', encoded, DEFAULT_CONFIG)).toThrow();
    expect(() => decodeFacts('file:///doc.md', `${ANALYSIS} `, encoded, DEFAULT_CONFIG)).toThrow('encoded facts of another text');
  });
});
