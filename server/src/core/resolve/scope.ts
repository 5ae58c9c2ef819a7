// Which instrument a citation belongs to: one function per scope rule, tried in the order of ARCHITECTURE.md
// "Which treaty a citation belongs to"; the first rule that applies decides.

import { lookupTreatyName, normalizeName, primaryEntry, type Catalog } from '../catalog';
import { scanCitations } from '../citation/scan';
import { directiveAt, type DocumentFacts } from '../document';
import type { CitationLanguage } from '../types';
import type { CitationContext, DocumentContext } from './context';
import { instrumentNamer, isGenericName, treatyInstrument } from './names';
import type { Binding, Instrument, ScopeName } from './state';

/** What a scope rule decides: the instrument (null when it cannot tell), whether the text gave it, and the rule. */
export interface Scope {
  readonly instrument: Instrument | null;
  readonly qualified: boolean;
  readonly problem: Binding['problem'];
  readonly rule: ScopeName | null;
}

type ScopeRule = (document: DocumentContext, here: CitationContext) => Scope | null;

const scope = (rule: ScopeName | null, instrument: Instrument | null, qualified: boolean, problem: Binding['problem'] = null): Scope => ({ instrument, qualified, problem, rule });

/** `国連憲章第51条`, `Article 5 of the North Atlantic Treaty`: a name with the citation. */
const qualifierName: ScopeRule = (document, { citation }) =>
  citation.qualifier?.kind === 'name' ? scope('qualifier', document.discourse.name(citation.qualifier.name), true) : null;

/** `同決議第3項`, `同共同声明第2項`: the last resolution (declaration, statement, report) named, never a treaty named after it. */
const qualifierSameGenre: ScopeRule = (document, { citation }) => {
  const qualifier = citation.qualifier;
  if (qualifier?.kind !== 'same' || qualifier.genre === undefined || qualifier.genre === 'treaty') return null;
  const instrument = document.discourse.lastOfGenre[qualifier.genre] ?? null;
  return scope('same-genre', instrument, true, instrument ? null : 'no-antecedent');
};

/** `同条約第5条`: the instrument named last. */
const qualifierSame: ScopeRule = (document, { citation }) => {
  if (citation.qualifier?.kind !== 'same') return null;
  const instrument = document.discourse.lastInstrument;
  return scope('same-instrument', instrument, true, instrument ? null : 'no-antecedent');
};

/** `本条約第5条`: the treaty the document is, or in an analysis the one it is about. */
const qualifierThis: ScopeRule = (document, here) => {
  if (here.citation.qualifier?.kind !== 'this') return null;
  const instrument = document.selfInstrument ?? defaultInstrument(document, here.offset);
  return scope(instrument ? 'this-instrument' : null, instrument, true);
};

/** `第4条及び第5条`: a later member of a list or range has the instrument of the one before it. */
const listMember: ScopeRule = (_document, { previous }) => (previous ? scope(previous.scope, previous.instrument, previous.qualified) : null);

/** `地方自治法（…）第二編第十一章`: the grammar reads each division on its own; the inner one is in the outer one's instrument. */
const divisionOfDivision: ScopeRule = (_document, { outerDivision }) =>
  outerDivision ? scope(outerDivision.scope, outerDivision.instrument, outerDivision.qualified) : null;

