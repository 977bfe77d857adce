/**
 * A deterministic generator of Arabic news-like documents (~4 KB each) for benchmarks:
 * sentences from the sample corpus, re-mixed, with catalog names in spelling variants,
 * attached clitics, diacritics, tatweel and dates in several forms. Same seed, same corpus.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLITICS = ['', '', '', 'و', 'ب', 'ل', 'وب', 'ف'];
const DATES = ['4 أيار/مايو 2017', '17 أيلول/سبتمبر 2018', '٢٩ كانون الأول ٢٠١٨', 'أمس الجمعة', '05 فبراير 2020', 'الأربعاء 5 يونيو / حزيران', 'عام 2019', '22 أكتوبر 2019'];

function decorate(word: string, rnd: () => number): string {
  const r = rnd();
  if (r < 0.05) return word.replace(/(.)/, '$1\u064e'); // a fatha after the first letter
  if (r < 0.08 && word.length > 3) return word.slice(0, 2) + 'ـ' + word.slice(2); // tatweel
  return word;
}

export interface GeneratorInput {
  /** Sentences to mix (from the sample corpus). */
  sentences: string[];
  /** Catalog names and aliases to sprinkle in. */
  names: string[];
}

export function generateDocument(input: GeneratorInput, index: number, targetBytes = 4096): string {
  const rnd = prng(index * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const lines: string[] = [`${pick(input.names)}: ${pick(input.sentences).slice(0, 80)}`, `أخبار | ${pick(DATES)}`, ''];
  let bytes = 0;
  while (bytes < targetBytes) {
    const words = pick(input.sentences).split(' ');
    const at = Math.floor(rnd() * words.length);
    words.splice(at, 0, pick(CLITICS) + decorate(pick(input.names), rnd));
    if (rnd() < 0.3) words.push('في', pick(DATES));
    const line = words.join(' ');
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }
  if (rnd() < 0.3) lines.push('اقرأ أيضاً: ' + pick(input.sentences).slice(0, 60));
  return lines.join('\n') + '\n';
}

/** Writes `count` documents into `dir` (100 per sub-folder); skips the work when already there. */
export async function generateCorpus(dir: string, count: number, input: GeneratorInput): Promise<void> {
  const marker = path.join(dir, `.complete-${count}`);
  try {
    await fs.access(marker);
    return;
  } catch {
    // not generated yet
  }
  await fs.rm(dir, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, String(Math.floor(i / 100)).padStart(4, '0'));
    if (i % 100 === 0) await fs.mkdir(sub, { recursive: true });
    await fs.writeFile(path.join(sub, `doc-${String(i).padStart(6, '0')}.txt`), generateDocument(input, i));
  }
  await fs.writeFile(marker, '');
}
