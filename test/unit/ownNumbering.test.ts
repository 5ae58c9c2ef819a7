// A report's own numbering through the whole service: no diagnostic and no colour for 1章4項3 or a lone 前項, and a
// paragraph whose article stays unknown is quoted as the text writes it.
import { describe, expect, it } from 'vitest';
import { dedent, indexFixture, uriOf } from '../fixture';

const TREATY = `
//- /treaties/kaiyo.md
---
treaty: kaiyo
title: 海洋協力協定
---
## 第1条
両締約国は、海洋の安全のために協力する。
２　協力の細目は、別に定める。
## 第2条
情報を交換する。
`;

function service(analysis: string) {
  const { fixture, service } = indexFixture(`${TREATY}//- /report.md\n${dedent(analysis)}`, { language: 'ja' });
  return { service, text: fixture.files.get(uriOf('/report.md'))! };
}

function diagnostics(analysis: string): string[] {
  const { service: treatyService, text } = service(analysis);
  return treatyService.getDiagnostics(uriOf('/report.md')).map((diagnostic) => `'${text.slice(diagnostic.span.start, diagnostic.span.end)}': ${diagnostic.message}`);
}

describe('a report’s own numbering', () => {
  it('raises no diagnostic and gets no colour', () => {
    const report = `
      # 海洋協力協定の運用

      海洋協力協定の実施状況は前章で概観した（参照1章4項3）。
      本節では、3節2項1(2)で挙げた論点を第Ⅱ部第3章2節の事例に即して検討する。
      前項で述べたとおり、同項の課題は残る。
    `;
    expect(diagnostics(report)).toEqual([]);
    const { service: treatyService, text } = service(report);
    expect(treatyService.getSemanticTokens(uriOf('/report.md')).map((token) => text.slice(token.span.start, token.span.end))).toEqual([]);
  });

  it('leaves a paragraph under an article a citation of that article', () => {
    const { service: treatyService } = service('海洋協力協定第1条は協力を定める。その２項は細目を委ねる。');
    expect(treatyService.getCitations(uriOf('/report.md')).map((citation) => `${citation.text} ${citation.article}(${citation.paragraph ?? '-'}) ${citation.status}`)).toEqual([
      '海洋協力協定第1条 1(-) resolved',
      '２項 1(2) resolved',
    ]);
  });

  it('never invents an article or a 本項 for a paragraph in its messages', () => {
    const messages = diagnostics('安保理決議第1244号は国際部隊の駐留を認めた。第９項はその任務を定める。').join('\n');
    expect(messages).not.toMatch(/本項|第\?条/);
  });
});
