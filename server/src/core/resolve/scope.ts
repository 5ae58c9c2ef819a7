// Which instrument a citation belongs to: one function per scope rule, tried in the order of ARCHITECTURE.md
// "Which treaty a citation belongs to"; the first rule that applies decides.

import { lookupTreatyName, normalizeName, primaryEntry, type Catalog } from '../catalog';
import { directiveAt, type DocumentFacts } from '../document';
import type { CitationContext, DocumentContext } from './context';
import { instrumentNamer, isGenericName, treatyInstrument } from './names';
import type { Binding, Instrument } from './state';

/** What a scope rule decides: the instrument (null when it cannot tell) and whether the text gave it. */
export interface Scope {
  readonly instrument: Instrument | null;
  readonly qualified: boolean;
  readonly problem: Binding['problem'];
}

type ScopeRule = (document: DocumentContext, here: CitationContext) => Scope | null;

const scope = (instrument: Instrument | null, qualified: boolean, problem: Binding['problem'] = null): Scope => ({ instrument, qualified, problem });

/** `国連憲章第51条`, `Article 5 of the North Atlantic Treaty`: a name with the citation. */
const qualifierName: ScopeRule = (document, { citation }) =>
  citation.qualifier?.kind === 'name' ? scope(document.discourse.name(citation.qualifier.name), true) : null;

/** `同条約第5条`: the instrument named last. */
const qualifierSame: ScopeRule = (document, { citation }) => {
  if (citation.qualifier?.kind !== 'same') return null;
  const instrument = document.discourse.lastInstrument;
  return scope(instrument, true, instrument ? null : 'no-antecedent');
};

/** `本条約第5条`: the treaty the document is, or in an analysis the one it is about. */
const qualifierThis: ScopeRule = (document, here) =>
  here.citation.qualifier?.kind === 'this' ? scope(document.selfInstrument ?? defaultInstrument(document, here.offset), true) : null;

/** `第4条及び第5条`: a later member of a list or range has the instrument of the one before it. */
const listMember: ScopeRule = (_document, { previous }) => (previous ? scope(previous.instrument, previous.qualified) : null);

/** How far back a name may stand and still name the instrument of the citation right after it (`…法（…）（第一条`). */
export const NAMED_JUST_BEFORE_REACH = 120;

// `航空法中第十一条`: a law's name directly before 中 (the grammar reports no mention there).
const LAW_BEFORE_NAKA = /([\u4e00-\u9fff\u30a0-\u30ff・]{1,30}(?:法|法律|条約|協定|政令|規則))中$/;

/** `航空法中第十一条、…` and `…法（…）（第一条、…）`: provisions of the law named just before. */
const lawNamedJustBefore: ScopeRule = (document, { citation, offset }) => {
  if (citation.qualifier || citation.seriesPrevious !== null) return null;
  const { discourse, facts, self } = document;
  const mention = discourse.lastMention;
  if (mention) {
    const gap = facts.text.slice(mention.span.end, offset);
    if (gap.length < NAMED_JUST_BEFORE_REACH && /^(?:（[^（）]*）)*[中（]$/.test(gap)) return scope(discourse.name(mention.name), true);
  }
  if (!self || facts.text[offset - 1] !== '中') return null;
  const match = LAW_BEFORE_NAKA.exec(facts.text.slice(Math.max(0, offset - 40), offset));
  // 同法中 and この法律中 are the instruments the grammar already resolves.
  if (!match || /^(?:同|この|本)/.test(match[1]!)) return null;
  return scope(discourse.name(match[1]!), true);
};

/** Quoted wording of an amendment to another instrument speaks from that instrument's provision named before 中. */
const amendmentQuote: ScopeRule = (_document, { position }) => {
  const anchor = position.quoteAnchor;
  if (!anchor || position.anchoredInSelf) return null;
  return scope(anchor.instrument, anchor.qualified, anchor.instrument ? null : 'no-antecedent');
};

/** `同条`, `同項`: the instrument of the citation it refers back to. */
const anaphora: ScopeRule = (document, here) => {
  if (!here.anaphoric) return null;
  const antecedent = here.antecedent;
  return scope(antecedent?.instrument ?? (document.self ? ownInstrument(document, here) : null), antecedent?.qualified ?? false, antecedent ? null : 'no-antecedent');
};

/** Inside a treaty document, an unqualified citation is to itself (in an amending act's 附則, to that act). */
const ownDocument: ScopeRule = (document, here) => (document.self ? scope(ownInstrument(document, here), false) : null);

