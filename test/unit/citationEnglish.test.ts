import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanEnglish } from '../../server/src/core/citation/english';
import { toRoman } from '../../server/src/core/text/numerals';
import type { CitationSyntax } from '../../server/src/core/types';
import { MASK_CHARACTER } from '../../server/src/core/types';
import {
  expectWellFormed,
  levels,
  number,
  prose,
  scanMarked,
  spanAndNumbers,
  treaty,
  type Scanned,
} from './citationTestKit';

// The English citation grammar, one form per test. Fixtures mark each expected citation span with ^^^ under it
// (a line of spaces and ^ runs under a text line marks each run; several per line allowed; the line is removed).

const scan = (source: string, options = prose): Scanned => scanMarked(scanEnglish, source, options);
const article = number;
const level = number;

describe('English article citations', () => {
  it('reads "Article 5" and marks exactly its words', () => {
    const { spans, marked, citations } = scan(`
      For the purpose of Article 5, an armed attack is deemed to include
                         ^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(levels(citations[0]!)).toEqual({ article: article('5'), paragraph: null, item: null });
    expect(citations[0]!.language).toBe('en');
    expect(citations[0]!.kind).toBe('explicit');
  });

  it('reads the abbreviation "Art." and lower-case "art."', () => {
    const { spans, marked, citations } = scan(`
      See Art. 5 and compare art. 6 with Art 7.
          ^^^^^^             ^^^^^^      ^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.article)).toEqual([article('5'), article('6'), article('7')]);
  });

  it('reads lower-case "article" with a number', () => {
    const { citations } = scan('pursuant to article 102 of the Charter of the United Nations.');
    expect(citations[0]!.article).toEqual(article('102'));
  });

  it('converts Roman numerals after "Article" and "ARTICLE" to Arabic', () => {
    const { spans, marked, citations } = scan(`
      Article IV of this Treaty and (ARTICLE V) and Article XIV.
      ^^^^^^^^^^^^^^^^^^^^^^^^^      ^^^^^^^^^      ^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.article)).toEqual([article('4'), article('5'), article('14')]);
  });

  it('joins a Latin branch suffix with an underscore: "Article 7 bis" is 7_bis', () => {
    const { spans, marked, citations } = scan(`
      Article 7 bis and Article 12ter were added.
      ^^^^^^^^^^^^^     ^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.article)).toEqual([article('7_bis'), article('12_ter')]);
  });
});

