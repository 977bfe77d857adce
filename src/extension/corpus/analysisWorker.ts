/**
 * The analysis worker: a worker thread of the extension host that builds the engine from the
 * same catalog sources as the host and analyses documents sent to it, so indexing a large
 * corpus never runs the engine on the thread every extension shares. Bundled on its own
 * (dist/analysisWorker.js); it must not import `vscode`.
 */
import { parentPort } from 'node:worker_threads';
import { createEngine, type Engine, type EngineSetup } from '../../core/engine';

export type WorkerRequest =
  | { kind: 'init'; setup: EngineSetup }
  | { kind: 'analyze'; id: number; text: string; fileName: string; metadataDate: string | null };

export type WorkerResponse =
  | { kind: 'result'; id: number; analysis: ReturnType<Engine['analyze']> }
  | { kind: 'error'; id: number; message: string };

let engine: Engine | undefined;

parentPort?.on('message', (m: WorkerRequest) => {
  if (m.kind === 'init') {
    engine = createEngine(m.setup);
    return;
  }
  try {
    if (!engine) throw new Error('worker not initialised');
    const analysis = engine.analyze(m.text, m.fileName, m.metadataDate);
    parentPort!.postMessage({ kind: 'result', id: m.id, analysis } satisfies WorkerResponse);
  } catch (e) {
    parentPort!.postMessage({ kind: 'error', id: m.id, message: (e as Error).stack ?? String(e) } satisfies WorkerResponse);
  }
});
