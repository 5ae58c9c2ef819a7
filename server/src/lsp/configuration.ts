// Puts the editor's `treatyAnnotator.*` settings over the workspace folders' `.treaty-annotator.json` files
// (each read by `parseConfigFile`, as the CLI reads its own) to give the server's TreatyConfig.

import { DEFAULT_CONFIG, mergeConfig, type TreatyConfig } from '../core/config';
import { problemMessage } from '../core/configFile';

/** The editor settings under `treatyAnnotator`, as VS Code (or another client) sends them. */
export interface EditorSettings {
  readonly include?: readonly string[] | null;
  readonly exclude?: readonly string[] | null;
  readonly severity?: Readonly<Record<string, string>> | null;
  readonly unknownTreatySeverity?: string | null;
  readonly inlayHints?: { readonly enabled?: boolean | null } | null;
  readonly maxFileSize?: number | null;
  readonly languages?: readonly string[] | null;
  readonly hover?: { readonly parallelTextOrder?: readonly string[] | null } | null;
  /** The display language: `auto` (the client's locale), `ja` or `en`. */
  readonly language?: string | null;
  /** The server's own, not part of `.treaty-annotator.json`: how many threads read the workspace. */
  readonly indexing?: { readonly workers?: number | null } | null;
}

/**
 * The settings object in `.treaty-annotator.json` shape, with only what the user set: empty lists and nulls
 * (the contributed defaults) leave the configuration file's values alone.
 */
export function settingsToRaw(settings: EditorSettings | null | undefined): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  if (!settings || typeof settings !== 'object') return raw;
  if (Array.isArray(settings.include) && settings.include.length > 0) raw.include = settings.include;
  if (Array.isArray(settings.exclude) && settings.exclude.length > 0) raw.exclude = settings.exclude;
  const severity: Record<string, unknown> = { ...(typeof settings.severity === 'object' ? settings.severity : {}) };
  if (typeof settings.unknownTreatySeverity === 'string') severity['unknown-treaty'] = settings.unknownTreatySeverity;
  if (Object.keys(severity).length > 0) raw.severity = severity;
  if (typeof settings.inlayHints?.enabled === 'boolean') raw.inlayHints = settings.inlayHints.enabled;
  if (typeof settings.maxFileSize === 'number') raw.maxFileSize = settings.maxFileSize;
  if (Array.isArray(settings.languages) && settings.languages.length > 0) raw.languages = settings.languages;
  if (Array.isArray(settings.hover?.parallelTextOrder) && settings.hover.parallelTextOrder.length > 0) raw.parallelTextOrder = settings.hover.parallelTextOrder;
  return raw;
}

/** Defaults, then each folder's file in order, then the editor settings on top. */
export function combineConfig(fileConfigs: readonly unknown[], editorRaw: Record<string, unknown>): { config: TreatyConfig; settingsProblems: string[] } {
  let config = DEFAULT_CONFIG;
  for (const raw of fileConfigs) config = mergeConfig(config, raw).config;
  const merged = mergeConfig(config, editorRaw);
  return { config: merged.config, settingsProblems: merged.problems.map((problem) => `treatyAnnotator.${problemMessage(problem.path, problem.message)}`) };
}
