import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/core/analysis/analyzeDocument';
import { builtinCatalog } from '../../src/core/catalog/builtin';
import { Catalog } from '../../src/core/catalog/catalog';
import { buildTimeline, hasCueBefore, sentenceAround } from '../../src/core/events';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { EntityMatcher } from '../../src/core/match/matcher';

const catalog = new Catalog([builtinCatalog()]);
const matcher = new EntityMatcher(catalog.aliases());

function timelineOf(files: Record<string, string>, withText = true) {
  const index = new CorpusIndex();
  for (const [name, text] of Object.entries(files)) {
    index.set({ id: `file:///c/${name}`, path: name, ...analyzeDocument(text, { matcher, fileName: name }) });
  }
  const events = buildTimeline(index, catalog, withText ? { textOf: (id) => files[id.replace('file:///c/', '')] } : {});
  return { index, events, sentences: events.filter((e) => e.kind === 'mention') };
}

const AR = [
  'تركيا وروسيا تبحثان إدلب',
  'أخبار | 12 شباط/فبراير 2019',
  'أنقرة – قال وزير الخارجية التركي مولود جاويش أوغلو إن بلاده ملتزمة بمذكرة 17 أيلول/سبتمبر 2018 مع روسيا.',
  'وذكّر بأن مذكرة 4 أيار/مايو 2017 أنشأت مناطق خفض التصعيد. وأضاف أن الاجتماع المقبل سيعقد في آذار/مارس.',
  'اقرأ أيضاً: لافروف يزور أنقرة في 20 كانون الثاني/يناير 2019',
].join('\n');

