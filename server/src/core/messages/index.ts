// One message catalogue per display language; the configuration's `language` picks one for every feature.
import type { DisplayLanguage, Messages } from './catalog';
import { en } from './en';
import { ja } from './ja';

export type { DisplayLanguage, Messages } from './catalog';

const CATALOGUES: Readonly<Record<DisplayLanguage, Messages>> = { en, ja };

export function messagesFor(language: DisplayLanguage): Messages {
  return CATALOGUES[language];
}

/** The display language for a locale (`ja`, `ja-JP`, `ja_JP.UTF-8` → ja; anything else, or none, → en). */
export function displayLanguageOf(locale: string | undefined): DisplayLanguage {
  return locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
