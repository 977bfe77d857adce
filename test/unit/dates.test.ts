import { describe, expect, it } from 'vitest';
import { extractDates, type DateMention } from '../../src/core/dates';

/** The mentions as [text, value] pairs: the shape most tests assert on. */
function pairs(text: string, documentDate?: string | null): Array<[string, string]> {
  return extractDates(text, { documentDate }).map((m) => [m.text, m.value]);
}

/** The single mention of `text` (fails when there is not exactly one). */
function one(text: string, documentDate?: string | null): DateMention {
  const found = extractDates(text, { documentDate });
  expect(found.map((m) => m.text)).toHaveLength(1);
  return found[0]!;
}

describe('extractDates: day + month (+ year)', () => {
  it('reads a full date with and without a leading zero', () => {
    expect(pairs('نشر التقرير في 05 فبراير 2020 ثم عُدّل في 7 فبراير 2020.')).toEqual([
      ['05 فبراير 2020', '2020-02-05'],
      ['7 فبراير 2020', '2020-02-07'],
    ]);
    const m = one('وقّع الطرفان الاتفاق في 3 آذار 2018 بحضور الوسطاء.');
    expect(m).toMatchObject({ value: '2018-03-03', precision: 'day', relative: false, resolved: true });
  });

  it('maps ranges back to the original text (hamza, diacritics, tatweel, Eastern digits)', () => {
    const text = 'جرى اللقاءُ في ١٤ أيّـار ٢٠١٩ بالعاصمة.';
    const m = one(text);
    expect(m.text).toBe('١٤ أيّـار ٢٠١٩');
    expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(m.value).toBe('2019-05-14');
  });

  it('counts a paired month name once: "4 أيار/مايو 2017" and "17 أيلول/سبتمبر 2018"', () => {
    expect(pairs('استند الطرفان إلى تفاهم 4 أيار/مايو 2017 وإلى تفاهم 17 أيلول/سبتمبر 2018 معاً.')).toEqual([
      ['4 أيار/مايو 2017', '2017-05-04'],
      ['17 أيلول/سبتمبر 2018', '2018-09-17'],
    ]);
  });

  it('counts paired forms with spaces, parentheses and a trailing qualifier once', () => {
    expect(pairs('عقد الاجتماع في 5 يونيو / حزيران بعد جولة 15 أكتوبر (تشرين الأول) الفائتة', '2019-06-20')).toEqual([
      ['5 يونيو / حزيران', '2019-06-05'],
      ['15 أكتوبر (تشرين الأول)', '2018-10-15'],
    ]);
    expect(one('انطلقت العملية في 9 أكتوبر/تشرين الأول الجاري شرق النهر', '2019-10-19')).toMatchObject({
      text: '9 أكتوبر/تشرين الأول الجاري',
      value: '2019-10-09',
      relative: true,
    });
    expect(one('تأجلت الجولة إلى سبتمبر/أيلول', '2019-06-20')).toMatchObject({ text: 'سبتمبر/أيلول', precision: 'month' });
  });

  it('reads Maghrebi and Moroccan month names', () => {
    expect(pairs('بين 3 جويلية 2019 و12 أوت 2019 و4 شتنبر 2019 و1 دجنبر 2019')).toEqual([
      ['3 جويلية 2019', '2019-07-03'],
      ['12 أوت 2019', '2019-08-12'],
      ['4 شتنبر 2019', '2019-09-04'],
      ['1 دجنبر 2019', '2019-12-01'],
    ]);
  });

  it('reads day ordinals in words', () => {
    expect(pairs('في الخامس عشر من أكتوبر وفي الأول من مايو وفي الحادي والعشرين من شهر آذار', '2019-11-01')).toEqual([
      ['الخامس عشر من أكتوبر', '2019-10-15'],
      ['الأول من مايو', '2019-05-01'],
      ['الحادي والعشرين من شهر آذار', '2019-03-21'],
    ]);
    // "الأول" without "من + month" is just "the first".
    expect(pairs('هذا هو الاجتماع الأول من نوعه')).toEqual([]);
  });

  it('handles proclitics and date cues: وفي، بتاريخ، منذ، لشهر', () => {
    expect(pairs('وفي 5 مايو صدر بيان، وبتاريخ 6 مايو آخر، ومنذ 26 نيسان تتواصل الغارات', '2019-06-20')).toEqual([
      ['5 مايو', '2019-05-05'],
      ['6 مايو', '2019-05-06'],
      ['26 نيسان', '2019-04-26'],
    ]);
    expect(one('تقرر عقد الجلسة لشهر أيار المقبل', '2019-02-01')).toMatchObject({ text: 'شهر أيار المقبل', value: '2019-05' });
  });

  it('reads English dates', () => {
    expect(pairs('Talks were held on 5 March 2020, after March 5, 2020 was set, and the 17th of September 2018.')).toEqual([
      ['5 March 2020', '2020-03-05'],
      ['March 5, 2020', '2020-03-05'],
      ['17th of September 2018', '2018-09-17'],
    ]);
  });
});