describe('buildTimeline: dated sentences', () => {
  const { events, sentences } = timelineOf({ '2019-02-12-ar.txt': AR });

  it('links «مذكرة 17 أيلول/سبتمبر 2018» and «مذكرة 4 أيار/مايو 2017» to the catalogued memoranda', () => {
    const sochi = sentences.find((e) => e.dateText === '17 أيلول/سبتمبر 2018')!;
    expect(sochi.linkedAgreements).toEqual(['agreement.sochi-memorandum-2018']);
    expect(sochi.entities).toContain('agreement.sochi-memorandum-2018');
    expect(sochi.date).toBe('2018-09-17');
    const astana = sentences.find((e) => e.dateText === '4 أيار/مايو 2017')!;
    expect(astana.linkedAgreements).toEqual(['agreement.astana-memorandum-2017']);
    expect(astana.entities).toContain('agreement.astana-memorandum-2017');
  });

  it('labels an event with its sentence and keeps the sentence and date ranges', () => {
    const astana = sentences.find((e) => e.dateText === '4 أيار/مايو 2017')!;
    expect(astana.label).toBe('وذكّر بأن مذكرة 4 أيار/مايو 2017 أنشأت مناطق خفض التصعيد.');
    expect(AR.slice(astana.range!.start, astana.range!.end)).toBe(astana.label);
    expect(AR.slice(astana.dateRange!.start, astana.dateRange!.end)).toBe('4 أيار/مايو 2017');
  });

  it('lists the entities mentioned in the sentence', () => {
    const first = sentences.find((e) => e.dateText === '17 أيلول/سبتمبر 2018')!;
    expect(first.entities).toContain('person.mevlut-cavusoglu');
  });

  it('lists exactly the entities of the mentions inside the sentence, outside boilerplate, in text order', async () => {
    const { promises: fs } = await import('node:fs');
    const path = await import('node:path');
    const dir = path.join(__dirname, '../../samples/corpus');
    const files: Record<string, string> = { '2019-02-12-ar.txt': AR };
    for (const f of (await fs.readdir(dir)).filter((f) => f.endsWith('.txt'))) files[f] = await fs.readFile(path.join(dir, f), 'utf8');
    const { index, sentences: all } = timelineOf(files);
    expect(all.length).toBeGreaterThan(20);
    for (const e of all) {
      const doc = index.get(e.documentId!)!;
      const inside = doc.mentions.filter((m) => !m.boilerplate && m.start >= e.range!.start && m.end <= e.range!.end).map((m) => m.entityId);
      const expected = [...new Set(inside)];
      for (const id of e.linkedAgreements ?? []) if (!expected.includes(id)) expected.push(id);
      expect(e.entities, e.label).toEqual(expected);
    }
  });

  it('marks month precision as uncertain and skips dates in boilerplate lines', () => {
    const march = sentences.find((e) => e.date === '2019-03');
    expect(march?.uncertain).toBe(true);
    expect(march?.precision).toBe('month');
    expect(sentences.some((e) => e.date === '2019-01-20')).toBe(false);
  });

  it('adds the document by its own date and leaves its dateline out of the sentences', () => {
    const doc = events.find((e) => e.kind === 'document')!;
    expect(doc).toMatchObject({ id: 'd:file:///c/2019-02-12-ar.txt', date: '2019-02-12', label: 'تركيا وروسيا تبحثان إدلب' });
    expect(sentences.some((e) => e.date === '2019-02-12')).toBe(false);
  });

  it('keeps a dating sentence that tells a story even when it also dates the document', () => {
    const text = 'التقى لافروف نظيره التركي جاويش أوغلو في موسكو يوم 29 ديسمبر 2018، وبحث الجانبان الوضع في سوريا.';
    const { events: evs, sentences: ss } = timelineOf({ 'a.txt': text });
    expect(evs.find((e) => e.kind === 'document')?.date).toBe('2018-12-29');
    expect(ss.map((e) => e.date)).toEqual(['2018-12-29']);
    expect(ss[0]!.label).toBe(text);
  });

  it('gives stable ids, sorted chronologically', () => {
    const again = timelineOf({ '2019-02-12-ar.txt': AR }).events;
    expect(again.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const dates = events.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });
});

describe('buildTimeline: agreement links', () => {
  it('links an English "memorandum of 17 September 2018" within three words of the cue', () => {
    const { sentences } = timelineOf({ 'en.txt': 'Ankara, 6 March 2020\nThe deal amends the Sochi memorandum of 17 September 2018 on Idlib.' });
    expect(sentences.find((e) => e.date === '2018-09-17')?.linkedAgreements).toEqual(['agreement.sochi-memorandum-2018']);
  });

  it('links a year-less «اتفاق 5 آذار» by month and day', () => {
    const { sentences } = timelineOf({ '2020-03-10-ar.txt': 'خبر\nوقال إن اتفاق 5 آذار صامد حتى الآن.' });
    const e = sentences.find((x) => x.dateText === '5 آذار')!;
    expect(e.linkedAgreements).toEqual(['agreement.moscow-protocol-2020']);
    expect(e.date).toBe('2020-03-05');
  });

  it('does not link a date with no cue word, or a cue too far away', () => {
    const { sentences } = timelineOf({ 'x.txt': 'Ankara, 6 March 2020\nLavrov met Cavusoglu on 17 September 2018.\nThe memorandum was, as everyone says, signed on 17 September 2018.' });
    expect(sentences.filter((e) => e.date === '2018-09-17').every((e) => !e.linkedAgreements)).toBe(true);
  });

  it('reads cue words through clitics («بالمذكرة», «واتفاقية»)', () => {
    expect(hasCueBefore('التزام بالمذكرة الموقعة في 17 أيلول', 'التزام بالمذكرة الموقعة في '.length)).toBe(true);
    expect(hasCueBefore('واتفاقية 5 آذار', 'واتفاقية '.length)).toBe(true);
    expect(hasCueBefore('اجتماع 5 آذار', 'اجتماع '.length)).toBe(false);
  });
});

describe('buildTimeline: catalog and fallbacks', () => {
  const { events } = timelineOf({});

  it('adds catalogued agreements (points) and events (spans, open-ended spans)', () => {
    expect(events.find((e) => e.id === 'c:agreement.sochi-memorandum-2018')).toMatchObject({ kind: 'agreement', date: '2018-09-17' });
    expect(events.find((e) => e.id === 'c:event.olive-branch')).toMatchObject({ kind: 'event', date: '2018-01-20', endDate: '2018-03-24' });
    expect(events.find((e) => e.id === 'c:event.peace-spring')?.openEnded).toBe(true);
  });

  it('labels sentences by their date and title when the text is not available', () => {
    const { sentences } = timelineOf({ '2019-02-12-ar.txt': AR }, false);
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences[0]!.label).toContain('تركيا وروسيا تبحثان إدلب');
    expect(sentences.every((e) => !e.linkedAgreements)).toBe(true);
  });
});

