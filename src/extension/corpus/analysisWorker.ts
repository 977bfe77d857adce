/**
 * The analysis worker: a worker thread of the extension host that builds the engine from the
 * same catalog sources as the host and analyses documents sent to it, so indexing a large
 * corpus never runs the engine on the thread every extension shares. Bundled on its own
 * (dist/analysisWorker.js); it must not import `vscode`.
 */
import { parentPort } from 'node:worker_threads';
import { createEngine, type Engine, type EngineSetup } from '../../core/engine';
import { packAnalysis, transferablesOf, unpackTextFacts, type PackedAnalysis, type PackedTextFacts } from '../../core/index/corpusIndex';
import { decodeBytes, type Encoding } from '../../core/io/decode';
import { LruMap } from '../../core/index/lruMap';
import type { IncrementalAnalyzer } from '../../core/analysis/incrementalAnalyzer';

/** Open editors' documents whose blocks a worker keeps (the pool sends each document to one worker). */
const LIVE_DOCUMENTS = 4;

export type WorkerRequest =
  | { kind: 'init'; setup: EngineSetup }
  // `exit`: internal, for the integration tests only: exit with this code instead of analysing
  // (AnalysisPool.crashOn), so a test can crash a worker for real in the middle of a rebuild.
  // `text`: the decoded text, or the file's bytes, which the worker decodes (a large file's
  // decoding would otherwise hold the extension host).
  // `facts`: the text facts of an earlier analysis of this very text: only the catalog's part
  // is made again (a catalog change).
  // `live`: the text is a version of an open editor's document, named by this key; the worker
  // keeps the blocks of its last version and analyses again only those an edit changed.
  | { kind: 'analyze'; id: number; text: string | Uint8Array; fileName: string; metadataDate: string | null; facts?: PackedTextFacts; live?: string; exit?: number };

export type WorkerResponse =
  | { kind: 'result'; id: number; analysis: PackedAnalysis; encoding?: Encoding }
  | { kind: 'undecodable'; id: number; reason: string }
  | { kind: 'error'; id: number; message: string };

let engine: Engine | undefined;
/** The incremental analyzers of the editors' documents sent here, a few at most (each holds one analysis). */
let editors = new LruMap<string, IncrementalAnalyzer>(LIVE_DOCUMENTS);

parentPort?.on('message', (m: WorkerRequest) => {
  if (m.kind === 'init') {
    engine = createEngine(m.setup);
    editors = new LruMap(LIVE_DOCUMENTS); // their blocks were matched with the previous catalog
    return;
  }
  if (m.exit !== undefined) process.exit(m.exit); // ends this worker thread only
  try {
    if (!engine) throw new Error('worker not initialised');
    let text: string;
    let encoding: Encoding | undefined;
    if (typeof m.text === 'string') {
      text = m.text;
    } else {
      const decoded = decodeBytes(m.text);
      if (!decoded.ok) {
        parentPort!.postMessage({ kind: 'undecodable', id: m.id, reason: decoded.reason } satisfies WorkerResponse);
        return;
      }
      ({ text, encoding } = decoded);
    }
    // Packed mentions travel as one transferred buffer instead of thousands of cloned objects.
    const analysis = packAnalysis(
      m.facts ? engine.rematch(text, unpackTextFacts(m.facts), m.fileName) : m.live !== undefined ? editorAnalyzer(engine, m.live).analyze(text, m.fileName, m.metadataDate) : engine.analyze(text, m.fileName, m.metadataDate),
    );
    const response: WorkerResponse = { kind: 'result', id: m.id, analysis, ...(encoding ? { encoding } : {}) };
    parentPort!.postMessage(response, transferablesOf(analysis));
  } catch (e) {
    parentPort!.postMessage({ kind: 'error', id: m.id, message: (e as Error).stack ?? String(e) } satisfies WorkerResponse);
  }
});

function editorAnalyzer(engine: Engine, key: string): IncrementalAnalyzer {
  let analyzer = editors.get(key);
  if (!analyzer) editors.set(key, (analyzer = engine.incremental()));
  return analyzer;
}
