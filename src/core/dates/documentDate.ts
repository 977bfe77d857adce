/**
 * detectDocumentDate: when was this article published? Sources, strongest first:
 * 1. metadata — an ISO date recorded for the file in `.corpus/documents.json` (a reviewer's word);
 * 2. header — a full date (day, month, year) in the first 5 non-empty lines that stands apart
 *    from the prose: at the start or end of its line, or next to a separator (| - : ، •), as in
 *    "أخبار | 05 فبراير 2020" or a caption ending "- 29 كانون الأول 2018". A date inside a header
 *    sentence ("… مذكرة 17 أيلول 2018 …") is history, not the publication date;
 * 3. filename — 2019-10-19-…, 2019_10_19…, 20191019_…, 19-10-2019…;
 * 4. inferred — the first "weekday + day + month" with no year ("الأربعاء 5 يونيو / حزيران"):
 *    news names a weekday only for recent days, so the document was written that day. The year
 *    is the one in the corpus range (default 2011–2020) where that date falls on that weekday;
 *    when several do, the latest, and the note says which others fit.
 */

import type { DocumentDate } from './types';
import { isoDay, isoMonth, isoYear, isValidDayMonth, monthName, parseIsoDate, toEpochDay, weekdayName, weekdayOf } from './calendar';
import { resolveRaw } from './resolve';
import { datesBefore, scanDates, type ScannedDate, type TextScan } from './scan';

export interface DocumentDateInput {
  text: string;
  fileName: string;
  /** The ISO date recorded in `.corpus/documents.json`, if any. */
  metadata?: string | null;
  /** Years a weekday-only date may fall in; default 2011–2020. */
  corpusRange?: { from: number; to: number };
  /** The whole text's scanned dates, when the caller has them (spares a second scan). */
  scanned?: readonly ScannedDate[];
  /** The whole text's scanText(), when the caller has it: spares the scans of the text and of its header. */
  scan?: TextScan;
}

export const DEFAULT_CORPUS_RANGE = { from: 2011, to: 2020 } as const;
const HEADER_LINES = 5;
/** Characters that set a header date apart from the words around it. */
const SEPARATOR = /[|\-–—:،,•·/\\()[\]"'«»“”]/;

export function detectDocumentDate(input: DocumentDateInput): DocumentDate {
  return (
    fromMetadata(input.metadata) ??
    fromHeader(input.text, input.scan) ??
    fromFileName(input.fileName) ??
    inferFromWeekday(input.scanned ?? input.scan?.dates ?? scanDates(input.text), input.corpusRange ?? DEFAULT_CORPUS_RANGE) ?? { value: null, source: 'none' }
  );
}

function fromMetadata(metadata: string | null | undefined): DocumentDate | undefined {
  const d = parseIsoDate(metadata);
  if (!d) return undefined;
  if (d.month === undefined) return { value: isoYear(d.year), precision: 'year', source: 'metadata' };
  if (d.day === undefined) return { value: isoMonth(d.year, d.month), precision: 'month', source: 'metadata' };
  return { value: isoDay(d.year, d.month, d.day), precision: 'day', source: 'metadata' };
}

/** End offset of the first `count` non-empty lines. */
function headerEnd(text: string, count: number): number {
  let seen = 0;
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    if (text.slice(pos, nl).trim() !== '') seen++;
    pos = nl + 1;
    if (seen >= count) return Math.min(nl, text.length);
  }
  return text.length;
}

function fromHeader(text: string, scan: TextScan | undefined): DocumentDate | undefined {
  const end = headerEnd(text, HEADER_LINES);
  const header = text.slice(0, end);
  for (const d of scan ? datesBefore(text, scan, end) : scanDates(header)) {
    const raw = d.raw;
    if (raw.kind !== 'date' || raw.precision !== 'day' || raw.year === undefined) continue;
    if (!standsApart(header, d.start, d.end)) continue;
    const r = resolveRaw(raw, null);
    if (!r.resolved || r.precision !== 'day') continue;
    return { value: r.value, precision: 'day', source: 'header', start: d.start, end: d.end, ...(r.hijri ? { note: `written as Hijri ${r.hijri}` } : {}) };
  }
  return undefined;
}

/** The date is at the start or end of its line, or right next to a separator. */
function standsApart(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, start).trim();
  const after = text.slice(end, lineEnd).trim();
  return before === '' || after === '' || SEPARATOR.test(before.charAt(before.length - 1)) || SEPARATOR.test(after.charAt(0));
}

const FILE_PATTERNS: Array<{ re: RegExp; order: 'ymd' | 'dmy' }> = [
  { re: /(?<![0-9])((?:19|20)[0-9]{2})[-_.]([0-9]{1,2})[-_.]([0-9]{1,2})(?![0-9])/, order: 'ymd' },
  { re: /(?<![0-9A-Za-z])((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?![0-9])/, order: 'ymd' },
  { re: /(?<![0-9])([0-9]{1,2})[-_.]([0-9]{1,2})[-_.]((?:19|20)[0-9]{2})(?![0-9])/, order: 'dmy' },
];

function fromFileName(fileName: string): DocumentDate | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  for (const { re, order } of FILE_PATTERNS) {
    const m = re.exec(base);
    if (!m) continue;
    const [y, mo, d] = order === 'ymd' ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    if (isValidDayMonth(day, month, year)) return { value: isoDay(year, month, day), precision: 'day', source: 'filename' };
  }
  return undefined;
}

function inferFromWeekday(scanned: readonly ScannedDate[], range: { from: number; to: number }): DocumentDate | undefined {
  for (const d of scanned) {
    const raw = d.raw;
    if (raw.kind !== 'date' || raw.calendar !== 'gregorian' || raw.weekday === undefined) continue;
    if (raw.year !== undefined || raw.yearQual || raw.day === undefined || raw.month === undefined) continue;
    if (raw.monthQual === 'past' || raw.monthQual === 'next') continue;
    const years: number[] = [];
    for (let y = range.from; y <= range.to; y++) {
      if (isValidDayMonth(raw.day, raw.month, y) && weekdayOf(toEpochDay(y, raw.month, raw.day)) === raw.weekday) years.push(y);
    }
    const year = years[years.length - 1];
    if (year === undefined) continue;
    const said = `${weekdayName(raw.weekday)} ${raw.day} ${monthName(raw.month)}`;
    const others = years.slice(0, -1);
    const note = `year inferred from weekday (${said} → ${year})` + (others.length ? `; also fits ${others.join(', ')} in ${range.from}–${range.to}, took the latest` : '');
    return { value: isoDay(year, raw.month, raw.day), precision: 'day', source: 'inferred', start: d.start, end: d.end, note };
  }
  return undefined;
}
