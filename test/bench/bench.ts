/**
 * `npm run bench`: the engine's throughput on generated corpora, side by side with reading
 * the same files (same code path minus the engine) and with ripgrep counting the catalog's
 * aliases as fixed strings. Prints ratios and writes them to bench-results/bench.json.
 *
 *   npm run bench                       # 1,000 and 10,000 documents
 *   npm run bench -- --large            # also 100,000 documents (~430 MB generated once in .cache/bench)
 *   npm run bench -- --sizes 100000     # other sizes
 *   npm run bench -- --jobs 1           # no worker threads
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { builtinCatalog } from '../../src/core/catalog/builtin';
import { Catalog } from '../../src/core/catalog/catalog';
import { parseCache, serializeCacheChunks, type CacheEntry } from '../../src/core/index/cacheFormat';
import { CorpusIndex, packAnalysis } from '../../src/core/index/corpusIndex';
import { createEngine } from '../../src/core/engine';
import { EntityMatcher } from '../../src/core/match/matcher';
import { analyzeFiles, defaultJobs, runWorkerIfAny } from '../../src/cli/analyzeFiles';
import { listTextFiles } from '../../src/cli/readCorpus';
import { generateCorpus, generateDocument, type GeneratorInput } from './generateCorpus';

const root = process.cwd();
const args = process.argv.slice(2);
const sizesArg = args.indexOf('--sizes');
const sizes = sizesArg >= 0 ? args[sizesArg + 1]!.split(',').map(Number) : args.includes('--large') ? [1000, 10000, 100000] : [1000, 10000];

class PeakMemory {
  peak = 0;
  private timer: NodeJS.Timeout | undefined;
  start(): void {
    this.peak = process.memoryUsage().rss;
    this.timer = setInterval(() => (this.peak = Math.max(this.peak, process.memoryUsage().rss)), 20);
  }
  stop(): number {
    clearInterval(this.timer);
    return Math.max(this.peak, process.memoryUsage().rss);
  }
}

async function loadInput(catalog: Catalog): Promise<GeneratorInput> {
  const dir = path.join(root, 'samples/corpus');
  const sentences: string[] = [];
  for (const f of (await fs.readdir(dir)).filter((f) => f.endsWith('.txt'))) {
    const text = await fs.readFile(path.join(dir, f), 'utf8');
    for (const s of text.split(/[.\n]/)) if (s.trim().split(' ').length > 6) sentences.push(s.trim());
  }
  const names = catalog.aliases().map((a) => a.text).filter((t) => /[\u0600-\u06ff]/.test(t));
  return { sentences, names };
}

const SETUP = { catalogs: [], builtin: true };
const jobsArg = args.indexOf('--jobs');
const JOBS = jobsArg >= 0 ? Number(args[jobsArg + 1]) : defaultJobs();

/** Lists, reads and decodes every file: the same path as the index, minus the engine. */
async function timeRead(dir: string): Promise<{ ms: number; bytes: number; files: number }> {
  const t0 = performance.now();
  const { files } = await listTextFiles(dir);
  let bytes = 0;
  for await (const r of analyzeFiles(files, { root: dir, setup: SETUP, maxBytes: Infinity, jobs: JOBS, engine: false })) bytes += r.size ?? 0;
  return { ms: performance.now() - t0, bytes, files: files.length };
}

async function timeIndex(dir: string): Promise<{ ms: number; mentions: number; peakRss: number; index: CorpusIndex }> {
  const mem = new PeakMemory();
  mem.start();
  const t0 = performance.now();
  const { files } = await listTextFiles(dir);
  const index = new CorpusIndex();
  for await (const r of analyzeFiles(files, { root: dir, setup: SETUP, maxBytes: Infinity, jobs: JOBS })) {
    if (r.analysis) index.set({ id: r.path, path: r.path, encoding: r.encoding, ...r.analysis });
  }
  const ms = performance.now() - t0;
  return { ms, mentions: index.mentionCount(), peakRss: mem.stop(), index };
}

/** The cold index, timed; then, from it, the cache file and one changed document. Only numbers come back, so the index can go. */
async function coldIndexAndCache(dir: string, cacheFile: string, input: GeneratorInput) {
  const { index: coldIndex, ...index } = await timeIndex(dir);
  const cacheBytes = await writeCache(coldIndex, dir, cacheFile);
  // After the cache is written: it replaces a document of the index with another text.
  const oneChangeMs = timeOneChange(coldIndex, dir, (await listTextFiles(dir)).files[0]!, input);
  return { index, cacheBytes, oneChangeMs, indexedDocuments: coldIndex.size };
}

