// Resuming: an edited analysis is resolved again only from the sentence of the edit until the discourse state
// meets the old one; from there the old results move along with their text.
// Invariant: the result equals resolving afresh (test/fuzz/resolveIncremental.test.ts, the fuzz, the soak).

import type { Catalog } from '../catalog';
import type { DocumentFacts } from '../document';
import type { ReadingEdit, Splice } from '../reading';
import { sentenceStart, type CitationSyntax } from '../types';
import type { ResolvedCitation } from './check';
import { NAMED_JUST_BEFORE_REACH, principalOf, type Principal } from './scope';
import { sameInstrument, type Binding, type Checkpoint, type NamedByGenre, type Resolution } from './state';

/** How to resolve a re-read analysis again: from an old checkpoint before the edit, meeting the old ones after it. */
export interface ResumePlan {
  readonly from: Checkpoint;
  /** The position of `from` among the old checkpoints. */
  readonly fromCheckpoint: number;
  /** The first new citation of the moved tail, and how far the tail's indexes moved. */
  readonly tailFrom: number;
  readonly shift: number;
  readonly edit: ReadingEdit;
  readonly old: DocumentFacts['scan'];
}

export function planResume(facts: DocumentFacts, catalog: Catalog, previous: Resolution, principal: Principal | null): ResumePlan | null {
  const edit = facts.reading.edit;
  if (!edit || edit.from !== previous.reading || previous.catalog !== catalog) return null;
    // The title is not part of an edit that resumes (an edit in front matter is read in full).
  const previousPrincipal = previous.principal === undefined ? principalOf(previous.scan, facts.frontMatter.title, catalog) : previous.principal;
  if (!samePrincipal(principal, previousPrincipal)) return null;
  const old = previous.scan;
  const checkpoints = previous.checkpoints;
  // The last checkpoint at or before the first changed citation whose earlier sentences the edit left alone (the
  // re-reading kept them: `edit.sentences`), and which counts only mentions and aliases before the edit.
  let position = checkpoints.length - 1;
  while (position >= 0 && checkpoints[position]!.index > edit.citations.head) position--;
  for (; position >= 0; position--) {
    const from = checkpoints[position]!;
    if (from.sentence <= edit.sentences && from.mentionCursor <= edit.mentions.head && from.aliasCursor <= edit.aliases.head) break;
  }
  if (position < 0) return null;
  const tailFrom = edit.citations.head + edit.citations.inside;
  return { from: checkpoints[position]!, fromCheckpoint: position, tailFrom, shift: tailFrom - edit.citations.tailStart, edit, old };
}

/** Whether the new state at a checkpoint past the edit is the old state at the matching old checkpoint. */
function meets(now: Checkpoint, then: Checkpoint, scan: DocumentFacts['scan'], plan: ResumePlan): boolean {
  const { edit, old } = plan;
  if (then.crossed || then.index + plan.shift !== now.index) return false;
  const start = sentenceStart(scan.sentenceEnds, now.sentence);
  if (start < edit.end || start - edit.delta !== sentenceStart(old.sentenceEnds, then.sentence) || scan.sentenceEnds[now.sentence]! - edit.delta !== old.sentenceEnds[then.sentence]) return false;
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
    sameOfGenre(now.lastOfGenre, then.lastOfGenre) &&
    sameBinding(now.lastArticle, then.lastArticle) &&
    sameBinding(now.lastParagraph, then.lastParagraph) &&
    sameBinding(now.lastItem, then.lastItem) &&
    sameBinding(now.lastDivision, then.lastDivision)
  );
}

/** Where an old cursor into a spliced list stands in the new list, or -1 inside the replaced part. */
function movedCursor(cursor: number, splice: Splice): number {
  if (cursor <= splice.head) return cursor;
  return cursor >= splice.tailStart ? cursor + splice.head + splice.inside - splice.tailStart : -1;
}

