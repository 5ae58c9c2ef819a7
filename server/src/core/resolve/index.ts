// Resolution: gives every citation of a document its instrument and absolute provision numbers, then checks it
// against the treaty. One pass over the citations in order, carrying the discourse state (state.ts); for each
// citation the scope rules choose the instrument (scope.ts, in the order of ARCHITECTURE.md "Which treaty a
// citation belongs to"), its levels are made absolute (levels.ts, position.ts) and it is checked (check.ts).
// An edited analysis resumes from the old resolution (resume.ts).

import type { Catalog } from '../catalog';
import type { DocumentFacts } from '../document';
import { check, isStructural, type ResolvedCitation } from './check';
import { citationContext, sentenceTopics, type DocumentContext } from './context';
import { resolveLevels } from './levels';
import { PositionReader } from './position';
import { planResume, Resumption, type Done } from './resume';
import { chooseInstrument, principalOf, type Principal } from './scope';
import { Discourse, markCrossed, type Binding, type Resolution } from './state';

export { articleKey, type CitationStatus, type ResolvedCitation } from './check';
export type { Resolution, ScopeName } from './state';

/** Resolves every citation of a document against the catalog. Pure; linear in the document's citations. */
export function resolveDocument(facts: DocumentFacts, catalog: Catalog): ResolvedCitation[] {
  return resolveFacts(facts, catalog).citations as ResolvedCitation[];
}

/**
 * Resolves a document; given the resolution (`prior`) of the reading it was re-read from, an analysis is resolved again only
 * from the sentence of the edit until the discourse state meets the old one (then the old results move along).
 * Invariant: the result equals resolving afresh (test/fuzz/resolveIncremental.test.ts, the fuzz, the soak).
 */
export function resolveFacts(facts: DocumentFacts, catalog: Catalog, prior?: Resolution): Resolution {
  return startResolution(facts, catalog, prior).advance(Infinity)!;
}

/** A resolution under way, done a part at a time so that a long analysis does not hold its thread for long. */
export interface ResolutionRun {
  /** Resolves up to `count` more citations: the finished resolution, or null while some are left. */
  advance(count: number): Resolution | null;
}

/** `resolveFacts` in parts: nothing is resolved until `advance` is called. */
export function startResolution(facts: DocumentFacts, catalog: Catalog, prior?: Resolution): ResolutionRun {
  const self = facts.treaty;
  // Only analyses resume: a treaty's own provisions and amendment quotes make every citation depend on its place.
  const resumable = self === null;
  // Computed when a citation needs it, or to compare with the old one before resuming.
  let principal: Principal | null | undefined = resumable && prior ? principalOf(facts.scan, facts.frontMatter.title, catalog) : undefined;
  const discourse = new Discourse(facts.scan, catalog);
  const plan = resumable && prior ? planResume(facts, catalog, prior, principal!) : null;
  const document: DocumentContext = {
    facts,
    catalog,
    self,
    selfInstrument: self ? { id: self.id, name: self.title } : null,
    discourse,
    topics: sentenceTopics(facts.scan),
    principal: () => (principal === undefined ? (principal = principalOf(facts.scan, facts.frontMatter.title, catalog)) : principal),
    // The results kept from the old resolution may have read them.
    structuresRead: new Set(plan ? prior!.structuresRead : []),
  };
  const resumption = plan ? new Resumption(facts, prior!, plan, document.structuresRead) : null;
  const done: Done = resumption ? resumption.start() : { results: [], bindings: [], checkpoints: [] };
  if (plan) discourse.restore(plan.from);
  const first = plan ? plan.from.index : 0;
  const positions = self ? new PositionReader(self, facts.text) : null;
  const citations = facts.scan.citations;
  let next = first;
  const advance = (count: number): Resolution | null => {
    const end = Math.min(citations.length, next + count);
    for (; next < end; next++) {
      const finished = resolveOne(next);
      if (finished) return finished;
    }
    if (next < citations.length) return null;
    // Only an analysis resumes, so only an analysis keeps its bindings.
    return { citations: done.results, reading: facts.reading.serial, catalog, scan: facts.scan, bindings: resumable ? done.bindings : [], checkpoints: done.checkpoints, principal, structuresRead: [...document.structuresRead] };
  };
  /** Resolves the citation at `index`; returns the whole resolution where it meets the old one (the rest moves along). */
  const resolveOne = (index: number): Resolution | null => {
    const citation = citations[index]!;
    if (discourse.enterSentenceOf(citation.span.start) || index === first) {
      // A qualifier carries over within its sentence only.
      discourse.carryOver = null;
      if (resumable) {
        const checkpoint = discourse.checkpoint(index);
        const finished = resumption?.meet(checkpoint, done, principal);
        if (finished) return finished;
        done.checkpoints.push(checkpoint);
      }
    }
    discourse.advanceTo(citation.span.start);
    const here = citationContext(document, index, done.bindings, positions);
    const scope = chooseInstrument(document, here);
    const levels = resolveLevels(document, here, scope);
    const binding: Binding = {
      instrument: scope.instrument,
      article: levels.article,
      paragraph: levels.paragraph,
      item: levels.item,
      supplementaryGroup: levels.supplementaryGroup,
      problem: scope.problem ?? levels.problem,
      qualified: scope.qualified,
      scope: scope.rule,
      division: levels.division,
    };
    done.bindings.push(binding);
    discourse.remember(citation, binding);
    if (citation.seriesPrevious !== null) markCrossed(done.checkpoints, citation.seriesPrevious);
    done.results.push(check(citation, binding, catalog));
    return null;
  };
  return { advance };
}

/**
 * The resolution after an edit of the treaties `edited` that left every treaty's id and names as they were: each binding
 * stands, since an analysis's bindings read a treaty's structure only where `structuresRead` says, so only its citations
 * of those treaties are checked again. Null when that is not enough (the document is a treaty, was read again, or counted
 * on an edited treaty's articles, or cites one of its divisions, whose binding the result does not keep): resolve it.
 * Invariant: the result equals resolving afresh (test/fuzz/resolveIncremental.test.ts).
 */
export function recheckResolution(previous: Resolution, facts: DocumentFacts, catalog: Catalog, edited: ReadonlySet<string>): Resolution | null {
  if (facts.treaty !== null || previous.reading !== facts.reading.serial || previous.structuresRead.some((id) => edited.has(id))) return null;
  const citations: ResolvedCitation[] = [];
  for (const citation of previous.citations) {
    if (citation.treatyId === null || !edited.has(citation.treatyId)) {
      citations.push(citation);
      continue;
    }
    switch (citation.status) {
      // What the binding alone decided: no treaty's structure was looked at.
      case 'no-antecedent':
      case 'ambiguous-treaty':
      case 'external':
      case 'unknown-treaty':
        citations.push(citation);
        continue;
    }
    if (isStructural(citation.syntax) && citation.article === null) return null;
    // The binding as check() saw it: a workspace treaty, not external, no namesakes, no problem (else the status says so).
    const binding: Binding = {
      instrument: { id: citation.treatyId, name: citation.treatyName },
      article: citation.article,
      paragraph: citation.paragraph,
      item: citation.item,
      supplementaryGroup: citation.supplementaryGroup,
      problem: null,
      qualified: false,
      scope: citation.scope,
      division: null,
    };
    citations.push(check(citation.syntax, binding, catalog));
  }
  return { ...previous, citations, catalog };
}
