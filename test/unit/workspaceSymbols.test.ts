// Workspace symbols: articles by number in any script, qualified by a treaty name or not; treaties by name;
// articles by caption.
import { describe, expect, it } from 'vitest';
import { dedent, indexFixture } from '../fixture';

const WORKSPACE = dedent(`
  //- /treaties/nat.md
  ---
  treaty: nat
  title: 北大西洋条約
  short: NATO条約
  aliases: [北大西洋同盟条約]
  ---
  ## 第5条（集団防衛）
  締約国は、武力攻撃を全締約国に対する攻撃とみなす。
  第六条
  範囲。
  ## 第51条
  架空の条。
  //- /treaties/un.md
  ---
  treaty: un-charter
  title: 国際連合憲章
  short: 国連憲章
  ---
  第五条
  加盟国の権利の停止。
  第五十一条（自衛権）
  個別的又は集団的自衛の固有の権利。
  //- /treaties/harbor.md
  ---
  treaty: harbor
  title: Convention on Harbor Safety
  ---
  ## Article 5
  Assistance.
  ## Article  51
  Final clauses.
`);

/** The symbols a query finds, as `kind name (container)`. */
function check(query: string, expected: string[]): void {
  const { service } = indexFixture(WORKSPACE);
  const shown = service.getWorkspaceSymbols(query).map((symbol) => `${symbol.kind} ${symbol.name} (${symbol.containerName})`);
  expect(shown.sort()).toEqual([...expected].sort());
}

describe('workspace symbols', () => {
  it('find an article by number in every treaty, whatever script the query or the label uses', () => {
    const fives = ['article 第5条 (NATO条約)', 'article 第五条 (国連憲章)', 'article Article 5 (Convention on Harbor Safety)'];
    check('第5条', fives);
    check('第五条', fives);
    check('第５条', fives);
    check('5', fives);
    check('Article 5', fives);
  });

  it('narrow to one treaty by title, short name or alias', () => {
    check('北大西洋条約 5', ['article 第5条 (NATO条約)']);
    check('NATO条約第5条', ['article 第5条 (NATO条約)']);
    check('北大西洋同盟条約 第五条', ['article 第5条 (NATO条約)']);
    check('国連憲章 51', ['article 第五十一条 (国連憲章)']);
    check('Harbor Article 51', ['article Article 51 (Convention on Harbor Safety)']);
  });

  it('find treaties by name and articles by caption', () => {
    check('国連', ['treaty 国際連合憲章 (国連憲章)']);
    check('集団防衛', ['article 第5条 (NATO条約)']);
    check('自衛権', ['article 第五十一条 (国連憲章)']);
  });

  it('list only the treaties for an empty query', () => {
    check('', ['treaty 北大西洋条約 (NATO条約)', 'treaty 国際連合憲章 (国連憲章)', 'treaty Convention on Harbor Safety (harbor)']);
  });

  it('list the articles of 附則 blocks after the main provisions, marked as such', () => {
    const { service } = indexFixture(dedent(`
      //- /treaties/law.md
      ---
      treaty: law
      title: ある法律
      ---
      第一条　この法律は、目的を定める。
      附　則　（平成一七年六月二九日法律第七三号）
      第一条　この法律は、公布の日から施行する。
    `));
    expect(service.getWorkspaceSymbols('第1条').map((symbol) => symbol.name)).toEqual(['第一条', '附則第一条']);
  });

  it('find nothing for an article no treaty has', () => {
    check('第99条', []);
  });
});
