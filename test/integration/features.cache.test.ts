/// <reference types="mocha" />
// Persistent cache, incremental updates and cancellation, observed through the extension's
// API (activate() returns { service }) in a real VS Code.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseCache } from '../../src/core/index/cacheFormat';
import type { CorpusService, IndexSummary } from '../../src/extension/corpus/corpusService';
import { api, folder, openNewDocument, until } from './helpers';

/** 300 documents of one repeated sentence in a new folder: enough for a rebuild to take a while. */
const BULK = 300;
const BULK_BODY = new TextEncoder().encode('قال لافروف في موسكو إن المحادثات مع أنقرة مستمرة بشأن إدلب. '.repeat(40));

/** Writes the bulk documents into `dir` and waits for the file watcher to index them (`before` documents were indexed). */
async function writeBulk(dir: vscode.Uri, before: number): Promise<void> {
  const { service } = await api();
  await Promise.all(Array.from({ length: BULK }, (_, i) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, `doc-${i}.txt`), BULK_BODY)));
  await until(() => service.index.size === before + BULK, 'the watcher to index the bulk files', 30_000);
}

/** Starts a service as the next activation would (same workspace storage), runs `check` on what its first index did, and disposes of it. */
async function nextActivation<T>(check: (first: IndexSummary, service: CorpusService) => T | Promise<T>): Promise<T> {
  const second = (await api()).newService();
  try {
    await second.start();
    assert.ok(second.lastIndexed, 'the next activation finished no index');
    return await check(second.lastIndexed, second);
  } finally {
    second.dispose();
  }
}

