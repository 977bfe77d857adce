/**
 * The date mentions of one document packed into one Int32Array plus a string table, as
 * packedMentions.ts does for entity mentions. A news article has a date every few lines: at
 * 100,000 documents that is millions of small objects, each cloned when a worker sends it
 * and parsed from the cache. Packed, they travel as one transferable buffer and are built
 * as objects only when read (the timeline, the CLI's output).
 */
import type { DateMention, DatePrecision } from '../dates/types';
import { StringTable } from './stringTable';

export interface PackedDates {
  /** Per date, STRIDE numbers: start, end, text, value, precision, flags, hijri (-1: none), note (-1: none). */
  data: Int32Array;
  strings: string[];
}

export const DATE_STRIDE = 8;
const START = 0;
const END = 1;
const TEXT = 2;
const VALUE = 3;
const PRECISION = 4;
const FLAGS = 5;
const HIJRI = 6;
const NOTE = 7;
const RELATIVE = 1;
const RESOLVED = 2;

const PRECISIONS: readonly DatePrecision[] = ['day', 'month', 'year'];

export function packDates(dates: readonly DateMention[]): PackedDates {
  const data = new Int32Array(dates.length * DATE_STRIDE);
  const table = new StringTable();
  let o = 0;
  for (const d of dates) {
    data[o + START] = d.start;
    data[o + END] = d.end;
    data[o + TEXT] = table.idOf(d.text);
    data[o + VALUE] = table.idOf(d.value);
    data[o + PRECISION] = PRECISIONS.indexOf(d.precision);
    data[o + FLAGS] = (d.relative ? RELATIVE : 0) | (d.resolved ? RESOLVED : 0);
    data[o + HIJRI] = table.optionalIdOf(d.hijri);
    data[o + NOTE] = table.optionalIdOf(d.note);
    o += DATE_STRIDE;
  }
  return { data, strings: table.strings };
}

export function dateCount(p: PackedDates): number {
  return p.data.length / DATE_STRIDE;
}

export function dateAt(p: PackedDates, k: number): DateMention {
  const o = k * DATE_STRIDE;
  const d = p.data;
  const m: DateMention = {
    start: d[o + START]!,
    end: d[o + END]!,
    text: p.strings[d[o + TEXT]!]!,
    value: p.strings[d[o + VALUE]!]!,
    precision: PRECISIONS[d[o + PRECISION]!]!,
    relative: (d[o + FLAGS]! & RELATIVE) !== 0,
    resolved: (d[o + FLAGS]! & RESOLVED) !== 0,
  };
  if (d[o + HIJRI]! >= 0) m.hijri = p.strings[d[o + HIJRI]!]!;
  if (d[o + NOTE]! >= 0) m.note = p.strings[d[o + NOTE]!]!;
  return m;
}

export function unpackDates(p: PackedDates): DateMention[] {
  const n = dateCount(p);
  const out = new Array<DateMention>(n);
  for (let k = 0; k < n; k++) out[k] = dateAt(p, k);
  return out;
}

/** Whether `x` has the shape of PackedDates and every reference is in range (for untrusted input: the cache). */
export function isPackedDates(x: unknown): x is PackedDates {
  const p = x as PackedDates | null;
  if (!p || !(p.data instanceof Int32Array) || !Array.isArray(p.strings) || p.data.length % DATE_STRIDE !== 0) return false;
  if (!p.strings.every((s) => typeof s === 'string')) return false;
  const n = p.strings.length;
  const d = p.data;
  for (let o = 0; o < d.length; o += DATE_STRIDE) {
    if (d[o + START]! < 0 || d[o + END]! < d[o + START]!) return false;
    if (d[o + TEXT]! < 0 || d[o + TEXT]! >= n || d[o + VALUE]! < 0 || d[o + VALUE]! >= n) return false;
    if (d[o + PRECISION]! < 0 || d[o + PRECISION]! >= PRECISIONS.length || d[o + FLAGS]! < 0 || d[o + FLAGS]! > 3) return false;
    if (d[o + HIJRI]! < -1 || d[o + HIJRI]! >= n || d[o + NOTE]! < -1 || d[o + NOTE]! >= n) return false;
  }
  return true;
}
