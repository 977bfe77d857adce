/**
 * Which documents a command acts on. Commands run from the palette (active editor), from the
 * Documents tree (the clicked item, or every selected item), from the editor title or
 * explorer (a Uri), or from scripts (a Uri or URI string).
 */
import * as vscode from 'vscode';

/** The documents named by a command's first two arguments, else the active editor's. */
export function targetDocuments(first: unknown, second?: unknown): vscode.Uri[] {
  if (Array.isArray(second) && second.length > 0) {
    const all = second.map(toUri).filter((u): u is vscode.Uri => !!u);
    if (all.length > 0) return all;
  }
  const one = toUri(first);
  if (one) return [one];
  const editor = vscode.window.activeTextEditor;
  return editor ? [editor.document.uri] : [];
}

function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string') {
    try {
      return vscode.Uri.parse(value, true);
    } catch {
      return undefined;
    }
  }
  // A Documents tree element: an IndexedDocument whose id is the document's URI string.
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && typeof (value as { path?: unknown }).path === 'string' ? toUri(id) : undefined;
}
