/**
 * Work that comes as steps: a generator that yields between them, so that a caller on a
 * shared thread (the extension host) can give it back now and then (runInSlices), and a
 * caller with nothing else to do runs them all at once (finishSteps).
 */

/** Runs the steps to their end at once and returns their result. */
export function finishSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
