/**
 * A small pool of analysis workers (see analysisWorker.ts). Requests are spread over the
 * workers. A worker that stops (a crash, out of memory, process.exit) is replaced on demand
 * and its requests are sent again. A worker handles its requests in order, so the oldest one
 * is the one it was analysing: that document is tried once more on a new worker, and if a
 * worker stops on it a second time it is rejected with WorkerCrashError. The caller reports
 * such a document as skipped rather than analyse it on the extension host, which it might
 * take down. The requests queued behind it never started and are simply sent again, so a bad
 * document costs only itself. Every stop is logged as an error.
 *
 * When workers keep stopping with no answer in between (a broken worker script, say), the
 * pool gives up, and so does a pool without a worker script (tests of the core, or a host
 * without worker threads): every call then rejects with a plain Error and the caller analyses
 * in-process.
 */
import type { Encoding } from '../../core/io/decode';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { fnv1a } from '../../core/text/fnv';
import type { PackedAnalysis, PackedTextFacts } from '../../core/index/corpusIndex';
import type { EngineSetup } from '../../core/engine';
import { log } from '../log';
import type { WorkerRequest, WorkerResponse } from './analysisWorker';

/** What a worker returns: the analysis, and the encoding when it decoded the bytes itself. */
export type WorkerAnalysis = PackedAnalysis & { encoding?: Encoding };

/** The bytes sent to a worker are not text (binary, mis-encoded); the message is the reason. */
export class UndecodableError extends Error {}

/** A worker stopped twice while analysing this document; the message says so, for the skipped list. */
export class WorkerCrashError extends Error {}

/** Stops in a row, with no answer from any worker in between, after which the pool gives up. */
const MAX_STOPS_IN_A_ROW = 4;

interface Request {
  id: number;
  /** The decoded text, or the file's bytes for the worker to decode. */
  text: string | Uint8Array;
  fileName: string;
  metadataDate: string | null;
  /** An earlier analysis's text facts, for a re-match. */
  facts?: PackedTextFacts;
  /** The key of an editor's document: its versions all go to one worker, which keeps their blocks. */
  live?: string;
  /** How the logs name the document (its workspace-relative path). */
  label: string;
  /** Workers that stopped while analysing it. */
  stops: number;
  resolve: (a: WorkerAnalysis) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** In the order sent, which is the order the worker handles them. */
  pending: Map<number, Request>;
}

export class AnalysisPool {
  private slots: Slot[] = [];
  private setup: EngineSetup | undefined;
  private nextId = 0;
  private turn = 0;
  private disposed = false;
  private stopsInARow = 0;
  private gaveUp = false;
  /** Documents analysed by the workers so far (for the status query and tests). */
  completed = 0;
  /**
   * Internal, for the integration tests only: a worker sent a document whose label matches
   * exits (process.exit) instead of analysing it, exactly as a crashing analysis would.
   */
  crashOn: ((label: string) => boolean) | undefined;

  /** @param script absolute path of dist/analysisWorker.js */
  constructor(
    private readonly script: string | undefined,
    private readonly size = Math.max(1, Math.min(2, os.cpus().length - 1)),
  ) {}

  /** Documents sent to the workers and not answered yet (for inspection and tests). */
  get inFlight(): number {
    return this.slots.reduce((n, s) => n + s.pending.size, 0);
  }

  get available(): boolean {
    return !!this.script && !this.disposed && !this.gaveUp;
  }

  /** (Re)builds every worker's engine; call whenever the catalog changes. */
  configure(setup: EngineSetup): void {
    this.setup = setup;
    for (const slot of this.slots) slot.worker.postMessage({ kind: 'init', setup } satisfies WorkerRequest);
  }

  /** @param label how logs name the document (default: `fileName`) */
  /**
   * Analyses a text, or a file's bytes, which the worker decodes (UndecodableError when they
   * are not text).
   * @param label how logs name the document (default: `fileName`)
   * @param facts the text facts of an earlier analysis of this text: only the catalog's part is made again
   */
  analyze(text: string | Uint8Array, fileName: string, metadataDate: string | null, label = fileName, facts?: PackedTextFacts): Promise<WorkerAnalysis> {
    if (!this.available || !this.setup) return Promise.reject(new Error('analysis workers unavailable'));
    return new Promise<WorkerAnalysis>((resolve, reject) => {
      this.send({ id: this.nextId++, text, fileName, metadataDate, label, stops: 0, resolve, reject, ...(facts ? { facts } : {}) });
    });
  }

