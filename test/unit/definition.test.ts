// Go to definition: from a citation to the provision it names, in the treaty it belongs to.
import { describe, expect, it } from 'vitest';
import { dedent, indexFixture } from '../fixture';
import { TREATIES } from './navigationFixture';

/** Where definition at `$0` leads, as `path: the first line of the provision there`. */
function definition(analysis: string): string[] {
  const { fixture, service } = indexFixture(`${TREATIES}//- /a.md\n${dedent(analysis)}`);
  const { uri, offset } = fixture.cursor!;
  return service.getDefinition(uri, offset).map((location) => `${location.uri.replace('file://', '')}: ${fixture.files.get(location.uri)!.slice(location.span.start, location.span.end).split('\n')[0]}`);
}

describe('definition', () => {
  it('leads from an article citation to the article', () => {
    expect(definition('海洋協力協定第5$0条を参照。')).toEqual(['/treaties/kaiyo.md: 第5条（援助）']);
  });

  it('leads from a paragraph citation to the paragraph, with the cursor at the end of the citation', () => {
    expect(definition('海洋協力協定第5条第2項$0の趣旨。')).toEqual(['/treaties/kaiyo.md: ２　前項の援助は、無償とする。']);
  });

  it('follows 同条 to the article cited before it', () => {
    expect(definition('海洋協力協定第4条を見た。同$0条の協議は重要である。')).toEqual(['/treaties/kaiyo.md: 第4条（協議）']);
  });

  it('leads an English citation to the English treaty', () => {
    expect(definition('Article 1$0 of the Convention on Harbor Safety applies.')).toEqual(['/treaties/harbor.md: Article 1']);
  });

  it('leads nowhere from a citation of an article the treaty lacks, or from plain prose', () => {
    expect(definition('海洋協力協定第9$0条を参照。')).toEqual([]);
    expect(definition('締約$0国は協議する。')).toEqual([]);
  });

  it('counts positions in UTF-16: a surrogate pair before the citation', () => {
    expect(definition('𠮷野の注記。海洋協力協定第4$0条。')).toEqual(['/treaties/kaiyo.md: 第4条（協議）']);
  });
});