describe('extractDates: numeric dates', () => {
  it('reads 12/5/2019, Eastern digits, ISO and dashes day-first', () => {
    expect(pairs('صدر القرار 12/5/2019 ثم ١٢/٥/٢٠١٩ ثم 2019-05-12 ثم 12-05-2019')).toEqual([
      ['12/5/2019', '2019-05-12'],
      ['١٢/٥/٢٠١٩', '2019-05-12'],
      ['2019-05-12', '2019-05-12'],
      ['12-05-2019', '2019-05-12'],
    ]);
  });

  it('reads month-first only in an English-only text when the second number is > 12', () => {
    expect(one('The memo is dated 12/25/2019.')).toMatchObject({ value: '2019-12-25', note: expect.stringContaining('month-first') });
    expect(one('The memo is dated 25/12/2019.').value).toBe('2019-12-25');
    expect(pairs('صدرت المذكرة بتاريخ 12/25/2019')).toEqual([]);
  });

  it('rejects impossible dates', () => {
    expect(pairs('الرقم 31/02/2019 والرقم 2019-13-01')).toEqual([]);
  });
});

describe('extractDates: Hijri', () => {
  it('reads a Hijri year "1441 هـ" (value: the Gregorian year holding most of it)', () => {
    const m = one('في موسم عام 1441 هـ ازداد عدد الزوار');
    expect(m).toMatchObject({ text: 'عام 1441 هـ', value: '2020', precision: 'year', hijri: '1441' });
    expect(m.note).toContain('2019-08-31');
  });

  it('reads a numeric Hijri date "25 / 10 / 1436 هـ"', () => {
    expect(one('صدر التعميم في 25 / 10 / 1436 هـ للمناطق كافة')).toMatchObject({
      text: '25 / 10 / 1436 هـ',
      value: '2015-08-10',
      hijri: '1436-10-25',
    });
  });

  it('reads "10 جمادى الآخرة 1441 هـ" with the tatweel inside the range', () => {
    expect(one('صدر البيان في 10 جمادى الآخرة 1441هـ الموافق')).toMatchObject({
      text: '10 جمادى الآخرة 1441هـ',
      value: '2020-02-04',
      hijri: '1441-06-10',
      precision: 'day',
    });
  });

  it('pads the Gregorian year of an early Hijri year to four digits', () => {
    expect(one('توفي سنة 132 هـ').value).toBe('0750');
  });

  it('reads a Hijri month with its year', () => {
    expect(one('تزامن ذلك مع شهر رمضان 1441 هـ')).toMatchObject({ value: '2020-05', hijri: '1441-09', precision: 'month' });
  });
});

