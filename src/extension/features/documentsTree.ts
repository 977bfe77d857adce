/**
 * The "Documents" view: one item per document with its title, date (and where the date came
 * from), entity count and review state; selecting it opens the document. Sorted by name or
 * by date (a view-title toggle, remembered per workspace). Reveals the active editor's document.
 *
 * The tree's elements are document ids, which stay the same when a document is analysed
 * again: a change to a few documents that leaves the list in the same order refreshes just
 * their items. Refreshing the whole list makes VS Code process every item again, which at
 * 10,000 documents held the extension host for about a second per changed file; so the list
 * also comes PAGE documents at a time ("N more…"), and a full refresh (a rebuild, a new
 * file) costs one page.
 */
import * as vscode from 'vscode';
import type { DocumentDate } from '../../core/dates/types';
import type { StoredDocument } from '../../core/index/corpusIndex';
import { comparePaths } from '../../core/review/reviewFile';
import { Commands } from '../commandIds';
import type { CorpusService, IndexChange } from '../corpus/corpusService';
import { isolate } from '../markdown';
import { sharedReviewStore, type ReviewStore } from '../review/reviewStore';

export type DocumentsSort = 'name' | 'date';
const SORT_KEY = 'corpusLens.documentsSort';

const SOURCE_LABEL: Record<DocumentDate['source'], string> = {
  header: 'from the header',
  filename: 'from the file name',
  metadata: 'set by a reviewer',
  inferred: 'inferred from a weekday',
  none: '',
};
/** Short marks in the description; a header date, the usual case, goes unmarked. */
const SOURCE_MARK: Partial<Record<DocumentDate['source'], string>> = { filename: ' (file name)', metadata: ' (set)', inferred: ' (inferred)' };

/** Past this many changed documents at once, the whole list is refreshed. */
const ITEM_REFRESH_LIMIT = 50;
/** Documents listed at once; the rest behind a "more" element. */
export const PAGE = 500;
/** A "more" element: this prefix and the position it continues from (no document id starts so). */
const MORE = '\u0000more:';
const moreAt = (from: number): string => `${MORE}${from}`;
const isMore = (element: string): boolean => element.startsWith(MORE);

export class DocumentsTreeProvider implements vscode.TreeDataProvider<string> {
  private readonly emitter = new vscode.EventEmitter<string | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /**
   * Items made, by document (a re-analysed document is another object) and review version.
   * Every change to the index refreshes the whole list, and VS Code asks for every item
   * again: making 10,000 of them (review lookup, tooltip) took 240–280 ms of the host.
   */
  private readonly items = new WeakMap<StoredDocument, { reviews: number; item: vscode.TreeItem }>();
  private reviewsVersion = 0;
  /** What was refreshed last: the whole list, or these documents' items (for the integration test). */
  lastRefresh: 'all' | string[] = 'all';
  /** The documents in their order, as last listed. */
  private order: string[] = [];
  /** Each listed document's place in `order`, and what it sorted by (path and date). */
  private listed = new Map<string, { position: number; sortKey: string }>();

  constructor(
    private readonly service: CorpusService,
    private readonly reviews: ReviewStore,
    private readonly state: vscode.Memento,
  ) {}

  get sort(): DocumentsSort {
    return this.state.get<DocumentsSort>(SORT_KEY) === 'date' ? 'date' : 'name';
  }

  async toggleSort(): Promise<DocumentsSort> {
    const next: DocumentsSort = this.sort === 'date' ? 'name' : 'date';
    await this.state.update(SORT_KEY, next);
    this.refresh();
    return next;
  }

  refresh(): void {
    this.lastRefresh = 'all';
    this.emitter.fire(undefined);
  }

  /**
   * The index changed. When it names the documents and each of them was listed and sorts
   * where it did, only their items are refreshed; else the whole list is.
   */
  indexChanged(change: IndexChange): void {
    const ids = change.documents;
    if (!ids || ids.length > ITEM_REFRESH_LIMIT) return this.refresh();
    for (const id of ids) {
      const doc = this.service.index.get(id);
      if (!doc || this.listed.get(id)?.sortKey !== sortKeyOf(doc)) return this.refresh();
    }
    this.lastRefresh = [...ids];
    for (const id of ids) this.emitter.fire(id);
  }

  /** Review states changed: every item is made again. */
  reviewsChanged(): void {
    this.reviewsVersion++;
    this.refresh();
  }

  getChildren(element?: string): string[] {
    if (element === undefined) {
      const docs = this.sorted();
      this.order = docs.map((d) => d.id);
      this.listed = new Map(docs.map((d, position) => [d.id, { position, sortKey: sortKeyOf(d) }]));
      return this.page(0);
    }
    return isMore(element) ? this.page(Number(element.slice(MORE.length))) : [];
  }

  /** The documents from `from` on, a page of them, then a "more" element if some are left. */
  private page(from: number): string[] {
    const shown = this.order.slice(from, from + PAGE);
    return from + PAGE < this.order.length ? [...shown, moreAt(from + PAGE)] : shown;
  }

  private sorted(): StoredDocument[] {
    const byName = (a: StoredDocument, b: StoredDocument): number => a.path.localeCompare(b.path);
    const docs = this.service.index.documents();
    if (this.sort === 'name') return docs.sort(byName);
    // ISO strings sort chronologically at any precision; undated documents go last.
    return docs.sort((a, b) => {
      const x = a.date.value ?? '';
      const y = b.date.value ?? '';
      if (!x !== !y) return x ? -1 : 1;
      return comparePaths(x, y) || byName(a, b);
    });
  }