/** Writes the index as the extension's cache file would hold it (size and mtime per file). */
async function writeCache(index: CorpusIndex, dir: string, file: string): Promise<number> {
  const entries: CacheEntry[] = [];
  for (const d of index.documents()) {
    const st = await fs.stat(path.join(dir, d.path));
    entries.push({ size: st.size, mtime: st.mtimeMs, doc: d.toPacked() });
  }
  const handle = await fs.open(file, 'w');
  let bytes = 0;
  try {
    for (const chunk of serializeCacheChunks('bench', entries)) {
      await handle.write(chunk);
      bytes += chunk.length;
    }
  } finally {
    await handle.close();
  }
  return bytes;
}

/** A warm start as the extension makes it: load the cache, list and stat the files, keep the unchanged ones. */
async function timeWarm(dir: string, file: string): Promise<{ ms: number; documents: number }> {
  const t0 = performance.now();
  const parsed = parseCache(await fs.readFile(file), 'bench');
  if (parsed.kind !== 'ok') throw new Error(`cache not usable: ${parsed.kind}`);
  const { files } = await listTextFiles(dir);
  // Eager, as the extension's: the per-entity lists are built as the documents come in.
  const index = new CorpusIndex(true);
  const STATS_IN_FLIGHT = 64;
  for (let k = 0; k < files.length; k += STATS_IN_FLIGHT) {
    const batch = files.slice(k, k + STATS_IN_FLIGHT);
    const stats = await Promise.all(batch.map((f) => fs.stat(f)));
    batch.forEach((f, j) => {
      const hit = parsed.entries.get(path.relative(dir, f).split(path.sep).join('/'));
      if (hit && hit.size === stats[j]!.size && hit.mtime === stats[j]!.mtimeMs) index.set(hit.doc);
    });
  }
  return { ms: performance.now() - t0, documents: index.size };
}

/**
 * One changed document in an indexed corpus, as the file watcher handles it: analyse its new
 * text, put it in the index, and answer what the views then ask (entity counts for the
 * tree, the hover's counts). Median of 15, each with a different edit.
 */
function timeOneChange(index: CorpusIndex, dir: string, file: string, input: GeneratorInput): number {
  const engine = createEngine(SETUP);
  const id = path.relative(dir, file).split(path.sep).join('/');
  const runs: number[] = [];
  for (let k = 0; k < 15; k++) {
    const text = generateDocument(input, 5_000_000 + k);
    const t0 = performance.now();
    const stored = index.set({ id, path: id, ...packAnalysis(engine.analyze(text, path.basename(file))) });
    const counts = index.entityCounts();
    if (counts.length && stored.countedMentions >= 0) index.mentionCountOf(counts[0]!.entityId);
    runs.push(performance.now() - t0);
  }
  return percentile(runs, 50);
}

