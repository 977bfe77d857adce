/**
 * Month names, keyed by their NORMALIZED spelling (see src/core/text/normalize.ts), so that
 * أبريل/ابريل/إبريل, جمادى/جمادي, الآخرة/الاخره all meet in one key. Keys are written here in
 * ordinary spelling and normalized when the module loads, so the table can never drift from
 * the normalizer.
 */

import { normalizeKey } from '../text/normalize';

export type Calendar = 'gregorian' | 'hijri';

export interface MonthName {
  /** 1–12 in its calendar. */
  month: number;
  calendar: Calendar;
  /**
   * An everyday word too (مارس "he practised", صفر "zero", رجب a first name, ماي/أوت/آب, the
   * English "may"/"march"): counts only next to a day number, a year or a date cue (شهر).
   */
  ambiguous: boolean;
  /** Latin-script (English) name: a bare one must be capitalized in the original text. */
  latin: boolean;
}

const table = new Map<string, MonthName>();
/** First words of two-word names (كانون، تشرين، ربيع، جمادى، ذو/ذي) → the possible second words. */
const twoWordHeads = new Map<string, Set<string>>();

function add(calendar: Calendar, month: number, names: string[], ambiguous = false, latin = false): void {
  for (const name of names) {
    const key = normalizeKey(name);
    table.set(key, { month, calendar, ambiguous, latin });
    const parts = key.split(' ');
    if (parts.length === 2) {
      const [head, tail] = parts as [string, string];
      let tails = twoWordHeads.get(head);
      if (!tails) twoWordHeads.set(head, (tails = new Set()));
      tails.add(tail);
    }
  }
}

// Gregorian, Egyptian/Gulf transliterations (with the common spelling variants).
add('gregorian', 1, ['يناير']);
add('gregorian', 2, ['فبراير']);
add('gregorian', 3, ['مارس'], true);
add('gregorian', 4, ['أبريل', 'ابريل', 'إبريل']);
add('gregorian', 5, ['مايو']);
add('gregorian', 6, ['يونيو', 'يونيه']);
add('gregorian', 7, ['يوليو', 'يوليه']);
add('gregorian', 8, ['أغسطس', 'اغسطس', 'أغسطوس', 'آغسطس']);
add('gregorian', 9, ['سبتمبر', 'سيبتمبر']);
add('gregorian', 10, ['أكتوبر', 'اكتوبر']);
add('gregorian', 11, ['نوفمبر']);
add('gregorian', 12, ['ديسمبر']);

// Levantine/Iraqi (Syriac) names; the two-word ones also without the article (تشرين ثاني).
add('gregorian', 1, ['كانون الثاني', 'كانون ثاني']);
add('gregorian', 2, ['شباط']);
add('gregorian', 3, ['آذار']);
add('gregorian', 4, ['نيسان']);
add('gregorian', 5, ['أيار', 'مايس']);
add('gregorian', 6, ['حزيران']);
add('gregorian', 7, ['تموز']);
add('gregorian', 8, ['آب'], true); // normalized "اب" is also "father"
add('gregorian', 9, ['أيلول']);
add('gregorian', 10, ['تشرين الأول', 'تشرين اول']);
add('gregorian', 11, ['تشرين الثاني', 'تشرين ثاني']);
add('gregorian', 12, ['كانون الأول', 'كانون اول']);

// Maghrebi: Algerian/Tunisian (French-derived) and Moroccan.
add('gregorian', 1, ['جانفي']);
add('gregorian', 2, ['فيفري']);
add('gregorian', 4, ['أفريل']);
add('gregorian', 5, ['ماي'], true);
add('gregorian', 6, ['جوان']);
add('gregorian', 7, ['جويلية', 'يوليوز']);
add('gregorian', 8, ['أوت'], true);
add('gregorian', 8, ['غشت']);
add('gregorian', 9, ['شتنبر']);
add('gregorian', 11, ['نونبر']);
add('gregorian', 12, ['دجنبر']);

// English, full and abbreviated (abbreviations and everyday words need a day or a year).
const EN_FULL = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
EN_FULL.forEach((name, i) => add('gregorian', i + 1, [name], name === 'may' || name === 'march' || name === 'august', true));
const EN_ABBR: Array<[string, number]> = [
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
];
for (const [name, month] of EN_ABBR) add('gregorian', month, [name], true, true);

// Hijri. صفر، رجب and محرم are also everyday words or names.
add('hijri', 1, ['محرم'], true);
add('hijri', 2, ['صفر'], true);
add('hijri', 3, ['ربيع الأول', 'ربيع أول']);
add('hijri', 4, ['ربيع الآخر', 'ربيع الثاني', 'ربيع آخر', 'ربيع ثاني']);
add('hijri', 5, ['جمادى الأولى', 'جمادى الأول', 'جمادى أولى']);
add('hijri', 6, ['جمادى الآخرة', 'جمادى الثانية', 'جمادى الآخر', 'جمادى الثاني', 'جمادى آخرة']);
add('hijri', 7, ['رجب'], true);
add('hijri', 8, ['شعبان'], true);
add('hijri', 9, ['رمضان'], true);
add('hijri', 10, ['شوال']);
add('hijri', 11, ['ذو القعدة', 'ذي القعدة', 'ذو القعده']);
add('hijri', 12, ['ذو الحجة', 'ذي الحجة']);

/** The month named by one normalized word, if any. */
export function monthByWord(word: string): MonthName | undefined {
  return table.get(word);
}

/** The month named by two normalized words (كانون الثاني), if any. */
export function monthByTwoWords(first: string, second: string): MonthName | undefined {
  return twoWordHeads.get(first)?.has(second) ? table.get(`${first} ${second}`) : undefined;
}

/** Every word that can begin a month name (for the scanner's quick pre-check). */
export function monthHeadWords(): string[] {
  return [...table.keys()].map((k) => k.split(' ')[0]!);
}

/** The English month names and abbreviations (one word each). */
export function latinMonthWords(): string[] {
  return [...table].filter(([, m]) => m.latin).map(([key]) => key);
}

export const HIJRI_MONTH_NAMES_EN = [
  'Muharram', 'Safar', 'Rabi al-Awwal', 'Rabi al-Thani', 'Jumada al-Ula', 'Jumada al-Akhira',
  'Rajab', "Sha'ban", 'Ramadan', 'Shawwal', "Dhu al-Qa'da", 'Dhu al-Hijja',
] as const;
