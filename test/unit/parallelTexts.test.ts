// Parallel language texts: documents with the same `treaty:` id and different `lang:` are versions of one
// treaty. Hover and definition show every version, the reader's language first; `parallel-structure`
// reports versions whose articles or paragraph counts differ.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/core/config';
import type { DisplayLanguage } from '../../server/src/core/messages/index';
import { dedent, indexFixture, uriOf } from '../fixture';

const ENGLISH = dedent(`
  //- /treaties/harbor.en.md
  ---
  treaty: harbor
  title: Convention on Harbor Safety
  short: Harbor Convention
  aliases: [港湾条約]
  lang: en
  ---
  ## Article 4
  1. A State Party shall permit a ship in distress to enter the nearest suitable harbor.

  2. Such entry shall not be regarded as entry for commercial purposes.

  ## Article 5
  1. A port authority shall, within its capabilities:

  (a) provide pilotage;

  (b) make firefighting equipment available.
`);

const JAPANESE = dedent(`
  //- /treaties/harbor.ja.md
  ---
  treaty: harbor
  title: 港湾の安全に関する条約
  lang: ja
  ---
  ## 第4条
  締約国は、遭難した船舶が最も近い適当な港湾に入ることを認める。

  ２　前項の入港は、商業上の目的のための入港とはみなされない。

  ## 第5条
  港湾当局は、その能力の範囲内で、次のことを行う。

  一　水先案内を提供すること。

  二　消防のための機材を利用可能にすること。
`);

function open(source: string, settings?: unknown, language: DisplayLanguage = 'en') {
  const { config } = mergeConfig(DEFAULT_CONFIG, settings);
  const { fixture, service } = indexFixture(source, { ...config, language });
  return { fixture, service };
}

/** The hover at `$0`: each version's heading line, the separators and the citing count. */
function hoverOutline(source: string, settings?: unknown, language: DisplayLanguage = 'en'): string[] {
  const { fixture, service } = open(source, settings, language);
  const hover = service.getHover(fixture.cursor!.uri, fixture.cursor!.offset)!;
  return hover.markdown.split('\n').filter((line) => /^\*\*[^*]+\*\* /.test(line) || line.startsWith('_') || line === '---');
}

describe('hover over a citation of a treaty with two language versions', () => {
  // The count includes the Japanese version, whose 前項 in 第4条第2項 cites its own 第4条.
  it('shows the version in the document’s language first, the other below, and the citing count once', () => {
    expect(hoverOutline(`港湾条約第4$0条第2項を見よ。\n${ENGLISH}\n${JAPANESE}`, undefined, 'ja')).toEqual([
      '**港湾の安全に関する条約** 第4条',
      '---',
      '**Harbor Convention** Article 4',
      '_2件の文書が引用_',
    ]);
  });

  it('shows the English version first in an English analysis', () => {
    expect(hoverOutline(`See Article 4$0(2) of the Harbor Convention.\n${ENGLISH}\n${JAPANESE}`)).toEqual([
      '**Harbor Convention** Article 4',
      '---',
      '**港湾の安全に関する条約** 第4条',
      '_Cited in 2 documents_',
    ]);
  });

  it('sets the cited paragraph in bold in each version', () => {
    const { fixture, service } = open(`港湾条約第4$0条第2項を見よ。\n${ENGLISH}\n${JAPANESE}`);
    const markdown = service.getHover(fixture.cursor!.uri, fixture.cursor!.offset)!.markdown;
    expect(markdown).toContain('**２　前項の入港は、商業上の目的のための入港とはみなされない。**');
    expect(markdown).toContain('**2. Such entry shall not be regarded as entry for commercial purposes.**');
  });

  it('follows treatyAnnotator.hover.parallelTextOrder when it is set', () => {
    expect(hoverOutline(`港湾条約第4$0条を見よ。\n${ENGLISH}\n${JAPANESE}`, { parallelTextOrder: ['en', 'ja'] })[0]).toBe('**Harbor Convention** Article 4');
  });

  it('shows one version as before when the treaty has only one', () => {
    expect(hoverOutline(`港湾条約第4$0条を見よ。\n${ENGLISH}`, undefined, 'ja')).toEqual(['**Harbor Convention** Article 4', '_1件の文書が引用_']);
  });
});

describe('hover over an article label in one version', () => {
  it('shows that version first and the other versions of the article below', () => {
    const source = `${ENGLISH}\n${JAPANESE.replace('## 第4条', '## 第4$0条')}`;
    expect(hoverOutline(source, undefined, 'ja')).toEqual(['**港湾の安全に関する条約** 第4条', '---', '**Harbor Convention** Article 4', '_1件の文書が引用_']);
  });
});

