// Resolving an analysis again after an edit (from the sentence of the edit until the discourse state meets the old
// one) gives exactly what resolving the new text afresh gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { buildCatalog } from '../../server/src/core/catalog';
import { analyzeDocument } from '../../server/src/core/document';
import { type TreatyService } from '../../server/src/core/index';
import { resolveFacts, startResolution, type Resolution } from '../../server/src/core/resolve';
import { dedent, indexFixture, parseFixture, uriOf } from '../fixture';

const TREATIES = dedent(`
  //- /treaties/nat.md
  ---
  treaty: nat
  title: 北大西洋条約
  aliases: [NATO条約]
  ---
  ## 第4条
  締約国は、協議する。
  ## 第5条
  締約国は、武力攻撃を全締約国に対する攻撃とみなす。
  ２　前項の措置は、報告しなければならない。
  ## 第6条
  前条の武力攻撃には、次の攻撃を含む。
  一　領域に対する攻撃
  二　船舶に対する攻撃
  //- /treaties/sea.md
  ---
  treaty: sea
  title: 海洋協力協定
  ---
  ## Article 1
  Purpose.
  ## Article 2
  Definitions.
  ## Article 6
  Scope.
`);

// Pieces that move the discourse state: names (of instruments in the workspace or not, which decide the principal
// one), topics, aliases, anaphora (同条, 前条, 同項), resolutions and declarations (同決議, 同宣言), lists, English.
const FRAGMENTS = [
  '北大西洋条約第5条及び第6条、同条第2項を見よ。',
  '海洋協力協定は、第6条で範囲を定める。',
  '「海洋協力協定」（以下「本協定」という。）',
  '本協定第2条。',
  '同条第1項。',
  '前条の規定。',
  '第4条から第6条まで',
  '（第 9 条）。',
  'NATO条約第5条第2項第一号',
  'Article 6 of the 海洋協力協定. ',
  'Articles 1 to 2 apply. ',
  'that Article. ',
  '国連憲章第51条',
  '日米地位協定の話。',
  '安保理決議第1244号を採択した。',
  '日ソ共同宣言',
  '同決議第3項、同宣言第9項。',
  '\n\n',
  '\n',
  '。',
  'あ',
  '第',
  '条',
  '5',
];

function citationsOf(service: TreatyService, uri: string) {
  return service.getCitations(uri).map(({ span, text, treatyId, treatyName, article, paragraph, item, status, scope }) => ({ span, text, treatyId, treatyName, article, paragraph, item, status, scope }));
}

function serviceWith(analysis: string): TreatyService {
  const { service } = indexFixture(`${TREATIES}\n//- /a.md\n${analysis}`);
  return service;
}

