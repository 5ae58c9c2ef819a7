// Resolution: gives every citation of a document its instrument and absolute provision numbers
// (anaphora, inheritance along lists, sentence topics, directives), then checks it against the treaty.
// The rules and their order are those of ARCHITECTURE.md "Which treaty a citation belongs to".

import { lookupTreatyName, normalizeName, primaryEntry, type Catalog } from './catalog';
import type { DocumentFacts } from './document';
import type { ReadingEdit, Splice } from './reading';
import { adjacentArticle, findArticle, findDivision, findItem, findParagraph, locateProvision } from './treaty/locate';
import type { Article, CitationSyntax, Item, Paragraph, Span, Treaty } from './types';

export type CitationStatus =
  | 'resolved'
  /** A provision of an instrument that is deliberately not checked (an amending act's 附則). */
  | 'external'
  /** A chapter, section, appendix table or form: found and scoped, not checked against the treaty model. */
  | 'unchecked'
  | 'unknown-treaty'
  | 'unknown-article'
  | 'unknown-paragraph'
  | 'unknown-item'
  | 'no-antecedent'
  | 'ambiguous-treaty';

export interface ResolvedCitation {
  readonly syntax: CitationSyntax;
  /** The workspace treaty id, or null when the instrument is not in the workspace or unknown. */
  readonly treatyId: string | null;
  /** The name the citation was scoped to (even when not in the workspace). */
  readonly treatyName: string | null;
  readonly article: string | null;
  readonly paragraph: number | null;
  readonly item: string | null;
  readonly supplementaryGroup: number | null;
  readonly status: CitationStatus;
  /** What is wrong, for dangling citations (`北大西洋条約 has Articles 1–14`). */
  readonly detail: string | null;
  /** The resolved provision in the treaty document. */
  readonly target: { readonly uri: string; readonly span: Span } | null;
  /** The key of the cited article in the reverse index, or null. */
  readonly articleKey: string | null;
}

/** The reverse-index key of an article: one per treaty id, article number and 附則 block. */
export function articleKey(treatyId: string, article: string, supplementaryGroup: number | null): string {
  return supplementaryGroup === null ? `${treatyId}#${article}` : `${treatyId}#附則${supplementaryGroup}#${article}`;
}

interface Instrument {
  readonly id: string | null;
  readonly name: string | null;
  /** Citations of an amending act's 附則 are provisions of that act: not checked. */
  readonly external?: boolean;
}

interface Binding {
  readonly instrument: Instrument | null;
  readonly article: string | null;
  readonly paragraph: number | null;
  readonly item: string | null;
  readonly supplementaryGroup: number | null;
  readonly problem: 'no-antecedent' | 'ambiguous-treaty' | null;
  /** Whether the instrument was given in the text (qualifier or inherited from one). */
  readonly qualified: boolean;
}

/**
 * The discourse state at the first citation of a sentence, before it is read: enough to resume resolving there
 * (a qualifier carried over within a sentence cannot reach past its end, so it is not part of it).
 */
interface Checkpoint {
  readonly index: number;
  readonly sentence: number;
  readonly mentionCursor: number;
  readonly aliasCursor: number;
  readonly lastInstrument: Instrument | null;
  readonly lastArticle: Binding | null;
  readonly lastParagraph: Binding | null;
  readonly lastItem: Binding | null;
  /** A list or range reaches back across it (a later member inherits from before it): no place to resume. */
  crossed: boolean;
}

/** A document's resolved citations, with what resolving it again after an edit can start from. */
export interface Resolution {
  readonly citations: readonly ResolvedCitation[];
  /** The serial of the reading resolved, the catalog it was resolved against, and that reading's scan. */
  readonly reading: number;
  readonly catalog: Catalog;
  readonly scan: DocumentFacts['scan'];
  readonly bindings: readonly Binding[];
  /** For analyses: one per sentence that has citations, in order. */
  readonly checkpoints: readonly Checkpoint[];
  /** The document's principal treaty, or undefined when no citation needed it. */
  readonly principal: Instrument | null | undefined;
}

/** Resolves every citation of a document against the catalog. Pure; linear in the document's citations. */
export function resolveDocument(facts: DocumentFacts, catalog: Catalog): ResolvedCitation[] {
  return resolveFacts(facts, catalog).citations as ResolvedCitation[];
}

/**
 * Resolves a document; given the resolution (`prior`) of the reading it was re-read from, an analysis is resolved again only
 * from the sentence of the edit until the discourse state meets the old one (then the old results move along).
 * Invariant: the result equals resolving afresh (test/unit/resolveIncremental.test.ts, the fuzz, the soak).
 */