describe('extractDates: years and months', () => {
  it('reads years with a cue or a marker', () => {
    expect(pairs('مؤتمر عام 2017 ثم العام 2018 ثم 2018م ثم منذ 2011', '2020-02-05')).toEqual([
      ['عام 2017', '2017'],
      ['العام 2018', '2018'],
      ['2018م', '2018'],
      ['2011', '2011'],
    ]);
  });

  it('reads relative years: العام الماضي، العام المقبل، هذا العام', () => {
    expect(extractDates('قال إن العام الماضي كان صعباً وإن العام المقبل سيكون أفضل من هذا العام', { documentDate: '2020-02-05' }).map((m) => [m.text, m.value, m.precision])).toEqual([
      ['العام الماضي', '2019', 'year'],
      ['العام المقبل', '2021', 'year'],
      ['هذا العام', '2020', 'year'],
    ]);
    // العام after a definite noun is the adjective "general".
    expect(pairs('صرح الأمين العام الماضي في منصبه', '2020-02-05')).toEqual([]);
  });

  it('reads month + year: "أيلول عام 2018", "September 2018"', () => {
    expect(extractDates('اتفاق أيلول عام 2018 وخطة September 2018').map((m) => [m.text, m.value, m.precision])).toEqual([
      ['أيلول عام 2018', '2018-09', 'month'],
      ['September 2018', '2018-09', 'month'],
    ]);
  });

  it('resolves a qualified month to the most recent such month before the document', () => {
    expect(one('تتواصل المعارك منذ تشرين الثاني الماضي وحتى الآن', '2020-02-05')).toMatchObject({ value: '2019-11', precision: 'month', relative: true });
    expect(one('منذ نيسان / أبريل الماضي', '2019-06-05')).toMatchObject({ text: 'نيسان / أبريل الماضي', value: '2019-04' });
    expect(one('منذ 26 نيسان / أبريل الماضي', '2019-06-05')).toMatchObject({ text: '26 نيسان / أبريل الماضي', value: '2019-04-26' });
    // The document's own month is not "الماضي": the previous year's is.
    expect(one('في فبراير الماضي', '2020-02-20').value).toBe('2019-02');
  });

  it('reads الشهر الماضي / الشهر المقبل', () => {
    expect(pairs('ارتفعت الأسعار الشهر الماضي وستنخفض الشهر المقبل', '2020-01-15')).toEqual([
      ['الشهر الماضي', '2019-12'],
      ['الشهر المقبل', '2020-02'],
    ]);
  });

  it('a bare ambiguous month word counts only with a day, a year or شهر', () => {
    expect(pairs('مارس الوفد ضغوطاً كبيرة، وحضر رجب طيب أردوغان، وبلغ العدد صفر', '2019-06-20')).toEqual([]);
    expect(pairs('في 5 مارس وفي شهر رجب 1440 وفي مارس 2019', '2019-06-20')).toEqual([
      ['5 مارس', '2019-03-05'],
      ['شهر رجب 1440', '2019-03'],
      ['مارس 2019', '2019-03'],
    ]);
  });
});

describe('extractDates: relative days against the document date', () => {
  const doc = '2020-02-05'; // a Wednesday

  it('اليوم، أمس، أول أمس، غداً، بعد غد', () => {
    expect(pairs('اليوم وأمس وأول أمس وغداً وبعد غد', doc)).toEqual([
      ['اليوم', '2020-02-05'],
      ['أمس', '2020-02-04'],
      ['أول أمس', '2020-02-03'],
      ['غداً', '2020-02-06'],
      ['بعد غد', '2020-02-07'],
    ]);
  });

  it('منذ يومين، منذ ثلاثة أيام', () => {
    expect(pairs('قصفت المدفعية منذ يومين، وانسحبت القوات منذ ثلاثة أيام', doc)).toEqual([
      ['منذ يومين', '2020-02-03'],
      ['منذ ثلاثة أيام', '2020-02-02'],
    ]);
  });

  it('"مساء أمس الثلاثاء", "صباح اليوم", "اليوم الأربعاء"', () => {
    expect(one('أعلنت الرئاسة مساء أمس الثلاثاء أن', doc)).toMatchObject({ text: 'مساء أمس الثلاثاء', value: '2020-02-04', relative: true, resolved: true });
    expect(one('وصل الوفد صباح اليوم إلى أنقرة', doc).value).toBe('2020-02-05');
    expect(one('أكد الوزير اليوم الأربعاء أن', doc)).toMatchObject({ value: '2020-02-05', note: expect.stringContaining('Wednesday') });
  });

  it('notes when a written weekday does not match', () => {
    expect(one('أعلن أمس الجمعة', doc).note).toContain('but 2020-02-04 is a Tuesday');
  });

  it('"اليوم" before another definite word is "the day", not today', () => {
    expect(pairs('في اليوم التالي وفي اليوم الأول من الهدنة', doc)).toEqual([]);
  });

  it('الأسبوع الماضي: 7 days before the document, with a note', () => {
    const m = one('بعد إعلان واشنطن الأسبوع الماضي قرارها', '2018-12-29');
    expect(m).toMatchObject({ value: '2018-12-22', precision: 'day', relative: true, resolved: true });
    expect(m.note).toContain('7 days');
  });

  it('a bare weekday is the most recent such day on or before the document date', () => {
    const saturday = '2019-10-19';
    expect(pairs('توصل الطرفان، الخميس، إلى اتفاق، وأكد يوم الخميس أن', saturday)).toEqual([
      ['الخميس', '2019-10-17'],
      ['يوم الخميس', '2019-10-17'],
    ]);
    const thursday = '2019-10-17';
    expect(one('اجتمعوا الخميس', thursday).value).toBe('2019-10-17');
    expect(one('اجتمعوا الخميس الماضي', thursday).value).toBe('2019-10-10');
    expect(one('سيجتمعون الخميس المقبل', thursday).value).toBe('2019-10-24');
  });

  it('weekday guards: الاثنين "the two", صلاة الجمعة, الأحد عشر', () => {
    expect(pairs('اتفق البلدان الاثنين، وبين الاثنين خلاف، وبعد صلاة الجمعة، وقتل الأحد عشر', doc)).toEqual([]);
  });

  it('reads English relative expressions', () => {
    expect(pairs('He spoke on Friday, yesterday and last week, 3 days ago.', '2020-03-07')).toEqual([
      ['Friday', '2020-03-06'],
      ['yesterday', '2020-03-06'],
      ['last week', '2020-02-29'],
      ['3 days ago', '2020-03-04'],
    ]);
  });
});

