/// <reference types="mocha" />
// Corpus Lens in Restricted Mode: scripts/run-integration.mjs opens this suite's fixture folder
// with workspace trust on and nothing trusted. package.json declares `untrustedWorkspaces:
// limited`: documents are read and highlighted with the built-in catalog, the workspace
// catalogs (.corpus/catalog.json, and extra.catalog.json that the folder's .vscode/settings.json
// adds through the restricted setting corpusLens.catalogPaths) are not loaded, and no command
// writes to the folder. Runs before trustGranted.test.ts, which grants trust.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, file, folder, recordMessages, until } from '../integration/helpers';

const ARABIC = 'lavrov-ankara.txt';
const ENGLISH = 'moscow-notes.txt';
/** Entities that only the workspace catalogs define. */
const WORKSPACE_ONLY = ['place.zenobia-citadel', 'event.palmyra-caravan-festival'];
const refusal = (action: string): string =>
  `Corpus Lens: ${action} is not available in a restricted workspace. Trust the workspace to let Corpus Lens write to it.`;

/** Every file under the workspace folder with its content, to show that nothing was written. */
function folderContents(): Map<string, string> {
  const root = folder().fsPath;
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, full), fs.readFileSync(full, 'base64'));
  }
  return files;
}

const mentionIds = (name: string, service: Awaited<ReturnType<typeof api>>['service']): string[] =>
  service.index.get(file(name).toString())?.mentions.map((m) => m.entityId) ?? [];

suite('Restricted Mode: reading with the built-in catalog', () => {
  suiteSetup(async () => {
    await (await api()).service.start();
  });

  test('the workspace is not trusted, and the restricted setting corpusLens.catalogPaths keeps its default', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    // .vscode/settings.json of the folder sets two paths; VS Code ignores them while untrusted.
    assert.deepEqual(vscode.workspace.getConfiguration('corpusLens').get('catalogPaths'), ['.corpus/catalog.json']);
  });

  test('the documents are indexed with the built-in catalog', async () => {
    const { service } = await api();
    const summary = await vscode.commands.executeCommand<{ documents: number; skipped: number }>('corpusLens.rebuildIndex');
    assert.equal(summary.documents, 2);
    assert.equal(summary.skipped, 0);
    assert.deepEqual(mentionIds(ARABIC, service), ['person.sergey-lavrov', 'place.ankara', 'person.sergey-lavrov', 'place.ankara']);
    assert.deepEqual(mentionIds(ENGLISH, service), ['place.moscow', 'place.moscow']);
  });

  test('the workspace catalogs are not loaded: their entities are unknown and not highlighted', async () => {
    const { service, decorations } = await api();
    for (const id of WORKSPACE_ONLY) assert.equal(service.catalog.get(id), undefined, `${id} was loaded`);
    assert.ok(!service.catalog.aliases().some((a) => a.text === 'قلعة زنوبيا' || a.text === 'Zenobia Citadel'));
    const document = await vscode.workspace.openTextDocument(file(ARABIC));
    await vscode.window.showTextDocument(document);
    const applied = await until(() => {
      const r = decorations.appliedRanges(document.uri.toString());
      return r.person ? r : undefined;
    }, 'highlights on the Arabic document');
    // Lavrov in the headline and the body, Ankara twice; «قلعة زنوبيا» and «مهرجان القوافل» stay plain.
    assert.deepEqual(Object.keys(applied).sort(), ['person', 'place']);
    assert.deepEqual(applied.person, [[0, 0, 0, 6], [2, 25, 2, 37]]);
    assert.deepEqual(applied.place, [[0, 10, 0, 15], [2, 42, 2, 47]]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

suite('Restricted Mode: commands that write refuse, and write nothing', () => {
  let before: Map<string, string>;
  let warnings: ReturnType<typeof recordMessages>;

  suiteSetup(async () => {
    await (await api()).service.start();
    before = folderContents();
    assert.ok(before.has(path.join('.corpus', 'catalog.json')), 'the fixture has no workspace catalog');
  });
  setup(() => (warnings = recordMessages('showWarningMessage')));
  teardown(() => warnings.restore());
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.deepEqual(folderContents(), before, 'a file of the workspace folder was written');
  });

  test('Mark Reviewed, Flag and Mark Unreviewed change nothing and say why', async () => {
    const uri = file(ARABIC);
    assert.equal(await vscode.commands.executeCommand('corpusLens.markReviewed', uri), 0);
    assert.equal(await vscode.commands.executeCommand('corpusLens.flagDocument', uri, { note: 'check the date' }), 0);
    assert.equal(await vscode.commands.executeCommand('corpusLens.markUnreviewed', uri), 0);
    assert.deepEqual(warnings.messages, Array(3).fill(refusal('Recording review state')));
    assert.ok(!fs.existsSync(file('.corpus', 'review.json').fsPath), '.corpus/review.json was written');
    const item = await vscode.commands.executeCommand<{ contextValue: string }>('corpusLens.documentTreeItem', uri);
    assert.equal(item.contextValue, 'corpusDocument.unreviewed');
  });

  test('Set Document Date changes nothing and says why', async () => {
    const { service } = await api();
    const uri = file(ENGLISH);
    const date = service.index.get(uri.toString())?.date;
    assert.equal(await vscode.commands.executeCommand('corpusLens.setDocumentDate', uri, '2019-06-05'), undefined);
    assert.deepEqual(warnings.messages, [refusal('Setting a document date')]);
    assert.ok(!fs.existsSync(file('.corpus', 'documents.json').fsPath), '.corpus/documents.json was written');
    assert.deepEqual(service.index.get(uri.toString())?.date, date);
  });

  test('Add Selection to Catalog changes nothing and says why, as a new entity or as an alias', async () => {
    const document = await vscode.workspace.openTextDocument(file(ARABIC));
    const editor = await vscode.window.showTextDocument(document);
    const start = document.getText().indexOf('قلعة زنوبيا');
    editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + 'قلعة زنوبيا'.length));
    assert.equal(await vscode.commands.executeCommand('corpusLens.addSelectionToCatalog', { mode: 'new', type: 'place', name: 'Zenobia Citadel' }), undefined);
    assert.equal(await vscode.commands.executeCommand('corpusLens.addSelectionToCatalog', { mode: 'alias', entityId: 'place.ankara' }), undefined);
    assert.deepEqual(warnings.messages, Array(2).fill(refusal('Adding to the catalog')));
    assert.equal(document.isDirty, false);
  });

  test('Create Workspace Catalog opens an existing catalog as it is, and creates none while restricted', async () => {
    const catalog = file('.corpus', 'catalog.json');
    const text = fs.readFileSync(catalog.fsPath, 'utf8');
    // Opening is reading: allowed.
    const opened = await vscode.commands.executeCommand<vscode.Uri>('corpusLens.createCatalog');
    assert.equal(opened?.toString(), catalog.toString());
    assert.equal(vscode.window.activeTextEditor?.document.getText(), text);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Without the file, creating it is refused. The file is moved aside and put back.
    const aside = path.join(folder().fsPath, '..', 'catalog.json.aside');
    fs.renameSync(catalog.fsPath, aside);
    try {
      assert.equal(await vscode.commands.executeCommand('corpusLens.createCatalog'), undefined);
      assert.deepEqual(warnings.messages, [refusal('Creating a workspace catalog')]);
      assert.ok(!fs.existsSync(catalog.fsPath), 'the workspace catalog was created');
    } finally {
      fs.renameSync(aside, catalog.fsPath);
    }
  });
});