export function resolveFacts(facts: DocumentFacts, catalog: Catalog, prior?: Resolution): Resolution {
  const { citations, mentions, aliases, sentences } = facts.scan;
  const selfTreaty = facts.treaty;
  const selfInstrument: Instrument | null = selfTreaty ? { id: selfTreaty.id, name: selfTreaty.title } : null;
  const activeAliases = new Map<string, string>();
  let aliasCursor = 0;
  let mentionCursor = 0;
  let sentenceCursor = 0;
  let lastInstrument: Instrument | null = null;
  let lastArticle: Binding | null = null;
  let lastParagraph: Binding | null = null;
  let lastItem: Binding | null = null;
  let carryOver: { sentence: number; instrument: Instrument } | null = null;
  let bindings: Binding[] = [];
  let results: ResolvedCitation[] = [];
  let checkpoints: Checkpoint[] = [];
  // Only analyses resume: a treaty's own provisions and amendment quotes make every citation depend on its place.
  const resumable = selfTreaty === null;
  // Computed when a citation needs it, or to compare with the old one before resuming.
  let principal: Instrument | null | undefined = resumable && prior ? principalOf(facts.scan, catalog) : undefined;

  const nameToInstrument = instrumentNamer(catalog, activeAliases);
  const principalTreaty = (): Instrument | null => (principal === undefined ? (principal = principalOf(facts.scan, catalog)) : principal);
  const defaultInstrument = (offset: number): Instrument | null => {
    let directive: string | null = facts.frontMatter.cites;
    for (const entry of facts.directives) if (entry.offset <= offset) directive = entry.treatyId;
    if (directive !== null) {
      const id = catalog.byId.has(directive) ? directive : lookupTreatyName(catalog, directive);
      return { id, name: id ? (primaryEntry(catalog, id)?.treaty.title ?? directive) : directive };
    }
    return principalTreaty();
  };

  let first = 0;
  const plan = resumable && prior ? planResume(facts, catalog, prior, principal!) : null;
  if (plan) {
    const from = plan.from;
    first = from.index;
    bindings = prior!.bindings.slice(0, first);
    results = prior!.citations.slice(0, first);
    checkpoints = prior!.checkpoints.slice(0, plan.fromCheckpoint);
    for (aliasCursor = 0; aliasCursor < from.aliasCursor; aliasCursor++) activeAliases.set(normalizeName(aliases[aliasCursor]!.alias), aliases[aliasCursor]!.fullName);
    mentionCursor = from.mentionCursor;
    sentenceCursor = from.sentence;
    ({ lastInstrument, lastArticle, lastParagraph, lastItem } = from);
  }
  let oldCheckpoint = plan ? plan.fromCheckpoint : 0;

  // The topic of each sentence (`…条約は、`), found in one pass over mentions and sentences.
  const topics = new Map<number, (typeof mentions)[number]>();
  for (let mention = 0, sentenceIndex = 0; mention < mentions.length; mention++) {
    const entry = mentions[mention]!;
    while (sentenceIndex < sentences.length - 1 && sentences[sentenceIndex]!.span.end <= entry.span.start) sentenceIndex++;
    if (entry.topic && !topics.has(sentenceIndex)) topics.set(sentenceIndex, entry);
  }
  const quotes = selfTreaty ? findAmendmentQuotes(facts.text) : [];
  let quoteCursor = 0;
  let quoteAnchor: Binding | null = null;
  let lastMention: (typeof mentions)[number] | null = mentionCursor > 0 ? mentions[mentionCursor - 1]! : null;

  for (let index = first; index < citations.length; index++) {
    const citation = citations[index]!;
    const offset = citation.span.start;
    if (resumable) {
      const sentenceBefore = index === first ? -1 : sentenceCursor;
      while (sentenceCursor < sentences.length - 1 && sentences[sentenceCursor]!.span.end <= offset) sentenceCursor++;
      if (sentenceCursor !== sentenceBefore) {
        const checkpoint: Checkpoint = { index, sentence: sentenceCursor, mentionCursor, aliasCursor, lastInstrument, lastArticle, lastParagraph, lastItem, crossed: false };
        // Past the edit, where the state is the old one again, the rest of the old resolution holds.
        if (plan && index >= plan.tailFrom) {
          const old = prior!.checkpoints;
          while (oldCheckpoint < old.length && old[oldCheckpoint]!.index < index - plan.shift) oldCheckpoint++;
          if (oldCheckpoint < old.length && meets(checkpoint, old[oldCheckpoint]!, facts.scan, plan)) {
            return finishFromOld(facts, prior!, plan, { results, bindings, checkpoints, principal }, checkpoint, oldCheckpoint);
          }
        }
        checkpoints.push(checkpoint);
        carryOver = null;
      }
    }
    // Bring the discourse state up to this citation: aliases defined and instruments named before it.
    while (aliasCursor < aliases.length && aliases[aliasCursor]!.span.end <= offset) {
      const alias = aliases[aliasCursor++]!;
      activeAliases.set(normalizeName(alias.alias), alias.fullName);
      nameToInstrument.forget();
    }
    while (mentionCursor < mentions.length && mentions[mentionCursor]!.span.end <= offset) {
      lastMention = mentions[mentionCursor++]!;
      lastInstrument = nameToInstrument(lastMention.name);
    }
    // Quoted wording in an amendment or 読み替え clause (`第六十七条第三項中「前二項の…」とあるのは「…」`)
    // speaks from the provision named before 中: that provision is its anchor.
    while (quoteCursor < quotes.length && quotes[quoteCursor]!.end <= offset) quoteCursor++;
    const quote = quotes[quoteCursor] && quotes[quoteCursor]!.start <= offset ? quotes[quoteCursor]! : null;
    if (quote && quote.opensClause) quoteAnchor = index > 0 && citations[index - 1]!.span.end <= quote.start ? (bindings[index - 1] ?? null) : null;
    while (sentenceCursor < sentences.length - 1 && sentences[sentenceCursor]!.span.end <= offset) sentenceCursor++;
    const anchorArticle = quote && quoteAnchor?.instrument?.id === selfTreaty?.id && quoteAnchor?.article ? findArticle(selfTreaty!, quoteAnchor.article, quoteAnchor.supplementaryGroup) : undefined;
    const location = anchorArticle
      ? { article: anchorArticle, paragraph: quoteAnchor!.paragraph ? (findParagraph(anchorArticle, quoteAnchor!.paragraph) ?? null) : null, item: null, subitem: null }
      : selfTreaty
        ? locateProvision(selfTreaty, offset)
        : null;
    // `航空法中第十一条、…` and `…法（…）（第一条、…）`: provisions of the law named just before.
    const gap = lastMention && !citation.qualifier && citation.seriesPrevious === null ? facts.text.slice(lastMention.span.end, offset) : null;
    const namedJustBefore =
      gap !== null && gap.length < NAMED_JUST_BEFORE_REACH && /^(?:（[^（）]*）)*[中（]$/.test(gap)
        ? nameToInstrument(lastMention!.name)
        : selfTreaty && !citation.qualifier && citation.seriesPrevious === null
          ? lawNamedBeforeNaka(facts.text, offset, nameToInstrument)
          : null;
    const block = location?.article.supplementaryGroup != null ? selfTreaty!.supplementaryBlocks[location.article.supplementaryGroup] : undefined;
    const previous = citation.seriesPrevious !== null ? bindings[citation.seriesPrevious] : undefined;

    // What the citation leans on: its highest level says whether it is absolute (第5条), anaphoric (同条,
    // 同項: the last pointer naming that level) or positional (前条, 次項, 本条: where it stands).
    const highest = citation.article ?? citation.paragraph ?? citation.item;
    const highestLevel = citation.article ? 'article' : citation.paragraph ? 'paragraph' : 'item';
    const anaphoric = highest?.kind === 'same';
    const positional = highest !== null && highest.kind !== 'number' && highest.kind !== 'same';
    const antecedent = anaphoric
      ? { article: lastArticle, paragraph: lastParagraph, item: lastItem }[highestLevel]
      : citation.article === null && !previous && citation.qualifier === null ? lastArticle : null;
    const inAmendingAct = Boolean(block?.amendingAct);
    const ownInstrument = (): Instrument | null => (inAmendingAct ? { id: null, name: block!.amendingAct, external: true } : selfInstrument);

    // 1. The instrument.
    let instrument: Instrument | null = null;
    let problem: Binding['problem'] = null;
    let qualified = false;
    const qualifier = citation.qualifier;
    if (qualifier?.kind === 'name') {
      instrument = nameToInstrument(qualifier.name);
      qualified = true;
    } else if (qualifier?.kind === 'same') {
      instrument = lastInstrument;
      qualified = true;
      if (!instrument) problem = 'no-antecedent';
    } else if (qualifier?.kind === 'this') {
      instrument = selfInstrument ?? defaultInstrument(offset);
      qualified = true;
    } else if (previous) {
      instrument = previous.instrument;
      qualified = previous.qualified;
    } else if (namedJustBefore) {
      instrument = namedJustBefore;
      qualified = true;
    } else if (quote && quoteAnchor && !anchorArticle) {
      instrument = quoteAnchor.instrument;
      qualified = quoteAnchor.qualified;
      if (!instrument) problem = 'no-antecedent';
    } else if (anaphoric) {
      instrument = antecedent?.instrument ?? (selfTreaty ? ownInstrument() : null);
      qualified = antecedent?.qualified ?? false;
      if (!antecedent) problem = 'no-antecedent';
    } else if (selfTreaty) {
      instrument = ownInstrument();
    } else if (positional || (citation.article === null && lastArticle)) {
      instrument = lastArticle?.instrument ?? null;
      qualified = lastArticle?.qualified ?? false;
      if (!lastArticle) problem = 'no-antecedent';
    } else {
      const topic = topics.get(sentenceCursor);
      const topicInstrument = topic ? nameToInstrument(topic.name) : null;
      if (topicInstrument && !(topicInstrument.id === null && isGenericName(topic!.name))) instrument = topicInstrument;
      else if (carryOver && carryOver.sentence === sentenceCursor) instrument = carryOver.instrument;
      else instrument = defaultInstrument(offset);
      if (!instrument) problem = 'ambiguous-treaty';
    }

    // 2. The levels, absolute. Inside a treaty, 第N条 is a main provision even when cited from the
    // original 附則, and 附則第N条 is an article of the 附則 it stands in (or of the original one).
    const originalGroup = Math.max(0, selfTreaty?.supplementaryBlocks.findIndex((entry) => entry.amendingAct === null) ?? 0);
    let group: number | null = citation.supplementary ? (block && !inAmendingAct ? location!.article.supplementaryGroup : originalGroup) : null;
    if (previous && citation.article === null) group = previous.supplementaryGroup;
    else if (anaphoric && antecedent) group = antecedent.supplementaryGroup;
    else if (positional && location && citation.article !== null) group = location.article.supplementaryGroup;
    else if (citation.article === null && location && !qualifier) group = location.article.supplementaryGroup;
    const resolveArticle = (): string | null => {
      const ref = citation.article;
      if (ref === null) {
        if (previous) return previous.article;
        if (citation.paragraph === null && citation.item === null) return null;
        if (anaphoric) return antecedent?.article ?? null;
        // A paragraph or item without its article: in a treaty, the article it stands in.
        if (location && !qualifier) return location.article.number;
        return lastArticle?.article ?? null;
      }
      switch (ref.kind) {
        case 'number':
          return ref.value;
        case 'same':
          return antecedent?.article ?? null;
        case 'this':
          if (location) return location.article.number;
          if (!lastArticle?.article) problem ??= 'no-antecedent';
          return lastArticle?.article ?? null;
        case 'previous':
        case 'next': {
          const step = ref.kind === 'previous' ? -ref.count : 1;
          const base = location ? { treaty: selfTreaty!, article: location.article } : antecedentArticle(lastArticle, catalog);
          if (!base) {
            problem ??= 'no-antecedent';
            return null;
          }
          return adjacentArticle(base.treaty, base.article, step)?.number ?? null;
        }
        case 'each':
          return null;
      }
    };
    const article = resolveArticle();
    const sameArticleAsContext = location && article === location.article.number && !qualified;
    const resolveParagraph = (): number | null => {
      const ref = citation.paragraph;
      if (ref === null) return previous && citation.article === null ? previous.paragraph : null;
      switch (ref.kind) {
        case 'number':
          return Number.parseInt(ref.value, 10) || null;
        case 'same':
          if (!lastParagraph?.paragraph) problem ??= 'no-antecedent';
          return anaphoric && highestLevel === 'paragraph' ? (antecedent?.paragraph ?? null) : (lastParagraph?.paragraph ?? null);
        case 'this':
          return location?.paragraph?.number ?? lastParagraph?.paragraph ?? null;
        case 'previous':
        case 'next': {
          const current = sameArticleAsContext || citation.article === null ? location?.paragraph?.number : undefined;
          if (current === undefined) {
            if (!location) problem ??= 'no-antecedent';
            return null;
          }
          const value = ref.kind === 'previous' ? current - ref.count : current + 1;
          return value >= 1 ? value : null;
        }
        case 'each':
          return null;
      }
    };
    const paragraph = resolveParagraph();
    const resolveItem = (): string | null => {
      const ref = citation.item;
      if (ref === null) return previous && citation.article === null && citation.paragraph === null ? previous.item : null;
      switch (ref.kind) {
        case 'number':
          return ref.value;
        case 'same':
          if (!lastItem?.item) problem ??= 'no-antecedent';
          return lastItem?.item ?? null;
        case 'each':
          return 'each';
        case 'this':
          return location?.item?.number ?? null;
        case 'previous':
        case 'next': {
          const current = location?.item ? Number.parseInt(location.item.number, 10) : NaN;
          if (Number.isNaN(current)) return null;
          const value = ref.kind === 'previous' ? current - ref.count : current + 1;
          return value >= 1 ? String(value) : null;
        }
      }
    };
    const item = resolveItem();
    const binding: Binding = { instrument, article, paragraph, item, supplementaryGroup: group, problem, qualified };
    bindings.push(binding);
    if (citation.article !== null && article !== null) lastArticle = binding;
    if (citation.paragraph !== null && paragraph !== null) lastParagraph = binding;
    if (citation.item !== null && item !== null) lastItem = binding;
    if (qualified && instrument) carryOver = { sentence: sentenceCursor, instrument };
    if (instrument && qualifier) lastInstrument = instrument;
    if (citation.seriesPrevious !== null) {
      for (let back = checkpoints.length - 1; back >= 0 && checkpoints[back]!.index > citation.seriesPrevious; back--) checkpoints[back]!.crossed = true;
    }
    results.push(check(citation, binding, catalog));
  }
  // Only an analysis resumes, so only an analysis keeps its bindings.
  return { citations: results, reading: facts.reading.serial, catalog, scan: facts.scan, bindings: resumable ? bindings : [], checkpoints, principal };
}

