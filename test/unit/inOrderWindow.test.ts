import { describe, expect, it } from 'vitest';
import { inOrderWindow, LOOKAHEAD } from '../../src/extension/corpus/inOrderWindow';

/** A promise with its resolve/reject in hand, so a test decides when each item finishes. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('inOrderWindow', () => {
  it('refills the window once half of it is done, and takes results in the items\' order', async () => {
    const pending = new Map<number, ReturnType<typeof deferred<string>>>();
    const started: number[] = [];
    const taken: string[] = [];
    const run = inOrderWindow(
      [0, 1, 2, 3, 4, 5, 6],
      4,
      () => false,
      (k) => {
        started.push(k);
        const d = deferred<string>();
        pending.set(k, d);
        return d.promise;
      },
      (r) => void taken.push(r),
    );
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    pending.get(1)!.resolve('b'); // three still run: nothing starts yet
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    pending.get(2)!.resolve('c'); // half the window is done: it is filled again, while 0 still runs
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(taken).toEqual([]);
    pending.get(0)!.resolve('a');
    await tick();
    expect(taken).toEqual(['a', 'b', 'c']);
    for (const k of [5, 3, 4, 6]) {
      pending.get(k)?.resolve(String.fromCharCode(97 + k));
      await tick();
    }
    await run;
    expect(taken).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('goes on past a slow first item, but at most LOOKAHEAD windows ahead of it', async () => {
    const first = deferred<number>();
    const started: number[] = [];
    const taken: number[] = [];
    const items = Array.from({ length: 100 }, (_, k) => k);
    const run = inOrderWindow(
      items,
      4,
      () => false,
      (k) => {
        started.push(k);
        return k === 0 ? first.promise : Promise.resolve(k); // the others are quick (a text in memory)
      },
      (r) => void taken.push(r),
    );
    for (let k = 0; k < 20; k++) await tick();
    expect(started.length).toBe(4 * LOOKAHEAD);
    expect(taken).toEqual([]);
    first.resolve(0);
    await run;
    expect(taken).toEqual(items);
  });

  it('starts nothing more once stopped, and still takes what had started', async () => {
    let stop = false;
    const taken: number[] = [];
    await inOrderWindow(
      [1, 2, 3, 4, 5, 6],
      2,
      () => stop,
      async (k) => {
        if (k === 3) stop = true; // a cancel while the third is read
        await tick();
        return k;
      },
      (r) => void taken.push(r),
    );
    expect(taken).toEqual([1, 2, 3]);
  });

  it('rejects with the first failure once the started items settle', async () => {
    const settled: number[] = [];
    const run = inOrderWindow(
      [1, 2, 3],
      3,
      () => false,
      async (k) => {
        await tick();
        settled.push(k);
        if (k === 2) throw new Error('unreadable');
        return k;
      },
      () => undefined,
    );
    await expect(run).rejects.toThrow('unreadable');
    expect(settled.sort()).toEqual([1, 2, 3]);
  });
});
