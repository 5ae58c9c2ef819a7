import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanRussian } from '../../server/src/core/citation/russian';
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

// The Russian citation grammar, one form per test. Fixtures mark each expected citation span with ^^^ under it
// (a line of spaces and ^ runs under a text line marks each run; several per line allowed; the line is removed).

const scan = (source: string, options = prose): Scanned => scanMarked(scanRussian, source, options);

describe('Russian article citations', () => {
  it('reads every case form of the stem стат-', () => {
    const { spans, marked, citations } = scan(`
      Статья 4, статьи 5, статье 6, статью 7, статьей 8, статьёй 9 и со статьями 10.
      ^^^^^^^^  ^^^^^^^^  ^^^^^^^^  ^^^^^^^^  ^^^^^^^^^  ^^^^^^^^^      ^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.article)).toEqual(['4', '5', '6', '7', '8', '9', '10'].map(number));
    expect(citations[0]!.language).toBe('ru');
  });

  it('reads the abbreviation "ст." with or without a space', () => {
    const { spans, marked } = scan(`
      См. ст. 6 и ст.7.
          ^^^^^   ^^^^
    `);
    expect(spans).toEqual(marked);
  });

  it('reads an inserted article "статья 5.1" as 5_1', () => {
    expect(scan('статья 5.1 применяется').citations[0]!.article).toEqual(number('5_1'));
  });
});

describe('Russian paragraph and item levels', () => {
  it('reads "пункт 2 статьи 6", "п. 2 ст. 6" and the article-first "ст. 6 п. 2" alike', () => {
    const { spans, marked, citations } = scan(`
      См. ст. 6 п. 2 и пункт 2 статьи 6, а также п. 2 ст. 6.
          ^^^^^^^^^^   ^^^^^^^^^^^^^^^^          ^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    for (const citation of citations) expect(levels(citation)).toEqual({ article: number('6'), paragraph: number('2'), item: null });
  });

  it('reads часть as a paragraph: "ч. 1 ст. 51 Устава ООН"', () => {
    const { spans, marked, citations } = scan(`
      Согласно ч. 1 ст. 51 Устава ООН государство вправе защищаться.
               ^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(levels(citations[0]!)).toEqual({ article: number('51'), paragraph: number('1'), item: null });
    expect(citations[0]!.qualifier).toMatchObject({ kind: 'name', name: 'Устава ООН' });
  });

  it('reads ordinal words after абзац and часть', () => {
    const { spans, marked, citations } = scan(`
      Изложить абзац второй статьи 2 и часть третью статьи 4 в новой редакции.
               ^^^^^^^^^^^^^^^^^^^^^   ^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.paragraph)).toEqual([number('2'), number('3')]);
  });

  it('reads "подпункт «а» пункта 1 статьи 86" with a Cyrillic item letter', () => {
    const { spans, marked, citations } = scan(`
      Подпункт «а» пункта 1 статьи 86 Устава касается Совета по опеке.
      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(levels(citations[0]!)).toEqual({ article: number('86'), paragraph: number('1'), item: number('а') });
  });

  it('reads other item labels: пп. «в», подпункт а)', () => {
    const { citations } = scan('пп. «в» п. 1 ст. 86; подпункт а) пункта 1 статьи 2');
    expect(citations.map(levels)).toEqual([
      { article: number('86'), paragraph: number('1'), item: number('в') },
      { article: number('2'), paragraph: number('1'), item: number('а') },
    ]);
  });
});

describe('Russian lists and ranges', () => {
  it('makes one citation per member of "статьи 4 и 5"', () => {
    const { spans, marked, citations } = scan(`
      Статьи 4 и 5 Североатлантического договора часто сравнивают.
      ^^^^^^^^   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => [citation.article, citation.seriesPrevious, citation.kind])).toEqual([
      [number('4'), null, 'list'],
      [number('5'), 0, 'list'],
    ]);
    expect(citations.map((citation) => citation.qualifier)).toEqual([citations[1]!.qualifier, citations[1]!.qualifier]);
    expect(citations[1]!.qualifier).toMatchObject({ name: 'Североатлантического договора' });
  });

  it('reads comma lists: "статей 3, 4 и 5"', () => {
    expect(scan('статей 3, 4 и 5 Договора').citations.map((citation) => citation.article)).toEqual(['3', '4', '5'].map(number));
  });

  it('reads ranges with a dash and with "с … по"', () => {
    const { spans, marked, citations } = scan(`
      Статьи 3–5, статьи 10 — 13 и статьи с 20 по 22.
      ^^^^^^^^ ^  ^^^^^^^^^   ^^   ^^^^^^^^^^^    ^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.rangeRole)).toEqual(['from', 'to', 'from', 'to', 'from', 'to']);
  });

  it('gives "пункты 1 и 2 настоящей статьи" the article written after the last member', () => {
    const { spans, marked, citations } = scan(`
      пункты 1 и 2 настоящей статьи применяются
      ^^^^^^^^   ^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map(levels)).toEqual([
      { article: { kind: 'this' }, paragraph: number('1'), item: null },
      { article: { kind: 'this' }, paragraph: number('2'), item: null },
    ]);
  });
});