describe('go to definition of a citation of a treaty with two language versions', () => {
  /** Each target as `file: first line of the target`. */
  function targets(source: string): string[] {
    const { fixture, service } = open(source);
    return service.getDefinition(fixture.cursor!.uri, fixture.cursor!.offset).map((location) => {
      const text = fixture.files.get(location.uri)!;
      return `${location.uri.replace('file://', '')}: ${text.slice(location.span.start, location.span.end).split('\n')[0]}`;
    });
  }

  it('offers the cited paragraph in each version, the reader’s language first', () => {
    expect(targets(`港湾条約第4$0条第2項を見よ。\n${ENGLISH}\n${JAPANESE}`)).toEqual([
      '/treaties/harbor.ja.md: ２　前項の入港は、商業上の目的のための入港とはみなされない。',
      '/treaties/harbor.en.md: 2. Such entry shall not be regarded as entry for commercial purposes.',
    ]);
  });

  it('matches items by their place in the paragraph, since the versions letter them differently', () => {
    expect(targets(`See Article 5$0(1)(b) of the Harbor Convention.\n${ENGLISH}\n${JAPANESE}`)).toEqual([
      '/treaties/harbor.en.md: (b) make firefighting equipment available.',
      '/treaties/harbor.ja.md: 二　消防のための機材を利用可能にすること。',
    ]);
  });

  it('offers the one target as before when the treaty has only one version', () => {
    expect(targets(`See Article 5$0(1)(b) of the Harbor Convention.\n${ENGLISH}`)).toEqual(['/treaties/harbor.en.md: (b) make firefighting equipment available.']);
  });
});

describe('parallel-structure diagnostics', () => {
  /** The parallel-structure diagnostics of one file as `'label': message`. */
  function structure(source: string, path: string, settings?: unknown, language: DisplayLanguage = 'en'): string[] {
    const { fixture, service } = open(source, settings, language);
    const text = fixture.files.get(uriOf(path))!;
    return service
      .getDiagnostics(uriOf(path))
      .filter((diagnostic) => diagnostic.code === 'parallel-structure')
      .map((diagnostic) => `${diagnostic.severity} '${text.slice(diagnostic.span.start, diagnostic.span.end)}': ${diagnostic.message}`);
  }

  it('are silent when the versions have the same articles and paragraph counts', () => {
    const source = `${ENGLISH}\n${JAPANESE}`;
    expect([...structure(source, '/treaties/harbor.en.md'), ...structure(source, '/treaties/harbor.ja.md')]).toEqual([]);
  });

  it('note an article only one version has, in that version', () => {
    const source = `${ENGLISH}\n## Article 6\nThe Parties shall meet.\n${JAPANESE}`;
    expect(structure(source, '/treaties/harbor.en.md')).toEqual(["warning 'Article 6': Article 6 has no counterpart in the ja version (harbor.ja.md)"]);
    expect(structure(source, '/treaties/harbor.ja.md')).toEqual([]);
  });

  it('note a different number of paragraphs in both versions, in the display language', () => {
    const source = `${ENGLISH}\n${JAPANESE.replace('２　前項の入港は', '　前項の入港は')}`;
    expect(structure(source, '/treaties/harbor.en.md')).toEqual(["warning 'Article 4': Article 4 has 2 paragraphs here but 1 in the ja version (harbor.ja.md) (第4条)"]);
    expect(structure(source, '/treaties/harbor.ja.md')).toEqual(["warning '第4条': 第4条 has 1 paragraph here but 2 in the en version (harbor.en.md) (Article 4)"]);
    expect(structure(source, '/treaties/harbor.ja.md', undefined, 'ja')).toEqual(["warning '第4条': 第4条はこの版では1項、en版（harbor.en.md）（Article 4）では2項です"]);
  });

  it('point at the other version’s article', () => {
    const { service } = open(`${ENGLISH}\n${JAPANESE.replace('２　前項の入港は', '　前項の入港は')}`);
    const [diagnostic] = service.getDiagnostics(uriOf('/treaties/harbor.en.md'));
    expect(diagnostic!.related.map((related) => related.location.uri)).toEqual([uriOf('/treaties/harbor.ja.md')]);
  });

  it('follow an edit of the other version: its warning appears in the version not edited', () => {
    const { fixture, service } = open(`${ENGLISH}\n${JAPANESE}`);
    service.takeChangedDocuments();
    const japanese = uriOf('/treaties/harbor.ja.md');
    service.setDocument(japanese, fixture.files.get(japanese)!.replace('２　前項の入港は', '　前項の入港は'));
    expect(service.takeChangedDocuments()).toContain(uriOf('/treaties/harbor.en.md'));
    expect(service.getDiagnostics(uriOf('/treaties/harbor.en.md')).map((diagnostic) => diagnostic.code)).toEqual(['parallel-structure']);
  });

  it('can be turned off', () => {
    expect(structure(`${ENGLISH}\n## Article 6\nThe Parties shall meet.\n${JAPANESE}`, '/treaties/harbor.en.md', { severity: { 'parallel-structure': 'off' } })).toEqual([]);
  });
});
