/**
 * The small closed word lists the date grammar needs besides month names: weekdays, day
 * ordinals, number words, qualifiers (الماضي/المقبل) and cue words. All keys are normalized
 * spellings (normalizeKey at load), like months.ts.
 */

import { normalizeKey } from '../text/normalize';

function mapOf<V>(entries: Array<[string, V]>): Map<string, V> {
  return new Map(entries.map(([k, v]) => [normalizeKey(k), v]));
}
function setOf(words: string[]): Set<string> {
  return new Set(words.map(normalizeKey));
}

/** Weekday → 0 = Sunday … 6 = Saturday. */
export const WEEKDAYS = mapOf<number>([
  ['الأحد', 0], ['الاثنين', 1], ['الإثنين', 1], ['الثلاثاء', 2], ['الأربعاء', 3], ['الأربعا', 3],
  ['الخميس', 4], ['الجمعة', 5], ['السبت', 6],
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);

/** Ordinal units as day numbers: الأول … التاسع (and الحادي, used in 11/21/31). */
export const ORDINAL_UNITS = mapOf<number>([
  ['الأول', 1], ['الحادي', 1], ['الثاني', 2], ['الثالث', 3], ['الرابع', 4], ['الخامس', 5],
  ['السادس', 6], ['السابع', 7], ['الثامن', 8], ['التاسع', 9],
]);
/** The tens of a compound ordinal, after و: الحادي والعشرين. */
export const ORDINAL_TENS = mapOf<number>([['العشرين', 20], ['العشرون', 20], ['الثلاثين', 30], ['الثلاثون', 30]]);
/** Stand-alone ordinals: العاشر, العشرين, الثلاثين. */
export const ORDINAL_WHOLE = mapOf<number>([
  ['العاشر', 10], ['العشرين', 20], ['العشرون', 20], ['الثلاثين', 30], ['الثلاثون', 30],
]);
/** "عشر" in الخامس عشر (11–19). */
export const TEEN = setOf(['عشر', 'عشرة']);

/** Cardinal number words used in "منذ ثلاثة أيام". */
export const NUMBER_WORDS = mapOf<number>([
  ['واحد', 1], ['ثلاثة', 3], ['ثلاث', 3], ['أربعة', 4], ['أربع', 4], ['خمسة', 5], ['خمس', 5],
  ['ستة', 6], ['ست', 6], ['سبعة', 7], ['سبع', 7], ['ثمانية', 8], ['ثماني', 8], ['ثمان', 8],
  ['تسعة', 9], ['تسع', 9], ['عشرة', 10], ['عشر', 10],
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['a', 1],
]);

export type Qualifier = 'past' | 'current' | 'next';
/** Words after a month, a year word, a week word or a weekday. */
export const QUALIFIERS = mapOf<Qualifier>([
  ['الماضي', 'past'], ['الماضية', 'past'], ['الفائت', 'past'], ['الفائتة', 'past'], ['المنصرم', 'past'],
  ['المنصرمة', 'past'], ['السابق', 'past'], ['السابقة', 'past'], ['المنقضي', 'past'],
  ['الجاري', 'current'], ['الجارية', 'current'], ['الحالي', 'current'], ['الحالية', 'current'],
  ['المقبل', 'next'], ['المقبلة', 'next'], ['القادم', 'next'], ['القادمة', 'next'],
]);
/**
 * Month names are masculine: "15 أكتوبر الفائتة" qualifies some feminine noun before the date
 * (جولة), not the month, so after a month only the masculine forms count.
 */
export function isMasculineQualifier(word: string): boolean {
  return QUALIFIERS.has(word) && !word.endsWith('ه');
}

/** English qualifiers before a unit: last week, next month, this year. */
export const EN_QUALIFIERS = mapOf<Qualifier>([['last', 'past'], ['this', 'current'], ['next', 'next'], ['coming', 'next']]);

/** Words for "year", "month", "week" (with the article where the grammar needs it). */
export const YEAR_WORDS = setOf(['عام', 'العام', 'سنة', 'السنة', 'year']);
export const YEAR_WORDS_DEFINITE = setOf(['العام', 'السنة']);
export const MONTH_WORDS = setOf(['شهر', 'الشهر', 'month']);
export const WEEK_WORDS = setOf(['الأسبوع', 'الاسبوع', 'week']);
export const THIS = setOf(['هذا', 'هذه']);

/** Time-of-day words that may precede اليوم/أمس/a weekday and belong to the mention. */
export const TIME_OF_DAY = setOf(['صباح', 'مساء', 'ظهر', 'عصر', 'فجر', 'ليل', 'منتصف', 'ظهيرة', 'صبيحة', 'عشية']);

/** Calendar markers after a year: م / ميلادي (Gregorian), هـ / هجري (Hijri). */
export const GREGORIAN_MARKERS = setOf(['م', 'ميلادي', 'ميلادية', 'للميلاد', 'ad', 'ce']);
export const HIJRI_MARKERS = setOf(['ه', 'هـ', 'هجري', 'هجرية', 'للهجرة', 'ah']);

/**
 * Cue words before a bare year ("في 2019", "منذ 2011"): accepted only for plausible news
 * years and not before a counted noun (see grammar.ts).
 */
export const YEAR_CUES = setOf([
  'في', 'منذ', 'حتى', 'خلال', 'مطلع', 'منتصف', 'أواخر', 'أوائل', 'أواسط', 'نهاية', 'بداية', 'قبل', 'بعد',
  'in', 'since', 'until', 'till', 'by', 'during', 'from', 'of', 'early', 'late', 'mid',
]);
/** English cues before a bare month ("in September", "since March"). */
export const EN_MONTH_CUES = setOf(['in', 'since', 'until', 'till', 'by', 'during', 'early', 'late', 'mid', 'of', 'last', 'next', 'this']);

/** Counted nouns and multipliers after a number: "2000 شخص", "300 ألف" are counts, not years. */
export const COUNT_NOUNS = setOf([
  'ألف', 'آلاف', 'الف', 'مليون', 'ملايين', 'مليار', 'ساعة', 'ساعات', 'دقيقة', 'دقائق', 'يوم', 'أيام',
  'شخص', 'أشخاص', 'جندي', 'جنود', 'عنصر', 'عناصر', 'قتيل', 'قتلى', 'مدني', 'مدنيين', 'دولار',
  'كيلومتر', 'كم', 'متر', 'طن', 'نقطة', 'مرة', 'عام', 'سنة', 'أسبوع', 'شهر', 'people', 'troops',
  'soldiers', 'hours', 'days', 'km', 'dollars', 'thousand', 'million',
]);

/** Day units after منذ/قبل: the value is the number of days. */
export const DAY_UNITS = mapOf<{ days: number; count: number | null }>([
  // count null = the number precedes (منذ 3 أيام); a number = the word carries it (يومين).
  ['يوم', { days: 1, count: 1 }], ['يومين', { days: 1, count: 2 }], ['يومان', { days: 1, count: 2 }],
  ['أيام', { days: 1, count: null }],
  ['أسبوع', { days: 7, count: 1 }], ['أسبوعين', { days: 7, count: 2 }], ['أسبوعان', { days: 7, count: 2 }],
  ['أسابيع', { days: 7, count: null }],
  ['day', { days: 1, count: null }], ['days', { days: 1, count: null }],
  ['week', { days: 7, count: null }], ['weeks', { days: 7, count: null }],
]);

/** Words that make a following number a reference, not a date: القرار 2254, رقم 2401. */
export const NUMBER_LABELS = setOf(['القرار', 'قرار', 'رقم', 'resolution', 'no', 'number']);
