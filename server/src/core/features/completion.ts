// Feature: completion — the articles of the treaty in scope after `第` / `Article ` (which treaty: the same
// rules as resolution, by resolving a citation at the cursor), the paragraphs after `同条第` / `前条第` / `第5条第`,
// treaty names after `「`, and treaty ids in `cites:` front matter and `<!-- cites: -->` directives.
// Per request: the text before the cursor on its line, the citations before the cursor, one treaty's articles.

import type { CompletionItem } from '../api';
import { lookupTreatyName } from '../catalog';
import type { DocumentFacts } from '../document';
import { resolveDocument, type ResolvedCitation } from '../resolve';
import { normaliseArticleNumber } from '../treaty/labels';
import { MASK_CHARACTER, sentenceStart as startOfSentence, type Article, type CitationSyntax, type Qualifier, type Span } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { writeNumber, type NumeralScript } from '../text/numerals';
import { findCitation } from './lookup';
import { partitionPoint } from '../text/search';

/** How far back on the line the context is read. */
const LOOK_BEHIND = 200;
/** How many citations before the current sentence are replayed to set the scene. */
const WINDOW = 50;
/** The first words of an article, as completion documentation. */
const PREVIEW = 80;

const KANJI = '〇一二三四五六七八九十百千';
const NUMERAL = `(?:[0-9]+|[０-９]+|[${KANJI}]+)`;
const TYPED = `([0-9０-９${KANJI}]*)`;
const CITES_FRONT_MATTER = /^[ \t]*cites[ \t]*:[ \t]*([^\s#]*)$/;
const CITES_DIRECTIVE = /<!--[ \t]*cites[ \t]*:[ \t]*(\S*)$/;
const OPEN_QUOTE = /「([^「」\r\n]{0,40})$/;
const PARAGRAPH = new RegExp(`(同条|前条|次条|本条|この条|第[ 　]*(${NUMERAL})[ 　]*条((?:の${NUMERAL})*))第${TYPED}$`);
const RELATIVE_ARTICLE: Readonly<Record<string, NonNullable<CitationSyntax['article']>>> = {
  同条: { kind: 'same' },
  前条: { kind: 'previous', count: 1 },
  次条: { kind: 'next' },
  本条: { kind: 'this' },
  この条: { kind: 'this' },
};
const ARTICLE_JA = new RegExp(`(^|[^次])第${TYPED}$`);
const ARTICLE_EN = /(?:^|[^A-Za-z])(?:Article|ARTICLE|Art\.)[ \t\u00a0]+([0-9]*)$/;
const SAME_INSTRUMENT = /同(条約|協定|憲章|議定書|規約|宣言|決議|法)$/;
const THIS_INSTRUMENT = /(?:本|この)(条約|協定|憲章|議定書|規約|宣言|決議|法律|法)$/;
const NAME_TAIL = /[^\s、。，．・「」『』（）()［］\[\],.;:：；]{2,60}$/;
const INSTRUMENT_WORD = /(?:条約|協定|憲章|議定書|規約|宣言|決議|法|Convention|Treaty|Charter|Agreement|Protocol)$/;


export function findCompletions(index: WorkspaceIndex, uri: string, offset: number): CompletionItem[] {
  const facts = index.facts(uri);
  if (!facts || offset < 0 || offset > facts.text.length) return [];
  const text = facts.text;
  const lineStart = facts.lineIndex.lineStart(facts.lineIndex.positionAt(offset).line);
  const before = text.slice(Math.max(lineStart, offset - LOOK_BEHIND), offset);
  const startOf = (typed: string): number => offset - typed.length;

  const frontMatter = facts.frontMatter.span;
  if (frontMatter && offset <= frontMatter.end) {
    const cites = CITES_FRONT_MATTER.exec(before);
    return cites ? treatyIds(index, { start: startOf(cites[1]!), end: offset }) : [];
  }
  const directive = CITES_DIRECTIVE.exec(before);
  if (directive) return treatyIds(index, { start: startOf(directive[1]!), end: offset });
  // Code is never a citation (the masked text blanks it, comments and front matter were answered above).
  if (offset > 0 && facts.reading.structure.masked[offset - 1] === MASK_CHARACTER) return [];
  const quote = OPEN_QUOTE.exec(before);
  if (quote && !quote[1]!.includes('第')) return treatyNames(index, { start: startOf(quote[1]!), end: offset });

  const paragraph = PARAGRAPH.exec(before);
  if (paragraph) {
    const typed = paragraph[4]!;
    const secondDai = offset - typed.length - 1;
    const articleStart = secondDai - paragraph[1]!.length;
    const article = RELATIVE_ARTICLE[paragraph[1]!] ?? { kind: 'number', value: normaliseArticleNumber(`${paragraph[2]}${paragraph[3]!}`) };
    const scope = citationEndingAt(index, uri, secondDai) ?? resolveAt(index, facts, articleStart, offset, 'ja', article, qualifierBefore(index, facts, articleStart, lineStart));
    const target = scope && index.articleOf(scope);
    if (!target) return [];
    return paragraphItems(index.facts(target.entry.uri)?.text ?? '', target.article, { start: secondDai, end: offset }, scriptOf(typed));
  }

  const japanese = ARTICLE_JA.exec(before);
  if (japanese) {
    const typed = japanese[2]!;
    const dai = offset - typed.length - 1;
    const scope = resolveAt(index, facts, dai, offset, 'ja', { kind: 'number', value: '1' }, qualifierBefore(index, facts, dai, lineStart));
    const replace = { start: dai, end: offset + (/^[0-9０-９〇一二三四五六七八九十百千]*条/.exec(text.slice(offset, offset + 8))?.[0].length ?? 0) };
    return articleItems(index, scope, replace, (article) => japaneseLabel(article.number, scriptOf(typed)));
  }

  const english = ARTICLE_EN.exec(before);
  if (english) {
    const typed = english[1]!;
    const start = startOf(typed);
    const scope = resolveAt(index, facts, start, offset, 'en', { kind: 'number', value: '1' }, null);
    return articleItems(index, scope, { start, end: offset }, (article) => article.number.replace(/_/g, ' '), 'Article ');
  }
  return [];
}

/** The citation the index already holds that ends at `end` (`同条`, `第5条` before a second `第`). */
function citationEndingAt(index: WorkspaceIndex, uri: string, end: number): ResolvedCitation | undefined {
  return findCitation(index, uri, (span) => (end < span.end ? -1 : end > span.end ? 1 : 0));
}

/**
 * Resolves a citation as if written at [start, end): the citations before it set the scene (sentence topics,
 * 同条, carry-over, directives, aliases) exactly as for a real one, so completion and resolution agree.
 * Only the current sentence and the last WINDOW citations before it are replayed (each series whole):
 * what decides a citation's treaty and 同条 lies there, and a keystroke must not re-resolve a whole book.
 */
function resolveAt(
  index: WorkspaceIndex,
  facts: DocumentFacts,
  start: number,
  end: number,
  language: CitationSyntax['language'],
  article: NonNullable<CitationSyntax['article']>,
  qualifier: Qualifier | null,
): ResolvedCitation | undefined {
  const citations = facts.scan.citations;
  const count = firstStartingAtOrAfter(citations, start);
  let from = Math.min(Math.max(0, count - WINDOW), firstStartingAtOrAfter(citations, sentenceStart(facts, start)));
  // Never cut a list or range in two: its later members inherit from its first.
  for (let position = count - 1; position >= from; position--) {
    const previous = citations[position]!.seriesPrevious;
    if (previous !== null && previous < from) from = previous;
  }
  const replayed = citations.slice(from, count).map((citation) =>
    citation.seriesPrevious === null || from === 0 ? citation : { ...citation, seriesPrevious: citation.seriesPrevious - from },
  );
  // Treaty names mentioned before the window matter only through the last of them (同条約), unless the
  // treaty the whole document names most decides, which a cites directive or front matter rules out.
  const windowStart = Math.min(citations[from]?.span.start ?? start, start);
  const mentions = facts.scan.mentions;
  const directed = facts.frontMatter.cites !== null || facts.directives.some((directive) => directive.offset <= windowStart);
  const after = mentions.findIndex((mention) => mention.span.end > windowStart);
  const firstMention = directed ? Math.max(0, (after < 0 ? mentions.length : after) - 1) : 0;
  const synthetic: CitationSyntax = {
    span: { start, end },
    language,
    kind: 'explicit',
    article,
    paragraph: null,
    item: null,
    subitem: null,
    part: null,
    supplementary: false,
    preamble: false,
    annex: null,
    division: null,
    qualifier,
    seriesPrevious: null,
    rangeRole: null,
  };
  const scan = { ...facts.scan, citations: [...replayed, synthetic], mentions: firstMention > 0 ? mentions.slice(firstMention) : mentions };
  const resolved = resolveDocument({ ...facts, scan }, index.catalog);
  return resolved[resolved.length - 1];
}

/** Where the sentence holding `offset` starts. */
function sentenceStart(facts: DocumentFacts, offset: number): number {
  const ends = facts.scan.sentenceEnds;
  if (ends.length === 0) return offset;
  // The first sentence ending after `offset` holds it (the last one, past the text's end).
  return startOfSentence(ends, Math.min(partitionPoint(ends.length, (index) => ends[index]! <= offset), ends.length - 1));
}

/** The index of the first citation starting at or after `offset` (citations are in document order). */
function firstStartingAtOrAfter(citations: readonly CitationSyntax[], offset: number): number {
  return partitionPoint(citations.length, (index) => citations[index]!.span.start < offset);
}

/** The instrument written just before `第`: `北大西洋条約`, an alias the grammar saw, `同条約`, `本条約`. */
function qualifierBefore(index: WorkspaceIndex, facts: DocumentFacts, at: number, lineStart: number): Qualifier | null {
  const mention = facts.scan.mentions.find((candidate) => candidate.span.end === at);
  if (mention) return { kind: 'name', name: mention.name, span: mention.span };
  const before = facts.text.slice(Math.max(lineStart, at - 60), at);
  const same = SAME_INSTRUMENT.exec(before);
  if (same) return { kind: 'same', word: same[0], span: { start: at - same[0].length, end: at } };
  const self = THIS_INSTRUMENT.exec(before);
  if (self) return { kind: 'this', span: { start: at - self[0].length, end: at } };
  const tail = NAME_TAIL.exec(before);
  if (tail && (lookupTreatyName(index.catalog, tail[0]) !== null || INSTRUMENT_WORD.test(tail[0]))) {
    return { kind: 'name', name: tail[0], span: { start: at - tail[0].length, end: at } };
  }
  return null;
}

function articleItems(
  index: WorkspaceIndex,
  scope: ResolvedCitation | undefined,
  replace: Span,
  newText: (article: Article) => string,
  labelPrefix = '',
): CompletionItem[] {
  const entry = scope?.treatyId ? index.treatyEntry(scope.treatyId) : undefined;
  if (!entry) return [];
  const text = index.facts(entry.uri)?.text ?? '';
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const article of entry.treaty.articles) {
    if (article.supplementaryGroup !== scope!.supplementaryGroup || article.number === '' || seen.has(article.number)) continue;
    seen.add(article.number);
    const insert = newText(article);
    items.push({
      label: labelPrefix + insert,
      kind: 'article',
      detail: article.caption,
      documentation: articlePreview(text, article),
      edit: { span: replace, newText: insert },
      sortText: String(items.length).padStart(5, '0'),
    });
  }
  return items;
}

function paragraphItems(treatyText: string, article: Article, replace: Span, script: NumeralScript): CompletionItem[] {
  return article.paragraphs.map((paragraph, position) => {
    const label = `第${writeNumber(paragraph.number, script)}項`;
    const start = paragraph.labelSpan?.end ?? paragraph.span.start;
    return {
      label,
      kind: 'article',
      detail: `${article.label}${label}`,
      documentation: preview(treatyText, { start, end: paragraph.span.end }),
      edit: { span: replace, newText: label },
      sortText: String(position).padStart(5, '0'),
    };
  });
}

function treatyIds(index: WorkspaceIndex, replace: Span): CompletionItem[] {
  return index.catalog.ids.flatMap((id, position) => {
    const treaty = index.treatyEntry(id)?.treaty;
    if (!treaty) return [];
    return [{ label: id, kind: 'treaty' as const, detail: treaty.title, documentation: null, edit: { span: replace, newText: id }, sortText: String(position).padStart(5, '0') }];
  });
}

function treatyNames(index: WorkspaceIndex, replace: Span): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const id of index.catalog.ids) {
    const treaty = index.treatyEntry(id)?.treaty;
    if (!treaty) continue;
    for (const name of new Set([treaty.title, treaty.short, ...treaty.aliases])) {
      if (!name) continue;
      items.push({
        label: name,
        kind: 'treaty',
        detail: name === treaty.title ? treaty.id : treaty.title,
        documentation: null,
        edit: { span: replace, newText: name },
        sortText: String(items.length).padStart(5, '0'),
      });
    }
  }
  return items;
}

