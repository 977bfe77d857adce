/**
 * An update of the timeline as the change from what the page holds: the events and documents
 * that left, those that came, and the entities when they changed. A file saved in a
 * 10,000-document corpus changes a handful of the 2,000 events the page draws; posting them
 * all again cost the host 30–60 ms and the page about 250 ms before it could draw (transit
 * and checking of 1.9 MB). The host makes the patch (patchOf), the page applies it
 * (applyPatch) and asks for the whole data again if it does not fit what it holds.
 * Pure, no DOM and no `vscode`: compiled into both the extension and the webview.
 */
import type { DocumentSummary, EntitySummary, TimelineData, TimelineEvent } from './protocol';

export interface TimelinePatch {
  /** Ids of the page's events that are gone (or replaced: then also in `added`). */
  removed: string[];
  /** The new events, in order. */
  added: TimelineEvent[];
  /** Where each of `added` sits in the new list of events (ascending). */
  addedAt: number[];
  /** How many events the new list holds. */
  count: number;
  /** The new data's `total` (null: the events are all there is, not a sample). */
  total: number | null;
  /** The new entities, when they differ from the page's. */
  entities?: EntitySummary[];
  /** Ids of documents the page no longer needs. */
  documentsRemoved: string[];
  /** Documents new to the page, or whose title or path changed. */
  documentsAdded: DocumentSummary[];
}

/**
 * The patch from `before` (what the page holds) to `after`, or undefined when posting
 * `after` whole is as good (the change touches most of it). Events are compared by identity:
 * the host keeps each unchanged document's event objects, and a document analysed again gets
 * new ones, which go out again even where equal.
 */
export function patchOf(before: TimelineData, after: TimelineData, sameEntities: boolean): TimelinePatch | undefined {
  const kept = new Set(before.events);
  const stays = new Set<TimelineEvent>();
  const added: TimelineEvent[] = [];
  const addedAt: number[] = [];
  after.events.forEach((e, k) => {
    if (kept.has(e)) stays.add(e);
    else {
      added.push(e);
      addedAt.push(k);
    }
  });
  const removed: string[] = [];
  for (const e of before.events) if (!stays.has(e)) removed.push(e.id);
  if (added.length + removed.length > Math.max(16, after.events.length / 2)) return undefined;
  const beforeDocs = new Map(before.documents.map((d) => [d.id, d]));
  const afterIds = new Set<string>();
  const documentsAdded: DocumentSummary[] = [];
  for (const d of after.documents) {
    afterIds.add(d.id);
    const had = beforeDocs.get(d.id);
    if (!had || had.title !== d.title || had.path !== d.path) documentsAdded.push(d);
  }
  const documentsRemoved = before.documents.filter((d) => !afterIds.has(d.id)).map((d) => d.id);
  const patch: TimelinePatch = { removed, added, addedAt, count: after.events.length, total: after.total ?? null, documentsRemoved, documentsAdded };
  if (!sameEntities) patch.entities = after.entities;
  return patch;
}

/** Whether the patch changes nothing the page holds. */
export function isEmptyPatch(p: TimelinePatch): boolean {
  return !p.removed.length && !p.added.length && !p.entities && !p.documentsRemoved.length && !p.documentsAdded.length;
}

/**
 * The page's data with the patch applied, or undefined when the patch does not fit it (an
 * event it does not hold, counts that disagree): the page then asks for the whole data.
 */
export function applyPatch(data: TimelineData, p: TimelinePatch): TimelineData | undefined {
  const removed = new Set(p.removed);
  if (removed.size !== p.removed.length) return undefined;
  const kept = data.events.filter((e) => !removed.has(e.id));
  if (kept.length !== data.events.length - removed.size || kept.length + p.added.length !== p.count || p.added.length !== p.addedAt.length) return undefined;
  const events: TimelineEvent[] = new Array(p.count);
  let from = 0;
  let at = 0;
  for (let k = 0; k < p.count; k++) {
    if (at < p.addedAt.length && p.addedAt[at] === k) events[k] = p.added[at++]!;
    else events[k] = kept[from++]!;
  }
  if (at !== p.added.length || from !== kept.length) return undefined; // addedAt not ascending, or out of range
  const documents = new Map(data.documents.map((d) => [d.id, d]));
  for (const id of p.documentsRemoved) documents.delete(id);
  for (const d of p.documentsAdded) documents.set(d.id, d);
  const next: TimelineData = { events, entities: p.entities ?? data.entities, documents: [...documents.values()] };
  if (p.total !== null) next.total = p.total;
  return next;
}
