// The engine keeps its token and normalization buffers from one text to the next (allocating
// them per document cost more than the work). A text must never see another's leftovers,
// and a very long text must not leave its buffers behind at its size.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine';
import { normalize } from '../../src/core/text/normalize';

const SAMPLES = path.join(__dirname, '../../samples/corpus');

describe('buffers reused across texts', () => {
  it('a short text analyses the same before and after a very long one, and the long one is whole', async () => {
    const files = (await fs.readdir(SAMPLES)).filter((f) => f.endsWith('.txt')).sort();
    const short = await fs.readFile(path.join(SAMPLES, files[0]!), 'utf8');
    const block = (await fs.readFile(path.join(SAMPLES, files[1]!), 'utf8')).trimEnd() + '\n';
    const copies = Math.ceil(2_200_000 / block.length); // past every kept-buffer limit
    const long = block.repeat(copies);
    const engine = createEngine({ catalogs: [], builtin: true });
    const before = engine.analyze(short, 'a.txt');
    const once = engine.analyze(block, 'b.txt');
    const whole = engine.analyze(long, 'b.txt');
    expect(whole.mentions.length).toBe(once.mentions.length * copies);
    expect(whole.dates.length).toBe(once.dates.length * copies);
    const last = whole.mentions.at(-1)!;
    expect(long.slice(last.start, last.end)).toBe(last.text);
    expect(engine.analyze(short, 'a.txt')).toEqual(before);
    expect(createEngine({ catalogs: [], builtin: true }).analyze(short, 'a.txt')).toEqual(before);
  });

  it('normalize gives the same result for a short text before and after a long one', () => {
    const short = 'وصلَ الوفدُ إلى أنقـــرة ﻻ';
    const first = normalize(short);
    const longOne = normalize('ﻻ إدلب '.repeat(400_000));
    expect(longOne.text.length).toBeGreaterThan(1 << 20);
    expect(longOne.text.startsWith('لا ادلب')).toBe(true);
    expect(normalize(short)).toEqual(first);
  });
});
