// Code lens: over each article label, how many documents cite the article, with the citations attached.
import { describe, expect, it } from 'vitest';
import type { DisplayLanguage } from '../../server/src/core/messages/index';
import { dedent, indexFixture, uriOf } from '../fixture';

/** Lenses of `path` as `label — title — path:citation, …`, titled in `language`. */
function check(source: string, path: string, expected: string[], language: DisplayLanguage = 'ja'): void {
  const { fixture, service } = indexFixture(dedent(source), { language });
  const text = (uri: string): string => fixture.files.get(uri)!;
  const shown = service.getCodeLenses(uriOf(path)).map((lens) => {
    const references = lens.references.map((reference) => `${reference.uri.replace('file://', '')}:${text(reference.uri).slice(reference.span.start, reference.span.end)}`);
    return `${text(uriOf(path)).slice(lens.span.start, lens.span.end)} — ${lens.title} — ${references.join(', ')}`;
  });
  expect(shown).toEqual(expected);
}

describe('code lens', () => {
  it('count the documents citing each article and attach every citation', () => {
    check(
      `
      //- /treaties/nat.md
      ---
      treaty: nat
      title: 北大西洋条約
      ---
      ## 第4条（協議）
      締約国は、協議する。
      ## 第5条（集団防衛）
      締約国は、武力攻撃を全締約国に対する攻撃とみなす。
      第六条
      前条の攻撃には、次の攻撃を含む。
      //- /a.md
      第5条を見よ。第５条は重要である。
      //- /b.md
      第五条を見よ。
      `,
      '/treaties/nat.md',
      [
        '第4条 — 0件の文書が引用 — ',
        '第5条 — 3件の文書が引用 — /a.md:第5条, /a.md:第５条, /b.md:第五条, /treaties/nat.md:前条',
        '第六条 — 0件の文書が引用 — ',
      ],
    );
  });

  it('speak the display language, English here', () => {
    check(
      `
      //- /treaties/harbor.md
      ---
      treaty: harbor
      title: Harbor Convention
      lang: en
      ---
      ## Article 1
      Definitions.
      ## Article 2
      Authorities under Article 1.
      //- /a.md
      See Article 2 and Article 1.
      `,
      '/treaties/harbor.md',
      [
        'Article 1 — cited in 2 documents — /a.md:Article 1, /treaties/harbor.md:Article 1',
        'Article 2 — cited in 1 document — /a.md:Article 2',
      ],
      'en',
    );
  });

  it('give an analysis no lenses', () => {
    check('//- /a.md\n第5条を見よ。\n', '/a.md', []);
  });
});
