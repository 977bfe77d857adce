import { describe, expect, it } from 'vitest';
import { analyzeDocument, titleOf } from '../../src/core/analysis/analyzeDocument';
import { findBoilerplate, isBoilerplateLine } from '../../src/core/analysis/boilerplate';
import { Catalog } from '../../src/core/catalog/catalog';
import { AgreementsByDate } from '../../src/core/events/agreementLinks';
import { EntityMatcher } from '../../src/core/match/matcher';

describe('boilerplate lines', () => {
  it.each([
    'اقرأ أيضاً: مباحثات جديدة في موسكو حول إدلب',
    'إقرأ ايضا: تفاصيل الاتفاق',
    'نستخدم ملفات تعريف الارتباط لتحسين تجربتك. موافق',
    'تعليقات فيسبوك',
    'اترك تعليقاً',
    'لن يتم نشر عنوان بريدك الإلكتروني.',
    'مقالات ذات صلة',
    'أقسام',
    '• قمة ثلاثية في أنقرة حول سوريا',
    '- وقف إطلاق النار في إدلب يدخل حيز التنفيذ',
    'Read also: Moscow talks on Idlib',
    'شارك: فيسبوك | تويتر | واتساب',
    'تابعونا على تيليغرام',
    'We use cookies to improve your experience.',
  ])('%s', (line) => expect(isBoilerplateLine(line)).toBe(true));

  it.each([
    'وقال لافروف إن المحادثات ستستمر في موسكو.',
    'أخبار | 05 فبراير 2020',
    '- وقال الوزير إن الاتفاق صامد.',
    'شارك الرئيس في القمة الثلاثية التي عقدت في أنقرة.',
    '',
  ])('body line: %s', (line) => expect(isBoilerplateLine(line)).toBe(false));

  it('keeps the marks at the end of a boilerplate line in its range', () => {
    const text = 'نص.\nاقرأ أيضاً\u200f\nنص آخر.';
    const [r] = findBoilerplate(text);
    expect(text.slice(r!.start, r!.end)).toBe('اقرأ أيضاً\u200f');
  });

  it('returns exact line ranges with CRLF line ends', () => {
    const text = 'العنوان\r\nنص الخبر.\r\nاقرأ أيضاً: خبر آخر\r\nنهاية.';
    const [r] = findBoilerplate(text);
    expect(text.slice(r!.start, r!.end)).toBe('اقرأ أيضاً: خبر آخر');
  });
});

describe('analyzeDocument', () => {
  const matcher = new EntityMatcher([
    { entityId: 'place.idlib', text: 'إدلب' },
    { entityId: 'place.moscow', text: 'موسكو' },
  ]);

  it('flags mentions inside boilerplate lines', () => {
    const text = 'مباحثات في موسكو\nقصف في إدلب.\nاقرأ أيضاً: إدلب من جديد\n';
    const a = analyzeDocument(text, { matcher });
    expect(a.title).toBe('مباحثات في موسكو');
    expect(a.mentions.map((m) => [m.text, m.boilerplate ?? false])).toEqual([
      ['موسكو', false],
      ['إدلب', false],
      ['إدلب', true],
    ]);
  });

  it('takes the first non-empty, non-boilerplate line as the title', () => {
    expect(titleOf('\ufeff\n\n  عنوان   الخبر  \nنص')).toBe('عنوان الخبر');
    const text = 'اقرأ أيضاً: شيء\nالعنوان الحقيقي';
    expect(titleOf(text, findBoilerplate(text))).toBe('العنوان الحقيقي');
    expect(titleOf('')).toBe('');
  });
});

describe('agreements named by their date', () => {
  const catalog = Catalog.load([
    {
      path: 'c.json',
      text: JSON.stringify({
        entities: [
          { id: 'agreement.sochi-2018', type: 'agreement', names: { en: 'Sochi memorandum' }, date: '2018-09-17' },
          { id: 'agreement.moscow-2020', type: 'agreement', names: { en: 'Moscow protocol' }, date: '2020-03-05' },
          { id: 'place.idlib', type: 'place', names: { ar: 'إدلب' } },
        ],
      }),
    },
  ]);
  const m = new EntityMatcher(catalog.aliases());
  const agreements = new AgreementsByDate(catalog);

  it('turns «مذكرة 17 أيلول/سبتمبر 2018» into a mention of the agreement signed that day', () => {
    const text = 'أكد الجانبان التزامهما بمذكرة 17 أيلول/سبتمبر 2018 حول إدلب.';
    const a = analyzeDocument(text, { matcher: m, agreements });
    expect(a.mentions.map((x) => [x.entityId, x.text])).toEqual([
      ['agreement.sochi-2018', 'مذكرة 17 أيلول/سبتمبر 2018'],
      ['place.idlib', 'إدلب'],
    ]);
  });

  it('links a year-less «اتفاق 5 آذار» through the month and day', () => {
    const a = analyzeDocument('وخرق النظام اتفاق 5 آذار مرات عدة.', { matcher: m, agreements, fileName: '2020-04-01-x.txt' });
    expect(a.mentions.map((x) => x.entityId)).toEqual(['agreement.moscow-2020']);
  });

  it('needs a cue word: a bare date is not an agreement', () => {
    const a = analyzeDocument('وصل الوفد في 17 أيلول/سبتمبر 2018.', { matcher: m, agreements });
    expect(a.mentions).toEqual([]);
  });

  it('reads a cue on its own line only, whether lines end in \\n or in \\r', () => {
    for (const br of ['\n', '\r', '\r\n']) {
      const a = analyzeDocument(`نص المذكرة${br}17 أيلول/سبتمبر 2018 موعد الاجتماع.`, { matcher: m, agreements });
      expect(a.mentions).toEqual([]);
    }
  });

  it('merges the references into a document of 200,000 mentions in order (no spread of them all)', () => {
    // Spreading this many mentions into one call overflowed the call stack.
    const text = 'إدلب '.repeat(100_000) + '\nمذكرة 17 أيلول/سبتمبر 2018\n' + 'إدلب '.repeat(100_000);
    const a = analyzeDocument(text, { matcher: m, agreements });
    expect(a.mentions.length).toBe(200_001);
    expect(a.mentions[100_000]!.entityId).toBe('agreement.sochi-2018');
    expect(a.mentions.every((x, i) => i === 0 || a.mentions[i - 1]!.end <= x.start)).toBe(true);
  });
});