/** What a resolution has done so far. */
export interface Done {
  readonly results: ResolvedCitation[];
  readonly bindings: Binding[];
  readonly checkpoints: Checkpoint[];
}

/** Resolving an analysis again from a plan: the old results it starts with, and where it meets the old resolution. */
export class Resumption {
  /** How far the search for the old checkpoint to meet has come. */
  private oldCheckpoint: number;

  constructor(
    private readonly facts: DocumentFacts,
    private readonly previous: Resolution,
    readonly plan: ResumePlan,
    private readonly structuresRead: ReadonlySet<string>,
  ) {
    this.oldCheckpoint = plan.fromCheckpoint;
  }

  /** The old results before the plan's checkpoint, which the edit left alone. */
  start(): Done {
    const first = this.plan.from.index;
    return {
      results: this.previous.citations.slice(0, first),
      bindings: this.previous.bindings.slice(0, first),
      checkpoints: this.previous.checkpoints.slice(0, this.plan.fromCheckpoint),
    };
  }

  /**
   * At a sentence's first citation: past the edit, where the state is the old one again, the rest of the old
   * resolution holds; then the finished resolution, else null.
   */
  meet(checkpoint: Checkpoint, done: Done, principal: Principal | null | undefined): Resolution | null {
    const { plan, previous } = this;
    if (checkpoint.index < plan.tailFrom) return null;
    const old = previous.checkpoints;
    while (this.oldCheckpoint < old.length && old[this.oldCheckpoint]!.index < checkpoint.index - plan.shift) this.oldCheckpoint++;
    if (this.oldCheckpoint >= old.length || !meets(checkpoint, old[this.oldCheckpoint]!, this.facts.scan, plan)) return null;
    return this.finishFromOld(done, principal, checkpoint, this.oldCheckpoint);
  }

  /** Completes a resumed resolution with the old one from the checkpoint where they meet: moved, not resolved again. */
  private finishFromOld(done: Done, principal: Principal | null | undefined, meeting: Checkpoint, oldCheckpoint: number): Resolution {
    const { facts, previous, plan } = this;
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
      const index = old.index + plan.shift;
      const sentence = old.sentence + sentenceShift;
      const mentionCursor = movedCursor(old.mentionCursor, plan.edit.mentions);
      const aliasCursor = movedCursor(old.aliasCursor, plan.edit.aliases);
      // A keystroke inside a sentence moves no count: the old checkpoint holds as it is (checkpoints hold no offsets).
      if (index === old.index && sentence === old.sentence && mentionCursor === old.mentionCursor && aliasCursor === old.aliasCursor) {
        checkpoints.push(old);
        continue;
      }
      checkpoints.push({
        index,
        sentence,
        mentionCursor,
        aliasCursor,
        lastInstrument: old.lastInstrument,
        lastOfGenre: old.lastOfGenre,
        lastArticle: old.lastArticle,
        lastParagraph: old.lastParagraph,
        lastItem: old.lastItem,
        lastDivision: old.lastDivision,
        crossed: old.crossed,
      });
    }
    return { citations: results, reading: facts.reading.serial, catalog: previous.catalog, scan: facts.scan, bindings, checkpoints, principal, structuresRead: [...this.structuresRead] };
  }
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
    scope: old.scope,
  };
}

/** The genres' last instruments alike (unchanged since the checkpoint is the usual case: the same object). */
function sameOfGenre(a: NamedByGenre, b: NamedByGenre): boolean {
  if (a === b) return true;
  const genres = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof NamedByGenre)[]);
  return [...genres].every((genre) => sameInstrument(a[genre] ?? null, b[genre] ?? null));
}

function samePrincipal(a: Principal | null, b: Principal | null): boolean {
  return a === b || (a !== null && b !== null && a.rule === b.rule && sameInstrument(a.instrument, b.instrument));
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
      a.qualified === b.qualified &&
      a.scope === b.scope &&
      a.division?.chapter === b.division?.chapter &&
      a.division?.section === b.division?.section)
  );
}
