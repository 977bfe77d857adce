import { describe, expect, it } from 'vitest';
import { ByteBudget } from '../../src/extension/corpus/byteBudget';

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('ByteBudget', () => {
  it('lets files in while they fit, and the next one in when one is done', async () => {
    const budget = new ByteBudget(100);
    const order: string[] = [];
    const releaseA = await budget.acquire(60);
    const b = budget.acquire(30).then((r) => (order.push('b'), r));
    const c = budget.acquire(30).then((r) => (order.push('c'), r)); // 60 + 30 + 30 > 100: waits
    await settle();
    expect(order).toEqual(['b']);
    releaseA();
    releaseA(); // twice is harmless
    await settle();
    expect(order).toEqual(['b', 'c']);
    (await b)();
    (await c)();
  });

  it('lets a file larger than the whole budget in alone', async () => {
    const budget = new ByteBudget(100);
    const small = await budget.acquire(10);
    let bigIn = false;
    const big = budget.acquire(500).then((r) => ((bigIn = true), r));
    await settle();
    expect(bigIn).toBe(false);
    small();
    await settle();
    expect(bigIn).toBe(true);
    let next = false;
    void budget.acquire(1).then(() => (next = true));
    await settle();
    expect(next).toBe(false);
    (await big)();
    await settle();
    expect(next).toBe(true);
  });
});