describe('Russian self-references and instruments', () => {
  it('reads "настоящей статьи" as this article', () => {
    const { spans, marked, citations } = scan(`
      О мерах, принятых на основании настоящей статьи, государства известят Совет Безопасности.
                                     ^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations[0]!.article).toEqual({ kind: 'this' });
    expect(citations[0]!.kind).toBe('this-article');
  });

  it('reads "предыдущей статьи" and "следующей статьи" as relative articles', () => {
    const { citations } = scan('положения предыдущей статьи и следующей статьи');
    expect(citations.map((citation) => citation.article)).toEqual([{ kind: 'previous', count: 1 }, { kind: 'next' }]);
  });

  it('leaves "В настоящей статье" and "Настоящая статья посвящена" to the analysis (the paper itself)', () => {
    const text = 'В настоящей статье рассматривается договор. Настоящая статья посвящена НАТО.';
    expect(scanRussian(text, prose).citations).toEqual([]);
    expect(scanRussian(text, treaty).citations).toHaveLength(2);
  });

  it('reads "настоящего Договора" as the document itself and "указанного Соглашения" as the one named before', () => {
    const { spans, marked, citations } = scan(`
      со статьей 9 настоящего Договора и статьёй 10 указанного Соглашения
         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.qualifier?.kind)).toEqual(['this', 'same']);
  });

  it('keeps a genitive name as written: "статьей 51 Устава ООН", "Договора о коллективной безопасности"', () => {
    const { citations } = scan('статьей 51 Устава ООН; Статья 4 Договора о коллективной безопасности предусматривает оборону.');
    expect(citations.map((citation) => citation.qualifier?.kind === 'name' && citation.qualifier.name)).toEqual([
      'Устава ООН',
      'Договора о коллективной безопасности',
    ]);
  });

  it('reads a preamble and an annex', () => {
    const { citations } = scan('преамбула Договора; приложение 2');
    expect(citations.map((citation) => [citation.preamble, citation.annex])).toEqual([[true, null], [false, '2']]);
  });

  it('finds instrument mentions, the topic and (далее — «…») aliases', () => {
    const text = 'Договор о дружбе, сотрудничестве и взаимной помощи (далее — «Договор») вступил в силу. Согласно Договору, стороны…';
    const { mentions, aliases } = scanRussian(text, prose);
    expect(mentions[0]!.name).toBe('Договор о дружбе, сотрудничестве и взаимной помощи');
    expect(mentions.find((mention) => mention.name === 'Договору')!.topic).toBe(true);
    expect(aliases.map((alias) => [alias.alias, alias.fullName])).toEqual([['Договор', 'Договор о дружбе, сотрудничестве и взаимной помощи']]);
  });
});

describe('Russian text that is not a citation', () => {
  const negatives = [
    'В своей статье в газете автор критикует НАТО.',
    'Поезд прибыл на ст. Лесная в 12 ч.',
    'Делегация посетила п. Пушкино.',
    'Федеральный закон от 3 апреля 2024 г. № 12-ФЗ ратифицировал договор.',
    'Встреча длилась 2 ч. 30 мин.',
    'пункт 5 повестки дня',
  ];
  it.each(negatives)('finds nothing in "%s"', (text) => {
    expect(scanRussian(text, prose).citations).toEqual([]);
  });
});

describe('Russian treaty documents', () => {
  it('takes "Статья 1" alone on its line, or before a title, for a heading', () => {
    const text = 'Статья 1\nСтороны согласно статье 5 обязуются.\n\nСтатья 2. Название\nСтатьи 3–5 применяются.\n';
    expect(scanRussian(text, treaty).citations.map((citation) => text.slice(citation.span.start, citation.span.end))).toEqual([
      'статье 5',
      'Статьи 3',
      '5',
    ]);
  });

  it('reads a bare "пункт 3" inside a treaty as this article\'s, but never "п. 3"', () => {
    expect(scanRussian('в соответствии с пунктом 3 и п. 4', treaty).citations.map(levels)).toEqual([
      { article: { kind: 'this' }, paragraph: number('3'), item: null },
    ]);
  });
});

