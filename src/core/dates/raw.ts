/**
 * What a date expression SAYS, before any calendar arithmetic: the grammar (grammar.ts)
 * produces these readings, the resolver (resolve.ts) anchors them on the document date.
 */

import type { DatePrecision } from './types';
import type { Calendar } from './months';
import type { Qualifier } from './lexicon';

/** An explicit calendar date, possibly without a year or day. */
export interface RawDate {
  kind: 'date';
  calendar: Calendar;
  precision: DatePrecision;
  year?: number;
  month?: number;
  day?: number;
  /** "5 مايو من العام الماضي": the year is relative to the document. */
  yearQual?: Qualifier;
  /** "تشرين الثاني الماضي", "9 أكتوبر الجاري". */
  monthQual?: Qualifier;
  /** A weekday written with the date ("الأربعاء 5 يونيو"). */
  weekday?: number;
  /** A numeric date whose year (1300–1500) can only be Hijri, though no هـ was written. */
  hijriAssumed?: boolean;
  /** A numeric date read month-first (English-only text, second number > 12). */
  monthFirst?: boolean;
}
/** اليوم / أمس / غداً …: a day offset from the document date. */
export interface RawRelDay {
  kind: 'relday';
  offset: number;
  weekday?: number;
}
/** A weekday on its own: "الخميس", "الخميس الماضي", "next Friday". */
export interface RawWeekday {
  kind: 'weekday';
  weekday: number;
  qual: 'onOrBefore' | 'past' | 'next';
}
/** الأسبوع/الشهر/العام الماضي، هذا العام, last week … */
export interface RawRelUnit {
  kind: 'relunit';
  unit: 'week' | 'month' | 'year';
  qual: Qualifier;
}
/** منذ يومين، منذ ثلاثة أيام، two days ago. */
export interface RawAgo {
  kind: 'ago';
  days: number;
}
export type Raw = RawDate | RawRelDay | RawWeekday | RawRelUnit | RawAgo;

