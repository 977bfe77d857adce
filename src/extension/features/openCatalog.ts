/**
 * "Open Catalog" opens the workspace catalog (the first of `corpusLens.catalogPaths`),
 * offering to create it when missing; "Create Workspace Catalog" (also in the Entities
 * view's welcome) creates `{ "version": 1, "entities": [] }` if needed and opens it.
 * Both resolve to the catalog's Uri, or undefined.
 */
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { ensureFile } from './jsonFileEdit';
import { CATALOG_SKELETON, fileExists, requireTrust, workspaceCatalogUri } from './workspaceFiles';

function catalogOrError(): vscode.Uri | undefined {
  const target = workspaceCatalogUri(vscode.window.activeTextEditor?.document.uri);
  if ('error' in target) {
    void vscode.window.showErrorMessage(`Corpus Lens: ${target.error}`);
    return undefined;
  }
  return target.uri;
}

export async function createCatalog(): Promise<vscode.Uri | undefined> {
  const uri = catalogOrError();
  if (!uri) return undefined;
  if (!(await fileExists(uri))) {
    if (!requireTrust('Creating a workspace catalog')) return undefined;
    await ensureFile(uri, CATALOG_SKELETON);
  }
  await vscode.window.showTextDocument(uri);
  return uri;
}

export async function openCatalog(): Promise<vscode.Uri | undefined> {
  const uri = catalogOrError();
  if (!uri) return undefined;
  if (await fileExists(uri)) {
    await vscode.window.showTextDocument(uri);
    return uri;
  }
  const create = 'Create';
  const answer = await vscode.window.showInformationMessage(`Corpus Lens: there is no workspace catalog at ${vscode.workspace.asRelativePath(uri)} yet.`, create);
  return answer === create ? createCatalog() : undefined;
}

export function registerOpenCatalog(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openCatalog, openCatalog),
    vscode.commands.registerCommand(Commands.createCatalog, createCatalog),
  );
}
