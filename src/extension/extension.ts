/**
 * Entry point: builds the corpus service and registers each feature from one list.
 * Kept short on purpose; every feature lives in its own file under features/.
 */
import * as vscode from 'vscode';
import { CorpusService } from './corpus/corpusService';
import { registerCatalogDiagnostics } from './features/catalogDiagnostics';
import { registerDecorations } from './features/decorations';
import { registerDocumentsTree } from './features/documentsTree';
import { registerEntitiesTree } from './features/entitiesTree';
import { registerHover } from './features/hover';
import { registerIndexCommands } from './features/indexCommands';
import { registerNavigation } from './features/navigation';
import { log } from './log';

/** What `activate` returns: lets integration tests and other extensions reach the index. */
export interface CorpusLensApi {
  service: CorpusService;
}

export async function activate(context: vscode.ExtensionContext): Promise<CorpusLensApi> {
  const service = new CorpusService(context.storageUri);
  context.subscriptions.push(service, log());
  const features = [
    registerIndexCommands,
    registerCatalogDiagnostics,
    registerDecorations,
    registerHover,
    registerNavigation,
    registerDocumentsTree,
    registerEntitiesTree,
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
  return { service };
}

export function deactivate(): void {}
