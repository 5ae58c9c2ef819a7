// The French citation forms (server/src/core/citation/french.ts), read by the Latin-script scanner French shares
// with English: one form per test, each expected citation span marked with ^^^ under it; then a French analysis of
// a treaty's French text, resolved through the facade.
import { describe, expect, it } from 'vitest';
import { scanEnglish } from '../../server/src/core/citation/english';
import { dedent, indexFixture, uriOf } from '../fixture';
import { number, prose, scanMarked, type Scanned } from './citationTestKit';

const scan = (source: string): Scanned => scanMarked(scanEnglish, source, prose);
const article = number;
const level = number;

describe('French citation forms', () => {
  it('reads "l\u2019article premier" and "article 1er" as article 1', () => {
    const { spans, marked, citations } = scan(`
      Voir l’article premier et l'article 1er du traité.
             ^^^^^^^^^^^^^^^      ^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.article)).toEqual([article('1'), article('1')]);
  });

  it('reads "articles 2 et 3" as a list and "articles 10 à 13" as a range', () => {
    const { spans, marked, citations } = scan(`
      Les articles 2 et 3 ainsi que les articles 10 à 13 s'appliquent.
          ^^^^^^^^^^    ^               ^^^^^^^^^^^   ^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => [citation.article, citation.kind])).toEqual([
      [article('2'), 'list'],
      [article('3'), 'list'],
      [article('10'), 'range'],
      [article('13'), 'range'],
    ]);
  });
  it('reads "paragraphe 2 de l’article 5" and "article 6, paragraphe 1" with their paragraphs', () => {
    const { spans, marked, citations } = scan(`
      Le paragraphe 2 de l’article 5 et l'article 6, paragraphe 1, s'appliquent.
         ^^^^^^^^^^^^^^^^^^^^^^^^^^^      ^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => [citation.article, citation.paragraph])).toEqual([
      [article('5'), level('2')],
      [article('6'), level('1')],
    ]);
  });
  it('reads the instrument named after the number: "de la Charte des Nations Unies", "du Traité de l’Atlantique Nord"', () => {
    const { spans, marked, citations } = scan(`
      reconnu par l'article 51 de la Charte des Nations Unies, et l’article 5 du Traité de l’Atlantique Nord
                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.qualifier)).toMatchObject([
      { kind: 'name', name: 'Charte des Nations Unies' },
      { kind: 'name', name: 'Traité de l’Atlantique Nord' },
    ]);
  });

  it('reads "du présent Traité" as the text itself and "dudit Traité" as the one named last, and no name in lower case', () => {
    const { spans, marked, citations } = scan(`
      l'article 2 du présent Traité, l'article 3 dudit Traité et l'article 9 de la loi
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^    ^^^^^^^^^^^^^^^^^^^^^^      ^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => citation.qualifier?.kind ?? null)).toEqual(['this', 'same', null]);
  });
  it('reads "alinéa" as a paragraph, in either order', () => {
    const { spans, marked, citations } = scan(`
      L'alinéa 2 de l'article 5 et l'article 6, alinéa 1, puis les alinéas 1 et 2 de l’article 7.
        ^^^^^^^^^^^^^^^^^^^^^^^      ^^^^^^^^^^^^^^^^^^^           ^^^^^^^^^    ^^^^^^^^^^^^^^^^
    `);
    expect(spans).toEqual(marked);
    expect(citations.map((citation) => [citation.article, citation.paragraph])).toEqual([
      [article('5'), level('2')],
      [article('6'), level('1')],
      [article('7'), level('1')],
      [article('7'), level('2')],
    ]);
  });
});

describe('the language of a citation the Latin-script scanner reads', () => {
  it('is French when a French word or an elided article makes it, English otherwise', () => {
    const { spans, citations } = scan(`
      Selon l’article 5 du Traité, les articles 2 et 3 et Article 51 of the Charter, puis l'alinéa 2 de l'article 6.
    `);
    expect(citations.map((citation, index) => `${spans[index]}: ${citation.language}`)).toEqual([
      'article 5 du Traité: fr',
      'articles 2: fr',
      '3: fr',
      'Article 51 of the Charter: en',
      'alinéa 2 de l\'article 6: fr',
    ]);
  });

  it('stays English in an English analysis quoting French words around it (de facto, à la carte)', () => {
    const { citations } = scan('The de facto reading of Article 5 and Articles 3 to 4 is not à la carte.');
    expect(citations.map((citation) => citation.language)).toEqual(['en', 'en', 'en']);
  });
});

/** The French text of a treaty, in the workspace of the analyses below. */
const OTAN = dedent(`
  //- /traites/otan.md
  ---
  treaty: otan
  title: Traité de l’Atlantique Nord
  lang: fr
  ---
  ## Article premier
  Les parties s’engagent à régler par des moyens pacifiques tout différend international.
  ## Article 5
  1. Les parties conviennent qu’une attaque armée contre l’une d’elles sera considérée comme une attaque dirigée contre toutes.
  2. Toute attaque armée de cette nature sera immédiatement portée à la connaissance du Conseil de Sécurité.
  ## Article 6
  Est considérée comme une attaque armée contre une ou plusieurs des parties une attaque armée contre le territoire de l’une d’elles.
`);

describe('a French analysis of the French text of a treaty', () => {
  const { service } = indexFixture(
    OTAN +
      dedent(`
      //- /notes/defense-collective.md
      # La clause de défense collective

      L’engagement central figure à l’article 5 du Traité de l’Atlantique Nord, que l’article 6 dudit Traité
      précise quant au territoire couvert. Le règlement pacifique des différends, posé par l’article premier,
      en est le préalable ; l’alinéa 2 de l’article 5 impose d’informer le Conseil de Sécurité.
    `),
  );
  const citations = service.getCitations(uriOf('/notes/defense-collective.md'));

  it('resolves each citation to the article of the French text it names, the paragraph included', () => {
    expect(citations.map((citation) => `${citation.text} → ${citation.treatyId} ${citation.article}${citation.paragraph ? `(${citation.paragraph})` : ''} ${citation.status}`)).toEqual([
      'article 5 du Traité de l’Atlantique Nord → otan 5 resolved',
      'article 6 dudit Traité → otan 6 resolved',
      'article premier → otan 1 resolved',
      'alinéa 2 de l’article 5 → otan 5(2) resolved',
    ]);
  });
});

describe('a French citation of no particular treaty', () => {
  it('is offered the name of each treaty after it, as French writes it (du, de la, de l’)', () => {
    const { fixture, service } = indexFixture(
      OTAN +
        dedent(`
        //- /traites/charte.md
        ---
        treaty: charte
        title: Charte des Nations Unies
        lang: fr
        ---
        ## Article 5
        Un Membre peut être suspendu.
        //- /traites/accord.md
        ---
        treaty: accord
        title: Accord sur la coopération portuaire
        lang: fr
        ---
        ## Article 5
        Les ports échangent leurs données.
        //- /notes/renvoi.md
        Voir l’article $05 sur ce point.
      `),
    );
    const { uri, offset } = fixture.cursor!;
    const qualified = service
      .getCodeActions(uri, { start: offset, end: offset }, ['ambiguous-treaty'])
      .flatMap((action) => action.edit.changes.flatMap((change) => change.edits.map((edit) => edit.newText)))
      .filter((text) => !text.includes('cites:'));
    expect(qualified.sort()).toEqual([' de la Charte des Nations Unies', ' de l’Accord sur la coopération portuaire', ' du Traité de l’Atlantique Nord']);
  });
});
