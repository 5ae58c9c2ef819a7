// What tells a file cut short or damaged, for the caches the server keeps between starts (facts, compiled code).

import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';

// Not in node before 20.15: looked up, not imported by name.
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/**
 * The bytes' CRC-32 (a tenth of the time SHA-1 takes over the 16 MB of a thousand documents' facts) where node has
 * one (20.15 and later), else their SHA-1; named, so that a check of the other kind is recognised.
 */
export function bodyCheck(bytes: Uint8Array, kind = typeof crc32 === 'function' ? 'crc32' : 'sha1'): string {
  return kind === 'crc32' && typeof crc32 === 'function' ? `crc32:${crc32(bytes).toString(16)}` : `sha1:${sha1(bytes)}`;
}

export function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}
