// Names to instruments: how a name written in a document (or an alias it defines) reads against the catalog.

import { lookupNamesakes, lookupTreatyName, normalizeName, primaryEntry, type Catalog } from '../catalog';
import type { Instrument } from './state';

export type InstrumentNamer = ((name: string) => Instrument) & { forget(): void };

/**
 * Names to instruments under a document's aliases (`aliases`: normalised alias → full name, which the
 * caller may extend as it reads on; it then calls `forget`). An alias also counts at the end of a
 * longer phrase the grammar took in (`構成ロ朝条約`). Documents name the same few instruments again
 * and again, so each name is looked up once.
 */
export function instrumentNamer(catalog: Catalog, aliases: ReadonlyMap<string, string>): InstrumentNamer {
  const cache = new Map<string, Instrument>();
  const aliasFor = (name: string): string | undefined => {
    if (aliases.size === 0) return undefined;
    const key = normalizeName(name);
    // The whole name, or a name of two characters or more at its end (a one-character alias, 法, only as itself).
    for (let start = 0; start === 0 || start < key.length - 1; start++) {
      const fullName = aliases.get(key.slice(start));
      if (fullName !== undefined) return fullName;
    }
    return undefined;
  };
  const namer = (name: string): Instrument => {
    const cached = cache.get(name);
    if (cached) return cached;
    const fullName = aliasFor(name) ?? name;
    const known = lookupTreatyName(catalog, fullName) !== null ? fullName : name;
    const id = lookupTreatyName(catalog, known);
    const namesakes = id === null ? null : lookupNamesakes(catalog, known);
    const instrument: Instrument = namesakes
      ? { id: null, name: fullName, namesakes }
      : { id, name: id ? (primaryEntry(catalog, id)?.treaty.title ?? fullName) : fullName };
    cache.set(name, instrument);
    return instrument;
  };
  return Object.assign(namer, { forget: () => cache.clear() });
}

/** A workspace treaty by id, under its title. */
export function treatyInstrument(catalog: Catalog, id: string): Instrument {
  return { id, name: primaryEntry(catalog, id)?.treaty.title ?? id };
}

/** `the Convention`, `本条約`: a word for "the treaty", not a name; it cannot name a treaty outside the workspace. */
export function isGenericName(name: string): boolean {
  return /^(?:the\s+)?(?:convention|treaty|charter|agreement|protocol|covenant|statute)$/i.test(name.trim()) || /^(?:本|この|当該)?(?:条約|協定|憲章|議定書|規約)$/.test(name.trim());
}
