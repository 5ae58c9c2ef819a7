// The levels of a citation made absolute: its article, paragraph and item numbers, and the 附則 block of its article.
// An anaphoric level (同条, 同項) takes the antecedent's; a positional one (前条, 次項, 本条) counts from where the
// citation stands; a missing higher level is inherited from the previous member of its list.

import { primaryEntry } from '../catalog';
import { adjacentArticle, findArticle } from '../treaty/locate';
import type { Article, CitedDivision, Treaty } from '../types';
import type { CitationContext, DocumentContext } from './context';
import type { Scope } from './scope';
import { sameInstrument, type Binding } from './state';

export interface Levels {
  readonly article: string | null;
  readonly paragraph: number | null;
  readonly item: string | null;
  readonly supplementaryGroup: number | null;
  readonly division: CitedDivision | null;
  /** A level leans on something that is not there (本条, 前条 with no article before it). */
  readonly problem: Binding['problem'];
}

/** A level's value, and what is missing when it leans on nothing. */
interface Level<T> {
  readonly value: T | null;
  readonly problem?: 'no-antecedent';
}

const missing: Level<never> = { value: null, problem: 'no-antecedent' };

/** `scope.qualified`: the instrument was given in the text, so the citation is not read relative to where it stands. */
export function resolveLevels(document: DocumentContext, here: CitationContext, scope: Scope): Levels {
  const qualified = scope.qualified;
  const article = resolveArticle(document, here, scope);
  const sameArticleAsContext = Boolean(here.position.location && article.value === here.position.location.article.number && !qualified);
  const paragraph = resolveParagraph(document, here, sameArticleAsContext);
  const item = resolveItem(document, here);
  return {
    article: article.value,
    paragraph: paragraph.value,
    item: item.value,
    supplementaryGroup: supplementaryGroup(document, here),
    division: resolveDivision(document, here),
    problem: article.problem ?? paragraph.problem ?? item.problem ?? null,
  };
}

/**
 * Inside a treaty, 第N条 is a main provision even when cited from the original 附則, and 附則第N条 is an
 * article of the 附則 it stands in (or of the original one).
 */
function supplementaryGroup(document: DocumentContext, { citation, previous, anaphoric, antecedent, positional, position, block }: CitationContext): number | null {
  const location = position.location;
  if (previous && citation.article === null) return previous.supplementaryGroup;
  if (anaphoric && antecedent) return antecedent.supplementaryGroup;
  if (positional && location && citation.article !== null) return location.article.supplementaryGroup;
  if (citation.article === null && location && !citation.qualifier) return location.article.supplementaryGroup;
  if (!citation.supplementary) return null;
  if (block && !block.amendingAct) return location!.article.supplementaryGroup;
  return Math.max(0, document.self?.supplementaryBlocks.findIndex((entry) => entry.amendingAct === null) ?? 0);
}

function resolveArticle(document: DocumentContext, { citation, previous, anaphoric, antecedent, position }: CitationContext, scope: Scope): Level<string> {
  const ref = citation.article;
  const location = position.location;
  const lastArticle = document.discourse.lastArticle;
  if (ref === null) {
    if (previous) return { value: previous.article };
    if (citation.paragraph === null && citation.item === null) return { value: null };
    if (anaphoric) return { value: antecedent?.article ?? null };
    // A paragraph or item without its article: in a treaty, the article it stands in.
    if (location && !citation.qualifier) return { value: location.article.number };
    // Else the last article cited, if it is of the same instrument (安保理決議第1244号第9項 after 北大西洋条約第5条 has none).
    return { value: lastArticle && sameInstrument(lastArticle.instrument, scope.instrument) ? lastArticle.article : null };
  }
  switch (ref.kind) {
    case 'number':
      return { value: ref.value };
    case 'same':
      return { value: antecedent?.article ?? null };
    case 'this':
      if (location) return { value: location.article.number };
      return { value: lastArticle?.article ?? null, problem: lastArticle?.article ? undefined : 'no-antecedent' };
    case 'previous':
    case 'next': {
      const step = ref.kind === 'previous' ? -ref.count : 1;
      const base = location ? { treaty: document.self!, article: location.article } : antecedentArticle(lastArticle, document);
      if (!base) return missing;
      return { value: adjacentArticle(base.treaty, base.article, step)?.number ?? null };
    }
    case 'each':
      return { value: null };
  }
}

