// Inlay hints: the cited article's caption after each resolved citation, when enabled.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TreatyConfig } from '../../server/src/core/config';
import { dedent, indexFixture, uriOf } from '../fixture';

const TREATIES = `
//- /treaties/nat.md
---
treaty: nat
title: 北大西洋条約
---
## 第5条（集団防衛）
締約国は、武力攻撃を全締約国に対する攻撃とみなす。
## 第6条
範囲。
//- /treaties/harbor.md
---
treaty: harbor
title: Harbor Convention
---
## Article 4 (Ships in distress)
A State Party shall admit a ship in distress.
`;

const ENABLED: TreatyConfig = { ...DEFAULT_CONFIG, inlayHints: true };

/**
 * Shows the hints of /a.md inside its text as `⟨label⟩`. The requested span is the range labelled `view`
 * when the fixture has one, else the whole document.
 */
function check(analysis: string, expected: string, config: TreatyConfig = ENABLED): void {
  const { fixture, service } = indexFixture(`${TREATIES}//- /a.md\n${dedent(analysis)}`, config);
  const text = fixture.files.get(uriOf('/a.md'))!;
  const view = fixture.rangesLabelled('view')[0];
  const hints = service.getInlayHints(uriOf('/a.md'), view ? { start: view.start, end: view.end } : { start: 0, end: text.length });
  let shown = text;
  for (const hint of [...hints].reverse()) shown = `${shown.slice(0, hint.offset)}⟨${hint.label}⟩${shown.slice(hint.offset)}`;
  expect(shown).toBe(dedent(expected).replace(/\n*$/, '\n'));
}

describe('inlay hints', () => {
  it('show the caption after a resolved citation, in the brackets of the document language', () => {
    check('北大西洋条約第5条を見よ。\n', '北大西洋条約第5条⟨（集団防衛）⟩を見よ。\n');
    check('See Article 4 of the Harbor Convention.\n', 'See Article 4 of the Harbor Convention⟨(Ships in distress)⟩.\n');
  });

  it('show nothing for articles without a caption, dangling citations, or a caption already written', () => {
    check('北大西洋条約第6条、第9条、第5条（集団防衛）。\n', '北大西洋条約第6条、第9条、第5条（集団防衛）。\n');
  });

  it('show only the hints inside the requested span', () => {
    check(
      `
      北大西洋条約第5条。
      ^^^^^^^^^^ view
      北大西洋条約第5条。
      `,
      `
      北大西洋条約第5条⟨（集団防衛）⟩。
      北大西洋条約第5条。
      `,
    );
  });

  it('show nothing unless inlay hints are enabled', () => {
    check('北大西洋条約第5条を見よ。\n', '北大西洋条約第5条を見よ。\n', DEFAULT_CONFIG);
  });
});