  /** A document past the first page sits in the "more" element of its page, which sits in the one before. */
  getParent(element: string): string | undefined {
    const from = isMore(element) ? Number(element.slice(MORE.length)) - PAGE : Math.floor((this.listed.get(element)?.position ?? 0) / PAGE) * PAGE;
    return from >= PAGE ? moreAt(from) : undefined;
  }

  getTreeItem(id: string): vscode.TreeItem {
    if (isMore(id)) {
      const from = Number(id.slice(MORE.length));
      const item = new vscode.TreeItem(`${(this.order.length - from).toLocaleString()} more…`, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = id;
      item.contextValue = 'corpusMore';
      return item;
    }
    const doc = this.service.index.get(id);
    if (!doc) return new vscode.TreeItem(id); // gone since it was listed; the refresh that follows drops it
    const kept = this.items.get(doc);
    if (kept && kept.reviews === this.reviewsVersion) return kept.item;
    const item = this.makeItem(doc);
    this.items.set(doc, { reviews: this.reviewsVersion, item });
    return item;
  }

  private makeItem(doc: StoredDocument): vscode.TreeItem {
    const entities = doc.entityCount;
    const uri = vscode.Uri.parse(doc.id);
    const review = this.reviews.get(uri);
    const item = new vscode.TreeItem(isolate(doc.title || doc.path), vscode.TreeItemCollapsibleState.None);
    item.id = doc.id;
    const date = doc.date.value ? `${doc.date.value}${SOURCE_MARK[doc.date.source] ?? ''}` : 'undated';
    item.description = `${date} · ${entities} ${entities === 1 ? 'entity' : 'entities'}`;
    const lines = [
      doc.title,
      '',
      doc.path,
      doc.date.value ? `Date: ${doc.date.value}, ${SOURCE_LABEL[doc.date.source]}` : 'No date found',
      `${entities} entities, ${doc.countedMentions} mentions`,
      review ? `${review.state === 'flagged' ? 'Flagged' : 'Reviewed'} ${review.at}${review.note ? `: ${review.note}` : ''}` : 'Not reviewed',
    ];
    if (doc.encoding && doc.encoding !== 'utf-8') lines.push(`encoding: ${doc.encoding}`);
    const tooltip = new vscode.MarkdownString();
    // appendText escapes Markdown: titles and notes are untrusted corpus text.
    tooltip.appendText(lines.join('\n'));
    item.tooltip = tooltip;
    item.resourceUri = uri;
    item.iconPath =
      review?.state === 'reviewed'
        ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
        : review?.state === 'flagged'
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
          : new vscode.ThemeIcon('circle-outline');
    item.contextValue = `corpusDocument.${review?.state ?? 'unreviewed'}`;
    item.command = { command: 'vscode.open', title: 'Open Document', arguments: [uri] };
    return item;
  }
}

/** What the internal `corpusLens.documentTreeItem` command returns (for tests and scripts). */
export interface DocumentTreeItemInfo {
  label: string;
  description: string;
  contextValue: string;
  icon: string;
}

export function registerDocumentsTree(context: vscode.ExtensionContext, service: CorpusService): void {
  const reviews = sharedReviewStore(context);
  const provider = new DocumentsTreeProvider(service, reviews, context.workspaceState);
  const view = vscode.window.createTreeView('corpusLens.documents', { treeDataProvider: provider, showCollapseAll: false, canSelectMany: true });
  const showSort = (): void => void (view.description = provider.sort === 'date' ? 'by date' : 'by name');
  showSort();
  const revealActive = (): void => {
    const editor = vscode.window.activeTextEditor;
    const doc = editor && service.index.get(editor.document.uri.toString());
    if (doc && view.visible) void view.reveal(doc.id, { select: true, focus: false }).then(undefined, () => undefined);
  };
  context.subscriptions.push(
    view,
    service.onDidChange((change) => provider.indexChanged(change)),
    reviews.onDidChange(() => provider.reviewsChanged()),
    vscode.window.onDidChangeActiveTextEditor(revealActive),
    vscode.commands.registerCommand(Commands.toggleDocumentsSort, async () => {
      const sort = await provider.toggleSort();
      showSort();
      return sort;
    }),
    vscode.commands.registerCommand(Commands.documentTreeLastRefresh, () => provider.lastRefresh),
    vscode.commands.registerCommand(Commands.documentTreeLevel, (element?: string) =>
      provider.getChildren(element).map((id) => {
        const label = provider.getTreeItem(id).label;
        return { id, label: typeof label === 'string' ? label : (label?.label ?? '') };
      }),
    ),
    vscode.commands.registerCommand(Commands.documentTreeItem, (uri: unknown): DocumentTreeItemInfo | undefined => {
      const doc = service.index.get(uri instanceof vscode.Uri ? uri.toString() : String(uri));
      if (!doc) return undefined;
      const item = provider.getTreeItem(doc.id);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      return { label, description: String(item.description ?? ''), contextValue: item.contextValue ?? '', icon: (item.iconPath as vscode.ThemeIcon).id };
    }),
  );
}

/** What decides where a document sorts, by name or by date. */
function sortKeyOf(doc: StoredDocument): string {
  return `${doc.path}\u0000${doc.date.value ?? ''}`;
}
