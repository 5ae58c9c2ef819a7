// Feature: treaties that share a name (two versions or copies of a treaty under different ids). Each treaty document
// gets a `duplicate-treaty-name` warning naming the other file; a citation of the name is `ambiguous-treaty` with every
// treaty of that name as related information (diagnostics.ts), and the code action offers a `cites` directive for each
// (codeActions.ts), which settles the name (resolve/scope.ts).

import type { Diagnostic, Location } from '../api';
import { lookupNamesakes, namesShared, normalizeName } from '../catalog';
import type { DocumentFacts } from '../document';
import type { Messages } from '../messages/index';
import type { ResolvedCitation } from '../resolve';
import type { Treaty } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';

type Problem = Pick<Diagnostic, 'span' | 'code' | 'message' | 'related'>;

/** The `duplicate-treaty-name` warnings of a treaty document: one per name another treaty goes by too. */
export function duplicateNameProblems(index: WorkspaceIndex, facts: DocumentFacts, messages: Messages): Problem[] {
  const treaty = facts.treaty;
  if (!treaty) return [];
  return namesShared(index.catalog, treaty).map(({ name, others }) => {
    const places = others.map((id) => ({ id, location: whereNamed(index, id, name) }));
    const files = places.map(({ id, location }) => (location ? `${relativeFile(facts.uri, location.uri)} (${id})` : id));
    return {
      span: whereNamed(index, treaty.id, name, facts.uri)?.span ?? { start: 0, end: 0 },
      code: 'duplicate-treaty-name',
      message: messages.duplicateTreatyName(name, files),
      related: places.flatMap(({ id, location }) => (location ? [{ location, message: id }] : [])),
    };
  });
}

/** The ids of the treaties an `ambiguous-treaty` citation's name is shared by, or null when it is not such a name. */
export function namesakesOf(index: WorkspaceIndex, citation: ResolvedCitation): readonly string[] | null {
  return citation.status === 'ambiguous-treaty' && citation.treatyId === null && citation.treatyName !== null
    ? lookupNamesakes(index.catalog, citation.treatyName)
    : null;
}

/** Where each of the treaties sharing a citation's name goes by it, for the diagnostic's related information. */
export function namesakeRelated(index: WorkspaceIndex, citation: ResolvedCitation, ids: readonly string[]): Diagnostic['related'] {
  return ids.flatMap((id) => {
    const location = whereNamed(index, id, citation.treatyName!);
    const title = index.treatyEntry(id)?.treaty.title ?? id;
    return location ? [{ location, message: `${id}: ${title}` }] : [];
  });
}

/**
 * Where treaty `id` goes by `name` (which may end a longer phrase, as names are read): the name's line in the front
 * matter of its document (of `uri`, when given), else the start of that document.
 */
function whereNamed(index: WorkspaceIndex, id: string, name: string, uri?: string): Location | null {
  const key = normalizeName(name);
  const ownName = (treaty: Treaty): string | undefined =>
    [treaty.title, treaty.short, ...treaty.aliases].find((own): own is string => !!own && normalizeName(own).length > 0 && key.endsWith(normalizeName(own)));
  const entries = index.catalog.byId.get(id) ?? [];
  const entry = entries.find((candidate) => (uri ? candidate.uri === uri : ownName(candidate.treaty) !== undefined)) ?? entries[0];
  if (!entry) return null;
  const own = ownName(entry.treaty);
  const facts = index.facts(entry.uri);
  const frontMatter = facts?.frontMatter.span;
  let span = { start: 0, end: 0 };
  if (own && facts && frontMatter) {
    // `short: 名前`, `- 名前`, `title: "名前"`: the line whose value is the name.
    const pattern = String.raw`^[ \t]*(?:[\w-]+[ \t]*:[ \t]*|-[ \t]+)["']?(` + escapeRegExp(own) + String.raw`)["']?[ \t]*\r?$`;
    const block = facts.text.slice(frontMatter.start, frontMatter.end);
    // Else anywhere in it (`aliases: [A, B]`).
    const line = new RegExp(pattern, 'dm').exec(block);
    const at = line?.indices?.[1]?.[0] ?? block.indexOf(own);
    if (at >= 0) span = { start: frontMatter.start + at, end: frontMatter.start + at + own.length };
  }
  return { uri: entry.uri, span };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `to` as a path from the folder `from` and `to` share: `old/t01.md` beside `treaties/t01.md`. */
export function relativeFile(from: string, to: string): string {
  let common = 0;
  for (let index = 0; index < Math.min(from.length, to.length) && from[index] === to[index]; index++) if (from[index] === '/') common = index + 1;
  const path = to.slice(common);
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
