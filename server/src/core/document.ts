// Everything the core learns from one document on its own, without looking at the rest of the workspace:
// its Markdown structure, front matter, treaty model (for treaty documents), citations and directives.
// The index caches one of these per document and recomputes it only when that document changes.

import { scanCitations } from './citation/scan';
import type { TreatyConfig } from './config';
import { EMPTY_FRONT_MATTER, parseFrontMatter } from './frontMatter';
import { readMarkdownStructure, type Heading } from './markdown/structure';
import { newReading, rereadText, type Reading } from './reading';
import { LineIndex } from './text/lineIndex';
import { readOfficialText } from './treaty/official';
import { parseTreaty } from './treaty/parse';
import type { CitationLanguage, CitationScan, ParseProblem, Span, Treaty, TreatyFrontMatter } from './types';

/** `<!-- cites: id -->`: the default treaty from `offset` on. */
export interface CitesDirective {
  readonly offset: number;
  readonly treatyId: string;
  readonly span: Span;
}

/** A suppressed region: codes (empty = every code) are not reported between start and end. */
export interface Suppression {
  readonly start: number;
  readonly end: number;
  readonly codes: readonly string[];
}

export interface DocumentFacts {
  readonly uri: string;
  readonly text: string;
  readonly lineIndex: LineIndex;
  readonly kind: 'treaty' | 'analysis';
  readonly frontMatter: TreatyFrontMatter;
  /** The parsed treaty, for treaty documents with an id. */
  readonly treaty: Treaty | null;
  readonly scan: CitationScan;
  /** The structure and scan, kept so the next edit can re-read only around the change. */
  readonly reading: Reading;
  readonly languages: readonly CitationLanguage[];
  readonly headings: readonly Heading[];
  readonly directives: readonly CitesDirective[];
  readonly suppressions: readonly Suppression[];
  /** Problems of the document itself (front matter, treaty structure). */
  readonly problems: readonly ParseProblem[];
}

/**
 * Reads one document. Pure and total: any text gives a result. Given the previous facts of the same
 * document, an analysis is re-read only around the edit (see reading.ts).
 *
 * A treaty document is one whose front matter names its id (`treaty:`), or, when it has no front matter, whose
 * body is an official text as published (official.ts): its id is then the file name's stem. `title:` alone is
 * not enough: analyses written for Jekyll, Hugo, Obsidian or Quarto carry one.
 */
export function analyzeDocument(uri: string, text: string, config: TreatyConfig, previous?: DocumentFacts): DocumentFacts {
  const plainText = isPlainTextFile(uri);
  const reread =
    previous && previous.kind === 'analysis' && previous.languages === config.languages
      ? rereadText(previous.reading, previous.text, text, config.languages, plainText)
      : null;
  const structure = reread?.structure ?? readMarkdownStructure(text, plainText);
  let frontMatter = EMPTY_FRONT_MATTER;
  const problems: ParseProblem[] = [];
  let treaty: Treaty | null = null;
  if (structure.frontMatter) {
    const parsed = parseFrontMatter(structure.frontMatter.yaml, structure.frontMatter.yamlStart, structure.frontMatter.span);
    frontMatter = parsed.frontMatter;
    problems.push(...parsed.problems);
    if (frontMatter.treaty !== null) {
      // The original text, not the masked one: summaries may sit in HTML comments.
      treaty = parseTreaty(text, structure.frontMatter.span.end, {
        id: frontMatter.treaty,
        title: frontMatter.title ?? frontMatter.treaty,
        short: frontMatter.short,
        aliases: frontMatter.aliases,
        lang: frontMatter.lang,
      });
    } else if (parsed.problems.length === 0 && readOfficialText(text, structure.frontMatter.span.end, structure.headings) !== null) {
      problems.push({
        span: structure.frontMatter.span,
        code: 'missing-treaty-id',
        message: 'this file holds an official text, but its front matter has no `treaty:` id, so it is read as an analysis and nothing can cite it',
      });
    }
  } else {
    const id = fileStem(uri);
    const official = id === '' ? null : readOfficialText(text, 0, structure.headings);
    if (official) treaty = { ...official.treaty, id, lang: official.lang };
  }
  // Not push(...problems): a treaty of 100k duplicate labels has more problems than a call takes arguments.
  if (treaty) for (const problem of treaty.problems) problems.push(problem);
  const isTreaty = treaty !== null;
  const reading: Reading = reread && !isTreaty ? reread : newReading(structure, scanCitations(structure.masked, config.languages, { treatyDocument: isTreaty }));
  const scan = reading.scan;
  const directives: CitesDirective[] = [];
  const suppressions: Suppression[] = [];
  const lineIndex = new LineIndex(text);
  let openDisable: { start: number; codes: string[] } | null = null;
  for (const comment of structure.comments) {
    const cites = /^cites\s*:\s*(\S+)$/.exec(comment.body);
    if (cites) {
      directives.push({ offset: comment.span.end, treatyId: cites[1]!, span: comment.span });
      continue;
    }
    const suppression = /^treaty-check-(disable-next-line|disable|enable)\b\s*(.*)$/.exec(comment.body);
    if (!suppression) continue;
    const codes = suppression[2]!.split(/[\s,]+/).filter((code) => code.length > 0);
    if (suppression[1] === 'disable-next-line') {
      const line = lineIndex.positionAt(comment.span.end).line + 1;
      suppressions.push({ start: lineIndex.lineStart(line), end: lineIndex.lineStart(line + 1), codes });
      if (line + 1 >= lineIndex.lineCount) suppressions[suppressions.length - 1] = { start: lineIndex.lineStart(line), end: text.length, codes };
    } else if (suppression[1] === 'disable') {
      openDisable = { start: comment.span.end, codes };
    } else if (openDisable) {
      suppressions.push({ start: openDisable.start, end: comment.span.start, codes: openDisable.codes });
      openDisable = null;
    }
  }
  if (openDisable) suppressions.push({ start: openDisable.start, end: text.length, codes: openDisable.codes });
  return {
    uri,
    text,
    lineIndex,
    kind: isTreaty ? 'treaty' : 'analysis',
    reading,
    languages: config.languages,
    frontMatter,
    treaty,
    scan,
    headings: structure.headings,
    directives,
    suppressions,
    problems,
  };
}

/** True when a diagnostic with `code` at `span` is silenced by a suppression comment. */
/** The treaty id the `<!-- cites: -->` directive before `offset` names, else the `cites:` front matter's, else null. */
export function directiveAt(facts: DocumentFacts, offset: number): string | null {
  let directive: string | null = facts.frontMatter.cites;
  for (const entry of facts.directives) if (entry.offset <= offset) directive = entry.treatyId;
  return directive;
}

export function isSuppressed(facts: DocumentFacts, code: string, span: Span): boolean {
  return facts.suppressions.some(
    (suppression) => span.start >= suppression.start && span.start < suppression.end && (suppression.codes.length === 0 || suppression.codes.includes(code)),
  );
}

/** `.txt` files are plain text, not Markdown. */
function isPlainTextFile(uri: string): boolean {
  return /\.txt$/i.test(uri.replace(/[?#].*$/, ''));
}

/** The id of a treaty document without front matter: its file name without the extension, in lower case. */
function fileStem(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A malformed escape: the name as written.
  }
  return decoded.replace(/\.[^.]*$/, '').trim().toLowerCase();
}
