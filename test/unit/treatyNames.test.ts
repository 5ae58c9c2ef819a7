// Treaties that share a name: two copies or versions of one treaty under different ids. Neither is picked silently:
// each treaty document is warned (`duplicate-treaty-name`), a citation of the shared name is `ambiguous-treaty` with both
// treaties as related information, and a `cites` directive naming one of them settles it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TreatyConfig } from '../../server/src/core/config';
import type { Diagnostic } from '../../server/src/core/index';
import { indexFixture, uriOf } from '../fixture';

/** Two tax treaties with Canada, the old one kept beside the new under another id, both short-named カナダ租税条約. */
const TWO_COPIES = `
//- /treaties/ca-1986.md
---
treaty: ca-1986
title: 所得に対する租税に関する二重課税の回避のための日本国とカナダとの間の条約
short: カナダ租税条約
---
## 第5条（恒久的施設）
恒久的施設とは、事業を行う一定の場所をいう。
//- /treaties/ca-2024.md
---
treaty: ca-2024
title: 日本国とカナダとの間の租税条約
short: カナダ租税条約
---
## 第5条（恒久的施設）
恒久的施設とは、事業を行う一定の場所をいう。
## 第6条（特殊関連企業）
特殊関連企業の利得を調整する。
//- /treaties/fr.md
---
treaty: fr
title: 日本国とフランスとの間の租税条約
short: フランス租税条約
---
## 第1条
対象となる者。
## 第2条
対象となる租税。
`;

const JAPANESE: TreatyConfig = { ...DEFAULT_CONFIG, language: 'ja' };

function service(source: string, config: TreatyConfig = JAPANESE) {
  const { fixture, service: treaties } = indexFixture(source, config);
  return { fixture, treaties };
}

/** A document's diagnostics as `code @ covered text: message`, with their related information as `→ file: covered text`. */
function shown(source: string, path: string, config: TreatyConfig = JAPANESE): string[] {
  const { fixture, treaties } = service(source, config);
  const textAt = (uri: string, span: Diagnostic['span']) => fixture.files.get(uri)!.slice(span.start, span.end);
  return treaties.getDiagnostics(uriOf(path)).flatMap((diagnostic) => [
    `${diagnostic.code} @ ${textAt(uriOf(path), diagnostic.span)}: ${diagnostic.message}`,
    ...diagnostic.related.map(({ location, message }) => `  → ${location.uri.replace('file://', '')} @ ${textAt(location.uri, location.span)} (${message})`),
  ]);
}

