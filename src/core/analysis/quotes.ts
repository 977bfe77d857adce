/**
 * Quotations attributed to people: a speech verb (قال، أكد، أعلن، أضاف، أوضح، أشار، صرح،
 * زعم، تابع …) with a person mention as its speaker and a quoted passage after it, in the
 * same line. The speaker is the person mention nearest the verb, after it ("وقال لافروف")
 * or just before it ("لافروف أكد"). Works on the normalized text, ranges in the original.
 */
import type { Mention } from '../match/matcher';
import { normalizeKey, type NormalizedText } from '../text/normalize';
import { LineBreaks } from './lines';
import { firstIndex } from '../index/sorted';

export interface Quotation {
  /** Entity id of the speaker. */
  speaker: string;
  /** The quoted passage, original text without the quote marks. */
  text: string;
  /** Range of the quoted passage in the original text. */
  start: number;
  end: number;
  /** The speech verb as written. */
  verb: string;
}

const VERBS = [
  'قال', 'قالت', 'اكد', 'اكدت', 'اعلن', 'اعلنت', 'اضاف', 'اضافت', 'اوضح', 'اوضحت', 'اشار', 'اشارت',
  'صرح', 'صرحت', 'زعم', 'زعمت', 'تابع', 'تابعت', 'شدد', 'شددت', 'لفت', 'لفتت', 'اعتبر', 'اعتبرت',
  'ذكر', 'ذكرت', 'افاد', 'افادت', 'said', 'says', 'told', 'added', 'stated', 'declared', 'stressed',
].map(normalizeKey);
const VERB_SET = new Set(VERBS);
/** A longer word (even with و/ف) is no speech verb. */
const MAX_VERB = Math.max(...VERBS.map((v) => v.length)) + 1;
/** How far (in normalized units) a verb may sit before the opening quote mark. */
const VERB_WINDOW = 160;
/** How far from the verb the speaker may be mentioned. */
const SPEAKER_WINDOW = 60;
const MIN_QUOTE = 12;

export function findQuotations(original: string, normalized: NormalizedText, mentions: readonly Mention[], isPerson: (entityId: string) => boolean): Quotation[] {
  if (normalized.text.indexOf('"') === -1) return [];
  const speakers = Speakers.of(mentions, isPerson);
  const out: Quotation[] = [];
  if (speakers) quotationsIn(original, normalized, 0, speakers, out);
  return out;
}

/**
 * The quotations of a part of a larger text that starts at offset `base` of it (a block of
 * IncrementalAnalyzer): `original` and `normalized` are the part's own, `speakers` and the
 * ranges pushed to `out` are in the whole text's offsets. A quotation sits within one line,
 * and a part is made of whole lines; its speaker may be on a line before.
 */
export function quotationsIn(original: string, normalized: NormalizedText, base: number, speakers: Speakers, out: Quotation[]): void {
  const n = normalized.text;
  let nextMark = n.indexOf('"');
  // Only the lines with a quote mark need a look; indexOf jumps over the others.
  const breaks = new LineBreaks(n);
  for (let lineStart = 0; lineStart <= n.length && nextMark !== -1; ) {
    const lineEnd = breaks.next(lineStart);
    if (nextMark < lineEnd) {
      quotesInLine(original, normalized, lineStart, lineEnd, base, speakers, out);
      nextMark = n.indexOf('"', lineEnd);
    }
    lineStart = lineEnd + 1;
  }
}

function quotesInLine(original: string, normalized: NormalizedText, from: number, to: number, base: number, speakers: Speakers, out: Quotation[]): void {
  const n = normalized.text;
  const marks: number[] = [];
  for (let i = n.indexOf('"', from); i !== -1 && i < to; i = n.indexOf('"', i + 1)) marks.push(i);
  for (let k = 0; k + 1 < marks.length; k += 2) {
    const open = marks[k]!;
    const close = marks[k + 1]!;
    if (close - open - 1 < MIN_QUOTE) continue;
    const verb = findVerb(n, Math.max(from, open - VERB_WINDOW), open);
    if (!verb) continue;
    const verbOriginal = normalized.starts[verb.start]!;
    const speaker = speakers.nearest(base + verbOriginal, base + normalized.starts[open]!);
    if (!speaker) continue;
    const start = normalized.ends[open]!;
    const end = normalized.starts[close]!;
    out.push({ speaker: speaker.entityId, text: original.slice(start, end).trim(), start: base + start, end: base + end, verb: original.slice(verbOriginal, normalized.ends[verb.end - 1]!) });
  }
}

