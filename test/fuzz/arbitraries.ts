// The fuzzer's input generators (fast-check): Markdown, Japanese, Cyrillic and English prose full of citation
// fragments, hostile characters (lone surrogates, combining marks, NUL and other controls, BOM, every line break),
// long lines, deep nesting, and mutations of real documents. Shared by the quick property tests and `npm run fuzz`.

import fc from 'fast-check';

/** Pieces of the citation grammar in every language, as they appear in real analyses. */
export const CITATION_FRAGMENTS: readonly string[] = [
  '第6条第2項', '第二十三条', '第２条', '（第 9 条）', '第4条及び第5条', '第1条から第3条まで', '同条第2項', '同項', '前条', '前二項',
  '次条', '本条', '各号', '前各号', '第3号イ', 'ただし書', '後段', '附則第2条', '国連憲章第51条', '北大西洋条約第5条', '同条約第4条',
  '本協定第7条', '日米安保条約第五条第二項', '第六条の二', '第6条第1項第2号', '第１０条', '第十条第三項', '及び', '並びに', '又は',
  '若しくは', '、', '・', '～', '乃至', '第6\n\n項', '\n## 見出し第6', '\n\n項第3号',
  '2項', '（参照1章4項3）', '第Ⅱ部第3章2節', '安保理決議第1244号第9項', '同決議第3項', '日ソ共同宣言', '第四号の次のイ又はロ', 'それぞれイ',
  '第百四十九条（捜索調書）第一項', 'ＳＴＡＲＴⅡ条約', '地域づくりに関する法律',
  'Article 5', 'Article 5(1)', 'Articles 10 to 13', 'Article IV', 'Article 7 bis', 'Art. 3', 'paragraph 2 of Article 6',
  'Article 51 of the Charter', 'Article 5 of the North Atlantic Treaty', 'that Article', 'this Convention', 'sub-paragraph (a)',
  'Articles 1, 2 and 3', 'the Treaty', 'Annex I', 'Preamble',
  'статья 5', 'статьи 3', 'ст. 4', 'пункт 2 статьи 6', 'части 1 статьи 4', 'Договора', 'настоящего Договора', 'подпункт «а»',
  "l'article premier", 'articles 2 et 3', 'articles 10 à 13', 'paragraphe 2 de l’article 5', 'alinéa 1', ' de la Charte des Nations Unies',
  ' du présent Traité', ' dudit Traité', " de l'OTAN", 'Article premier', 'Chapitre II', ' de l’', ' du ',
];

/** Markdown syntax, including the constructs that mask text (front matter, code, comments). */
export const MARKDOWN_FRAGMENTS: readonly string[] = [
  '# ', '## ', '###### ', ' #', '---', '...', '```', '~~~', '`', '``', '    ', '\t', '> ', '- ', '* ', '1. ', '| a | b |', '|---|',
  '<!--', '-->', '<!-- cites: kaiyo-kyotei -->', '<!-- cites: harbor-convention -->', '<!-- treaty-check-disable-next-line -->',
  '<!-- treaty-check-disable unknown-article -->', '<!-- treaty-check-enable -->', '[link](x.md)', '**', '_', '\\', '<br>', '&amp;',
];

/** Prose around citations, in Japanese, English and Russian. */
export const PROSE_FRAGMENTS: readonly string[] = [
  'この協定は、', '締約国は、', 'の規定により', 'に基づく。', 'を参照。', '海洋協力協定は、', '「日ミ海洋協定」', '（以下「協定」という。）',
  '港湾の安全及び相互援助に関する条約', '条約', '協定', '法律', '。', '「', '」', '『', '』', '（', '）', '(', ')', '【', '】',
  'The Parties agree that ', 'Under the Convention, ', 'as provided in ', 'see ', '. ', ', ', ' and ', ' of the ',
  'Стороны договорились, что ', 'в соответствии с ', 'Договор о ', '. ',
];

