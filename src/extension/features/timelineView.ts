/**
 * What of the timeline the webview gets to draw. A corpus of 10,000 articles dates some
 * 140,000 sentences: posting them all cost seconds and tens of megabytes, spreading them
 * overflowed the page's call stack, and an SVG of that many marks cannot be used anyway.
 * Past MAX_DRAWN_EVENTS, the host applies the webview's own filter (the same code, filter.ts)
 * and its time window, and sends a sample of what matches (timelineSample.ts), in chronological order,
 * with the count of all of it: the page says it shows a sample, and zooming in or filtering
 * brings every event of a narrower view. Below the limit, everything goes, as before, and the
 * page filters on its own.
 * The work comes as steps (a generator): at 100,000 documents a text filter reads 1.4
 * million labels, 10 s that the host runs in slices (runInSlices) rather than at once.
 * Pure (no `vscode`), unit-tested in node.
 */
import type { FilterState, TimelineData, TimelineEvent } from '../../webview/protocol';
import { TIMELINE_EVENT_KINDS } from '../../core/events/types';
import { DEFAULT_FILTER } from '../../webview/protocol';
import { EntityFinder, eventFilter } from '../../webview/timeline/filter';
import { extentOf, laterEnd } from '../../webview/timeline/scale';
import { documentsOfEvents } from './timelineDocuments';
import { finishSteps } from '../../core/steps';
import { sampleKeysOf, stableSampleSteps } from './timelineSample';

/**
 * The most events posted to the webview at once. Posting is a serialization on the host:
 * 5,000 events took about 100 ms of it at each change of a large corpus, 2,000 take 40.
 */
export const MAX_DRAWN_EVENTS = 2_000;

/** Events looked at between two steps. */
const STEP_EVENTS = 4_096;

/** The events a filter state lets through and its window holds (every one of them, for an export). */
export function matchingEvents(data: TimelineData, state: FilterState | null): TimelineEvent[] {
  return finishSteps(matchingSteps(data, state));
}

/** matchingEvents as steps, a few thousand events each. */
export function* matchingSteps(data: TimelineData, state: FilterState | null): Generator<void, TimelineEvent[]> {
  return (yield* matchingWithKeysSteps(data, state, undefined)).events;
}

/** matchingSteps, and when `keys` are given (keys[k] being data.events[k]'s), the matching events' keys. */
function* matchingWithKeysSteps(data: TimelineData, state: FilterState | null, keys: Uint32Array | undefined): Generator<void, { events: TimelineEvent[]; keys: Uint32Array | undefined }> {
  const filter = state ?? DEFAULT_FILTER;
  const view = filter.view;
  if (!narrows(filter) && !view) return { events: data.events, keys };
  const keep = narrows(filter) ? eventFilter(data, filter, new EntityFinder(data.entities)) : undefined;
  const events = data.events;
  // Where open-ended spans end (openUntilOf), in steps too.
  let until = 0;
  if (view) {
    for (let k = 0; k < events.length; k++) {
      until = laterEnd(until, events[k]!);
      if (k % STEP_EVENTS === STEP_EVENTS - 1) yield;
    }
  }
  const out: TimelineEvent[] = [];
  const outKeys: number[] = [];
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    if ((!keep || keep(e)) && (!view || inView(extentOf(e, until), view))) {
      out.push(e);
      if (keys) outKeys.push(keys[k]!);
    }
    if (k % STEP_EVENTS === STEP_EVENTS - 1) yield;
  }
  return { events: out, keys: keys && Uint32Array.from(outKeys) };
}

function inView(x: { start: number; end: number }, view: { from: number; to: number }): boolean {
  return x.end >= view.from && x.start <= view.to;
}

/** Whether the filter leaves out any event at all (its window aside). */
function narrows(f: FilterState): boolean {
  const allKinds = TIMELINE_EVENT_KINDS.every((k) => f.kinds.includes(k));
  return !allKinds || !!f.documentId || !!f.entityType || !!f.entityId || !!f.entityQuery.trim() || !!f.text.trim();
}

/**
 * The data to post: all of it when small enough (then its documents are those of at most
 * `limit` events), else a sample of what the state shows, with `total`, and the documents of
 * the sample and the chosen one.
 */
export function timelineView(data: TimelineData, state: FilterState | null, limit = MAX_DRAWN_EVENTS): TimelineData {
  return finishSteps(timelineViewSteps(data, state, limit));
}

/** timelineView as steps (matchingSteps'). */
export function* timelineViewSteps(data: TimelineData, state: FilterState | null, limit = MAX_DRAWN_EVENTS): Generator<void, TimelineData> {
  if (data.events.length <= limit) return data;
  const matching = yield* matchingWithKeysSteps(data, state, sampleKeysOf(data.events));
  const events = yield* stableSampleSteps(matching.events, matching.keys!, limit);
  return { ...data, events, documents: documentsOfEvents(data.documents, events, state?.documentId ?? null), total: matching.events.length };
}
