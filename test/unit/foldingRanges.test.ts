// Folding ranges: articles, divisions and 附則 blocks of treaty documents fold; analyses get none from us.
import { describe, expect, it } from 'vitest';
import { dedent, indexFixture, uriOf } from '../fixture';

/** Folds `path` and shows each range as `first line … last line` (the last line with text). */
function check(source: string, path: string, expected: string[]): void {
  const { fixture, service } = indexFixture(dedent(source));
  const text = fixture.files.get(uriOf(path))!;
  const shown = service.getFoldingRanges(uriOf(path)).map(({ span }) => {
    const lines = text.slice(span.start, span.end).split(/\r?\n/).filter((line) => line.trim() !== '');
    return `${lines[0]} … ${lines[lines.length - 1]}`;
  });
  expect(shown).toEqual(expected);
}

describe('folding ranges', () => {
  it('fold each chapter and each article of a treaty', () => {
    check(
      `
      //- /treaties/nat.md
      ---
      treaty: nat
      title: 北大西洋条約
      ---
      第一章　総則
      第一条（目的）
      この条約は、平和を目的とする。
      第二条
      締約国は、協力する。
      ２　締約国は、協議する。
      第二章　防衛
      第三条
      締約国は、防衛する。
      `,
      '/treaties/nat.md',
      [
        '第一章　総則 … ２　締約国は、協議する。',
        '第一条（目的） … この条約は、平和を目的とする。',
        '第二条 … ２　締約国は、協議する。',
        '第二章　防衛 … 締約国は、防衛する。',
        '第三条 … 締約国は、防衛する。',
      ],
    );
  });

  it('fold Markdown-headed articles and the preamble', () => {
    check(
      `
      //- /treaties/h.md
      ---
      treaty: harbor
      title: Harbor Convention
      ---
      ## Preamble

      The States Parties,

      Have agreed as follows:

      ## Article 1

      For the purposes of this Convention:

      (a) "harbor" means a port;

      ## Article 2

      1. Each State Party shall designate an authority.

      2. Each State Party shall notify the depositary.
      `,
      '/treaties/h.md',
      [
        'Preamble … Have agreed as follows:',
        'Article 1 … (a) "harbor" means a port;',
        'Article 2 … 2. Each State Party shall notify the depositary.',
      ],
    );
  });

  it('give an analysis no folding ranges of its own', () => {
    check(
      `
      //- /treaties/nat.md
      ---
      treaty: nat
      title: 北大西洋条約
      ---
      第一条
      平和。
      //- /a.md
      # 解説
      第1条を見よ。
      `,
      '/a.md',
      [],
    );
  });
});
