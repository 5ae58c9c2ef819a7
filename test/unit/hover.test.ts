// Hover: over a citation, the provision it names, with its treaty; nothing over plain prose.
import { describe, expect, it } from 'vitest';
import { dedent, indexFixture } from '../fixture';
import { TREATIES } from './navigationFixture';

/** The hover at `$0`: the text it covers and its Markdown, or null. */
function hover(analysis: string): { over: string; markdown: string } | null {
  const { fixture, service } = indexFixture(`${TREATIES}//- /a.md\n${dedent(analysis)}`, { language: 'ja' });
  const { uri, offset } = fixture.cursor!;
  const found = service.getHover(uri, offset);
  return found && { over: fixture.files.get(uri)!.slice(found.span.start, found.span.end), markdown: found.markdown };
}

describe('hover', () => {
  it('shows the article a citation names, over the whole citation with its treaty name', () => {
    const shown = hover('海洋協力協定第$05条を参照。');
    expect(shown?.over).toBe('海洋協力協定第5条');
    expect(shown?.markdown).toContain('締約国は、遭難した船舶を援助する。');
    expect(shown?.markdown).toContain('海洋協力協定');
  });

  it('shows the paragraph a paragraph citation names', () => {
    const shown = hover('海洋協力協定第5条第2$0項の趣旨。');
    expect(shown?.over).toBe('海洋協力協定第5条第2項');
    expect(shown?.markdown).toContain('前項の援助は、無償とする。');
  });

  it('shows an English citation with the English treaty text', () => {
    expect(hover('Art$0icle 1 of the Convention on Harbor Safety applies.')?.markdown).toContain('A State Party shall keep its harbors safe.');
  });

  it('shows nothing over plain prose', () => {
    expect(hover('締約$0国は協議する。')).toBeNull();
  });
});
