// Reading one file into facts: what an indexing worker does for each file it is given (its facts encoded, to travel
// back beside the text), and what the main thread does itself (its facts kept as they are). With a facts
// cache, the file's key (size, modification time, hash) comes back too, and when its bytes are those the cache
// holds (the same size and hash, at any modification time), the file is not analysed again: the cache's facts are used.

import { analyzeDocument, type DocumentFacts } from '../core/document';
import { encodeFacts, withMaskedOnDemand, type EncodedFacts } from '../core/factsCodec';
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
  /** Facts encoded by a worker, or as they are when read on the main thread. */
  | { readonly uri: string; readonly text: string; readonly facts: EncodedFacts | DocumentFacts; readonly key?: FileKey }
  /** The file is as the cache knows it: its facts are the cache's. */
  | { readonly uri: string; readonly text: string; readonly key: FileKey; readonly hit: true };

/** Reads and analyses a file; `here` on the thread that keeps the index (its facts need no encoding to get there). */
export function analyzeFile(file: FileJob, config: TreatyConfig, here = false): FileResult {
  const read: { text: string; key?: FileKey } | { error: string } = file.cache
    ? readKeyedTextFile(file.path, file.maxFileSize, file.roots)
    : readTextFile(file.path, file.maxFileSize, file.roots);
  if ('error' in read) return { uri: file.uri, error: read.error };
  const { text, key } = read;
  const known = file.cache?.key;
  // The same bytes (touched, or restored) have the same facts, whatever their modification time.
  if (known && key && known.size === key.size && known.hash === key.hash) return { uri: file.uri, text, key, hit: true };
  const facts = analyzeDocument(file.uri, text, config);
  const keyed = key ? { key } : {};
  return { uri: file.uri, text, facts: here ? withMaskedOnDemand(facts) : encodeFacts(facts), ...keyed };
}
