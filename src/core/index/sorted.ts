/** Small operations on sorted arrays, shared by the analysis, the index and the timeline. */

/**
 * Merges two sorted lists into one new sorted list. Stable: on a tie, `a`'s element comes
 * first. A loop, not `[...a, ...b].sort()`: linear, and no spread (a spread of more than
 * ~125,000 values overflows the call stack).
 * @param before whether `x` must come before `y`
 */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], before: (x: T, y: T) => boolean): T[] {
  const steps = mergeSortedSteps(a, b, before);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
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
