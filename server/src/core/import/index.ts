// Import: official texts from e-Gov XML, the e-Gov API's law_data JSON, or text pasted from a PDF or a web page,
// made into treaty documents. Pure: the caller reads the source and writes the result.

import { analyzeDocument } from '../document';
import { DEFAULT_CONFIG } from '../config';
import type { ParseProblem } from '../types';
import { convertLaw, lawTreeOfLawData, lawTreeOfXml, type LawFacts } from './egov';
import { convertPastedText } from './text';
import { ImportError, type ImportedDocument } from './result';

export { convertLaw, lawTreeOfLawData, lawTreeOfXml, type LawFacts, type LawNode } from './egov';
export { egovLawUrl, lawIdOfNumber, LAW_ID, LAW_NUMBER_PATTERN } from './lawNumber';
export { cleanPastedText, convertPastedText, htmlToText } from './text';
export { ImportError, type ImportedDocument } from './result';

export type SourceFormat = 'xml' | 'law-data' | 'text';

/** What a file holds, from its name and its first characters. */
export function sourceFormat(name: string, content: string): SourceFormat {
  const start = content.replace(/^\uFEFF/, '').trimStart();
  if (/\.xml$/i.test(name) || start.startsWith('<?xml') || start.startsWith('<Law')) return 'xml';
  if (/\.json$/i.test(name) || start.startsWith('{')) return 'law-data';
  return 'text';
}

export interface ConvertOptions {
  readonly id?: string | null;
  readonly title?: string | null;
}

/**
 * The treaty document of a source file's content. `name` is the file's name: e-Gov names its XML files by the law's
 * revision id (`405AC0000000088_20240401_…`), which gives the law id and the as-of date.
 */
export function convertSource(name: string, content: string, options: ConvertOptions = {}): ImportedDocument {
  const format = sourceFormat(name, content);
  // A text carries no id of its own: the file's name gives one.
  if (format === 'text') return convertPastedText(content, { id: options.id || name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '').toLowerCase(), title: options.title });
  let tree;
  let facts: LawFacts = {};
  if (format === 'xml') {
    tree = lawTreeOfXml(content.replace(/^\uFEFF/, ''));
    const revision = /^([0-9]{3}[A-Z0-9]+?)_([0-9]{4})([0-9]{2})([0-9]{2})(?:_|\.|$)/.exec(name.replace(/^.*[\\/]/, ''));
    if (revision) facts = { lawId: revision[1]!, asOf: `${revision[2]}-${revision[3]}-${revision[4]}` };
  } else {
    let data: unknown;
    try {
      data = JSON.parse(content.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new ImportError('malformed', `not JSON: ${(error as Error).message}`);
    }
    ({ law: tree, facts } = lawTreeOfLawData(data));
  }
  return convertLaw(tree, withOptions(facts, options));
}

/** `--id` and `--title` given by the user win over the law's own. */
export function withOptions(facts: LawFacts, options: ConvertOptions): LawFacts {
  return { ...facts, treatyId: options.id?.trim() || facts.treatyId, title: options.title?.trim() || facts.title };
}

/** The numbering problems the written document has when read back (none, for a faithful import of a sound law). */
export function readBack(document: ImportedDocument): readonly ParseProblem[] {
  const facts = analyzeDocument('file:///imported.md', document.text, DEFAULT_CONFIG);
  return facts.problems.filter((problem) => problem.code === 'duplicate-article' || problem.code === 'article-order');
}
