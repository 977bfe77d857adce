import { describe, expect, it } from 'vitest';
import { TextStore } from '../../src/core/index/textStore';

describe('TextStore', () => {
  it('gives a text back only for the same size and mtime', () => {
    const s = new TextStore(100);
    s.set('a', 10, 1, { text: 'نص المقال' });
    expect(s.get('a', 10, 1)?.text).toBe('نص المقال');
    expect(s.get('a', 11, 1)).toBeUndefined();
    expect(s.get('a', 10, 2)).toBeUndefined();
    expect(s.get('b', 10, 1)).toBeUndefined();
  });

  it('gives the latest text stored for an id, whatever its size and mtime', () => {
    const s = new TextStore(100);
    expect(s.latest('a')).toBeUndefined();
    s.set('a', 10, 1, { text: 'النص الأول' });
    s.set('a', 12, 2, { text: 'النص الثاني' });
    expect(s.latest('a')?.text).toBe('النص الثاني');
    s.delete('a');
    expect(s.latest('a')).toBeUndefined();
  });

  it('drops the least recently used texts beyond its budget', () => {
    const s = new TextStore(10);
    s.set('a', 1, 1, { text: 'aaaa' });
    s.set('b', 1, 1, { text: 'bbbb' });
    expect(s.get('a', 1, 1)?.text).toBe('aaaa'); // a is now the most recent
    s.set('c', 1, 1, { text: 'cccc' });
    expect(s.get('b', 1, 1)).toBeUndefined();
    expect(s.get('a', 1, 1)?.text).toBe('aaaa');
    expect(s.get('c', 1, 1)?.text).toBe('cccc');
    expect(s.chars).toBe(8);
    expect(s.count).toBe(2);
  });

  it('keeps its count right when a text is replaced or deleted, and never stores one over budget', () => {
    const s = new TextStore(10);
    s.set('a', 1, 1, { text: 'aaaa' });
    s.set('a', 2, 2, { text: 'aaaaaa' });
    expect(s.chars).toBe(6);
    s.delete('a');
    expect(s.chars).toBe(0);
    s.set('big', 1, 1, { text: 'x'.repeat(11) });
    expect(s.count).toBe(0);
    s.set('x', 1, 1, { text: 'xx' });
    s.clear();
    expect([s.count, s.chars]).toEqual([0, 0]);
  });

  it('drops the least recently used texts when its budget shrinks, and keeps more once it grows', () => {
    const s = new TextStore(12);
    s.set('a', 1, 1, { text: 'aaaa' });
    s.set('b', 1, 1, { text: 'bbbb' });
    s.set('c', 1, 1, { text: 'cccc' });
    s.get('a', 1, 1); // a is now the most recent: b goes first
    s.setBudget(8);
    expect([s.latest('a')?.text, s.latest('b'), s.latest('c')?.text]).toEqual(['aaaa', undefined, 'cccc']);
    expect(s.chars).toBe(8);
    s.setBudget(0);
    expect([s.count, s.chars]).toEqual([0, 0]);
    s.setBudget(8);
    s.set('d', 1, 1, { text: 'dddd' });
    s.set('e', 1, 1, { text: 'eeee' });
    expect(s.count).toBe(2);
  });
});
