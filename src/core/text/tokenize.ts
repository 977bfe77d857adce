/**
 * Word tokens over a normalized text. A word is a maximal run of letters, marks and digits
 * (Unicode \p{L}\p{M}\p{N}); everything else separates words. JavaScript's `\b` only knows
 * ASCII, so the class is our own, cached per BMP code unit.
 */

/** Token boundaries as two parallel typed arrays, compact for long texts. */
export interface Tokens {
  readonly count: number;
  /** Start offset of each token in the normalized text. */
  readonly starts: Uint32Array;
  /** End offset (exclusive) of each token. */
  readonly ends: Uint32Array;
}

const WORD = /[\p{L}\p{M}\p{N}]/u;
const UNKNOWN = 0;
const IS_WORD = 1;
const NOT_WORD = 2;
const classes = new Uint8Array(0x10000);

/** Whether the UTF-16 unit at `i` belongs to a word; surrogate pairs are classed as a whole. */
export function isWordUnit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdfff) {
    const cp = text.codePointAt(c <= 0xdbff ? i : i - 1) ?? c;
    return WORD.test(String.fromCodePoint(cp));
  }
  let k = classes[c];
  if (k === UNKNOWN) {
    k = WORD.test(String.fromCharCode(c)) ? IS_WORD : NOT_WORD;
    classes[c] = k;
  }
  return k === IS_WORD;
}

/** Splits `text` into word tokens. */
export function tokenize(text: string): Tokens {
  const n = text.length;
  let starts = new Uint32Array(Math.max(16, n >> 2));
  let ends = new Uint32Array(starts.length);
  let count = 0;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordUnit(text, i)) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && isWordUnit(text, i)) i++;
    if (count === starts.length) {
      const s = new Uint32Array(starts.length * 2);
      s.set(starts);
      starts = s;
      const e = new Uint32Array(ends.length * 2);
      e.set(ends);
      ends = e;
    }
    starts[count] = start;
    ends[count++] = i;
  }
  return { count, starts: starts.subarray(0, count), ends: ends.subarray(0, count) };
}

/** The normalized words of a short key (an alias), for building the matcher. */
export function words(text: string): string[] {
  const t = tokenize(text);
  const out: string[] = [];
  for (let k = 0; k < t.count; k++) out.push(text.slice(t.starts[k], t.ends[k]));
  return out;
}
