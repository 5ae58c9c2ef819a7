// The labelled cases of test/data/corpus/citation-cases.jsonl (conventions in section 0 of citation-forms.md), each
// checked as a document on its own, with no treaty texts in the workspace (a new user's first minutes). Cases from
// statutes and treaty texts are read as treaty documents, the rest as analyses.
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { createTreatyService } from '../../server/src/core/index';
import type { CitationReport } from '../../server/src/core/api';
import { readCorpus } from '../corpus/corpus';
import { InMemoryWorkspace } from '../fixture';
import { normalizeName, Score, type Row } from './score';

interface Ref {
  readonly span: string;
  readonly start: number;
  readonly kind: string;
  readonly treaty: string | null;
  readonly treaty_id?: string;
  readonly alias?: string;
  readonly treaty_span?: string;
  readonly article: string | null;
  readonly paragraph: number | null;
  readonly item: number | string | null;
}

interface Case {
  readonly id: string;
  readonly lang: string;
  readonly text: string;
  readonly source?: string;
  readonly refs: readonly Ref[];
}

/** Kinds that define or point at a whole instrument: not citations in treaty-check output (section 0). */
const NOT_CITATIONS = new Set(['heading', 'this-law', 'inferior-order']);

/**
 * Citations that count from where they stand (前条, 次条第二項, this Article, paragraph 1 above): a case is a sentence
 * cut from its article, so the article they count from is not in it and only the label knows it.
 */
const COUNTS_FROM_CONTEXT = /^(previous|next|this)-/;

/** Sentences from statutes and treaty texts: read where they come from, as treaty documents. */
const isTreatyText = (entry: Case): boolean => entry.id.startsWith('ja-law') || /laws-markdown|Lawtext/.test(entry.source ?? '');

export function measureCases(): { rows: Row[]; misses: string[] } {
  const cases = readCorpus('citation-cases.jsonl')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Case);
  const namesOf = instrumentNames(cases);
  const recognition = new Score();
  const provision = new Score();
  const instrument = new Score();
  const misses: string[] = [];
  const unjudged = { provision: 0, instrument: 0 };
  for (const entry of cases) {
    const header = isTreatyText(entry) ? '---\ntreaty: this-case\ntitle: 本件\n---\n' : '';
    const uri = 'file:///case.md';
    const service = createTreatyService({ workspace: new InMemoryWorkspace(new Map([[uri, header + entry.text]])), config: DEFAULT_CONFIG });
    service.indexWorkspace();
    const citations = service.getCitations(uri).map((citation) => ({ ...citation, start: citation.span.start - header.length, end: citation.span.end - header.length }));
    const overlaps = (ref: Ref, citation: { start: number; end: number }) => citation.start < ref.start + ref.span.length && ref.start < citation.end;
    const expected = entry.refs.filter((ref) => !NOT_CITATIONS.has(ref.kind));
    const ignored = entry.refs.filter((ref) => NOT_CITATIONS.has(ref.kind));
    for (const citation of citations) {
      if (expected.some((ref) => overlaps(ref, citation))) continue;
      if (ignored.some((ref) => overlaps(ref, citation))) continue;
      recognition.falsePositives++;
      misses.push(`${entry.id}: not a citation: ${citation.text}`);
    }
    for (const ref of expected) {
      const found = citations.filter((citation) => overlaps(ref, citation)).sort((a, b) => a.start - b.start)[0];
      if (!found) {
        recognition.falseNegatives++;
        misses.push(`${entry.id}: missed: ${ref.span}`);
        continue;
      }
      recognition.truePositives++;
      const fromContext = COUNTS_FROM_CONTEXT.test(ref.kind) || (found.article === null && /this Article|above|below/.test(ref.span));
      if (ref.article !== null && !fromContext) judge(provision, sameProvision(ref, found), `${entry.id}: ${ref.span} → ${describe(found)}`, misses);
      else if (ref.article !== null) unjudged.provision++;
      const names = ref.treaty_id ? namesOf.get(ref.treaty_id)! : null;
      if (names && namedBefore(entry.text, ref, names)) {
        const name = normalizeName(found.treatyName ?? '');
        const right = name !== '' && (names.has(name) || normalizeName(ref.span).includes(name));
        judge(instrument, right, `${entry.id}: ${ref.span} → instrument «${found.treatyName ?? '-'}», expected ${ref.treaty_id}`, misses);
      } else if (names) unjudged.instrument++;
    }
  }
  const count = cases.length;
  return {
    rows: [
      { set: 'labelled cases', judgement: 'recognition', score: recognition, note: `${count} cases (ja, en, ru; ${cases.filter((entry) => entry.refs.length === 0).length} with no citation): a labelled citation overlapped by one found` },
      {
        set: 'labelled cases',
        judgement: 'provision',
        score: provision,
        note: `article, paragraph and item of each labelled citation that has an article (${unjudged.provision} that count from an article outside the sentence not judged)`,
      },
      {
        set: 'labelled cases',
        judgement: 'instrument',
        score: instrument,
        note: `the instrument of each citation labelled with one, where the case itself names it (${unjudged.instrument} known only from text outside the case not judged); no treaty texts in the workspace`,
      },
    ],
    misses,
  };
}

/** Whether the case names the instrument in the citation or before it: otherwise only outside text could tell. */
function namedBefore(text: string, ref: Ref, names: ReadonlySet<string>): boolean {
  const before = normalizeName(text.slice(0, ref.start + ref.span.length));
  return [...names].some((name) => before.includes(name)) || !/^(context-treaty|same-treaty)$/.test(ref.kind);
}

function sameProvision(ref: Ref, found: CitationReport): boolean {
  if (found.article !== ref.article) return false;
  if (ref.paragraph !== null && found.paragraph !== ref.paragraph) return false;
  return ref.item === null || found.item === String(ref.item);
}

const describe = (citation: CitationReport): string =>
  `${citation.article ?? '-'}${citation.paragraph !== null ? `(${citation.paragraph})` : ''}${citation.item !== null ? `[${citation.item}]` : ''}`;

/** Every name the cases give each instrument id: full names, aliases, the names written before the number. */
function instrumentNames(cases: readonly Case[]): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const ref of cases.flatMap((entry) => entry.refs)) {
    if (!ref.treaty_id) continue;
    const set = names.get(ref.treaty_id) ?? new Set<string>();
    for (const name of [ref.treaty, ref.alias, ref.treaty_span, /^(.+?)(?:第|Article|Art\.|стать)/.exec(ref.span)?.[1]]) {
      if (name && !name.startsWith('(')) set.add(normalizeName(name));
    }
    names.set(ref.treaty_id, set);
  }
  return names;
}

function judge(score: Score, right: boolean, line: string, misses: string[]): void {
  if (right) score.truePositives++;
  else {
    score.falsePositives++;
    score.falseNegatives++;
    misses.push(line);
  }
}
