/**
 * Shows catalog problems (syntax, schema, duplicate ids, alias conflicts, missing
 * references) in the Problems panel, at the line and column where the catalog is wrong.
 */
import * as vscode from 'vscode';
import type { CatalogDiagnostic } from '../../core/catalog/diagnostics';
import type { CorpusService } from '../corpus/corpusService';
import { log } from '../log';

export function registerCatalogDiagnostics(context: vscode.ExtensionContext, service: CorpusService): void {
  const collection = vscode.languages.createDiagnosticCollection('corpus-lens-catalog');
  const publish = (diagnostics: readonly CatalogDiagnostic[]): void => {
    collection.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const d of diagnostics) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(d.path)) {
        // The built-in catalog has no file in the workspace: log instead.
        log().warn(`Built-in catalog ${d.path}:${d.line}:${d.column}: ${d.message}`);
        continue;
      }
      const start = new vscode.Position(d.line - 1, d.column - 1);
      const range = new vscode.Range(start, start.translate(0, Math.max(1, Math.min(d.length, 200))));
      const diagnostic = new vscode.Diagnostic(range, d.message, d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'Corpus Lens';
      diagnostic.code = d.code;
      const list = byFile.get(d.path) ?? [];
      list.push(diagnostic);
      byFile.set(d.path, list);
    }
    for (const [path, list] of byFile) collection.set(vscode.Uri.parse(path), list);
  };
  context.subscriptions.push(collection, service.onDidLoadCatalog((c) => publish(c.diagnostics)));
  if (service.catalog) publish(service.catalog.diagnostics);
}