function resolveParagraph(document: DocumentContext, { citation, previous, anaphoric, antecedent, highestLevel, position }: CitationContext, sameArticleAsContext: boolean): Level<number> {
  const ref = citation.paragraph;
  const location = position.location;
  const lastParagraph = document.discourse.lastParagraph;
  if (ref === null) return { value: previous && citation.article === null ? previous.paragraph : null };
  switch (ref.kind) {
    case 'number':
      return { value: Number.parseInt(ref.value, 10) || null };
    case 'same': {
      const value = anaphoric && highestLevel === 'paragraph' ? (antecedent?.paragraph ?? null) : (lastParagraph?.paragraph ?? null);
      return { value, problem: lastParagraph?.paragraph ? undefined : 'no-antecedent' };
    }
    case 'this':
      return { value: location?.paragraph?.number ?? lastParagraph?.paragraph ?? null };
    case 'previous':
    case 'next': {
      const current = sameArticleAsContext || citation.article === null ? location?.paragraph?.number : undefined;
      if (current === undefined) return location ? { value: null } : missing;
      const value = ref.kind === 'previous' ? current - ref.count : current + 1;
      return { value: value >= 1 ? value : null };
    }
    case 'each':
      return { value: null };
  }
}

function resolveItem(document: DocumentContext, { citation, previous, position }: CitationContext): Level<string> {
  const ref = citation.item;
  const location = position.location;
  const lastItem = document.discourse.lastItem;
  if (ref === null) return { value: previous && citation.article === null && citation.paragraph === null ? previous.item : null };
  switch (ref.kind) {
    case 'number':
      return { value: ref.value };
    case 'same':
      return { value: lastItem?.item ?? null, problem: lastItem?.item ? undefined : 'no-antecedent' };
    case 'each':
      return { value: 'each' };
    case 'this':
      return { value: location?.item?.number ?? null };
    case 'previous':
    case 'next': {
      const current = location?.item ? Number.parseInt(location.item.number, 10) : NaN;
      if (Number.isNaN(current)) return { value: null };
      const value = ref.kind === 'previous' ? current - ref.count : current + 1;
      return { value: value >= 1 ? String(value) : null };
    }
  }
}

/** The chapter (and section) a division citation names: as written, or 前章, 次章, 本章 from where it stands in its own statute, 同章 from the last division cited. */
function resolveDivision(document: DocumentContext, { citation, divisionRef, antecedent, offset }: CitationContext): CitedDivision | null {
  if (!divisionRef) return citation.division;
  if (divisionRef.kind === 'same') return antecedent?.division ?? null;
  const self = document.self;
  if (!self) return null;
  const chapters = self.divisions.filter((division) => division.kind === 'chapter');
  const chapterAt = chapters.findIndex((division) => division.span.start <= offset && offset < division.span.end);
  if (chapterAt < 0) return null;
  const step = divisionRef.kind === 'previous' ? -1 : divisionRef.kind === 'next' ? 1 : 0;
  if (divisionRef.unit === 'chapter') {
    const number = chapters[chapterAt + step]?.number;
    return number != null ? { chapter: number, section: null } : null;
  }
  const chapter = chapters[chapterAt]!;
  const sections = self.divisions.filter((division) => division.kind === 'section' && division.span.start >= chapter.span.start && division.span.end <= chapter.span.end);
  const sectionAt = sections.findIndex((division) => division.span.start <= offset && offset < division.span.end);
  const number = sectionAt < 0 ? null : sections[sectionAt + step]?.number;
  return number != null && chapter.number !== null ? { chapter: chapter.number, section: number } : null;
}

function antecedentArticle(binding: Binding | null, document: DocumentContext): { treaty: Treaty; article: Article } | null {
  if (!binding?.instrument?.id || !binding.article) return null;
  document.structuresRead.add(binding.instrument.id);
  const treaty = primaryEntry(document.catalog, binding.instrument.id)?.treaty;
  const article = treaty && findArticle(treaty, binding.article, binding.supplementaryGroup);
  return treaty && article ? { treaty, article } : null;
}