/** The treaty the document names most often (first named on a tie), or the workspace's only treaty. */
function principalOf(scan: DocumentFacts['scan'], catalog: Catalog): Instrument | null {
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
  if (best) return { id: best[0], name: primaryEntry(catalog, best[0])?.treaty.title ?? best[0] };
  if (catalog.ids.length === 1) {
    const onlyId = catalog.ids[0]!;
    return { id: onlyId, name: primaryEntry(catalog, onlyId)?.treaty.title ?? onlyId };
  }
  return null;
}

/** How to resolve a re-read analysis again: from an old checkpoint before the edit, meeting the old ones after it. */
interface ResumePlan {
  readonly from: Checkpoint;
  /** The position of `from` among the old checkpoints. */
  readonly fromCheckpoint: number;
  /** The first new citation of the moved tail, and how far the tail's indexes moved. */
  readonly tailFrom: number;
  readonly shift: number;
  readonly edit: ReadingEdit;
  readonly old: DocumentFacts['scan'];
}

function planResume(facts: DocumentFacts, catalog: Catalog, previous: Resolution, principal: Instrument | null): ResumePlan | null {
  const edit = facts.reading.edit;
  if (!edit || edit.from !== previous.reading || previous.catalog !== catalog) return null;
  if (!sameInstrument(principal, previous.principal === undefined ? principalOf(previous.scan, catalog) : previous.principal)) return null;
  const old = previous.scan;
  const checkpoints = previous.checkpoints;
  // The last checkpoint at or before the first changed citation whose earlier sentences the edit left alone (the
  // re-reading keeps those very objects), and which counts only mentions and aliases before the edit.
  let position = checkpoints.length - 1;
  while (position >= 0 && checkpoints[position]!.index > edit.citations.head) position--;
  for (; position >= 0; position--) {
    const from = checkpoints[position]!;
    const sentencesKept = from.sentence === 0 || facts.scan.sentences[from.sentence - 1] === old.sentences[from.sentence - 1];
    if (sentencesKept && from.mentionCursor <= edit.mentions.head && from.aliasCursor <= edit.aliases.head) break;
  }
  if (position < 0) return null;
  const tailFrom = edit.citations.head + edit.citations.inside;
  return { from: checkpoints[position]!, fromCheckpoint: position, tailFrom, shift: tailFrom - edit.citations.tailStart, edit, old };
}

