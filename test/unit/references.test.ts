// Find references: every citation of an article, across documents, from a citation or from the article's label.
import { describe, expect, it } from 'vitest';
import { dedent, indexFixture } from '../fixture';
import { TREATIES } from './navigationFixture';

/** The references at `$0` as `path: cited text`, in the order given. */
function references(source: string, includeDeclaration = false): string[] {
  const { fixture, service } = indexFixture(`${TREATIES}${source}`);
  const { uri, offset } = fixture.cursor!;
  return service
    .getReferences(uri, offset, includeDeclaration)
    .map((location) => `${location.uri.replace('file://', '')}: ${fixture.files.get(location.uri)!.slice(location.span.start, location.span.end)}`);
}

const ANALYSES = dedent(`
  //- /a.md
  海洋協力協定第5条を参照。同条第2項は無償とする。第4条とは別である。
  //- /b.md
  海洋協力協定第五条の援助。
`);

describe('references', () => {
  it('from a citation, lists every citation of the same article in every document', () => {
    // The treaty's own 前項 (in its Article 5) is a citation of Article 5 too.
    expect(references(`${ANALYSES}//- /c.md\n海洋協力協定第5$0条。\n`)).toEqual([
      '/a.md: 海洋協力協定第5条',
      '/a.md: 同条第2項',
      '/b.md: 海洋協力協定第五条',
      '/c.md: 海洋協力協定第5条',
      '/treaties/kaiyo.md: 前項',
    ]);
  });

  it('from the article label in the treaty, with the label itself when the declaration is asked for', () => {
    const fromLabel = (include: boolean) => {
      const { fixture, service } = indexFixture(`${TREATIES}${ANALYSES}`);
      const uri = 'file:///treaties/kaiyo.md';
      const offset = fixture.files.get(uri)!.indexOf('第5条');
      return service.getReferences(uri, offset + 1, include).map((location) => `${location.uri.replace('file://', '')}: ${fixture.files.get(location.uri)!.slice(location.span.start, location.span.end)}`);
    };
    expect(fromLabel(false)).toEqual(['/a.md: 海洋協力協定第5条', '/a.md: 同条第2項', '/b.md: 海洋協力協定第五条', '/treaties/kaiyo.md: 前項']);
    expect(fromLabel(true)).toHaveLength(5);
  });

  it('lists nothing from plain prose', () => {
    expect(references(`${ANALYSES}//- /c.md\n締約$0国。\n`)).toEqual([]);
  });
});
