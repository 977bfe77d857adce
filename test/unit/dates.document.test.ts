import { describe, expect, it } from 'vitest';
import { detectDocumentDate, extractDates } from '../../src/core/dates';

// Invented articles in the shape of the corpus: title, blank line, header/caption, body.
const HEADER_PIPE = [
  'الكرملين: اتفاق على تنسيق أوثق في الشمال',
  '',
  'الكرملين: اتفاق على تنسيق أوثق في الشمال',
  'تقارير | 05 فبراير 2020',
  '',
  'ذكر بيان رئاسي، مساء أمس الثلاثاء، أن الزعيمين بحثا الوضع الميداني هاتفياً.',
].join('\n');

const HEADER_CAPTION = [
  'وزيرا الخارجية يبحثان ملف الانسحاب الأمريكي',
  'الوزيران خلال مؤتمر صحفي مشترك في العاصمة - 29 كانون الأول 2018',
  '',
  'قال الوزيران اليوم السبت إن التنسيق سيستمر.',
].join('\n');

const WEEKDAY_ONLY = [
  'موسكو تجدد التزامها بالتفاهمات',
  '',
  'قالت المتحدثة باسم الوزارة، الأربعاء 5 يونيو / حزيران، إن الاتصالات مستمرة بين العسكريين.',
  'وتتواصل الحملة منذ 26 نيسان / أبريل الماضي.',
].join('\n');

describe('detectDocumentDate', () => {
  it('reads a header date after a separator, and the body resolves against it', () => {
    const doc = detectDocumentDate({ text: HEADER_PIPE, fileName: 'a1.txt' });
    expect(doc).toMatchObject({ value: '2020-02-05', precision: 'day', source: 'header' });
    expect(HEADER_PIPE.slice(doc.start, doc.end)).toBe('05 فبراير 2020');
    const body = extractDates(HEADER_PIPE, { documentDate: doc.value });
    expect(body.find((m) => m.text === 'مساء أمس الثلاثاء')).toMatchObject({ value: '2020-02-04', resolved: true });
  });

  it('reads a caption line ending "- 29 كانون الأول 2018"', () => {
    const doc = detectDocumentDate({ text: HEADER_CAPTION, fileName: 'x.txt' });
    expect(doc).toMatchObject({ value: '2018-12-29', source: 'header' });
    expect(extractDates(HEADER_CAPTION, { documentDate: doc.value }).find((m) => m.text === 'اليوم السبت')?.value).toBe('2018-12-29');
  });

  it('ignores a date inside header prose', () => {
    const text = 'الطرفان يؤكدان أن مذكرة 17 أيلول 2018 ما زالت سارية رغم الخروقات\n\nنص الخبر.';
    expect(detectDocumentDate({ text, fileName: 'b.txt' })).toEqual({ value: null, source: 'none' });
  });

  it('looks no further than the first five non-empty lines', () => {
    const text = ['عنوان', 'سطر', 'سطر', 'سطر', 'سطر', 'تقارير | 05 فبراير 2020'].join('\n');
    expect(detectDocumentDate({ text, fileName: 'b.txt' }).source).toBe('none');
  });

  it('lets metadata win over the header', () => {
    expect(detectDocumentDate({ text: HEADER_PIPE, fileName: '2019-01-01-a.txt', metadata: '2020-02-06' })).toEqual({
      value: '2020-02-06',
      precision: 'day',
      source: 'metadata',
    });
    expect(detectDocumentDate({ text: 'بلا تاريخ', fileName: 'a.txt', metadata: '2020-02' })).toMatchObject({ value: '2020-02', precision: 'month' });
    // Invalid metadata is ignored.
    expect(detectDocumentDate({ text: HEADER_PIPE, fileName: 'a.txt', metadata: 'soon' }).source).toBe('header');
  });

  it('reads dates in file names', () => {
    const none = 'نص بلا تاريخ.';
    expect(detectDocumentDate({ text: none, fileName: 'corpus/2019-10-19-talks.txt' })).toMatchObject({ value: '2019-10-19', source: 'filename' });
    expect(detectDocumentDate({ text: none, fileName: 'C:\\corpus\\20191019_talks.txt' })).toMatchObject({ value: '2019-10-19', source: 'filename' });
    expect(detectDocumentDate({ text: none, fileName: '19-10-2019 talks.txt' })).toMatchObject({ value: '2019-10-19', source: 'filename' });
    // A hash that happens to hold eight digits, and an impossible date, are not dates.
    expect(detectDocumentDate({ text: none, fileName: '000_a20191019b.txt' }).source).toBe('none');
    expect(detectDocumentDate({ text: none, fileName: '2019-13-45.txt' }).source).toBe('none');
  });

  it('infers the year from "weekday + day + month" (several fitting years: the latest, said in the note)', () => {
    const doc = detectDocumentDate({ text: WEEKDAY_ONLY, fileName: '003_f00.txt' });
    expect(doc).toMatchObject({ value: '2019-06-05', precision: 'day', source: 'inferred' });
    expect(doc.note).toContain('year inferred from weekday (Wednesday 5 June → 2019');
    expect(doc.note).toContain('2013');
    expect(WEEKDAY_ONLY.slice(doc.start, doc.end)).toBe('الأربعاء 5 يونيو / حزيران');
    const body = extractDates(WEEKDAY_ONLY, { documentDate: doc.value });
    expect(body.find((m) => m.text.startsWith('26'))?.value).toBe('2019-04-26');
  });

  it('with a narrower corpus range a single year fits', () => {
    const doc = detectDocumentDate({ text: WEEKDAY_ONLY, fileName: 'x.txt', corpusRange: { from: 2015, to: 2020 } });
    expect(doc.value).toBe('2019-06-05');
    expect(doc.note).toBe('year inferred from weekday (Wednesday 5 June → 2019)');
  });

  it('returns source none when nothing dates the document', () => {
    expect(detectDocumentDate({ text: 'قال المتحدث أمس الجمعة إن المحادثات مستمرة.', fileName: 'x.txt' })).toEqual({ value: null, source: 'none' });
  });
});
