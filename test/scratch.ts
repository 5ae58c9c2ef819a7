// Temporary folders for a test file: one made for it and removed after it, and fresh folders inside it by name.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Makes a temporary folder removed after the test file; returns a maker of fresh folders in it (`name-0`, `name-1`, …). */
export function scratchFolders(prefix: string): (name: string) => string {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let folders = 0;
  return (name) => {
    const folder = join(scratch, `${name}-${folders++}`);
    mkdirSync(folder, { recursive: true });
    return folder;
  };
}
