/**
 * Resolution: turns what the text says (a `Raw` reading from grammar.ts) into a Gregorian value,
 * anchoring relative and year-less expressions on the document date.
 *
 * Rules (each is unit-tested in test/unit/dates*.test.ts):
 * - Year-less dates ("5 يونيو") take the year that puts them at most 60 days AFTER the document
 *   date, the latest such year: news mostly reports the past and announces the near future. So
 *   in a document of 2019-06-20, "5 يونيو" is 2019-06-05, "5 أغسطس" 2019-08-05, "5 ديسمبر"
 *   2018-12-05; in one of 2019-12-20, "5 يناير" is 2020-01-05. A bare month ("في أيلول") is
 *   treated the same way by its first day.
 * - "الماضي/الفائت/المنصرم" after a month: the most recent such date (with a day) or month
 *   (without) strictly before the document date or month; "المقبل/القادم": the first one after
 *   it; "الجاري/الحالي": the document's own year.
 * - A bare weekday ("الخميس", "يوم الخميس"): the most recent such weekday ON OR BEFORE the
 *   document date, since news reports what happened; "الخميس الماضي" is strictly before, "الخميس
 *   المقبل" strictly after.
 * - "الأسبوع الماضي": 7 days before the document, day precision, with a note that the exact day
 *   is not stated (a week start would depend on the country: Saturday, Sunday or Monday).
 *   "الأسبوع المقبل": 7 days after; "هذا الأسبوع": the document date. "الشهر/العام الماضي":
 *   the previous month/year at month/year precision.
 * - A Hijri month or year spans two Gregorian months or years: the value is the Gregorian month
 *   or year holding most of its days; the note gives the exact span.
 * - Without a (day-precise) document date, relative expressions get value '' (or '--MM-DD' /
 *   '--MM' for year-less dates), resolved: false, and a note saying what is known.
 */

import type { DatePrecision, DateMention } from './types';
import type { Raw, RawDate } from './raw';
import {
  fromEpochDay, isoDay, isoMonth, isoYear, isoYearless, isValidDayMonth, monthName, toEpochDay,
  weekdayName, weekdayOf, type PartialDate,
} from './calendar';
import { epochDayToHijri, hijriMonthSpan, hijriToEpochDay, hijriYearSpan } from './hijri';
import { HIJRI_MONTH_NAMES_EN } from './months';
import type { Qualifier } from './lexicon';

export type Resolution = Omit<DateMention, 'start' | 'end' | 'text'>;

/** How far after the document date a year-less date may lie (see the rule above). */
export const YEARLESS_FUTURE_DAYS = 60;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const hijriIso = (y: number | undefined, m: number, d?: number): string =>
  `${y === undefined ? '-' : String(y).padStart(4, '0')}-${pad2(m)}${d === undefined ? '' : `-${pad2(d)}`}`;
const hijriMonthName = (m: number): string => HIJRI_MONTH_NAMES_EN[m - 1] ?? '?';
const COUNT_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const days = (n: number): string => (n === 1 ? 'the day' : `${COUNT_WORDS[n] ?? String(n)} days`);

/** The document anchor: its date, plus its epoch day when it is day-precise. */
export interface Anchor {
  date: PartialDate;
  epoch?: number;
}

export function makeAnchor(date: PartialDate | null): Anchor | null {
  if (!date) return null;
  return date.month !== undefined && date.day !== undefined ? { date, epoch: toEpochDay(date.year, date.month, date.day) } : { date };
}

function yearShift(q: Qualifier): number {
  return q === 'past' ? -1 : q === 'next' ? 1 : 0;
}

function describeOffset(offset: number): string {
  if (offset === 0) return 'the document date';
  return offset < 0 ? `${days(-offset)} before the document` : `${days(offset)} after the document`;
}