/** Whether the new state at a checkpoint past the edit is the old state at the matching old checkpoint. */
function meets(now: Checkpoint, then: Checkpoint, scan: DocumentFacts['scan'], plan: ResumePlan): boolean {
  const { edit, old } = plan;
  if (then.crossed || then.index + plan.shift !== now.index) return false;
  const sentence = scan.sentences[now.sentence]!.span;
  const oldSentence = old.sentences[then.sentence]!.span;
  if (sentence.start < edit.end || sentence.start - edit.delta !== oldSentence.start || sentence.end - edit.delta !== oldSentence.end) return false;
  // An alias defined or dropped in the edit changes how every later name reads.
  if (edit.aliases.inside > 0 || edit.aliases.tailStart > edit.aliases.head) return false;
  if (movedCursor(then.mentionCursor, edit.mentions) !== now.mentionCursor || movedCursor(then.aliasCursor, edit.aliases) !== now.aliasCursor) return false;
  // A name just before a citation (`航空法中第十一条`) is read from the text between: it must lie past the edit,
  // or too far back to count, in both texts.
  if (now.mentionCursor > 0 && now.mentionCursor - 1 < edit.mentions.head + edit.mentions.inside) {
    const reach = scan.citations[now.index]!.span.start - scan.mentions[now.mentionCursor - 1]!.span.end;
    const oldReach = old.citations[then.index]!.span.start - old.mentions[then.mentionCursor - 1]!.span.end;
    if (reach < NAMED_JUST_BEFORE_REACH || oldReach < NAMED_JUST_BEFORE_REACH) return false;
  }
  return (
    sameInstrument(now.lastInstrument, then.lastInstrument) &&
    sameBinding(now.lastArticle, then.lastArticle) &&
    sameBinding(now.lastParagraph, then.lastParagraph) &&
    sameBinding(now.lastItem, then.lastItem)
  );
}

