// Reading one file into encoded facts: what an indexing worker does for each file it is given, and what the
// main thread does itself when there are no workers. The text travels back beside its facts. With a facts
// cache, the file's key (size, modification time, hash) comes back too, and when it is the key the cache
// holds, the file is not analysed again: the cache's facts are used.

import { analyzeDocument } from '../core/document';
import { encodeFacts, type EncodedFacts } from '../core/factsCodec';
import type { TreatyConfig } from '../core/config';
import type { AnalyzedFile, FileToAnalyze } from '../lsp/lspWorkspace';
import { readKeyedTextFile, readTextFile, type FileKey } from './files';

export type { AnalyzedFile, FileToAnalyze };

export interface FileJob extends FileToAnalyze {
  /** Present when a cache is kept: the key it holds for this file, if any. */
  readonly cache?: { readonly key: FileKey | undefined };
}

export type FileResult =
  | { readonly uri: string; readonly error: string }
  | { readonly uri: string; readonly text: string; readonly facts: EncodedFacts; readonly key?: FileKey }
  /** The file is as the cache knows it: its facts are the cache's. */
  | { readonly uri: string; readonly text: string; readonly key: FileKey; readonly hit: true };

export function analyzeFile(file: FileJob, config: TreatyConfig): FileResult {
  if (!file.cache) {
    const read = readTextFile(file.path, file.maxFileSize, file.roots);
    if ('error' in read) return { uri: file.uri, error: read.error };
    return { uri: file.uri, text: read.text, facts: encodeFacts(analyzeDocument(file.uri, read.text, config)) };
  }
  const read = readKeyedTextFile(file.path, file.maxFileSize, file.roots);
  if ('error' in read) return { uri: file.uri, error: read.error };
  const { text, key } = read;
  const known = file.cache.key;
  if (known && known.size === key.size && known.mtimeMs === key.mtimeMs && known.hash === key.hash) return { uri: file.uri, text, key, hit: true };
  return { uri: file.uri, text, key, facts: encodeFacts(analyzeDocument(file.uri, text, config)) };
}
