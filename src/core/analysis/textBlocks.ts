/**
 * Cuts a text into blocks of whole lines for IncrementalAnalyzer. Where a block ends depends
 * on the line it ends with, not on its offset (content-defined cutting, as in rsync or
 * backup tools): an edit changes the block it falls in, and the cuts after it fall where they
 * fell before, so every other block is found again unchanged.
 */

import { fnv1a } from '../text/fnv';

/** A block ends no sooner than this many UTF-16 units after it starts... */
const MIN_BLOCK = 512;
/** ...and at the first line break past this many, whatever its line (a bound on the work an edit costs). */
const MAX_BLOCK = 16 * 1024;
/** How many characters before a line break decide whether a block ends there. */
const TAIL = 24;
/** One line break in 4 (past MIN_BLOCK) ends a block: blocks of about MIN_BLOCK + 4 lines. */
const CUT_MASK = 3;

/**
 * The end offsets of the blocks, in order; the last one is the text's length (none for an
 * empty text). A block ends just after a \n, or after a \r that no \n follows, so a block
 * holds whole lines and "\r\n" is never split.
 */
export function blockEnds(text: string): number[] {
  const ends: number[] = [];
  let start = 0;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  let from = 0;
  for (;;) {
    // The next line break at or after `from`, found with indexOf (native) rather than a loop in JS.
    if (lf !== -1 && lf < from) lf = text.indexOf('\n', from);
    if (cr !== -1 && cr < from) cr = text.indexOf('\r', from);
    let brk = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
    if (brk === -1) break;
    if (brk === cr && text.charCodeAt(brk + 1) === 0x0a) brk++; // "\r\n" ends after its \n
    const end = brk + 1;
    from = end;
    const length = end - start;
    if (length >= MAX_BLOCK || (length >= MIN_BLOCK && (tailHash(text, end) & CUT_MASK) === 0)) {
      ends.push(end);
      start = end;
    }
  }
  if (start < text.length) ends.push(text.length);
  return ends;
}

/** FNV-1a over the TAIL units before `end` (the line break included). */
function tailHash(text: string, end: number): number {
  const h = fnv1a(text, Math.max(0, end - TAIL), end);
  // The low bits of FNV mix poorly; fold the high ones in.
  return (h ^ (h >>> 16)) >>> 0;
}
