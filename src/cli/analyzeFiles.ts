/**
 * Reads, decodes and analyses files, in order, on worker threads when the code runs from its
 * bundle (one engine per worker, `jobs` of them), or in-process otherwise (unit tests run the
 * TypeScript sources, which a worker cannot load). Reading happens on the workers too, so
 * the read-only baseline of the benchmark (`engine: false`) takes the same path.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createEngine, type Engine, type EngineSetup } from '../core/engine';
import { packAnalysis, type PackedAnalysis } from '../core/index/corpusIndex';
import { isProblem, readCorpusFile } from './readCorpus';

export interface FileResult {
  path: string;
  encoding?: string;
  size?: number;
  /**
   * Absent when the file was skipped (`problem`) or when the engine is off. Mentions come
   * packed: a worker sends them as one transferred buffer (unpackMentions builds objects).
   */
  analysis?: PackedAnalysis;
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

/** Files read ahead of the analysis, per thread. */
const READ_AHEAD = 8;

/** A read file waiting for the engine: the result without analysis, and the text. */
type ReadResult = FileResult & { text?: string };

async function readOnly(file: string, options: Omit<AnalyzeFilesOptions, 'jobs'>): Promise<ReadResult> {
  const read = await readCorpusFile(options.root, file, options.maxBytes);
  if (isProblem(read)) return { path: read.path, problem: read.message };
  return { path: read.path, encoding: read.encoding, size: read.size, text: read.text };
}

function finish(read: ReadResult, engine: Engine | undefined): FileResult {
  const { text, ...result } = read;
  if (engine && text !== undefined) result.analysis = packAnalysis(engine.analyze(text, path.basename(read.path)));
  return result;
}

async function processFile(file: string, options: Omit<AnalyzeFilesOptions, 'jobs'>, engine: Engine | undefined): Promise<FileResult> {
  return finish(await readOnly(file, options), engine);
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
    // Reads run ahead of the analysis, so the thread never waits on the disk between files.
    const ahead: Array<Promise<FileResult>> = [];
    let next = 0;
    const fill = (): void => {
      while (ahead.length < READ_AHEAD && next < files.length) ahead.push(readOnly(files[next++]!, options));
    };
    fill();
    while (ahead.length) {
      const read = await ahead.shift()!;
      fill();
      yield finish(read, engine);
    }
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
    // Several in flight per worker: its reads overlap its analyses and results travelling back.
    for (let k = 0; k < READ_AHEAD; k++) dispatch(w);
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
      (result) => parentPort!.postMessage({ index: m.index, result }, result.analysis ? [result.analysis.packed.data.buffer as ArrayBuffer] : []),
      (e: unknown) => parentPort!.postMessage({ index: m.index, result: { path: m.file, problem: `failed: ${(e as Error).message}` } }),
    );
  });
  return true;
}
