/**
 * A document's text as its analysis saw it: the open editor's (live, maybe unsaved) text if
 * there is one, else the file decoded as the indexer decodes it. Undefined when the file is
 * gone or not decodable; `onError` hears why.
 */
import * as vscode from 'vscode';
import { decodeBytes } from '../../core/io/decode';

export async function documentText(id: string, onError?: (message: string) => void): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === id);
  if (open) return open.getText();
  try {
    const decoded = decodeBytes(await vscode.workspace.fs.readFile(vscode.Uri.parse(id, true)));
    if (!decoded.ok) onError?.(decoded.reason);
    return decoded.ok ? decoded.text : undefined;
  } catch (e) {
    onError?.((e as Error).message);
    return undefined;
  }
}
