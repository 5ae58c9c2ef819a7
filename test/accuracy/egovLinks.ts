// e-Gov's own cross-reference links from the six statutes to provisions of other laws (test/data/corpus/egov-links),
// judged with the six statutes in one workspace: a link to one of them must resolve to that law's provision; a link
// to any other law must stay with that law (its name, or an alias the text defines for it) and never be taken for a
// workspace law's own provision. e-Gov's links are machine-made: where a hand check found e-Gov wrong
// (egovJudgements.ts), the link is judged by what the text says.
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { createTreatyService } from '../../server/src/core/index';
import type { CitationReport } from '../../server/src/core/api';
import { asTreatyDocument, readCorpus, STATUTES, statuteWorkspace } from '../corpus/corpus';
import { EGOV_ERRORS } from './egovJudgements';
import { normalizeArticle, normalizeName, Score, type Row } from './score';

interface Link {
  readonly text: string;
  readonly span: string;
  readonly fixture: string;
  readonly fixture_offset: number;
  readonly target_law: string;
  readonly article: number | null;
  readonly branch: number | null;
  readonly link_kind: 'provision' | 'law-name';
}

export interface Disagreement {
  readonly key: string;
  readonly link: Link;
  readonly found: string;
  readonly egovWrong: string | undefined;
}

const KANJI_DIGITS = '〇一二三四五六七八九';

/** `昭和二九年法律第一六五号 (e-Gov …)` → `昭和29年法律第165号` (e-Gov writes the numbers digit by digit). */
export function lawNumber(targetLaw: string): string {
  const digits = (text: string) => text.replace(/[〇一二三四五六七八九]/g, (digit) => String(KANJI_DIGITS.indexOf(digit)));
  const match = /^(明治|大正|昭和|平成|令和)([〇一二三四五六七八九]+)年(\S+?)第([〇一二三四五六七八九]+)号/.exec(targetLaw);
  return match ? `${match[1]}${Number(digits(match[2]!))}年${match[3]}第${Number(digits(match[4]!))}号` : targetLaw;
}

/** The key of a link in the judgements: `file@offset span`. */
export const linkKey = (link: Link): string => `${link.fixture.replace(/^treaties\//, '')}@${link.fixture_offset} ${link.span}`;

function loadLinks(): Link[] {
  return readCorpus('egov-links/ALL.links-with-context.jsonl')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Link);
}

/** Every name under which the statutes name each other law: e-Gov's law-name links, and aliases defined right after. */
function namesOfLaws(links: readonly Link[]): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const link of links) {
    if (link.link_kind !== 'law-name') continue;
    const law = lawNumber(link.target_law);
    const set = names.get(law) ?? new Set<string>();
    set.add(normalizeName(link.span));
    const after = readCorpus(link.fixture).slice(link.fixture_offset + link.span.length, link.fixture_offset + link.span.length + 80);
    const alias = /^（[^）]*?以下「([^」]+)」という/.exec(after);
    if (alias) set.add(normalizeName(alias[1]!));
    names.set(law, set);
  }
  return names;
}

/** The citation that covers most of the linked text, preferring one that ends where the link ends. */
function citationAt(citations: readonly CitationReport[], start: number, end: number): CitationReport | undefined {
  let best: CitationReport | undefined;
  let bestScore = 0;
  for (const citation of citations) {
    const overlap = Math.min(end, citation.span.end) - Math.max(start, citation.span.start);
    if (overlap <= 0) continue;
    const score = overlap * 2 + (citation.span.end === end ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [citation, score];
  }
  return best;
}

export function measureEgovLinks(): { rows: Row[]; disagreements: Disagreement[]; counts: Record<string, number> } {
  const links = loadLinks();
  const names = namesOfLaws(links);
  const workspaceLaws = new Map<string, string>(STATUTES.map(([, id, , number]) => [number, id]));
  const service = createTreatyService({ workspace: statuteWorkspace(), config: DEFAULT_CONFIG });
  service.indexWorkspace();

  const byFile = new Map<string, { shift: number; citations: readonly CitationReport[] }>();
  const documentOf = (fixture: string) => {
    const file = fixture.replace(/^treaties\//, '');
    let entry = byFile.get(file);
    if (!entry) {
      const uri = `file:///${file}`;
      const [, id, title] = STATUTES.find(([name]) => name === file)!;
      // The document is the fixture behind front matter, its `# source:` line turned into a comment: the tails agree.
      const shift = asTreatyDocument(fixture, id, title).length - readCorpus(fixture).length;
      entry = { shift, citations: service.getCitations(uri) };
      byFile.set(file, entry);
    }
    return entry;
  };

  const law = new Score(); // right law (and never a workspace law's own provision for another law)
  const provision = new Score(); // right law and article
  const disagreements: Disagreement[] = [];
  let takenForWorkspaceLaw = 0;
  let toWorkspaceLaws = 0;
  const provisionLinks = links.filter((link) => link.link_kind === 'provision' && link.article !== null);
  for (const link of provisionLinks) {
    const { shift, citations } = documentOf(link.fixture);
    const start = link.fixture_offset + shift;
    const citation = citationAt(citations, start, start + link.span.length);
    const target = lawNumber(link.target_law);
    const targetId = workspaceLaws.get(target) ?? null;
    if (targetId) toWorkspaceLaws++;
    const egovWrong = EGOV_ERRORS[linkKey(link)];
    let rightLaw: boolean;
    let found: string;
    if (!citation) {
      rightLaw = false;
      found = 'no citation';
    } else {
      found = `${citation.treatyId ?? `«${citation.treatyName ?? '?'}»`} ${citation.article ?? '-'} (${citation.status})`;
      if (targetId) rightLaw = citation.treatyId === targetId;
      else {
        if (citation.treatyId !== null) takenForWorkspaceLaw += egovWrong ? 0 : 1;
        rightLaw = citation.treatyId === null && citation.treatyName !== null && (names.get(target)?.has(normalizeName(citation.treatyName)) ?? false);
      }
    }
    const rightArticle = rightLaw && citation!.article === normalizeArticle(link.article, link.branch);
    if (egovWrong) {
      // Judged by hand: the text means something else than e-Gov's link; what the tool found is listed.
      disagreements.push({ key: linkKey(link), link, found, egovWrong });
      continue;
    }
    tally(law, citation !== undefined, rightLaw);
    tally(provision, citation !== undefined, rightArticle);
    if (!rightArticle) disagreements.push({ key: linkKey(link), link, found, egovWrong });
  }
  const judged = provisionLinks.length - disagreements.filter((entry) => entry.egovWrong).length;
  return {
    rows: [
      { set: 'e-Gov cross-law links', judgement: 'instrument (the right law)', score: law, note: `${judged} links to a provision of another law (${toWorkspaceLaws} to one of the six)` },
      { set: 'e-Gov cross-law links', judgement: 'instrument and article', score: provision, note: 'as above, article (with its の-branch) too' },
    ],
    disagreements,
    counts: { links: provisionLinks.length, judged, egovWrong: provisionLinks.length - judged, takenForWorkspaceLaw },
  };
}

/** A citation found and right is a true positive; found but wrong a false positive and a miss; not found a miss. */
function tally(score: Score, found: boolean, right: boolean): void {
  if (right) score.truePositives++;
  else {
    if (found) score.falsePositives++;
    score.falseNegatives++;
  }
}
