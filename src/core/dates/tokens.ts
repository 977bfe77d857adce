/**
 * Tokenizer for the date grammar. It runs over the NORMALIZED text (digits are ASCII, alef
 * variants unified, Latin lowercased), so the grammar sees each spelling variant once. A token
 * is a run of digits, a run of letters/marks, or one other non-space character; JS `\b` is
 * ASCII-only, so word boundaries come from this split, not from regex anchors.
 */

import { FNV_OFFSET, FNV_PRIME, fnv1a } from '../text/fnv';

/** Token kinds (a plain object, not a `const enum`, so isolated-module builds keep working). */
export const Kind = { Word: 0, Num: 1, Punct: 2 } as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

export interface Token {
  kind: Kind;
  /** Normalized text of the token. */
  text: string;
  /** Offsets in the normalized text. */
  start: number;
  end: number;
  /** Whitespace separates it from the previous token ("2018م" has none). */
  spaceBefore: boolean;
  /** A line break separates it from the previous token: date expressions never span lines. */
  breakBefore: boolean;
}

// Character classes, filled lazily per UTF-16 unit (0 = not yet known): a table lookup per
// character is several times faster than a Unicode-property regex over the whole text.
const UNKNOWN = 0;
const SPACE = 1;
const DIGIT = 2;
const LETTER = 3; // letters and combining marks
const OTHER = 4;
const classes = new Uint8Array(0x10000);
const LETTER_RE = /^[\p{L}\p{M}]$/u;
const SPACE_RE = /^\s$/;

function classify(c: number): number {
  let k = classes[c]!;
  if (k !== UNKNOWN) return k;
  const ch = String.fromCharCode(c);
  if (c >= 0x30 && c <= 0x39) k = DIGIT;
  else if (SPACE_RE.test(ch)) k = SPACE;
  else if (LETTER_RE.test(ch)) k = LETTER;
  else k = OTHER;
  classes[c] = k;
  return k;
}

/** Class of the code point at i (a surrogate pair is one letter or one "other" character). */
function classAt(text: string, i: number): { cls: number; width: number } {
  if (isSurrogatePair(text, i)) return { cls: LETTER_RE.test(text.slice(i, i + 2)) ? LETTER : OTHER, width: 2 };
  return { cls: classify(text.charCodeAt(i)), width: 1 };
}