/**
 * The last speech verb (a whole word, optionally with و/ف) in [from, to), where `to` is the
 * opening quote mark; a word cut by `from` counts from there. The words are read backwards from
 * `to`, so the search stops at the first verb it meets instead of reading the whole window.
 */
function findVerb(n: string, from: number, to: number): { start: number; end: number } | undefined {
  if (hasSurrogate(n, from - 1, to)) return findVerbByRegex(n, from, to);
  let i = to;
  while (i > from) {
    while (i > from && !isLetter(n.charCodeAt(i - 1))) i--;
    const end = i;
    while (i > from && isLetter(n.charCodeAt(i - 1))) i--;
    if (end > i) {
      const skip = verbSkip(n, i, end);
      if (skip >= 0) return { start: i + skip, end };
    }
  }
  return undefined;
}

/**
 * Whether n[start, end) is a speech verb: 0 when it is one as it stands, 1 when it is one after
 * a leading و/ف ("وقال"), else -1. Only short words are cut out of the text to be looked up.
 */
function verbSkip(n: string, start: number, end: number): number {
  if (end - start > MAX_VERB) return -1;
  const w = n.slice(start, end);
  if (VERB_SET.has(w)) return 0;
  return (w.startsWith('و') || w.startsWith('ف')) && VERB_SET.has(w.slice(1)) ? 1 : -1;
}

/**
 * findVerb by the regex the backward reading stands in for. It is the reference when a
 * surrogate is near: a pair is one letter or none for the regex, and a window edge inside one
 * is handled the regex's way.
 */
function findVerbByRegex(n: string, from: number, to: number): { start: number; end: number } | undefined {
  let found: { start: number; end: number } | undefined;
  const re = /[\p{L}\p{M}]+/gu;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(n)) !== null && m.index < to) {
    const skip = verbSkip(n, m.index, m.index + m[0].length);
    if (skip >= 0) found = { start: m.index + skip, end: m.index + m[0].length };
  }
  return found;
}

function hasSurrogate(n: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i <= to && i < n.length; i++) {
    const c = n.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** Letter or mark, per UTF-16 unit of the BMP (filled on first use): the regex's [\p{L}\p{M}]. */
const letterTable = new Uint8Array(0x10000); // 0 unknown, 1 letter, 2 not
const LETTER = /^[\p{L}\p{M}]$/u;

function isLetter(c: number): boolean {
  let k = letterTable[c]!;
  if (k === 0) letterTable[c] = k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/**
 * The person mentions, for finding the one nearest a verb. Mentions come sorted by position
 * (the matcher's order), so a binary search finds the candidates; for any other order the
 * plain scan gives the same answer.
 */
export class Speakers {
  private readonly sorted: boolean;

  /** The speakers among a text's mentions; undefined when none is a person. */
  static of(mentions: readonly Mention[], isPerson: (entityId: string) => boolean): Speakers | undefined {
    const people = mentions.filter((m) => isPerson(m.entityId));
    return people.length ? new Speakers(people) : undefined;
  }

  private constructor(private readonly people: readonly Mention[]) {
    let sorted = true;
    for (let i = 1; i < people.length && sorted; i++) {
      sorted = people[i - 1]!.start <= people[i]!.start && people[i - 1]!.end <= people[i]!.end;
    }
    this.sorted = sorted;
  }

  /** The person mention closest to the verb: after it (before the quote) first, else just before it. */
  nearest(verbStart: number, quoteStart: number): Mention | undefined {
    return this.sorted ? this.nearestSorted(verbStart, quoteStart) : nearestPerson(this.people, verbStart, quoteStart);
  }

  /**
   * nearestPerson on sorted mentions: the first one starting at or after the verb is the only
   * candidate "after", the last one ending before it the only candidate "before".
   */
  private nearestSorted(verbStart: number, quoteStart: number): Mention | undefined {
    const people = this.people;
    const a = firstIndex(people, (p) => p.start >= verbStart);
    const after = people[a];
    if (after && after.start < quoteStart && after.start - verbStart <= SPEAKER_WINDOW + 40) return after;
    const before = people[firstIndex(people, (p) => p.end > verbStart) - 1];
    return before && verbStart - before.end <= SPEAKER_WINDOW ? before : undefined;
  }
}

/** The person mention closest to the verb: after it (before the quote) first, else just before it. */
function nearestPerson(people: readonly Mention[], verbStart: number, quoteStart: number): Mention | undefined {
  const after = people.find((p) => p.start >= verbStart && p.start < quoteStart && p.start - verbStart <= SPEAKER_WINDOW + 40);
  if (after) return after;
  let before: Mention | undefined;
  for (const p of people) if (p.end <= verbStart && verbStart - p.end <= SPEAKER_WINDOW) before = p;
  return before;
}
