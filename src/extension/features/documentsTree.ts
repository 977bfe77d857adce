/**
 * The "Documents" view: one item per document with its title, entity count and path;
 * selecting it opens the document. Reveals the active editor's document.
 */
import * as vscode from 'vscode';
import type { IndexedDocument } from '../../core/index/corpusIndex';
import type { CorpusService } from '../corpus/corpusService';
import { isolate } from '../markdown';

export class DocumentsTreeProvider implements vscode.TreeDataProvider<IndexedDocument> {
  private readonly emitter = new vscode.EventEmitter<IndexedDocument | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly service: CorpusService) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getChildren(element?: IndexedDocument): IndexedDocument[] {
    if (element) return [];
    return this.service.index.documents().sort((a, b) => a.path.localeCompare(b.path));
  }

  getParent(): undefined {
    return undefined;
  }

  getTreeItem(doc: IndexedDocument): vscode.TreeItem {
    const counted = doc.mentions.filter((m) => !m.boilerplate);
    const entities = new Set(counted.map((m) => m.entityId)).size;
    const item = new vscode.TreeItem(isolate(doc.title || doc.path), vscode.TreeItemCollapsibleState.None);
    item.id = doc.id;
    item.description = `${entities} entities · ${counted.length} mentions`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${doc.title}\n\n${doc.path}\n${entities} entities, ${counted.length} mentions${doc.encoding && doc.encoding !== 'utf-8' ? `\nencoding: ${doc.encoding}` : ''}`);
    item.tooltip = tooltip;
    item.resourceUri = vscode.Uri.parse(doc.id);
    item.iconPath = new vscode.ThemeIcon('file-text');
    item.contextValue = 'corpusDocument';
    item.command = { command: 'vscode.open', title: 'Open Document', arguments: [vscode.Uri.parse(doc.id)] };
    return item;
  }
}

export function registerDocumentsTree(context: vscode.ExtensionContext, service: CorpusService): void {
  const provider = new DocumentsTreeProvider(service);
  const view = vscode.window.createTreeView('corpusLens.documents', { treeDataProvider: provider, showCollapseAll: false });
  const revealActive = (): void => {
    const editor = vscode.window.activeTextEditor;
    const doc = editor && service.index.get(editor.document.uri.toString());
    if (doc && view.visible) void view.reveal(doc, { select: true, focus: false }).then(undefined, () => undefined);
  };
  context.subscriptions.push(
    view,
    service.onDidChange(() => provider.refresh()),
    vscode.window.onDidChangeActiveTextEditor(revealActive),
  );
}
