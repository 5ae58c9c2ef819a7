// The entry point of an indexing worker thread (bundled as dist/indexWorker.js): reads and analyses the files
// of each batch it is sent and posts their encoded facts back, the integer buffers transferred, not copied.

import { parentPort, workerData } from 'node:worker_threads';
import type { TreatyConfig } from '../core/config';
import { analyzeFile, type FileJob } from './analyzeFile';

export interface WorkerBatch {
  readonly id: number;
  readonly files: readonly FileJob[];
}

/** The configuration to read with: given at the start, or first of all messages to a worker started ahead of it. */
let config = (workerData as { config?: TreatyConfig } | null)?.config;

parentPort?.on('message', (message: WorkerBatch | { readonly config: TreatyConfig }) => {
  if ('config' in message) {
    config = message.config;
    return;
  }
  const batch = message;
  if (config === undefined) throw new Error('a batch came before the configuration');
  const results = batch.files.map((file) => analyzeFile(file, config!));
  const buffers = results.flatMap((result) => ('facts' in result && 'ints' in result.facts ? [result.facts.ints.buffer as ArrayBuffer] : []));
  parentPort!.postMessage({ id: batch.id, results }, buffers);
});
// Batches are sent once the worker is ready: until then the main thread reads the first files itself.
parentPort?.postMessage({ ready: true });