describe('sentenceAround', () => {
  it('does not split on abbreviations or decimals', () => {
    const t = 'First. The U.S. envoy said 3.5 km on 5 May. Next one.';
    const r = sentenceAround(t, t.indexOf('5 May'), t.indexOf('5 May') + 5);
    expect(t.slice(r.start, r.end)).toBe('The U.S. envoy said 3.5 km on 5 May.');
  });

  // The reference: the rules written with a regex per character, as the module once did.
  function reference(text: string, start: number, end: number): { start: number; end: number } {
    const ends = (i: number): boolean => {
      const c = text[i]!;
      if (/[\r\n]/.test(c)) return true;
      if (!/[.!?؟…۔]/.test(c)) return false;
      const next = text[i + 1];
      if (next !== undefined && !/\s/.test(next) && !/[«»"”'’)]/.test(next)) return false;
      if (c === '.' && i >= 1 && /[A-Z]/.test(text[i - 1]!) && (i < 2 || !/\p{L}/u.test(text[i - 2]!))) return false;
      return true;
    };
    let s = start;
    while (s > 0 && !ends(s - 1)) s--;
    let e = Math.max(end, start);
    while (e < text.length && !ends(e)) e++;
    if (e < text.length && !/[\r\n]/.test(text[e]!)) e++;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    return { start: s, end: e };
  }
  const pieces = ['قال لافروف', ' ', '.', '!', '?', '؟', '…', '۔', '\n', '\r\n', '\r', 'U', 'U.S.', '3.5', '»', '"', ')', 'x', 'في 17 أيلول'];
  it.each(Array.from({ length: 200 }, (_, k) => k))('finds what the per-character regexes find, case %i', (k) => {
    let seed = k * 2654435761 + 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) % 1000) / 1000;
    const text = Array.from({ length: 4 + Math.floor(rnd() * 20) }, () => pieces[Math.floor(rnd() * pieces.length)]!).join('');
    const start = Math.floor(rnd() * text.length);
    const end = Math.min(text.length, start + Math.floor(rnd() * 4));
    expect(sentenceAround(text, start, end)).toEqual(reference(text, start, end));
  });
});

describe('hasCueBefore reads the words before a date as a word regex would', () => {
  // The reference: every word of the line (at most 120 characters back) before `start`, by regex.
  function reference(text: string, start: number): boolean {
    const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 120);
    const words: string[] = [];
    const re = /[\p{L}\p{M}\p{N}]+/gu;
    re.lastIndex = lineStart;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null && m.index < start) words.push(m[0]);
    const cues = ['مذكره', 'اتفاق', 'اتفاقيه', 'memorandum', 'deal'];
    return words.slice(-3).some((w) => {
      const key = w.replace(/[\u064b-\u0652]/g, '').replace(/ة/g, 'ه').replace(/[أإآ]/g, 'ا').toLowerCase();
      return cues.some((c) => key === c || (['وال', 'بال', 'لل', 'ال', 'و', 'ب', 'ل'].some((p) => key === p + c)));
    });
  }
  let positives = 0;
  afterAll(() => expect(positives).toBeGreaterThan(50)); // the cases do reach cues
  const pieces = ['مذكرة', 'والمذكرة', 'باتفاق', 'اتفاقيةَ', 'memorandum', 'deal', 'سوتشي', 'في', 'الموقعة', '17', '-', ' ', '  ', '\n', '،', 'x'.repeat(130), 'مذكرة17'];
  it.each(Array.from({ length: 300 }, (_, k) => k))('case %i', (k) => {
    let seed = k * 2654435761;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) % 1000) / 1000;
    const parts: string[] = [];
    for (let n = 0; n < 2 + Math.floor(rnd() * 6); n++) parts.push(pieces[Math.floor(rnd() * pieces.length)]!, rnd() < 0.8 ? ' ' : '');
    const before = parts.join('');
    const text = before + '17 أيلول 2018';
    expect(hasCueBefore(text, before.length)).toBe(reference(text, before.length));
    if (reference(text, before.length)) positives++;
  });
});