  /**
   * Analyses a version of an open editor's document, named by `key`. Every version of one
   * document goes to the same worker, which keeps the last one's blocks: an edit costs the
   * blocks it changed (IncrementalAnalyzer), not the whole text again.
   */
  analyzeLive(key: string, text: string, fileName: string, metadataDate: string | null, label = fileName): Promise<WorkerAnalysis> {
    if (!this.available || !this.setup) return Promise.reject(new Error('analysis workers unavailable'));
    return new Promise<WorkerAnalysis>((resolve, reject) => {
      this.send({ id: this.nextId++, text, fileName, metadataDate, label, stops: 0, resolve, reject, live: key });
    });
  }

  private send(request: Request): void {
    let slot: Slot;
    try {
      slot = this.slot(request.live);
    } catch (e) {
      // No worker can be started here: analyse in-process from now on.
      this.gaveUp = true;
      log().error(`Cannot start an analysis worker (${(e as Error).message}); analysing on the extension host.`);
      request.reject(new Error('analysis workers unavailable'));
      return;
    }
    slot.pending.set(request.id, request);
    const { id, text, fileName, metadataDate, facts, live } = request;
    const exit = this.crashOn?.(request.label) ? { exit: 70 } : {};
    slot.worker.postMessage({ kind: 'analyze', id, text, fileName, metadataDate, ...(facts ? { facts } : {}), ...(live !== undefined ? { live } : {}), ...exit } satisfies WorkerRequest);
  }

  /** The next worker in turn; for an editor's document, always the same one (by its key). */
  private slot(live?: string): Slot {
    while (this.slots.length < this.size) this.slots.push(this.spawn());
    if (live !== undefined) return this.slots[fnv1a(live) % this.slots.length]!;
    return this.slots[this.turn++ % this.slots.length]!;
  }

  private spawn(): Slot {
    const worker = new Worker(this.script!);
    const slot: Slot = { worker, pending: new Map() };
    if (this.setup) worker.postMessage({ kind: 'init', setup: this.setup } satisfies WorkerRequest);
    worker.on('message', (m: WorkerResponse) => {
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      this.stopsInARow = 0;
      if (m.kind === 'result') {
        this.completed++;
        p.resolve(m.encoding ? { ...m.analysis, encoding: m.encoding } : m.analysis);
      } else if (m.kind === 'undecodable') {
        p.reject(new UndecodableError(m.reason));
      } else p.reject(new Error(m.message));
    });
    // An uncaught exception gives 'error', then 'exit'. Only 'exit' comes after every answer the
    // worker sent (Node delivers them first), so only then is the oldest pending request the
    // one the worker was analysing.
    let error: string | undefined;
    worker.on('error', (e) => (error ??= e.message));
    worker.on('exit', (code) => this.stopped(slot, error ?? `exit code ${code}`));
    worker.unref(); // never keep the extension host alive
    return slot;
  }

  private stopped(slot: Slot, why: string): void {
    this.slots = this.slots.filter((s) => s !== slot);
    const [current, ...queued] = slot.pending.values();
    slot.pending.clear();
    if (this.disposed) {
      for (const r of [current, ...queued]) r?.reject(new Error('analysis workers disposed'));
      return;
    }
    if (!current) {
      log().warn(`Analysis worker stopped (${why}) while idle; a new one starts on demand.`);
      return;
    }
    if (++this.stopsInARow >= MAX_STOPS_IN_A_ROW) {
      this.gaveUp = true;
      log().error(`Analysis workers stopped ${this.stopsInARow} times in a row (last: ${why}, on ${current.label}); analysing on the extension host from now on.`);
      for (const r of [current, ...queued]) r.reject(new Error('analysis workers unavailable'));
      return;
    }
    current.stops++;
    if (current.stops >= 2) {
      log().error(`Analysis worker stopped again (${why}) while analysing ${current.label}; the document is skipped.`);
      current.reject(new WorkerCrashError(`the analysis worker stopped twice while analysing it (${why})`));
    } else {
      log().error(`Analysis worker stopped (${why}) while analysing ${current.label}; trying it once more on a new worker.`);
      this.send(current);
    }
    for (const r of queued) this.send(r);
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.slots) void s.worker.terminate();
    this.slots = [];
  }
}
