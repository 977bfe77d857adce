/**
 * Public types of the date engine. Offsets are UTF-16 offsets into the ORIGINAL text (what
 * VS Code ranges use), never into the normalized copy the scanner runs on.
 */

export type DatePrecision = 'day' | 'month' | 'year';

export interface DateMention {
  /** Start offset in the original text (inclusive). */
  start: number;
  /** End offset in the original text (exclusive). */
  end: number;
  /** `original.slice(start, end)`, kept so callers need not keep the text around. */
  text: string;
  /**
   * Gregorian value: 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY'; when the year is unknown, '--MM-DD'
   * (or '--MM' for a bare month); '' when nothing could be anchored (e.g. "yesterday" in an
   * undated document).
   */
  value: string;
  precision: DatePrecision;
  /** True when the value depends on the document date (أمس، الخميس، "5 يونيو" without a year, …). */
  relative: boolean;
  /** False when a relative or year-less expression could not be anchored. */
  resolved: boolean;
  /** The Hijri form when the text wrote a Hijri date, e.g. '1441-06-10', '1441-09', '1441'. */
  hijri?: string;
  /** A human explanation, e.g. 'a Friday, the day before the document' or 'year inferred from weekday'. */
  note?: string;
}

export interface DocumentDate {
  value: string | null;
  precision?: DatePrecision;
  source: 'header' | 'filename' | 'metadata' | 'inferred' | 'none';
  /** Range of the dating expression in the document text (header and inferred sources only). */
  start?: number;
  end?: number;
  note?: string;
}
