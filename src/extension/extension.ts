/**
 * Entry point: builds the corpus service and registers each feature from one list.
 * Kept short on purpose; every feature lives in its own file under features/.
 */
import * as vscode from 'vscode';
import { CorpusService } from './corpus/corpusService';
import { registerAddToCatalog } from './features/addToCatalog';
import { registerCatalogDiagnostics } from './features/catalogDiagnostics';
import { decorationsApi, registerDecorations, type DecorationsQuery } from './features/decorations';
import { registerDocumentsTree } from './features/documentsTree';
import { registerEntitiesTree } from './features/entitiesTree';
import { registerExportMentions } from './features/exportMentions';
import { registerHover } from './features/hover';
import { registerIndexCommands } from './features/indexCommands';
import { registerCorpusLanguage } from './features/language';
import { registerNavigation } from './features/navigation';
import { registerOpenCatalog } from './features/openCatalog';
import { registerReview } from './features/review';
import { registerSetDocumentDate } from './features/setDocumentDate';
import { registerStatusBar } from './features/statusBar';
import { registerTimeline, timelineApi, type TimelineApi } from './features/timeline';
import { log } from './log';

/** What `activate` returns: lets integration tests and other extensions reach the index. */
export interface CorpusLensApi {
  service: CorpusService;
  /** The timeline panel: its events, what the webview last drew, and its message handler. */
  timeline: TimelineApi;
  /** Test and inspection query: the highlight ranges last applied to each visible document. */
  decorations: DecorationsQuery;
  /** The extension's log folder (`ExtensionContext.logUri`), where VS Code writes the "Corpus Lens" output channel. */
  logUri: vscode.Uri;
  /**
   * Internal, for the integration tests: a new service made as the next activation would
   * make it (the same workspace storage, so the same cache file, and the same worker script),
   * tied to no view. The caller starts it and disposes of it.
   */
  newService(): CorpusService;
}

export async function activate(context: vscode.ExtensionContext): Promise<CorpusLensApi> {
  const newService = (): CorpusService => new CorpusService(context.storageUri, vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.js').fsPath);
  const service = newService();
  context.subscriptions.push(service, log());
  const features = [
    registerIndexCommands,
    registerCatalogDiagnostics,
    registerCorpusLanguage,
    registerDecorations,
    registerHover,
    registerNavigation,
    registerDocumentsTree,
    registerEntitiesTree,
    registerTimeline,
    registerAddToCatalog,
    registerSetDocumentDate,
    registerReview,
    registerExportMentions,
    registerOpenCatalog,
    registerStatusBar,
  ];
  for (const register of features) {
    try {
      register(context, service);
    } catch (e) {
      log().error(`Feature ${register.name} failed to start: ${(e as Error).stack ?? String(e)}`);
    }
  }
  // Indexing runs in the background; activation does not wait for it.
  service.start().catch((e: unknown) => log().error(`Indexing failed: ${(e as Error).stack ?? String(e)}`));
  return { service, timeline: timelineApi, decorations: decorationsApi, logUri: context.logUri, newService };
}

export function deactivate(): void {}
