// Hover says why a citation belongs to its instrument: the instrument and, in a short phrase, the scope rule that
// chose it, in the hover's display language.
import { describe, expect, it } from 'vitest';
import type { DisplayLanguage } from '../../server/src/core/messages/index';
import { dedent, indexFixture } from '../fixture';

const TREATIES = dedent(`
  //- /treaties/nat.md
  ---
  treaty: nat
  title: 北大西洋条約
  short: NATO条約
  ---
  ## 第5条（集団防衛）
  締約国は、武力攻撃を全締約国に対する攻撃とみなす。
  ## 第6条（適用地域）
  北大西洋地域とする。
  //- /treaties/sea.md
  ---
  treaty: sea
  title: 海洋協力協定
  ---
  ## 第5条
  協力する。
`);

/** The hover's lines at `$0` in `/main.md` (the analysis) in a display language, blank lines left out. */
function hoverLines(analysis: string, language: DisplayLanguage): string[] {
  const { fixture, service } = indexFixture(`${dedent(analysis)}\n${TREATIES}`, { language });
  const hover = service.getHover(fixture.cursor!.uri, fixture.cursor!.offset);
  return (hover?.markdown ?? '').split('\n').filter((line) => line !== '');
}

describe('hover names the rule that chose the instrument', () => {
  it('under the article heading, in Japanese for a Japanese reader', () => {
    const lines = hoverLines('北大西洋条約の成立。北大西洋条約の加盟国。海洋協力協定にも触れる。\n\n集団防衛は第$05条による。', 'ja');
    expect(lines.slice(0, 2)).toEqual(['**NATO条約** 第5条（集団防衛）', '北大西洋条約（この文書が最も多く挙げる条約）']);
  });

  it('in English for an English reader', () => {
    const lines = hoverLines('北大西洋条約の成立。北大西洋条約の加盟国。海洋協力協定にも触れる。\n\n集団防衛は第$05条による。', 'en');
    expect(lines[1]).toBe('北大西洋条約 (the instrument this document names most)');
  });

  it('for a sentence topic and for a qualifier carried over within the sentence', () => {
    expect(hoverLines('海洋協力協定の話。海洋協力協定の続き。\n\n北大西洋条約は、第$05条で集団防衛を定める。', 'ja')[1]).toBe('北大西洋条約（文の主題）');
    expect(hoverLines('北大西洋条約第6条の地域で、第$05条が働く。', 'ja')[1]).toBe('北大西洋条約（同じ文の前の引用）');
  });

  it('for 同決議, the last resolution named', () => {
    expect(hoverLines('安保理決議第1244号が採択され、北大西洋条約第6条の地域外で同決議第$09項が働いた。', 'ja')[1]).toBe('安保理決議第1244号（前に挙げた同じ種類の文書）');
    expect(hoverLines('安保理決議第1244号が採択され、北大西洋条約第6条の地域外で同決議第$09項が働いた。', 'en')[1]).toBe('安保理決議第1244号 (the last one of its kind named before it)');
  });

  it('below the note when the instrument is not in the workspace', () => {
    expect(hoverLines('「日米地位協定」の運用。日米地位協定の改定論。\n\n刑事裁判権は第$017条が定める。', 'ja')).toEqual([
      '⚠ 「日米地位協定」はワークスペースにありません',
      '日米地位協定（この文書が最も多く挙げる条約）',
    ]);
  });

  it('alone where the editor shows the note itself, and with the note on the citations that do not carry it', () => {
    const source = '「日米地位協定」の運用。日米地位協定の改定論。\n\n刑事裁判権は第17条、経費は第24$0条が定める。';
    const { fixture, service } = indexFixture(`${source}\n${TREATIES}`, { language: 'ja' });
    const uri = fixture.cursor!.uri;
    expect(service.getHover(uri, source.indexOf('第17条') + 1, true)?.markdown).toBe('日米地位協定（この文書が最も多く挙げる条約）');
    expect(service.getHover(uri, fixture.cursor!.offset, true)?.markdown).toBe('⚠ 「日米地位協定」はワークスペースにありません\n\n日米地位協定（この文書が最も多く挙げる条約）');
  });
});
