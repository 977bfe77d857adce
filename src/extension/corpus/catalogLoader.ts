/**
 * Loads the catalog the extension uses: the built-in layer (unless turned off) and the
 * workspace catalog files named in `corpusLens.catalogPaths`, read through
 * `vscode.workspace.fs` so remote and virtual workspaces work. In a restricted (untrusted)
 * workspace only the built-in catalog is used.
 */
import * as vscode from 'vscode';
import { builtinCatalog } from '../../core/catalog/builtin';
import { Catalog, type CatalogSource } from '../../core/catalog/catalog';
import { log } from '../log';
import { readSettings } from '../settings';

export interface LoadedCatalog {
  catalog: Catalog;
  /** What the catalog was built from, so an analysis worker can build the same one. */
  sources: CatalogSource[];
  builtin: boolean;
  /** Catalog file URIs by the path used in diagnostics. */
  files: Map<string, vscode.Uri>;
}

export async function loadCatalog(): Promise<LoadedCatalog> {
  const settings = readSettings();
  const sources: CatalogSource[] = [];
  const files = new Map<string, vscode.Uri>();
  if (vscode.workspace.isTrusted) {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const rel of settings.catalogPaths) {
        const uri = vscode.Uri.joinPath(folder.uri, rel);
        if (!isInside(folder.uri, uri)) {
          log().warn(`Catalog path "${rel}" leaves the workspace folder; ignored.`);
          continue;
        }
        try {
          const bytes = await vscode.workspace.fs.readFile(uri);
          const key = uri.toString();
          sources.push({ path: key, text: new TextDecoder('utf-8').decode(bytes) });
          files.set(key, uri);
        } catch (e) {
          if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) {
            log().error(`Cannot read catalog ${uri.toString()}: ${(e as Error).message}`);
          }
        }
      }
    }
  }
  const catalog = Catalog.load(sources, settings.useBuiltinCatalog ? builtinCatalog() : undefined);
  return { catalog, files, sources, builtin: settings.useBuiltinCatalog };
}

/** Whether `uri` lies inside `folder` (no `..` escapes). */
export function isInside(folder: vscode.Uri, uri: vscode.Uri): boolean {
  const base = folder.path.endsWith('/') ? folder.path : folder.path + '/';
  return uri.scheme === folder.scheme && uri.authority === folder.authority && uri.path.startsWith(base);
}
