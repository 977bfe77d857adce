/**
 * The one timeline panel. The host builds the events, posts them to the webview (never in
 * the HTML), and handles what the webview sends back through `handle()`, which validates
 * every message first: a page that shows corpus text is not trusted to name arbitrary
 * documents, ranges or files. The integration test drives the same `handle()`.
 */
import * as vscode from 'vscode';
import type { TimelineEvent } from '../../core/events';
import { checkWebviewMessage, type DocumentSummary, type FilterState, type HostMessage, type TimelineData, type WebviewMessage } from '../../webview/protocol';
import type { CorpusService } from '../corpus/corpusService';
import { log } from '../log';
import { openMention } from './navigation';
import { collectTimelineData, DocumentEvents } from './timelineData';
import { DocumentFinder, type DocumentMatches } from './timelineDocuments';
import { saveExport, toCsv, toJson } from './timelineExport';
import { timelineHtml } from './timelineHtml';
import { matchingSteps, MAX_DRAWN_EVENTS, timelineViewSteps } from './timelineView';
import { runInSlices } from '../hostTurns';
import { isEmptyPatch, patchOf } from '../../webview/timelinePatch';

const VIEW_TYPE = 'corpusLens.timeline';
const STATE_KEY = 'corpusLens.timeline.filter';
/**
 * While the file watcher's files are still being analysed, an update waits for them, this
 * long at most: a rename (a delete, then a create being read) shows as one change.
 */
const UPDATE_SETTLE_MAX_MS = 200;
/** How often it looks again meanwhile. */
const UPDATE_SETTLE_POLL_MS = 10;
/** At most one update this often while changes keep coming. */
const UPDATE_INTERVAL_MS = 400;