describe('extractDates: year-less dates', () => {
  it('takes the latest year that is at most 60 days after the document date', () => {
    const doc = '2019-06-20';
    expect(one('في 5 يونيو', doc).value).toBe('2019-06-05');
    expect(one('في 5 أغسطس', doc).value).toBe('2019-08-05'); // 46 days after: announced ahead
    expect(one('في 5 ديسمبر', doc).value).toBe('2018-12-05'); // would be 168 days after
    expect(one('في 5 يناير', '2019-12-20').value).toBe('2020-01-05'); // across New Year
    expect(one('في 5 يونيو', doc)).toMatchObject({ relative: true, resolved: true });
  });

  it('is "--MM-DD", unresolved, in an undated document', () => {
    expect(one('في 5 يونيو')).toMatchObject({ value: '--06-05', resolved: false, relative: true });
    expect(one('الأربعاء 5 يونيو / حزيران').note).toContain('Wednesday');
  });

  it('"من العام الماضي" gives the year relative to the document', () => {
    expect(one('في 5 مايو من العام الماضي', '2019-06-10').value).toBe('2018-05-05');
  });
});

describe('extractDates: without a document date', () => {
  it('returns unresolved relative mentions with a note of what is known', () => {
    const m = one('قال المتحدث أمس الجمعة إن');
    expect(m).toMatchObject({ value: '', resolved: false, relative: true });
    expect(m.note).toContain('a Friday, the day before the document');
    expect(one('التقيا الخميس')).toMatchObject({ value: '', resolved: false });
    expect(one('العام الماضي')).toMatchObject({ value: '', resolved: false, precision: 'year' });
  });

  it('still resolves absolute dates', () => {
    expect(one('في 17 أيلول 2018')).toMatchObject({ value: '2018-09-17', resolved: true, relative: false });
  });
});

describe('extractDates: not dates', () => {
  it.each([
    ['durations', 'أوقفت العملية لمدة 120 ساعة ثم 150 ساعة ولمدة 5 أيام'],
    ['counts', 'نزح 300 ألف مدني وقتل 13 جندياً ونشرت 12 نقطة مراقبة'],
    ['phone-like numbers', 'للتواصل: +963 11 2345678 أو 0933-123-456 أو 11/22/33'],
    ['resolution numbers', 'نص القرار 2254 والقرار رقم 2401'],
    ['bare numbers', 'بلغ العدد 2019 والمؤشر 2020 و 12 5 2019'],
    ['a year-like count after a cue', 'أرسلت في 2000 شاحنة مساعدات يوميا ما يقارب 2000 شخص'],
  ])('%s', (_label, text) => {
    expect(pairs(text, '2020-02-05')).toEqual([]);
  });
});

describe('extractDates: output shape', () => {
  it('is sorted, non-overlapping, and slices the original', () => {
    const text = 'أمس الثلاثاء، 4 أيار/مايو 2017، العام الماضي، 12/5/2019، الخميس.';
    const found = extractDates(text, { documentDate: '2020-02-05' });
    expect(found.length).toBe(5);
    for (let i = 0; i < found.length; i++) {
      const m = found[i]!;
      expect(text.slice(m.start, m.end)).toBe(m.text);
      if (i > 0) expect(m.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
    }
  });

  it('does not cross a line break', () => {
    expect(pairs('وقع في 5\nمايو 2019')).toEqual([['مايو 2019', '2019-05']]);
  });
});
