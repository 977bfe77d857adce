/**
 * Proleptic Gregorian day arithmetic on "epoch days" (days since 1970-01-01, UTC). Working in
 * whole days through Date.UTC avoids every time-zone and DST question.
 */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a Gregorian date (month 1–12). */
export function toEpochDay(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function fromEpochDay(epochDay: number): Ymd {
  const d = new Date(epochDay * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday (the JS convention). */
export function weekdayOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** True when day/month exist; with no year, 29 February is allowed. */
export function isValidDayMonth(day: number, month: number, year?: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (year === undefined ? daysInMonth(2000, month) : daysInMonth(year, month));
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

export function isoDay(y: number, m: number, d: number): string {
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}
export function isoMonth(y: number, m: number): string {
  return `${pad4(y)}-${pad2(m)}`;
}
export function isoYear(y: number): string {
  return pad4(y);
}
export function isoYearless(m: number, d?: number): string {
  return d === undefined ? `--${pad2(m)}` : `--${pad2(m)}-${pad2(d)}`;
}

export const WEEKDAY_NAMES_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTH_NAMES_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export function weekdayName(w: number): string {
  return WEEKDAY_NAMES_EN[w] ?? '?';
}
export function monthName(m: number): string {
  return MONTH_NAMES_EN[m - 1] ?? '?';
}

/** A parsed ISO date of any precision. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

/** Parses 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' (a longer ISO timestamp is cut to its date). */
export function parseIsoDate(s: string | null | undefined): PartialDate | null {
  if (!s) return null;
  const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T\s].*)?$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (!isValidDayMonth(day, month, year)) return null;
  return { year, month, day };
}