suite('Index cache and incremental updates', () => {
  test('the next activation takes unchanged documents from the cache, and leaves a cache with nothing new as it is', async () => {
    const { service } = await api();
    const onWorkersBefore = service.analysedOnWorkers;
    const cold = await service.rebuild({ progress: false, useCache: false });
    assert.equal(cold.fromCache, 0);
    // Files from disk are analysed on worker threads, not on the shared extension host thread.
    assert.equal(service.analysedOnWorkers - onWorkersBefore, cold.analysed);
    assert.equal(cold.analysed, cold.documents);
    assert.ok(service.cacheUri, 'no workspace storage');
    const written = await vscode.workspace.fs.readFile(service.cacheUri);
    // Marks the file: a warm start with nothing new must leave it as it is, not write it again.
    await vscode.workspace.fs.writeFile(service.cacheUri, written);
    const before = await vscode.workspace.fs.stat(service.cacheUri);
    await nextActivation((warm, second) => {
      assert.equal(warm.fromCache, cold.documents);
      assert.equal(warm.reused, 0);
      assert.equal(warm.analysed, 0);
      assert.equal(warm.mentions, cold.mentions);
      assert.equal(second.index.size, cold.documents);
    });
    const after = await vscode.workspace.fs.stat(service.cacheUri);
    assert.equal(after.mtime, before.mtime, 'the cache file was written again');
  });

  test('for the next activation, a changed file is analysed again, the others come from the cache', async () => {
    const { service } = await api();
    await service.rebuild({ progress: false, useCache: false }); // writes the cache
    const uri = vscode.Uri.joinPath(folder(), 'weather-note.txt');
    const original = await vscode.workspace.fs.readFile(uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('ثلوج كثيفة في أنقرة هذا الصباح.\n'));
    const hasAnkara = (): boolean => !!service.index.get(uri.toString())?.mentions.some((m) => m.entityId === 'place.ankara');
    try {
      await nextActivation((summary, second) => {
        assert.equal(summary.analysed, 1);
        assert.equal(summary.fromCache, summary.documents - 1);
        assert.ok(second.index.get(uri.toString())?.mentions.some((m) => m.entityId === 'place.ankara'));
      });
      // This window's watcher too, before the file is put back: its updates must not land in the next test.
      await until(hasAnkara, 'the watcher to analyse the changed file');
    } finally {
      await vscode.workspace.fs.writeFile(uri, original);
      await until(() => !hasAnkara(), 'the watcher to analyse the restored file');
    }
  });

  test('a rebuild with the index loaded keeps the analyses that hold and reads no cache file', async () => {
    const { service } = await api();
    await service.rebuild({ progress: false, useCache: false });
    const loaded = new Map(service.index.documents().map((d) => [d.id, d]));
    const cacheUri = service.cacheUri!;
    const good = await vscode.workspace.fs.readFile(cacheUri);
    // A corrupt cache file: reading it would discard it (delete it) and analyse everything again.
    const corrupt = new Uint8Array([0x43, 0x4c, 0x49, 0x58, 200, 0, 0, 0, 0x7b, 0x22]);
    await vscode.workspace.fs.writeFile(cacheUri, corrupt);
    const uri = vscode.Uri.joinPath(folder(), 'weather-note.txt');
    const original = await vscode.workspace.fs.readFile(uri);
    // A file watcher event (another test's file put back) may still replace a document: those are not compared.
    const changed = new Set<string>();
    const listener = service.onDidChange((e) => e.documents?.forEach((id) => changed.add(id)));
    try {
      const kept = await service.rebuild({ progress: false });
      assert.deepEqual({ reused: kept.reused, fromCache: kept.fromCache, analysed: kept.analysed }, { reused: loaded.size, fromCache: 0, analysed: 0 });
      for (const d of service.index.documents()) if (!changed.has(d.id)) assert.equal(d, loaded.get(d.id), `${d.path} is not the loaded analysis`);
      assert.deepEqual([...(await vscode.workspace.fs.readFile(cacheUri))], [...corrupt], 'the cache file was read or written');
      // A file the watcher analysed again is kept as the watcher left it; the cache file, which
      // no longer holds what memory does, is written.
      await vscode.workspace.fs.writeFile(cacheUri, good);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('ثلوج كثيفة في أنقرة هذا الصباح.\n'));
      await until(() => !!service.index.get(uri.toString())?.mentions.some((m) => m.entityId === 'place.ankara'), 'the watcher to analyse the changed file');
      const afterEdit = await service.rebuild({ progress: false });
      assert.deepEqual({ reused: afterEdit.reused, analysed: afterEdit.analysed }, { reused: loaded.size, analysed: 0 });
      assert.ok(service.index.get(uri.toString())?.mentions.some((m) => m.entityId === 'place.ankara'), 'the watcher\'s analysis was not kept');
      await nextActivation((next) => assert.deepEqual({ fromCache: next.fromCache, analysed: next.analysed }, { fromCache: loaded.size, analysed: 0 }, 'the cache file was not brought up to date'));
    } finally {
      listener.dispose();
      await vscode.workspace.fs.writeFile(uri, original);
      await until(() => !service.index.get(uri.toString())?.mentions.some((m) => m.entityId === 'place.ankara'), 'the watcher to analyse the restored file');
    }
  });

  test('re-matching (as after a catalog change) reuses the decoded texts; a changed file is read again', async () => {
    const { service } = await api();
    await service.rebuild({ progress: false, useCache: false }); // reads every file, keeps the texts
    const again = await service.rebuild({ progress: false, useCache: false });
    assert.equal(again.analysed, again.documents);
    assert.equal(again.fromMemory, again.documents);
    // Re-matched from the text facts of the first run (no date or boilerplate pass), with the
    // very result a full analysis gives.
    assert.equal(again.rematched, again.documents);
    for (const doc of service.index.documents()) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(doc.id)));
      const full = service.analyze(doc.id, doc.path, text);
      assert.deepEqual(JSON.parse(JSON.stringify(doc.materialize())), JSON.parse(JSON.stringify({ ...full, encoding: doc.encoding })), doc.path);
    }
    const uri = vscode.Uri.joinPath(folder(), 'weather-note.txt');
    const original = await vscode.workspace.fs.readFile(uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('أمطار غزيرة في إدلب.\n'));
    try {
      const afterEdit = await service.rebuild({ progress: false, useCache: false });
      assert.equal(afterEdit.fromMemory, afterEdit.documents - 1);
      assert.equal(afterEdit.rematched, afterEdit.documents - 1);
      assert.ok(service.index.get(uri.toString())?.mentions.some((m) => m.entityId === 'place.idlib'));
    } finally {
      await vscode.workspace.fs.writeFile(uri, original);
    }
  });

  test('lowering corpusLens.keepTextsMB drops the kept texts at once; raising it keeps them again', async () => {
    const { service } = await api();
    const config = vscode.workspace.getConfiguration('corpusLens');
    await service.rebuild({ progress: false, useCache: false });
    const someId = service.index.documents()[0]!.id;
    assert.ok(service.keptText(someId) !== undefined, 'no text kept after a rebuild');
    try {
      await config.update('keepTextsMB', 0, vscode.ConfigurationTarget.Workspace);
      await until(() => service.keptText(someId) === undefined, 'the kept texts were not dropped');
      const cold = await service.rebuild({ progress: false, useCache: false });
      assert.equal(cold.fromMemory, 0);
      assert.equal(cold.analysed, cold.documents);
    } finally {
      await config.update('keepTextsMB', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until(async () => (await service.rebuild({ progress: false, useCache: false })).fromMemory === 0 && service.keptText(someId) !== undefined, 'texts are not kept again');
    const again = await service.rebuild({ progress: false, useCache: false });
    assert.equal(again.fromMemory, again.documents);
  });

  test('setting one document\'s date analyses that document again, no other; the cache stays good for the rest', async () => {
    const { service } = await api();
    await service.rebuild({ progress: false, useCache: false }); // writes the cache
    const uri = vscode.Uri.joinPath(folder(), 'weather-note.txt');
    const target = uri.toString();
    const others = service.index.documents().filter((d) => d.id !== target);
    assert.ok(service.index.has(target) && others.length >= 2);
    try {
      const date = await vscode.commands.executeCommand<{ value: string; source: string }>('corpusLens.setDocumentDate', uri, '2018-09-17');
      assert.deepEqual(date && { value: date.value, source: date.source }, { value: '2018-09-17', source: 'metadata' });
      assert.equal(service.index.get(target)?.date.value, '2018-09-17');
      for (const d of others) assert.equal(service.index.get(d.id), d, `${d.path} was analysed again`);
      await nextActivation((warm, second) => {
        assert.equal(warm.analysed, 1, 'only the document whose date changed is analysed again');
        assert.equal(warm.fromCache, warm.documents - 1);
        assert.equal(second.index.get(target)?.date.value, '2018-09-17');
      });
    } finally {
      await vscode.commands.executeCommand('corpusLens.setDocumentDate', uri, '');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), '.corpus', 'documents.json')).then(undefined, () => undefined);
      await service.metadataChanged();
    }
    assert.notEqual(service.index.get(target)?.date.source, 'metadata');
  });

  test('the live text of a long document is analysed on a worker, not on the extension host', async () => {
    const { api: corpus, uri } = await openNewDocument('long-live.txt', 'تقرير طويل عن الطقس.\n'.repeat(6000)); // ~130,000 units
    const service = corpus.service;
    try {
      const editor = await vscode.window.showTextDocument(uri);
      const before = service.analysedOnWorkers;
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'وصل الوفد إلى أنقرة. '));
      const found = await until(() => service.analysisFor(editor.document).mentions.find((m) => m.entityId === 'place.ankara'), 'the new mention in the live analysis');
      assert.equal(editor.document.getText().slice(found.start, found.end), 'أنقرة');
      assert.ok(service.analysedOnWorkers > before, 'the live text went to a worker');
      // A second edit, in the middle: the worker re-analyses the blocks it changed, and the
      // result is exactly the whole text's analysis.
      await editor.edit((e) => e.insert(new vscode.Position(3000, 0), 'واجتمع الوفد في موسكو يوم 17 أيلول 2018.\n'));
      const moscow = await until(() => service.analysisFor(editor.document).mentions.find((m) => m.entityId === 'place.moscow'), 'the second mention in the live analysis');
      assert.equal(editor.document.getText().slice(moscow.start, moscow.end), 'موسكو');
      const live = service.analysisFor(editor.document);
      const full = service.analyze(live.id, live.path, editor.document.getText());
      assert.deepEqual(JSON.parse(JSON.stringify(live)), JSON.parse(JSON.stringify(full)));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('typing into a shorter document: its live analysis on the host is the whole text\'s, edit after edit', async () => {
    // ~20,000 units: analysed on the host, in blocks of lines (IncrementalAnalyzer).
    const lines = Array.from({ length: 400 }, (_, k) => (k % 40 === 0 ? 'وقال لافروف في موسكو أمس الجمعة إن المحادثات مستمرة.' : `سطر ${k} من تقرير عن الطقس.`));
    const { api: corpus, uri } = await openNewDocument('short-live.txt', lines.join('\n') + '\n');
    const service = corpus.service;
    try {
      const editor = await vscode.window.showTextDocument(uri);
      const edits: Array<[number, string]> = [
        [200, 'ووصل أردوغان إلى سوتشي في 17 أيلول 2018.\n'],
        [0, '2019-10-22\n'], // a header date: every relative date of the text moves
        [350, 'وأكد جاويش أوغلو "أن الاتفاق صامد حتى الآن في إدلب" للصحفيين.\n'],
      ];
      for (const [line, text] of edits) {
        await editor.edit((e) => e.insert(new vscode.Position(line, 0), text));
        const live = service.analysisFor(editor.document);
        const full = service.analyze(live.id, live.path, editor.document.getText());
        assert.deepEqual(JSON.parse(JSON.stringify(live)), JSON.parse(JSON.stringify(full)), `after inserting at line ${line}`);
      }
      assert.equal(service.analysisFor(editor.document).date.value, '2019-10-22');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('a corrupt cache file is discarded, not trusted, and rewritten', async () => {
    const { service } = await api();
    await service.rebuild({ progress: false, useCache: false });
    // The format's magic number, then a header cut short.
    await vscode.workspace.fs.writeFile(service.cacheUri!, new Uint8Array([0x43, 0x4c, 0x49, 0x58, 200, 0, 0, 0, 0x7b, 0x22]));
    const documents = await nextActivation((summary) => {
      assert.equal(summary.fromCache, 0);
      assert.equal(summary.analysed, summary.documents);
      return summary.documents;
    });
    const written = parseCache(await vscode.workspace.fs.readFile(service.cacheUri!), '');
    assert.equal(written.kind, 'stale', 'a whole cache file again (stale only for the wrong key given here)');
    await nextActivation((again) => assert.equal(again.fromCache, documents));
  });

  test('a cache entry with the wrong shape is discarded', async () => {
    const { service } = await api();
    await service.rebuild({ progress: false, useCache: false });
    const bytes = await vscode.workspace.fs.readFile(service.cacheUri!);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The layout of cacheFormat.ts: magic, header length, header, then the first chunk: its
    // JSON length and two array lengths, the JSON, then each document's mentions (7 ints each) and dates.
    const chunk = 8 + view.getUint32(4, true);
    const json = view.getUint32(chunk, true);
    const docs = JSON.parse(new TextDecoder().decode(bytes.subarray(chunk + 12, chunk + 12 + json))) as Array<{ n: number[] }>;
    // The first document with a mention; the documents' ints follow one another.
    const k = docs.findIndex((d) => d.n[0]! >= 7);
    assert.ok(k >= 0, 'a cached document with a mention');
    const before = docs.slice(0, k).reduce((sum, d) => sum + d.n[0]! + d.n[1]!, 0);
    view.setInt32(chunk + 12 + json + 4 * (before + 2), 1_000_000, true); // its entity: a string the document does not have
    await vscode.workspace.fs.writeFile(service.cacheUri!, bytes);
    await nextActivation((summary) => assert.equal(summary.fromCache, 0));
  });

  test('creating and deleting a file updates the index through the file watcher', async () => {
    const { service } = await api();
    await service.rebuild({ progress: false });
    const uri = vscode.Uri.joinPath(folder(), 'new-arrival.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('وصل الوفد إلى دمشق.\n'));
    await until(() => !!service.index.get(uri.toString())?.mentions.some((m) => m.entityId === 'place.damascus'), 'the new file in the index');
    const renamed = vscode.Uri.joinPath(folder(), 'renamed-arrival.txt');
    await vscode.workspace.fs.rename(uri, renamed);
    await until(() => !service.index.get(uri.toString()) && !!service.index.get(renamed.toString()), 'the rename in the index');
    await vscode.workspace.fs.delete(renamed);
    await until(() => !service.index.get(renamed.toString()), 'the deletion in the index');
  });

  test('corpusLens.exclude holds for files the watcher reports: a new file in an excluded folder stays out of the index', async () => {
    const { service } = await api();
    const config = vscode.workspace.getConfiguration('corpusLens');
    const excluded = vscode.Uri.joinPath(folder(), 'drafts', 'draft-note.txt');
    const included = vscode.Uri.joinPath(folder(), 'desk', 'desk-note.txt');
    const body = new TextEncoder().encode('وصل لافروف إلى أنقرة أمس.\n');
    await config.update('exclude', '**/{node_modules,.git,.corpus,drafts}/**', vscode.ConfigurationTarget.Workspace);
    try {
      await until(() => !service.indexing && !service.isCorpusDocument(excluded), 'the exclude setting to apply');
      assert.ok(service.isCorpusDocument(included));
      await vscode.workspace.fs.writeFile(excluded, body);
      await vscode.workspace.fs.writeFile(included, body);
      // Both events come together: once the included file is in, the excluded one would be too.
      await until(() => service.index.has(included.toString()), 'the watcher to index the included file', 15_000);
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(service.index.has(excluded.toString()), false, 'a file in an excluded folder was indexed');
    } finally {
      await config.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      for (const dir of ['drafts', 'desk']) await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), dir), { recursive: true }).then(undefined, () => undefined);
      await service.rebuild({ progress: false });
    }
    assert.ok(service.isCorpusDocument(excluded), 'the default exclude let drafts/ in again');
    assert.equal(service.index.has(excluded.toString()), false);
  });

  test('a folder copied in is indexed in full; renaming or deleting the folder moves or removes its documents', async function () {
    this.timeout(120_000);
    const { service } = await api();
    await service.rebuild({ progress: false });
    const root = path.join(folder().fsPath, 'copied');
    const idsUnder = (dir: string): string[] => [...service.index.documents()].map((d) => d.id).filter((id) => id.startsWith(vscode.Uri.file(dir).toString() + '/'));
    // Written synchronously, as a copy or an unzip does: files can land before the watcher
    // watches their new folder, and the folder search must find those.
    for (let i = 0; i < 240; i++) {
      const dir = path.join(root, `part-${i % 12}`, i % 2 ? 'odd' : 'even');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `article-${i}.txt`), `وصل وزير الخارجية إلى أنقرة في الزيارة رقم ${i}.\n`);
    }
    try {
      await until(() => idsUnder(root).length === 240, 'all 240 copied documents in the index', 60_000);
      const moved = path.join(folder().fsPath, 'moved');
      fs.renameSync(root, moved);
      await until(() => idsUnder(root).length === 0 && idsUnder(moved).length === 240, 'the renamed folder in the index', 60_000);
      assert.ok(service.index.get(vscode.Uri.file(path.join(moved, 'part-3', 'odd', 'article-3.txt')).toString())?.mentions.some((m) => m.entityId === 'place.ankara'));
      fs.rmSync(moved, { recursive: true });
      await until(() => idsUnder(moved).length === 0, 'the deleted folder gone from the index', 60_000);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(path.join(folder().fsPath, 'moved'), { recursive: true, force: true });
    }
  });

  test('a changed file refreshes its own Documents item; a new one, the whole list', async () => {
    const { service } = await api();
    await service.rebuild({ progress: false });
    await vscode.commands.executeCommand('workbench.view.extension.corpusLens'); // the view lists its documents
    const uri = vscode.Uri.joinPath(folder(), 'weather-note.txt');
    const original = await vscode.workspace.fs.readFile(uri);
    const lastRefresh = (): Promise<'all' | string[]> => Promise.resolve(vscode.commands.executeCommand<'all' | string[]>('corpusLens.documentTreeLastRefresh'));
    try {
      await until(async () => (await vscode.commands.executeCommand<{ label: string }>('corpusLens.documentTreeItem', uri)) !== undefined, 'the Documents view to list the fixture');
      // New text, same path and date: the list keeps its order, only this item changes.
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('نشرة الطقس الجديدة\nأمطار في إدلب.\n'));
      const refreshed = await until(async () => {
        const r = await lastRefresh();
        return Array.isArray(r) && r.includes(uri.toString()) ? r : undefined;
      }, 'the item refresh');
      assert.deepEqual(refreshed, [uri.toString()]);
      const item = await vscode.commands.executeCommand<{ label: string }>('corpusLens.documentTreeItem', uri);
      assert.match(item!.label, /نشرة الطقس الجديدة/);
      // A new document changes the list itself.
      const added = vscode.Uri.joinPath(folder(), 'tree-arrival.txt');
      await vscode.workspace.fs.writeFile(added, new TextEncoder().encode('وصل الوفد إلى أنقرة.\n'));
      try {
        await until(() => service.index.get(added.toString()), 'the new file in the index');
        assert.equal(await lastRefresh(), 'all');
      } finally {
        await vscode.workspace.fs.delete(added);
      }
    } finally {
      await vscode.workspace.fs.writeFile(uri, original);
      await until(() => service.index.get(uri.toString())?.title !== 'نشرة الطقس الجديدة' || undefined, 'the fixture restored');
    }
  });

  test('the Documents view lists 500 documents at a time, the rest behind "N more…"', async function () {
    this.timeout(60_000);
    const { service } = await api();
    const dir = vscode.Uri.joinPath(folder(), 'paged');
    await Promise.all(Array.from({ length: 520 }, (_, k) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, `note-${String(k).padStart(3, '0')}.txt`), new TextEncoder().encode(`مذكرة رقم ${k}\n`))));
    try {
      await service.rebuild({ progress: false });
      const total = service.index.size;
      type Level = Array<{ id: string; label: string }>;
      const top = await vscode.commands.executeCommand<Level>('corpusLens.documentTreeLevel');
      assert.equal(top.length, 501);
      assert.equal(top[500]!.label, `${total - 500} more…`);
      const rest = await vscode.commands.executeCommand<Level>('corpusLens.documentTreeLevel', top[500]!.id);
      assert.equal(rest.length, total - 500);
      // Every document once, in one order.
      const ids = [...top.slice(0, 500), ...rest].map((r) => r.id);
      assert.equal(new Set(ids).size, total);
      assert.ok(ids.every((id) => service.index.has(id)));
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
      await until(() => ![...service.index.documents()].some((d) => d.path.startsWith('paged/')) || undefined, 'the folder gone from the index');
    }
  });

  test('a rebuild reports how many files it has gone through, of how many', async () => {
    const { service } = await api();
    const before = await service.rebuild({ progress: false });
    const dir = vscode.Uri.joinPath(folder(), 'bulk-progress');
    try {
      await writeBulk(dir, before.documents);
      const seen: Array<{ done: number; total: number }> = [];
      const listener = service.onDidProgress(() => seen.push(service.indexingProgress!));
      try {
        const summary = await service.rebuild({ progress: false, useCache: false });
        assert.equal(summary.documents, before.documents + BULK);
      } finally {
        listener.dispose();
      }
      assert.ok(seen.length > 0, 'no progress was reported');
      for (const p of seen) {
        assert.equal(p.total, before.documents + BULK);
        assert.ok(p.done > 0 && p.done <= p.total, `done ${p.done} of ${p.total}`);
      }
      assert.ok(seen.every((p, k) => k === 0 || p.done >= seen[k - 1]!.done), 'the count went back');
      assert.equal(service.indexingProgress, undefined, 'progress outlived its rebuild');
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
      await service.rebuild({ progress: false });
    }
  });

  test('a first index fills the index as it goes: documents are there before it ends', async () => {
    const { service } = await api();
    const config = vscode.workspace.getConfiguration('corpusLens');
    const before = await service.rebuild({ progress: false });
    const dir = vscode.Uri.joinPath(folder(), 'bulk-first');
    const total = before.documents + BULK;
    const seen: number[] = [];
    const poll = setInterval(() => service.indexing && seen.push(service.index.size), 5);
    try {
      await writeBulk(dir, before.documents);
      // No file matches: the index empties. Then, with no cache to start from, the first
      // index of the folder reads every file.
      await config.update('include', '**/*.none', vscode.ConfigurationTarget.Workspace);
      await until(() => !service.indexing && service.index.size === 0, 'an empty index', 30_000);
      await vscode.workspace.fs.delete(service.cacheUri!).then(undefined, () => undefined);
      seen.length = 0;
      await config.update('include', undefined, vscode.ConfigurationTarget.Workspace);
      await until(() => !service.indexing && service.index.size === total, 'the first index', 60_000);
      assert.ok(seen.some((n) => n > 0 && n < total), `the index only ever held ${[...new Set(seen)].join(', ')} documents while indexing`);
    } finally {
      clearInterval(poll);
      await config.update('include', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(dir, { recursive: true });
      await service.rebuild({ progress: false });
    }
  });

  test('a file the watcher analyses while a rebuild runs goes into the cache file that rebuild writes', async () => {
    const { service } = await api();
    const before = await service.rebuild({ progress: false });
    const dir = vscode.Uri.joinPath(folder(), 'bulk-touched');
    const uri = vscode.Uri.joinPath(folder(), 'weather-note.txt');
    const original = await vscode.workspace.fs.readFile(uri);
    try {
      await writeBulk(dir, before.documents);
      // The watcher's update must land while the rebuild runs; a rebuild that ended first is run again.
      let overlapped = false;
      let title = '';
      for (let attempt = 0; attempt < 5 && !overlapped; attempt++) {
        const running = service.rebuild({ progress: false, useCache: false });
        title = `ثلوج كثيفة في أنقرة، المرة ${attempt + 1}.`;
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(title + '\n'));
        await until(() => service.index.get(uri.toString())?.title === title || undefined, 'the watcher to analyse the changed file');
        overlapped = service.indexing;
        await running;
      }
      assert.ok(overlapped, 'the watcher never updated the file while a rebuild ran');
      // The cache file that rebuild wrote (its key from its own header) holds the watcher's analysis.
      const bytes = await vscode.workspace.fs.readFile(service.cacheUri!);
      const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
      const { key } = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as { key: string };
      const parsed = parseCache(bytes, key);
      assert.equal(parsed.kind, 'ok');
      assert.equal(parsed.kind === 'ok' && parsed.entries.size, before.documents + BULK);
      assert.equal(parsed.kind === 'ok' && parsed.entries.get(uri.toString())?.doc.title, title);
    } finally {
      await vscode.workspace.fs.writeFile(uri, original);
      await vscode.workspace.fs.delete(dir, { recursive: true });
      await until(() => !service.index.get(uri.toString())?.title.startsWith('ثلوج كثيفة في أنقرة، المرة') || undefined, 'the watcher to analyse the restored file');
      await service.rebuild({ progress: false });
    }
  });

  test('a rebuild can be cancelled and keeps the previous index', async () => {
    const { service } = await api();
    const before = await service.rebuild({ progress: false });
    const dir = vscode.Uri.joinPath(folder(), 'bulk');
    try {
      // The watcher adds the new files first; the cancelled rebuild must then leave that index alone.
      await writeBulk(dir, before.documents);
      const source = new vscode.CancellationTokenSource();
      const running = service.rebuild({ progress: false, useCache: false, token: source.token });
      setTimeout(() => source.cancel(), 50);
      const summary = await running;
      assert.equal(summary.cancelled, true);
      assert.ok(summary.analysed < BULK, `analysed ${summary.analysed} of 303 before the cancel took effect`);
      assert.equal(service.index.size, before.documents + BULK, 'a cancelled rebuild replaced the index');
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
      await service.rebuild({ progress: false });
    }
  });

  test('a binary .txt is skipped with its reason; a windows-1256 file is decoded', async () => {
    const { service } = await api();
    const binary = vscode.Uri.joinPath(folder(), 'scan.txt');
    const legacy = vscode.Uri.joinPath(folder(), 'archive-1256.txt');
    // «زار لافروف دمشق» in windows-1256, from the code page's own table.
    const decoder = new TextDecoder('windows-1256');
    const table = new Map<string, number>();
    for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
    const bytes = Uint8Array.from([...'زار لافروف دمشق'].map((c) => table.get(c)!));
    await vscode.workspace.fs.writeFile(binary, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]));
    await vscode.workspace.fs.writeFile(legacy, bytes);
    try {
      await service.rebuild({ progress: false, useCache: false });
      assert.equal(service.skippedFiles.get('scan.txt'), 'binary file (contains NUL bytes)');
      const doc = service.index.get(legacy.toString());
      assert.equal(doc?.encoding, 'windows-1256');
      assert.deepEqual(doc?.mentions.map((m) => m.entityId), ['person.sergey-lavrov', 'place.damascus']);
    } finally {
      await vscode.workspace.fs.delete(binary);
      await vscode.workspace.fs.delete(legacy);
      await service.rebuild({ progress: false });
    }
  });
});
