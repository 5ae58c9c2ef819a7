// The entry point of an indexing worker thread (bundled as dist/indexWorker.js): reads and analyses the files
// of each batch it is sent and posts their encoded facts back, the integer buffers transferred, not copied.

import { parentPort, workerData } from 'node:worker_threads';
import type { TreatyConfig } from '../core/config';
import { analyzeFile, type FileJob } from './analyzeFile';

export interface WorkerBatch {
  readonly id: number;
  readonly files: readonly FileJob[];
}

const config = (workerData as { config: TreatyConfig }).config;

parentPort?.on('message', (batch: WorkerBatch) => {
  const results = batch.files.map((file) => analyzeFile(file, config));
  const buffers = results.flatMap((result) => ('facts' in result && 'ints' in result.facts ? [result.facts.ints.buffer as ArrayBuffer] : []));
  parentPort!.postMessage({ id: batch.id, results }, buffers);
});
// Batches are sent once the worker is ready: until then the main thread reads the first files itself.
parentPort?.postMessage({ ready: true });
