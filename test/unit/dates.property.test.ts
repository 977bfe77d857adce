import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractDates } from '../../src/core/dates';

// Pieces the date grammar reacts to, mixed with noise: words, month names, weekdays, numbers in
// both digit sets, separators, diacritics, tatweel, clitics, and line breaks.
const POOL = [
  'في', 'وفي', 'منذ', 'قبل', 'بعد', 'عام', 'العام', 'لعام', 'الماضي', 'المقبل', 'الجاري', 'الفائتة',
  'اليوم', 'أمس', 'أول', 'غداً', 'غد', 'يوم', 'مساء', 'صباح', 'الأسبوع', 'الشهر', 'هذا', 'من', 'شهر',
  'الخميس', 'الجمعة', 'الاثنين', 'الأحد', 'عشر', 'الخامس', 'الحادي', 'والعشرين', 'الأول',
  'مايو', 'أيار', 'كانون', 'الثاني', 'تشرين', 'مارس', 'ماي', 'أوت', 'آب', 'جمادى', 'الآخرة', 'رمضان', 'صفر', 'رجب',
  'ذو', 'الحجة', 'هـ', 'م', 'يومين', 'ثلاثة', 'أيام', 'ساعة', 'ألف', 'القرار', 'رقم',
  'May', 'march', 'Friday', 'on', 'last', 'week', 'ago', 'days', 'the', 'day', 'before', 'yesterday', 'in', 'th',
  '5', '05', '12', '31', '29', '2019', '2020', '1441', '1436', '١٢', '٢٠١٩', '۵', '120', '2254',
  '/', '-', '.', ',', '،', '(', ')', '|', ':', '+', '"', '«', '»', '—',
  '\u064e', '\u064b', '\u0651', '\u0640', '\u200f', '\ufdfa', '\ufefb', '😀',
];
const SEPARATORS = [' ', ' ', ' ', '', '\n', '\u00a0'];

const textArb = fc
  .array(fc.tuple(fc.constantFrom(...POOL), fc.constantFrom(...SEPARATORS)), { maxLength: 40 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));
const docArb = fc.option(fc.constantFrom('2020-02-05', '2019-06-20', '2018-12-29', '2019', '2020-02'), { nil: undefined });

describe('extractDates properties', () => {
  it('never throws; ranges are valid, sorted, non-overlapping and slice the original', () => {
    fc.assert(
      fc.property(textArb, docArb, (text, documentDate) => {
        const found = extractDates(text, { documentDate });
        let lastEnd = 0;
        for (const m of found) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.start).toBeLessThan(m.end);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.start).toBeGreaterThanOrEqual(lastEnd);
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.value).toMatch(/^(|\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)$/);
          lastEnd = m.end;
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        for (const m of extractDates(text, { documentDate: '2020-02-05' })) expect(text.slice(m.start, m.end)).toBe(m.text);
      }),
      { numRuns: 500 },
    );
  });
});
