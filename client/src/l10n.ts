// The client's own words (status bar, messages, the coverage view) in the display language that
// `treatyAnnotator.language` chooses, `auto` being VS Code's. The bundles are in VS Code's l10n format but read
// here, since `vscode.l10n` can only follow VS Code's display language; the server gets the same choice through
// the settings. Command and setting titles (package.nls*.json) are always in VS Code's display language.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { displayLanguageOf, type DisplayLanguage } from '../../server/src/core/messages/index';

let words: Readonly<Record<string, string>> = {};

/** The language `treatyAnnotator.language` chooses. */
export function chosenLanguage(): DisplayLanguage {
  const setting = vscode.workspace.getConfiguration('treatyAnnotator').get<string>('language', 'auto');
  return displayLanguageOf(setting === 'ja' || setting === 'en' ? setting : vscode.env.language);
}

/** Loads the words of the chosen language (English ones are the keys themselves). */
export function loadWords(extensionPath: string): void {
  const language = chosenLanguage();
  words = language === 'en' ? {} : (JSON.parse(readFileSync(path.join(extensionPath, 'l10n', `bundle.l10n.${language}.json`), 'utf8')) as Record<string, string>);
}

/** `message` in the chosen language, with `{0}`, `{1}`… replaced by `args`. */
export function t(message: string, ...args: readonly (string | number)[]): string {
  return (words[message] ?? message).replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}
