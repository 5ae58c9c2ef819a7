// Front matter is YAML, read by a library whose cost grows with size, nesting and aliases, and which throws on
// some alias misuse. Malformed or hostile front matter must give one `invalid-front-matter` diagnostic at the front
// matter, quickly, and never an exception (these inputs once escaped analyzeDocument, took minutes, or made V8 abort).

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { analyzeDocument } from '../../server/src/core/document';
import { DOC_URI, serviceOver, TREATY_FILES } from '../fuzz/properties';

// Far above the few milliseconds these take, far below the minutes they once took: a loaded 2-core machine must
// not fail it (the tight figures are the benchmark's job).
const LIMIT_MS = 10_000;

const treaty = (yaml: string): string => `---\n${yaml}\n---\n\n## 第1条\n\n本文。\n`;

function frontMatterProblems(text: string): { codes: string[]; insideFrontMatter: boolean; ms: number } {
  const started = performance.now();
  const facts = analyzeDocument(DOC_URI, text, DEFAULT_CONFIG);
  const ms = performance.now() - started;
  const end = text.indexOf('\n---\n', 4) + 4;
  return {
    codes: [...new Set(facts.problems.map((problem) => problem.code))],
    insideFrontMatter: facts.problems.every((problem) => problem.span.start >= 0 && problem.span.end <= end),
    ms,
  };
}

describe('front matter the YAML library must not see whole', () => {
  const cases: Record<string, string> = {
    'a billion laughs (aliases expanding to 9⁴ nodes)': treaty(`treaty: t\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [${'*a,'.repeat(9)}]\nc: &c [${'*b,'.repeat(9)}]\nd: [${'*c,'.repeat(9)}]`),
    'aliases that refer to each other': treaty('treaty: t\na: &a [*b]\nb: &b [*a]'),
    'a thousand self-references': treaty('treaty: t\na: &a [' + '*a,'.repeat(1000) + ']'),
    'flow collections 8000 deep': treaty('treaty: t\nx: ' + '['.repeat(8000) + ']'.repeat(8000)),
    'block mappings 2000 deep by indentation': treaty('treaty: t\n' + Array.from({ length: 2000 }, (_, index) => ' '.repeat(index) + 'k:').join('\n')),
    'a compact sequence 1000 deep on one line': treaty('treaty: t\nx:\n  ' + '- '.repeat(1000) + 'x'),
    'forty kilobytes of keys': treaty('treaty: t\n' + Array.from({ length: 4000 }, (_, index) => `k${index}: v`).join('\n')),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: one invalid-front-matter problem at the front matter, no exception, under ${LIMIT_MS} ms`, () => {
      const result = frontMatterProblems(text);
      expect(result.codes).toContain('invalid-front-matter');
      expect(result.insideFrontMatter).toBe(true);
      expect(result.ms).toBeLessThan(LIMIT_MS);
    });
  }

  it('survives deeper and deeper flow nesting in a row (each parse once left less stack for the next; V8 then aborted)', () => {
    for (const depth of [2000, 4000, 8000, 16000]) {
      expect(frontMatterProblems(treaty('treaty: t\nx: ' + '['.repeat(depth) + ']'.repeat(depth))).codes).toEqual(['invalid-front-matter']);
    }
  });
});

describe('front matter that is merely wrong', () => {
  it('reports malformed YAML in a treaty file at the place the parser stopped, and the rest of the workspace still works', () => {
    const text = treaty('treaty: broken\ntitle: [unclosed\naliases: {');
    const service = serviceOver(new Map([...TREATY_FILES, [DOC_URI, text]]));
    const diagnostics = service.getDiagnostics(DOC_URI);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('invalid-front-matter');
    const end = text.indexOf('\n---\n', 4) + 4;
    expect(diagnostics.every((diagnostic) => diagnostic.code !== 'invalid-front-matter' || diagnostic.span.end <= end)).toBe(true);
    expect(service.getStats().treaties).toBe(TREATY_FILES.size);
  });

  it('reads YAML tags that would construct code (!!js/function) as plain values, never as code', () => {
    const text = treaty('treaty: tagged\ntitle: !!js/function "function () { globalThis.pwned = true }"\nshort: !!js/eval "globalThis.pwned = true"');
    const service = serviceOver(new Map([...TREATY_FILES, [DOC_URI, text]]));
    service.getDiagnostics(DOC_URI);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });
});
