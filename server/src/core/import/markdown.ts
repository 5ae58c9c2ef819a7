// Writing an imported document: text taken from a source is escaped wherever Markdown would read it as markup, so
// an asterisk, a bracket or an HTML tag in a law stays text; front matter is written by the YAML library.

import { stringify } from 'yaml';

// Inline markup anywhere in a line: emphasis, code, links, HTML and entities, strikethrough, escapes themselves.
const INLINE = /[\\`*_[\]<>&~]/g;
// Block markup at a line's start: headings, quotes, lists, thematic breaks and setext underlines, tables.
const BLOCK_START = /^(?:[#>+=|-]|[0-9]{1,9}(?=[.)]))/;

/**
 * One line of source text as Markdown that renders (and parses) as that text. The first `keep` characters are a label
 * the treaty parser reads (`1.` of a paragraph, `1)` of an item) and stay as they are.
 */
export function escapeMarkdownLine(text: string, keep = 0): string {
  if (keep > 0) return text.slice(0, keep) + escapeMarkdownLine(text.slice(keep)).replace(/^\\(?=[-+=])/, '');
  const inline = text.replace(INLINE, '\\$&');
  const start = BLOCK_START.exec(inline);
  if (!start) return inline;
  // `1.` stays `1` followed by an escaped `.`; a leading mark is escaped itself.
  return /^[0-9]/.test(start[0]) ? `${start[0]}\\${inline.slice(start[0].length)}` : `\\${inline}`;
}

/** A YAML front matter block of the given fields, in order; null and empty fields are left out. */
export function frontMatterBlock(fields: Readonly<Record<string, string | readonly string[] | null | undefined>>): string {
  const kept: Record<string, string | readonly string[]> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === undefined || value.length === 0) continue;
    kept[key] = value;
  }
  return `---\n${stringify(kept, { lineWidth: 0 })}---\n`;
}
