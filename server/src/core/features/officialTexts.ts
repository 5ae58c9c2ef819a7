// Feature: from a citation to a text — what an `unknown-treaty` note offers: import the Japanese law from e-Gov
// (a command the editor runs, since only it may use the network), or a new treaty document with an empty heading for
// every article the workspace cites, ready to paste into; and a law cited with its law number links to its e-Gov page.

import { normalizeName } from '../catalog';
import type { CodeAction, DocumentLink } from '../api';
import type { DocumentFacts } from '../document';
import type { Messages } from '../messages/index';
import { egovLawUrl, lawIdOfNumber, LAW_NUMBER_PATTERN } from '../import/lawNumber';
import type { ResolvedCitation } from '../resolve';
import { articleOrderKey } from '../treaty/labels';
import type { Span } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { scriptLanguage } from '../text/language';

/** The editor command that imports a treaty or law; with an argument, the source (`egov:<query>`) and the folder. */
export const IMPORT_COMMAND = 'treatyAnnotator.importTreaty';

export interface ImportCommandArguments {
  /** `egov:<law id | law number | title>`. */
  readonly source: string;
  /** The name as cited, for the messages. */
  readonly name: string;
  /** The folder (a URI ending in `/`) to write the document into. */
  readonly folder: string;
}

// The law number in brackets right after a law's name: `自衛隊法（昭和二十九年法律第百六十五号）`, also with the
// definition of a short name after it (`（平成十五年法律第七十九号。以下「事態対処法」という。）`).
const BRACKETED_NUMBER = new RegExp(`^[（(](${LAW_NUMBER_PATTERN.source})[。、）)]`);
/** How far after a name its bracketed law number may start (the bracket itself). */
const NUMBER_SEARCH = 2;

/** The law number written right after a citation's name, with its span, or null. */
export function lawNumberAfterName(facts: DocumentFacts, citation: ResolvedCitation): { number: string; span: Span } | null {
  const qualifier = citation.syntax.qualifier;
  if (qualifier?.kind !== 'name') return null;
  const after = facts.text.slice(qualifier.span.end, qualifier.span.end + NUMBER_SEARCH + 60);
  const at = after.search(/[（(]/);
  if (at < 0 || at >= NUMBER_SEARCH) return null;
  const match = BRACKETED_NUMBER.exec(after.slice(at));
  if (!match) return null;
  const start = qualifier.span.end + at + 1;
  return { number: match[1]!, span: { start, end: start + match[1]!.length } };
}

/** A Japanese law's name: Japanese, and ending as statutes' names end. */
function isJapaneseLaw(name: string): boolean {
  return scriptLanguage(name) === 'ja' && /(?:法|法律|令|規則|憲法)$/.test(name);
}

/** Every citation in the workspace of an instrument with this name and no document. */
function citationsOfName(index: WorkspaceIndex, name: string): { uri: string; citation: ResolvedCitation }[] {
  const key = normalizeName(name);
  const found: { uri: string; citation: ResolvedCitation }[] = [];
  for (const uri of index.uris()) {
    for (const citation of index.resolved(uri)) {
      if (citation.treatyId === null && citation.treatyName !== null && normalizeName(citation.treatyName) === key) found.push({ uri, citation });
    }
  }
  return found;
}

/** "Import 〈name〉 from e-Gov": the query is the law number written with a citation of it, or else the name. */
export function importFromEgov(index: WorkspaceIndex, folder: string, name: string, messages: Messages): CodeAction[] {
  if (!isJapaneseLaw(name)) return [];
  let query = name;
  for (const { uri, citation } of citationsOfName(index, name)) {
    const facts = index.facts(uri);
    const number = facts ? lawNumberAfterName(facts, citation) : null;
    if (number) {
      query = lawIdOfNumber(number.number) ?? number.number;
      break;
    }
  }
  const argument: ImportCommandArguments = { source: `egov:${query}`, name, folder };
  return [
    {
      title: messages.importFromEgov(name),
      kind: 'quickfix',
      diagnosticCode: 'unknown-treaty',
      edit: { changes: [], creates: [] },
      preferred: false,
      command: { title: messages.importFromEgovCommand, command: IMPORT_COMMAND, arguments: [argument] },
    },
  ];
}

/**
 * The text of a new treaty document for an instrument the workspace cites but does not have: front matter with the
 * name as title and as alias (the alias still holds when the title is corrected to the formal name), and an empty
 * heading for every article cited anywhere in the workspace, in article order.
 */
export function treatyDocumentText(index: WorkspaceIndex, id: string, name: string, yamlScalar: (value: string) => string): string {
  const articles = new Map<string, ResolvedCitation>();
  for (const { citation } of citationsOfName(index, name)) {
    if (citation.article !== null && citation.article !== '' && citation.supplementaryGroup === null && !articles.has(citation.article)) {
      articles.set(citation.article, citation);
    }
  }
  const byNumber = (a: string, b: string): number => {
    const left = articleOrderKey(a);
    const right = articleOrderKey(b);
    for (let position = 0; position < Math.max(left.length, right.length); position++) {
      const difference = (left[position] ?? 0) - (right[position] ?? 0);
      if (difference !== 0) return difference;
    }
    return a.localeCompare(b);
  };
  const headings = [...articles.keys()].sort(byNumber).map((number) => `## ${articleHeading(number, articles.get(number)!.syntax.language)}\n`);
  return `---\ntreaty: ${yamlScalar(id)}\ntitle: ${yamlScalar(name)}\naliases:\n  - ${yamlScalar(name)}\n---\n\n# ${name}\n\n${headings.join('\n')}`;
}

/** `6_2` → `第6条の2` in Japanese, `Article 6 bis`-style numbers as written in the model elsewhere. */
function articleHeading(number: string, language: string): string {
  const parts = number.split('_');
  if (language === 'ja') return `第${parts[0]}条${parts.slice(1).map((part) => `の${part}`).join('')}`;
  if (language === 'ru') return `Статья ${parts.join('.')}`;
  return `Article ${parts.join(' ')}`;
}

/** Links from the law number written with a citation of a law the workspace lacks to the law's e-Gov page. */
export function egovLawLinks(index: WorkspaceIndex, uri: string): DocumentLink[] {
  const facts = index.facts(uri);
  if (!facts) return [];
  const links: DocumentLink[] = [];
  let previous = -1;
  for (const citation of index.resolved(uri)) {
    if (citation.treatyId !== null) continue;
    const number = lawNumberAfterName(facts, citation);
    if (!number || number.span.start === previous) continue;
    const lawId = lawIdOfNumber(number.number);
    if (!lawId) continue;
    previous = number.span.start;
    // The name and its bracketed number, as one link: `自衛隊法（昭和二十九年法律第百六十五号）`, a short name's
    // definition inside the brackets included.
    const close = /[）)]/.exec(facts.text.slice(number.span.end, number.span.end + 80));
    const end = close ? number.span.end + close.index + 1 : number.span.end;
    links.push({ span: { start: citation.syntax.qualifier!.span.start, end }, target: { url: egovLawUrl(lawId) } });
  }
  return links;
}
