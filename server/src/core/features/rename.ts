// Feature: rename — renumbering an article from its label in a treaty document (第6条 → 第7条): the label,
// the label in the treaty's other language versions, and the number in every citation of it, each number
// kept in the script it is written in (第六条 → 第七条, 第６条 → 第７条, Article VI → Article VII).

import type { PrepareRenameResult, RenameResult, TextEdit } from '../api';
import { normaliseArticleNumber } from '../treaty/labels';
import { findArticle } from '../treaty/locate';
import { articleKey } from '../resolve';
import { parseArabicNumber, parseKanjiNumber, parseRomanNumber, writeNumber, type NumeralScript } from '../text/numerals';
import type { Article, Span } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { messagesFor } from '../messages/index';
import { articleLabelAt, citationAt } from './lookup';

export function prepareRename(index: WorkspaceIndex, uri: string, offset: number): PrepareRenameResult {
  const facts = index.facts(uri);
  const messages = messagesFor(index.config.language);
  const label = articleLabelAt(index, uri, offset);
  if (label && label.article.number !== '') return { ok: true, span: label.article.labelSpan, placeholder: label.article.label };
  const target = facts ? citationAt(index, uri, offset) : undefined;
  const cited = target && index.articleOf(target);
  return { ok: false, reason: cited ? messages.renameFromLabel(cited.article.label) : messages.nothingToRename };
}

export function renameArticle(index: WorkspaceIndex, uri: string, offset: number, newName: string): RenameResult {
  const prepared = prepareRename(index, uri, offset);
  if (!prepared.ok) return prepared;
  const messages = messagesFor(index.config.language);
  const { treaty, article } = articleLabelAt(index, uri, offset)!;
  const number = parseArticleName(newName);
  if (number === null) {
    return { ok: false, reason: messages.notAnArticleNumber(newName) };
  }
  if (number === article.number) return { ok: true, edit: { changes: [], creates: [] } };
  const versions = index.catalog.byId.get(treaty.id) ?? [{ uri, treaty }];
  for (const version of versions) {
    const existing = findArticle(version.treaty, number, article.supplementaryGroup);
    if (existing) {
      return { ok: false, reason: messages.articleExists(existing.label) };
    }
  }
  const changes = new Map<string, TextEdit[]>();
  const add = (target: string, edits: readonly TextEdit[]): void => {
    changes.set(target, [...(changes.get(target) ?? []), ...edits]);
  };
  for (const version of versions) {
    const own = version.uri === uri ? article : sameArticle(version.treaty.articles, article);
    const text = index.facts(version.uri)?.text;
    if (!own || text === undefined) continue;
    const edits = renumberEdits(text, own.labelSpan, null, article.number, number);
    if (!edits) return { ok: false, reason: messages.cannotReadNumber(own.label) };
    add(version.uri, edits);
  }
  for (const site of index.citationsOf(articleKey(treaty.id, article.number, article.supplementaryGroup))) {
    // 同条, 前条 and members inheriting their article (`第6条第2項及び第3項`) have no number to change.
    if (site.citation.syntax.article?.kind !== 'number') continue;
    const text = index.facts(site.uri)?.text;
    if (text === undefined) continue;
    const qualifier = site.citation.syntax.qualifier;
    const edits = renumberEdits(text, site.citation.syntax.span, qualifier ? qualifier.span : null, article.number, number);
    if (edits) add(site.uri, edits);
  }
  return {
    ok: true,
    edit: {
      changes: [...changes].map(([target, edits]) => ({ uri: target, edits: dedupe(edits) })),
      creates: [],
    },
  };
}

function sameArticle(articles: readonly Article[], article: Article): Article | undefined {
  return articles.find((candidate) => candidate.number === article.number && candidate.supplementaryGroup === article.supplementaryGroup);
}

function dedupe(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  return sorted.filter((edit, position) => position === 0 || edit.span.start >= sorted[position - 1]!.span.end);
}

// -----------------------------------------------------------------------------------------------
// Article numbers inside a label or citation: finding them and writing them in the same script
// (shared with the `unknown-article` quick fix).
// -----------------------------------------------------------------------------------------------