/** Where an old cursor into a spliced list stands in the new list, or -1 inside the replaced part. */
function movedCursor(cursor: number, splice: Splice): number {
  if (cursor <= splice.head) return cursor;
  return cursor >= splice.tailStart ? cursor + splice.head + splice.inside - splice.tailStart : -1;
}

/** Completes a resumed resolution with the old one from the checkpoint where they meet: moved, not resolved again. */
function finishFromOld(
  facts: DocumentFacts,
  previous: Resolution,
  plan: ResumePlan,
  done: { results: ResolvedCitation[]; bindings: Binding[]; checkpoints: Checkpoint[]; principal: Instrument | null | undefined },
  meeting: Checkpoint,
  oldCheckpoint: number,
): Resolution {
  const citations = facts.scan.citations;
  const { results, bindings, checkpoints } = done;
  for (let index = meeting.index; index < citations.length; index++) {
    const old = previous.citations[index - plan.shift]!;
    results.push(movedResolution(old, citations[index]!));
    bindings.push(previous.bindings[index - plan.shift]!);
  }
  const sentenceShift = meeting.sentence - previous.checkpoints[oldCheckpoint]!.sentence;
  for (let position = oldCheckpoint; position < previous.checkpoints.length; position++) {
    const old = previous.checkpoints[position]!;
    checkpoints.push({
      index: old.index + plan.shift,
      sentence: old.sentence + sentenceShift,
      mentionCursor: movedCursor(old.mentionCursor, plan.edit.mentions),
      aliasCursor: movedCursor(old.aliasCursor, plan.edit.aliases),
      lastInstrument: old.lastInstrument,
      lastArticle: old.lastArticle,
      lastParagraph: old.lastParagraph,
      lastItem: old.lastItem,
      crossed: old.crossed,
    });
  }
  return { citations: results, reading: facts.reading.serial, catalog: previous.catalog, scan: facts.scan, bindings, checkpoints, principal: done.principal };
}

