/**
 * The "Entities" view: entity type → entity (mention count) → each mention with a one-line
 * preview. Selecting a mention opens it with the range selected. An entity mentioned more
 * than FLAT_MENTIONS times lists its documents (with counts), each opening onto its mentions:
 * in a corpus of 10,000 articles one minister has thousands of mentions, a list no one reads
 * and that VS Code would build item by item. Long lists come a page at a time ("N more").
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
  | { kind: 'document'; entityId: string; documentId: string; count: number }
  | { kind: 'mention'; mention: EntityMention; index: number }
  /** The rest of a long list, from `from` on: the children of `of` past the page shown. */
  | { kind: 'more'; of: Extract<Node, { kind: 'entity' | 'document' }>; from: number; remaining: number };

/** Up to this many mentions, an entity lists them directly; past it, by document. */
export const FLAT_MENTIONS = 100;
/** Children shown at once; the rest behind a "more" node. */
export const PAGE = 200;

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
    if (node.kind === 'entity' || node.kind === 'document') return this.page(node, 0);
    if (node.kind === 'more') return this.page(node.of, node.from);
    return [];
  }

  /** The children of an entity or a document node from `from` on, a page of them, then "more". */
  private page(of: Extract<Node, { kind: 'entity' | 'document' }>, from: number): Node[] {
    const all = this.childrenOf(of);
    const shown = all.slice(from, from + PAGE);
    const rest = all.length - from - shown.length;
    return rest > 0 ? [...shown, { kind: 'more', of, from: from + PAGE, remaining: rest }] : shown;
  }

  private childrenOf(of: Extract<Node, { kind: 'entity' | 'document' }>): Node[] {
    const index = this.service.index;
    if (of.kind === 'document') return index.mentionsIn(of.entityId, of.documentId).map((mention, i) => ({ kind: 'mention' as const, mention, index: i }));
    if (of.count <= FLAT_MENTIONS) return index.mentionsOf(of.entityId).map((mention, i) => ({ kind: 'mention' as const, mention, index: i }));
    return index.documentsOf(of.entityId).map((d) => ({ kind: 'document' as const, entityId: of.entityId, documentId: d.documentId, count: d.count }));
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
    if (node.kind === 'document') {
      const doc = this.service.index.get(node.documentId);
      const item = new vscode.TreeItem(isolate(doc?.title || doc?.path || node.documentId), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.count} ${node.count === 1 ? 'mention' : 'mentions'}`;
      item.tooltip = doc?.path;
      item.iconPath = new vscode.ThemeIcon('file');
      item.contextValue = 'corpusEntityDocument';
      item.id = `entity:${node.entityId}:doc:${node.documentId}`;
      return item;
    }
    if (node.kind === 'more') {
      const item = new vscode.TreeItem(`${node.remaining.toLocaleString()} more…`, vscode.TreeItemCollapsibleState.Collapsed);
      item.contextValue = 'corpusMore';
      item.id = `${node.of.kind === 'entity' ? `entity:${node.of.entityId}` : `entity:${node.of.entityId}:doc:${node.of.documentId}`}:more:${node.from}`;
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
    // With an entity id: that entity's children, each with its own children (two levels).
    vscode.commands.registerCommand(Commands.entityTreeSnapshot, (entityId?: string): EntityTreeRow[] => {
      const withChildren = (n: Node): EntityTreeRow => ({ ...row(provider.getTreeItem(n)), children: provider.getChildren(n).map((c) => row(provider.getTreeItem(c))) });
      if (typeof entityId === 'string') return provider.getChildren({ kind: 'entity', entityId, count: service.index.mentionCountOf(entityId) }).map(withChildren);
      return provider.getChildren().map(withChildren);
    }),
  );
}
