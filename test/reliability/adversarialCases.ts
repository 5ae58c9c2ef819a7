// The adversarial inputs of the hang guard (adversarial.test.ts): each grammar rule and each Markdown construct fed
// about 1 MB of what a backtracking regular expression or a rescanning loop would choke on. Dense inputs (a citation
// or an article every few characters) are 256 KB: linear, but each provision costs real work.

export const MB = 1 << 20;
const DENSE = MB / 4;

/** `piece` repeated to about 1 MB. */
const fill = (piece: string, size = MB): string => piece.repeat(Math.ceil(size / piece.length));

/** The adversarial inputs: name → text (built lazily, one at a time). */
export const CASES: Record<string, () => string> = {
  // From the issue: each grammar trigger followed by a million of what could continue it.
  '第 + a million digits': () => '第' + '1'.repeat(MB),
  '第 + a million spaces': () => '第' + ' '.repeat(MB),
  '第 + a million ideographic spaces': () => '第' + '\u3000'.repeat(MB),
  '第 + a million kanji numerals': () => '第' + '一'.repeat(MB),
  '第1条 + ten thousand 及び': () => '第1条' + '及び'.repeat(10_000) + '第2条',
  'a series of ten thousand 及び': () => fill('第1条及び', 60_000) + '第2条',
  '「 × 100k': () => '「'.repeat(100_000),
  '「 unclosed names': () => fill('「条約'),
  'Article + a million digits': () => 'Article ' + '1'.repeat(MB),
  'Article Article Article…': () => fill('Article '),
  'Article 5( unclosed': () => fill('Article 5(', DENSE),
  'Article 5 of the of the…': () => 'Article 5' + fill(' of the'),
  'Articles 1, 2, 3, … (a 60 KB list)': () => 'Articles ' + Array.from({ length: 10_000 }, (_, index) => index + 1).join(', '),
  'статья + a million digits': () => 'статья ' + '1'.repeat(MB),
  'пункт 1 статьи пункт 1 статьи…': () => fill('пункт 1 статьи ', DENSE),
  '（ nesting': () => '（'.repeat(MB / 2) + '）'.repeat(MB / 2),
  '( nesting': () => '('.repeat(MB / 2) + ')'.repeat(MB / 2),
  '同 同 同…': () => fill('同'),
  '前各号前各号…': () => fill('前各号', DENSE),
  'a million backticks': () => '`'.repeat(MB),
  'backtick runs of every length': () => Array.from({ length: 1400 }, (_, index) => '`'.repeat(index + 1) + ' ').join(''),
  '<!-- without end': () => '<!--' + fill('第1条 '),
  '<!-- opening every paragraph, never closed': () => fill('<!--\n\n'),
  '<!-- opening every paragraph, closed at the end': () => fill('<!-- x\n\n') + '-->',
  '--- front matter without end': () => '---\n' + fill('treaty: x\n'),
  '--- front matter of a megabyte': () => '---\n' + fill('k: v\n') + '---\n第1条\n',
  '``` fence without end': () => '```\n' + fill('第1条\n'),
  'alternating fences': () => fill('```\n~~~~\n'),
  'a heading with a megabyte of spaces': () => '# a' + ' '.repeat(MB) + 'b',
  'heading marks': () => fill('# #'),
  'indented code lines': () => fill('    第1条\n'),
  'a million line feeds': () => '\n'.repeat(MB),
  'a million line feeds, then one carriage return': () => '\n'.repeat(MB) + '\r',
  'a million carriage returns': () => '\r'.repeat(MB),
  'a million CRLFs': () => '\r\n'.repeat(MB / 2),
  'a megabyte line of surrogate pairs': () => fill('😀'),
  'a megabyte of lone surrogates': () => fill('\uD800'),
  'combining marks on every character': () => fill('第\u03011\u0301条\u0301'),
  'a megabyte of NUL': () => '\u0000'.repeat(MB),
  'sentence ends after abbreviations': () => fill('Art. A. '),
  '<!-- cites: --> directives': () => fill('<!-- cites: x -->'),
  // Front matter the YAML library must never see in full (these once hung the process or aborted it).
  'YAML: a self-referencing alias repeated': () => '---\na: &a [' + '*a,'.repeat(1000) + ']\n---\n',
  'YAML: a billion laughs': () => `---\ntreaty: t\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [${'*a,'.repeat(9)}]\nc: &c [${'*b,'.repeat(9)}]\nd: [${'*c,'.repeat(9)}]\n---\n第1条\n`,
  'YAML: flow nesting 8000 deep': () => '---\nx: ' + '['.repeat(8000) + ']'.repeat(8000) + '\n---\n',
  'YAML: block nesting by indentation': () => '---\n' + Array.from({ length: 2000 }, (_, index) => ' '.repeat(index) + 'k:').join('\n') + '\n---\n',
  // Treaty documents: the treaty parser's line classifier on the same kind of input.
  // 44k duplicate-label problems: more than a call takes arguments on the guard's 300 KB stack (push(...problems) threw).
  'a treaty of 40k articles, all 第1条': () => '---\ntreaty: t\n---\n' + fill('第1条\n', DENSE),
  'a treaty of Article headings': () => '---\ntreaty: t\n---\n' + fill('## Article 1\n', DENSE),
  'a treaty line of paragraph labels': () => '---\ntreaty: t\n---\n第1条\n' + fill('２　'),
  'a treaty of items': () => '---\ntreaty: t\n---\n第1条\n' + fill('一　a\n', DENSE),
  'a treaty line of (a) (a) (a)': () => '---\ntreaty: t\n---\nArticle 1\n' + fill('(a) '),
};
