/**
 * Review state commands: Mark Reviewed, Flag (with an optional note), Mark Unreviewed, on
 * the active document or on the Documents tree's selection. The state lives in
 * `.corpus/review.json` (see review/reviewStore.ts); the Documents tree shows it.
 *
 * Scripted forms (no prompts):
 *   executeCommand('corpusLens.markReviewed', uri)
 *   executeCommand('corpusLens.flagDocument', uri, { note: 'check the date' })
 *   executeCommand('corpusLens.markUnreviewed', uri)
 * Each resolves to the number of documents changed.
 */
import * as vscode from 'vscode';
import type { ReviewEntry, ReviewState } from '../../core/review/reviewFile';
import { Commands } from '../commandIds';
import type { CorpusService } from '../corpus/corpusService';
import { log } from '../log';
import { sharedReviewStore, type ReviewStore } from '../review/reviewStore';
import { targetDocuments } from './documentTarget';
import { folderRelativePath, requireTrust } from './workspaceFiles';

export class ReviewCommands {
  constructor(
    private readonly store: ReviewStore,
    private readonly service: CorpusService,
  ) {}

  async set(state: ReviewState | undefined, first: unknown, second: unknown): Promise<number> {
    if (!requireTrust('Recording review state')) return 0;
    const uris = targetDocuments(first, second).filter((u) => this.service.isCorpusDocument(u) && folderRelativePath(u) !== undefined);
    if (uris.length === 0) {
      void vscode.window.showInformationMessage('Corpus Lens: open a corpus document (a .txt file of the workspace) or select one in the Documents view.');
      return 0;
    }
    let note: string | undefined;
    if (state === 'flagged') {
      const given = (second as { note?: unknown } | undefined)?.note;
      note = typeof given === 'string' ? given : await vscode.window.showInputBox({ title: 'Flag document', prompt: 'Why? (optional note, kept in .corpus/review.json)' });
      if (note === undefined) return 0; // Escape cancels the flag
    }
    const at = new Date().toISOString();
    const entry: ReviewEntry | undefined = state ? { state, at, ...(note?.trim() ? { note: note.trim() } : {}) } : undefined;
    let changed = 0;
    for (const uri of uris) {
      try {
        await this.store.set(uri, entry);
        changed++;
      } catch (e) {
        log().error(`Cannot record review state of ${uri.toString()}: ${(e as Error).message}`);
        void vscode.window.showErrorMessage(`Corpus Lens: ${(e as Error).message}`);
        break;
      }
    }
    if (changed > 0) {
      const what = state ?? 'unreviewed';
      vscode.window.setStatusBarMessage(`Corpus Lens: ${changed} document${changed === 1 ? '' : 's'} marked ${what}`, 3000);
    }
    return changed;
  }
}

export function registerReview(context: vscode.ExtensionContext, service: CorpusService): void {
  const commands = new ReviewCommands(sharedReviewStore(context), service);
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.markReviewed, (a?: unknown, b?: unknown) => commands.set('reviewed', a, b)),
    vscode.commands.registerCommand(Commands.flagDocument, (a?: unknown, b?: unknown) => commands.set('flagged', a, b)),
    vscode.commands.registerCommand(Commands.markUnreviewed, (a?: unknown, b?: unknown) => commands.set(undefined, a, b)),
  );
}