function timeRipgrep(dir: string, aliasFile: string): number | null {
  if (spawnSync('rg', ['--version']).status !== 0) return null;
  const t0 = performance.now();
  spawnSync('rg', ['-c', '-F', '-f', aliasFile, dir], { maxBuffer: 1 << 30 });
  return performance.now() - t0;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main(): Promise<void> {
  const catalog = new Catalog([builtinCatalog()]);
  const matcher = new EntityMatcher(catalog.aliases());
  const input = await loadInput(catalog);
  const cache = path.join(root, '.cache/bench');
  await fs.mkdir(cache, { recursive: true });
  const aliasFile = path.join(cache, 'aliases.txt');
  await fs.writeFile(aliasFile, catalog.aliases().map((a) => a.text).join('\n') + '\n');

  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    jobs: JOBS,
    cpus: (await import('node:os')).cpus().length,
    catalog: { entities: catalog.size, aliases: matcher.aliasCount },
    corpora: [] as unknown[],
  };
  console.log(`catalog: ${catalog.size} entities, ${matcher.aliasCount} aliases; node ${process.version}; ${JOBS} worker thread(s)`);
  for (const n of sizes) {
    const dir = path.join(cache, `corpus-${n}`);
    process.stdout.write(`generating ${n} documents… `);
    await generateCorpus(dir, n, input);
    console.log('done');
    await timeRead(dir); // warm the OS page cache so every contender reads from memory
    const read = [await timeRead(dir), await timeRead(dir)].sort((a, b) => a.ms - b.ms)[0]!;
    const cacheFile = path.join(cache, `index-cache-${n}.bin`);
    const { index, cacheBytes, oneChangeMs, indexedDocuments } = await coldIndexAndCache(dir, cacheFile, input);
    const rg = timeRipgrep(dir, aliasFile);
    // The warm start runs without the cold index in memory, as a new window would (a heap
    // holding a second 100,000-document index made its collections, and so it, slower).
    const warm = await timeWarm(dir, cacheFile);
    if (warm.documents !== indexedDocuments) throw new Error(`warm start kept ${warm.documents} of ${indexedDocuments} documents`);
    const mb = read.bytes / 1024 / 1024;
    const row = {
      documents: read.files,
      megabytes: +mb.toFixed(1),
      readOnlyMs: +read.ms.toFixed(0),
      coldIndexMs: +index.ms.toFixed(0),
      ripgrepMs: rg === null ? null : +rg.toFixed(0),
      warmStartMs: +warm.ms.toFixed(0),
      cacheMB: +(cacheBytes / 1024 / 1024).toFixed(1),
      indexVsRead: +(index.ms / read.ms).toFixed(2),
      warmVsCold: +(warm.ms / index.ms).toFixed(2),
      oneChangeMs: +oneChangeMs.toFixed(1),
      indexVsRipgrep: rg === null ? null : +(index.ms / rg).toFixed(2),
      indexMBps: +(mb / (index.ms / 1000)).toFixed(1),
      mentions: index.mentions,
      peakRssMB: +(index.peakRss / 1024 / 1024).toFixed(0),
    };
    (results.corpora as unknown[]).push(row);
    console.table([row]);
  }

  // One 1 MB document, analysed whole (normalize, boilerplate, match, dates, quotations,
  // agreements named by date: the engine the extension runs), median of 7.
  const engine = createEngine(SETUP);
  let big = '';
  for (let i = 0; big.length < 1024 * 1024 / 2; i++) big += generateDocument(input, 1_000_000 + i);
  const bytes = Buffer.byteLength(big);
  const runs: number[] = [];
  let analysis = engine.analyze(big, 'big.txt');
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    analysis = engine.analyze(big, 'big.txt');
    runs.push(performance.now() - t0);
  }
  // The same document re-matched after a catalog change: its text facts (title, boilerplate,
  // dates) are kept, the matcher runs again (what the extension does when a catalog changes).
  const facts = { title: analysis.title, boilerplate: analysis.boilerplate, date: analysis.date, dates: analysis.dates };
  const rematchRuns: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    engine.rematch(big, facts, 'big.txt');
    rematchRuns.push(performance.now() - t0);
  }
  // The same document open in an editor and typed into: each version differs from the one
  // before by one line, in a different place each time, and the worker's IncrementalAnalyzer
  // re-analyses the blocks the edit changed. Median of 15.
  const editor = engine.incremental();
  editor.analyze(big, 'big.txt', null);
  const editRuns: number[] = [];
  let edited = big;
  for (let k = 0; k < 15; k++) {
    const at = edited.indexOf('\n', Math.floor(((k * 7919) % 1000) / 1000 * edited.length)) + 1;
    edited = edited.slice(0, at) + `وقال لافروف في موسكو إن الاجتماع ${k} انتهى.\n` + edited.slice(at);
    const t0 = performance.now();
    editor.analyze(edited, 'big.txt', null);
    editRuns.push(performance.now() - t0);
  }
  // Hover lookup: find the mention under a random offset (binary search) and its corpus stats.
  const index = new CorpusIndex();
  index.set({ id: 'big', path: 'big.txt', ...analysis });
  const starts = analysis.mentions.map((m) => m.start);
  const hover: number[] = [];
  let sink = 0; // keeps the lookups from being optimized away
  for (let k = 0; k < 2000; k++) {
    const offset = Math.floor((k * 7919) % big.length);
    const t0 = performance.now();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const m = analysis.mentions[lo];
    if (m && m.start <= offset && offset < m.end) {
      // What the hover card asks the index for (entityCard.ts).
      sink += index.mentionCountOf(m.entityId) + index.documentsOf(m.entityId).length + index.coMentioned(m.entityId).length;
    }
    hover.push(performance.now() - t0);
  }
  results.oneDocument = {
    bytes,
    medianMs: +percentile(runs, 50).toFixed(1),
    rematchMedianMs: +percentile(rematchRuns, 50).toFixed(1),
    afterEditMedianMs: +percentile(editRuns, 50).toFixed(1),
    mentions: analysis.mentions.length,
  };
  if (sink < 0) console.log(sink);
  results.hoverLookup = { p50Ms: +percentile(hover, 50).toFixed(3), p95Ms: +percentile(hover, 95).toFixed(3) };
  console.log('one document:', results.oneDocument, 'hover lookup:', results.hoverLookup);

  const outDir = path.join(root, 'bench-results');
  await fs.mkdir(outDir, { recursive: true });
  await fs.writeFile(path.join(outDir, 'bench.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`written: bench-results/bench.json (git ${execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim()})`);
}

if (!runWorkerIfAny()) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