/** An old resolution for the same citation, moved with its text. */
function movedResolution(old: ResolvedCitation, syntax: CitationSyntax): ResolvedCitation {
  return {
    syntax,
    treatyId: old.treatyId,
    treatyName: old.treatyName,
    article: old.article,
    paragraph: old.paragraph,
    item: old.item,
    supplementaryGroup: old.supplementaryGroup,
    status: old.status,
    detail: old.detail,
    target: old.target,
    articleKey: old.articleKey,
  };
}

function sameInstrument(a: Instrument | null, b: Instrument | null): boolean {
  return a === b || (a !== null && b !== null && a.id === b.id && a.name === b.name && a.external === b.external);
}

function sameBinding(a: Binding | null, b: Binding | null): boolean {
  return (
    a === b ||
    (a !== null &&
      b !== null &&
      sameInstrument(a.instrument, b.instrument) &&
      a.article === b.article &&
      a.paragraph === b.paragraph &&
      a.item === b.item &&
      a.supplementaryGroup === b.supplementaryGroup &&
      a.problem === b.problem &&
      a.qualified === b.qualified)
  );
}

/** `the Convention`, `本条約`: a word for "the treaty", not a name; it cannot name a treaty outside the workspace. */
interface AmendmentQuote {
  readonly start: number;
  readonly end: number;
  /** `中「…」`: names the wording it replaces (a replacement quote `とあるのは「…」` keeps the anchor). */
  readonly opensClause: boolean;
}