describe('Russian robustness', () => {
  it('lets masked text break a citation', () => {
    expect(scanRussian(`статья ${MASK_CHARACTER}5`, prose).citations).toEqual([]);
    const text = `пункт 2 ${MASK_CHARACTER} статьи 6`;
    const { citations } = scanRussian(text, prose);
    expect(citations.map((citation) => [text.slice(citation.span.start, citation.span.end), citation.paragraph])).toEqual([['статьи 6', null]]);
  });

  it('never throws and returns well-formed results on any input', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
      fc.constantFrom('статья', 'статьи', 'ст.', 'пункт', 'п.', 'ч.', 'части', 'абзац', 'подпункт', 'пп.', 'преамбула',
        'приложение', ' ', '\n', '\r\n', '5', '12', 'IV', '«а»', 'а)', 'второй', ' и ', ', ', '–', '—', ' с ', ' по ',
        'настоящей', 'Договора', 'Устава', 'ООН', ' о ', 'безопасности', '(далее — «', '»)', '\uD800', MASK_CHARACTER),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }).map((parts) => parts.join('')), fc.boolean(), (text, treatyDocument) => {
        expectWellFormed(text, scanRussian(text, { treatyDocument }));
      }),
      { numRuns: 1500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Generated citations embedded in random prose
// ---------------------------------------------------------------------------------------------

/** Lower-case prose words that are neither trigger words nor connectors. */
const WORDS = ['государства', 'обязуются', 'оказывать', 'помощь', 'немедленно', 'сообщают', 'совету', 'меры', 'принятые',
  'коллективной', 'обороны', 'нападение', 'считается'];

const ARTICLE_WORDS = ['статья', 'статьи', 'статье', 'статью', 'статьей', 'статьёй', 'ст.'];
const PARAGRAPH_WORDS = ['пункт', 'пункта', 'пунктом', 'п.', 'часть', 'части', 'ч.'];

const generated = fc.record({
  form: fc.constantFrom('article', 'paragraph-first', 'list', 'range'),
  articleWord: fc.constantFrom(...ARTICLE_WORDS),
  paragraphWord: fc.constantFrom(...PARAGRAPH_WORDS),
  article: fc.integer({ min: 1, max: 999 }),
  other: fc.integer({ min: 1, max: 999 }),
  paragraph: fc.integer({ min: 1, max: 20 }),
  gap: fc.constantFrom(' ', ' ', '\n', '  '),
  qualified: fc.boolean(),
  before: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }),
  after: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }),
});

describe('Russian citations generated into random prose', () => {
  it('are found with their numbers and exact spans', () => {
    fc.assert(
      fc.property(generated, (spec) => {
        const prefix = `${spec.before.join(' ')} `;
        const members: { text: string; article: number; paragraph: number | null }[] = [];
        let joiner = '';
        switch (spec.form) {
          case 'article':
            members.push({ text: `${spec.articleWord}${spec.gap}${spec.article}`, article: spec.article, paragraph: null });
            break;
          case 'paragraph-first':
            members.push({
              text: `${spec.paragraphWord}${spec.gap}${spec.paragraph} статьи${spec.gap}${spec.article}`,
              article: spec.article,
              paragraph: spec.paragraph,
            });
            break;
          case 'list':
          case 'range':
            members.push({ text: `${spec.articleWord}${spec.gap}${spec.article}`, article: spec.article, paragraph: null });
            members.push({ text: String(spec.other), article: spec.other, paragraph: null });
            joiner = spec.form === 'list' ? `${spec.gap}и ` : '–';
            break;
        }
        const qualifier = spec.qualified ? `${spec.gap}Устава ООН` : '';
        const body = members.map((member) => member.text).join(joiner) + qualifier;
        const text = `${prefix}${body} ${spec.after.join(' ')}.`;
        let offset = prefix.length;
        const expected = members.map((member, index) => {
          const start = offset;
          offset += member.text.length + joiner.length;
          const end = start + member.text.length + (index === members.length - 1 ? qualifier.length : 0);
          return { start, end, article: String(member.article), paragraph: member.paragraph === null ? null : String(member.paragraph) };
        });
        const { citations } = scanRussian(text, prose);
        expect(citations.map(spanAndNumbers)).toEqual(expected);
        for (const citation of citations) {
          expect(citation.qualifier?.kind === 'name' ? citation.qualifier.name : null).toBe(spec.qualified ? 'Устава ООН' : null);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