export function resolveRaw(raw: Raw, anchor: Anchor | null): Resolution {
  switch (raw.kind) {
    case 'date':
      return raw.calendar === 'hijri' ? resolveHijri(raw, anchor) : resolveGregorian(raw, anchor);
    case 'relday': {
      const what = describeOffset(raw.offset);
      const said = raw.weekday === undefined ? '' : `a ${weekdayName(raw.weekday)}, `;
      if (anchor?.epoch === undefined) return unresolved('day', `${said}${what}`);
      const epoch = anchor.epoch + raw.offset;
      return dayResult(epoch, true, withWeekdayCheck(what, epoch, raw.weekday));
    }
    case 'weekday': {
      const name = weekdayName(raw.weekday);
      const what =
        raw.qual === 'onOrBefore' ? `the most recent ${name} on or before the document date`
          : raw.qual === 'past' ? `the ${name} before the document date` : `the ${name} after the document date`;
      if (anchor?.epoch === undefined) return unresolved('day', `a ${name}; ${what}`);
      const docW = weekdayOf(anchor.epoch);
      let delta: number;
      if (raw.qual === 'next') delta = (raw.weekday - docW + 7) % 7 || 7;
      else {
        const back = (docW - raw.weekday + 7) % 7;
        delta = -(raw.qual === 'past' && back === 0 ? 7 : back);
      }
      return dayResult(anchor.epoch + delta, true, what);
    }
    case 'ago': {
      const what = describeOffset(-raw.days);
      if (anchor?.epoch === undefined) return unresolved('day', what);
      return dayResult(anchor.epoch - raw.days, true, what);
    }
    case 'relunit':
      return resolveRelUnit(raw.unit, raw.qual, anchor);
  }
}

function unresolved(precision: DatePrecision, note: string, value = ''): Resolution {
  return { value, precision, relative: true, resolved: false, note: `${note} (no document date)` };
}

function dayResult(epoch: number, relative: boolean, note?: string): Resolution {
  const d = fromEpochDay(epoch);
  return { value: isoDay(d.year, d.month, d.day), precision: 'day', relative, resolved: true, ...(note ? { note } : {}) };
}

function withWeekdayCheck(note: string | undefined, epoch: number, weekday: number | undefined): string | undefined {
  if (weekday === undefined) return note;
  const actual = weekdayOf(epoch);
  if (actual === weekday) return note ? `a ${weekdayName(weekday)}, ${note}` : undefined;
  const d = fromEpochDay(epoch);
  const clash = `the text says ${weekdayName(weekday)}, but ${isoDay(d.year, d.month, d.day)} is a ${weekdayName(actual)}`;
  return note ? `${note}; ${clash}` : clash;
}

function resolveRelUnit(unit: 'week' | 'month' | 'year', qual: Qualifier, anchor: Anchor | null): Resolution {
  const shift = yearShift(qual);
  if (unit === 'week') {
    const what = qual === 'past' ? 'about a week before the document: 7 days back, the text names no day'
      : qual === 'next' ? 'about a week after the document: 7 days on, the text names no day' : "the document's week";
    if (anchor?.epoch === undefined) return unresolved('day', what);
    return dayResult(anchor.epoch + 7 * shift, true, what);
  }
  if (unit === 'month') {
    const what = qual === 'past' ? 'the month before the document' : qual === 'next' ? 'the month after the document' : "the document's month";
    if (anchor?.date.month === undefined) return unresolved('month', what);
    const index = anchor.date.year * 12 + (anchor.date.month - 1) + shift;
    return { value: isoMonth(Math.floor(index / 12), (index % 12) + 1), precision: 'month', relative: true, resolved: true, note: what };
  }
  const what = qual === 'past' ? 'the year before the document' : qual === 'next' ? 'the year after the document' : "the document's year";
  if (!anchor) return unresolved('year', what);
  return { value: isoYear(anchor.date.year + shift), precision: 'year', relative: true, resolved: true, note: what };
}

// ---- Gregorian --------------------------------------------------------------------------

