// What resolving one citation looks at: the document (its treaty, its discourse so far) and the citation itself
// (what it leans on and where it stands).

import type { Catalog } from '../catalog';
import type { DocumentFacts } from '../document';
import type { CitationSyntax, SupplementaryBlock, Treaty, TreatyMention } from '../types';
import { isStructural } from './check';
import { NOWHERE, type Position, type PositionReader } from './position';
import type { Principal } from './scope';
import type { Binding, Discourse, Instrument } from './state';

export interface DocumentContext {
  readonly facts: DocumentFacts;
  readonly catalog: Catalog;
  /** The treaty the document is, or null for an analysis. */
  readonly self: Treaty | null;
  readonly selfInstrument: Instrument | null;
  readonly discourse: Discourse;
  /** The topic of each sentence that has one (`…条約は、`), by sentence index. */
  readonly topics: ReadonlyMap<number, TreatyMention>;
  /** The instrument the document names most, or the workspace's only treaty; computed when first asked. */
  principal(): Principal | null;
  /** The treaties whose articles a binding was counted on (前条, 次条 in an analysis): see `Resolution.structuresRead`. */
  readonly structuresRead: Set<string>;
}

/** One citation as resolution sees it. */
export interface CitationContext {
  readonly citation: CitationSyntax;
  readonly offset: number;
  /** The previous member of its list or range, whose instrument and missing levels it inherits. */
  readonly previous: Binding | undefined;
  /** Its highest level, which says whether it is absolute (第5条), anaphoric or positional. */
  readonly highestLevel: 'article' | 'paragraph' | 'item';
  /** 同条, 同項: leans on the last citation naming its highest level. */
  readonly anaphoric: boolean;
  /** 前条, 次項, 本条: leans on where it stands. */
  readonly positional: boolean;
  /** What an anaphoric citation, or a paragraph without its article, leans on. */
  readonly antecedent: Binding | null;
  readonly position: Position;
  /** The 附則 block it stands in, if any. */
  readonly block: SupplementaryBlock | undefined;
  /** 前章, 次章, 本章, 同章 (and 節): a division named by where it stands or by the last one cited. */
  readonly divisionRef: DivisionRef | null;
  /** A division written right after a division citation (`地方自治法第二編第十一章`): that citation's binding. */
  readonly outerDivision: Binding | undefined;
}

export interface DivisionRef {
  readonly kind: 'this' | 'previous' | 'next' | 'same';
  readonly unit: 'chapter' | 'section';
}

const RELATIVE_DIVISION = /^(前|次|本|同|この)\s*(章|節)$/;

/** The relative division a structural citation's text names; the grammar reads these as divisions without a number. */
function divisionRefOf(citation: CitationSyntax, text: string): DivisionRef | null {
  if (!isStructural(citation) || citation.division !== null) return null;
  const match = RELATIVE_DIVISION.exec(text.slice(citation.span.start, citation.span.end));
  if (!match) return null;
  const kind = match[1] === '前' ? 'previous' : match[1] === '次' ? 'next' : match[1] === '同' ? 'same' : 'this';
  return { kind, unit: match[2] === '章' ? 'chapter' : 'section' };
}

/** The binding of the division citation right before this one, when nothing but spaces stands between them. */
function outerDivisionOf(citations: readonly CitationSyntax[], index: number, bindings: readonly Binding[], text: string): Binding | undefined {
  const citation = citations[index]!;
  const before = citations[index - 1];
  if (!before || !isStructural(citation) || !isStructural(before) || citation.qualifier || citation.seriesPrevious !== null) return undefined;
  return /^\s*$/.test(text.slice(before.span.end, citation.span.start)) ? bindings[index - 1] : undefined;
}

/** The topic of each sentence (`…条約は、`), found in one pass over mentions and sentences. */
export function sentenceTopics(scan: DocumentFacts['scan']): Map<number, TreatyMention> {
  const { mentions, sentenceEnds } = scan;
  const topics = new Map<number, TreatyMention>();
  for (let mention = 0, sentenceIndex = 0; mention < mentions.length; mention++) {
    const entry = mentions[mention]!;
    while (sentenceIndex < sentenceEnds.length - 1 && sentenceEnds[sentenceIndex]! <= entry.span.start) sentenceIndex++;
    if (entry.topic && !topics.has(sentenceIndex)) topics.set(sentenceIndex, entry);
  }
  return topics;
}

/** Reads citation `index`: what it leans on, given the bindings of the citations before it. */
export function citationContext(document: DocumentContext, index: number, bindings: readonly Binding[], positions: PositionReader | null): CitationContext {
  const citations = document.facts.scan.citations;
  const citation = citations[index]!;
  const { lastArticle, lastParagraph, lastItem } = document.discourse;
  const position = positions ? positions.at(citations, index, bindings) : NOWHERE;
  const group = position.location?.article.supplementaryGroup;
  const previous = citation.seriesPrevious !== null ? bindings[citation.seriesPrevious] : undefined;
  const highest = citation.article ?? citation.paragraph ?? citation.item;
  const highestLevel = citation.article ? 'article' : citation.paragraph ? 'paragraph' : 'item';
  const text = document.facts.text;
  const divisionRef = divisionRefOf(citation, text);
  const anaphoric = highest?.kind === 'same' || divisionRef?.kind === 'same';
  return {
    citation,
    offset: citation.span.start,
    previous,
    highestLevel,
    anaphoric,
    positional: highest !== null && highest.kind !== 'number' && highest.kind !== 'same',
    antecedent: divisionRef?.kind === 'same'
      ? document.discourse.lastDivision
      : anaphoric
      ? { article: lastArticle, paragraph: lastParagraph, item: lastItem }[highestLevel]
      : citation.article === null && !previous && citation.qualifier === null
        ? lastArticle
        : null,
    position,
    block: group != null ? document.self!.supplementaryBlocks[group] : undefined,
    divisionRef,
    outerDivision: outerDivisionOf(citations, index, bindings, text),
  };
}
