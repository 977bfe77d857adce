/**
 * Agreements referred to by their date: «مذكرة 17 أيلول/سبتمبر 2018», «اتفاق 5 آذار»,
 * "the memorandum of 5 March 2020". The press names these texts by the day they were
 * signed far more often than by a title, so the catalog's alias matcher misses them; the
 * date engine has already found and resolved the date, and here a cue word just before it
 * (at most CUE_WINDOW words, compared in normalized form) turns it into a reference to the
 * catalogued agreement signed that day.
 */
import type { Catalog } from '../catalog/catalog';
import type { DateMention } from '../dates/types';
import { normalizeKey } from '../text/normalize';
import { isWordUnit } from '../text/tokenize';

/** How many words before the date may separate it from the cue ("memorandum of", «مذكرة سوتشي في»). */
export const CUE_WINDOW = 3;

/** Cue words as the press writes them; compared after normalizeKey (ة→ه, case folded, …). */
const CUES = new Set(
  ['مذكرة', 'مذكرات', 'اتفاق', 'اتفاقية', 'اتفاقات', 'بروتوكول', 'تفاهم', 'memorandum', 'agreement', 'protocol', 'deal', 'accord'].map(normalizeKey),
);

/** Proclitics that attach to a cue word («والمذكرة», «باتفاق», «للاتفاق»), longest first. */
const PROCLITICS = ['وبال', 'وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف', 'ك'].map(normalizeKey);


/** Whether a cue word sits within CUE_WINDOW words before `start` (same line only). */
export function hasCueBefore(text: string, start: number): boolean {
  return cueStartBefore(text, start) !== undefined;
}

/**
 * Where the nearest cue word within CUE_WINDOW words before `start` begins, in the original
 * text (same line only), or undefined. A proclitic attached to the cue is left outside.
 */
export function cueStartBefore(text: string, start: number): number | undefined {
  // The line starts after the last \n or \r before `start` (as LineBreaks has it), at most 120 back.
  let lineStart = start;
  while (lineStart > 0 && lineStart > start - 120) {
    const c = text.charCodeAt(lineStart - 1);
    if (c === 0x0a || c === 0x0d) break;
    lineStart--;
  }
  // The words before `start` are read backwards, nearest first, without cutting out the
  // line: this runs for every date of a catalogued agreement, often several per paragraph.
  // A word that runs on past `start` (a cue glued to the date) counts whole, as it reads.
  let end = start;
  if (end > lineStart && isWordUnit(text, end - 1)) while (end < text.length && isWordUnit(text, end)) end++;
  let i = start;
  for (let k = 0; k < CUE_WINDOW; k++) {
    while (i > lineStart && !isWordUnit(text, i - 1)) i--;
    if (i <= lineStart) return undefined;
    const wordEnd = i === start ? end : i;
    while (i > lineStart && isWordUnit(text, i - 1)) i--;
    const word = text.slice(i, wordEnd);
    const key = normalizeKey(word);
    if (CUES.has(key)) return i;
    // A cue with an attached proclitic («والمذكرة», «باتفاق», «للاتفاق»).
    for (const p of PROCLITICS) {
      if (key.length > p.length + 2 && key.startsWith(p) && CUES.has(key.slice(p.length))) return i + cliticLength(word, p.length);
    }
  }
  return undefined;
}

/** Original length of the first `normalizedLength` letters of a word (marks in between count). */
function cliticLength(word: string, normalizedLength: number): number {
  let letters = 0;
  let i = 0;
  while (i < word.length && letters < normalizedLength) {
    if (normalizeKey(word[i]!) !== '') letters++;
    i++;
  }
  return i;
}

/** Agreements by date, built once per catalog. */
export class AgreementsByDate {
  private readonly byDay = new Map<string, string[]>();
  private readonly byMonthDay = new Map<string, Array<{ id: string; year: string }>>();

  constructor(catalog: Catalog) {
    for (const e of catalog.ofType('agreement')) {
      if (!e.date || !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) continue; // day precision only
      push(this.byDay, e.date, e.id);
      const list = this.byMonthDay.get(e.date.slice(5)) ?? [];
      list.push({ id: e.id, year: e.date.slice(0, 4) });
      this.byMonthDay.set(e.date.slice(5), list);
    }
  }

  /**
   * The agreement a date mention names, if any: the one signed that very day; for a
   * year-less mention («5 آذار»), the one signed that month-day, preferring the year the
   * date engine inferred, else the only candidate.
   */
  find(mention: DateMention): { id: string; date: string } | undefined {
    if (mention.precision !== 'day') return undefined;
    const monthDay = /^(?:\d{4}|-)-(\d{2}-\d{2})$/.exec(mention.value)?.[1];
    if (!monthDay) return undefined;
    // Most dates name a day no agreement was signed on: answered before yearless() normalizes the text.
    const candidates = this.byMonthDay.get(monthDay);
    if (!candidates) return undefined;
    if (!yearless(mention)) {
      const ids = this.byDay.get(mention.value);
      return ids?.length === 1 ? { id: ids[0]!, date: mention.value } : undefined;
    }
    const sameYear = candidates.filter((c) => mention.value.startsWith(c.year + '-'));
    const pick = sameYear.length === 1 ? sameYear[0] : candidates.length === 1 ? candidates[0] : undefined;
    return pick ? { id: pick.id, date: `${pick.year}-${monthDay}` } : undefined;
  }
}

/** The text wrote no year: '--MM-DD', or a year the engine supplied from the document date. */
export function yearless(mention: DateMention): boolean {
  return mention.value.startsWith('--') || !/\d{4}/.test(normalizeKey(mention.text));
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}
