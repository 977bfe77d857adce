/**
 * Version of what the engine produces for a document. Bump it whenever normalization,
 * matching, dates or the analysis shape change: persistent caches keyed by it are then
 * discarded instead of trusted.
 */
export const ENGINE_VERSION = 1;
