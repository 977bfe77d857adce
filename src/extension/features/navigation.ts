/**
 * Moving between mentions: open a mention (from hovers and trees), next/previous mention
 * in the active editor, and "Search Entities" (fuzzy, every script) that jumps to the
 * first mention of the chosen entity.
 */
import * as vscode from 'vscode';
import { EntitySearch } from '../../core/search/entitySearch';
import { Commands } from '../commandIds';
import type { CorpusService } from '../corpus/corpusService';
import { isolate } from '../markdown';
import { toRange } from '../ranges';

/** Opens a document at [start, end); arguments are validated because links can carry them. */
export async function openMention(
  service: CorpusService,
  documentId: unknown,
  start: unknown,
  end: unknown,
  viewColumn?: vscode.ViewColumn,
): Promise<vscode.TextEditor | undefined> {
  if (typeof documentId !== 'string' || !Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) < (start as number)) {
    void vscode.window.showErrorMessage('Corpus Lens: invalid mention link.');
    return undefined;
  }
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(documentId, true);
  } catch {
    return undefined;
  }
  if (!service.index.get(documentId) && !vscode.workspace.getWorkspaceFolder(uri)) {
    void vscode.window.showErrorMessage('Corpus Lens: that document is not part of this workspace.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const length = document.getText().length;
  const range = toRange(document, Math.min(start as number, length), Math.min(end as number, length));
  const editor = await vscode.window.showTextDocument(document, { selection: range, preview: true, ...(viewColumn ? { viewColumn } : {}) });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

function step(service: CorpusService, direction: 1 | -1): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !service.isCorpusDocument(editor.document.uri)) return;
  const mentions = service.analysisFor(editor.document).mentions.filter((m) => !m.boilerplate);
  if (mentions.length === 0) {
    vscode.window.setStatusBarMessage('Corpus Lens: no entity mentions in this document', 3000);
    return;
  }
  const offset = editor.document.offsetAt(direction === 1 ? editor.selection.end : editor.selection.start);
  const target =
    direction === 1
      ? (mentions.find((m) => m.start >= offset) ?? mentions[0]!)
      : ([...mentions].reverse().find((m) => m.end <= offset) ?? mentions[mentions.length - 1]!);
  const range = toRange(editor.document, target.start, target.end);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerNavigation(context: vscode.ExtensionContext, service: CorpusService): void {
  let search: EntitySearch | undefined;
  context.subscriptions.push(
    service.onDidLoadCatalog(() => (search = undefined)),
    vscode.commands.registerCommand(Commands.openMention, (id: unknown, start: unknown, end: unknown) => openMention(service, id, start, end)),
    vscode.commands.registerCommand(Commands.nextMention, () => step(service, 1)),
    vscode.commands.registerCommand(Commands.previousMention, () => step(service, -1)),
    // Scripted form: executeCommand('corpusLens.searchEntities', 'cavusoglu', { accept: true }) takes the best hit without showing the pick.
    vscode.commands.registerCommand(Commands.searchEntities, async (query?: unknown, options?: unknown) => {
      await service.start();
      search ??= new EntitySearch(service.catalog);
      const s = search;
      type Item = vscode.QuickPickItem & { entityId: string };
      const toItems = (value: string): Item[] =>
        s.search(value, 30).map((h) => {
          const count = service.index.mentionCountOf(h.entity.id);
          return {
            entityId: h.entity.id,
            // Our fuzzy search already matched across scripts; the quick pick's own label filter would not.
            alwaysShow: true,
            label: isolate(h.entity.names.ar ?? h.entity.names.en ?? h.entity.id),
            description: `${h.entity.names.en ?? ''} · ${h.entity.type}`,
            detail: `${count} mention${count === 1 ? '' : 's'}${h.matched ? ` · matched ${isolate(h.matched)}` : ''}`,
          };
        });
      const accept = typeof query === 'string' && (options as { accept?: unknown } | undefined)?.accept === true;
      const pick = vscode.window.createQuickPick<Item>();
      pick.placeholder = 'Search entities by any name or spelling (Arabic or Latin)';
      pick.matchOnDescription = false;
      // Our own fuzzy results decide the order; stop the quick pick from re-sorting them.
      (pick as unknown as { sortByLabel: boolean }).sortByLabel = false;
      pick.onDidChangeValue((v) => (pick.items = toItems(v)));
      if (typeof query === 'string') {
        pick.value = query;
        pick.items = toItems(query);
      }
      const chosen = accept ? pick.items[0] : await new Promise<Item | undefined>((resolve) => {
        pick.onDidAccept(() => resolve(pick.selectedItems[0]));
        pick.onDidHide(() => resolve(undefined));
        pick.show();
      });
      pick.dispose();
      if (!chosen) return undefined;
      const first = service.index.documentsOf(chosen.entityId)[0];
      if (first) await openMention(service, first.documentId, first.first.start, first.first.end);
      else void vscode.window.showInformationMessage(`Corpus Lens: ${chosen.description ?? chosen.entityId} is not mentioned in this corpus.`);
      return chosen.entityId;
    }),
  );
}
