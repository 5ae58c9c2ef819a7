// Import on disk: read the source (a file, or the e-Gov API for `egov:<query>`), convert it (core/import), and write
// the treaty document without ever replacing an existing file unless asked to. Nothing is written unless the whole
// source was read and converted.

import { closeSync, openSync, readFileSync, writeSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { convertLaw, convertSource, withOptions, type ConvertOptions, type ImportedDocument } from '../core/import/index';
import { fetchLaw, type EgovOptions } from './egov';

export const EGOV_PREFIX = 'egov:';

export interface ImportRequest extends ConvertOptions, EgovOptions {}

/** The treaty document of `source`: `egov:<law id | law number | title>`, or a file's path. */
export async function importSource(source: string, request: ImportRequest = {}): Promise<ImportedDocument> {
  if (source.startsWith(EGOV_PREFIX)) {
    const { law, facts } = await fetchLaw(source.slice(EGOV_PREFIX.length), request);
    return convertLaw(law, withOptions(facts, request));
  }
  const content = readFileSync(source, 'utf8');
  return convertSource(basename(source), content, request);
}

/** The file name a document is written to: its id, with characters no file system takes replaced. */
export function documentFileName(document: ImportedDocument): string {
  const safe = document.id.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').replace(/^\.+/, '').trim();
  return `${safe || 'imported'}.md`;
}

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists; pass --force to replace it`);
  }
}

/** Writes the document into `directory`; an existing file is replaced only with `force`. Returns the path. */
export function writeDocument(document: ImportedDocument, directory: string, force = false): string {
  const path = join(directory, documentFileName(document));
  if (force) {
    writeFileSync(path, document.text, 'utf8');
    return path;
  }
  let descriptor: number;
  try {
    // `wx`: the check and the creation are one step, so a file that appears meanwhile is not replaced either.
    descriptor = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
    throw error;
  }
  try {
    writeSync(descriptor, document.text, null, 'utf8');
  } finally {
    closeSync(descriptor);
  }
  return path;
}
