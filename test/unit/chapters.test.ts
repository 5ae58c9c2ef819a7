// Citations of chapters (`国連憲章第7章`, `第三章第二節`): found in the treaty's divisions, they resolve to the chapter;
// a chapter the model does not have stays unchecked (statutes cite chapters of other acts without naming them).
import { describe, expect, it } from 'vitest';
import { dedent, indexFixture, uriOf } from '../fixture';

const CHARTER = dedent(`
  //- /treaties/charter.md
  ---
  treaty: un-charter
  title: 国際連合憲章
  short: 国連憲章
  ---
  # 第六章　紛争の平和的解決
  ## 第33条（平和的解決の義務）
  紛争の当事者は、まず交渉によって解決を求めなければならない。
  # 第七章　平和に対する脅威、平和の破壊及び侵略行為に関する行動
  ## 第39条（安全保障理事会の一般的権能）
  安全保障理事会は、平和に対する脅威の存在を決定する。
  ## 第51条（自衛権）
  この憲章のいかなる規定も、個別的又は集団的自衛の固有の権利を害するものではない。
`);

function serviceFor(analysis: string) {
  const { fixture, service } = indexFixture(`${CHARTER}\n//- /a.md\n${analysis}`);
  return { fixture, service, uri: uriOf('/a.md') };
}

describe('chapter citations', () => {
  it('resolve to the chapter of the named treaty, whose heading is the target', () => {
    const { fixture, service, uri } = serviceFor('国連憲章第7章に基づく措置。国連憲章第9章はない。\n');
    const charter = fixture.files.get(uriOf('/treaties/charter.md'))!;
    const rows = service.getCitations(uri).map((citation) => [citation.text, citation.kind, citation.status, citation.target && charter.slice(citation.target.span.start, citation.target.span.start + 3)]);
    expect(rows).toEqual([
      ['国連憲章第7章', 'chapter', 'resolved', '第七章'],
      ['国連憲章第9章', 'chapter', 'unchecked', null],
    ]);
    expect(service.getDiagnostics(uri)).toEqual([]);
  });

  it('take the reader to the chapter (definition) and show its title and articles (hover)', () => {
    const { fixture, service, uri } = serviceFor('国連憲章第7$0章の措置。\n');
    const { offset } = fixture.cursor!;
    const charter = fixture.files.get(uriOf('/treaties/charter.md'))!;
    const [definition] = service.getDefinition(uri, offset);
    expect(charter.slice(definition!.span.start, definition!.span.start + 8)).toBe('第七章　平和に対');
    expect(service.getHover(uri, offset)?.markdown).toBe(
      ['**国連憲章** 第七章　平和に対する脅威、平和の破壊及び侵略行為に関する行動', '', '国際連合憲章 (named with the citation)', '', '- 第39条（安全保障理事会の一般的権能）', '- 第51条（自衛権）'].join('\n'),
    );
  });

  it('read English chapters too, Roman or with the treaty named after an Arabic number', () => {
    const { fixture, service } = indexFixture(dedent(`
      //- /treaties/charter.en.md
      ---
      treaty: un-charter
      title: Charter of the United Nations
      ---
      ## Chapter VI: Pacific settlement of disputes
      ### Article 33
      The parties to any dispute shall first of all seek a solution by negotiation.
      ## Chapter VII: Action with respect to threats to the peace
      ### Article 39
      The Security Council shall determine the existence of any threat to the peace.
      //- /notes.md
      The Council acted under Chapter VII, not Chapters VI and IX; Chapter 7 of the Charter of the United Nations again.
    `));
    expect(service.getCitations(uriOf('/notes.md')).map((citation) => [citation.text, citation.kind, citation.status])).toEqual([
      ['Chapter VII', 'chapter', 'resolved'],
      ['Chapters VI', 'chapter-list', 'resolved'],
      ['IX', 'chapter-list', 'unchecked'],
      ['Chapter 7 of the Charter of the United Nations', 'chapter', 'resolved'],
    ]);
    const notes = fixture.files.get(uriOf('/notes.md'))!;
    expect(service.getHover(uriOf('/notes.md'), notes.indexOf('Chapter VII') + 2)?.markdown).toBe(
      ['**Charter of the United Nations** Chapter VII — Action with respect to threats to the peace', '', 'Charter of the United Nations (the instrument this document names most)', '', '- Article 39'].join('\n'),
    );
  });
});
