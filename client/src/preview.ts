// The Markdown preview's side of citations: keeps the server's `treatyAnnotator/previewCitations` answer for each
// document the preview renders, asks again after edits and whenever diagnostics change (an edited treaty changes
// its citing documents' titles), and refreshes the previews when an answer differs. The markdown-it plugin
// (previewPlugin.ts) reads only this cache, so a render never waits for the server.
import * as path from 'node:path';
import type { MarkdownIt } from 'markdown-it';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PREVIEW_CITATIONS_METHOD, type PreviewCitationsResponse } from '../../server/src/protocol';
import { treatyCitations } from './previewPlugin';

/** Quiet time after an edit or a change of diagnostics before the rendered documents are asked for again. */
const REFRESH_DELAY_MS = 300;

export function registerPreview(client: LanguageClient): { extendMarkdownIt(md: MarkdownIt): MarkdownIt; disposable: vscode.Disposable } {
  /** Each rendered document's answer (hrefs relative to it), and the JSON it came as, to tell a change. */
  const answers = new Map<string, { readonly json: string; readonly answer: PreviewCitationsResponse | undefined }>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const ask = async (uri: string): Promise<boolean> => {
    const answer = await client.sendRequest<PreviewCitationsResponse | null>(PREVIEW_CITATIONS_METHOD, { uri }).catch(() => null);
    const json = JSON.stringify(answer);
    if (answers.get(uri)?.json === json) return false;
    answers.set(uri, { json, answer: answer ? relativeTo(uri, answer) : undefined });
    return true;
  };
  const refresh = async (uris: readonly string[]): Promise<void> => {
    const changed = await Promise.all(uris.map(ask));
    if (changed.some(Boolean)) await vscode.commands.executeCommand('markdown.preview.refresh');
  };
  const scheduleRefresh = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh([...answers.keys()]), REFRESH_DELAY_MS);
  };

  const lookup = (env: unknown): PreviewCitationsResponse | undefined => {
    const document = (env as { currentDocument?: vscode.Uri } | undefined)?.currentDocument;
    if (!document) return undefined;
    const uri = document.toString();
    const known = answers.get(uri);
    // The first render of a document asks the server; the answer refreshes the preview.
    if (!known) {
      answers.set(uri, { json: '', answer: undefined });
      void refresh([uri]);
    }
    return known?.answer;
  };

  const disposable = vscode.Disposable.from(
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (answers.has(event.document.uri.toString()) && event.contentChanges.length > 0) scheduleRefresh();
    }),
    vscode.languages.onDidChangeDiagnostics(scheduleRefresh),
    { dispose: () => clearTimeout(timer) },
  );
  return { extendMarkdownIt: (md) => md.use(treatyCitations, lookup), disposable };
}

/** The answer with each link relative to the document (`../treaties/kyotei.md#article-5`, `#article-2` within it). */
function relativeTo(uri: string, answer: PreviewCitationsResponse): PreviewCitationsResponse {
  const from = vscode.Uri.parse(uri);
  const href = (target: string): string => {
    const to = vscode.Uri.parse(target);
    if (to.scheme !== from.scheme || to.authority !== from.authority) return target;
    const fragment = to.fragment ? `#${to.fragment}` : '';
    if (to.path === from.path) return fragment;
    return path.posix.relative(path.posix.dirname(from.path), to.path).split('/').map(encodeURIComponent).join('/') + fragment;
  };
  return { ...answer, citations: answer.citations.map((citation) => ({ ...citation, href: citation.href === null ? null : href(citation.href) })) };
}