/** `行政手続法（…以下「法」という。）…法第十三条`: in a statute, a short name it defines for another law, written before the citation. */
const shortNameJustBefore: ScopeRule = (document, { citation, offset }) => {
  if (!document.self || citation.qualifier || citation.seriesPrevious !== null) return null;
  const text = document.facts.text;
  for (const shortName of document.discourse.shortNames) {
    const start = offset - shortName.length;
    // Not the end of a longer word (手続法第…).
    if (start >= 0 && text.startsWith(shortName, start) && !/[\u3005\u4e00-\u9fff\u30a0-\u30ff]/.test(text[start - 1] ?? '')) return scope('qualifier', document.discourse.name(shortName), true);
  }
  return null;
};

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
    if (gap.length < NAMED_JUST_BEFORE_REACH && /^(?:（[^（）]*）)*[中（]$/.test(gap)) return scope('law-named-before', discourse.name(mention.name), true);
  }
  if (!self || facts.text[offset - 1] !== '中') return null;
  const match = LAW_BEFORE_NAKA.exec(facts.text.slice(Math.max(0, offset - 40), offset));
  // 同法中 and この法律中 are the instruments the grammar already resolves.
  if (!match || /^(?:同|この|本)/.test(match[1]!)) return null;
  return scope('law-named-before', discourse.name(match[1]!), true);
};

/** `同条`, `同項`: the instrument of the citation it refers back to, in quoted amendment wording too (`同条中「…」とあるのは「同条第一項…」`). */
const anaphora: ScopeRule = (document, here) => {
  if (!here.anaphoric) return null;
  const antecedent = here.antecedent;
  return scope('anaphora', antecedent?.instrument ?? (document.self ? ownInstrument(document, here) : null), antecedent?.qualified ?? false, antecedent ? null : 'no-antecedent');
};

/** Quoted wording of an amendment to another instrument speaks from that instrument's provision named before 中. */
const amendmentQuote: ScopeRule = (_document, { position }) => {
  const anchor = position.quoteAnchor;
  if (!anchor || position.anchoredInSelf) return null;
  return scope('amendment-quote', anchor.instrument, anchor.qualified, anchor.instrument ? null : 'no-antecedent');
};

/** Inside a treaty document, an unqualified citation is to itself (in an amending act's 附則, to that act). */
const ownDocument: ScopeRule = (document, here) => (document.self ? scope('own-document', ownInstrument(document, here), false) : null);

function ownInstrument(document: DocumentContext, { block }: CitationContext): Instrument | null {
  return block?.amendingAct ? { id: null, name: block.amendingAct, external: true } : document.selfInstrument;
}

/** `前条`, `次項`, and `第2項` after `第5条`: positional citations in an analysis stand on the last article cited. */
const lastArticleCited: ScopeRule = (document, { positional, citation }) => {
  const lastArticle = document.discourse.lastArticle;
  if (!positional && !(citation.article === null && lastArticle)) return null;
  return scope('last-article', lastArticle?.instrument ?? null, lastArticle?.qualified ?? false, lastArticle ? null : 'no-antecedent');
};

/** `北大西洋条約は、第5条で…`: the sentence is about an instrument (a generic word like 本条約 names none outside the workspace). */
const sentenceTopic: ScopeRule = (document) => {
  const topic = document.topics.get(document.discourse.sentence);
  const instrument = topic ? document.discourse.name(topic.name) : null;
  return instrument && !(instrument.id === null && isGenericName(topic!.name)) ? scope('topic', instrument, false) : null;
};

/** The nearest qualified citation earlier in the same sentence. */
const earlierInSentence: ScopeRule = (document) => {
  const carryOver = document.discourse.carryOver;
  return carryOver && carryOver.sentence === document.discourse.sentence ? scope('earlier-in-sentence', carryOver.instrument, false) : null;
};

/** The `<!-- cites: -->` directive before the citation, else the `cites:` front matter. */
const citesDirective: ScopeRule = (document, { offset }) => {
  const directive = directiveAt(document.facts, offset);
  return directive === null ? null : scope('cites', directiveInstrument(document.catalog, directive), false);
};

/** The instrument the document names most, or the workspace's only treaty; else nothing decides. */
const principalInstrument: ScopeRule = (document) => {
  const principal = document.principal();
  return principal ? scope(principal.rule, principal.instrument, false) : scope(null, null, false, 'ambiguous-treaty');
};

