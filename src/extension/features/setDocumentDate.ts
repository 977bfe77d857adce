/**
 * "Set Document Date": records a document's publication date in `.corpus/documents.json`
 * (a reviewer's word beats every detected date; relative dates such as «أمس» then resolve
 * against it). An empty value removes the record. The file is edited in place (jsonc), the
 * metadata reloaded and the corpus re-analysed before the command resolves.
 *
 * Scripted form: executeCommand('corpusLens.setDocumentDate', uri, '2019-06-05') ('' removes);
 * resolves to the document's new date ({ value, source, … }) or undefined when cancelled.
 */
import { parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import { parseIsoDate } from '../../core/dates/calendar';
import type { DocumentDate } from '../../core/dates/types';
import { DOCUMENTS_METADATA_PATH } from '../../core/metadata/documentsMetadata';
import { sortedInsertionIndex } from '../../core/review/reviewFile';
import { Commands } from '../commandIds';
import type { CorpusService } from '../corpus/corpusService';
import { targetDocuments } from './documentTarget';
import { editJsonFile, JsonEditError, type JsonChange } from './jsonFileEdit';
import { folderRelativePath, requireTrust, sidecarUri } from './workspaceFiles';

const METADATA_SKELETON = '{\n  "version": 1,\n  "documents": {}\n}\n';
const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** An error message for the input box, or undefined when `value` is empty or a valid ISO date. */
export function validateIsoDate(value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  return ISO.test(v) && parseIsoDate(v) ? undefined : 'Expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD (empty removes the recorded date).';
}

/** The jsonc change that records `date` for `path` (or removes it), undefined when nothing changes. */
export function dateChange(text: string, path: string, date: string): JsonChange | undefined {
  const entry = (parse(text, [], { allowTrailingComma: true }) as { documents?: Record<string, unknown> } | undefined)?.documents?.[path];
  if (date) return { path: ['documents', path, 'date'], value: date, getInsertionIndex: (keys) => sortedInsertionIndex(keys, path) };
  if (!entry || typeof entry !== 'object') return undefined;
  // Keep the entry when it records more than the date.
  const others = Object.keys(entry).filter((k) => k !== 'date');
  return others.length ? { path: ['documents', path, 'date'], value: undefined } : { path: ['documents', path], value: undefined };
}

export class SetDocumentDate {
  constructor(private readonly service: CorpusService) {}

  async run(target: unknown, given: unknown): Promise<DocumentDate | undefined> {
    if (!requireTrust('Setting a document date')) return undefined;
    const uri = targetDocuments(target)[0];
    const path = uri && folderRelativePath(uri);
    const file = uri && sidecarUri(DOCUMENTS_METADATA_PATH, uri);
    if (!uri || path === undefined || !file || !this.service.isCorpusDocument(uri)) {
      void vscode.window.showInformationMessage('Corpus Lens: open a corpus document (a .txt file of the workspace) first.');
      return undefined;
    }
    await this.service.start();
    const current = this.dateOf(uri);
    let value: string | undefined;
    if (typeof given === 'string') {
      const problem = validateIsoDate(given);
      if (problem) {
        void vscode.window.showErrorMessage(`Corpus Lens: ${problem}`);
        return undefined;
      }
      value = given;
    } else {
      value = await vscode.window.showInputBox({
        title: `Date of ${path}`,
        prompt: current?.value ? `Now ${current.value} (${current.source}). Empty removes the recorded date.` : 'No date found. YYYY, YYYY-MM or YYYY-MM-DD.',
        value: current?.value && !current.value.startsWith('--') ? current.value : '',
        validateInput: validateIsoDate,
      });
    }
    if (value === undefined) return undefined;
    const date = value.trim();
    try {
      await editJsonFile(file, METADATA_SKELETON, (text) => dateChange(text, path, date), 'Set document date');
    } catch (e) {
      if (!(e instanceof JsonEditError)) throw e;
      void vscode.window.showErrorMessage(`Corpus Lens: ${e.message}`);
      return undefined;
    }
    // The service's watcher would get there too, but the command resolves with the new date.
    await this.service.metadataChanged();
    return this.dateOf(uri);
  }

  /**
   * The document's date now: from the index, or, for an open document, analysed afresh from
   * the editor's text (the index may hold the saved text's analysis).
   */
  private dateOf(uri: vscode.Uri): DocumentDate | undefined {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!open) return this.service.index.get(uri.toString())?.date;
    return this.service.analyze(uri.toString(), vscode.workspace.asRelativePath(uri, false), open.getText()).date;
  }
}

export function registerSetDocumentDate(context: vscode.ExtensionContext, service: CorpusService): void {
  const command = new SetDocumentDate(service);
  context.subscriptions.push(vscode.commands.registerCommand(Commands.setDocumentDate, (target?: unknown, date?: unknown) => command.run(target, date)));
}
