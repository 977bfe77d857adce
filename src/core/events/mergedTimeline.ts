/**
 * The events of many sources (each document, the catalog) kept in one chronological array,
 * with a lookup by id and the entities they name. When the timeline is open, every change to
 * the corpus asks for all three again; rebuilding them for the 140,000 events of a large
 * corpus held the extension host for a third of a second. Here only the sources whose lists
 * changed are taken out and put back in: binary searches and one copy of the array, and a
 * full sort only when a good part of the corpus changed.
 */
import { compareEvents } from './buildTimeline';
import type { TimelineEvent } from './types';
import { mergeRunsSteps } from '../index/sorted';
import { sampleKeyOf } from './sampleKey';

/** Past this share of changed sources, sorting everything again is as cheap. */
const RESORT_SHARE = 0.25;
/** Events merged in one step of a rebuild. */
const MERGE_CHUNK = 16_384;

export class MergedTimeline {
  /** The lists of the last update, by source key: this timeline's own map (callers may change theirs). */
  private sources = new Map<string, readonly TimelineEvent[]>();
  private merged: TimelineEvent[] = [];
  /** The sampling key of each event of `merged`, at the same index: kept, not hashed again at each change. */
  private keys: Uint32Array = new Uint32Array(0);
  private byId = new Map<string, TimelineEvent>();
  /** How many events name each entity. */
  private named = new Map<string, number>();

  /**
   * The events, in compareEvents order. Each update makes a new array: one handed out is
   * never changed (so callers keep it without a copy: 1.4 million events at 100,000 documents).
   */
  get events(): readonly TimelineEvent[] {
    return this.merged;
  }

  /** sampleKeyOf each event's id, in the order of `events`; like it, never changed once handed out. */
  get sampleKeys(): Uint32Array {
    return this.keys;
  }

  get(id: string): TimelineEvent | undefined {
    return this.byId.get(id);
  }

  /** Whether some event names the entity. */
  names(entityId: string): boolean {
    return this.named.has(entityId);
  }

  /**
   * Takes the sources' lists (one per source key). A source counts as changed when its list
   * is another array than last time: callers keep the array of an unchanged source (the
   * timeline caches each document's events).
   */
  update(sources: ReadonlyMap<string, readonly TimelineEvent[]>): void {
    const steps = this.updateSteps(sources);
    while (!steps.next().done);
  }

  /**
   * update() as steps: a caller on a shared thread (the extension host) runs them and takes a
   * turn between them when its time slice is up. `maybeChanged`, when given, holds the key of
   * every source whose list may differ from the last update's (each once, gone ones too); the
   * other sources are not compared. A rebuild yields between sorts and merges (140,000 events
   * are most of a second), an update between chunks of its copy; the timeline's state changes
   * at its last step only.
   * One run at a time: the caller must finish a run before it starts the next.
   */
  *updateSteps(sources: ReadonlyMap<string, readonly TimelineEvent[]>, maybeChanged?: Iterable<string>): Generator<void, void> {
    const changed: string[] = [];
    const previous = this.sources;
    if (maybeChanged && this.merged.length > 0) {
      // The caller knows which sources may differ from the last update's (their keys, once
      // each): at 100,000 documents, comparing every source cost more than the change.
      for (const key of maybeChanged) if (previous.get(key) !== sources.get(key)) changed.push(key);
    } else {
      // forEach, not for-of with [key, list]: no pair array per source (10,000 documents).
      sources.forEach((list, key) => {
        if (previous.get(key) !== list) changed.push(key);
      });
      previous.forEach((_, key) => {
        if (!sources.has(key)) changed.push(key);
      });
    }
    if (changed.length === 0) return;
    if (this.merged.length === 0 || changed.length > sources.size * RESORT_SHARE) return yield* this.rebuildSteps(sources);
    const gone: TimelineEvent[] = [];
    const added: TimelineEvent[] = [];
    for (const key of changed) {
      for (const e of previous.get(key) ?? []) gone.push(e);
      for (const e of sources.get(key) ?? []) added.push(e);
    }
    const [merged, keys] = yield* this.withChangesSteps(gone, added.sort(compareEvents));
    // The state changes here, at the last step.
    for (const key of changed) {
      const list = sources.get(key);
      if (list) previous.set(key, list);
      else previous.delete(key);
    }
    for (const e of gone) this.forget(e);
    for (const e of added) this.remember(e);
    this.merged = merged;
    this.keys = keys;
  }

