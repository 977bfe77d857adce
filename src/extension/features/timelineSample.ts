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
import { fnv1a } from '../../core/text/fnv';

/** Events looked at between two steps. */
const STEP_EVENTS = 4_096;

/**
 * Where an event's key is kept once computed: on the event itself, not enumerable, so it is
 * neither posted nor exported nor compared. (A WeakMap lookup per event cost 10–30 ms for the
 * 140,000 events of 10,000 documents, at every change; a property costs nothing.)
 */
const KEY = Symbol('sampleKey');

type Keyed = TimelineEvent & { [KEY]?: number };

/** The event's sampling key: a 32-bit hash of its id, the same in every session. */
export function sampleKeyOf(e: TimelineEvent): number {
  const keyed = e as Keyed;
  let key = keyed[KEY];
  if (key === undefined) {
    key = mix(fnv1a(e.id));
    Object.defineProperty(keyed, KEY, { value: key });
  }
  return key;
}

/** murmur3's finalizer: FNV-1a alone leaves ids that differ in their last digits close together. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * At most `limit` of `events` (chronological), in their order: the first, the last, and of
 * the others those with the lowest keys. Adding or removing one event changes the sample by
 * at most two. As steps, a few thousand events each (keys are hashed on first use: a
 * million events at 100,000 documents).
 */
export function* stableSampleSteps<T extends TimelineEvent>(events: readonly T[], limit: number): Generator<void, T[]> {
  const n = events.length;
  if (n <= limit) return [...events];
  if (limit <= 2) return limit <= 0 ? [] : limit === 1 ? [events[0]!] : [events[0]!, events[n - 1]!];
  const keys = new Uint32Array(n - 2);
  for (let k = 1; k < n - 1; k++) {
    keys[k - 1] = sampleKeyOf(events[k]!);
    if (k % STEP_EVENTS === 0) yield;
  }
  // The (limit - 2)th lowest key, and how many of the keys equal to it are taken (ties are
  // taken in chronological order; distinct ids rarely share a 32-bit key).
  const inner = limit - 2;
  const threshold = kthSmallest(keys.slice(), inner - 1);
  let below = 0;
  for (let k = 0; k < keys.length; k++) if (keys[k]! < threshold) below++;
  let ties = inner - below;
  yield;
  const out: T[] = [events[0]!];
  for (let k = 1; k < n - 1; k++) {
    const key = keys[k - 1]!;
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
