/**
 * The sample of a large timeline that the webview draws: the events with the lowest keys, a
 * key being a hash of the event's id (a "bottom-k" sample). An evenly spaced sample, as
 * before, picked other events all along the timeline when one document gained a sentence (the
 * spacing moved), so every change sent the page all 2,000 events again: about 1.9 MB at
 * 10,000 documents, 200 ms of transit in code-server and 15 ms of checking on the page. A
 * sample by key changes by an event or two when an event comes or goes, so an update is a
 * small patch (timelinePatch.ts). The first and last events are always in it: the sample
 * spans the same time as the whole.
 * Pure (no `vscode`), unit-tested in node.
 */
import type { TimelineEvent } from '../../webview/protocol';
import { sampleKeyOf } from '../../core/events/sampleKey';

/** Events looked at between two steps. */
const STEP_EVENTS = 4_096;

/**
 * The keys of a list of events, by the list: the merged timeline keeps them as events come
 * and go (collectTimelineData registers them with the list it hands out). Reading a key cached
 * on each event instead cost 25 ms per change at 10,000 documents.
 */
const registered = new WeakMap<readonly TimelineEvent[], Uint32Array>();

export function registerSampleKeys(events: readonly TimelineEvent[], keys: Uint32Array): void {
  if (keys.length !== events.length) throw new Error(`${keys.length} sample keys for ${events.length} events`);
  registered.set(events, keys);
}

/** The keys of `events`: those registered with the list, else hashed now (a list made elsewhere: tests, small data). */
export function sampleKeysOf(events: readonly TimelineEvent[]): Uint32Array {
  let keys = registered.get(events);
  if (!keys) {
    keys = new Uint32Array(events.length);
    for (let k = 0; k < events.length; k++) keys[k] = sampleKeyOf(events[k]!.id);
    registered.set(events, keys);
  }
  return keys;
}

/**
 * At most `limit` of `events` (chronological), in their order: the first, the last, and of
 * the others those with the lowest `keys` (keys[k] is events[k]'s). Adding or removing one
 * event changes the sample by at most two. As steps, a few thousand events each (a million
 * events at 100,000 documents).
 */
export function* stableSampleSteps<T extends TimelineEvent>(events: readonly T[], keys: ArrayLike<number>, limit: number): Generator<void, T[]> {
  const n = events.length;
  if (n <= limit) return [...events];
  if (limit <= 2) return limit <= 0 ? [] : limit === 1 ? [events[0]!] : [events[0]!, events[n - 1]!];
  // The (limit - 2)th lowest key of the inner events, and how many of the keys equal to it are
  // taken (ties in chronological order; distinct ids rarely share a 32-bit key).
  const inner = limit - 2;
  const scratch = new Uint32Array(n - 2);
  for (let k = 1; k < n - 1; k++) scratch[k - 1] = keys[k]!;
  yield;
  const threshold = kthSmallest(scratch, inner - 1);
  let below = 0;
  for (let k = 1; k < n - 1; k++) if (keys[k]! < threshold) below++;
  let ties = inner - below;
  yield;
  const out: T[] = [events[0]!];
  for (let k = 1; k < n - 1; k++) {
    const key = keys[k]!;
    if (key < threshold || (key === threshold && ties-- > 0)) out.push(events[k]!);
    if (k % STEP_EVENTS === 0) yield;
  }
  out.push(events[n - 1]!);
  return out;
}

/** The value that would sit at index `k` of `a` sorted ascending (Hoare's quickselect; reorders `a`). */
function kthSmallest(a: Uint32Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
