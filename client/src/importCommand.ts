// "Treaty Annotator: Import Treaty or Law…": one treaty document from e-Gov (by law id, number or title), from a file
// (e-Gov XML, a law_data answer, text or HTML), or from the clipboard or the selection. The quick fix "Import … from
// e-Gov" runs it with the source and the folder already chosen. The network is used only here, on the user's request.

import * as vscode from 'vscode';
import { IMPORT_COMMAND, type ImportCommandArguments } from '../../server/src/core/features/officialTexts';
import { convertLaw, convertPastedText, convertSource, ImportError, type ImportedDocument } from '../../server/src/core/import/index';
import { idForName } from '../../server/src/core/import/names';
import { DEFAULT_EGOV_API, EgovError, fetchLaw } from '../../server/src/node/egov';
import { documentFileName, EGOV_PREFIX } from '../../server/src/node/importer';
import { t } from './l10n';

type SourceKind = 'egov' | 'file' | 'clipboard' | 'selection';

export function registerImportCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(IMPORT_COMMAND, async (argument?: ImportCommandArguments) => {
    try {
      return await importTreaty(argument);
    } catch (error) {
      if (error instanceof ImportError && error.kind === 'nothing') void vscode.window.showWarningMessage(t('Nothing to import: {0}', error.message));
      else if (error instanceof ImportError || error instanceof EgovError) void vscode.window.showErrorMessage(error.message);
      else throw error;
      return undefined;
    }
  });
}

/** Imports, writes and opens one document; resolves to its URI, or undefined when the user stopped. */
async function importTreaty(argument?: ImportCommandArguments): Promise<vscode.Uri | undefined> {
  let document: ImportedDocument | undefined;
  if (argument?.source?.startsWith(EGOV_PREFIX)) {
    document = await fromEgov(argument.source.slice(EGOV_PREFIX.length), argument.name);
  } else {
    const kind = await pickSource();
    if (kind === undefined) return undefined;
    document = await fromSource(kind);
  }
  if (document === undefined) return undefined;
  const folder = argument?.folder ? vscode.Uri.parse(argument.folder) : await targetFolder();
  if (folder === undefined) return undefined;
  return write(document, folder);
}

async function pickSource(): Promise<SourceKind | undefined> {
  const selection = vscode.window.activeTextEditor?.selection;
  const items: (vscode.QuickPickItem & { source: SourceKind })[] = [
    { label: '$(globe) e-Gov', description: t('a Japanese law, by its law id, law number or title'), source: 'egov' },
    { label: `$(file) ${t('File…')}`, description: t('e-Gov XML, a saved law_data answer, text or HTML'), source: 'file' },
    { label: `$(clippy) ${t('Clipboard')}`, description: t('text copied from a PDF or a web page'), source: 'clipboard' },
  ];
  if (selection && !selection.isEmpty) items.push({ label: `$(selection) ${t('Selection')}`, description: t('the text selected in the editor'), source: 'selection' });
  const picked = await vscode.window.showQuickPick(items, { placeHolder: t('Import a treaty or law from…') });
  return picked?.source;
}

async function fromSource(kind: SourceKind): Promise<ImportedDocument | undefined> {
  if (kind === 'egov') {
    const query = await vscode.window.showInputBox({
      prompt: t('The law’s e-Gov law id, law number or title'),
      placeHolder: '自衛隊法 / 昭和二十九年法律第百六十五号 / 329AC0000000165',
      ignoreFocusOut: true,
    });
    return query?.trim() ? fromEgov(query.trim(), query.trim()) : undefined;
  }
  if (kind === 'file') {
    const [file] =
      (await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: t('Import'),
        filters: { [t('Laws and treaties')]: ['xml', 'json', 'txt', 'html', 'htm', 'md'] },
      })) ?? [];
    if (file === undefined) return undefined;
    const content = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    return convertSource(name, content);
  }
  const editor = vscode.window.activeTextEditor;
  const text = kind === 'clipboard' ? await vscode.env.clipboard.readText() : editor ? editor.document.getText(editor.selection) : '';
  if (text.trim() === '') {
    void vscode.window.showWarningMessage(kind === 'clipboard' ? t('The clipboard holds no text.') : t('Nothing is selected.'));
    return undefined;
  }
  return fromText(text);
}

/** Pasted text carries no id: ask for its title (proposing its first line) and id. */
async function fromText(text: string): Promise<ImportedDocument | undefined> {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '')?.trim() ?? '';
  const title = await vscode.window.showInputBox({ prompt: t('Title of the treaty or law'), value: firstLine, ignoreFocusOut: true });
  if (!title?.trim()) return undefined;
  const id = await vscode.window.showInputBox({
    prompt: t('Its id (what `treaty:` and `cites:` name it by)'),
    value: idForName(title.trim()),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? t('An id is needed.') : undefined),
  });
  if (!id?.trim()) return undefined;
  return convertPastedText(text, { id: id.trim(), title: title.trim() });
}

/** Reads a law from e-Gov, with a progress notification; a title matching several laws is a quick pick. */
async function fromEgov(query: string, name: string): Promise<ImportedDocument | undefined> {
  const apiUrl = vscode.workspace.getConfiguration('treatyAnnotator').get<string>('egov.apiUrl') || DEFAULT_EGOV_API;
  const fetchOne = (target: string): Thenable<ImportedDocument> =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Importing {0} from e-Gov…', name) }, async () => {
      const { law, facts } = await fetchLaw(target, { apiUrl });
      return convertLaw(law, facts);
    });
  try {
    return await fetchOne(query);
  } catch (error) {
    if (!(error instanceof ImportError) || error.kind !== 'ambiguous') throw error;
    const picked = await vscode.window.showQuickPick(
      error.choices.map((choice) => ({ label: choice.title, description: choice.lawNumber, detail: choice.lawId, choice })),
      { placeHolder: t('“{0}” matches several laws: which one?', query), matchOnDescription: true, matchOnDetail: true },
    );
    return picked ? fetchOne(picked.choice.lawId) : undefined;
  }
}

/** The folder of the active editor's workspace folder, or the first one; asked for when no folder is open. */
async function targetFolder(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (folder) return folder.uri;
  const [picked] = (await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, openLabel: t('Save here') })) ?? [];
  return picked;
}

/** Writes the document (an existing file only after the user confirms) and opens it. */
async function write(document: ImportedDocument, folder: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri = vscode.Uri.joinPath(folder, documentFileName(document));
  const exists = await vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
  if (exists) {
    const replace = t('Replace');
    const answer = await vscode.window.showWarningMessage(t('{0} exists. Replace it with the imported text?', vscode.workspace.asRelativePath(uri)), { modal: true }, replace);
    if (answer !== replace) return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(document.text));
  await vscode.window.showTextDocument(uri);
  void vscode.window.showInformationMessage(t('Imported {0}: {1} articles.', document.title, document.articles));
  return uri;
}
