/// <reference types="mocha" />
// Named to sort after extension.test.ts, whose activation test must run before anything activates the extension.
// An analysis worker that dies in the middle of a rebuild. The crash is real: through the
// internal test hook service.simulateWorkerCrashes, the worker that is sent the "poison"
// document calls process.exit instead of analysing it. The pool must replace the worker,
// send the documents queued behind the poison again, try the poison once more, then report it
// as skipped, never analysing it on the extension host. Files are created at test time (the
// fixture's 3 documents are counted elsewhere) and removed after.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, encode, file, recordMessages, sleep, until } from './helpers';

const DIR = 'worker-crash';
const COUNT = 40;
const POISON = `${DIR}/poison.txt`;

/** The "Corpus Lens" output channel as VS Code wrote it to the extension's log folder. */
async function outputChannel(): Promise<string> {
  const { logUri } = await api();
  return vscode.workspace.fs.readFile(vscode.Uri.joinPath(logUri, 'Corpus Lens.log')).then(
    (b) => new TextDecoder().decode(b),
    () => '',
  );
}

suite('Reliability: an analysis worker crashes during a rebuild', () => {
  let fixtureDocuments: number;

  suiteSetup(async function () {
    this.timeout(60_000);
    const { service } = await api();
    await service.rebuild({ progress: false });
    // Earlier suites create and delete files; wait until the watcher has caught up with the
    // disk, so the count below is the folder's, not a moment of it.
    const onDisk = async (): Promise<number> => (await vscode.workspace.findFiles('**/*.txt', '**/{node_modules,.git,.corpus}/**')).length;
    await until(async () => (!service.indexing && service.index.size === (await onDisk()) ? true : undefined), 'the index to match the files on disk', 30_000);
    fixtureDocuments = service.index.size;
    // Each document is a little different, so none is a copy of another.
    await Promise.all(
      Array.from({ length: COUNT }, (_, i) => vscode.workspace.fs.writeFile(file(DIR, `doc-${i}.txt`), encode(`تقرير ${i}\n\nقال لافروف في موسكو إن المحادثات مستمرة (${i}).\n`))),
    );
    await vscode.workspace.fs.writeFile(file(POISON), encode('تقرير\n\nوصل الوفد إلى أنقرة.\n'));
    // Let the file watcher index the new files before the hook is on.
    await until(() => (service.index.size === fixtureDocuments + COUNT + 1 && !service.indexing ? true : undefined), 'the watcher to index the new files', 30_000);
    await sleep(1000); // let late watcher events for the new files settle: they would analyse again during the test
  });

  suiteTeardown(async () => {
    const { service } = await api();
    service.simulateWorkerCrashes(undefined);
    await vscode.workspace.fs.delete(file(DIR), { recursive: true }).then(undefined, () => undefined);
    await service.rebuild({ progress: false });
  });

  test('the rebuild completes for the other files, the poison is skipped with its reason, and the crash is logged', async function () {
    this.timeout(60_000);
    const { service } = await api();
    const warnings = recordMessages('showWarningMessage');
    const onWorkersBefore = service.analysedOnWorkers;
    service.simulateWorkerCrashes((path) => path === POISON);
    let summary;
    try {
      summary = await service.rebuild({ progress: false, useCache: false });
    } finally {
      service.simulateWorkerCrashes(undefined);
      warnings.restore();
    }
    const reason = 'the analysis worker stopped twice while analysing it (exit code 70)';
    assert.equal(summary.cancelled, undefined);
    assert.equal(summary.documents, fixtureDocuments + COUNT);
    assert.equal(summary.skipped, 1);
    assert.deepEqual([...service.skippedFiles], [[POISON, reason]]);
    assert.equal(service.index.get(file(POISON).toString()), undefined, 'the poison document is still indexed');
    // Every other document was analysed, on the workers (none fell back to the host).
    assert.equal(summary.analysed, fixtureDocuments + COUNT + 1);
    assert.equal(service.analysedOnWorkers - onWorkersBefore, fixtureDocuments + COUNT);
    for (let i = 0; i < COUNT; i++) {
      const doc = service.index.get(file(DIR, `doc-${i}.txt`).toString());
      assert.deepEqual(doc?.mentions.map((m) => m.entityId), ['person.sergey-lavrov', 'place.moscow'], `doc-${i}.txt`);
    }
    assert.deepEqual(warnings.messages, [`Corpus Lens skipped ${POISON}: ${reason}.`]);
    const log = await until(async () => {
      const text = await outputChannel();
      return text.includes(`the document is skipped`) ? text : undefined;
    }, 'the crash in the "Corpus Lens" output channel', 5_000);
    assert.ok(log.includes(`[error] Analysis worker stopped (exit code 70) while analysing ${POISON}; trying it once more on a new worker.`), log);
    assert.ok(log.includes(`[error] Analysis worker stopped again (exit code 70) while analysing ${POISON}; the document is skipped.`), log);
    assert.ok(log.includes(`[warning] Skipped ${POISON}: ${reason}`), log);
  });

  test('after the crash, the workers keep analysing: the next rebuild indexes every document', async () => {
    const { service } = await api();
    const onWorkersBefore = service.analysedOnWorkers;
    const summary = await service.rebuild({ progress: false, useCache: false });
    assert.equal(summary.documents, fixtureDocuments + COUNT + 1);
    assert.equal(summary.skipped, 0);
    assert.equal(service.analysedOnWorkers - onWorkersBefore, fixtureDocuments + COUNT + 1);
    assert.deepEqual(service.index.get(file(POISON).toString())?.mentions.map((m) => m.entityId), ['place.ankara']);
  });
});
