// Latin-script letters and words, shared by the English and French citation grammars (one scanner reads both).

import { isDigit, letterRunEnd, letterRunStart } from './western';

export function isUpper(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

export function isLower(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

export function isLetter(code: number): boolean {
  return isUpper(code) || isLower(code) || (code >= 0xc0 && code <= 0x24f);
}

export function isWordCode(code: number): boolean {
  return isLetter(code) || isDigit(code);
}

/** End of the run of ASCII/Latin letters starting at `index` (bounded). */
export function wordEnd(text: string, index: number): number {
  return letterRunEnd(text, index, isLetter);
}

/** Start of the run of letters ending at `index` (bounded). */
export function wordStart(text: string, index: number): number {
  return letterRunStart(text, index, isLetter);
}

/** Two to eight capital letters (`NATO`, `OTAN`). */
export function isCapitalRun(word: string): boolean {
  if (word.length < 2 || word.length > 8) return false;
  for (let index = 0; index < word.length; index++) if (!isUpper(word.charCodeAt(index))) return false;
  return true;
}