/** Top-level 「…」 quotations that follow 中 or とあるのは: quoted provision wording, in one linear pass. */
function findAmendmentQuotes(text: string): AmendmentQuote[] {
  const quotes: AmendmentQuote[] = [];
  let depth = 0;
  let start = -1;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '「') {
      if (depth === 0) start = index;
      depth++;
    } else if (character === '」' && depth > 0) {
      depth--;
      if (depth > 0) continue;
      const before = text.slice(Math.max(0, start - 6), start);
      const opensClause = before.endsWith('中');
      if (opensClause || /とあるのは、?$/.test(before)) quotes.push({ start, end: index + 1, opensClause });
    } else if (character === '\n' && depth > 0 && text[index + 1] !== '　') {
      // An unclosed quotation does not run past its line.
      depth = 0;
    }
  }
  return quotes;
}

/** How far back a name may stand and still name the instrument of the citation right after it (`…法（…）（第一条`). */
const NAMED_JUST_BEFORE_REACH = 120;

// `航空法中第十一条`: a law's name directly before 中 (the grammar reports no mention there).
const LAW_BEFORE_NAKA = /([\u4e00-\u9fff\u30a0-\u30ff・]{1,30}(?:法|法律|条約|協定|政令|規則))中$/;

function lawNamedBeforeNaka(text: string, offset: number, name: (name: string) => Instrument): Instrument | null {
  if (text[offset - 1] !== '中') return null;
  const match = LAW_BEFORE_NAKA.exec(text.slice(Math.max(0, offset - 40), offset));
  // 同法中 and この法律中 are the instruments the grammar already resolves.
  if (!match || /^(?:同|この|本)/.test(match[1]!)) return null;
  return name(match[1]!);
}

const STRUCTURAL_KINDS = new Set(['chapter', 'chapter-list', 'section', 'appendix-table', 'appendix-form', 'annex', 'same-annex']);

/**
 * Names to instruments under a document's aliases (`aliases`: normalised alias → full name, which the
 * caller may extend as it reads on; it then calls `forget`). An alias also counts at the end of a
 * longer phrase the grammar took in (`構成ロ朝条約`). Documents name the same few instruments again
 * and again, so each name is looked up once.
 */
function instrumentNamer(catalog: Catalog, aliases: ReadonlyMap<string, string>): ((name: string) => Instrument) & { forget(): void } {
  const cache = new Map<string, Instrument>();
  const aliasFor = (name: string): string | undefined => {
    if (aliases.size === 0) return undefined;
    const key = normalizeName(name);
    for (let start = 0; start < key.length - 1; start++) {
      const fullName = aliases.get(key.slice(start));
      if (fullName !== undefined) return fullName;
    }
    return undefined;
  };
  const namer = (name: string): Instrument => {
    const cached = cache.get(name);
    if (cached) return cached;
    const fullName = aliasFor(name) ?? name;
    const id = lookupTreatyName(catalog, fullName) ?? lookupTreatyName(catalog, name);
    const instrument = { id, name: id ? (primaryEntry(catalog, id)?.treaty.title ?? fullName) : fullName };
    cache.set(name, instrument);
    return instrument;
  };
  return Object.assign(namer, { forget: () => cache.clear() });
}

function isGenericName(name: string): boolean {
  return /^(?:the\s+)?(?:convention|treaty|charter|agreement|protocol|covenant|statute)$/i.test(name.trim()) || /^(?:本|この|当該)?(?:条約|協定|憲章|議定書|規約)$/.test(name.trim());
}

function antecedentArticle(binding: Binding | null, catalog: Catalog): { treaty: Treaty; article: Article } | null {
  if (!binding?.instrument?.id || !binding.article) return null;
  const treaty = primaryEntry(catalog, binding.instrument.id)?.treaty;
  const article = treaty && findArticle(treaty, binding.article, binding.supplementaryGroup);
  return treaty && article ? { treaty, article } : null;
}


