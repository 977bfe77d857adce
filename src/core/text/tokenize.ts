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
  const buffer = new TokenBuffer(Math.max(16, text.length >> 2));
  buffer.fill(text);
  return { count: buffer.count, starts: buffer.starts.subarray(0, buffer.count), ends: buffer.ends.subarray(0, buffer.count) };
}

/**
 * Token boundaries in buffers that are kept and refilled text after text, for a caller that
 * needs the tokens only while it runs (the matcher): two typed arrays per document, off the
 * V8 heap, cost more in allocation and GC than the tokenizing itself. The arrays are longer
 * than `count`; only the first `count` entries are this text's.
 */
export class TokenBuffer {
  count = 0;
  starts: Uint32Array;
  ends: Uint32Array;

  constructor(capacity = 1024) {
    this.starts = new Uint32Array(capacity);
    this.ends = new Uint32Array(capacity);
  }

  /** Tokenizes `text` into the buffers (growing them if needed); returns this. */
  fill(text: string): this {
    const n = text.length;
    let starts = this.starts;
    let ends = this.ends;
    let count = 0;
    let i = 0;
    while (i < n) {
      while (i < n && !isWordAt(text, i)) i++;
      if (i >= n) break;
      const start = i;
      while (i < n && isWordAt(text, i)) i++;
      if (count === starts.length) {
        starts = grown(starts);
        ends = grown(ends);
      }
      starts[count] = start;
      ends[count++] = i;
    }
    this.starts = starts;
    this.ends = ends;
    this.count = count;
    return this;
  }
}

/** isWordUnit with the table lookup up front: the common case (a known BMP unit) is one read. */
function isWordAt(text: string, i: number): boolean {
  const k = classes[text.charCodeAt(i)]!; // NaN past the end reads undefined: never asked
  return k === IS_WORD || (k === UNKNOWN && isWordUnit(text, i));
}

function grown(from: Uint32Array): Uint32Array {
  const to = new Uint32Array(from.length * 2);
  to.set(from);
  return to;
}

/** The normalized words of a short key (an alias), for building the matcher. */
export function words(text: string): string[] {
  const t = tokenize(text);
  const out: string[] = [];
  for (let k = 0; k < t.count; k++) out.push(text.slice(t.starts[k], t.ends[k]));
  return out;
}
