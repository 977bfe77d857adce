/**
 * The scanner: normalizes the text once, tokenizes it, and walks the tokens left to right,
 * taking at each position the longest date expression the grammar finds and jumping past it.
 * Each position is tried once with a bounded look-ahead, so the scan is linear in the text.
 */

import { normalize, toOriginalRange, type NormalizedText } from '../text/normalize';
import { Grammar } from './grammar';
import type { Raw } from './raw';
import { tokenize } from './tokens';

export interface ScannedDate {
  /** Offsets in the ORIGINAL text. */
  start: number;
  end: number;
  raw: Raw;
}

const ARABIC_LETTER = /[\u0621-\u064a\u0671-\u06d3]/;
const TRAILING_MARK = /[\p{M}\u0640]/u;

/** Scans `original`; pass its normalized form when the caller already has it (saves a pass). */
export function scanDates(original: string, normalized?: NormalizedText): ScannedDate[] {
  const n = normalized ?? normalize(original);
  const tokens = tokenize(n.text);
  const grammar = new Grammar({
    tokens,
    englishOnly: !ARABIC_LETTER.test(n.text),
    isCapitalized(i) {
      const t = tokens.get(i);
      if (!t) return false;
      const ch = original.charAt(n.starts[t.start]!);
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
    const last = tokens.get(match.endTok - 1)!;
    if (match.start < last.end) {
      const range = toOriginalRange(n, match.start, last.end);
      // Marks the normalizer dropped right after the last letter (the tanwin of "غداً", the
      // tatweel of "هـ") belong to the mention.
      const limit = last.end < n.text.length ? n.starts[last.end]! : original.length;
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
  return found;
}