  /**
   * The array without `gone` and with `added` (sorted), and its keys, in one copy: each is
   * placed by binary search, and the runs between are copied as they are (no comparison, no
   * splice, which moves the whole tail for every event). A step per MERGE_CHUNK events copied:
   * at 100,000 documents the copy is 1.4 million events.
   */
  private *withChangesSteps(gone: readonly TimelineEvent[], added: readonly TimelineEvent[]): Generator<void, [TimelineEvent[], Uint32Array]> {
    const from = this.merged;
    const fromKeys = this.keys;
    // The positions to leave out, ascending (a pointer walks them; a Set lookup per event cost more).
    const skip: number[] = [];
    for (const e of gone) {
      const at = this.indexOf(e);
      if (from[at] === e) skip.push(at);
    }
    skip.sort((a, b) => a - b);
    skip.push(from.length); // a sentinel: the copy never reaches it
    const out: TimelineEvent[] = new Array(from.length - (skip.length - 1) + added.length);
    const keys = new Uint32Array(out.length);
    let k = 0;
    let i = 0;
    let s = 0;
    for (let a = 0; a <= added.length; a++) {
      // The run before added[a] (after the last one: the rest).
      const end = a < added.length ? this.indexOf(added[a]!) : from.length;
      while (i < end) {
        const stop = Math.min(end, i + MERGE_CHUNK);
        for (; i < stop; i++) {
          if (i === skip[s]) s++;
          else {
            keys[k] = fromKeys[i]!;
            out[k++] = from[i]!;
          }
        }
        if (i < from.length) yield;
      }
      if (a < added.length) {
        keys[k] = sampleKeyOf(added[a]!.id);
        out[k++] = added[a]!;
      }
    }
    return [out, keys];
  }

  /**
   * Everything again, in steps: each source's list sorted, then the lists merged two by two
   * (a bottom-up merge sort whose runs are the sources), then the lookups, all in new arrays
   * and maps that replace the old ones at the end.
   */
  private *rebuildSteps(sources: ReadonlyMap<string, readonly TimelineEvent[]>): Generator<void, void> {
    const runs: TimelineEvent[][] = [];
    // A step per source and per MERGE_CHUNK events merged: at 100,000 documents, sorting
    // every source in one step held the extension host for seconds.
    for (const list of sources.values()) {
      if (list.length) runs.push([...list].sort(compareEvents));
      yield;
    }
    const merged = yield* mergeRunsSteps(runs, inOrder, MERGE_CHUNK);
    const byId = new Map<string, TimelineEvent>();
    const named = new Map<string, number>();
    const keys = new Uint32Array(merged.length);
    for (let k = 0; k < merged.length; k++) {
      remember(merged[k]!, byId, named);
      keys[k] = sampleKeyOf(merged[k]!.id);
      if ((k & 4095) === 4095) yield;
    }
    this.sources = new Map(sources);
    this.merged = merged;
    this.keys = keys;
    this.byId = byId;
    this.named = named;
  }

  private remember(e: TimelineEvent): void {
    remember(e, this.byId, this.named);
  }

  private forget(e: TimelineEvent): void {
    if (this.byId.get(e.id) === e) this.byId.delete(e.id);
    for (const id of e.entities) {
      const n = (this.named.get(id) ?? 0) - 1;
      if (n > 0) this.named.set(id, n);
      else this.named.delete(id);
    }
  }

  /** The first index whose event does not sort before `e`. */
  private indexOf(e: TimelineEvent): number {
    let lo = 0;
    let hi = this.merged.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareEvents(this.merged[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function remember(e: TimelineEvent, byId: Map<string, TimelineEvent>, named: Map<string, number>): void {
  byId.set(e.id, e);
  for (const id of e.entities) named.set(id, (named.get(id) ?? 0) + 1);
}

/** compareEvents order (no event sorts equal to another: ids differ). */
function inOrder(x: TimelineEvent, y: TimelineEvent): boolean {
  return compareEvents(x, y) < 0;
}
