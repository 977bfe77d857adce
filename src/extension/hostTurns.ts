/**
 * Long work on the extension host runs in slices: the host is shared with every other
 * extension, so between slices it gets a turn of its event loop.
 */

/** The longest slice of work between two turns. */
export const SLICE_MS = 15;

/** Gives the event loop a turn, so other extensions' work runs between our slices. */
export const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs the steps to their end, giving the extension host back every few milliseconds. */
export async function runInSlices<T>(steps: Generator<void, T>): Promise<T> {
  let sliceStart = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (Date.now() - sliceStart > SLICE_MS) {
      await yieldToHost();
      sliceStart = Date.now();
    }
  }
}