function ownInstrument(document: DocumentContext, { block }: CitationContext): Instrument | null {
  return block?.amendingAct ? { id: null, name: block.amendingAct, external: true } : document.selfInstrument;
}

/** `前条`, `次項`, and `第2項` after `第5条`: positional citations in an analysis stand on the last article cited. */
const lastArticleCited: ScopeRule = (document, { positional, citation }) => {
  const lastArticle = document.discourse.lastArticle;
  if (!positional && !(citation.article === null && lastArticle)) return null;
  return scope(lastArticle?.instrument ?? null, lastArticle?.qualified ?? false, lastArticle ? null : 'no-antecedent');
};

/** `北大西洋条約は、第5条で…`: the sentence is about an instrument (a generic word like 本条約 names none outside the workspace). */
const sentenceTopic: ScopeRule = (document) => {
  const topic = document.topics.get(document.discourse.sentence);
  const instrument = topic ? document.discourse.name(topic.name) : null;
  return instrument && !(instrument.id === null && isGenericName(topic!.name)) ? scope(instrument, false) : null;
};

/** The nearest qualified citation earlier in the same sentence. */
const earlierInSentence: ScopeRule = (document) => {
  const carryOver = document.discourse.carryOver;
  return carryOver && carryOver.sentence === document.discourse.sentence ? scope(carryOver.instrument, false) : null;
};

/** The `<!-- cites: -->` directive before the citation, else the `cites:` front matter; else the principal instrument. */
const documentDefault: ScopeRule = (document, { offset }) => {
  const instrument = defaultInstrument(document, offset);
  return scope(instrument, false, instrument ? null : 'ambiguous-treaty');
};

function defaultInstrument(document: DocumentContext, offset: number): Instrument | null {
  const { facts, catalog } = document;
  const directive = directiveAt(facts, offset);
  if (directive === null) return document.principal();
  const id = catalog.byId.has(directive) ? directive : lookupTreatyName(catalog, directive);
  return { id, name: id ? (primaryEntry(catalog, id)?.treaty.title ?? directive) : directive };
}

/** A name several treaties go by stands for the one the `cites` directive in force names, if it is one of them. */
function settleNamesake(document: DocumentContext, offset: number, found: Scope): Scope {
  const directive = directiveAt(document.facts, offset);
  if (directive === null || !found.instrument!.namesakes!.includes(directive)) return found;
  return scope(treatyInstrument(document.catalog, directive), found.qualified, found.problem);
}

/** In order: the first rule that applies decides (ARCHITECTURE.md "Which treaty a citation belongs to"). */
const SCOPE_RULES: readonly ScopeRule[] = [
  qualifierName,
  qualifierSame,
  qualifierThis,
  listMember,
  lawNamedJustBefore,
  amendmentQuote,
  anaphora,
  ownDocument,
  lastArticleCited,
  sentenceTopic,
  earlierInSentence,
  documentDefault,
];

export function chooseInstrument(document: DocumentContext, here: CitationContext): Scope {
  for (const rule of SCOPE_RULES) {
    const found = rule(document, here);
    if (found) return found.instrument?.namesakes ? settleNamesake(document, here.offset, found) : found;
  }
  // The last rule always applies.
  throw new Error('unreachable');
}

/** The treaty the document names most often (first named on a tie), or the workspace's only treaty. */
export function principalOf(scan: DocumentFacts['scan'], catalog: Catalog): Instrument | null {
  // Every alias of the document counts here, wherever it is defined.
  const namer = instrumentNamer(catalog, new Map(scan.aliases.map((alias) => [normalizeName(alias.alias), alias.fullName])));
  const counts = new Map<string, { count: number; first: number }>();
  scan.mentions.forEach((mention, index) => {
    const id = namer(mention.name).id;
    if (id === null) return;
    const entry = counts.get(id) ?? { count: 0, first: index };
    entry.count++;
    counts.set(id, entry);
  });
  let best: [string, { count: number; first: number }] | null = null;
  for (const entry of counts) {
    if (!best || entry[1].count > best[1].count || (entry[1].count === best[1].count && entry[1].first < best[1].first)) best = entry;
  }
  if (best) return treatyInstrument(catalog, best[0]);
  return catalog.ids.length === 1 ? treatyInstrument(catalog, catalog.ids[0]!) : null;
}