function check(citation: CitationSyntax, binding: Binding, catalog: Catalog): ResolvedCitation {
  // One object literal of one shape per citation: cheaper than spreading a base object.
  const outcome = (status: CitationStatus, detail: string | null = null, target: ResolvedCitation['target'] = null, key: string | null = null): ResolvedCitation => ({
    syntax: citation,
    treatyId: binding.instrument?.id ?? null,
    treatyName: binding.instrument?.name ?? null,
    article: binding.article,
    paragraph: binding.paragraph,
    item: binding.item,
    supplementaryGroup: binding.supplementaryGroup,
    status,
    detail,
    target,
    articleKey: key,
  });
  if (STRUCTURAL_KINDS.has(citation.kind) && binding.article === null) {
    if (binding.instrument?.external) return outcome('external');
    // A chapter (or a section in it) of a workspace treaty is found; other structural citations stay unchecked.
    const entry = citation.division && binding.instrument?.id ? primaryEntry(catalog, binding.instrument.id) : undefined;
    const division = entry && findDivision(entry.treaty, citation.division!);
    return division ? outcome('resolved', null, { uri: entry!.uri, span: division.span }) : outcome('unchecked');
  }
  if (binding.problem) return outcome(binding.problem);
  const instrument = binding.instrument;
  if (!instrument) return outcome('ambiguous-treaty');
  if (instrument.external) return outcome('external');
  if (instrument.id === null) return outcome('unknown-treaty', instrument.name);
  const entry = primaryEntry(catalog, instrument.id);
  if (!entry) return outcome('unknown-treaty', instrument.name);
  const treaty = entry.treaty;
  if (citation.preamble && binding.article === null) {
    return treaty.preamble ? outcome('resolved', null, { uri: entry.uri, span: treaty.preamble.span }) : outcome('unknown-article', 'preamble');
  }
  if (binding.article === null) {
    // 各号 / bare relative pointers with nothing to stand on inside the article.
    return citation.article?.kind === 'each' || citation.item?.kind === 'each' ? outcome('resolved') : outcome('no-antecedent');
  }
  const article = findArticle(treaty, binding.article, binding.supplementaryGroup);
  if (!article) return outcome('unknown-article');
  const key = articleKey(treaty.id, article.number, article.supplementaryGroup);
  let paragraph: Paragraph | undefined;
  if (binding.paragraph !== null) {
    paragraph = findParagraph(article, binding.paragraph);
    if (!paragraph) return outcome('unknown-paragraph', `${article.label}: ${article.paragraphs.length}`, { uri: entry.uri, span: article.span }, key);
  }
  let item: Item | undefined;
  if (binding.item !== null && binding.item !== 'each') {
    const inParagraphs = paragraph ? [paragraph] : article.paragraphs;
    for (const candidate of inParagraphs) {
      item = findItem(candidate, binding.item);
      if (item) break;
    }
    if (!item) return outcome('unknown-item', article.label, { uri: entry.uri, span: (paragraph ?? article).span }, key);
    if (citation.subitem) item = findItem(item, citation.subitem) ?? item;
  }
  return outcome('resolved', null, { uri: entry.uri, span: (item ?? paragraph ?? article).span }, key);
}

/** A citation of no article: the preamble, a chapter, an annex (`前文`, `第7章第2節`, `Annex I`). */
function structureLabel(syntax: CitationSyntax, english: boolean): string | null {
  const branch = (number: string): string => number.replace(/_/g, english ? ' ' : 'の');
  if (syntax.preamble) return english ? 'the preamble' : '前文';
  if (syntax.division) {
    const { chapter, section } = syntax.division;
    if (english) return `Chapter ${branch(chapter)}${section !== null ? `, section ${branch(section)}` : ''}`;
    return `第${branch(chapter)}章${section !== null ? `第${branch(section)}節` : ''}`;
  }
  if (syntax.annex !== null) return english ? `Annex ${syntax.annex}` : `附属書${syntax.annex}`;
  return null;
}

/** The instrument-independent part of a citation's label, for messages: `第6条第2項`, `Article 6(2)`. */
export function provisionLabel(citation: ResolvedCitation, english: boolean): string {
  const structure = citation.article === null ? structureLabel(citation.syntax, english) : null;
  if (structure !== null) return structure;
  const article = citation.article?.replace(/_/g, english ? ' ' : 'の') ?? '?';
  if (english) return `Article ${article}${citation.paragraph !== null ? `(${citation.paragraph})` : ''}${citation.item && citation.item !== 'each' ? `(${citation.item})` : ''}`;
  return `第${article}条${citation.paragraph !== null ? `第${citation.paragraph}項` : ''}${citation.item && citation.item !== 'each' ? `第${citation.item.replace(/_/g, 'の')}号` : ''}`;
}

