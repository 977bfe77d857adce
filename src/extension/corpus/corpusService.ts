/**
 * Keeps the corpus index current: indexes the workspace in the background (in slices that
 * yield to the event loop, with a cancellable progress notification), follows file changes
 * through a FileSystemWatcher, analyses open editors from their live, unsaved text, and
 * reloads the catalog when a catalog file changes.
 */
import { TextStore } from '../../core/index/textStore';
import { LruMap } from '../../core/index/lruMap';
import { ByteBudget } from './byteBudget';
import { SLICE_MS, yieldToHost } from '../hostTurns';
import * as vscode from 'vscode';
import { analyzeDocument, rematchDocument } from '../../core/analysis/analyzeDocument';
import { IncrementalAnalyzer } from '../../core/analysis/incrementalAnalyzer';
import type { Catalog } from '../../core/catalog/catalog';
import { CorpusIndex, packedTextFactsOf, unpackAnalysis, unpackTextFacts, type IndexedDocument, type PackedDocument, type PackedTextFacts, type StoredDocument } from '../../core/index/corpusIndex';
import { decodeBytes, type Encoding } from '../../core/io/decode';
import { createPathFilter, type PathFilter } from '../../core/io/pathFilter';
import { AgreementsByDate } from '../../core/events/agreementLinks';
import { EntityMatcher } from '../../core/match/matcher';
import { DOCUMENTS_METADATA_PATH, parseDocumentsMetadata, type DocumentMetadata } from '../../core/metadata/documentsMetadata';
import { log } from '../log';
import { readSettings } from '../settings';
import { loadCatalog } from './catalogLoader';
import { AnalysisPool, UndecodableError, WorkerCrashError } from './analysisPool';
import { cacheKey, IndexCache, type CachedDocument } from './indexCache';
import { inOrderWindow } from './inOrderWindow';
import { RebuildProgress } from './rebuildProgress';

/** A decoded file text kept for re-matching, with the text facts of its latest analysis. */
interface KeptText {
  text: string;
  encoding: Encoding;
  facts?: { metadataDate: string | null; value: PackedTextFacts };
}

export interface IndexSummary {
  documents: number;
  mentions: number;
  skipped: number;
  /**
   * Documents whose analysis in the loaded index still held (same file, catalog and recorded
   * date) and was kept as it was: a rebuild while the index is loaded reads no cache file.
   */
  reused: number;
  /** Documents taken from the persistent cache / analysed from their text in this run. */
  fromCache: number;
  analysed: number;
  /** Of the analysed documents, those whose text was still in memory (a catalog change re-matches without reading). */
  fromMemory: number;
  /** Of those, the ones re-matched from the text facts of their earlier analysis (no date or boilerplate pass). */
  rematched: number;
  /** The run was cancelled; the previous index was kept. */
  cancelled?: boolean;
}

/**
 * Live editor text up to this many UTF-16 units is analysed on the extension host, at once
 * (a few milliseconds); a longer text goes to a worker, so typing in a 1 MB document never
 * holds the thread every extension shares.
 */
const HOST_ANALYSIS_LIMIT = 100_000;

/** Files larger than this are sent to a worker as bytes and decoded there. */
const DECODE_ON_WORKER_BYTES = 4 * 1024 * 1024;

/** What an editor shows for a document whose first analysis is still running. */
function emptyAnalysis(id: string, path: string): IndexedDocument {
  return { id, path, title: '', mentions: [], boilerplate: [], quotations: [], date: { value: null, source: 'none' }, dates: [] };
}

/** Files read and analysed concurrently during a rebuild: enough to keep the workers busy. */
const IN_FLIGHT = 32;
/** At most this many bytes of them at once (a larger file goes alone). */
const BYTES_IN_FLIGHT = 64 * 1024 * 1024;
/** Documents whose mentions are kept built as objects (open editors, recent hovers). */
const RECENT_DOCUMENTS = 16;
/** Files stat'ed concurrently to find the unchanged ones on a warm start. */
const STATS_IN_FLIGHT = 64;
/** During a folder's first index, the views are told of the documents indexed so far this often. */
const PUBLISH_MS = 2000;
/** How long a new folder is left to fill before it is searched for documents. */
const FOLDER_SETTLE_MS = 500;

