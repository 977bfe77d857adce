/**
 * Edits a workspace JSON file the way a person would: the file is opened as a document, one
 * jsonc-parser `modify()` computes the smallest edits (keeping the file's own indentation,
 * comments and key order), they are applied through a `WorkspaceEdit` (so they land on top of
 * unsaved changes and can be undone in the editor), and the document is saved so the file
 * watchers see it. The file is never rewritten as a whole.
 */
import { modify, parseTree, type FormattingOptions, type JSONPath, type ParseError } from 'jsonc-parser';
import * as vscode from 'vscode';
import { fileExists } from './workspaceFiles';

export interface JsonChange {
  path: JSONPath;
  /** The new value; `undefined` removes the property. */
  value: unknown;
  /** Where a new property goes among the existing ones (e.g. to keep keys sorted). */
  getInsertionIndex?: (properties: string[]) => number;
}

/** A JSON file we refuse to edit (it does not parse); the message is for the user. */
export class JsonEditError extends Error {}

/** Creates the file with `initialText` when it does not exist yet. Returns whether it was created. */
export async function ensureFile(uri: vscode.Uri, initialText: string): Promise<boolean> {
  if (await fileExists(uri)) return false;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(initialText));
  return true;
}

/**
 * Applies the change that `compute` derives from the document's current text (read after
 * opening, so it sees unsaved edits and the latest disk state). `compute` may return
 * undefined to make no change.
 */
export async function editJsonFile(
  uri: vscode.Uri,
  initialText: string,
  compute: (text: string) => JsonChange | undefined,
  label: string,
): Promise<vscode.TextDocument> {
  await ensureFile(uri, initialText);
  const document = await vscode.workspace.openTextDocument(uri);
  await catchUpWithDisk(document);
  const hadUnsavedEdits = document.isDirty;
  if (await applyAndSave(document, compute, label)) return document;
  // VS Code refused the save: the file changed on disk after it last read it (a git pull,
  // another tool, or a write it had not caught up with yet). Merge: take the disk's version
  // (revert), apply the same change to it, and save again; never overwrite the other change.
  // A document with the user's own unsaved edits is never reverted: they decide in the editor.
  if (!hadUnsavedEdits) {
    await revertToDisk(document);
    if (await applyAndSave(document, compute, label)) return document;
  }
  throw new JsonEditError(`${vscode.workspace.asRelativePath(uri)} keeps changing on disk; your change is in its editor, unsaved. Save it there to compare or overwrite.`);
}

/** Applies `compute`'s change to the document and saves it; false when VS Code refused the save. */
async function applyAndSave(document: vscode.TextDocument, compute: (text: string) => JsonChange | undefined, label: string): Promise<boolean> {
  const uri = document.uri;
  const text = document.getText();
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    const at = document.positionAt(errors[0]!.offset);
    throw new JsonEditError(`${vscode.workspace.asRelativePath(uri)} has a JSON syntax error at line ${at.line + 1}, column ${at.character + 1}; fix it first.`);
  }
  const change = compute(text);
  if (!change) return true;
  const edits = modify(text, change.path, change.value, {
    formattingOptions: formattingOf(text, document.eol),
    ...(change.getInsertionIndex ? { getInsertionIndex: change.getInsertionIndex } : {}),
  });
  if (edits.length > 0) {
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) {
      edit.replace(uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content, { label, needsConfirmation: false });
    }
    if (!(await vscode.workspace.applyEdit(edit))) throw new JsonEditError(`Could not edit ${vscode.workspace.asRelativePath(uri)}.`);
  }
  if (!document.isDirty) return true;
  return document.save();
}

/**
 * Reloads a document from disk, dropping its unsaved text (our refused edit). The revert
 * command works on the active editor, so the document is shown for it; an editor we opened
 * only for this is closed again.
 */
async function revertToDisk(document: vscode.TextDocument): Promise<void> {
  const wasVisible = vscode.window.visibleTextEditors.some((e) => e.document === document);
  await vscode.window.showTextDocument(document, { preview: true, preserveFocus: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  if (!wasVisible && vscode.window.activeTextEditor?.document === document) await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

/**
 * A document already open in VS Code picks up a change on disk (git, another tool) a moment
 * after it happens; editing before that would base our change on stale text and make the
 * save conflict. A clean document is given up to 3 s to catch up.
 */
async function catchUpWithDisk(document: vscode.TextDocument): Promise<void> {
  if (document.isDirty) return; // unsaved edits win; the save will tell the user if the disk moved on
  const disk = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(document.uri));
  for (let waited = 0; document.getText() !== disk && !document.isDirty; waited += 100) {
    if (waited >= 3000) throw new JsonEditError(`${vscode.workspace.asRelativePath(document.uri)} changed on disk; try again in a moment.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The file's own indentation (first indented line), so inserted JSON looks like the rest. */
function formattingOf(text: string, eol: vscode.EndOfLine): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  const tabs = indent?.startsWith('\t') ?? false;
  return { insertSpaces: !tabs, tabSize: tabs ? 1 : indent?.length || 2, eol: eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n' };
}