describe('resolving an analysis again after an edit', () => {
  it('equals resolving the edited text afresh, for random documents and series of edits', () => {
    const text = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));
    const edit = fc.tuple(fc.nat(), fc.nat(6), fc.constantFrom(...FRAGMENTS, ''));
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 4 }), (before, edits) => {
        const uri = uriOf('/a.md');
        const service = serviceWith(before);
        let current = before;
        for (const [at, removeLength, insert] of edits) {
          const position = at % (current.length + 1);
          current = current.slice(0, position) + insert + current.slice(position + removeLength);
          service.setDocument(uri, current);
          // Resolve after each edit, so that the next one resumes from this resolution.
          service.getCitations(uri);
        }
        expect(citationsOf(service, uri)).toEqual(citationsOf(serviceWith(current), uri));
      }),
      // A fixed seed keeps npm test repeatable; RESOLVE_SEED / RESOLVE_RUNS explore further.
      { numRuns: Number(process.env.RESOLVE_RUNS ?? 1000), seed: Number(process.env.RESOLVE_SEED ?? 20261204) },
    );
  });

  it('equals resolving afresh after edits of a treaty it cites, which keep the treaty’s names', () => {
    // Articles added, removed and renumbered move what 前条 and 次条 after a citation of the treaty count from, and
    // what exists to be cited; the analysis is edited between them too.
    const nat = [...parseFixture(TREATIES).files].find(([uri]) => uri.endsWith('/nat.md'))!;
    const section = (number: string, body = '締約国は、協議する。') => `## 第${number}条\n${body}\n`;
    const head = '---\ntreaty: nat\ntitle: 北大西洋条約\naliases: [NATO条約]\n---\n';
    const variants = [
      nat[1],
      head + section('4') + section('6', '一　領域に対する攻撃'),
      head + section('4') + section('4の2') + section('5', '攻撃とみなす。\n２　報告する。\n３　通報する。') + section('6'),
      head + section('3') + section('5') + section('7'),
      head,
    ];
    const step = fc.oneof(fc.constantFrom(...variants.keys()).map((variant) => ({ variant })), fc.tuple(fc.nat(), fc.constantFrom(...FRAGMENTS)).map(([at, insert]) => ({ at, insert })));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 30 }).map((parts) => parts.join('')), fc.array(step, { minLength: 1, maxLength: 5 }), (before, steps) => {
        const uri = uriOf('/a.md');
        const service = serviceWith(before);
        let current = before;
        let treaty = nat[1];
        for (const next of steps) {
          if ('variant' in next) {
            treaty = variants[next.variant]!;
            service.setDocument(nat[0], treaty);
          } else {
            const position = next.at % (current.length + 1);
            current = current.slice(0, position) + next.insert + current.slice(position);
            service.setDocument(uri, current);
          }
          service.getDiagnostics(uri);
        }
        const fresh = serviceWith(current);
        fresh.setDocument(nat[0], treaty);
        expect(citationsOf(service, uri)).toEqual(citationsOf(fresh, uri));
        expect(service.getDiagnostics(uri)).toEqual(fresh.getDiagnostics(uri));
      }),
      { numRuns: Number(process.env.RESOLVE_RUNS ?? 300), seed: Number(process.env.RESOLVE_SEED ?? 20261207) },
    );
  });

  it('announces a document citing an edited treaty as changed only when its diagnostics may have changed', () => {
    const nat = uriOf('/treaties/nat.md');
    const plain = uriOf('/a.md');
    const quoting = uriOf('/q.md');
    const { service } = indexFixture(`${TREATIES}\n//- /a.md\n北大西洋条約第5条を見よ。\n//- /q.md\n北大西洋条約第5条は「締約国は、協議する。」と定める。\n`);
    for (const uri of [plain, quoting]) service.getDiagnostics(uri);
    service.takeChangedDocuments();
    const text = service.getText(nat)!;
    // Article 4's words change: article 5 is still there, and only a quotation might now differ.
    service.setDocument(nat, text.replace('締約国は、協議する。', '締約国は、随時協議する。'));
    const changed = service.takeChangedDocuments();
    expect(changed).toEqual(expect.arrayContaining([nat, quoting]));
    expect(changed).not.toContain(plain);
    service.setDocument(nat, service.getText(nat)!.replace('## 第5条', '## 第7条'));
    expect(service.takeChangedDocuments()).toEqual(expect.arrayContaining([nat, plain, quoting]));
    expect(service.getDiagnostics(plain).map((diagnostic) => diagnostic.code)).toEqual(['unknown-article']);
  });

  it('keeps the resolution named before the edit for the 同決議 it resolves again', () => {
    const catalog = buildCatalog([]);
    const paragraph = '北大西洋条約第5条を見よ。同決議第3項も見よ。\n\n';
    const before = `安保理決議第1244号を採択した。\n\n${paragraph.repeat(20)}`;
    const middle = before.indexOf(paragraph) + paragraph.length * 10 + 2;
    const old = analyzeDocument('file:///a.md', before, DEFAULT_CONFIG);
    const edited = analyzeDocument('file:///a.md', `${before.slice(0, middle)}あ${before.slice(middle)}`, DEFAULT_CONFIG, old);
    const resolution = resolveFacts(edited, catalog, resolveFacts(old, catalog));
    expect(resolution.citations.filter((citation) => citation.syntax.qualifier?.kind === 'same').map((citation) => citation.treatyName)).toEqual(Array(20).fill('安保理決議第1244号'));
  });

  it('resolves a keystroke in a long analysis again only around it', () => {
    const fixture = parseFixture(TREATIES);
    const entries = [...fixture.files].map(([uri, text]) => ({ uri, facts: analyzeDocument(uri, text, DEFAULT_CONFIG) }));
    const catalog = buildCatalog(entries.map(({ uri, facts }) => ({ id: facts.treaty!.id, uri, treaty: facts.treaty! })));
    const paragraph = '北大西洋条約第5条及び第6条を見よ。同条第2項も見よ。\n\n';
    const before = paragraph.repeat(2000);
    const middle = before.length / 2;
    const old = analyzeDocument('file:///a.md', before, DEFAULT_CONFIG);
    const oldResolution = resolveFacts(old, catalog);
    const edited = analyzeDocument('file:///a.md', `${before.slice(0, middle)}あ${before.slice(middle)}`, DEFAULT_CONFIG, old);
    const resolution = resolveFacts(edited, catalog, oldResolution);
    expect(resolution.citations.map(({ syntax, ...rest }) => ({ span: syntax.span, ...rest }))).toEqual(
      resolveFacts(edited, catalog).citations.map(({ syntax, ...rest }) => ({ span: syntax.span, ...rest })),
    );
    // Before the edit the very same results; after it the old ones moved (their bindings are the old objects).
    expect(resolution.citations[0]).toBe(oldResolution.citations[0]);
    expect(resolution.bindings.at(-1)).toBe(oldResolution.bindings.at(-1));
    expect(resolution.citations.at(-1)!.syntax.span.start).toBe(oldResolution.citations.at(-1)!.syntax.span.start + 1);
  });
});

