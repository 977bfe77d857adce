/**
 * "Add Selection to Catalog": the selected text becomes a new entity, or a new alias of an
 * existing one (did-you-mean suggestions first, then a full search). The workspace catalog
 * is edited in place (see jsonFileEdit.ts), so the change shows in the editor's undo stack;
 * the service reloads the catalog through its file watcher, and we check the selection is
 * now matched.
 *
 * Scripted form (tests, other extensions), no prompts:
 *   executeCommand('corpusLens.addSelectionToCatalog', { mode: 'alias', entityId: 'person.sergey-lavrov' })
 *   executeCommand('corpusLens.addSelectionToCatalog', { mode: 'new', type: 'event', name: 'Winter storm' })
 * Resolves to { entityId, matched } or undefined when cancelled or refused.
 */
import * as vscode from 'vscode';
import type { Entity, EntityType } from '../../core/catalog/types';
import { ENTITY_TYPES } from '../../core/catalog/types';
import { Commands } from '../commandIds';
import type { CorpusService } from '../corpus/corpusService';
import { isolate } from '../markdown';
import { aliasChange, hasSpelling, idsIn, newEntity, newEntityId } from './catalogEntries';
import { pickEntity } from './entityPicker';
import { CATALOG_SKELETON, requireTrust, workspaceCatalogUri } from './workspaceFiles';
import { editJsonFile, JsonEditError } from './jsonFileEdit';

export interface AddToCatalogArgs {
  mode?: 'alias' | 'new';
  /** Alias mode: the entity the selection is a spelling of. */
  entityId?: string;
  /** New mode: the entity type. */
  type?: EntityType;
  /** New mode: the English name ('' for none). */
  name?: string;
}

export interface AddToCatalogResult {
  entityId: string;
  /** Whether the selection is matched as that entity after the catalog reloaded. */
  matched: boolean;
}

const MAX_LENGTH = 120;

/** Corpus text inside a notification: isolated, and unable to form a `[label](link)` (notifications render links). */
function quoted(text: string): string {
  return `«${isolate(text.replace(/\]\(/g, '] ('))}»`;
}

export class AddToCatalog {
  constructor(private readonly service: CorpusService) {}

  async run(args: AddToCatalogArgs = {}): Promise<AddToCatalogResult | undefined> {
    if (!requireTrust('Adding to the catalog')) return undefined;
    const editor = vscode.window.activeTextEditor;
    const text = editor ? editor.document.getText(editor.selection).replace(/\s+/g, ' ').trim() : '';
    if (!editor || !text) {
      void vscode.window.showInformationMessage('Corpus Lens: select a name in a document first.');
      return undefined;
    }
    if (text.length > MAX_LENGTH) {
      void vscode.window.showWarningMessage(`Corpus Lens: the selection is too long for a name (more than ${MAX_LENGTH} characters).`);
      return undefined;
    }
    const target = workspaceCatalogUri(editor.document.uri);
    if ('error' in target) {
      void vscode.window.showErrorMessage(`Corpus Lens: ${target.error}`);
      return undefined;
    }
    await this.service.start();
    const mode = args.mode ?? (await this.pickMode(text));
    if (!mode) return undefined;
    const selection = { start: editor.document.offsetAt(editor.selection.start), end: editor.document.offsetAt(editor.selection.end) };
    let entityId: string | undefined;
    try {
      entityId = mode === 'alias' ? await this.addAlias(target.uri, text, args) : await this.addEntity(target.uri, text, args);
    } catch (e) {
      if (!(e instanceof JsonEditError)) throw e;
      void vscode.window.showErrorMessage(`Corpus Lens: ${e.message}`);
      return undefined;
    }
    if (!entityId) return undefined;
    const id = entityId;
    await this.catalogWhere(() => {
      const entity = this.service.catalog.get(id);
      return !!entity && hasSpelling(entity, text);
    });
    const matched = this.isMatched(editor.document, selection, entityId);
    const open = 'Open Catalog';
    const message = matched
      ? `Corpus Lens: ${quoted(text)} is now matched as ${entityId}.`
      : `Corpus Lens: ${quoted(text)} was added to ${entityId} but is not matched there (another entity may claim it, or it is part of a longer name). See the Problems panel.`;
    const show = matched ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    void show(message, open).then((choice) => choice === open && vscode.commands.executeCommand(Commands.openCatalog));
    return { entityId, matched };
  }

