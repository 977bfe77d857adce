/** Small operations on sorted arrays, shared by the analysis, the index and the timeline. */
import { finishSteps } from '../steps';

/**
 * Merges two sorted lists into one new sorted list. Stable: on a tie, `a`'s element comes
 * first. A loop, not `[...a, ...b].sort()`: linear, and no spread (a spread of more than
 * ~125,000 values overflows the call stack).
 * @param before whether `x` must come before `y`
 */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], before: (x: T, y: T) => boolean): T[] {
  return finishSteps(mergeSortedSteps(a, b, before));
}

/**
 * mergeSorted in steps of at most `chunk` elements, for a caller that must give its thread
 * back now and then (merging two runs of 700,000 timeline events is most of a second).
 */
export function* mergeSortedSteps<T>(a: readonly T[], b: readonly T[], before: (x: T, y: T) => boolean, chunk = Infinity): Generator<void, T[]> {
  const out: T[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  let left = chunk;
  while (i < a.length && j < b.length) {
    out[k++] = before(b[j]!, a[i]!) ? b[j++]! : a[i++]!;
    if (--left === 0) {
      left = chunk;
      yield;
    }
  }
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * A sorted copy of `items` (stable), in steps of about `chunk` elements: runs of `chunk`
 * sorted one at a time, then merged in pairs. Sorting 100,000 paths with a collator at once
 * held the extension host for a third of a second.
 */
export function* sortSteps<T>(items: readonly T[], compare: (x: T, y: T) => number, chunk = 4_096): Generator<void, T[]> {
  const runs: T[][] = [];
  for (let k = 0; k < items.length; k += chunk) {
    runs.push(items.slice(k, k + chunk).sort(compare));
    yield;
  }
  return yield* mergeRunsSteps(runs, (x, y) => compare(x, y) < 0, chunk);
}

/**
 * Sorted runs merged two by two until one is left (the second half of a bottom-up merge
 * sort), in steps: one per `chunk` elements merged and one after each merge, for the many
 * small runs of a timeline's documents. Stable: on a tie, the earlier run's element first.
 */
export function* mergeRunsSteps<T>(runs: T[][], before: (x: T, y: T) => boolean, chunk: number): Generator<void, T[]> {
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let k = 0; k < runs.length; k += 2) {
      merged.push(k + 1 < runs.length ? yield* mergeSortedSteps(runs[k]!, runs[k + 1]!, before, chunk) : runs[k]!);
      yield;
    }
    runs = merged;
  }
  return runs[0] ?? [];
}

/**
 * The first index whose element passes `test`, or the length: `test` must be false, then
 * true, along the array (a binary search for the partition point).
 */
export function firstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(items[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
