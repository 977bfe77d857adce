// IncrementalAnalyzer must give, for every version of a document, exactly what a full
// analysis gives, however the edits fall: inside a block, across block ends, on the header
// (the document's date, which every relative date hangs on), on the only unambiguous mention
// that confirms the ambiguous ones, from Arabic to English-only and back, and in every kind
// of line break.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockEnds } from '../../src/core/analysis/textBlocks';
import { createEngine, type Engine } from '../../src/core/engine';
import { prng } from '../bench/generateCorpus';

const SAMPLES = path.join(__dirname, '../../samples/corpus');

let engine: Engine;
let samples: string[];
beforeAll(async () => {
  engine = createEngine({ catalogs: [], builtin: true });
  const files = (await fs.readdir(SAMPLES)).filter((f) => f.endsWith('.txt')).sort();
  samples = await Promise.all(files.map((f) => fs.readFile(path.join(SAMPLES, f), 'utf8')));
});

/** Lines to insert or to splice into lines: dates, names (ambiguous ones too), quotes, boilerplate. */
const SNIPPETS = [
  'وقال لافروف "إن الاتفاق يبقى ساريا حتى إشعار آخر" للصحفيين.',
  'أخبار | 05 فبراير 2020',
  'في 17 أيلول/سبتمبر 2018',
  'أمس الجمعة',
  'الأربعاء 5 يونيو / حزيران',
  '5/6/2019',
  '/6 مايو 2020',
  'مذكرة 17 أيلول 2018',
  'المعلم',
  'وليد المعلم',
  'أوغلو',
  'بشار',
  'اقرأ أيضاً: ',
  'Lavrov said "the ceasefire holds in Idlib for now" on Friday.',
  'Moscow, 5 March 2020 —',
  'ـ',
  '\u064e',
  '"',
];

function edit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const r = rnd();
  if (r < 0.3) return text.slice(0, at) + pick(SNIPPETS) + text.slice(at);
  if (r < 0.45) return text.slice(0, at) + '\n' + pick(SNIPPETS) + '\n' + text.slice(at);
  if (r < 0.6) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rnd() * 400)));
  if (r < 0.7) return text.slice(0, at) + pick(['\n', '\r\n', '\r', ' ', '\n\n']) + text.slice(at);
  if (r < 0.8) return pick(SNIPPETS) + '\n' + text; // a new first line: the header and title
  if (r < 0.85) return text.replace(/[\u0600-\u06ff]+/g, 'word'); // English-only from now on
  if (r < 0.9) return text.replace(/\n/g, '\r\n');
  const from = Math.floor(rnd() * text.length);
  return text.slice(0, at) + text.slice(from, from + Math.floor(rnd() * 2000)) + text.slice(at); // a pasted passage
}

