/**
 * The sentence around an offset: enough segmentation for a timeline label, not a full
 * sentence splitter. Line breaks always end a sentence (news paragraphs are lines); so do
 * . ! ? ؟ … followed by a space or the end, except after a single capital letter ("U.S.")
 * or a digit followed by a digit ("3.5").
 */
import type { OffsetRange } from '../text/normalize';

/** \r or \n. (Character codes, not a regex per character: the timeline looks around every dated sentence of the corpus.) */
function isHard(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/** . ! ? ؟ … ۔ */
function isTerminal(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x2026 || c === 0x06d4;
}

function endsSentence(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (isHard(code)) return true;
  if (!isTerminal(code)) return false;
  const c = text[i]!;
  const next = text[i + 1];
  if (next !== undefined && !/\s/.test(next) && !/[«»"”'’)]/.test(next)) return false;
  // "U.S. forces": a lone capital before the period is an abbreviation.
  if (c === '.' && i >= 1 && /[A-Z]/.test(text[i - 1]!) && (i < 2 || !/\p{L}/u.test(text[i - 2]!))) return false;
  return true;
}

/** The trimmed sentence containing [start, end). */
export function sentenceAround(text: string, start: number, end: number): OffsetRange {
  let s = start;
  while (s > 0 && !endsSentence(text, s - 1)) s--;
  let e = Math.max(end, start);
  while (e < text.length && !endsSentence(text, e)) e++;
  // Keep the closing punctuation (but not a line break) in the sentence.
  if (e < text.length && !isHard(text.charCodeAt(e))) e++;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/**
 * A label from a sentence: whitespace collapsed, at most `max` characters. A long sentence
 * is cut around the date so the label still shows it.
 */
export function labelOf(text: string, sentence: OffsetRange, focus: OffsetRange, max = 200): string {
  const raw = text.slice(sentence.start, sentence.end);
  const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
  const whole = collapse(raw);
  if (whole.length <= max) return whole;
  const center = Math.floor((focus.start + focus.end) / 2) - sentence.start;
  let from = Math.max(0, center - Math.floor(max / 2));
  const to = Math.min(raw.length, from + max - 2);
  from = Math.max(0, to - (max - 2));
  return `${from > 0 ? '…' : ''}${collapse(raw.slice(from, to))}${to < raw.length ? '…' : ''}`;
}