describe('resolving a long analysis a part at a time', () => {
  const fixture = parseFixture(TREATIES);
  const entries = [...fixture.files].map(([uri, text]) => ({ uri, facts: analyzeDocument(uri, text, DEFAULT_CONFIG) }));
  const catalog = buildCatalog(entries.map(({ uri, facts }) => ({ id: facts.treaty!.id, uri, treaty: facts.treaty! })));

  it('gives what resolving it in one piece gives, wherever the parts end', () => {
    const text = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }), (analysis, parts) => {
        const facts = analyzeDocument('file:///a.md', analysis, DEFAULT_CONFIG);
        const run = startResolution(facts, catalog);
        let resolution: Resolution | null = null;
        for (let call = 0; resolution === null; call++) resolution = run.advance(parts[call % parts.length]!);
        expect(resolution).toEqual(resolveFacts(facts, catalog));
      }),
      { numRuns: Number(process.env.RESOLVE_RUNS ?? 300), seed: Number(process.env.RESOLVE_SEED ?? 20261207) },
    );
  });

  // 3 citations a paragraph: 1,800 in all, more than one part.
  const long = '北大西洋条約第5条及び第6条を見よ。同条第2項も見よ。\n\n'.repeat(600);
  const resolveAllSome = (service: TreatyService): number => {
    let calls = 0;
    while (service.resolveSome(1) === 1) calls++;
    return calls;
  };

  it('lets resolveSome return between the parts of a long analysis', () => {
    const service = serviceWith('');
    const uri = uriOf('/long.md');
    service.setDocument(uri, long);
    expect(resolveAllSome(service)).toBe(4);
    const fresh = serviceWith('');
    fresh.setDocument(uri, long);
    expect(citationsOf(service, uri)).toEqual(citationsOf(fresh, uri));
  });

  it('starts again when the analysis or a treaty it cites changes between two parts', () => {
    const service = serviceWith('');
    const uri = uriOf('/long.md');
    service.setDocument(uri, long);
    service.resolveSome(1);
    const edited = `北大西洋条約第9条。\n\n${long}`;
    service.setDocument(uri, edited);
    service.resolveSome(1);
    const nat = [...fixture.files].find(([file]) => file.endsWith('/nat.md'))![0];
    const treaty = service.getText(nat)!.replace('## 第6条', '## 第9条');
    service.setDocument(nat, treaty);
    resolveAllSome(service);
    const fresh = serviceWith('');
    fresh.setDocument(uri, edited);
    fresh.setDocument(nat, treaty);
    expect(citationsOf(service, uri)).toEqual(citationsOf(fresh, uri));
    expect(service.getDiagnostics(uri)).toEqual(fresh.getDiagnostics(uri));
  });
});
