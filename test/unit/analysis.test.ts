import { describe, expect, it } from 'vitest';
import { analyzeDocument, titleOf } from '../../src/core/analysis/analyzeDocument';
import { findBoilerplate, isBoilerplateLine } from '../../src/core/analysis/boilerplate';
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
