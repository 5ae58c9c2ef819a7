// The core's public surface: its types and the `TreatyService` facade (declared and built in `service.ts`).
// Consumers (LSP handlers, the CLI, tests) call only this; nothing here knows LSP or the file system.

export type * from './api';
export type * from './types';
export type { AddedDocument, TreatyService, TreatyServiceOptions } from './service';
export type { EncodedFacts } from './factsCodec';
export { createTreatyService } from './service';
