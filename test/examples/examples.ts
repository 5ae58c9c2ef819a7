// The real analyses this suite checks are NDL reports as extracted from their PDFs. They are not ours to
// redistribute, so they stay outside the repository: `npm run test:examples` reads them from the folder named by
// TREATY_EXAMPLES (CI sets it to the team's shared examples folder).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function examplesFolder(): string {
  const folder = process.env.TREATY_EXAMPLES;
  if (!folder || !existsSync(folder)) {
    throw new Error(
      'npm run test:examples needs the real analyses (ndl-russia-belarus-security-treaty.txt, ndl-russia-dprk-partnership-treaty.txt): ' +
        `set TREATY_EXAMPLES to the folder that holds them${folder ? ` (${folder} does not exist)` : ''}.`,
    );
  }
  return folder;
}

export function readExample(name: string): string {
  return readFileSync(path.join(examplesFolder(), name), 'utf8');
}
