// Shared steps of the real-editor suite: activating the extension, opening samples, finding positions by
// text, and waiting for the language server by retrying a request until it answers (never a fixed wait).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'treaty-annotator.treaty-annotator';

/**
 * Activates the extension and waits for its language client to be ready (the API `activate()` returns).
 * The activation test calls it strictly; feature suites only log a rejected `ready`, so that one failure
 * there does not hide what every feature does (their requests retry until the server answers anyway).
 */
export async function activateExtension(options: { strict?: boolean } = {}): Promise<void> {
  const extension = vscode.extensions.getExtension<{ ready: Promise<void> }>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the extension host`);
  const api = await extension.activate();
  assert.ok(api && typeof api.ready?.then === 'function', 'activate() must return { ready: Promise<void> }');
  if (options.strict) {
    await api.ready;
    return;
  }
  await api.ready.catch((error: unknown) => console.log(`[e2e] the extension's ready promise rejected: ${String(error)}`));
}

/** A file of the sample workspace (the runner opens a copy of samples/ as the only folder). */
export function sampleUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace (a copy of samples/) is not open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function openSample(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(sampleUri(relativePath));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/**
 * The position `offsetInNeedle` code units into the `occurrence`-th (0-based) occurrence of `needle`.
 * Tests name positions by the text around them, never by hand-counted numbers.
 */
export function positionOf(document: vscode.TextDocument, needle: string, offsetInNeedle = 0, occurrence = 0): vscode.Position {
  const text = document.getText();
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    index = text.indexOf(needle, index + 1);
    assert.notEqual(index, -1, `'${needle}' (occurrence ${occurrence}) not found in ${document.uri.path}`);
  }
  return document.positionAt(index + offsetInNeedle);
}

/** The range of the `occurrence`-th occurrence of `needle`. */
export function rangeOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const start = positionOf(document, needle, 0, occurrence);
  return new vscode.Range(start, document.positionAt(document.offsetAt(start) + needle.length));
}

/**
 * Repeats `probe` until `accept` holds, waiting for the next extension-host turn between tries
 * (the server may still be indexing); fails after `timeoutMs` with the last value seen.
 */
export async function retryUntil<T>(what: string, probe: () => Thenable<T> | T, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const startedAt = Date.now();
  const deadline = startedAt + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await probe();
    } catch (error) {
      // VS Code cancels a provider's request when the editor's state moves on (the first diagnostics arriving): a
      // cancelled answer is no answer yet, not a failure.
      if ((error as Error)?.name !== 'Canceled' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    if (accept(last)) {
      // Slow answers are worth knowing about; they land in the runner's browser-console.log.
      if (Date.now() - startedAt > 3_000) console.log(`[e2e] ${what}: answered after ${Date.now() - startedAt} ms`);
      return last;
    }
    if (Date.now() > deadline) assert.fail(`${what}: still not as expected after ${timeoutMs} ms; last value: ${describe(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value, null, 1).slice(0, 2000);
  } catch {
    return String(value);
  }
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
}

/**
 * Whether a hover answers from the indexed workspace: it says something, and not only that the workspace is still
 * being read (the hover of a citation whose treaty is not read yet, during the first indexing).
 */
export function answeredHover(hovers: readonly vscode.Hover[]): boolean {
  const text = hoverText(hovers);
  return text.length > 0 && !text.includes('still being read') && !text.includes('読み込み中');
}

/** A definition result as (file, line text): Location and LocationLink alike. */
export function landing(result: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in result
    ? { uri: result.targetUri, range: result.targetSelectionRange ?? result.targetRange }
    : { uri: result.uri, range: result.range };
}

export async function lineText(uri: vscode.Uri, line: number): Promise<string> {
  const document = await vscode.workspace.openTextDocument(uri);
  return document.lineAt(line).text;
}

/** The path of `uri` relative to the sample workspace, for readable assertions. */
export function relative(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The language the extension speaks in this run: `treatyAnnotator.language`, or VS Code's when it is `auto`. */
export function displayLanguage(): 'ja' | 'en' {
  const setting = vscode.workspace.getConfiguration('treatyAnnotator').get<string>('language', 'auto');
  const chosen = setting === 'ja' || setting === 'en' ? setting : vscode.env.language;
  return chosen.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