describe('English paragraph and item levels', () => {
  it('reads a parenthesised paragraph: "Art. 5(1)" and "Art. 2(4)"', () => {
    const { spans, marked, citations } = scan(`
      Under Art. 5(1), the Parties agree; see also Art. 2(4).
            ^^^^^^^^^                              ^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map(levels)).toEqual([
      { article: article('5'), paragraph: level('1'), item: null },
      { article: article('2'), paragraph: level('4'), item: null },
    ]);
  });

  it('reads item and sub-item brackets after the paragraph: "Article 5(1)(a)(ii)"', () => {
    const { citations } = scan('as Article 5(1)(a)(ii) requires');
    expect(levels(citations[0]!)).toEqual({ article: article('5'), paragraph: level('1'), item: level('a'), subitem: 'ii' });
  });

  it('reads the dotted notation "Article 27.3" as article 27, paragraph 3', () => {
    const { spans, marked, citations } = scan(`
      the right of veto (Article 27.3) makes it an oligarchy
                         ^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(levels(citations[0]!)).toEqual({ article: article('27'), paragraph: level('3'), item: null });
  });

  it('does not take a section number such as "Article 5.1.2" for a paragraph', () => {
    const { citations } = scan('see Article 5.1.2 of the guide');
    expect(citations[0]!.paragraph).toBeNull();
  });

  it('reads "Article 6, paragraph 2"', () => {
    const { spans, marked, citations } = scan(`
      in accordance with Article 35, paragraph 2, and, except as provided in Article 12, may
                         ^^^^^^^^^^^^^^^^^^^^^^^                             ^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(levels(citations[0]!)).toEqual({ article: article('35'), paragraph: level('2'), item: null });
  });

  it('reads the inverted order "paragraph 2 of Article 6"', () => {
    const { spans, marked, citations } = scan(`
      Article 6, paragraph 2 and paragraph 2 of Article 6 mean the same provision.
      ^^^^^^^^^^^^^^^^^^^^^^     ^^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map(levels)).toEqual([
      { article: article('6'), paragraph: level('2'), item: null },
      { article: article('6'), paragraph: level('2'), item: null },
    ]);
  });

  it('reads "paragraph 1 (c) of Article 86" with its item', () => {
    const { spans, marked, citations } = scan(`
      in accordance with paragraph 1 (c) of Article 86, the admission
                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(levels(citations[0]!)).toEqual({ article: article('86'), paragraph: level('1'), item: level('c') });
  });

  it('reads "Sub-paragraph (a) of paragraph 2 of Article III"', () => {
    const { spans, marked, citations } = scan(`
      Sub-paragraph (a) of paragraph 2 of Article III requires safeguards.
      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(levels(citations[0]!)).toEqual({ article: article('3'), paragraph: level('2'), item: level('a') });
  });

  it('reads "Paragraph 4 of Article 2 of the Charter" with the Charter as its qualifier', () => {
    const { spans, marked, citations } = scan(`
      Paragraph 4 of Article 2 of the Charter prohibits the threat or use of force.
      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations[0]!.qualifier).toMatchObject({ kind: 'name', name: 'Charter' });
  });
});

describe('English lists and ranges', () => {
  it('makes one citation per member of "Articles 3 and 5", the second pointing back to the first', () => {
    const { spans, marked, citations } = scan(`
      for the implementation of Articles 3 and 5.
                                ^^^^^^^^^^     ^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.article)).toEqual([article('3'), article('5')]);
    expect(citations.map((citation) => citation.seriesPrevious)).toEqual([null, 0]);
    expect(citations.map((citation) => citation.kind)).toEqual(['list', 'list']);
  });

  it('reads comma lists with an Oxford comma: "Articles 77, 79, and 81"', () => {
    const { spans, marked, citations } = scan(`
      agreements made under Articles 77, 79, and 81, placing each territory
                            ^^^^^^^^^^^  ^^      ^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.seriesPrevious)).toEqual([null, 0, 1]);
  });

  it('does not read a number after a comma as a member when the word is singular', () => {
    const { spans } = scan('Article 5, 10 States have invoked it.');
    expect(spans).toEqual(['Article 5']);
  });

  it('marks both ends of "Articles 10 to 13", "Articles 10-13" and "Articles 10–13" as a range', () => {
    const { spans, marked, citations } = scan(`
      Articles 10 to 13 govern accession; Articles 10-13 and Articles 10 – 13 are cited together.
      ^^^^^^^^^^^    ^^                   ^^^^^^^^^^^ ^^     ^^^^^^^^^^^   ^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.rangeRole)).toEqual(['from', 'to', 'from', 'to', 'from', 'to']);
    expect(citations.map((citation) => citation.seriesPrevious)).toEqual([null, 0, null, 2, null, 4]);
    expect(citations.map((citation) => citation.kind)).toEqual(['range', 'range', 'range', 'range', 'range', 'range']);
  });

  it('gives every member of "Articles I and II of this Treaty" the qualifier written after the last', () => {
    const { spans, marked, citations } = scan(`
      in conformity with Articles I and II of this Treaty.
                         ^^^^^^^^^^     ^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.article)).toEqual([article('1'), article('2')]);
    expect(citations.map((citation) => citation.qualifier?.kind)).toEqual(['this', 'this']);
  });

  it('continues a paragraph in brackets: "Article 5(1) and (2)"', () => {
    const { spans, marked, citations } = scan(`
      Article 5(1) and (2) apply.
      ^^^^^^^^^^^^     ^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map(levels)).toEqual([
      { article: article('5'), paragraph: level('1'), item: null },
      { article: article('5'), paragraph: level('2'), item: null },
    ]);
  });

  it('gives "paragraphs 1 and 2 of this Article" the article written after the last member', () => {
    const { spans, marked, citations } = scan(`
      the application of paragraphs 1 and 2 of this Article or may propose
                         ^^^^^^^^^^^^     ^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map(levels)).toEqual([
      { article: { kind: 'this' }, paragraph: level('1'), item: null },
      { article: { kind: 'this' }, paragraph: level('2'), item: null },
    ]);
  });

  it('reads "Article 6, paragraphs 1 and 2" at paragraph level', () => {
    const { citations } = scan('Article 6, paragraphs 1 and 2 apply.');
    expect(citations.map(levels)).toEqual([
      { article: article('6'), paragraph: level('1'), item: null },
      { article: article('6'), paragraph: level('2'), item: null },
    ]);
  });
});

describe('English anaphora and self-references', () => {
  it('reads "that Article" as the same article', () => {
    const { spans, marked, citations } = scan(`
      referred to in Article 33 fail to settle it by the means indicated in that Article, they shall
                     ^^^^^^^^^^                                             ^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations[1]!.article).toEqual({ kind: 'same' });
    expect(citations[1]!.kind).toBe('same-article');
  });

  it('reads "this Article" and "This Article" as the article the sentence is in', () => {
    const { spans, marked, citations } = scan(`
      This Article in no way impairs the safeguards required by this Article.
      ^^^^^^^^^^^^                                              ^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.article)).toEqual([{ kind: 'this' }, { kind: 'this' }]);
  });

  it('reads "The preceding Article" with its article, as the previous article', () => {
    const { spans, marked, citations } = scan(`
      The preceding Article and Article 7 bis were added by the 2010 amendment.
      ^^^^^^^^^^^^^^^^^^^^^     ^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations[0]!.article).toEqual({ kind: 'previous', count: 1 });
  });

  it('reads "paragraph 3 of this Article" as paragraph 3 of the current article', () => {
    const { spans, marked, citations } = scan(`
      before its entry into force in accordance with paragraph 3 of this Article may accede
                                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(levels(citations[0]!)).toEqual({ article: { kind: 'this' }, paragraph: level('3'), item: null });
    expect(citations[0]!.kind).toBe('this-article');
  });

  it('reads "paragraph 1 (b) above" as a paragraph and item of the current article', () => {
    const { spans, marked, citations } = scan(`
      with respect to matters mentioned in paragraph 1 (b) above are set forth in Chapters IX and X.
                                           ^^^^^^^^^^^^^^^^^^^^^                  ^^^^^^^^^^^     ^
    `);
    expect(spans).toEqual(marked);
    expect(levels(citations[0]!)).toEqual({ article: { kind: 'this' }, paragraph: level('1'), item: level('b') });
  });

  it('leaves "In paragraph 2 above" to the analysis: an analysis paragraph, not a treaty one', () => {
    expect(scan('In paragraph 2 above, we summarised the debate.').citations).toEqual([]);
  });

  it('reads the preamble as a structural citation', () => {
    const { spans, marked, citations } = scan(`
      the purposes of the Preamble and the preamble of the North Atlantic Treaty
                          ^^^^^^^^         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => [citation.preamble, citation.article])).toEqual([[true, null], [true, null]]);
    expect(citations[1]!.qualifier).toMatchObject({ kind: 'name', name: 'North Atlantic Treaty' });
  });

  it('reads "Annex I" as an annex, and chapters with their numbers', () => {
    const { spans, marked, citations } = scan(`
      Annex I lists the Parties; the Council acts under Chapter VII and Chapters IX and X.
      ^^^^^^^                                           ^^^^^^^^^^^     ^^^^^^^^^^^     ^
    `);
    expect(spans).toEqual(marked);
    expect(citations[0]!).toMatchObject({ annex: 'I', article: null, kind: 'annex' });
    expect(citations.slice(1).map((citation) => [citation.kind, citation.division?.chapter])).toEqual([
      ['chapter', '7'],
      ['chapter-list', '9'],
      ['chapter-list', '10'],
    ]);
  });

  it('reads an Arabic chapter number only with the treaty named after it', () => {
    const { spans, marked, citations } = scan(`
      Chapter 7 of the Charter of the United Nations, unlike Chapter 11 bankruptcy.
      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations[0]!).toMatchObject({ kind: 'chapter', division: { chapter: '7', section: null }, qualifier: { kind: 'name', name: 'Charter of the United Nations' } });
  });
});

describe('English qualifiers', () => {
  it('attaches "of the North Atlantic Treaty" to the span and names the treaty', () => {
    const { spans, marked, citations } = scan(`
      Article 5 of the North Atlantic Treaty was invoked for the first time after 11 September 2001.
      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    const qualifier = citations[0]!.qualifier!;
    expect(qualifier).toMatchObject({ kind: 'name', name: 'North Atlantic Treaty' });
    expect(qualifier.span).toEqual({ start: 17, end: 38 });
  });

  it('reads a long name with "of the": "Article 51 of the Charter of the United Nations"', () => {
    const { spans, marked, citations } = scan(`
      self-defence recognised by Article 51 of the Charter of the United Nations, will assist
                                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations[0]!.qualifier).toMatchObject({ kind: 'name', name: 'Charter of the United Nations' });
  });

  it('reads a name broken by a line break and normalises its spaces', () => {
    const text = 'Article 5 of the North\nAtlantic Treaty applies.';
    const { citations } = scanEnglish(text, prose);
    expect(citations[0]!.span).toEqual({ start: 0, end: text.indexOf(' applies') });
    expect(citations[0]!.qualifier).toMatchObject({ kind: 'name', name: 'North Atlantic Treaty' });
  });

  it('reads a name written before the citation: "NATO Art. 5", "UN Charter Article 51", "the Treaty\'s Article 4"', () => {
    const { spans, marked, citations } = scan(`
      NATO Art. 5's "armed attack", UN Charter Article 51 and the North Atlantic Treaty's Article 4.
      ^^^^^^^^^^^                   ^^^^^^^^^^^^^^^^^^^^^         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.qualifier?.kind === 'name' && citation.qualifier.name)).toEqual([
      'NATO',
      'UN Charter',
      'North Atlantic Treaty',
    ]);
  });

  it('does not take a heading on the line above for a name', () => {
    expect(scan('# NATO\nArticle 5 binds the Parties.').citations[0]!.qualifier).toBeNull();
  });

  it('does not take a sentence opener for a name: "Under Article 5"', () => {
    const { citations } = scan('Under Article 5, an attack on one is an attack on all. See Article 6.');
    expect(citations.map((citation) => citation.qualifier)).toEqual([null, null]);
  });

  it('reads "of this Treaty" and "of the present Charter" as the document itself', () => {
    const { citations } = scan('Article IV of this Treaty and Article 1 of the present Charter');
    expect(citations.map((citation) => citation.qualifier?.kind)).toEqual(['this', 'this']);
  });

  it('scopes "paragraph 5 of that Declaration" to the declaration, not to the document', () => {
    const { spans, marked, citations } = scan(`
      in accordance with the provisions of paragraph 5 of that Declaration, consult with one another
                                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations[0]!.qualifier).toMatchObject({ kind: 'same', word: 'that Declaration' });
    expect(citations[0]!.article).toBeNull();
  });

  it('reads "of the said Treaty" as the instrument named before', () => {
    const { citations } = scan('Article 3 of the said Treaty');
    expect(citations[0]!.qualifier).toMatchObject({ kind: 'same', word: 'the said Treaty' });
  });

  it('stops a name before "and" that starts another instrument', () => {
    const { citations } = scan('Article 2 of the Charter and the Statute of the Court');
    expect(citations[0]!.qualifier).toMatchObject({ kind: 'name', name: 'Charter' });
  });
});

describe('English text that is not a citation', () => {
  const negatives = [
    'The article argues that NATO enlargement was a mistake.',
    'She packed five articles of clothing.',
    'In this article we look at the alliance.',
    'The S-400 and F-35 programmes are incompatible.',
    'UN Security Council Resolution 2231 endorsed the JCPOA.',
    'The company filed for Chapter 11 bankruptcy.',
    'The Minsk Protocol was signed in 2014.',
    'World War II ended in 1945.',
    'The party went on to the 5th article.',
    'Art. 5th edition; article 1st.',
  ];
  it.each(negatives)('finds nothing in "%s"', (text) => {
    expect(scanEnglish(text, prose).citations).toEqual([]);
  });

  it('reads "articles 5" as a citation all the same: a number after the word makes it one', () => {
    expect(scan('Her articles 5 years ago were about art.').spans).toEqual(['articles 5']);
  });
});

describe('English treaty documents', () => {
  it('takes an article label alone on its line for a heading, not a citation', () => {
    const text = 'Article  5\n\nThe Parties agree, as Article 4 provides.\n\nARTICLE V\n\nArticle 6 — Scope\n';
    expect(scanEnglish(text, treaty).citations.map((citation) => text.slice(citation.span.start, citation.span.end))).toEqual([
      'Article 4',
    ]);
    // The same lines in an analysis are citations.
    expect(scanEnglish(text, prose).citations).toHaveLength(4);
  });

  it('agrees with the treaty parser on labels: a Markdown heading, a bracketed title, text after two spaces', () => {
    const text = '## Article 5 Collective defence\n\nArticle 6 (Scope)\n\nArticle 7  The Parties agree to Article 8.\n\nArticle 9 shall apply.\n';
    expect(scanEnglish(text, treaty).citations.map((citation) => text.slice(citation.span.start, citation.span.end))).toEqual([
      'Article 8',
      'Article 9',
    ]);
  });

  it('does not cite numbered paragraph and item labels', () => {
    const text = 'Article  2\n\n1. The Parties agree.\n2.  (a) source material, or (b) equipment.\n';
    expect(scanEnglish(text, treaty).citations).toEqual([]);
  });

  it('reads a bare "paragraph 3" inside a treaty as paragraph 3 of the current article', () => {
    const text = 'Subject to the provisions of paragraph 3, eighteen members shall be elected.';
    expect(scanEnglish(text, treaty).citations.map(levels)).toEqual([
      { article: { kind: 'this' }, paragraph: level('3'), item: null },
    ]);
    expect(scanEnglish(text, prose).citations).toEqual([]);
  });
});

describe('English instrument mentions and aliases', () => {
  it('marks "Under the North Atlantic Treaty, …" as the sentence topic', () => {
    const text = 'Under the North Atlantic Treaty, the Parties consult. They refer to the Charter of the United Nations.';
    const { mentions } = scanEnglish(text, prose);
    expect(mentions.map((mention) => [mention.name, mention.topic])).toEqual([
      ['North Atlantic Treaty', true],
      ['Charter of the United Nations', false],
    ]);
    expect(mentions[0]!.span).toEqual({ start: text.indexOf('North'), end: text.indexOf(',') });
  });

  it('marks "The Charter provides …" at a sentence start as the topic', () => {
    const { mentions } = scanEnglish('The Charter provides for collective measures.', prose);
    expect(mentions).toEqual([{ name: 'Charter', span: { start: 4, end: 11 }, topic: true }]);
  });

  it('reads a long instrument name as one mention', () => {
    const text = 'the Protocol to the North Atlantic Treaty on the Accession of Greece and Turkey amended Article 6.';
    expect(scanEnglish(text, prose).mentions.map((mention) => mention.name)).toEqual([
      'Protocol to the North Atlantic Treaty on the Accession of Greece and Turkey',
    ]);
  });

  it('does not take "this Treaty" or "that Declaration" for a mention', () => {
    expect(scanEnglish('Parties to this Treaty and to that Declaration agree.', prose).mentions).toEqual([]);
  });

  it('reports the names of qualifiers among the mentions', () => {
    expect(scanEnglish('NATO Art. 5 applies.', prose).mentions).toEqual([{ name: 'NATO', span: { start: 0, end: 4 }, topic: false }]);
  });

  it('reads alias definitions in brackets', () => {
    const text = 'the Treaty on the Non-Proliferation of Nuclear Weapons (NPT) and the North Atlantic Treaty (hereinafter "the Washington Treaty")';
    const { aliases } = scanEnglish(text, prose);
    expect(aliases.map((alias) => [alias.alias, alias.fullName])).toEqual([
      ['NPT', 'Treaty on the Non-Proliferation of Nuclear Weapons'],
      ['Washington Treaty', 'North Atlantic Treaty'],
    ]);
    expect(aliases[0]!.span).toEqual({ start: text.indexOf('Treaty on'), end: text.indexOf(' and the North') });
  });
});

describe('English robustness', () => {
  it('lets masked text break a citation', () => {
    expect(scanEnglish(`Article ${MASK_CHARACTER}5`, prose).citations).toEqual([]);
    const { citations } = scanEnglish(`Article 5 of the ${MASK_CHARACTER} Treaty`, prose);
    expect(citations.map((citation) => [citation.span, citation.qualifier])).toEqual([[{ start: 0, end: 9 }, null]]);
    expect(scanEnglish(`Articles 3 and ${MASK_CHARACTER}5`, prose).citations).toHaveLength(1);
  });

  it('keeps UTF-16 offsets across BOM, CRLF, CR and surrogate pairs', () => {
    const text = '\uFEFF😀 see\r\nArticle 5\rand Article\r\n6 of the North\r\nAtlantic Treaty';
    const { citations } = scanEnglish(text, prose);
    expect(citations.map((citation) => text.slice(citation.span.start, citation.span.end))).toEqual([
      'Article 5',
      'Article\r\n6 of the North\r\nAtlantic Treaty',
    ]);
  });

  it('never throws and returns well-formed results on any input', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
      fc.constantFrom('Article', 'Articles', 'Art.', 'ARTICLE', 'paragraph', 'Sub-paragraph', 'Preamble', 'Annex', ' ', '  ',
        '\n', '\r\n', '\r', '5', '12', 'IV', '(1)', '(a)', '(ii)', ' and ', ', ', ' to ', '-', '–', 'of', 'the', 'this', 'that',
        'North Atlantic Treaty', 'Charter', "'s", '.', 'bis', '\u0000', '\uD800', '\uDC00', MASK_CHARACTER, 'NATO', 'above'),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }).map((parts) => parts.join('')), fc.boolean(), (text, treatyDocument) => {
        expectWellFormed(text, scanEnglish(text, { treatyDocument }));
      }),
      { numRuns: 1500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Generated citations embedded in random prose
// ---------------------------------------------------------------------------------------------

/** Lower-case prose words that are neither trigger words nor connectors. */
const WORDS = ['parties', 'agree', 'armed', 'attack', 'shall', 'be', 'considered', 'against', 'them', 'all', 'security',
  'measures', 'taken', 'report', 'council', 'immediately', 'consult', 'whenever', 'threatened', 'territorial'];

interface Expected {
  readonly start: number;
  readonly end: number;
  readonly article: string;
  readonly paragraph: string | null;
  readonly rangeRole: 'from' | 'to' | null;
}

interface Generated {
  readonly text: string;
  readonly expected: Expected[];
  readonly qualified: boolean;
}

const space = fc.constantFrom(' ', ' ', ' ', '\n', '  ', '\r\n');

const numeral = fc.record({ value: fc.integer({ min: 1, max: 399 }), roman: fc.boolean() });

const citationArbitrary = fc.record({
  form: fc.constantFrom('single', 'abbrev', 'paren', 'comma-paragraph', 'inverted', 'list', 'range', 'dash-range'),
  first: numeral,
  others: fc.array(fc.integer({ min: 1, max: 399 }), { minLength: 1, maxLength: 4 }),
  paragraph: fc.integer({ min: 1, max: 12 }),
  gap: space,
  qualified: fc.boolean(),
  before: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }),
  after: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }),
});

type Spec = typeof citationArbitrary extends fc.Arbitrary<infer T> ? T : never;

function generate(spec: Spec): Generated {
  const show = (value: number): string => (spec.first.roman ? toRoman(value) : String(value));
  const prefix = `${spec.before.join(' ')} `;
  let body = '';
  const expected: Expected[] = [];
  const add = (text: string, article: number, paragraph: number | null, rangeRole: Expected['rangeRole'], markFrom = 0, markTo = text.length): void => {
    const start = prefix.length + body.length;
    expected.push({ start: start + markFrom, end: start + markTo, article: String(article), paragraph: paragraph === null ? null : String(paragraph), rangeRole });
    body += text;
  };
  const a = spec.first.value;
  const g = spec.gap;
  switch (spec.form) {
    case 'single':
      add(`Article${g}${show(a)}`, a, null, null);
      break;
    case 'abbrev':
      add(`Art.${g}${show(a)}`, a, null, null);
      break;
    case 'paren':
      add(`Article${g}${show(a)}(${spec.paragraph})`, a, spec.paragraph, null);
      break;
    case 'comma-paragraph':
      add(`Article ${show(a)},${g}paragraph ${spec.paragraph}`, a, spec.paragraph, null);
      break;
    case 'inverted':
      add(`paragraph ${spec.paragraph} of${g}Article ${show(a)}`, a, spec.paragraph, null);
      break;
    case 'list': {
      const numbers = [a, ...spec.others];
      numbers.forEach((value, index) => {
        const last = index === numbers.length - 1;
        const text = index === 0 ? `Articles${g}${show(value)}` : show(value);
        add(text, value, null, null);
        if (!last) body += index === numbers.length - 2 ? `${g}and ` : ', ';
      });
      break;
    }
    case 'range':
    case 'dash-range': {
      const to = spec.others[0]!;
      add(`Articles${g}${show(a)}`, a, null, 'from');
      body += spec.form === 'range' ? `${g}to${g}` : '–';
      add(show(to), to, null, 'to');
      break;
    }
  }
  if (spec.qualified) {
    body += `${g}of the North${g}Atlantic Treaty`;
    const last = expected[expected.length - 1]!;
    expected[expected.length - 1] = { ...last, end: prefix.length + body.length };
  }
  return { text: `${prefix}${body} ${spec.after.join(' ')}.`, expected, qualified: spec.qualified };
}

describe('English citations generated into random prose', () => {
  it('are found with their numbers, roles and exact spans', () => {
    fc.assert(
      fc.property(citationArbitrary, (spec) => {
        const { text, expected, qualified } = generate(spec);
        const { citations } = scanEnglish(text, prose);
        expect(citations.map((citation) => ({ ...spanAndNumbers(citation), rangeRole: citation.rangeRole }))).toEqual(expected);
        citations.forEach((citation, index) => expect(citation.seriesPrevious).toBe(index === 0 ? null : index - 1));
        for (const citation of citations) {
          expect(citation.qualifier?.kind === 'name' ? citation.qualifier.name : null).toBe(qualified ? 'North Atlantic Treaty' : null);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The real treaty texts
// ---------------------------------------------------------------------------------------------

const treaties = path.resolve(__dirname, '../data/corpus/treaties');
const load = (file: string): string => readFileSync(path.join(treaties, file), 'utf8');

function find(text: string, citations: readonly CitationSyntax[], written: string): CitationSyntax {
  const found = citations.find((citation) => text.slice(citation.span.start, citation.span.end) === written);
  if (found === undefined) throw new Error(`no citation reads "${written}"`);
  return found;
}

describe('English treaty texts of the corpus (test/data/corpus)', () => {
  const documents = ['north-atlantic-treaty.en.txt', 'un-charter.en.txt', 'npt.en.txt'].map((file) => {
    const text = load(file);
    return { file, text, citations: scanEnglish(text, treaty).citations };
  });
  const [nat, charter, npt] = documents as [typeof documents[number], typeof documents[number], typeof documents[number]];

  it('finds the North Atlantic Treaty\'s reference to "Article 51 of the Charter of the United Nations"', () => {
    const citation = find(nat.text, nat.citations, 'Article 51 of the Charter of the United Nations');
    expect(citation.qualifier).toMatchObject({ kind: 'name', name: 'Charter of the United Nations' });
    expect(find(nat.text, nat.citations, 'Articles 3').article).toEqual(article('3'));
  });

  it('finds the Charter\'s inner references, anaphora included', () => {
    expect(levels(find(charter.text, charter.citations, 'paragraph 1 (c) of Article 86'))).toEqual({
      article: article('86'), paragraph: level('1'), item: level('c'),
    });
    expect(find(charter.text, charter.citations, 'that Article').article).toEqual({ kind: 'same' });
    expect(find(charter.text, charter.citations, 'Paragraph 1 of this Article').article).toEqual({ kind: 'this' });
    expect(find(charter.text, charter.citations, 'Article 1 of the present Charter').qualifier?.kind).toBe('this');
    expect(find(charter.text, charter.citations, 'paragraph 5 of that Declaration').qualifier?.kind).toBe('same');
  });

  it('finds the NPT\'s "Articles I and II of this Treaty" and "paragraph 3 of this Article"', () => {
    expect(find(npt.text, npt.citations, 'II of this Treaty').article).toEqual(article('2'));
    expect(levels(find(npt.text, npt.citations, 'paragraph 3 of this Article'))).toEqual({
      article: { kind: 'this' }, paragraph: level('3'), item: null,
    });
  });

  it('cites no heading: no citation starts a line that is only an article label', () => {
    for (const { text, citations } of documents) {
      for (const citation of citations) {
        const lineStart = text.lastIndexOf('\n', citation.span.start - 1) + 1;
        const lineEnd = text.indexOf('\n', citation.span.start);
        expect(text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd)).not.toMatch(/^(?:Article|ARTICLE)\s+[0-9IVXLC]+\s*$/);
      }
    }
  });

  it('finds every provision word outside the headings: 4, 73 and 14 citations', () => {
    // Counted from the texts: each Article/paragraph/Preamble word not in a heading line is in exactly one citation
    // (lists and ranges give one citation per member); the Charter adds 13 chapters (`under Chapter VII`,
    // `Chapters VI, VII, VIII, and XII`), its `CHAPTER VII` heading lines none.
    expect(documents.map(({ citations }) => citations.length)).toEqual([4, 73, 14]);
    for (const { text, citations } of documents) {
      for (const match of text.matchAll(/\b(?:Articles?|paragraphs?|Preamble)\b/gi)) {
        const heading = /^(?:Article|ARTICLE)\s+[0-9IVXLC]+\s*$/.test(text.slice(match.index, text.indexOf('\n', match.index)));
        const atLineStart = match.index === 0 || text[match.index - 1] === '\n';
        const covered = citations.some((citation) => citation.span.start <= match.index && match.index < citation.span.end);
        expect(covered).toBe(!(heading && atLineStart));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Speed (the machine is shared, so bounds are generous; linearity is checked by the ratio of two sizes)
// ---------------------------------------------------------------------------------------------