/** What an analysis is about: its `cites` directive, else its principal instrument. */
function defaultInstrument(document: DocumentContext, offset: number): Instrument | null {
  const directive = directiveAt(document.facts, offset);
  return directive === null ? (document.principal()?.instrument ?? null) : directiveInstrument(document.catalog, directive);
}

function directiveInstrument(catalog: Catalog, directive: string): Instrument {
  const id = catalog.byId.has(directive) ? directive : lookupTreatyName(catalog, directive);
  return { id, name: id ? (primaryEntry(catalog, id)?.treaty.title ?? directive) : directive };
}

/** A name several treaties go by stands for the one the `cites` directive in force names, if it is one of them. */
function settleNamesake(document: DocumentContext, offset: number, found: Scope): Scope {
  const directive = directiveAt(document.facts, offset);
  if (directive === null || !found.instrument!.namesakes!.includes(directive)) return found;
  return scope(found.rule, treatyInstrument(document.catalog, directive), found.qualified, found.problem);
}

/** In order: the first rule that applies decides (ARCHITECTURE.md "Which treaty a citation belongs to"). */
const SCOPE_RULES: readonly ScopeRule[] = [
  qualifierName,
  qualifierSameGenre,
  qualifierSame,
  qualifierThis,
  shortNameJustBefore,
  listMember,
  divisionOfDivision,
  lawNamedJustBefore,
  anaphora,
  amendmentQuote,
  ownDocument,
  lastArticleCited,
  sentenceTopic,
  earlierInSentence,
  citesDirective,
  principalInstrument,
];

export function chooseInstrument(document: DocumentContext, here: CitationContext): Scope {
  for (const rule of SCOPE_RULES) {
    const found = rule(document, here);
    if (found) return found.instrument?.namesakes ? settleNamesake(document, here.offset, found) : found;
  }
  // The last rule always applies.
  throw new Error('unreachable');
}

/** The instrument a document is about, and which rule says so. */
export interface Principal {
  readonly instrument: Instrument;
  readonly rule: 'principal' | 'only-treaty';
}

/** The languages whose names a title is read for (the title is not scanned with the text: front matter is masked). */
const TITLE_LANGUAGES: readonly CitationLanguage[] = ['ja', 'en', 'ru'];

/**
 * The instrument the document names most often, in the workspace or not (its title, headings and prose, an alias
 * it defines counting for the full name; the first named on a tie), else the workspace's only treaty.
 * `title`: the front matter's title, whose names are named first.
 */
export function principalOf(scan: DocumentFacts['scan'], title: string | null, catalog: Catalog): Principal | null {
  // Every alias of the document counts here, wherever it is defined.
  const namer = instrumentNamer(catalog, new Map(scan.aliases.map((alias) => [normalizeName(alias.alias), alias.fullName])));
  const titleMentions = title ? scanCitations(title, TITLE_LANGUAGES, { treatyDocument: false }).mentions : [];
  // By instrument (the namer gives one object per name), then by id or normalised name.
  const counts = new Map<string, { instrument: Instrument; count: number }>();
  const keys = new Map<Instrument, string | null>();
  let best: { instrument: Instrument; count: number } | null = null;
  for (const { name } of [...titleMentions, ...scan.mentions]) {
    const instrument = namer(name);
    let key = keys.get(instrument);
    if (key === undefined) keys.set(instrument, (key = instrument.id === null && isGenericName(name) ? null : (instrument.id ?? normalizeName(instrument.name ?? name))));
    if (key === null) continue;
    const entry = counts.get(key) ?? { instrument, count: 0 };
    entry.count++;
    counts.set(key, entry);
    // Met in the order first named: a later one must be named more often to win.
    if (!best || entry.count > best.count) best = entry;
  }
  if (best) return { instrument: best.instrument, rule: 'principal' };
  return catalog.ids.length === 1 ? { instrument: treatyInstrument(catalog, catalog.ids[0]!), rule: 'only-treaty' } : null;
}
