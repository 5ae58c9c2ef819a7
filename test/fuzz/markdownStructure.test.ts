// The Markdown structure pass against remark, on random Markdown: every character remark calls code is masked.
import fc from 'fast-check';
import { remark } from 'remark';
import { describe, expect, it } from 'vitest';
import { readMarkdownStructure } from '../../server/src/core/markdown/structure';
import { MASK_CHARACTER } from '../../server/src/core/types';

/** What the test reads of remark's syntax tree (offsets are always set by its parser). */
interface SyntaxNode {
  readonly type: string;
  readonly position?: { readonly start: { readonly offset: number }; readonly end: { readonly offset: number } };
  readonly children?: readonly SyntaxNode[];
}

describe('the Markdown structure pass', () => {
  it('agrees with remark on which text is code', () => {
    const fragment = fc.constantFrom('第5条', ' ', '\n', '\n\n', '`', '``', '```\n', '~~~\n', '    ', '# ', '<!-- ', ' -->', 'テキスト', '_');
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
        const source = parts.join('');
        const masked = readMarkdownStructure(source).masked;
        const codeOffsets = new Set<number>();
        (remark().parse(source).children as unknown as SyntaxNode[]).forEach(function visit(node) {
          if ((node.type === 'code' || node.type === 'inlineCode') && node.position) {
            for (let offset = node.position.start.offset; offset < node.position.end.offset; offset++) codeOffsets.add(offset);
          }
          node.children?.forEach(visit);
        });
        // Every character remark calls code is masked by us (we may mask more: comments, front matter).
        // List markers are left out of the alphabet: code indented inside list items is not recognised.
        for (const offset of codeOffsets) {
          if (source[offset] === '\n' || source[offset] === '\r') continue;
          if (/\s/.test(source[offset]!)) continue;
          expect(masked[offset], `offset ${offset} of ${JSON.stringify(source)}`).toBe(MASK_CHARACTER);
        }
      }),
      // A fixed seed keeps npm test repeatable; STRUCTURE_SEED / STRUCTURE_RUNS explore further.
      { numRuns: Number(process.env.STRUCTURE_RUNS ?? 2000), seed: Number(process.env.STRUCTURE_SEED ?? 20261204) },
    );
  });
});
