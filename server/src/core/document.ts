// Everything the core learns from one document on its own, without looking at the rest of the workspace:
// its Markdown structure, front matter, treaty model (for treaty documents), citations and directives.
// The index caches one of these per document and recomputes it only when that document changes.

import { scanCitations } from './citation/scan';
import type { TreatyConfig } from './config';
import { EMPTY_FRONT_MATTER, parseFrontMatter } from './frontMatter';
import { readMarkdownStructure, type Heading } from './markdown/structure';
import { newReading, rereadText, type Reading } from './reading';
import { LineIndex } from './text/lineIndex';
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

// Front matter keys that only a treaty document carries.
const TREATY_KEYS = ['treaty', 'title', 'short', 'aliases'];

/**
 * Reads one document. Pure and total: any text gives a result. Given the previous facts of the same
 * document, an analysis is re-read only around the edit (see reading.ts).
 */
export function analyzeDocument(uri: string, text: string, config: TreatyConfig, previous?: DocumentFacts): DocumentFacts {
  const reread =
    previous && previous.kind === 'analysis' && previous.languages === config.languages
      ? rereadText(previous.reading, previous.text, text, config.languages)
      : null;
  const structure = reread?.structure ?? readMarkdownStructure(text);
  let frontMatter = EMPTY_FRONT_MATTER;
  const problems: ParseProblem[] = [];
  let keys: readonly string[] = [];
  if (structure.frontMatter) {
    const parsed = parseFrontMatter(structure.frontMatter.yaml, structure.frontMatter.yamlStart, structure.frontMatter.span);
    frontMatter = parsed.frontMatter;
    keys = parsed.keys;
    problems.push(...parsed.problems);
  }
  const looksLikeTreaty = keys.some((key) => TREATY_KEYS.includes(key));
  let treaty: Treaty | null = null;
  if (looksLikeTreaty && frontMatter.treaty === null) {
    problems.push({
      span: frontMatter.span ?? { start: 0, end: 0 },
      code: 'missing-treaty-id',
      message: 'this treaty document has no `treaty:` id in its front matter, so nothing can cite it',
    });
  } else if (frontMatter.treaty !== null) {
    const bodyStart = frontMatter.span?.end ?? 0;
    // The original text, not the masked one: summaries may sit in HTML comments.
    treaty = parseTreaty(text, bodyStart, {
      id: frontMatter.treaty,
      title: frontMatter.title ?? frontMatter.treaty,
      short: frontMatter.short,
      aliases: frontMatter.aliases,
      lang: frontMatter.lang,
    });
    // Not push(...problems): a treaty of 100k duplicate labels has more problems than a call takes arguments.
    for (const problem of treaty.problems) problems.push(problem);
  }
  const isTreaty = looksLikeTreaty || frontMatter.treaty !== null;
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
