/**
 * A document's text as its analysis saw it: the open editor's (live, maybe unsaved) text if
 * there is one, else the text the indexer kept, else the file decoded as the indexer decodes it. Undefined when the file is
 * gone or not decodable; `onError` hears why.
 */
import * as vscode from 'vscode';
import { decodeBytes } from '../../core/io/decode';

/**
 * @param kept the text the indexer kept for the document, if any (CorpusService.keptText):
 *   spares reading and decoding the file again (the timeline asks for every document's).
 */
export async function documentText(id: string, onError?: (message: string) => void, kept?: (id: string) => string | undefined): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === id);
  if (open) return open.getText();
  const text = kept?.(id);
  if (text !== undefined) return text;
  try {
    const decoded = decodeBytes(await vscode.workspace.fs.readFile(vscode.Uri.parse(id, true)));
    if (!decoded.ok) onError?.(decoded.reason);
    return decoded.ok ? decoded.text : undefined;
  } catch (e) {
    onError?.((e as Error).message);
    return undefined;
  }
}
