// The French citation forms, as French treaty texts and the analyses quoting them write them: `l’article premier`,
// `article 1er`, `paragraphe 2 de l’article 5`, `l’article 6, alinéa 1`, `articles 2 et 3`, `articles 10 à 13`, and
// the instrument named after the number (`de la Charte des Nations Unies`, `du présent Traité`, `dudit Traité`).
// French shares the Latin-script scanner of english.ts, which asks this module at each point where the languages
// differ; a citation read through one of these forms, or written after an elided article (`l’article 5`), is French.

import type { CitationLanguage } from '../types';
import { isCapitalRun, wordEnd } from './latin';
import { determinedQualifier, nameQualifier, normaliseSpace, skipGap, type NameToken, type QualifierToken } from './western';

/** The French trigger words besides `article(s)`, for the scanner's trigger expression. */
export const FRENCH_TRIGGERS = String.raw`paragraphes?|alin[ée]as?`;

/** `paragraphe(s)` and `alinéa(s)`: the words French texts number paragraphs with. */
export const FRENCH_PARAGRAPH_WORD = /^(?:paragraphes?|alin[ée]as?)$/;

/** `article premier`, `article 1er`: the first article. */
const FIRST = /^(?:premier|PREMIER|1er)(?![\p{L}\p{N}])/u;

/** Where `premier` or `1er` written at `index` ends, or -1. */
export function frenchFirstEnd(text: string, index: number): number {
  const first = FIRST.exec(text.slice(index, index + 8));
  return first === null ? -1 : index + first[0].length;
}

/** `et` / `ou` join a list (`articles 2 et 3`), `à` a range (`articles 10 à 13`). */
export function frenchConnector(word: string): 'list' | 'range' | null {
  return word === 'et' || word === 'ou' ? 'list' : word === 'à' ? 'range' : null;
}

/** `paragraphe 2 de l’article 5`: after `de`, the elided article that stands, with it, for `of`; its length or 0. */
export function frenchElidedArticleLength(text: string, index: number): number {
  return /^\s?l['’]/.exec(text.slice(index, index + 4))?.[0].length ?? 0;
}

// Qualifiers after a citation: `l’article 51 de la Charte des Nations Unies`, `l’article 5 du Traité de l’Atlantique
// Nord`, `du présent Traité` (the text itself), `dudit Traité` (the one named last).

/** The words that open a qualifier after a citation. */
export const FRENCH_OF_WORDS: ReadonlySet<string> = new Set(['du', 'des', 'de', 'dudit']);
/** Group 1: `dudit` / `de ladite` (the one named last); group 2: `présent(e)` (self) or `même` (same). */
const OF = /^(?:(dudit|de[ \t]+ladite)|du|des|de[ \t]+la|de[ \t]+l['’])(?:[ \t]+(présente?|même)(?![\p{L}]))?/u;
const INSTRUMENT_NOUNS: ReadonlySet<string> = new Set([
  'traité', 'charte', 'convention', 'accord', 'protocole', 'pacte', 'statut', 'déclaration', 'résolution', 'constitution',
]);
/** Lower-case words inside an instrument's name (`Traité sur la non-prolifération…` ends before `non`). */
const NAME_CONNECTORS: ReadonlySet<string> = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'sur', 'et', 'pour', 'entre', 'aux', 'à', 'en']);

function isInstrumentNoun(word: string): boolean {
  return INSTRUMENT_NOUNS.has(word.toLowerCase());
}

/** The qualifier opened by `du`, `de la`, `dudit`, … at `index`. */
export function readFrenchQualifier(text: string, index: number): QualifierToken | null {
  const opening = OF.exec(text.slice(index, index + 40));
  if (opening === null) return null;
  const determinerEnd = index + opening[0].length;
  const [, said, determiner] = opening;
  if (said !== undefined || determiner !== undefined) {
    return determinedQualifier(text, index, determinerEnd, determiner?.startsWith('présent') === true, wordEnd, isInstrumentNoun);
  }
  return nameQualifier(readName(text, skipGap(text, determinerEnd)));
}

/** Capitalised words joined by connectors and elisions (`l’Atlantique`), holding an instrument noun or an acronym. */
function readName(text: string, index: number): NameToken | null {
  let position = index;
  let end = -1;
  let sawHead = false;
  let onlyAcronyms = true;
  for (let tokens = 0; tokens < 16 && position < text.length; tokens++) {
    const tokenEnd = wordEnd(text, position);
    const word = text.slice(position, tokenEnd);
    if (word === '') break;
    if (word === 'l' || word === 'd') {
      // An elision joins the next word without a space: `de l’Atlantique`.
      const apostrophe = text.charCodeAt(tokenEnd);
      if (end < 0 || (apostrophe !== 0x27 && apostrophe !== 0x2019)) break;
      position = tokenEnd + 1;
      continue;
    }
    if (word[0] === word[0]!.toUpperCase() && word[0] !== word[0]!.toLowerCase()) {
      sawHead ||= isInstrumentNoun(word);
      if (!isCapitalRun(word)) onlyAcronyms = false;
      end = tokenEnd;
    } else if (end < 0 || !NAME_CONNECTORS.has(word)) {
      break;
    }
    const next = skipGap(text, tokenEnd);
    if (next === tokenEnd) break;
    position = next;
  }
  return end < 0 || !(sawHead || onlyAcronyms) ? null : { name: normaliseSpace(text.slice(index, end)), start: index, end };
}

const FEMININE_NOUNS: ReadonlySet<string> = new Set(['charte', 'convention', 'déclaration', 'résolution', 'constitution']);

/** The qualifier naming `name` after a citation, as the reader above reads it back: `du Traité…`, `de la Charte…`, `de l’Accord…`. */
export function frenchQualifier(name: string): string {
  if (/^[AEIOUYÉÈÊÀÂaeiouyéèêàâ]/.test(name)) return `de l’${name}`;
  return FEMININE_NOUNS.has(name.slice(0, wordEnd(name, 0)).toLowerCase()) ? `de la ${name}` : `du ${name}`;
}

/** Words only a French citation is written with (the qualifier's and the connectors' included). */
const FRENCH_WORD = /(?:^|[^\p{L}])(?:premier|PREMIER|1er|paragraphes?|alin[ée]as?|et|ou|à|du|des|de|dudit|ladite)(?![\p{L}\p{N}])/u;

/** The language of a citation the Latin-script scanner read from `start` to `end`: French or English. */
export function latinCitationLanguage(text: string, start: number, end: number): CitationLanguage {
  const elided = start >= 2 && (text[start - 1] === "'" || text[start - 1] === '’') && /[lLdD]/.test(text[start - 2]!);
  return elided || FRENCH_WORD.test(text.slice(start, end)) ? 'fr' : 'en';
}
