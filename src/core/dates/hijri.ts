/**
 * Hijri (Umm al-Qura) ↔ Gregorian without a dependency: ICU's `islamic-umalqura` calendar
 * (full ICU ships with Node ≥ 13 and every browser) converts Gregorian → Hijri; the inverse
 * is a binary search over epoch days, since the Hijri date grows monotonically with the day.
 */

import { toEpochDay } from './calendar';

export interface HijriDate {
  year: number;
  month: number;
  day: number;
}

let formatter: Intl.DateTimeFormat | null | undefined;

/** The Umm al-Qura formatter, or null when the runtime's ICU lacks the calendar. */
function getFormatter(): Intl.DateTimeFormat | null {
  if (formatter !== undefined) return formatter;
  try {
    const f = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatter = f.resolvedOptions().calendar === 'islamic-umalqura' ? f : null;
  } catch {
    formatter = null;
  }
  return formatter;
}

/** True when Hijri conversion is available in this runtime. */
export function hijriSupported(): boolean {
  return getFormatter() !== null;
}

/** The Hijri date of a Gregorian epoch day, or null without ICU support. */
/** Intl formatting is the slow part of a date analysis; the same days recur across a corpus. */
const hijriCache = new Map<number, HijriDate | null>();
const HIJRI_CACHE_MAX = 20_000;

export function epochDayToHijri(epochDay: number): HijriDate | null {
  const cached = hijriCache.get(epochDay);
  if (cached !== undefined) return cached;
  const result = computeHijri(epochDay);
  if (hijriCache.size >= HIJRI_CACHE_MAX) hijriCache.clear();
  hijriCache.set(epochDay, result);
  return result;
}

function computeHijri(epochDay: number): HijriDate | null {
  const f = getFormatter();
  if (!f) return null;
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of f.formatToParts(new Date(epochDay * 86_400_000))) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return year > 0 && month > 0 && day > 0 ? { year, month, day } : null;
}

export function gregorianToHijri(year: number, month: number, day: number): HijriDate | null {
  return epochDayToHijri(toEpochDay(year, month, day));
}

const compare = (a: HijriDate, b: HijriDate): number => a.year - b.year || a.month - b.month || a.day - b.day;

/** 1 Muharram 1 AH (16 July 622, Julian-era reckoning as ICU's proleptic Gregorian sees it). */
const EPOCH_1AH = toEpochDay(622, 7, 19);
const MEAN_YEAR = 354.36667;
const MEAN_MONTH = 29.530589;

/**
 * The Gregorian epoch day of a Hijri date, or null when that day does not exist (e.g. the 30th
 * of a 29-day month) or ICU lacks the calendar. The arithmetic estimate is within a few days
 * of the Umm al-Qura answer; the binary search over ±45 days finds the exact one.
 */
export function hijriToEpochDay(year: number, month: number, day: number): number | null {
  if (!getFormatter() || month < 1 || month > 12 || day < 1 || day > 30 || year < 1) return null;
  const target: HijriDate = { year, month, day };
  const estimate = EPOCH_1AH + Math.floor((year - 1) * MEAN_YEAR + (month - 1) * MEAN_MONTH + day - 1);
  let lo = estimate - 45;
  let hi = estimate + 45;
  // Invariant: the answer, if any, lies in [lo, hi]. Find the first day whose Hijri date ≥ target.
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const h = epochDayToHijri(mid);
    if (!h) return null;
    if (compare(h, target) < 0) lo = mid + 1;
    else hi = mid;
  }
  const found = epochDayToHijri(lo);
  return found && compare(found, target) === 0 ? lo : null;
}

/** Epoch days [first, last] of a Hijri month, or null. */
export function hijriMonthSpan(year: number, month: number): [number, number] | null {
  const first = hijriToEpochDay(year, month, 1);
  const next = month === 12 ? hijriToEpochDay(year + 1, 1, 1) : hijriToEpochDay(year, month + 1, 1);
  return first === null || next === null ? null : [first, next - 1];
}

/** Epoch days [first, last] of a Hijri year, or null. */
export function hijriYearSpan(year: number): [number, number] | null {
  const first = hijriToEpochDay(year, 1, 1);
  const next = hijriToEpochDay(year + 1, 1, 1);
  return first === null || next === null ? null : [first, next - 1];
}
