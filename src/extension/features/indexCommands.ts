/** Commands that drive the index: rebuild it (returns a summary, used by tests and scripts). */
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import type { CorpusService, IndexSummary } from '../corpus/corpusService';

export function registerIndexCommands(context: vscode.ExtensionContext, service: CorpusService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.rebuildIndex, async (): Promise<IndexSummary> => {
      await service.start();
      await service.reloadCatalog();
      // An explicit rebuild re-reads and re-analyses everything: that is what the user asks for.
      const summary = await service.rebuild({ useCache: false });
      vscode.window.setStatusBarMessage(`Corpus Lens: ${summary.documents} documents, ${summary.mentions} mentions`, 5000);
      return summary;
    }),
  );
}