/** Characters that break naive text handling. */
export const HOSTILE_FRAGMENTS: readonly string[] = [
  '\n', '\r\n', '\r', '\n\n', '\r\r\n', '\uFEFF', '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085',
  '\u2028', '\u2029', '\u00A0', '\u3000', '\u200B', '\u200D', '\uFFFC', '\uFFFD', '\uFFFF',
  '\uD800', '\uDFFF', '\uDBFF\uDBFF', '\uDC00\uD800', '😀', '𠮷', '👨‍👩‍👧', '🇯🇵',
  'e\u0301', '第\u0301', '\u0301', '\u3099', 'か\u3099', '\u20DD', '\u0336\u0336\u0336',
  '１２３', '〇', '零', '百', '千', '万', 'Ⅳ', 'ⅳ', '①', '⑳', '٣', '𝟓',
];

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CITATION_FRAGMENTS) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKDOWN_FRAGMENTS) },
  { weight: 3, arbitrary: fc.constantFrom(...PROSE_FRAGMENTS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
  { weight: 1, arbitrary: fc.nat(99_999).map(String) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

/** A long line or deep nesting: one fragment repeated. */
const repeated = fc
  .tuple(fc.constantFrom('（', '「', '(', '[', '`', '> ', '- ', '#', ' ', '第', '及び', '0', '１', 'Article ', '<!--', '---\n', '```\n', '\r', '同', '条'), fc.integer({ min: 20, max: 3000 }))
  .map(([piece, count]) => piece.repeat(count));

const body = fc
  .array(fc.oneof({ weight: 30, arbitrary: fragment }, { weight: 1, arbitrary: repeated }), { maxLength: 60 })
  .map((parts) => parts.join(''));

const frontMatter = fc.oneof(
  fc.constant(''),
  fc.constant('---\ncites: kaiyo-kyotei\n---\n'),
  fc.constant('---\ncites: harbor-convention\nlang: en\n---\n'),
  fc.constant('---\ntreaty: fuzzed\ntitle: 架空条約\naliases: [架空]\n---\n'),
  fc.constant('---\n'),
  fc.constant('\uFEFF---\r\ncites: kaiyo-kyotei\r\n---\r\n'),
  fc.array(fragment, { maxLength: 8 }).map((parts) => `---\n${parts.join('')}\n---\n`),
);

/** A document of random fragments, sometimes with front matter. */
export const fuzzDocument: fc.Arbitrary<string> = fc.tuple(frontMatter, body).map(([head, text]) => head + text);

/** One edit of a document: replace `deleteCount` characters at a relative position with `insert`. */
export interface FuzzEdit {
  /** 0..1, scaled to the document's length when applied (so an edit always fits). */
  readonly at: number;
  readonly deleteCount: number;
  readonly insert: string;
}

export const fuzzEdit: fc.Arbitrary<FuzzEdit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  deleteCount: fc.oneof(fc.constant(0), fc.nat(4), fc.nat(200)),
  insert: fc.oneof(fc.constant(''), fragment, fc.array(fragment, { maxLength: 5 }).map((parts) => parts.join(''))),
});

/** Applies an edit; returns the new text and the replaced span (may split a surrogate pair or a CRLF: on purpose). */
export function applyEdit(text: string, edit: FuzzEdit): { text: string; start: number; end: number } {
  const start = Math.min(text.length, Math.floor(edit.at * (text.length + 1)));
  const end = Math.min(text.length, start + edit.deleteCount);
  return { text: text.slice(0, start) + edit.insert + text.slice(end), start, end };
}

/** A real document mutated by a few edits (inputs close to what users write). */
export function mutated(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(fuzzEdit, { maxLength: 8 }))
    .map(([seed, edits]) => edits.reduce((text, edit) => applyEdit(text, edit).text, seed));
}

/** Words that name no provision and no instrument: prose that must stay free of diagnostics. */
const QUIET_WORDS: readonly string[] = [
  'この', '報告書は', '海洋', '環境', 'について', '検討する。', '両国', 'の協力', 'は', 'が', 'を', '、', '。', '日本', '政府', '2024年',
  '3月', '5日', '１０人', '議論', '（注）', '「重要」', '※', '・', '一方で', '最後に', '第一に', '同時に', '前回', '次回', '本日', '各国',
  'The', 'report', 'discusses', 'maritime', 'cooperation', 'in', '2024', 'with', '5', 'examples', 'and', 'notes', 'on', 'harbors', '.',
  ',', 'See', 'page', '12',
  'Доклад', 'о', 'сотрудничестве', 'в', 'году', 'и', 'примеры', 'страница',
  ' ', '  ', '\n', '\n\n', '\r\n', '\r', '\t', '\u3000', '# ', '## ', '- ', '> ', '`code`', '<!-- note -->', '😀', 'e\u0301', '\uFEFF', '\u0000',
];

/** Prose without citations and without treaty names. */
export const quietDocument: fc.Arbitrary<string> = fc.array(fc.constantFrom(...QUIET_WORDS), { maxLength: 120 }).map((words) => words.join(''));
