import { describe, expect, it } from 'vitest';
import { readMarkdownStructure } from '../../server/src/core/markdown/structure';
import { MASK_CHARACTER } from '../../server/src/core/types';

/** The text left visible after masking, with masked runs shown as `▒`. */
function visible(source: string): string {
  return readMarkdownStructure(source).masked.replace(new RegExp(`${MASK_CHARACTER}+`, 'g'), '▒');
}

describe('the Markdown structure pass', () => {
  it('masks front matter, keeping line breaks so offsets stay those of the source', () => {
    const source = '---\ncites: nat\n---\n第5条を見よ。\n';
    const structure = readMarkdownStructure(source);
    expect(structure.masked.length).toBe(source.length);
    expect(visible(source)).toBe('▒\n▒\n▒\n第5条を見よ。\n');
    expect(structure.frontMatter?.yaml).toBe('cites: nat\n');
  });

  it('masks fenced code blocks and code spans but not the prose around them', () => {
    expect(visible('前 `第1条` 後\n```\n第2条\n```\n第3条\n')).toBe('前 ▒ 後\n▒\n▒\n▒\n第3条\n');
  });

  it('pairs backtick runs of equal length only', () => {
    expect(visible('a ``x ` y`` b `c')).toBe('a ▒ b `c');
  });

  it('masks HTML comments and collects their bodies as directives', () => {
    const structure = readMarkdownStructure('前\n<!-- cites: nat -->\n第5条\n');
    expect(structure.comments.map((comment) => comment.body)).toEqual(['cites: nat']);
    expect(visible('前\n<!-- cites: nat -->\n第5条\n')).toBe('前\n▒\n第5条\n');
  });

  it('ends a comment block at the line holding -->, so an indented line after it is code (CommonMark HTML block)', () => {
    expect(visible('<!--  -->~~~\n    第5条\n')).toBe('▒~~~\n▒\n');
    expect(visible('前文\n<!-- a\nb -->\n第5条\n')).toBe('前文\n▒\n▒\n第5条\n');
  });

  it('collects ATX headings with their text spans', () => {
    const source = '# 第一章 総則\n\n## 第5条（集団防衛） ##\n本文\n';
    const headings = readMarkdownStructure(source).headings;
    expect(headings.map((heading) => [heading.level, heading.text])).toEqual([
      [1, '第一章 総則'],
      [2, '第5条（集団防衛）'],
    ]);
    const second = headings[1]!;
    expect(source.slice(second.textSpan.start, second.textSpan.end)).toBe('第5条（集団防衛）');
  });

  it('treats full-width indentation as prose, not as an indented code block', () => {
    expect(visible('\n　第一条　目的\n')).toBe('\n　第一条　目的\n');
    expect(visible('前\n\n    code 第1条\n')).toBe('前\n\n▒\n');
  });

  it('handles CRLF line endings and a byte order mark', () => {
    const source = '\uFEFF---\r\ntreaty: x\r\n---\r\n本文 `第1条`\r\n';
    const structure = readMarkdownStructure(source);
    expect(structure.frontMatter).not.toBeNull();
    expect(structure.masked.endsWith('本文 ' + MASK_CHARACTER.repeat(5) + '\r\n')).toBe(true);
  });
});
