// The workspace's treaties by id and by every name they go by (title, short title, aliases).
// Rebuilt only when a treaty document's identity changes, never on an ordinary edit.

import type { Treaty } from './types';

export interface TreatyEntry {
  readonly id: string;
  readonly uri: string;
  readonly treaty: Treaty;
}

export interface Catalog {
  /** Every document of a treaty (parallel language versions share the id), in definition order. */
  readonly byId: ReadonlyMap<string, readonly TreatyEntry[]>;
  /** Normalised name → treaty id. */
  readonly byName: ReadonlyMap<string, string>;
  /** Ids in definition order (by URI), for deterministic tie-breaking. */
  readonly ids: readonly string[];
  /** Normalised names that several treaties go by → their ids, in definition order (sharedNames). */
  readonly shared: ReadonlyMap<string, readonly string[]>;
}

/** Makes names comparable: NFKC, no spaces or quotes, no leading article, Latin in lower case. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s「」『』"“”'’]/g, '')
    .replace(/^the(?=[A-Z])/i, '')
    .toLowerCase();
}

export function buildCatalog(entries: readonly TreatyEntry[]): Catalog {
  const sorted = [...entries].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const byId = new Map<string, TreatyEntry[]>();
  const byName = new Map<string, string>();
  for (const entry of sorted) {
    const list = byId.get(entry.id) ?? [];
    list.push(entry);
    byId.set(entry.id, list);
    for (const name of [entry.treaty.title, entry.treaty.short, ...entry.treaty.aliases, entry.id]) {
      if (!name) continue;
      const key = normalizeName(name);
      if (key.length > 0 && !byName.has(key)) byName.set(key, entry.id);
    }
  }
  return { byId, byName, ids: [...byId.keys()], shared: sharedNames(sorted) };
}

/**
 * The titles, short names and aliases that more than one treaty goes by (two versions or copies of a treaty under
 * different ids). Parallel language versions share their id, so they never collide with each other.
 */
export function sharedNames(entries: readonly TreatyEntry[]): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const entry of entries) {
    for (const name of [entry.treaty.title, entry.treaty.short, ...entry.treaty.aliases]) {
      const key = name ? normalizeName(name) : '';
      if (key.length === 0) continue;
      const ids = owners.get(key);
      if (!ids) owners.set(key, [entry.id]);
      else if (!ids.includes(entry.id)) ids.push(entry.id);
    }
  }
  for (const [key, ids] of owners) if (ids.length < 2) owners.delete(key);
  return owners;
}

/** The names `treaty` goes by that another treaty goes by too, each with the other treaties' ids. */
export function namesShared(catalog: Catalog, treaty: Treaty): { name: string; others: string[] }[] {
  if (catalog.shared.size === 0) return [];
  const found: { name: string; others: string[] }[] = [];
  const seen = new Set<string>();
  for (const name of [treaty.title, treaty.short, ...treaty.aliases]) {
    const key = name ? normalizeName(name) : '';
    const ids = catalog.shared.get(key);
    if (!name || !ids || seen.has(key)) continue;
    seen.add(key);
    found.push({ name, others: ids.filter((id) => id !== treaty.id) });
  }
  return found;
}

/**
 * The workspace treaty a name denotes: an exact name, or a known name at the end of a longer phrase
 * (the grammar may take in words before the name, as in `改正後の北大西洋条約`).
 */
export function lookupTreatyName(catalog: Catalog, name: string): string | null {
  const key = knownName(catalog, name);
  return key === null ? null : catalog.byName.get(key)!;
}

/** Every workspace treaty a name denotes when several go by it (read as lookupTreatyName reads it), else null. */
export function lookupNamesakes(catalog: Catalog, name: string): readonly string[] | null {
  if (catalog.shared.size === 0) return null;
  const key = knownName(catalog, name);
  return key === null ? null : (catalog.shared.get(key) ?? null);
}

/** The catalog's key for a name: the name itself, or a known name it ends with. */
function knownName(catalog: Catalog, name: string): string | null {
  const key = normalizeName(name);
  if (catalog.byName.has(key)) return key;
  // 旧自衛隊法 / 新… name another version of the instrument, not the workspace one.
  if (/^[旧新]/.test(key)) return null;
  for (let start = 1; start < key.length - 1; start++) {
    if (catalog.byName.has(key.slice(start))) return key.slice(start);
  }
  return null;
}

/** A signature of the catalog's identity: when it changes, every document's bindings may change. */
export function catalogSignature(entries: readonly TreatyEntry[]): string {
  return entries
    .map((entry) => [entry.uri, entry.id, entry.treaty.title, entry.treaty.short ?? '', ...entry.treaty.aliases].join('\u0001'))
    .sort()
    .join('\u0002');
}

/** The primary document of a treaty (the first defined), for targets and hovers. */
export function primaryEntry(catalog: Catalog, id: string): TreatyEntry | undefined {
  return catalog.byId.get(id)?.[0];
}
