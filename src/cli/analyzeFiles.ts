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
import { packAnalysis, transferablesOf, type PackedAnalysis } from '../core/index/corpusIndex';
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

/** Files read ahead of the analysis, in-process. */
const READ_AHEAD = 8;
/** Files per message to and from a worker, at most. */
const MAX_BATCH = 16;

interface BatchRequest {
  /** The position of files[0] in the whole list. */
  first: number;
  files: string[];
}

interface BatchResponse {
  first: number;
  results: FileResult[];
}

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
  // Files go to a worker, and results come back, a batch per message: one message per file
  // cost more than a tenth of the workers' time (each message is a clone and a wake-up).
  // Batches stay small enough that the workers finish together.
  const batchSize = Math.max(1, Math.min(MAX_BATCH, Math.ceil(files.length / (jobs * 4))));
  const done = new Map<number, FileResult>();
  let next = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const dispatch = (w: Worker): void => {
    if (next >= files.length) return;
    const request: BatchRequest = { first: next, files: files.slice(next, next + batchSize) };
    next += request.files.length;
    w.postMessage(request);
  };
  for (const w of workers) {
    w.on('message', (m: BatchResponse) => {
      m.results.forEach((r, j) => done.set(m.first + j, r));
      dispatch(w);
      wake?.();
    });
    w.on('error', (e) => {
      failure = e;
      wake?.();
    });
    // Two batches per worker: it starts the next while the results of one travel back.
    dispatch(w);
    dispatch(w);
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
  parentPort!.on('message', (m: BatchRequest) => {
    void Promise.all(
      m.files.map((file) => processFile(file, options, engine).catch((e: unknown): FileResult => ({ path: file, problem: `failed: ${(e as Error).message}` }))),
    ).then((results) => {
      const response: BatchResponse = { first: m.first, results };
      parentPort!.postMessage(response, results.flatMap((r) => (r.analysis ? transferablesOf(r.analysis) : [])));
    });
  });
  return true;
}
