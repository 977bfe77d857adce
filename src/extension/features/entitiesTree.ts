/**
 * The "Entities" view: entity type → entity (mention count) → each mention with a one-line
 * preview. Selecting a mention opens it with the range selected.
 */
import * as vscode from 'vscode';
import { ENTITY_TYPES, type EntityType } from '../../core/catalog/types';
import type { EntityMention } from '../../core/index/corpusIndex';
import { Commands } from '../commandIds';
import type { CorpusService } from '../corpus/corpusService';
import { isolate } from '../markdown';

type Node =
  | { kind: 'type'; type: EntityType; count: number }
  | { kind: 'entity'; entityId: string; count: number }
  | { kind: 'mention'; mention: EntityMention; index: number };

const TYPE_LABEL: Record<EntityType, string> = {
  person: 'People',
  place: 'Places',
  organization: 'Organizations',
  agreement: 'Agreements',
  event: 'Events',
};
const TYPE_ICON: Record<EntityType, string> = {
  person: 'person',
  place: 'location',
  organization: 'organization',
  agreement: 'law',
  event: 'calendar',
};

export class EntitiesTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly service: CorpusService) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    const catalog = this.service.catalog;
    if (!catalog) return [];
    const counts = this.service.index.entityCounts();
    if (!node) {
      return ENTITY_TYPES.map((type) => ({
        kind: 'type' as const,
        type,
        count: counts.filter((c) => catalog.get(c.entityId)?.type === type).length,
      })).filter((n) => n.count > 0);
    }
    if (node.kind === 'type') {
      return counts.filter((c) => catalog.get(c.entityId)?.type === node.type).map((c) => ({ kind: 'entity' as const, entityId: c.entityId, count: c.mentions }));
    }
    if (node.kind === 'entity') {
      return this.service.index.mentionsOf(node.entityId).map((mention, index) => ({ kind: 'mention' as const, mention, index }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const catalog = this.service.catalog;
    if (node.kind === 'type') {
      const item = new vscode.TreeItem(TYPE_LABEL[node.type], vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.count);
      item.iconPath = new vscode.ThemeIcon(TYPE_ICON[node.type]);
      item.contextValue = 'corpusEntityType';
      item.id = `type:${node.type}`;
      return item;
    }
    if (node.kind === 'entity') {
      const e = catalog.get(node.entityId);
      const item = new vscode.TreeItem(isolate(e?.names.ar ?? e?.names.en ?? node.entityId), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${e?.names.en ?? ''} · ${node.count}`;
      const tooltip = new vscode.MarkdownString();
      tooltip.appendText(`${e?.names.ar ?? ''} ${e?.names.en ?? ''}\n${node.count} mentions`);
      item.tooltip = tooltip;
      item.contextValue = `corpusEntity.${e?.type ?? 'unknown'}`;
      item.id = `entity:${node.entityId}`;
      return item;
    }
    const m = node.mention;
    const doc = this.service.index.get(m.documentId);
    const item = new vscode.TreeItem(isolate(m.text), vscode.TreeItemCollapsibleState.None);
    item.description = isolate(doc?.title ?? doc?.path ?? '');
    item.tooltip = doc?.path;
    item.contextValue = 'corpusMention';
    item.id = `mention:${m.documentId}:${m.start}`;
    item.command = { command: Commands.openMention, title: 'Open Mention', arguments: [m.documentId, m.start, m.end] };
    return item;
  }
}

/** One row of the internal `corpusLens.entityTreeSnapshot` command (for tests and scripts). */
export interface EntityTreeRow {
  label: string;
  description: string;
  contextValue: string;
  children?: EntityTreeRow[];
}

function row(item: vscode.TreeItem): EntityTreeRow {
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  return { label, description: String(item.description ?? ''), contextValue: item.contextValue ?? '' };
}

export function registerEntitiesTree(context: vscode.ExtensionContext, service: CorpusService): void {
  const provider = new EntitiesTreeProvider(service);
  const view = vscode.window.createTreeView('corpusLens.entities', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(
    view,
    service.onDidChange(() => provider.refresh()),
    service.onDidLoadCatalog(() => provider.refresh()),
    // The tree's first two levels as the user sees them: types, then entities with counts.
    vscode.commands.registerCommand(Commands.entityTreeSnapshot, (): EntityTreeRow[] =>
      provider.getChildren().map((type) => ({ ...row(provider.getTreeItem(type)), children: provider.getChildren(type).map((e) => row(provider.getTreeItem(e))) })),
    ),
  );
}
