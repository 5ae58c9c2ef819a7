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
  return { byId, byName, ids: [...byId.keys()] };
}

/**
 * The workspace treaty a name denotes: an exact name, or a known name at the end of a longer phrase
 * (the grammar may take in words before the name, as in `改正後の北大西洋条約`).
 */
export function lookupTreatyName(catalog: Catalog, name: string): string | null {
  const key = normalizeName(name);
  const exact = catalog.byName.get(key);
  if (exact !== undefined) return exact;
  // 旧自衛隊法 / 新… name another version of the instrument, not the workspace one.
  if (/^[旧新]/.test(key)) return null;
  for (let start = 1; start < key.length - 1; start++) {
    const found = catalog.byName.get(key.slice(start));
    if (found !== undefined) return found;
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
