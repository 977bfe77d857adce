/**
 * Where the files Corpus Lens writes live: the workspace catalog (the first of
 * `corpusLens.catalogPaths`) and the `.corpus/*.json` sidecars, always inside the workspace
 * folder. Also the one trust check every writing command makes.
 */
import * as vscode from 'vscode';
import { isInside } from '../corpus/catalogLoader';
import { readSettings } from '../settings';

export const CATALOG_SKELETON = '{\n  "version": 1,\n  "entities": []\n}\n';

/** The workspace folder of a resource, else the first one. */
export function folderFor(uri?: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
}

/** The catalog commands write to; a message when there is none (no folder, a path leaving the folder). */
export function workspaceCatalogUri(near?: vscode.Uri): { uri: vscode.Uri } | { error: string } {
  const folder = folderFor(near);
  if (!folder) return { error: 'Open a folder first: the workspace catalog lives in it.' };
  const rel = readSettings().catalogPaths[0] ?? '.corpus/catalog.json';
  const uri = vscode.Uri.joinPath(folder.uri, rel);
  if (!isInside(folder.uri, uri)) return { error: `The catalog path "${rel}" leaves the workspace folder; change corpusLens.catalogPaths.` };
  return { uri };
}

/** A `.corpus/…` file of the folder holding `near`, checked to stay inside it. */
export function sidecarUri(relPath: string, near?: vscode.Uri): vscode.Uri | undefined {
  const folder = folderFor(near);
  if (!folder) return undefined;
  const uri = vscode.Uri.joinPath(folder.uri, relPath);
  return isInside(folder.uri, uri) ? uri : undefined;
}

/** The document's path relative to its workspace folder, forward slashes (the key in `.corpus/*.json`). */
export function folderRelativePath(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || !isInside(folder.uri, uri)) return undefined;
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
  return uri.path.slice(base.length);
}

/** False (after telling the user) in a restricted workspace, where Corpus Lens writes nothing. */
export function requireTrust(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(`Corpus Lens: ${action} is not available in a restricted workspace. Trust the workspace to let Corpus Lens write to it.`);
  return false;
}

/** Whether a file or folder exists (through workspace.fs, so remote workspaces work too). */
export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
