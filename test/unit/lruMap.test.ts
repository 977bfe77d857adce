import { describe, expect, it } from 'vitest';
import { LruMap } from '../../src/core/index/lruMap';

describe('LruMap', () => {
  it('drops the least recently used entries once the count is over budget; a read counts as a use', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    expect(m.get('a')).toBe(1); // now b is the oldest
    m.set('c', 3);
    expect([m.get('a'), m.get('b'), m.get('c')]).toEqual([1, undefined, 3]);
    expect(m.size).toBe(2);
  });

  it('keeps the weights within budget, and never an entry heavier than the whole budget', () => {
    const m = new LruMap<string, string>(10, (s) => s.length);
    m.set('x', 'aaaa');
    m.set('y', 'bbbb');
    m.set('z', 'cccc'); // 12 > 10: x goes
    expect([m.get('x'), m.get('y'), m.get('z')]).toEqual([undefined, 'bbbb', 'cccc']);
    expect(m.weight).toBe(8);
    m.set('y', 'b'); // replacing an entry replaces its weight
    expect(m.weight).toBe(5);
    m.set('huge', 'h'.repeat(11));
    expect(m.get('huge')).toBeUndefined();
    expect(m.weight).toBe(5);
    m.delete('z');
    m.delete('absent');
    expect([m.size, m.weight]).toEqual([1, 1]);
    m.clear();
    expect([m.size, m.weight]).toEqual([0, 0]);
  });
});
