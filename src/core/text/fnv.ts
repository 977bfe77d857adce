/**
 * 32-bit FNV-1a over UTF-16 code units: a fast, stable hash for short keys (words of the date
 * grammar, the tails of text blocks, editor document keys). Not for anything adversarial.
 */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** The hash of `s`, or of its units from `start` to `end`. */
export function fnv1a(s: string, start = 0, end = s.length): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}