describe('IncrementalAnalyzer', () => {
  it('gives what a full analysis gives, version after version of randomly edited documents', () => {
    const rnd = prng(20261123);
    let fresh = 0;
    let blocks = 0;
    for (let doc = 0; doc < 12; doc++) {
      // Several sample articles end to end: long enough for many blocks.
      let text = Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => samples[Math.floor(rnd() * samples.length)]!).join('\n');
      if (doc % 4 === 1) text = text.replace(/\n/g, '\r\n');
      if (doc % 4 === 2) text = text.replace(/\n/g, '\r').trimEnd();
      const fileName = doc % 3 === 0 ? '2019-10-22-file.txt' : 'file.txt';
      const metadata = doc % 5 === 4 ? '2018-09-17' : null;
      const incremental = engine.incremental();
      for (let version = 0; version < 25; version++) {
        expect(incremental.analyze(text, fileName, metadata)).toEqual(engine.analyze(text, fileName, metadata));
        if (version > 0) {
          fresh += incremental.lastFresh;
          blocks += blockEnds(text).length;
        }
        text = edit(text, rnd);
      }
    }
    // The point of it all: most blocks were found again, not analysed again.
    expect(fresh).toBeLessThan(blocks / 4);
  });

  it('re-analyses one or two blocks after a one-line edit in a long document', () => {
    const text = samples.join('\n').repeat(4);
    const incremental = engine.incremental();
    incremental.analyze(text, 'file.txt', null);
    expect(blockEnds(text).length).toBeGreaterThan(40);
    const middle = text.indexOf('\n', text.length >> 1) + 1;
    const edited = text.slice(0, middle) + 'وقال أردوغان إن المهلة تنتهي نهاية الشهر.\n' + text.slice(middle);
    expect(incremental.analyze(edited, 'file.txt', null)).toEqual(engine.analyze(edited, 'file.txt', null));
    expect(incremental.lastFresh).toBeGreaterThanOrEqual(1);
    expect(incremental.lastFresh).toBeLessThanOrEqual(2);
  });

  it('reads the blocks an edit left alone as the whole document now reads (English-only or not)', () => {
    // 5/16/2019 is 16 May in an English-only document and no date in an Arabic one (day first,
    // no 16th month): one Arabic line at the end changes how a date far away, in a block the
    // edit never touched, reads.
    const english = samples.find((s) => !/[\u0600-\u06ff]/.test(s))!;
    const text = 'The talks of 5/16/2019 went on.\n' + english.repeat(6);
    const incremental = engine.incremental();
    const before = incremental.analyze(text, 'file.txt', null);
    const edited = text + 'قال لافروف\n';
    const after = incremental.analyze(edited, 'file.txt', null);
    expect(after).toEqual(engine.analyze(edited, 'file.txt', null));
    expect(incremental.lastFresh).toBe(1);
    const valueOf = (a: typeof before): string | undefined => a.dates.find((d) => d.text === '5/16/2019')?.value;
    expect([valueOf(before), valueOf(after)]).toEqual(['2019-05-16', undefined]);
    // And back.
    expect(incremental.analyze(text, 'file.txt', null)).toEqual(before);
  });

  it('handles the empty text and a text without any line break', () => {
    const incremental = engine.incremental();
    for (const text of ['', 'لافروف', samples[0]!.replace(/[\r\n]+/g, ' ')]) {
      expect(incremental.analyze(text, 'file.txt', null)).toEqual(engine.analyze(text, 'file.txt', null));
    }
  });
});

describe('blockEnds', () => {
  it('cuts only after line breaks, never inside "\\r\\n", and covers the whole text', () => {
    const rnd = prng(7);
    for (let k = 0; k < 50; k++) {
      let text = '';
      while (text.length < 20_000) text += 'x'.repeat(Math.floor(rnd() * 300)) + ['\n', '\r\n', '\r', ''][Math.floor(rnd() * 4)];
      const ends = blockEnds(text);
      expect(ends.at(-1)).toBe(text.length);
      let start = 0;
      for (const end of ends) {
        expect(end).toBeGreaterThan(start);
        if (end < text.length) {
          const last = text.charCodeAt(end - 1);
          expect(last === 0x0a || (last === 0x0d && text.charCodeAt(end) !== 0x0a)).toBe(true);
        }
        start = end;
      }
    }
    expect(blockEnds('')).toEqual([]);
  });

  it('puts the cuts after an edit where they were before it, past the next cut', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `line ${i} ${'و'.repeat(i % 37)}`);
    const text = lines.join('\n') + '\n';
    const edited = text.replace('line 1000 ', 'line 1000 changed ');
    const before = blockEnds(text);
    const after = blockEnds(edited);
    const delta = edited.length - text.length;
    const at = text.indexOf('line 1000 ');
    // Every cut more than one block past the edit is found again, shifted by the edit's length.
    const later = before.filter((e) => e > at + 2 * 16 * 1024);
    const shifted = new Set(after.map((e) => e - delta));
    const kept = before.filter((e) => e > at).slice(1);
    expect(kept.length).toBeGreaterThan(10);
    for (const e of kept) expect(shifted.has(e)).toBe(true);
    expect(later.every((e) => shifted.has(e))).toBe(true);
  });
});
