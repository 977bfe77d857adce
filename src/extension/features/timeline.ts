/**
 * Registers the timeline: "Corpus: Show Timeline", "Show on Timeline" (an entity, from the
 * Entities view or with an id argument), and the small API the integration tests use.
 */
import * as vscode from 'vscode';
import type { TimelineEvent } from '../../core/events';
import type { DocumentSummary } from '../../webview/protocol';
import type { CorpusService } from '../corpus/corpusService';
import { TimelinePanel } from './timelinePanel';

/** Command ids of the timeline (package.json contributes the same ids). */
export const TimelineCommands = {
  showTimeline: 'corpusLens.showTimeline',
  showOnTimeline: 'corpusLens.showOnTimeline',
} as const;

/** What `activate()` exposes of the timeline, for integration tests. */
export interface TimelineApi {
  /** Whether the panel is open. */
  readonly isOpen: boolean;
  /** The last event count the webview reported drawing; undefined until it has drawn. */
  readonly lastRendered: number | undefined;
  /** The latest gathering of the events: documents read of all, and how it went (it stops when the panel closes). */
  readonly collection: { readonly done: number; readonly total: number; readonly state: 'running' | 'finished' | 'stopped' } | undefined;
  /** How many events the page held when it last drew (what it was sent, patches applied). */
  readonly lastHeld: number | undefined;
  /** All the timeline's events, chronological. */
  events(): readonly TimelineEvent[];
  /** The events last posted to the webview: all of them, or a sample of a large timeline. */
  sentEvents(): readonly TimelineEvent[];
  /** The documents last posted to the webview: those of the events sent, and the chosen one. */
  sentDocuments(): readonly DocumentSummary[];
  /** The last answer to the page's document box (`findDocuments`), and its query. */
  readonly lastDocumentMatches: { readonly query: string; readonly documents: readonly DocumentSummary[]; readonly total: number } | undefined;
  /** Updates posted to the page so far: as patches of what it held, and whole (after a `resync`, or a change of most events). */
  readonly updatesPosted: { readonly patch: number; readonly whole: number };
  /** Internal, for tests: the most events posted to the webview at once (MAX_DRAWN_EVENTS). */
  drawLimit: number;
  /** Resolves with the next `rendered` count above zero the webview reports (or the last one, if already drawn). */
  whenRendered(timeoutMs: number): Promise<number>;
  /** Handles a message exactly as one posted by the webview (validated the same way). */
  handle(message: unknown): Promise<void>;
  /** Makes `panel` the timeline, as the serializer does with the panel VS Code restores after a reload. */
  restore(panel: vscode.WebviewPanel): void;
}

let panel: TimelinePanel | undefined;

export const timelineApi: TimelineApi = {
  get isOpen() {
    return panel?.isOpen ?? false;
  },
  get lastRendered() {
    return panel?.lastRendered;
  },
  get collection() {
    return panel?.collection;
  },
  get lastHeld() {
    return panel?.lastHeld;
  },
  events: () => panel?.events ?? [],
  sentEvents: () => panel?.sentEvents ?? [],
  sentDocuments: () => panel?.sentDocuments ?? [],
  get lastDocumentMatches() {
    return panel?.lastDocumentMatches;
  },
  get drawLimit() {
    return panel?.drawLimit ?? 0;
  },
  get updatesPosted() {
    return { ...(panel?.updatesPosted ?? { patch: 0, whole: 0 }) };
  },
  set drawLimit(limit: number) {
    if (panel) panel.drawLimit = limit;
  },
  restore: (p) => panel?.restore(p),
  whenRendered: (timeoutMs) =>
    new Promise((resolve, reject) => {
      if (!panel) return reject(new Error('timeline not registered'));
      if ((panel.lastRendered ?? 0) > 0) return resolve(panel.lastRendered!);
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`the timeline webview did not report rendering within ${timeoutMs} ms`));
      }, timeoutMs);
      const sub = panel.onDidRender((count) => {
        if (count === 0) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(count);
      });
    }),
  handle: (message) => panel?.handle(message) ?? Promise.resolve(),
};

/** An entity id from a command argument: a string, or an Entities-view node `{ entityId }`. */
function entityIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'object' && arg !== null && typeof (arg as { entityId?: unknown }).entityId === 'string') return (arg as { entityId: string }).entityId;
  return undefined;
}

export function registerTimeline(context: vscode.ExtensionContext, service: CorpusService): void {
  panel = new TimelinePanel(context, service);
  context.subscriptions.push(
    panel,
    vscode.commands.registerCommand(TimelineCommands.showTimeline, () => panel!.show()),
    vscode.commands.registerCommand(TimelineCommands.showOnTimeline, async (arg: unknown) => {
      await service.start();
      const id = entityIdOf(arg);
      if (!id || !service.catalog.get(id)) {
        void vscode.window.showErrorMessage('Corpus Lens: Show on Timeline needs a catalogued entity.');
        return;
      }
      await panel!.show(id);
    }),
  );
}