describe('two treaties that go by one name', () => {
  it('each get a duplicate-treaty-name warning at the name, naming the other file', () => {
    expect(shown(TWO_COPIES, '/treaties/ca-1986.md')).toEqual([
      'duplicate-treaty-name @ カナダ租税条約: 「カナダ租税条約」は ca-2024.md (ca-2024) の名前でもあります（この名前の引用はどちらの条約か決められません）',
      '  → /treaties/ca-2024.md @ カナダ租税条約 (ca-2024)',
    ]);
    expect(shown(TWO_COPIES, '/treaties/ca-2024.md')).toEqual([
      'duplicate-treaty-name @ カナダ租税条約: 「カナダ租税条約」は ca-1986.md (ca-1986) の名前でもあります（この名前の引用はどちらの条約か決められません）',
      '  → /treaties/ca-1986.md @ カナダ租税条約 (ca-1986)',
    ]);
    expect(shown(TWO_COPIES, '/treaties/fr.md')).toEqual([]);
  });

  it('name the other file by its path from the folder they share, in English when that is the display language', () => {
    const source = `
//- /treaties/harbor.md
---
treaty: harbor
title: Convention on Harbor Safety
aliases: [Harbor Convention]
---
## Article 1
Ports.
//- /archive/old/harbor-1990.md
---
treaty: harbor-1990
title: Convention on Harbor Safety (1990)
aliases:
  - Harbor Convention
---
## Article 1
Ports.
`;
    expect(shown(source, '/treaties/harbor.md', DEFAULT_CONFIG)).toEqual([
      "duplicate-treaty-name @ Harbor Convention: 'Harbor Convention' is also the name of archive/old/harbor-1990.md (harbor-1990): a citation of it cannot tell which treaty is meant",
      '  → /archive/old/harbor-1990.md @ Harbor Convention (harbor-1990)',
    ]);
  });

  it('are not reported when they are language versions of one treaty (same treaty id, another lang)', () => {
    const source = `
//- /treaties/harbor.en.md
---
treaty: harbor
title: Convention on Harbor Safety
short: Harbor Convention
lang: en
---
## Article 1
Ports.
//- /treaties/harbor.fr.md
---
treaty: harbor
title: Convention sur la sécurité des ports
short: Harbor Convention
lang: fr
---
## Article 1
Les ports.
`;
    expect(shown(source, '/treaties/harbor.en.md')).toEqual([]);
    expect(shown(source, '/treaties/harbor.fr.md')).toEqual([]);
  });

  it('make a citation of the name ambiguous-treaty, with both treaties as related information', () => {
    const source = `${TWO_COPIES}//- /notes/tax.md\n# 恒久的施設\n\nカナダ租税条約第5条は、恒久的施設を定める。\n`;
    expect(shown(source, '/notes/tax.md')).toEqual([
      'ambiguous-treaty @ カナダ租税条約第5条: 「カナダ租税条約」は2つの条約（ca-1986、ca-2024）の名前です（<!-- cites: id --> でどちらかを選んでください）',
      '  → /treaties/ca-1986.md @ カナダ租税条約 (ca-1986: 所得に対する租税に関する二重課税の回避のための日本国とカナダとの間の条約)',
      '  → /treaties/ca-2024.md @ カナダ租税条約 (ca-2024: 日本国とカナダとの間の租税条約)',
    ]);
  });

  it('leave a citation by a name only one of them has resolved, and 同条約 after the shared name ambiguous too', () => {
    const source = `${TWO_COPIES}//- /notes/tax.md\n日本国とカナダとの間の租税条約第6条を見よ。カナダ租税条約第5条と同条約第6条を比べる。\n`;
    const { treaties } = service(source);
    expect(treaties.getCitations(uriOf('/notes/tax.md')).map((citation) => `${citation.text} ${citation.treatyId}`)).toEqual([
      '第6条 ca-2024',
      'カナダ租税条約第5条 null',
      '同条約第6条 null',
    ]);
    expect(treaties.getDiagnostics(uriOf('/notes/tax.md')).map((diagnostic) => diagnostic.code)).toEqual(['ambiguous-treaty', 'ambiguous-treaty']);
  });

  it('are told apart by the cites directive in force when it names one of them', () => {
    const source = `${TWO_COPIES}//- /notes/tax.md\n---\ncites: ca-2024\n---\nカナダ租税条約第6条を見よ。\n\n<!-- cites: ca-1986 -->\nカナダ租税条約第6条を見よ。\n\n<!-- cites: fr -->\nカナダ租税条約第6条を見よ。\n`;
    const { treaties } = service(source);
    expect(treaties.getDiagnostics(uriOf('/notes/tax.md')).map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)).toEqual([
      'unknown-article カナダ租税条約に第6条はありません（第5条–第5条）',
      'ambiguous-treaty 「カナダ租税条約」は2つの条約（ca-1986、ca-2024）の名前です（<!-- cites: id --> でどちらかを選んでください）',
    ]);
    expect(treaties.getCitations(uriOf('/notes/tax.md')).map((citation) => citation.treatyId)).toEqual(['ca-2024', 'ca-1986', null]);
  });

  it('follow the severity setting, and go silent when it is off', () => {
    const source = `${TWO_COPIES}//- /notes/tax.md\nカナダ租税条約第5条。\n`;
    const config = { ...JAPANESE, severity: { 'duplicate-treaty-name': 'error', 'ambiguous-treaty': 'off' } } as TreatyConfig;
    const { treaties } = service(source, config);
    expect(treaties.getDiagnostics(uriOf('/treaties/ca-1986.md')).map((diagnostic) => `${diagnostic.code} ${diagnostic.severity}`)).toEqual(['duplicate-treaty-name error']);
    expect(treaties.getDiagnostics(uriOf('/notes/tax.md'))).toEqual([]);
    const off = service(source, { ...JAPANESE, severity: { 'duplicate-treaty-name': 'off' } }).treaties;
    expect(off.getDiagnostics(uriOf('/treaties/ca-1986.md'))).toEqual([]);
    expect(DEFAULT_CONFIG.severity['duplicate-treaty-name']).toBeUndefined();
  });

  it('are reported on the first treaty as soon as a second one takes its name, and no longer once it gives it up', () => {
    const { treaties } = service(TWO_COPIES.split('//- /treaties/ca-2024.md')[0]!);
    const second = uriOf('/treaties/ca-2024.md');
    const first = uriOf('/treaties/ca-1986.md');
    treaties.takeChangedDocuments();
    treaties.setDocument(second, '---\ntreaty: ca-2024\ntitle: 新しい条約\nshort: カナダ租税条約\n---\n## 第5条\n本文。\n');
    expect(treaties.takeChangedDocuments()).toContain(first);
    expect(treaties.getDiagnostics(first).map((diagnostic) => diagnostic.code)).toEqual(['duplicate-treaty-name']);
    treaties.setDocument(second, '---\ntreaty: ca-2024\ntitle: 新しい条約\nshort: 新カナダ租税条約\n---\n## 第5条\n本文。\n');
    expect(treaties.takeChangedDocuments()).toContain(first);
    expect(treaties.getDiagnostics(first)).toEqual([]);
  });
});

describe('the quick fix for a citation of a shared name', () => {
  it('settles the citation on the treaty chosen, and the rest of the document keeps its default treaty (CRLF kept)', () => {
    const analysis = '---\r\ncites: fr\r\n---\r\nカナダ租税条約第6条は、\r\n特殊関連企業を定める。\r\n\r\n第2条を見よ。\r\n';
    const { treaties } = service(`${TWO_COPIES}//- /notes/tax.md\n${analysis}`);
    const uri = uriOf('/notes/tax.md');
    const at = analysis.indexOf('第6条');
    const [, choice] = treaties.getCodeActions(uri, { start: at, end: at }, ['ambiguous-treaty']);
    let text = analysis;
    for (const edit of [...choice!.edit.changes[0]!.edits].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
    expect(text).toBe('---\r\ncites: fr\r\n---\r\n<!-- cites: ca-2024 -->\r\nカナダ租税条約第6条は、\r\n特殊関連企業を定める。\r\n<!-- cites: fr -->\r\n\r\n第2条を見よ。\r\n');
    treaties.setDocument(uri, text);
    expect(treaties.getCitations(uri).map((citation) => `${citation.text} ${citation.treatyId}`)).toEqual(['カナダ租税条約第6条 ca-2024', '第2条 fr']);
    expect(treaties.getDiagnostics(uri)).toEqual([]);
  });
});