const KANJI = '〇一二三四五六七八九十百千';
const NUMERAL = `[0-9]+|[０-９]+|[${KANJI}]+`;
const LATIN_BRANCHES = ['', '', 'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];
const JAPANESE_NUMBER = new RegExp(`第[ 　]*(${NUMERAL})[ 　]*条((?:の(?:${NUMERAL}))*)`, 'g');
const WESTERN_NUMBER = new RegExp(
  `(?:[Aa]rticles?|ARTICLES?|[Aa]rts?\\.|ARTS?\\.|[Сс]тать[яиеюй]|ст\\.)[ \\t\\u00a0]*([0-9]+|[IVXLCDM]+)(?![A-Za-z0-9])((?:[ \\t]*(?:${LATIN_BRANCHES.slice(2).join('|')})(?![A-Za-z]))?)`,
  'g',
);
const ANY_NUMBER = new RegExp(`${NUMERAL}`, 'g');

/** Where an article number is written: its main part, and where its branch part is or would go. */
interface NumberSite {
  readonly main: Span;
  readonly branch: Span;
  readonly script: NumeralScript;
  readonly japanese: boolean;
}

/**
 * The edits that change the article number `from` to `to` where it is written in `span` of `text`
 * (outside `exclude`, a qualifier that may contain digits), or null when the number is not found there.
 */
export function renumberEdits(text: string, span: Span, exclude: Span | null, from: string, to: string): TextEdit[] | null {
  const site = findNumberSite(text, span, exclude, from);
  if (!site) return null;
  const [main, ...branches] = to.split('_');
  const mainValue = parseArabicNumber(main!);
  if (mainValue === null) return null;
  const mainText = writeNumber(mainValue, site.script);
  let branchText = '';
  for (const branch of branches) {
    const value = parseArabicNumber(branch);
    if (site.japanese) {
      if (value === null) return null;
      branchText += `の${writeNumber(value, site.script)}`;
    } else {
      branchText += ` ${value !== null && LATIN_BRANCHES[value] ? LATIN_BRANCHES[value] : branch}`;
    }
  }
  if (site.branch.start === site.main.end) return [{ span: { start: site.main.start, end: site.branch.end }, newText: mainText + branchText }];
  const edits: TextEdit[] = [{ span: site.main, newText: mainText }];
  if (text.slice(site.branch.start, site.branch.end) !== branchText) edits.push({ span: site.branch, newText: branchText });
  return edits;
}

function findNumberSite(text: string, span: Span, exclude: Span | null, number: string): NumberSite | null {
  const expected = parseArabicNumber(number.split('_')[0]!);
  if (expected === null) return null;
  const slice = text.slice(span.start, span.end);
  const outside = (at: number): boolean => !exclude || at < exclude.start || at >= exclude.end;
  for (const match of slice.matchAll(JAPANESE_NUMBER)) {
    const at = span.start + match.index + match[0].indexOf(match[1]!, 1);
    if (!outside(at) || valueOf(match[1]!) !== expected) continue;
    const branchEnd = span.start + match.index + match[0].length;
    return { main: { start: at, end: at + match[1]!.length }, branch: { start: branchEnd - match[2]!.length, end: branchEnd }, script: scriptOf(match[1]!), japanese: true };
  }
  for (const match of slice.matchAll(WESTERN_NUMBER)) {
    const at = span.start + match.index + match[0].length - match[2]!.length - match[1]!.length;
    if (!outside(at) || valueOf(match[1]!) !== expected) continue;
    const end = at + match[1]!.length;
    return { main: { start: at, end }, branch: { start: end, end: end + match[2]!.length }, script: scriptOf(match[1]!), japanese: false };
  }
  // Bare numbers: the far end of a range (`Articles 10 to 13`), `（第 9 条）` variants the patterns miss.
  for (const match of slice.matchAll(ANY_NUMBER)) {
    const at = span.start + match.index;
    if (!outside(at) || valueOf(match[0]) !== expected) continue;
    const end = at + match[0].length;
    const japanese = /[^\x00-\x7f]/.test(slice);
    return { main: { start: at, end }, branch: { start: end, end }, script: scriptOf(match[0]), japanese };
  }
  return null;
}

function valueOf(written: string): number | null {
  return parseArabicNumber(written) ?? parseKanjiNumber(written) ?? parseRomanNumber(written);
}

function scriptOf(written: string): NumeralScript {
  const first = written.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) return 'arabic';
  if (first >= 0xff10 && first <= 0xff19) return 'fullwidth';
  return /^[IVXLCDM]+$/.test(written) ? 'roman' : 'kanji';
}

/** Reads a new article name: `7`, `７`, `七`, `第7条`, `第七条の二`, `Article 7`, `Article VII`, `7 bis`. */
function parseArticleName(name: string): string | null {
  const text = name.normalize('NFKC').trim();
  const japanese = new RegExp(`^(?:第\\s*)?([0-9]+|[${KANJI}]+)\\s*(?:条)?((?:\\s*の\\s*(?:[0-9]+|[${KANJI}]+))*)$`).exec(text);
  const western = /^(?:(?:article|art\.|статья|ст\.)\s*)?([0-9]+|[ivxlcdm]+)((?:\s+(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?)$/i.exec(text);
  const match = japanese ?? western;
  if (!match) return null;
  const main = /^[ivxlcdm]+$/i.test(match[1]!) ? match[1]!.toUpperCase() : match[1]!;
  const number = normaliseArticleNumber(`${main}${match[2]!.replace(/\s*の\s*/g, '_').replace(/\s+/g, '_')}`);
  return /^[1-9][0-9]*(?:_[0-9a-z]+)*$/.test(number) ? number : null;
}
