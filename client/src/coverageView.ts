// The coverage view in the explorer: each workspace treaty with its articles, how many documents and
// citations cite each, uncited articles marked. The server computes it (`treatyAnnotator/coverage`);
// this only shows it, refreshing when diagnostics change (an edit anywhere may change the counts).
import * as vscode from 'vscode';
import { ReferencesRequest, type LanguageClient, type Location, type Position } from 'vscode-languageclient/node';
import { COVERAGE_METHOD, type CoverageArticleResponse, type CoverageResponse, type TreatyCoverageResponse } from '../../server/src/protocol';
import { t } from './l10n';

export type CoverageNode = { readonly treaty: TreatyCoverageResponse; readonly article?: CoverageArticleResponse };

export class CoverageView implements vscode.TreeDataProvider<CoverageNode> {
  readonly #changed = new vscode.EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  #treaties: Promise<readonly TreatyCoverageResponse[]> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.#treaties = undefined;
    this.#changed.fire(undefined);
  }

  scheduleRefresh(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.refresh(), 500);
  }

  async getChildren(node?: CoverageNode): Promise<CoverageNode[]> {
    if (node) return node.article ? [] : node.treaty.articles.map((article) => ({ treaty: node.treaty, article }));
    this.#treaties ??= this.client.sendRequest<CoverageResponse | null>(COVERAGE_METHOD).then((result) => result?.treaties ?? []);
    return (await this.#treaties).map((treaty) => ({ treaty }));
  }

  getTreeItem({ treaty, article }: CoverageNode): vscode.TreeItem {
    const convert = this.client.protocol2CodeConverter;
    if (!article) {
      const cited = treaty.articles.filter((entry) => entry.documents > 0).length;
      const item = new vscode.TreeItem(treaty.title, vscode.TreeItemCollapsibleState.Expanded);
      item.description = t('{0} of {1} articles cited', cited, treaty.articles.length);
      item.iconPath = new vscode.ThemeIcon('law');
      item.command = { title: treaty.title, command: 'vscode.open', arguments: [vscode.Uri.parse(treaty.uri)] };
      return item;
    }
    const item = new vscode.TreeItem(article.caption ? `${article.label} ${article.caption}` : article.label);
    const documents = article.documents === 1 ? t('1 document') : t('{0} documents', article.documents);
    const citations = article.citations === 1 ? t('1 citation') : t('{0} citations', article.citations);
    item.description = article.documents === 0 ? t('uncited') : `${documents} · ${citations}`;
    item.iconPath = article.documents === 0 ? new vscode.ThemeIcon('circle-outline', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('pass');
    item.contextValue = 'article';
    const location = convert.asLocation(article.location);
    item.command = { title: article.label, command: 'vscode.open', arguments: [location.uri, { selection: location.range }] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#changed.dispose();
  }
}

/** The view, its refresh and references commands, and the refresh on every change of diagnostics. */
export function registerCoverageView(
  client: LanguageClient,
  showReferences: (uri: string, position: Position, locations: readonly Location[]) => Thenable<unknown>,
): { view: CoverageView; disposable: vscode.Disposable } {
  const view = new CoverageView(client);
  // The view is contributed only where the extension runs (its `when` clause).
  void vscode.commands.executeCommand('setContext', 'treatyAnnotator.active', true);
  const disposable = vscode.Disposable.from(
    view,
    vscode.window.registerTreeDataProvider('treatyAnnotator.coverage', view),
    vscode.languages.onDidChangeDiagnostics(() => view.scheduleRefresh()),
    vscode.commands.registerCommand('treatyAnnotator.refreshCoverage', () => view.refresh()),
    vscode.commands.registerCommand('treatyAnnotator.showArticleReferences', async (node: CoverageNode) => {
      const { uri, range } = node.article!.location;
      const locations = (await client.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: range.start, context: { includeDeclaration: false } })) ?? [];
      await showReferences(uri, range.start, locations);
    }),
  );
  return { view, disposable };
}
