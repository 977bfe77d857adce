/**
 * Offsets across the two ways of counting characters. The engine (and VS Code) count UTF-16
 * code units; the W3C Web Annotation TextPositionSelector counts characters, i.e. Unicode
 * code points, so an astral character (😀, 𝔸) is 2 units for us and 1 position for it.
 */

/** Converts UTF-16 offsets (ascending or not) to code-point offsets in one pass over the text. */
export class CodePointCounter {
  private unit = 0;
  private points = 0;

  constructor(private readonly text: string) {}

  /** The code-point offset of a UTF-16 offset. An offset inside a surrogate pair counts the pair as passed. */
  at(offset: number): number {
    if (offset < this.unit) {
      // Going backwards (mentions are usually ascending): restart rather than keep a table.
      this.unit = 0;
      this.points = 0;
    }
    const target = Math.min(offset, this.text.length);
    while (this.unit < target) {
      const c = this.text.charCodeAt(this.unit);
      const pair = c >= 0xd800 && c <= 0xdbff && this.unit + 1 < this.text.length && isLow(this.text.charCodeAt(this.unit + 1));
      this.unit += pair ? 2 : 1;
      this.points++;
    }
    return this.points;
  }
}

/** Code-point offset of one UTF-16 offset (for a single lookup; use CodePointCounter for many). */
export function toCodePointOffset(text: string, offset: number): number {
  return new CodePointCounter(text).at(offset);
}

/** Up to `count` characters (code points) before `start`, never splitting a surrogate pair. */
export function prefixOf(text: string, start: number, count: number): string {
  let i = start;
  for (let n = 0; n < count && i > 0; n++) i -= i >= 2 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2)) ? 2 : 1;
  return text.slice(i, start);
}

/** Up to `count` characters (code points) after `end`, never splitting a surrogate pair. */
export function suffixOf(text: string, end: number, count: number): string {
  let i = end;
  for (let n = 0; n < count && i < text.length; n++) i += isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  return text.slice(end, i);
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
