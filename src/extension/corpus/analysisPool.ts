/**
 * A small pool of analysis workers (see analysisWorker.ts). Requests are spread over the
 * workers; a worker that crashes is replaced and its pending requests fail, so the caller
 * can fall back to analysing in-process (nothing is lost, the rest keeps working). With no
 * worker script (tests of the core, or a host without worker threads) every call rejects and
 * the caller analyses in-process.
 */
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentAnalysis } from '../../core/analysis/analyzeDocument';
import type { EngineSetup } from '../../core/engine';
import { log } from '../log';
import type { WorkerRequest, WorkerResponse } from './analysisWorker';

interface Pending {
  resolve: (a: DocumentAnalysis) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

export class AnalysisPool {
  private slots: Slot[] = [];
  private setup: EngineSetup | undefined;
  private nextId = 0;
  private turn = 0;
  private disposed = false;
  /** Documents analysed by the workers so far (for the status query and tests). */
  completed = 0;

  /** @param script absolute path of dist/analysisWorker.js */
  constructor(
    private readonly script: string | undefined,
    private readonly size = Math.max(1, Math.min(2, os.cpus().length - 1)),
  ) {}

  get available(): boolean {
    return !!this.script && !this.disposed;
  }

  /** (Re)builds every worker's engine; call whenever the catalog changes. */
  configure(setup: EngineSetup): void {
    this.setup = setup;
    for (const slot of this.slots) slot.worker.postMessage({ kind: 'init', setup } satisfies WorkerRequest);
  }

  analyze(text: string, fileName: string, metadataDate: string | null): Promise<DocumentAnalysis> {
    if (!this.available || !this.setup) return Promise.reject(new Error('analysis workers unavailable'));
    const slot = this.slot();
    const id = this.nextId++;
    return new Promise<DocumentAnalysis>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ kind: 'analyze', id, text, fileName, metadataDate } satisfies WorkerRequest);
    });
  }

  private slot(): Slot {
    while (this.slots.length < this.size) this.slots.push(this.spawn());
    const slot = this.slots[this.turn++ % this.slots.length]!;
    return slot;
  }

  private spawn(): Slot {
    const worker = new Worker(this.script!);
    const slot: Slot = { worker, pending: new Map() };
    if (this.setup) worker.postMessage({ kind: 'init', setup: this.setup } satisfies WorkerRequest);
    worker.on('message', (m: WorkerResponse) => {
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      if (m.kind === 'result') {
        this.completed++;
        p.resolve(m.analysis);
      }
      else p.reject(new Error(m.message));
    });
    const fail = (why: string): void => {
      for (const p of slot.pending.values()) p.reject(new Error(why));
      slot.pending.clear();
      this.slots = this.slots.filter((s) => s !== slot);
      if (!this.disposed) log().warn(`Analysis worker stopped (${why}); a new one starts on demand.`);
    };
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    worker.unref(); // never keep the extension host alive
    return slot;
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.slots) void s.worker.terminate();
    this.slots = [];
  }
}