function resolveGregorian(raw: RawDate, anchor: Anchor | null): Resolution {
  const { month, day } = raw;
  if (raw.precision === 'year' || month === undefined) {
    if (raw.year === undefined) return unresolved('year', 'a year');
    return { value: isoYear(raw.year), precision: 'year', relative: false, resolved: true };
  }
  const extra = raw.monthFirst ? 'read month-first (English text, second number > 12)' : undefined;
  // Explicit or relative year ("من العام الماضي").
  let year = raw.year;
  let relative = false;
  let note: string | undefined = extra;
  if (year === undefined && raw.yearQual) {
    if (!anchor) return unresolved(raw.precision, `${describeDayMonth(month, day)} of ${yearPhrase(raw.yearQual)}`, isoYearless(month, day));
    year = anchor.date.year + yearShift(raw.yearQual);
    relative = true;
    note = `${yearPhrase(raw.yearQual)}`;
  }
  if (year === undefined) {
    const picked = pickYear(month, day, raw.monthQual, anchor);
    if (picked.year === undefined) {
      const said = raw.weekday === undefined ? '' : `a ${weekdayName(raw.weekday)}, `;
      const res = unresolved(raw.precision, `${said}${describeDayMonth(month, day)}, year not written`, isoYearless(month, day));
      return anchor ? { ...res, note: `${said}${describeDayMonth(month, day)}, year not written; ${picked.note}` } : res;
    }
    year = picked.year;
    relative = true;
    note = picked.note;
  }
  if (day === undefined) return { value: isoMonth(year, month), precision: 'month', relative, resolved: true, ...(note ? { note } : {}) };
  if (!isValidDayMonth(day, month, year)) {
    return { value: isoYearless(month, day), precision: 'day', relative, resolved: false, note: `${year} has no ${describeDayMonth(month, day)}` };
  }
  const epoch = toEpochDay(year, month, day);
  const checked = withWeekdayCheck(note, epoch, raw.weekday);
  return { value: isoDay(year, month, day), precision: 'day', relative, resolved: true, ...(checked ? { note: checked } : {}) };
}

function describeDayMonth(month: number, day?: number): string {
  return day === undefined ? monthName(month) : `${day} ${monthName(month)}`;
}

function yearPhrase(q: Qualifier): string {
  return q === 'past' ? 'the year before the document' : q === 'next' ? 'the year after the document' : "the document's year";
}

/** Picks the year of a year-less Gregorian date or month (the rule at the top of this file). */
function pickYear(month: number, day: number | undefined, qual: Qualifier | undefined, anchor: Anchor | null): { year?: number; note: string } {
  if (!anchor) return { note: 'no document date' };
  const docYear = anchor.date.year;
  if (qual === 'current') return { year: docYear, note: "the document's year (الجاري)" };
  if (anchor.epoch === undefined || anchor.date.month === undefined) {
    return qual === undefined ? { year: docYear, note: "year not written; the document's year" } : { note: 'the document date has no day' };
  }
  const docEpoch = anchor.epoch;
  const docMonthStart = toEpochDay(docYear, anchor.date.month, 1);
  const candidates: Array<{ year: number; epoch: number }> = [];
  for (const y of [docYear - 1, docYear, docYear + 1]) {
    if (day !== undefined && !isValidDayMonth(day, month, y)) continue;
    candidates.push({ year: y, epoch: toEpochDay(y, month, day ?? 1) });
  }
  const what = describeDayMonth(month, day);
  if (qual === 'past') {
    const limit = day === undefined ? docMonthStart : docEpoch;
    const c = candidates.filter((x) => x.epoch < limit).pop();
    return c ? { year: c.year, note: `the most recent ${what} before the document date` } : { note: `no ${what} before the document` };
  }
  if (qual === 'next') {
    const limit = day === undefined ? docMonthStart : docEpoch;
    const c = candidates.find((x) => x.epoch > limit);
    return c ? { year: c.year, note: `the first ${what} after the document date` } : { note: `no ${what} after the document` };
  }
  const c = candidates.filter((x) => x.epoch <= docEpoch + YEARLESS_FUTURE_DAYS).pop();
  return c ? { year: c.year, note: 'year not written; taken from the document date' } : { note: `no ${what} near the document date` };
}

// ---- Hijri ------------------------------------------------------------------------------

/**
 * The Gregorian year ('year') or month ('month') holding most of the days [first, last]; the
 * earliest on a tie. It counts whole stretches between year or month starts, not day by day:
 * a Hijri year is ~354 days.
 */