export class CorpusService implements vscode.Disposable {
  readonly index = new CorpusIndex(true);
  private catalogValue!: Catalog;
  private matcher!: EntityMatcher;
  private agreements!: AgreementsByDate;
  private catalogFiles = new Map<string, vscode.Uri>();
  private readonly emitter = new vscode.EventEmitter<IndexChange>();
  private readonly catalogEmitter = new vscode.EventEmitter<Catalog>();
  /** Fires after the index changed (a document, the catalog, a rebuild), naming the documents when it knows them. */
  readonly onDidChange = this.emitter.event;
  /** Fires after the catalog was (re)loaded, with its diagnostics. */
  readonly onDidLoadCatalog = this.catalogEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter, this.catalogEmitter];
  private rebuildRun = 0;
  private skipped = new Map<string, string>();
  private ready: Promise<void> | undefined;
  private readonly cache: IndexCache;
  private catalogFingerprint = '';
  private state: 'idle' | 'indexing' = 'idle';
  private readonly stateEmitter = new vscode.EventEmitter<'idle' | 'indexing'>();
  /** Fires when indexing starts or ends (for the status bar). */
  readonly onDidChangeState = this.stateEmitter.event;
  private progress: RebuildProgress | undefined;
  private readonly progressEmitter = new vscode.EventEmitter<void>();
  /** Fires as a rebuild goes through the files (a few times a second at most). */
  readonly onDidProgress = this.progressEmitter.event;

  private readonly pool: AnalysisPool;
  /** How each document of the index was analysed, for the ones analysed from their file. */
  private analysedFrom = new Map<string, AnalysedFrom>();
  /** Whether the cache file holds what `analysedFrom` describes (saved or loaded since the last change). */
  private cacheCurrent = false;
  /**
   * The cache key of the last rebuild that finished: the loaded index, and `analysedFrom`,
   * are then whole for that catalog (not the part a cancelled first index left).
   */
  private indexedWith: string | undefined;
  private lastIndexedValue: IndexSummary | undefined;

  /**
   * @param storage workspace storage for the persistent cache
   * @param workerScript dist/analysisWorker.js; without it every analysis runs in-process
   */
  constructor(storage?: vscode.Uri, workerScript?: string) {
    this.cache = new IndexCache(storage);
    this.pool = new AnalysisPool(workerScript);
    this.disposables.push(this.pool);
    this.disposables.push(this.stateEmitter, this.progressEmitter);
  }

  /** What the last finished (not cancelled) rebuild did: how a start went, for the status and tests. */
  get lastIndexed(): IndexSummary | undefined {
    return this.lastIndexedValue;
  }

  /** Whether a rebuild is running. */
  get indexing(): boolean {
    return this.state === 'indexing';
  }

  /**
   * How many files the file watcher reported that are still being read and analysed: a view
   * that waits for them shows a rename (a delete and a create) as one change.
   */
  get filesUpdating(): number {
    return this.updating.size;
  }

  /** How far the running rebuild is: files done of all it goes through; undefined when none runs. */
  get indexingProgress(): { done: number; total: number } | undefined {
    return this.progress && { done: this.progress.count, total: this.progress.total };
  }

  /** How many documents the analysis workers have analysed (for inspection and tests). */
  get analysedOnWorkers(): number {
    return this.pool.completed;
  }

  /** How many documents are on the analysis workers right now (for inspection and tests). */
  get analysingOnWorkers(): number {
    return this.pool.inFlight;
  }

  /**
   * Internal, for the integration tests only: an analysis worker sent a document whose
   * workspace-relative path matches exits instead of analysing it, as a crash would
   * (see AnalysisPool.crashOn). undefined turns it off.
   */
  simulateWorkerCrashes(match: ((path: string) => boolean) | undefined): void {
    this.pool.crashOn = match;
  }

  /** Where the persistent cache is written (for inspection and tests). */
  get cacheUri(): vscode.Uri | undefined {
    return this.cache.uri;
  }

  get catalog(): Catalog {
    return this.catalogValue;
  }

  /** Files skipped during indexing, with the reason. */
  get skippedFiles(): ReadonlyMap<string, string> {
    return this.skipped;
  }

  /** Loads the catalog and starts the first background index. */
  start(): Promise<void> {
    this.ready ??= (async () => {
      // The first index is on its way from activation on: the views and the status bar say
      // "indexing", not "no documents", while the catalog loads.
      this.setState('indexing');
      try {
        await Promise.all([this.reloadCatalog(), this.reloadMetadata()]);
        this.watch();
        // Trust granted while the catalog loaded, before watch() listened for it: load the
        // workspace catalogs now, or they would wait for the next catalog change.
        if (vscode.workspace.isTrusted && !this.catalogTrusted) await this.reloadCatalog();
      } catch (e) {
        this.setState('idle');
        throw e;
      }
      await this.rebuild();
    })();
    return this.ready;
  }

  /** Per-document metadata (`.corpus/documents.json`), keyed by workspace-relative path. */
  private metadata = new Map<string, DocumentMetadata>();

  /**
   * The decoded text the indexer last analysed for a document, if it still keeps it
   * (`corpusLens.keepTextsMB`): what its analysis was made from, even if the file changed
   * since and the watcher has not caught up.
   */
  keptText(id: string): string | undefined {
    return this.texts.latest(id)?.text;
  }

  /** The date recorded for a document by "Set Document Date", if any. */
  private recordedDate(path: string): string | null {
    return this.metadata.get(path)?.date ?? null;
  }

  /** Re-reads `.corpus/documents.json` of every workspace folder. */
  private async reloadMetadata(): Promise<void> {
    const merged = new Map<string, DocumentMetadata>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, DOCUMENTS_METADATA_PATH);
      let text: string;
      try {
        text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        continue; // no metadata file yet
      }
      const parsed = parseDocumentsMetadata(text);
      for (const p of parsed.problems) log().warn(`${folder.name}: ${p}`);
      const prefix = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${folder.name}/` : '';
      for (const [path, meta] of parsed.documents) merged.set(prefix + path, meta);
    }
    this.metadata = merged;
  }

  /** The metadata recorded for a document (by its workspace-relative path). */
  metadataFor(path: string): DocumentMetadata | undefined {
    return this.metadata.get(path);
  }

  /** Whether the catalog was last loaded in a trusted workspace (with the workspace catalogs). */
  private catalogTrusted = false;

  async reloadCatalog(): Promise<void> {
    this.catalogTrusted = vscode.workspace.isTrusted;
    const loaded = await loadCatalog();
    this.catalogValue = loaded.catalog;
    this.catalogFiles = loaded.files;
    this.matcher = new EntityMatcher(loaded.catalog.aliases());
    this.pool.configure({ catalogs: loaded.sources, builtin: loaded.builtin });
    this.agreements = new AgreementsByDate(loaded.catalog);
    this.catalogFingerprint = cacheKey(loaded.catalog.aliases().map((a) => `${a.entityId}\t${a.text}\t${a.ambiguous ? 1 : 0}`));
    this.live.clear(); // analyses of live text made with the previous catalog
    this.liveRequests.clear();
    this.editorAnalyzers = new LruMap(RECENT_DOCUMENTS);
    log().info(`Catalog: ${loaded.catalog.size} entities, ${this.matcher.aliasCount} aliases, ${loaded.catalog.diagnostics.length} problems.`);
    this.catalogEmitter.fire(loaded.catalog);
  }

  /** Analyses a text with the current catalog (used for live editor text too). */
  analyze(id: string, path: string, text: string, encoding?: string, facts?: PackedTextFacts): IndexedDocument {
    const options = {
      matcher: this.matcher,
      isPerson: this.isPerson,
      agreements: this.agreements,
      fileName: fileNameOf(path),
      metadataDate: this.recordedDate(path),
    };
    const analysis = facts ? rematchDocument(text, unpackTextFacts(facts), options) : analyzeDocument(text, options);
    return { id, path, encoding, ...analysis };
  }

  /**
   * Analyses on a worker thread when one is available, so a large corpus (or one huge file)
   * never holds the extension host; falls back to the host thread if the workers are
   * unavailable or the analysis threw there. A document that made a worker stop twice
   * (WorkerCrashError) is not retried on the host, where it could take the host down: the
   * error goes up, and the caller skips the document with its message.
   */
  private async analyzeOffThread(id: string, path: string, text: string, encoding?: string, facts?: PackedTextFacts): Promise<IndexedDocument | PackedDocument> {
    if (this.pool.available) {
      try {
        const analysis = await this.pool.analyze(text, fileNameOf(path), this.recordedDate(path), path, facts);
        return { id, path, encoding, ...analysis };
      } catch (e) {
        if (e instanceof WorkerCrashError) throw e;
        log().warn(`Analysing ${path} on a worker failed (${(e as Error).message.split('\n')[0]}); analysing on the host instead.`);
      }
    }
    return this.analyze(id, path, text, encoding, facts);
  }

  /** The analysis for an open editor document, from its live text when it is dirty or newer. */
  analysisFor(document: vscode.TextDocument): IndexedDocument {
    const id = document.uri.toString();
    const indexed = this.index.get(id);
    if (indexed && !document.isDirty && (this.versions.get(id) ?? -1) === document.version) return this.materialized(indexed);
    const live = this.live.get(id);
    if (live && live.version === document.version) return live.doc;
    const path = vscode.workspace.asRelativePath(document.uri, false);
    // A long text is analysed on a worker; until it is done, the previous analysis serves
    // (VS Code keeps moving the old decorations with the edits meanwhile). Its length is
    // read without copying the text, which a worker may already be analysing.
    const previous = (): IndexedDocument => live?.doc ?? (indexed ? this.materialized(indexed) : emptyAnalysis(id, path));
    if (this.liveRequests.get(id) === document.version) return previous();
    const lastLine = document.lineAt(document.lineCount - 1);
    if (document.offsetAt(lastLine.range.end) > HOST_ANALYSIS_LIMIT && this.pool.available) {
      this.analyzeLive(document, id, path, document.getText());
      return previous();
    }
    const doc = this.analyzeEditorText(id, path, document.getText());
    this.remember(document, doc);
    return doc;
  }

  /**
   * An editor's text analysed on the host (it is short): by the document's IncrementalAnalyzer,
   * which re-analyses only the blocks of lines a keystroke changed (the same result as
   * analyze(), a fraction of its time on the thread every extension shares).
   */
  private analyzeEditorText(id: string, path: string, text: string): IndexedDocument {
    let analyzer = this.editorAnalyzers.get(id);
    if (!analyzer) {
      analyzer = new IncrementalAnalyzer({ matcher: this.matcher, isPerson: this.isPerson, agreements: this.agreements });
      this.editorAnalyzers.set(id, analyzer);
    }
    return { id, path, ...analyzer.analyze(text, fileNameOf(path), this.recordedDate(path)) };
  }

  /** The incremental analyzers of the editors' documents analysed on the host (made with the current catalog). */
  private editorAnalyzers = new LruMap<string, IncrementalAnalyzer>(RECENT_DOCUMENTS);

  /** The analyses of open documents' live text, by document id, for the version they describe. */
  private readonly live = new LruMap<string, { version: number; doc: IndexedDocument }>(RECENT_DOCUMENTS);
  /** The version being analysed on a worker, per document. */
  private readonly liveRequests = new Map<string, number>();

  private remember(document: vscode.TextDocument, doc: IndexedDocument): void {
    const id = doc.id;
    this.live.set(id, { version: document.version, doc });
    // Live text replaces the entry of an indexed document; it never adds one. Files join the
    // index through a rebuild or the file watcher, so an editor still open on a deleted file
    // does not bring it back.
    if (this.index.has(id) && this.isCorpusDocument(document.uri)) {
      this.index.set(doc);
      this.versions.set(id, document.version);
      this.texts.delete(id); // the kept text is no longer the one the index's analysis saw
    }
  }

  private analyzeLive(document: vscode.TextDocument, id: string, path: string, text: string): void {
    const version = document.version;
    if (this.liveRequests.get(id) === version) return;
    this.liveRequests.set(id, version);
    const fileName = fileNameOf(path);
    this.pool.analyzeLive(id, text, fileName, this.recordedDate(path), path).then(
      (packed) => {
        if (this.liveRequests.get(id) === version) this.liveRequests.delete(id);
        if (document.isClosed || document.version !== version) return; // a newer version has its own request
        this.remember(document, { id, path, ...unpackAnalysis(packed) });
        this.emitter.fire({ documents: [id] });
      },
      (e: unknown) => {
        if (this.liveRequests.get(id) === version) this.liveRequests.delete(id);
        log().warn(`Analysing the live text of ${path} on a worker failed (${(e as Error).message.split('\n')[0]}).`);
      },
    );
  }
  private readonly versions = new Map<string, number>();
  private readonly bytesInFlight = new ByteBudget(BYTES_IN_FLIGHT);
  /** Decoded texts of indexed files (two bytes per UTF-16 unit), for re-matching after a catalog change. */
  private readonly texts = new TextStore<KeptText>(keptTextsBudget());
  /**
   * The last few indexed documents with their mentions built as objects: hovers and
   * decorations read an open document's mentions over and over, the index keeps them packed.
   */
  private readonly recent = new LruMap<StoredDocument, IndexedDocument>(RECENT_DOCUMENTS);

  private materialized(doc: StoredDocument): IndexedDocument {
    let m = this.recent.get(doc);
    if (!m) {
      m = doc.materialize();
      this.recent.set(doc, m);
    }
    return m;
  }
  private readonly isPerson = (id: string): boolean => this.catalogValue?.get(id)?.type === 'person';

  /** `corpusLens.include` and `corpusLens.exclude`, compiled (made again when they change). */
  private pathFilter = pathFilterFromSettings();

  /** A .txt file of a workspace folder that the include/exclude settings let in. */
  isCorpusDocument(uri: vscode.Uri): boolean {
    return (
      uri.path.toLowerCase().endsWith('.txt') &&
      vscode.workspace.getWorkspaceFolder(uri) !== undefined &&
      !/\/(node_modules|\.git|\.corpus)\//.test(uri.path) &&
      this.pathFilter(vscode.workspace.asRelativePath(uri, false))
    );
  }

  /**
   * Re-indexes the whole workspace in the background; a newer call cancels an older one.
   * Unchanged files (same size and mtime) come from the persistent cache.
   */
  rebuild(options: { progress?: boolean; useCache?: boolean; token?: vscode.CancellationToken } = {}): Promise<IndexSummary> {
    const run = ++this.rebuildRun;
    const promise = this.runRebuild(run, options);
    this.latestRebuild = promise;
    return promise;
  }

  private latestRebuild: Promise<IndexSummary> | undefined;
  private readonly touchedDuringRebuild = new Set<Map<string, 'changed' | 'deleted'>>();
  /** Per file, the number of the latest watcher event: an older event's result is dropped. */
  private readonly fileEvents = new Map<string, number>();

  private async runRebuild(run: number, options: { progress?: boolean; useCache?: boolean; token?: vscode.CancellationToken }): Promise<IndexSummary> {
    // Files the watcher updates while this run reads: their live entries win over what the run read.
    const touched = new Map<string, 'changed' | 'deleted'>();
    this.touchedDuringRebuild.add(touched);
    this.setState('indexing');
    let summary: IndexSummary;
    let progress: RebuildProgress | undefined;
    try {
      const settings = readSettings();
      const uris = await vscode.workspace.findFiles(settings.include, settings.exclude || undefined);
      progress = new RebuildProgress(uris.length, options.progress ?? true, () => this.progressEmitter.fire());
      this.progress = progress;
      const key = this.cacheKeyNow();
      // With the index loaded (a changed include or exclude, workspace trust, another
      // rebuild), the analyses that still hold are kept as they are: the cache file says no
      // more than memory does, and at 100,000 documents reading it took 300 MB and most of a minute.
      // (Rebuild Index passes useCache: false and reads every file.)
      const keep = options.useCache !== false && this.index.size > 0 && this.indexedWith === key;
      const cached = options.useCache === false || keep ? new Map<string, CachedDocument>() : await this.cache.load(key);
      const token = progress.token;
      // The first index of a folder fills the live index as it goes, and the views show the
      // documents as they come (a 100,000-document corpus takes minutes). A rebuild that keeps
      // the loaded analyses changes the live index at its end, by what it read and what is
      // gone. Any other fills a fresh index and swaps it in at the end. Either way a cancel
      // keeps the previous index.
      const progressive = this.index.size === 0;
      const fresh = progressive ? this.index : keep ? undefined : new CorpusIndex(true);
      /** With `keep`: the documents this run lists, and those it read (the others are kept as they are). */
      const listed = new Set<string>();
      const read: Array<IndexedDocument | PackedDocument> = [];
      let published = Date.now();
      const add = (doc: IndexedDocument | PackedDocument): void => {
        // The watcher's newer result for the file stands (the run read it before the event);
        // a newer rebuild, if one started, fills the live index from now on.
        if (progressive && (touched.has(doc.id) || run !== this.rebuildRun)) return;
        if (!fresh) {
          listed.add(doc.id);
          if (doc !== this.index.get(doc.id)) read.push(doc);
          return;
        }
        fresh.set(doc);
        if (progressive && Date.now() - published > PUBLISH_MS) {
          published = Date.now();
          this.emitter.fire({});
        }
      };
      const stats = new Map<string, FileStamp>();
      const skipped = new Map<string, string>();
      const counts = { reused: 0, fromCache: 0, analysed: 0, fromMemory: 0, rematched: 0 };
      let sliceStart = Date.now();
      let done = 0;
      const stopped = (): boolean => token.isCancellationRequested || !!options.token?.isCancellationRequested || run !== this.rebuildRun;
      const advance = async (count: number): Promise<void> => {
        done += count;
        if (Date.now() - sliceStart <= SLICE_MS) return;
        progress!.advance(done);
        await yieldToHost();
        sliceStart = Date.now();
      };
      let toRead = uris;
      if (keep) {
        // The loaded analyses, kept without a stat: the file watcher has kept them current
        // (a rebuild that doubts it is Rebuild Index, which reads every file). At 100,000
        // documents in code-server, the stats alone took half a minute.
        toRead = [];
        const maxBytes = settings.maxFileSizeMB * 1024 * 1024;
        const dirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
        for (let k = 0; k < uris.length && !stopped(); k++) {
          const doc = this.keptIfCurrent(uris[k]!, key, dirty, maxBytes, stats);
          if (!doc) {
            toRead.push(uris[k]!);
            continue;
          }
          add(doc);
          counts.reused++;
          await advance(1);
        }
      } else if (cached.size) {
        // Unchanged files first, many at a time: each costs a stat, no read. On a warm start
        // that is nearly every file.
        toRead = [];
        for (let k = 0; k < uris.length && !stopped(); k += STATS_IN_FLIGHT) {
          const batch = uris.slice(k, k + STATS_IN_FLIGHT);
          const hits = await Promise.all(batch.map((uri) => this.cachedIfUnchanged(uri, cached, stats)));
          hits.forEach((doc, j) => (doc ? add(doc) : toRead.push(batch[j]!)));
          const found = hits.filter((d) => d).length;
          counts.fromCache += found;
          await advance(found);
        }
      }
      // IN_FLIGHT files at a time, the window filled again once half of it is done: reads
      // overlap with the workers' analyses, and the workers never wait for the slowest of a
      // batch. Documents join the index in the files' order, whatever order they finish in.
      await inOrderWindow(
        toRead,
        IN_FLIGHT,
        stopped,
        (uri) => this.readAndAnalyze(uri, settings.maxFileSizeMB, skipped, stats, counts),
        async (doc) => {
          if (doc) add(doc);
          await advance(1);
        },
      );
      const superseded = run !== this.rebuildRun;
      const cancelled = token.isCancellationRequested || !!options.token?.isCancellationRequested || superseded;
      if (cancelled && progressive && !superseded) this.emitter.fire({}); // what was indexed before the cancel stays, and shows
      if (!cancelled) {
        const live = new Map([...touched.keys()].map((id) => [id, this.index.get(id)]));
        let indexed: number;
        let removed = 0;
        if (!fresh) {
          // In place: only what changed touches the per-entity lists.
          for (const d of this.index.documents()) {
            if (!listed.has(d.id) && this.index.delete(d.id)) removed++;
          }
          for (const doc of read) this.index.set(doc);
          indexed = listed.size;
        } else {
          indexed = fresh.size;
          if (!progressive) this.index.takeFrom(fresh); // its per-entity lists were built as documents came in
        }
        for (const [id, what] of touched) {
          const doc = live.get(id);
          if (what === 'deleted' || !doc) this.index.delete(id);
          else this.index.set(doc);
          stats.delete(id); // its size and mtime describe the older text: do not cache it
        }
        this.versions.clear();
        this.live.clear(); // made with the catalog of before
        this.skipped = skipped;
        for (const [path, reason] of skipped) log().warn(`Skipped ${path}: ${reason}`);
        this.noticeSkipped(skipped);
        log().info(`Indexed ${indexed} documents (${counts.reused} kept, ${counts.fromCache} from cache, ${counts.analysed} analysed, ${skipped.size} skipped).`);
        this.emitter.fire({});
        const analysedFrom = new Map<string, AnalysedFrom>();
        for (const d of this.index.documents()) {
          const st = stats.get(d.id); // none for the documents the watcher changed meanwhile
          if (st) analysedFrom.set(d.id, withKey(st, key));
          else if (touched.has(d.id)) {
            // The watcher's update of it: what the index holds, cached with the stamp it was read with.
            const updated = this.analysedFrom.get(d.id);
            if (updated?.key === key) analysedFrom.set(d.id, updated);
          }
        }
        // Nothing new (every document from this very cache, or kept while the cache file
        // already held them all): the file on disk is already this.
        const unchanged = keep
          ? this.cacheCurrent && read.length === 0 && removed === 0 && touched.size === 0 && analysedFrom.size === this.analysedFrom.size
          : counts.fromCache === analysedFrom.size && cached.size === analysedFrom.size;
        this.analysedFrom = analysedFrom;
        this.indexedWith = key;
        if (!unchanged) {
          const entries: CachedDocument[] = [];
          for (const [id, from] of analysedFrom) {
            entries.push({ ...stampOf(from, from.recorded ?? null), doc: this.index.get(id)!.toPacked() });
          }
          this.cacheCurrent = await this.cache.save(key, entries);
        } else this.cacheCurrent = true;
      }
      summary = { documents: this.index.size, mentions: this.index.mentionCount(), skipped: skipped.size, ...counts, ...(cancelled ? { cancelled } : {}) };
      if (!cancelled) this.lastIndexedValue = summary;
    } finally {
      progress?.dispose();
      if (this.progress === progress) this.progress = undefined;
      this.touchedDuringRebuild.delete(touched);
      if (run === this.rebuildRun) this.setState('idle');
    }
    // A newer rebuild took over (a catalog or file change started it): its result is the answer.
    if (run !== this.rebuildRun && this.latestRebuild && !options.token?.isCancellationRequested) return this.latestRebuild;
    return summary;
  }

  private noticed = '';

  /** Skipped files are never silent: one notification per new set of skipped files. */
  private noticeSkipped(skipped: ReadonlyMap<string, string>): void {
    const key = [...skipped.keys()].sort().join('\n');
    if (!key || key === this.noticed) return;
    this.noticed = key;
    const [first] = skipped;
    const message =
      skipped.size === 1
        ? `Corpus Lens skipped ${first![0]}: ${first![1]}.`
        : `Corpus Lens skipped ${skipped.size} files (too large, binary, not decodable, or their analysis failed). The "Corpus Lens" output lists them.`;
    void vscode.window.showWarningMessage(message, 'Show Output').then((choice) => {
      if (choice) log().show(true);
    });
  }

  /** Records a watcher event: numbers it for ordering and tells running rebuilds. */
  private noteFileEvent(id: string, what: 'changed' | 'deleted'): number {
    const event = (this.fileEvents.get(id) ?? 0) + 1;
    this.fileEvents.set(id, event);
    for (const touched of this.touchedDuringRebuild) touched.set(id, what);
    return event;
  }

  private setState(state: 'idle' | 'indexing'): void {
    if (this.state === state) return;
    this.state = state;
    this.stateEmitter.fire(state);
  }

  /**
   * What every cached analysis depends on besides its file: the catalog. (A document's
   * recorded date is checked per entry: setting one date must not make the whole cache stale.)
   */
  private cacheKeyNow(): string {
    return cacheKey([this.catalogFingerprint]);
  }

  /** Records how the index's entry for `id` was made (undefined: not from its file, e.g. unsaved editor text, or gone). */
  private noteAnalysedFrom(id: string, stamp: FileStamp | undefined): void {
    if (stamp && this.index.has(id)) this.analysedFrom.set(id, { ...stamp, key: this.cacheKeyNow() });
    else this.analysedFrom.delete(id);
    this.cacheCurrent = false;
  }

  /**
   * The loaded analysis of a file, if it still holds: made from the file (not unsaved text),
   * with the catalog of this cache key, the date now recorded for it, and within the size limit.
   */
  private keptIfCurrent(uri: vscode.Uri, key: string, dirty: ReadonlySet<string>, maxBytes: number, stats: Map<string, FileStamp>): StoredDocument | undefined {
    const id = uri.toString();
    const from = this.analysedFrom.get(id);
    const doc = from?.key === key ? this.index.get(id) : undefined;
    if (!from || !doc || dirty.has(id) || from.size > maxBytes || doc.path !== vscode.workspace.asRelativePath(uri, false)) return undefined;
    if ((from.recorded ?? null) !== this.recordedDate(doc.path)) return undefined;
    stats.set(id, from);
    if (!this.texts.get(id, from.size, from.mtime)) this.texts.delete(id); // as in cachedIfUnchanged
    return doc;
  }

  /** The cached analysis of a file whose size and mtime are unchanged (and that no editor holds changed); undefined otherwise. */
  private async cachedIfUnchanged(uri: vscode.Uri, cached: ReadonlyMap<string, CachedDocument>, stats: Map<string, FileStamp>): Promise<PackedDocument | undefined> {
    const id = uri.toString();
    const hit = cached.get(id);
    if (!hit || hit.doc.path !== vscode.workspace.asRelativePath(uri, false)) return undefined;
    if (vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === id)) return undefined;
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (!stat || stat.size !== hit.size || stat.mtime !== hit.mtime) return undefined; // read (or reported unreadable) with the others
    // Analysed with another recorded date (Set Document Date since): analysed again.
    if ((hit.recorded ?? null) !== this.recordedDate(hit.doc.path)) return undefined;
    stats.set(id, stampOf(stat, hit.recorded ?? null));
    // A kept text of another version of the file must not stand for this analysis (keptText).
    if (!this.texts.get(id, stat.size, stat.mtime)) this.texts.delete(id);
    return hit.doc;
  }

  private async readAndAnalyze(
    uri: vscode.Uri,
    maxMB: number,
    skipped: Map<string, string>,
    stats?: Map<string, FileStamp>,
    counts?: { analysed: number; fromMemory: number; rematched: number },
  ): Promise<IndexedDocument | PackedDocument | undefined> {
    const id = uri.toString();
    const path = vscode.workspace.asRelativePath(uri, false);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === id);
    if (open?.isDirty) {
      // Unsaved text counts while its file exists: the editor of a deleted file (still open,
      // with changes) must not bring the document back into the index.
      const exists = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
      if (!exists) return undefined;
      if (counts) counts.analysed++;
      this.texts.delete(id); // analysed from the editor's text, not the kept one (keptText)
      return this.analyze(id, path, open.getText());
    }
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > maxMB * 1024 * 1024) {
        skipped.set(path, `larger than corpusLens.maxFileSizeMB (${maxMB} MB)`);
        return undefined;
      }
      stats?.set(id, stampOf(stat, this.recordedDate(path)));
      if (counts) counts.analysed++;
      // Bytes in flight are bounded: 32 small files keep the workers busy, 32 large ones would not fit.
      const release = await this.bytesInFlight.acquire(stat.size);
      try {
        // `return await`: a document that crashed the workers must land in the catch below.
        const kept = this.texts.get(id, stat.size, stat.mtime);
        if (open) {
          if (!kept) this.texts.delete(id); // an older version's text must not stand for this analysis
          return await this.analyzeOffThread(id, path, open.getText());
        }
        const metadataDate = this.recordedDate(path);
        if (kept) {
          if (counts) counts.fromMemory++;
          // The text facts hold while the text and its recorded date do: a catalog change
          // re-matches without the date and boilerplate passes.
          const facts = kept.facts?.metadataDate === metadataDate ? kept.facts.value : undefined;
          if (facts && counts) counts.rematched++;
          const doc = await this.analyzeOffThread(id, path, kept.text, kept.encoding, facts);
          if (!facts) kept.facts = { metadataDate, value: packedTextFactsOf(doc) };
          return doc;
        }
        const bytes = await vscode.workspace.fs.readFile(uri);
        this.texts.delete(id); // an older version's text, if any: this one replaces it, or none is kept
        if (bytes.length > DECODE_ON_WORKER_BYTES && this.pool.available) {
          // Decoding 50 MB takes the better part of a second: the worker does it. (The text is
          // then not kept for re-matching; a file this large is read again.)
          const analysis = await this.pool.analyze(bytes, fileNameOf(path), metadataDate, path).catch((e: unknown) => {
            if (e instanceof WorkerCrashError || e instanceof UndecodableError) throw e;
            return undefined; // workers unavailable after all: decode and analyse here
          });
          if (analysis) return { id, path, ...analysis };
        }
        const decoded = decodeBytes(bytes);
        if (!decoded.ok) {
          skipped.set(path, decoded.reason);
          return undefined;
        }
        const entry: KeptText = { text: decoded.text, encoding: decoded.encoding };
        this.texts.set(id, stat.size, stat.mtime, entry);
        const doc = await this.analyzeOffThread(id, path, decoded.text, decoded.encoding);
        entry.facts = { metadataDate, value: packedTextFactsOf(doc) };
        return doc;
      } finally {
        release();
      }
    } catch (e) {
      skipped.set(path, e instanceof WorkerCrashError || e instanceof UndecodableError ? e.message : `cannot read: ${(e as Error).message}`);
      return undefined;
    }
  }

  /** Files being read and analysed again after a watcher event. */
  private readonly updating = new Set<string>();

  /** Reads and analyses one file again (it was created, changed, or its recorded date changed). */
  private async updateFile(uri: vscode.Uri): Promise<void> {
    if (!this.isCorpusDocument(uri)) return;
    const id = uri.toString();
    const event = this.noteFileEvent(id, 'changed');
    const skipped = new Map<string, string>();
    const stamps = new Map<string, FileStamp>();
    this.updating.add(id);
    const doc = await this.readAndAnalyze(uri, readSettings().maxFileSizeMB, skipped, stamps).finally(() => this.updating.delete(id));
    if (this.fileEvents.get(id) !== event) return; // a newer event for this file is on its way
    if (doc) this.index.set(doc);
    else this.index.delete(id);
    this.noteAnalysedFrom(id, doc ? stamps.get(id) : undefined);
    this.emitter.fire({ documents: [id] });
  }

  /**
   * Re-reads `.corpus/documents.json` and analyses again only the documents whose recorded
   * date changed (their relative dates resolve against it); every other document stands.
   * Setting one date in a 100,000-document corpus so costs one document, not a rebuild.
   * Calls run one after the other: the command that set a date and the file watcher both
   * call this, and the second must not return (finding nothing new) before the first has
   * analysed the document.
   */
  metadataChanged(): Promise<void> {
    const next = this.metadataUpdates.then(() => this.applyMetadataChange());
    this.metadataUpdates = next.catch(() => undefined);
    return next;
  }

  private metadataUpdates: Promise<void> = Promise.resolve();

  private async applyMetadataChange(): Promise<void> {
    const before = this.metadata;
    await this.reloadMetadata();
    const after = this.metadata;
    const changed = new Set<string>();
    for (const path of new Set([...before.keys(), ...after.keys()])) {
      if ((before.get(path)?.date ?? null) !== (after.get(path)?.date ?? null)) changed.add(path);
    }
    if (changed.size === 0) return;
    this.live.clear(); // the editors' live analyses resolved their dates against the old ones
    const targets = this.index.documents().filter((d) => changed.has(d.path));
    for (let k = 0; k < targets.length; k += IN_FLIGHT) {
      await Promise.all(targets.slice(k, k + IN_FLIGHT).map((d) => this.updateFile(vscode.Uri.parse(d.id))));
    }
  }

  private watch(): void {
    // Every .txt file: isCorpusDocument applies the include/exclude settings to each event, so
    // a change of those settings applies to the watcher too.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.txt');
    const update = (uri: vscode.Uri): Promise<void> => this.updateFile(uri);
    // Folders: one copied or unzipped into the workspace can fill faster than the file watcher
    // subscribes to it (files go unreported), and a deleted or renamed folder is one event,
    // not one per file. So a new folder is searched, and a gone one takes its documents along.
    const folderWatcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    const folderAppeared = async (uri: vscode.Uri): Promise<void> => {
      if (this.isCorpusDocument(uri)) return;
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
      if (!stat || !(stat.type & vscode.FileType.Directory)) return;
      await new Promise((r) => setTimeout(r, FOLDER_SETTLE_MS)); // let the copy finish
      const { include, exclude } = readSettings();
      // The folder may be gone by now (moved on, deleted): the search then fails, and there is nothing to add.
      const all = await Promise.resolve(vscode.workspace.findFiles(new vscode.RelativePattern(uri, include), exclude || undefined)).catch(() => [] as vscode.Uri[]);
      const found = all.filter((f) => !this.index.has(f.toString()) && !this.updating.has(f.toString()));
      for (let k = 0; k < found.length; k += IN_FLIGHT) await Promise.all(found.slice(k, k + IN_FLIGHT).map(update));
      // A catalog or the documents' metadata in a new folder (a .corpus folder made or copied
      // in) can go unreported the same way.
      const root = vscode.workspace.getWorkspaceFolder(uri)?.uri;
      if (!root) return;
      const prefix = uri.toString() + '/';
      const known = [...readSettings().catalogPaths.map((p) => p.replace(/^\.?\//, '')), DOCUMENTS_METADATA_PATH].map((p) => vscode.Uri.joinPath(root, p));
      for (const file of known.filter((f) => f.toString().startsWith(prefix))) {
        const exists = await Promise.resolve(vscode.workspace.fs.stat(file)).then(() => true, () => false);
        if (exists) await catalogChanged(file);
      }
    };
    const folderRemoved = (uri: vscode.Uri): void => {
      if (this.isCorpusDocument(uri)) return;
      const prefix = uri.toString() + '/';
      const gone = this.index.documents().filter((d) => d.id.startsWith(prefix));
      for (const d of gone) {
        this.noteFileEvent(d.id, 'deleted');
        this.texts.delete(d.id);
        this.index.delete(d.id);
        this.noteAnalysedFrom(d.id, undefined);
      }
      if (gone.length) this.emitter.fire({ documents: gone.map((d) => d.id) });
    };
    const catalogWatcher = vscode.workspace.createFileSystemWatcher('**/*.json');
    const catalogChanged = async (uri: vscode.Uri): Promise<void> => {
      if (uri.path.endsWith('/' + DOCUMENTS_METADATA_PATH)) return this.metadataChanged();
      const paths = readSettings().catalogPaths;
      if (!this.catalogFiles.has(uri.toString()) && !paths.some((p) => uri.path.endsWith('/' + p.replace(/^\.?\//, '')))) return;
      await this.reloadCatalog();
      await this.rebuild({ progress: false });
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(update),
      watcher.onDidChange(update),
      watcher.onDidDelete((uri) => {
        this.noteFileEvent(uri.toString(), 'deleted');
        this.texts.delete(uri.toString());
        const deleted = this.index.delete(uri.toString());
        this.noteAnalysedFrom(uri.toString(), undefined);
        if (deleted) this.emitter.fire({ documents: [uri.toString()] });
      }),
      folderWatcher,
      folderWatcher.onDidCreate(folderAppeared),
      folderWatcher.onDidDelete(folderRemoved),
      catalogWatcher,
      catalogWatcher.onDidCreate(catalogChanged),
      catalogWatcher.onDidChange(catalogChanged),
      catalogWatcher.onDidDelete(catalogChanged),
      // Saving a catalog in the editor reloads it at once, whatever the file watcher's delay.
      vscode.workspace.onDidSaveTextDocument((d) => d.uri.path.endsWith('.json') && catalogChanged(d.uri)),
      vscode.workspace.onDidChangeConfiguration(async (e) => {
        if (e.affectsConfiguration('corpusLens.keepTextsMB')) this.texts.setBudget(keptTextsBudget());
        if (e.affectsConfiguration('corpusLens.catalogPaths') || e.affectsConfiguration('corpusLens.useBuiltinCatalog')) {
          await this.reloadCatalog();
          await this.rebuild({ progress: false });
        } else if (e.affectsConfiguration('corpusLens.include') || e.affectsConfiguration('corpusLens.exclude') || e.affectsConfiguration('corpusLens.maxFileSizeMB')) {
          this.pathFilter = pathFilterFromSettings();
          await this.rebuild({ progress: false });
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(async () => {
        await this.reloadCatalog();
        await this.rebuild({ progress: false });
      }),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** What changed in the index: the ids of the documents set or deleted, when known (else anything may have). */
export interface IndexChange {
  documents?: readonly string[];
}

/** What the cache records of a file besides its analysis: its size and mtime, and the date recorded for it when it was analysed. */
type FileStamp = Omit<CachedDocument, 'doc'>;

/** How a document of the loaded index was analysed: from its file with this stamp, with the catalog of this cache key. */
type AnalysedFrom = FileStamp & { key: string };

function stampOf(stat: { size: number; mtime: number }, recorded: string | null): FileStamp {
  return recorded === null ? { size: stat.size, mtime: stat.mtime } : { size: stat.size, mtime: stat.mtime, recorded };
}

/** The stamp with its catalog key: the same object when it has this key already (a kept document's entry). */
function withKey(stamp: FileStamp | AnalysedFrom, key: string): AnalysedFrom {
  return 'key' in stamp && stamp.key === key ? stamp : { ...stamp, key };
}

function pathFilterFromSettings(): PathFilter {
  const { include, exclude } = readSettings();
  return createPathFilter(include, exclude);
}

/** UTF-16 units of decoded text the indexer may keep (`corpusLens.keepTextsMB`, two bytes a unit). */
function keptTextsBudget(): number {
  return (readSettings().keepTextsMB * 1024 * 1024) / 2;
}

/** The file name of a workspace-relative path (the engine reads dates from it: `2019-10-19-…txt`). */
function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
