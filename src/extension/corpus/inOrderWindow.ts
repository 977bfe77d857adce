/**
 * Runs `start` over `items` with at most `width` of them in flight, and hands the results to
 * `take` in the items' order. Once half the window is done it is filled again: new items start
 * while the older ones still run (batches that wait for their slowest leave the workers idle),
 * yet they start in groups, not one by one: in a remote window each file-system call is a
 * message to the workbench, and sending them one at a time costs a compressed frame each.
 * Stops starting new items once `stopped()` says so; the ones already started still finish
 * and are taken.
 * While the first item not yet taken still runs, the others go on, but at most LOOKAHEAD
 * windows ahead of it: results wait in memory until their turn, and quick ones (texts already
 * in memory) would otherwise run one after another, all of them, without `take` ever giving
 * the thread back. At 100,000 documents that held the extension host for 18 s.
 */
export async function inOrderWindow<I, R>(
  items: readonly I[],
  width: number,
  stopped: () => boolean,
  start: (item: I) => Promise<R>,
  take: (result: R) => Promise<void> | void,
): Promise<void> {
  const results = new Map<number, R>();
  let next = 0;
  let taken = 0;
  let running = 0;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const refillAt = Math.floor(width / 2);
  const ahead = width * LOOKAHEAD;
  const launch = (): void => {
    if (running > refillAt) return;
    while (running < width && next - taken < ahead && next < items.length && !failure && !stopped()) {
      const k = next++;
      running++;
      start(items[k]!).then(
        (r) => results.set(k, r),
        (error: unknown) => (failure ??= { error }),
      ).finally(() => {
        running--;
        wake?.();
      });
    }
  };
  launch();
  while (taken < next || running > 0) {
    if (failure) {
      while (running > 0) await new Promise<void>((resolve) => (wake = resolve)); // let the started ones settle
      throw failure.error;
    }
    if (results.has(taken)) {
      const r = results.get(taken) as R;
      results.delete(taken);
      taken++;
      await take(r);
      launch();
      continue;
    }
    await new Promise<void>((resolve) => (wake = resolve));
    launch();
  }
}

/** How many windows of items may run or wait ahead of the first one not yet taken. */
export const LOOKAHEAD = 4;