/** `第5条`, `第５条の２`, `第五条`: the label in the script the writer started with. */
function japaneseLabel(number: string, script: NumeralScript): string {
  const [main, ...branches] = number.split('_');
  const write = (part: string): string => (/^[0-9]+$/.test(part) ? writeNumber(Number(part), script) : part);
  return `第${write(main!)}条${branches.map((branch) => `の${write(branch)}`).join('')}`;
}

function scriptOf(typed: string): NumeralScript {
  if (/^[０-９]/.test(typed)) return 'fullwidth';
  if (/^[〇一二三四五六七八九十百千]/.test(typed)) return 'kanji';
  return 'arabic';
}

/** Previews of articles, computed once per parse of their treaty (a re-parse makes new Article objects). */
const articlePreviews = new WeakMap<Article, string | null>();

function articlePreview(treatyText: string, article: Article): string | null {
  let shown = articlePreviews.get(article);
  if (shown === undefined) articlePreviews.set(article, (shown = preview(treatyText, article.bodySpan)));
  return shown;
}

function preview(text: string, span: Span): string | null {
  const words = text.slice(span.start, Math.min(span.end, span.start + PREVIEW * 3)).replace(/\s+/g, ' ').trim();
  if (words.length === 0) return null;
  if (words.length <= PREVIEW) return words;
  // Never cut a surrogate pair (𠮷) in half.
  const cut = /[\ud800-\udbff]/.test(words[PREVIEW - 1]!) ? PREVIEW - 1 : PREVIEW;
  return `${words.slice(0, cut)}…`;
}
