// What a text's script says of its language: the one test the reader's language, an official text's language and
// an imported text's `lang:` all start from.

/** `ja` for kana or kanji, `ru` for Cyrillic, null for any other script (a Latin text's words must tell). */
export function scriptLanguage(sample: string): 'ja' | 'ru' | null {
  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(sample)) return 'ja';
  return /[\u0400-\u04ff]/.test(sample) ? 'ru' : null;
}