export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private data: TimelineData = { events: [], entities: [], documents: [] };
  private readonly documentEvents = new DocumentEvents();
  private pendingFocus: string | null = null;
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the last update started (Date.now()). */
  private lastUpdate = 0;
  private readonly renderedEmitter = new vscode.EventEmitter<number>();
  /** Fires with the count each time the webview reports it has drawn the events. */
  readonly onDidRender = this.renderedEmitter.event;
  /** The last `rendered` count from the visible page; undefined until it has drawn. */
  lastRendered: number | undefined;
  /** How many events the page said it held when it last drew. */
  lastHeld: number | undefined;
  private readonly disposables: vscode.Disposable[] = [this.renderedEmitter];
  /** The most events posted to the webview at once (tests lower it to see the sampling at work). */
  drawLimit = MAX_DRAWN_EVENTS;
  /** What the webview was last sent: all the events, or a sample with its `total`. */
  private sent: TimelineData = this.data;
  /** Whether the page holds `sent`, as far as the host knows: updates then go as patches of it. */
  private pageHoldsSent = false;
  /** `sent`'s entities as JSON: a patch carries them only when they changed. */
  private sentEntities = '';
  /** Updates posted as patches and posted whole, so far (for tests). */
  readonly updatesPosted = { patch: 0, whole: 0 };
  /** Whether the page has its first data (`init`): until then it is told how the reading goes. */
  private initPosted = false;
  /** The latest gathering of the events: documents done of all, and how it went. */
  collection: { done: number; total: number; state: 'running' | 'finished' | 'stopped' } | undefined;
  /** Questions of the document box so far: an answer is posted only to the latest. */
  private findRequests = 0;
  /** Answers the page's document box, for one version of the data. */
  private documentFinder: { for: TimelineData; finder: DocumentFinder } | undefined;
  /** The last answer to the page's document box, and its query. */
  lastDocumentMatches: (DocumentMatches & { query: string }) | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly service: CorpusService,
  ) {
    this.disposables.push(
      service.onDidChange(() => this.scheduleUpdate()),
      // After a window reload, VS Code hands back the panel that was open; its filters come
      // back from workspace state when the page says it is ready.
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, { deserializeWebviewPanel: async (panel) => this.restore(panel) }),
    );
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** All the timeline's events, chronological (the webview may have a sample of them). */
  get events(): readonly TimelineEvent[] {
    return this.data.events;
  }

  /** The events last posted to the webview. */
  get sentEvents(): readonly TimelineEvent[] {
    return this.sent.events;
  }

  /** The documents last posted to the webview. */
  get sentDocuments(): readonly DocumentSummary[] {
    return this.sent.documents;
  }

  /** Opens or reveals the panel; with an entity, filters the timeline to it. */
  async show(focusEntity?: string): Promise<void> {
    this.pendingFocus = focusEntity ?? null;
    if (this.panel) {
      this.panel.reveal();
      if (focusEntity && this.ready) this.post({ type: 'focus', entityId: focusEntity });
      return;
    }
    this.restore(vscode.window.createWebviewPanel(VIEW_TYPE, 'Corpus Timeline', vscode.ViewColumn.Active, this.webviewOptions()));
  }

  private webviewOptions(): vscode.WebviewOptions {
    const root = this.context.extensionUri;
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(root, 'dist', 'webview'), vscode.Uri.joinPath(root, 'media')] };
  }

  /**
   * Makes `panel` the timeline: a new one, or one VS Code restores after a reload (the
   * serializer's case; public so the integration test can hand it a panel the same way).
   */
  restore(panel: vscode.WebviewPanel): void {
    if (this.panel && this.panel !== panel) this.panel.dispose(); // there is one timeline
    const root = this.context.extensionUri;
    panel.webview.options = this.webviewOptions();
    panel.iconPath = vscode.Uri.joinPath(root, 'media', 'corpus.svg');
    this.panel = panel;
    this.ready = false;
    this.initPosted = false;
    panel.onDidDispose(() => {
      if (this.panel !== panel) return; // replaced by a restored one
      this.panel = undefined;
      this.ready = false;
      this.initPosted = false;
      this.lastRendered = undefined;
    }, null, this.disposables);
    // A hidden webview's page is discarded; it posts `ready` again when shown.
    panel.onDidChangeViewState((e) => {
      if (!e.webviewPanel.visible) {
        this.ready = false;
        this.initPosted = false;
        this.lastRendered = undefined;
      }
    }, null, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => void this.handle(m), null, this.disposables);
    panel.webview.html = timelineHtml(panel.webview, root);
  }

  /** Handles one message from the webview (or from a test acting as it). */
  async handle(raw: unknown): Promise<void> {
    const checked = checkWebviewMessage(raw, (id) => this.documentEvents.timeline.get(id) !== undefined);
    if (!checked.ok) {
      log().warn(`Timeline: ignored a message from the webview: ${checked.error}`);
      return;
    }
    const m: WebviewMessage = checked.value;
    switch (m.type) {
      case 'ready':
        // Also after the panel was hidden and shown again: the page starts over.
        this.ready = true;
        await this.service.start();
        await this.refresh();
        await this.postView('init');
        return;
      case 'resync':
        this.pageHoldsSent = false;
        await this.postView('update');
        return;
      case 'rendered':
        this.lastHeld = m.held;
        this.lastRendered = m.count;
        this.renderedEmitter.fire(m.count);
        return;
      case 'open':
        await this.open(this.documentEvents.timeline.get(m.eventId)!);
        return;
      case 'filterChanged':
        await this.context.workspaceState.update(STATE_KEY, m.state);
        // A sample is drawn for one filter and window: the new ones get their own.
        if (this.sent.total !== undefined || this.data.events.length > this.drawLimit) await this.postView('update');
        return;
      case 'export':
        await this.export(m);
        return;
      case 'findDocuments': {
        // In slices (a large corpus's first question sorts every document); a newer question drops this one.
        const ticket = ++this.findRequests;
        if (this.documentFinder?.for !== this.data) this.documentFinder = { for: this.data, finder: new DocumentFinder(this.data.documents) };
        const found = await runInSlices(whileTrue(this.documentFinder.finder.findSteps(m.query), () => ticket === this.findRequests));
        if (!found) return;
        const matches = { query: m.query, ...found };
        this.lastDocumentMatches = matches;
        this.post({ type: 'documentMatches', ...matches });
        return;
      }
    }
  }

  private async open(e: TimelineEvent): Promise<void> {
    if (e.documentId && e.range) {
      // Beside the timeline, so the timeline stays in view while the passage is read.
      await openMention(this.service, e.documentId, e.range.start, e.range.end, vscode.ViewColumn.Beside);
      return;
    }
    // A catalog entry: its first mention in the corpus, if any.
    const first = e.catalogId ? this.service.index.documentsOf(e.catalogId)[0] : undefined;
    if (first) await openMention(this.service, first.documentId, first.first.start, first.first.end);
    else void vscode.window.showInformationMessage(`Corpus Lens: “${e.label}” is in the catalog but not mentioned in this corpus.`);
  }

  private async export(m: Extract<WebviewMessage, { type: 'export' }>): Promise<void> {
    // The page shows a sample of a large timeline: the table gets every event its filter and window hold.
    const events = this.sent.total !== undefined && m.format !== 'svg' ? await runInSlices(matchingSteps(this.data, this.filterState())) : m.eventIds.map((id) => this.documentEvents.timeline.get(id)!);
    const pathOf = (id: string): string => this.service.index.get(id)?.path ?? id;
    const content = m.format === 'svg' ? m.svg : m.format === 'csv' ? toCsv(events, pathOf) : toJson(events, pathOf);
    try {
      const uri = await saveExport(m.format, content);
      if (uri) void vscode.window.showInformationMessage(`Corpus Lens: exported ${m.format === 'svg' ? 'the timeline' : `${events.length} events`} to ${vscode.workspace.asRelativePath(uri)}.`);
    } catch (e) {
      void vscode.window.showErrorMessage(`Corpus Lens: export failed: ${(e as Error).message}`);
    }
  }

  /**
   * Gathers the events again. The first time, every document's text is read for its dated
   * sentences: seconds for a large corpus, so the window's status bar shows how far it is.
   */
  private refresh(): Promise<void> {
    // One at a time: a run updates the merged timeline in steps, between which another could start.
    const run = this.refreshing.then(() => this.collect());
    this.refreshing = run.catch(() => undefined);
    return run;
  }

  private refreshing: Promise<void> = Promise.resolve();

  private async collect(): Promise<void> {
    const collection: NonNullable<TimelinePanel['collection']> = { done: 0, total: this.service.index.size, state: 'running' };
    this.collection = collection;
    const data = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Corpus timeline' }, async (progress) => {
      let shown = 0;
      const report = (done: number, total: number): void => {
        collection.done = done;
        collection.total = total;
        const percent = Math.floor((done / total) * 100);
        if (percent === shown) return;
        progress.report({ message: `${done.toLocaleString()} of ${total.toLocaleString()} documents`, increment: percent - shown });
        shown = percent;
        // The page shows the count too until it has its first data (at 100,000 documents, minutes).
        if (this.ready && !this.initPosted) this.post({ type: 'progress', done, total });
      };
      // Closing the panel stops the reading: what was read is kept for the next time it opens.
      return collectTimelineData(this.service, this.documentEvents, report, () => !this.panel);
    });
    collection.state = data ? 'finished' : 'stopped';
    if (data) this.data = data;
  }

  /**
   * Index changes come alone (a file saved) or in bursts (typing, a folder copied in). One
   * alone shows at once, when the files the watcher reported with it are analysed (up to
   * UPDATE_SETTLE_MAX_MS); in a burst, updates come at most every UPDATE_INTERVAL_MS, each
   * with everything changed so far. (A fixed wait of 50 ms, and before it a debounce of
   * 400 ms, made every single change wait that long.)
   */
  private scheduleUpdate(): void {
    if (!this.panel || !this.ready || this.timer !== undefined) return;
    let settling: number | undefined;
    const run = async (): Promise<void> => {
      settling ??= Date.now();
      if (this.service.filesUpdating > 0 && Date.now() - settling < UPDATE_SETTLE_MAX_MS) {
        this.timer = setTimeout(run, UPDATE_SETTLE_POLL_MS);
        return;
      }
      this.timer = undefined;
      this.lastUpdate = Date.now();
      try {
        await this.refresh();
        await this.postView('update');
      } catch (e) {
        log().error(`Timeline update failed: ${(e as Error).stack ?? String(e)}`);
      }
    };
    this.timer = setTimeout(run, Math.max(0, this.lastUpdate + UPDATE_INTERVAL_MS - Date.now()));
  }

  private filterState(): FilterState | null {
    return this.context.workspaceState.get<FilterState>(STATE_KEY) ?? null;
  }

  /**
   * Posts the page's first data or an update, one at a time and in order. The data for a
   * large corpus is worked out in slices (a text filter reads every label); an update asked
   * for while another waits or runs makes that one pointless: it is dropped, or stopped
   * between two slices.
   */
  private postView(kind: 'init' | 'update'): Promise<void> {
    const ticket = ++this.viewRequests;
    const latest = (): boolean => kind === 'init' || ticket === this.viewRequests;
    const run = this.viewing.then(async () => {
      if (!latest()) return;
      const data = await runInSlices(whileTrue(timelineViewSteps(this.data, this.filterState(), this.drawLimit), latest));
      if (!data) return;
      const previous = this.sent;
      this.sent = data;
      if (kind === 'update') return this.postUpdate(previous, data);
      this.sentEntities = JSON.stringify(data.entities);
      this.pageHoldsSent = true;
      this.post({ type: 'init', data, state: this.filterState(), focusEntity: this.pendingFocus });
      this.initPosted = true;
      this.pendingFocus = null;
    });
    this.viewing = run.catch(() => undefined);
    return run;
  }

  private viewing: Promise<void> = Promise.resolve();
  private viewRequests = 0;

  /** Posts an update as a patch of what the page holds when that is smaller, else whole; nothing when nothing changed. */
  private postUpdate(previous: TimelineData, data: TimelineData): void {
    const entities = JSON.stringify(data.entities);
    const patch = this.pageHoldsSent ? patchOf(previous, data, entities === this.sentEntities) : undefined;
    this.sentEntities = entities;
    this.pageHoldsSent = true;
    if (!patch) {
      this.updatesPosted.whole++;
      return this.post({ type: 'update', data });
    }
    if (isEmptyPatch(patch) && patch.total === (previous.total ?? null)) return;
    this.updatesPosted.patch++;
    this.post({ type: 'patch', patch });
  }

  private post(message: HostMessage): void {
    const panel = this.panel;
    if (!panel) return;
    // A message the page did not get leaves it without what the next patch builds on.
    void Promise.resolve(panel.webview.postMessage(message)).then(
      (delivered) => {
        if (!delivered && this.panel === panel) this.pageHoldsSent = false;
      },
      () => undefined,
    );
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The steps' result, or undefined once `go()` says to stop (checked before each step). */
function* whileTrue<T>(steps: Generator<void, T>, go: () => boolean): Generator<void, T | undefined> {
  for (;;) {
    if (!go()) return undefined;
    const step = steps.next();
    if (step.done) return step.value;
    yield;
  }
}
