import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstIndex, mergeSorted, sortSteps } from '../../src/core/index/sorted';

const byKey = (x: { key: number }, y: { key: number }) => x.key < y.key;

describe('mergeSorted', () => {
  it('merges two sorted lists, the first list\'s element first on a tie', () => {
    const a = [{ key: 1, from: 'a' }, { key: 3, from: 'a' }, { key: 3, from: 'a2' }];
    const b = [{ key: 0, from: 'b' }, { key: 3, from: 'b' }, { key: 9, from: 'b' }];
    expect(mergeSorted(a, b, byKey).map((e) => `${e.key}${e.from}`)).toEqual(['0b', '1a', '3a', '3a2', '3b', '9b']);
    expect(mergeSorted([], b, byKey)).toEqual(b);
    expect(mergeSorted(a, [], byKey)).toEqual(a);
  });

  it('merges lists far longer than a spread could take', () => {
    const a = Array.from({ length: 200_000 }, (_, k) => ({ key: 2 * k }));
    const b = Array.from({ length: 200_000 }, (_, k) => ({ key: 2 * k + 1 }));
    const merged = mergeSorted(a, b, byKey);
    expect(merged.length).toBe(400_000);
    expect(merged.every((e, k) => e.key === k)).toBe(true);
  });
});

describe('sortSteps', () => {
  it('sorts as a stable Array.prototype.sort does, with any run length', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20)), fc.integer({ min: 1, max: 9 }), (keys, chunk) => {
        const items = keys.map((key, i) => ({ key, i }));
        const compare = (x: { key: number }, y: { key: number }) => x.key - y.key;
        const steps = sortSteps(items, compare, chunk);
        let step = steps.next();
        while (!step.done) step = steps.next();
        expect(step.value).toEqual([...items].sort(compare));
      }),
    );
  });

  it('takes a step per run sorted and per run of elements merged, never the whole list at once', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_000);
    const steps = sortSteps(items, (x, y) => x - y, 1_000);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(step.value).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    // A step per run of 1,000 sorted (10), per 1,000 merged while both lists last on each of
    // the 4 levels of merging (27 more), and one after each of the 11 merges: sorting or
    // merging at once would take far fewer.
    expect(yields).toBe(48);
  });
});

describe('firstIndex', () => {
  it('finds the partition point: the first element that passes, or the length', () => {
    const starts = [2, 5, 5, 9];
    expect(firstIndex(starts, (s) => s >= 5)).toBe(1);
    expect(firstIndex(starts, (s) => s > 5)).toBe(3);
    expect(firstIndex(starts, (s) => s >= 0)).toBe(0);
    expect(firstIndex(starts, (s) => s > 9)).toBe(4);
    expect(firstIndex([], () => true)).toBe(0);
  });
});