/** A high surrogate at i followed by a low one: one code point in two units. */
function isSurrogatePair(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/**
 * Values by token index, for the few tokens a parser looks at: a dense list plus a typed index
 * into it. (A Map keyed by index, or a sparse array, costs a hash lookup per access.)
 */
export class TokenCache<T> {
  private slots: Int32Array;
  private readonly values: T[] = [];
  /** The token index of each value, so that reset() clears just the slots in use. */
  private readonly keys: number[] = [];

  constructor(count: number) {
    this.slots = new Int32Array(count);
  }

  /** The value stored for token j (0 ≤ j < count), if any. */
  get(j: number): T | undefined {
    const slot = this.slots[j]!;
    return slot === 0 ? undefined : this.values[slot - 1];
  }

  set(j: number, value: T): void {
    this.values.push(value);
    this.keys.push(j);
    this.slots[j] = this.values.length;
  }

  /** Empties the cache for a list of `count` tokens, keeping its slots when they are enough. */
  reset(count: number): void {
    if (this.slots.length < count) this.slots = new Int32Array(count);
    else for (const j of this.keys) this.slots[j] = 0;
    this.values.length = 0;
    this.keys.length = 0;
  }
}

/**
 * The typed arrays behind a TokenList and its per-token caches, kept from one text to the
 * next by the scanner: seven typed arrays per document, off the V8 heap, cost more in
 * allocation and GC than filling them. Only one TokenList may use them at a time.
 */
export class TokenArrays {
  kinds: Uint8Array;
  starts: Uint32Array;
  ends: Uint32Array;
  flags: Uint8Array;
  hashes: Uint32Array;
  readonly tokenCache = new TokenCache<Token>(0);
  readonly formsCache = new TokenCache<readonly WordForm[]>(0);

  constructor(capacity = 1024) {
    this.kinds = new Uint8Array(capacity);
    this.starts = new Uint32Array(capacity);
    this.ends = new Uint32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.hashes = new Uint32Array(capacity);
  }

  get capacity(): number {
    return this.kinds.length;
  }

  /** Doubles every array, keeping the tokens already written. */
  grow(): void {
    const capacity = this.kinds.length * 2;
    this.kinds = grow(this.kinds, new Uint8Array(capacity));
    this.starts = grow(this.starts, new Uint32Array(capacity));
    this.ends = grow(this.ends, new Uint32Array(capacity));
    this.flags = grow(this.flags, new Uint8Array(capacity));
    this.hashes = grow(this.hashes, new Uint32Array(capacity));
  }

  /** Lets go of the Token objects and word forms of the last text (they may die young). */
  release(): void {
    this.tokenCache.reset(0);
    this.formsCache.reset(0);
  }
}

const FLAG_SPACE = 1;
const FLAG_BREAK = 2;

/**
 * The token list, stored column-wise in typed arrays: a 1 MB article has ~200k tokens, and the
 * grammar only ever looks at the few near a candidate, so Token objects are built on demand.
 */
export class TokenList {
  readonly count: number;
  /** Token objects built so far (only the few near candidates are ever built). */
  private readonly cache: TokenCache<Token>;
  /** The grammar's word forms by token (wordForms() of the few tokens it looks at). */
  readonly formsCache: TokenCache<readonly WordForm[]>;
  private readonly kinds: Uint8Array;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  private readonly flags: Uint8Array;
  private readonly hashes: Uint32Array;

  constructor(
    readonly text: string,
    arrays: TokenArrays,
    count: number,
  ) {
    this.count = count;
    this.kinds = arrays.kinds;
    this.starts = arrays.starts;
    this.ends = arrays.ends;
    this.flags = arrays.flags;
    this.hashes = arrays.hashes;
    this.cache = arrays.tokenCache;
    this.cache.reset(count);
    this.formsCache = arrays.formsCache;
    this.formsCache.reset(count);
  }

  get(j: number): Token | undefined {
    if (j < 0 || j >= this.count) return undefined;
    let t = this.cache.get(j);
    if (t === undefined) {
      const start = this.starts[j]!;
      const end = this.ends[j]!;
      const f = this.flags[j]!;
      t = {
        kind: this.kinds[j]! as Kind,
        text: this.text.slice(start, end),
        start,
        end,
        spaceBefore: (f & FLAG_SPACE) !== 0,
        breakBefore: (f & FLAG_BREAK) !== 0,
      };
      this.cache.set(j, t);
    }
    return t;
  }

  /** Whether token j reads exactly `word` (compared in place: no string is cut out). */
  isText(j: number, word: string): boolean {
    const start = this.starts[j]!;
    return this.ends[j]! - start === word.length && this.text.startsWith(word, start);
  }

  kindAt(j: number): Kind | undefined {
    return j >= 0 && j < this.count ? (this.kinds[j]! as Kind) : undefined;
  }
  /** hashWord() of a word token (0 for other kinds), computed while tokenizing. */
  hashAt(j: number): number {
    return this.hashes[j]!;
  }
  startAt(j: number): number {
    return this.starts[j]!;
  }
  endAt(j: number): number {
    return this.ends[j]!;
  }
}

/** Tokenizes `text` into `arrays` (fresh ones unless the caller lends its own). */
export function tokenize(text: string, arrays = new TokenArrays(Math.max(16, text.length >> 2))): TokenList {
  const n = text.length;
  // Local copies of the arrays (refreshed when they grow): one load each per token, not two.
  let { kinds, starts, ends, flags, hashes } = arrays;
  let count = 0;
  let i = 0;
  let flag = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = c < 0xd800 || c > 0xdbff ? classify(c) : classAt(text, i).cls;
    if (cls === SPACE) {
      flag |= FLAG_SPACE;
      if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) flag |= FLAG_BREAK;
      i++;
      continue;
    }
    const start = i;
    let kind: Kind;
    let hash = 0;
    if (cls === DIGIT) {
      kind = Kind.Num;
      do i++;
      while (i < n && classify(text.charCodeAt(i)) === DIGIT);
    } else if (cls === LETTER) {
      kind = Kind.Word;
      hash = FNV_OFFSET;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d >= 0xd800 && d <= 0xdbff) {
          const a = classAt(text, i);
          if (a.cls !== LETTER) break;
          for (let k = 0; k < a.width; k++) hash = Math.imul(hash ^ text.charCodeAt(i + k), FNV_PRIME);
          i += a.width;
        } else if (classify(d) === LETTER) {
          hash = Math.imul(hash ^ d, FNV_PRIME);
          i++;
        } else break;
      }
      hash >>>= 0;
    } else {
      kind = Kind.Punct;
      i += isSurrogatePair(text, i) ? 2 : 1;
    }
    if (count === kinds.length) {
      arrays.grow();
      ({ kinds, starts, ends, flags, hashes } = arrays);
    }
    kinds[count] = kind;
    starts[count] = start;
    ends[count] = i;
    flags[count] = flag;
    hashes[count] = hash;
    count++;
    flag = 0;
  }
  return new TokenList(text, arrays, count);
}

