/// <reference types="mocha" />
// Runs after restricted.test.ts (alphabetical order). Trust is granted the way a user grants
// it: the test opens the Workspace Trust editor and scripts/run-integration.mjs presses its
// "Trust" button (the extension API cannot grant trust). Corpus Lens must then load the
// workspace catalogs, re-analyse the documents, and let its commands write.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, file, sleep } from '../integration/helpers';

suite('Restricted Mode: trust granted at runtime', () => {
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('after "Trust", the workspace catalogs load and the documents are re-analysed with them', async function () {
    this.timeout(60_000);
    const { service } = await api();
    await service.start();
    assert.equal(vscode.workspace.isTrusted, false, 'trusted before the test granted trust');
    const granted = new Promise<void>((resolve) => vscode.workspace.onDidGrantWorkspaceTrust(() => resolve()));
    await vscode.commands.executeCommand('workbench.trust.manage');
    const outcome = await Promise.race([granted.then(() => 'granted'), sleep(30_000).then(() => 'timeout')]);
    assert.equal(outcome, 'granted', 'trust was not granted: did the harness press "Trust" in the Workspace Trust editor?');
    assert.equal(vscode.workspace.isTrusted, true);
    assert.deepEqual(vscode.workspace.getConfiguration('corpusLens').get('catalogPaths'), ['.corpus/catalog.json', 'extra.catalog.json']);
    const arabic = file('lavrov-ankara.txt').toString();
    const expected = ['person.sergey-lavrov', 'place.ankara', 'person.sergey-lavrov', 'place.ankara', 'place.zenobia-citadel', 'event.palmyra-caravan-festival'];
    const ids = (): string[] => service.index.get(arabic)?.mentions.map((m) => m.entityId) ?? [];
    const deadline = Date.now() + 15_000;
    while ((JSON.stringify(ids()) !== JSON.stringify(expected) || service.indexing) && Date.now() < deadline) await sleep(50);
    assert.deepEqual(ids(), expected);
    assert.equal(service.catalog.get('place.zenobia-citadel')?.names.en, 'Zenobia Citadel');
    assert.equal(service.catalog.get('event.palmyra-caravan-festival')?.names.en, 'Caravan Festival');
    assert.deepEqual(service.index.get(file('moscow-notes.txt').toString())?.mentions.map((m) => m.entityId), ['place.moscow', 'place.moscow', 'place.zenobia-citadel']);
  });

  test('once trusted, Mark Reviewed writes .corpus/review.json', async () => {
    assert.equal(await vscode.commands.executeCommand('corpusLens.markReviewed', file('moscow-notes.txt')), 1);
    const review = JSON.parse(fs.readFileSync(file('.corpus', 'review.json').fsPath, 'utf8')) as { documents: Record<string, { state: string }> };
    assert.deepEqual(Object.keys(review.documents), ['moscow-notes.txt']);
    assert.equal(review.documents['moscow-notes.txt']?.state, 'reviewed');
  });
});
