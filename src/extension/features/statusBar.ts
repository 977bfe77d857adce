/**
 * Status bar item: "$(book) N docs · M mentions", or a spinning "indexing 1,200 / 10,000…" while
 * the service indexes; the tooltip counts skipped files; a click focuses the Documents view.
 */
import * as vscode from 'vscode';
import type { CorpusService } from '../corpus/corpusService';

export class CorpusStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('corpusLens.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly service: CorpusService) {
    this.item.name = 'Corpus Lens';
    this.item.command = { command: 'corpusLens.documents.focus', title: 'Show Documents' };
    this.disposables.push(service.onDidChange(() => this.update()), service.onDidChangeState(() => this.update()), service.onDidProgress(() => this.update()));
    this.update();
    if (vscode.workspace.workspaceFolders?.length) this.item.show();
  }

  update(): void {
    if (this.service.indexing) {
      const progress = this.service.indexingProgress;
      const count = progress && progress.done > 0 ? ` ${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}` : '';
      this.item.text = `$(sync~spin) indexing${count}…`;
      this.item.tooltip = 'Corpus Lens is indexing the workspace';
      return;
    }
    const docs = this.service.index.size;
    const mentions = this.service.index.mentionCount();
    const skipped = this.service.skippedFiles.size;
    this.item.text = `$(book) ${docs} ${docs === 1 ? 'doc' : 'docs'} · ${mentions} ${mentions === 1 ? 'mention' : 'mentions'}`;
    this.item.tooltip = `Corpus Lens: ${docs} documents, ${mentions} mentions${skipped ? `, ${skipped} file${skipped === 1 ? '' : 's'} skipped (see the "Corpus Lens" output)` : ', no files skipped'}. Click to show the documents.`;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function registerStatusBar(context: vscode.ExtensionContext, service: CorpusService): void {
  context.subscriptions.push(new CorpusStatusBar(service));
  // The views' welcome text says "indexing" rather than "no documents found" while the first
  // index of a large corpus runs (package.json: viewsWelcome).
  const setContext = (): void => void vscode.commands.executeCommand('setContext', 'corpusLens.indexing', service.indexing);
  setContext();
  context.subscriptions.push(service.onDidChangeState(setContext));
}