/** FNV-1a of a word: the same hash tokenize() computes (inline, for speed) for each word token. */
export function hashWord(word: string): number {
  return fnv1a(word);
}

/** Bits of the WordTable filter: 2^18 bits are 32 KB, small enough to stay in the CPU cache. */
const FILTER_BITS = 18;
const FILTER_MASK = (1 << FILTER_BITS) - 1;

/**
 * Words with a number each (0 = none), looked up by token: an open-addressing table on the hash
 * tokenize() computed, confirmed by comparing the word in place. Most tokens are misses: a bit
 * per hash value in front of the table rules nearly all of them out with one read of a small
 * array, and no token's text is cut out for a Map.
 */
export class WordTable {
  private readonly filter = new Int32Array(1 << (FILTER_BITS - 5));
  private readonly mask: number;
  private readonly hashes: Int32Array;
  private readonly values: Int32Array;
  private readonly words: string[];

  constructor(entries: ReadonlyMap<string, number>) {
    let size = 16;
    while (size < entries.size * 2) size *= 2; // at most half full: short probe runs
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.values = new Int32Array(size);
    this.words = new Array<string>(size).fill('');
    for (const [word, value] of entries) {
      const h = hashWord(word) | 0;
      this.filter[(h & FILTER_MASK) >>> 5]! |= 1 << (h & 31);
      let slot = h & this.mask;
      while (this.words[slot] !== '') slot = (slot + 1) & this.mask;
      this.hashes[slot] = h;
      this.values[slot] = value;
      this.words[slot] = word;
    }
  }

  /** The number of word token j, or 0 (also for other kinds of tokens). */
  get(tokens: TokenList, j: number): number {
    if (tokens.kindAt(j) !== Kind.Word) return 0;
    const h = tokens.hashAt(j) | 0;
    if ((this.filter[(h & FILTER_MASK) >>> 5]! & (1 << (h & 31))) === 0) return 0;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const word = this.words[slot]!;
      if (word === '') return 0;
      if (this.hashes[slot] === h && tokens.isText(j, word)) return this.values[slot]!;
    }
  }
}

function grow<T extends Uint8Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Proclitic letters that attach to the next word: و ف ب ل ك. */
const CLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

export interface WordForm {
  /** The word without the clitics. */
  word: string;
  /** How many normalized units of clitic were removed from the front. */
  strip: number;
}

/**
 * The word itself, then the forms left after removing one or two proclitics: "وفي" → "في",
 * "لشهر" → "شهر", "وبالأمس" → "بالامس" → "الامس", and ل + ال written "لل": "للعام" → "العام".
 * The exact word comes first so a month that starts with a clitic letter (فبراير، كانون)
 * is never stripped.
 */
export function wordForms(word: string): WordForm[] {
  const forms: WordForm[] = [{ word, strip: 0 }];
  if (!CLITICS.has(word.charAt(0))) return forms;
  let rest = word;
  for (let k = 1; k <= 2 && rest.length > 2 && CLITICS.has(rest.charAt(0)); k++) {
    const first = rest.charAt(0);
    rest = rest.slice(1);
    forms.push({ word: rest, strip: k });
    if (first === 'ل' && rest.startsWith('ل') && rest.length > 2) forms.push({ word: 'ا' + rest, strip: k - 1 }); // the mention keeps the "لل"
  }
  return forms;
}
