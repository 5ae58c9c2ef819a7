// Citation coverage: each article of each workspace treaty with the documents and citations citing it.
import { describe, expect, it } from 'vitest';
import { dedent, indexFixture } from '../fixture';

/** The coverage as `treaty article label documents/citations` lines. */
function coverage(...sources: string[]): string[] {
  const { service } = indexFixture(sources.map(dedent).join('\n'));
  return service.getCoverage().flatMap((treaty) => treaty.articles.map((article) => `${treaty.treaty} ${article.article} ${article.label} ${article.documents}/${article.citations}`));
}

const NAT = `
  //- /treaties/nat.md
  ---
  treaty: nat
  title: 北大西洋条約
  lang: ja
  ---
  ## 第1条
  紛争を平和的に解決する。
  ## 第2条
  協力する。第1条の規定に従う。
  ## 第2条の2
  追加の協力。
  ## 第3条
  抵抗する能力を維持する。
`;

describe('citation coverage', () => {
  it('counts, for every article, the documents citing it and their citations; uncited articles have zero', () => {
    expect(
      coverage(`
        //- /a.md
        北大西洋条約第1条と同条、北大西洋条約第3条。
        //- /b.md
        北大西洋条約第1条。
      `, NAT),
    ).toEqual(['nat 1 第1条 2/3', 'nat 2 第2条 0/0', 'nat 2_2 第2条の2 0/0', 'nat 3 第3条 1/1']);
  });

  // The rows are the primary version's articles (the first file by name, here the English one).
  it('does not count the treaty’s references to itself, nor those of its other language versions', () => {
    expect(
      coverage(NAT, `
        //- /treaties/nat.en.md
        ---
        treaty: nat
        title: North Atlantic Treaty
        lang: en
        ---
        ## Article 1
        Settle disputes.
        ## Article 2
        Cooperate under Article 1.
      `),
    ).toEqual(['nat 1 Article 1 0/0', 'nat 2 Article 2 0/0']);
  });

  it('lists every treaty of the workspace, by file, even when nothing cites it', () => {
    expect(
      coverage(`
        //- /treaties/a.md
        ---
        treaty: a
        title: A条約
        ---
        ## 第1条
        本文。
        //- /treaties/b.md
        ---
        treaty: b
        title: B条約
        ---
        ## 第1条
        本文。
        //- /notes.md
        B条約第1条。
      `),
    ).toEqual(['a 1 第1条 0/0', 'b 1 第1条 1/1']);
  });

  it('is empty for a workspace without treaties', () => {
    expect(coverage('第1条を見よ。')).toEqual([]);
  });
});