  private async pickMode(text: string): Promise<'alias' | 'new' | undefined> {
    const items: Array<vscode.QuickPickItem & { mode: 'alias' | 'new' }> = [
      { mode: 'alias', label: '$(link) Alias of an existing entity…', detail: 'Another spelling of a catalogued name' },
      { mode: 'new', label: '$(add) New entity…', detail: 'A person, place, organization, agreement or event the catalog lacks' },
    ];
    const chosen = await vscode.window.showQuickPick(items, { title: `Add ${quoted(text)} to the catalog` });
    return chosen?.mode;
  }

  private async addAlias(uri: vscode.Uri, text: string, args: AddToCatalogArgs): Promise<string | undefined> {
    const entity: Entity | undefined = args.entityId ? this.service.catalog.get(args.entityId) : await pickEntity(this.service, text);
    if (!entity) {
      if (args.entityId) void vscode.window.showErrorMessage(`Corpus Lens: no entity with id ${args.entityId}.`);
      return undefined;
    }
    if (hasSpelling(entity, text)) {
      void vscode.window.showInformationMessage(`Corpus Lens: ${quoted(text)} is already a spelling of ${entity.id}.`);
      return undefined;
    }
    await editJsonFile(uri, CATALOG_SKELETON, (current) => aliasChange(current, entity, text), 'Add alias to catalog');
    return entity.id;
  }

  private async addEntity(uri: vscode.Uri, text: string, args: AddToCatalogArgs): Promise<string | undefined> {
    const type = args.type ?? ((await vscode.window.showQuickPick([...ENTITY_TYPES], { title: `Type of ${quoted(text)}` })) as EntityType | undefined);
    if (!type || !ENTITY_TYPES.includes(type)) return undefined;
    const name =
      args.name ??
      (await vscode.window.showInputBox({
        title: `English name of ${quoted(text)} (optional)`,
        prompt: 'Also makes the id; leave empty to keep only the selected spelling.',
      }));
    if (name === undefined) return undefined;
    let id = '';
    await editJsonFile(
      uri,
      CATALOG_SKELETON,
      (current) => {
        const inFile = idsIn(current);
        id = newEntityId(type, name.trim(), text, (candidate) => inFile.has(candidate) || !!this.service.catalog.get(candidate));
        return { path: ['entities', -1], value: newEntity(id, type, text, name.trim()) };
      },
      'Add entity to catalog',
    );
    return id;
  }

  /**
   * Resolves once the service's catalog (reloaded by its file watcher after our save)
   * satisfies `ready`, or after 10 s. Checking the content, not just the next reload event,
   * matters: creating a missing catalog file triggers a reload of the empty skeleton first.
   */
  private catalogWhere(ready: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      if (ready()) return resolve();
      const finish = (): void => {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      };
      const timer = setTimeout(finish, 10_000);
      const sub = this.service.onDidLoadCatalog(() => ready() && finish());
    });
  }

  /** Analyses the live text with the reloaded catalog: is the selection a mention of `entityId`? */
  private isMatched(document: vscode.TextDocument, selection: { start: number; end: number }, entityId: string): boolean {
    const analysis = this.service.analyze(document.uri.toString(), vscode.workspace.asRelativePath(document.uri, false), document.getText());
    return analysis.mentions.some((m) => m.entityId === entityId && m.start < selection.end && selection.start < m.end);
  }
}

export function registerAddToCatalog(context: vscode.ExtensionContext, service: CorpusService): void {
  const command = new AddToCatalog(service);
  context.subscriptions.push(vscode.commands.registerCommand(Commands.addSelectionToCatalog, (args?: unknown) => command.run(validArgs(args))));
}

/** Arguments can come from anywhere (keybindings, links): keep only well-typed fields. */
function validArgs(args: unknown): AddToCatalogArgs {
  if (!args || typeof args !== 'object' || args instanceof vscode.Uri) return {};
  const a = args as Record<string, unknown>;
  return {
    ...(a.mode === 'alias' || a.mode === 'new' ? { mode: a.mode } : {}),
    ...(typeof a.entityId === 'string' ? { entityId: a.entityId } : {}),
    ...(ENTITY_TYPES.includes(a.type as EntityType) ? { type: a.type as EntityType } : {}),
    ...(typeof a.name === 'string' ? { name: a.name } : {}),
  };
}