function majority(first: number, last: number, unit: 'year' | 'month'): string {
  let best = '';
  let bestCount = -1;
  for (let e = first; e <= last; ) {
    const d = fromEpochDay(e);
    const next = unit === 'year' || d.month === 12 ? toEpochDay(d.year + 1, 1, 1) : toEpochDay(d.year, d.month + 1, 1);
    const count = Math.min(next, last + 1) - e;
    if (count > bestCount) {
      best = unit === 'year' ? isoYear(d.year) : isoMonth(d.year, d.month);
      bestCount = count;
    }
    e = next;
  }
  return best;
}

function spanNote(label: string, first: number, last: number): string {
  const a = fromEpochDay(first);
  const b = fromEpochDay(last);
  return `${label} = ${isoDay(a.year, a.month, a.day)} … ${isoDay(b.year, b.month, b.day)}`;
}

function resolveHijri(raw: RawDate, anchor: Anchor | null): Resolution {
  const { month, day } = raw;
  const assumed = raw.hijriAssumed ? '; Hijri assumed from the year (no هـ written)' : '';
  if (raw.precision === 'year' || month === undefined) {
    const y = raw.year!;
    const span = hijriYearSpan(y);
    if (!span) return { value: '', precision: 'year', relative: false, resolved: false, hijri: String(y), note: `${y} AH could not be converted` };
    const value = majority(span[0], span[1], 'year');
    return { value, precision: 'year', relative: false, resolved: true, hijri: String(y).padStart(4, '0'), note: spanNote(`${y} AH`, span[0], span[1]) };
  }
  let year = raw.year;
  let relative = false;
  let pickNote: string | undefined;
  if (year === undefined) {
    if (anchor?.epoch === undefined || day === undefined) {
      const said = `${day === undefined ? '' : `${day} `}${hijriMonthName(month)}, year not written`;
      return { ...unresolved(raw.precision, said), hijri: hijriIso(undefined, month, day) };
    }
    const docHijri = epochDayToHijri(anchor.epoch);
    if (!docHijri) return { ...unresolved('day', 'Hijri conversion unavailable'), hijri: hijriIso(undefined, month, day) };
    const candidates: Array<{ year: number; epoch: number }> = [];
    for (const y of [docHijri.year - 1, docHijri.year, docHijri.year + 1]) {
      const e = hijriToEpochDay(y, month, day);
      if (e !== null) candidates.push({ year: y, epoch: e });
    }
    const docEpoch = anchor.epoch;
    let c: { year: number; epoch: number } | undefined;
    if (raw.monthQual === 'current') c = candidates.find((x) => x.year === docHijri.year);
    else if (raw.monthQual === 'past') c = candidates.filter((x) => x.epoch < docEpoch).pop();
    else if (raw.monthQual === 'next') c = candidates.find((x) => x.epoch > docEpoch);
    else c = candidates.filter((x) => x.epoch <= docEpoch + YEARLESS_FUTURE_DAYS).pop();
    if (!c) return { ...unresolved('day', `${day} ${hijriMonthName(month)}`), hijri: hijriIso(undefined, month, day) };
    year = c.year;
    relative = true;
    pickNote = 'Hijri year not written; taken from the document date';
  }
  const hijri = hijriIso(year, month, day);
  if (day === undefined) {
    const span = hijriMonthSpan(year, month);
    if (!span) return { value: '', precision: 'month', relative, resolved: false, hijri, note: 'could not be converted' };
    const value = majority(span[0], span[1], 'month');
    return { value, precision: 'month', relative, resolved: true, hijri, note: spanNote(`${hijriMonthName(month)} ${year} AH`, span[0], span[1]) + assumed };
  }
  const epoch = hijriToEpochDay(year, month, day);
  if (epoch === null) {
    return { value: '', precision: 'day', relative, resolved: false, hijri, note: `${day} ${hijriMonthName(month)} ${year} AH does not exist in the Umm al-Qura calendar${assumed}` };
  }
  const base = `${day} ${hijriMonthName(month)} ${year} AH${pickNote ? `; ${pickNote}` : ''}${assumed}`;
  const d = fromEpochDay(epoch);
  return { value: isoDay(d.year, d.month, d.day), precision: 'day', relative, resolved: true, hijri, note: withWeekdayCheck(base, epoch, raw.weekday) ?? base };
}
