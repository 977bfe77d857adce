/**
 * Quotations attributed to people: a speech verb (قال، أكد، أعلن، أضاف، أوضح، أشار، صرح،
 * زعم، تابع …) with a person mention as its speaker and a quoted passage after it, in the
 * same line. The speaker is the person mention nearest the verb, after it ("وقال لافروف")
 * or just before it ("لافروف أكد"). Works on the normalized text, ranges in the original.
 */
import type { Mention } from '../match/matcher';
import { normalizeKey, type NormalizedText } from '../text/normalize';

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
/** How far (in normalized units) a verb may sit before the opening quote mark. */
const VERB_WINDOW = 160;
/** How far from the verb the speaker may be mentioned. */
const SPEAKER_WINDOW = 60;
const MIN_QUOTE = 12;

export function findQuotations(original: string, normalized: NormalizedText, mentions: readonly Mention[], isPerson: (entityId: string) => boolean): Quotation[] {
  const n = normalized.text;
  const people = mentions.filter((m) => isPerson(m.entityId));
  if (people.length === 0) return [];
  const out: Quotation[] = [];
  let lineStart = 0;
  for (let i = 0; i <= n.length; i++) {
    const c = i < n.length ? n.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    if (i > lineStart) quotesInLine(original, normalized, lineStart, i, people, out);
    lineStart = i + 1;
  }
  return out;
}

function quotesInLine(original: string, normalized: NormalizedText, from: number, to: number, people: readonly Mention[], out: Quotation[]): void {
  const n = normalized.text;
  const marks: number[] = [];
  for (let i = from; i < to; i++) if (n.charCodeAt(i) === 0x22) marks.push(i);
  for (let k = 0; k + 1 < marks.length; k += 2) {
    const open = marks[k]!;
    const close = marks[k + 1]!;
    if (close - open - 1 < MIN_QUOTE) continue;
    const verb = findVerb(n, Math.max(from, open - VERB_WINDOW), open);
    if (!verb) continue;
    const verbOriginal = normalized.starts[verb.start]!;
    const speaker = nearestPerson(people, verbOriginal, normalized.starts[open]!);
    if (!speaker) continue;
    const start = normalized.ends[open]!;
    const end = normalized.starts[close]!;
    out.push({ speaker: speaker.entityId, text: original.slice(start, end).trim(), start, end, verb: original.slice(verbOriginal, normalized.ends[verb.end - 1]!) });
  }
}

/** The last speech verb (a whole word, optionally with و/ف) in [from, to). */
function findVerb(n: string, from: number, to: number): { start: number; end: number } | undefined {
  let found: { start: number; end: number } | undefined;
  const re = /[\p{L}\p{M}]+/gu;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(n)) !== null && m.index < to) {
    let w = m[0];
    let skip = 0;
    if (!VERB_SET.has(w) && (w.startsWith('و') || w.startsWith('ف')) && VERB_SET.has(w.slice(1))) {
      w = w.slice(1);
      skip = 1;
    }
    if (VERB_SET.has(w)) found = { start: m.index + skip, end: m.index + m[0].length };
  }
  return found;
}

/** The person mention closest to the verb: after it (before the quote) first, else just before it. */
function nearestPerson(people: readonly Mention[], verbStart: number, quoteStart: number): Mention | undefined {
  const after = people.find((p) => p.start >= verbStart && p.start < quoteStart && p.start - verbStart <= SPEAKER_WINDOW + 40);
  if (after) return after;
  let before: Mention | undefined;
  for (const p of people) if (p.end <= verbStart && verbStart - p.end <= SPEAKER_WINDOW) before = p;
  return before;
}
