// Feature: workspace symbols — find an article by number across the workspace's treaties: `第5条`, `第五条`,
// `第５条`, `北大西洋条約 5`, `NATO条約第5条`, `Article 51`, `5`; a treaty by its title, short name or alias;
// an article by its caption (`集団防衛`).

import type { WorkspaceSymbol } from '../api';
import { normalizeName, type TreatyEntry } from '../catalog';
import { normaliseArticleNumber } from '../treaty/labels';
import type { Treaty } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';

/** Enough for any real query; an empty query lists treaties only. */
const MAX_RESULTS = 500;

const KANJI = '〇一二三四五六七八九十百千';
const NUMBER = `(?:[0-9]+|[${KANJI}]+)`;
const LATIN_BRANCH = '(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)';
// Each pattern reads the article number at the end of the query; what precedes it names the treaty.
const ARTICLE_PATTERNS: readonly RegExp[] = [
  new RegExp(`第\\s*(${NUMBER})\\s*条((?:\\s*の\\s*${NUMBER})*)$`),
  new RegExp(`(?:^|[^a-z])(?:articles?|arts?\\.?|статья|ст\\.)\\s*(${NUMBER}|[ivxlcdm]+)((?:\\s*${LATIN_BRANCH})?)$`, 'i'),
  new RegExp(`(?<![0-9${KANJI}])(${NUMBER})((?:\\s*の\\s*${NUMBER}|[_-][0-9]+)*)$`),
];

const SUPPLEMENTARY_PREFIX = /^(?:附則|Supplementary )/;

interface Query {
  readonly name: string;
  readonly article: string | null;
}

export function findWorkspaceSymbols(index: WorkspaceIndex, query: string): WorkspaceSymbol[] {
  const parsed = parseQuery(query);
  const found = search(index, parsed);
  // `Geneva Convention 1949` ends in a number but names a treaty.
  return found.length === 0 && parsed.article !== null ? search(index, { name: query.normalize('NFKC').trim(), article: null }) : found;
}

function search(index: WorkspaceIndex, parsed: Query): WorkspaceSymbol[] {
  const nameKey = normalizeName(parsed.name);
  const results: WorkspaceSymbol[] = [];
  for (const entries of index.catalog.byId.values()) {
    for (const entry of entries) {
      const treaty = entry.treaty;
      const named = nameKey.length === 0 || treatyNames(treaty).some((name) => name.includes(nameKey));
      if (parsed.article !== null) {
        if (named) for (const article of treaty.articles) if (article.number === parsed.article) results.push(articleSymbol(entry, article));
        continue;
      }
      if (named) results.push({ name: treaty.title, containerName: treaty.short ?? treaty.id, kind: 'treaty', location: { uri: entry.uri, span: { start: 0, end: 0 } } });
      if (nameKey.length === 0) continue;
      for (const article of treaty.articles) {
        if (article.caption !== null && normalizeName(article.caption).includes(nameKey)) results.push(articleSymbol(entry, article));
      }
    }
  }
  // Main provisions before the articles of 附則 blocks, which restart their numbering (a stable sort).
  const supplementary = (symbol: WorkspaceSymbol): number => Number(SUPPLEMENTARY_PREFIX.test(symbol.name));
  return results.sort((a, b) => supplementary(a) - supplementary(b)).slice(0, MAX_RESULTS);
}

/** Splits a query into a treaty name and an article number, both normalised (full width, kanji, Roman). */
function parseQuery(query: string): Query {
  const text = query.normalize('NFKC').trim();
  for (const pattern of ARTICLE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const written = /^[ivxlcdm]+$/i.test(match[1]!) ? match[1]!.toUpperCase() : match[1]!;
    const number = normaliseArticleNumber(`${written}${match[2]!.replace(/\s+/g, ' ')}`.replace(/\s*の\s*/g, '_').replace(/\s+/g, '_'));
    if (!/^[0-9]/.test(number)) continue;
    return { name: text.slice(0, match.index).trim(), article: number };
  }
  return { name: text, article: null };
}

function treatyNames(treaty: Treaty): string[] {
  return [treaty.id, treaty.title, treaty.short, ...treaty.aliases].filter((name): name is string => !!name).map(normalizeName);
}

function articleSymbol(entry: TreatyEntry, article: Treaty['articles'][number]): WorkspaceSymbol {
  const treaty = entry.treaty;
  return {
    name: `${article.supplementary ? (article.label.startsWith('第') ? '附則' : 'Supplementary ') : ''}${article.label.replace(/\s+/g, ' ')}`,
    containerName: treaty.short ?? treaty.title,
    kind: 'article',
    location: { uri: entry.uri, span: article.span },
  };
}
