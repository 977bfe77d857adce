/**
 * Long work on the extension host runs in slices: the host is shared with every other
 * extension, so between slices it gets a turn of its event loop.
 */

/** The longest slice of work between two turns. */
export const SLICE_MS = 15;

/** Gives the event loop a turn, so other extensions' work runs between our slices. */
export const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
