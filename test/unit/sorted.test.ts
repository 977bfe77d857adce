import { describe, expect, it } from 'vitest';
import { firstIndex, mergeSorted } from '../../src/core/index/sorted';

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
