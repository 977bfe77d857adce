/**
 * The scanner: normalizes the text once, tokenizes it, and walks the tokens left to right,
 * taking at each position the longest date expression the grammar finds and jumping past it.
 * Each position is tried once with a bounded look-ahead, so the scan is linear in the text.
 */

import { normalize, toOriginalRange, type NormalizedText } from '../text/normalize';
import { Grammar } from './grammar';
import type { Raw } from './raw';
import { TokenArrays, tokenize } from './tokens';

export interface ScannedDate {
  /** Offsets in the ORIGINAL text. */
  start: number;
  end: number;
  raw: Raw;
}

/** A whole text's scan, with what it takes to answer for the text's first lines too (datesBefore). */
export interface TextScan {
  dates: ScannedDate[];
  /** Original offset of the first Arabic letter of the normalized text; -1 when there is none. */
  firstArabic: number;
}

/** A letter of the Arabic alphabet, after normalizing: a text without one reads dates the English way. */
export const ARABIC_LETTER = /[\u0621-\u064a\u0671-\u06d3]/;
const TRAILING_MARK = /[\p{M}\u0640]/u;

/** Scans `original`; pass its normalized form when the caller already has it (saves a pass). */
export function scanDates(original: string, normalized?: NormalizedText): ScannedDate[] {
  return scanText(original, normalized).dates;
}

/** Token arrays kept between scans; a scan takes them while it runs, so a nested one gets its own. */
let spareArrays: TokenArrays | undefined = new TokenArrays();
const MAX_KEPT_TOKENS = 1 << 18;

/**
 * scanDates, plus what datesBefore() needs. `englishOnly` says how to read 5/6/2019 when the
 * text is part of a larger one (IncrementalAnalyzer's blocks): whether the whole text has no
 * Arabic. By default, this text decides.
 */
export function scanText(original: string, normalized?: NormalizedText, englishOnly?: boolean): TextScan {
  const arrays = spareArrays ?? new TokenArrays();
  spareArrays = undefined;
  const scan = scanWith(original, normalized ?? normalize(original), arrays, englishOnly);
  arrays.release();
  // Kept for the next text unless a very long one grew them (they would stay that size).
  spareArrays = arrays.capacity <= MAX_KEPT_TOKENS ? arrays : undefined;
  return scan;
}

function scanWith(original: string, n: NormalizedText, arrays: TokenArrays, englishOnly: boolean | undefined): TextScan {
  const arabic = ARABIC_LETTER.exec(n.text);
  const tokens = tokenize(n.text, arrays);
  const grammar = new Grammar({
    tokens,
    englishOnly: englishOnly ?? arabic === null,
    isCapitalized(i) {
      if (i < 0 || i >= tokens.count) return false;
      const ch = original.charAt(n.starts[tokens.startAt(i)]!);
      return ch !== ch.toLowerCase();
    },
  });
  const found: ScannedDate[] = [];
  let lastEnd = 0;
  for (let i = 0; i < tokens.count; ) {
    const bits = grammar.startBits(i);
    const match = bits === 0 ? undefined : grammar.matchAt(i, bits);
    if (!match || match.endTok <= i) {
      i++;
      continue;
    }
    const lastTokenEnd = tokens.endAt(match.endTok - 1);
    if (match.start < lastTokenEnd) {
      const range = toOriginalRange(n, match.start, lastTokenEnd);
      // Marks the normalizer dropped right after the last letter (the tanwin of "غداً", the
      // tatweel of "هـ") belong to the mention.
      const limit = lastTokenEnd < n.text.length ? n.starts[lastTokenEnd]! : original.length;
      while (range.end < limit && TRAILING_MARK.test(original.charAt(range.end))) range.end++;
      // One original character can expand into several tokens (a ligature such as U+FDFA):
      // never let two mentions share it.
      if (range.start >= lastEnd && range.end > range.start) {
        found.push({ start: range.start, end: range.end, raw: match.raw });
        lastEnd = range.end;
      }
    }
    i = match.endTok;
  }
  return { dates: found, firstArabic: arabic === null ? -1 : n.starts[arabic.index]! };
}

/**
 * What scanDates(original.slice(0, end)) would return, without scanning again when the whole
 * text's scan already says it: `end` must sit at a line break (normalizing and tokenizing are
 * per character, a date never spans lines and the grammar never looks past one), and the head
 * must be Arabic or English-only like the whole text (that decides how 5/6/2019 reads).
 */
export function datesBefore(original: string, scan: TextScan, end: number): ScannedDate[] {
  const atLineBreak = end === original.length || original.charCodeAt(end) === 0x0a;
  const headHasArabic = scan.firstArabic >= 0 && scan.firstArabic < end;
  if (!atLineBreak || headHasArabic !== scan.firstArabic >= 0) return scanDates(original.slice(0, end));
  let count = 0;
  while (count < scan.dates.length && scan.dates[count]!.start < end) count++;
  return scan.dates.slice(0, count);
}
