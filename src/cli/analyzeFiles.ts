/**
 * Reads, decodes and analyses files, in order, on worker threads when the code runs from its
 * bundle (one engine per worker, `jobs` of them), or in-process otherwise (unit tests run the
 * TypeScript sources, which a worker cannot load). Reading happens on the workers too, so
 * the read-only baseline of the benchmark (`engine: false`) takes the same path.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { DocumentAnalysis } from '../core/analysis/analyzeDocument';
import { createEngine, type Engine, type EngineSetup } from '../core/engine';
import { isProblem, readCorpusFile } from './readCorpus';

export interface FileResult {
  path: string;
  encoding?: string;
  size?: number;
  /** Absent when the file was skipped (`problem`) or when the engine is off. */
  analysis?: DocumentAnalysis;
  problem?: string;
}

export interface AnalyzeFilesOptions {
  root: string;
  setup: EngineSetup;
  maxBytes: number;
  /** Worker threads to use; 1 = in-process. Default: the number of cores, at most 4. */
  jobs?: number;
  /** false: read and decode only (the benchmark's baseline). */
  engine?: boolean;
}

interface WorkerInit {
  corpusLensWorker: true;
  options: Omit<AnalyzeFilesOptions, 'jobs'>;
}

async function processFile(file: string, options: Omit<AnalyzeFilesOptions, 'jobs'>, engine: Engine | undefined): Promise<FileResult> {
  const read = await readCorpusFile(options.root, file, options.maxBytes);
  if (isProblem(read)) return { path: read.path, problem: read.message };
  const result: FileResult = { path: read.path, encoding: read.encoding, size: read.size };
  if (engine) result.analysis = engine.analyze(read.text, path.basename(read.path));
  return result;
}

/** Whether this module runs from a bundle that a worker thread can load again. */
function canUseWorkers(): boolean {
  return typeof __filename === 'string' && __filename.endsWith('.js');
}

export function defaultJobs(): number {
  return Math.max(1, Math.min(4, os.cpus().length));
}

export async function* analyzeFiles(files: readonly string[], options: AnalyzeFilesOptions): AsyncGenerator<FileResult> {
  const jobs = Math.min(options.jobs ?? defaultJobs(), files.length);
  if (jobs <= 1 || !canUseWorkers()) {
    const engine = options.engine === false ? undefined : createEngine(options.setup);
    for (const f of files) yield await processFile(f, options, engine);
    return;
  }
  const { jobs: _jobs, ...rest } = options;
  const init: WorkerInit = { corpusLensWorker: true, options: rest };
  const workers = Array.from({ length: jobs }, () => new Worker(__filename, { workerData: init }));
  const done = new Map<number, FileResult>();
  let next = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const dispatch = (w: Worker): void => {
    if (next < files.length) w.postMessage({ index: next, file: files[next++] });
  };
  for (const w of workers) {
    w.on('message', (m: { index: number; result: FileResult }) => {
      done.set(m.index, m.result);
      dispatch(w);
      wake?.();
    });
    w.on('error', (e) => {
      failure = e;
      wake?.();
    });
    dispatch(w);
    dispatch(w); // two in flight per worker keeps it busy while results travel back
  }
  try {
    for (let i = 0; i < files.length; i++) {
      while (!done.has(i)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const r = done.get(i)!;
      done.delete(i);
      yield r;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * Call at the top of every bundle entry that may start workers (CLI, benchmark): in a worker
 * it serves analysis requests and returns true, so the entry does nothing else.
 */
export function runWorkerIfAny(): boolean {
  if (isMainThread || !(workerData as WorkerInit | undefined)?.corpusLensWorker) return false;
  const { options } = workerData as WorkerInit;
  const engine = options.engine === false ? undefined : createEngine(options.setup);
  parentPort!.on('message', (m: { index: number; file: string }) => {
    void processFile(m.file, options, engine).then(
      (result) => parentPort!.postMessage({ index: m.index, result }),
      (e: unknown) => parentPort!.postMessage({ index: m.index, result: { path: m.file, problem: `failed: ${(e as Error).message}` } }),
    );
  });
  return true;
}
