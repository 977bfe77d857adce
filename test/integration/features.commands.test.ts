/// <reference types="mocha" />
// Named to sort after extension.test.ts, whose activation test must run before anything activates the extension.
// The command-palette features in a real VS Code, through their scripted forms: Add Selection
// to Catalog (alias and new entity, then undo), Set Document Date, review state and the
// Documents tree, Search Entities, Export Mentions, Open Catalog. Everything written into the
// fixture workspace (a copy per run) is removed in suiteTeardown, so later suites see it as before.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension/extension';
import { EXTENSION_ID, file, until } from './helpers';

const ARABIC = 'lavrov-cavusoglu-arabic.txt';
const ENGLISH = 'lavrov-cavusoglu-english.txt';
const WEATHER = 'weather-note.txt';
const RELATIVE = 'relative-date-note.txt';

const readText = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

/** review.json entries (plain JSON.parse: the test bundle cannot load jsonc-parser's UMD build). */
async function reviewEntries(): Promise<Map<string, { state: string; at: string; note?: string }>> {
  return new Map(Object.entries(JSON.parse(await readText(file('.corpus', 'review.json'))).documents));
}

/** Opens a document with `text` selected. */
async function select(name: string, text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(file(name));
  const editor = await vscode.window.showTextDocument(document);
  const start = document.getText().indexOf(text);
  assert.ok(start >= 0, `"${text}" not in ${name}`);
  editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + text.length));
  return editor;
}

suite('Command palette features', () => {
  let api: CorpusLensApi;
  const mentionIn = (name: string, entityId: string, text: string): boolean =>
    !!api.service.index.get(file(name).toString())?.mentions.some((m) => m.entityId === entityId && m.text === text);

  suiteSetup(async () => {
    api = (await vscode.extensions.getExtension<CorpusLensApi>(EXTENSION_ID)!.activate())!;
    await api.service.start();
  });

  suiteTeardown(async () => {
    for (const d of vscode.workspace.textDocuments.filter((t) => t.isDirty)) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(file(RELATIVE)).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(file('.corpus'), { recursive: true }).then(undefined, () => undefined);
    await api.service.metadataChanged();
    await vscode.commands.executeCommand('corpusLens.rebuildIndex');
  });

  test('Add Selection to Catalog: an alias of an existing entity, matched at once, undone with the editor', async () => {
    await select(ARABIC, 'وزير الخارجية الروسي');
    const result = await vscode.commands.executeCommand<{ entityId: string; matched: boolean }>('corpusLens.addSelectionToCatalog', { mode: 'alias', entityId: 'person.sergey-lavrov' });
    assert.deepEqual(result, { entityId: 'person.sergey-lavrov', matched: true });
    const catalog = JSON.parse(await readText(file('.corpus', 'catalog.json'))) as { entities: Array<{ id: string; aliases?: string[] }> };
    assert.deepEqual(catalog.entities.find((e) => e.id === 'person.sergey-lavrov')?.aliases, ['وزير الخارجية الروسي']);
    await until(() => mentionIn(ARABIC, 'person.sergey-lavrov', 'وزير الخارجية الروسي'), 'the new alias in the index');

    // The edit went through the catalog document's undo stack: undo it there, save, and the alias is gone.
    const editor = await vscode.window.showTextDocument(file('.corpus', 'catalog.json'));
    await vscode.commands.executeCommand('undo');
    assert.deepEqual(JSON.parse(editor.document.getText()), { version: 1, entities: [] });
    await editor.document.save();
    await until(() => !mentionIn(ARABIC, 'person.sergey-lavrov', 'وزير الخارجية الروسي'), 'the alias to leave the index');
  });

  test('Add Selection to Catalog: a new entity with an id from its English name', async () => {
    await select(WEATHER, 'Heavy snow');
    const result = await vscode.commands.executeCommand<{ entityId: string; matched: boolean }>('corpusLens.addSelectionToCatalog', { mode: 'new', type: 'event', name: 'Winter storm' });
    assert.deepEqual(result, { entityId: 'event.winter-storm', matched: true });
    const catalogText = await readText(file('.corpus', 'catalog.json'));
    assert.deepEqual(JSON.parse(catalogText).entities, [{ id: 'event.winter-storm', type: 'event', names: { en: 'Winter storm' }, aliases: ['Heavy snow'] }]);
    assert.match(catalogText, /\n {4}\{\n {6}"id": "event\.winter-storm"/, 'inserted with the file’s 2-space indentation');
    await until(() => mentionIn(WEATHER, 'event.winter-storm', 'Heavy snow'), 'the new entity in the index');

    const editor = await vscode.window.showTextDocument(file('.corpus', 'catalog.json'));
    await vscode.commands.executeCommand('undo');
    await editor.document.save();
    assert.deepEqual(JSON.parse(await readText(file('.corpus', 'catalog.json'))).entities, []);
    await until(() => !mentionIn(WEATHER, 'event.winter-storm', 'Heavy snow'), 'the entity to leave the index');
  });

  test('Open Workspace Catalog opens the existing catalog', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('corpusLens.openCatalog');
    assert.equal(uri?.toString(), file('.corpus', 'catalog.json').toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });

  test('Set Document Date records the date and relative dates resolve against it', async () => {
    await vscode.workspace.fs.writeFile(file(RELATIVE), new TextEncoder().encode('قال المتحدث أمس إن المحادثات ستستمر.\n'));
    const document = await vscode.workspace.openTextDocument(file(RELATIVE));
    await vscode.window.showTextDocument(document);
    const yesterday = (): string | undefined => api.service.analysisFor(document).dates.find((d) => d.text.includes('أمس'))?.value;
    assert.notEqual(api.service.analysisFor(document).date.source, 'metadata');
    assert.equal(yesterday(), '', 'an undated document cannot anchor «أمس»');

    const date = await vscode.commands.executeCommand<{ value: string; source: string }>('corpusLens.setDocumentDate', document.uri, '2019-06-05');
    assert.equal(date?.value, '2019-06-05');
    assert.equal(date?.source, 'metadata');
    // The index follows once the re-analysis (ours, or the file watcher's newer one) completes.
    await until(() => api.service.analysisFor(document).date.value === '2019-06-05', 'the analysis to use the recorded date');
    assert.equal(yesterday(), '2019-06-04');
    const metadata = JSON.parse(await readText(file('.corpus', 'documents.json')));
    assert.deepEqual(metadata, { version: 1, documents: { [RELATIVE]: { date: '2019-06-05' } } });

    const cleared = await vscode.commands.executeCommand<{ value: string | null; source: string }>('corpusLens.setDocumentDate', document.uri, '');
    assert.notEqual(cleared?.source, 'metadata');
    await until(() => api.service.analysisFor(document).date.source !== 'metadata', 'the recorded date to be dropped');
    assert.deepEqual(JSON.parse(await readText(file('.corpus', 'documents.json'))).documents, {});
  });

  test('Mark Reviewed / Flag / Mark Unreviewed write review.json and change the tree item', async () => {
    const uri = file(ENGLISH);
    type Info = { contextValue: string; icon: string; description: string };
    const item = (): Thenable<Info | undefined> => vscode.commands.executeCommand<Info | undefined>('corpusLens.documentTreeItem', uri);
    await until(async () => (await item())?.contextValue === 'corpusDocument.unreviewed', 'the unreviewed tree item');

    assert.equal(await vscode.commands.executeCommand('corpusLens.markReviewed', uri), 1);
    let review = await reviewEntries();
    assert.equal(review.get(ENGLISH)?.state, 'reviewed');
    assert.ok(!Number.isNaN(Date.parse(review.get(ENGLISH)!.at)));
    let info = await item();
    assert.equal(info?.contextValue, 'corpusDocument.reviewed');
    assert.equal(info?.icon, 'pass');

    assert.equal(await vscode.commands.executeCommand('corpusLens.flagDocument', uri, { note: 'check the date' }), 1);
    review = await reviewEntries();
    assert.deepEqual({ ...review.get(ENGLISH), at: '' }, { state: 'flagged', at: '', note: 'check the date' });
    info = await item();
    assert.equal(info?.contextValue, 'corpusDocument.flagged');
    assert.equal(info?.icon, 'warning');

    // Marking a second document keeps the first entry, sorted, 2-space indented.
    assert.equal(await vscode.commands.executeCommand('corpusLens.markReviewed', file(ARABIC)), 1);
    const text = await readText(file('.corpus', 'review.json'));
    assert.deepEqual([...(await reviewEntries()).keys()], [ARABIC, ENGLISH]);
    assert.match(text, /^\{\n {2}"version": 1,\n {2}"documents": \{\n {4}"lavrov-cavusoglu-arabic\.txt": \{\n {6}"state": "reviewed"/);

    // Someone else changes the file (a git pull): their entry is kept when we write ours.
    const external = JSON.parse(text);
    external.documents['elsewhere/other.txt'] = { state: 'flagged', at: '2020-01-01T00:00:00.000Z' };
    await vscode.workspace.fs.writeFile(file('.corpus', 'review.json'), new TextEncoder().encode(JSON.stringify(external, null, 2) + '\n'));
    assert.equal(await vscode.commands.executeCommand('corpusLens.markUnreviewed', uri), 1);
    assert.deepEqual([...(await reviewEntries()).keys()], [ARABIC, 'elsewhere/other.txt']);

    assert.equal((await item())?.contextValue, 'corpusDocument.unreviewed');
    assert.equal((await item())?.icon, 'circle-outline');
  });

  test('the Documents tree sorts by date or by name, and shows the date in the description', async () => {
    const first = await vscode.commands.executeCommand<string>('corpusLens.toggleDocumentsSort');
    const second = await vscode.commands.executeCommand<string>('corpusLens.toggleDocumentsSort');
    assert.deepEqual([first, second].sort(), ['date', 'name']);
    const info = await vscode.commands.executeCommand<{ description: string }>('corpusLens.documentTreeItem', file(WEATHER));
    assert.match(info!.description, /^(undated|\d{4}(-\d\d){0,2}( \(.+\))?) · \d+ entit(y|ies)$/);
  });

  test('Search Entities finds "cavusoglu" and opens a mention of Mevlüt Çavuşoğlu', async () => {
    const id = await vscode.commands.executeCommand<string>('corpusLens.searchEntities', 'cavusoglu', { accept: true });
    assert.equal(id, 'person.mevlut-cavusoglu');
    const editor = await until(() => vscode.window.activeTextEditor, 'an editor');
    const start = editor.document.offsetAt(editor.selection.start);
    const end = editor.document.offsetAt(editor.selection.end);
    const mention = api.service.index.mentionsOf('person.mevlut-cavusoglu').find((m) => m.documentId === editor.document.uri.toString() && m.start === start && m.end === end);
    assert.ok(mention, `selection ${start}-${end} in ${editor.document.uri.path} is not a mention of person.mevlut-cavusoglu`);
  });

  test('Export Mentions writes JSON Lines, CSV and a Web Annotation collection', async () => {
    const jsonl = file('.corpus', 'export', 'mentions.jsonl');
    const out = await vscode.commands.executeCommand<{ mentions: number }>('corpusLens.exportMentions', { format: 'jsonl', target: jsonl });
    assert.ok(out && out.mentions > 0);
    const rows = (await readText(jsonl)).trimEnd().split('\n').map((l) => JSON.parse(l) as { document: string; entity: string });
    assert.equal(rows.length, out.mentions);
    assert.ok(rows.some((r) => r.document === ARABIC && r.entity === 'person.sergey-lavrov'));

    const csv = file('.corpus', 'export', 'mentions.csv');
    await vscode.commands.executeCommand('corpusLens.exportMentions', { format: 'csv', target: csv });
    const lines = (await readText(csv)).trimEnd().split('\n');
    assert.equal(lines[0], 'document,entity,name,type,start,end,text,clitic,boilerplate');
    assert.equal(lines.length, out.mentions + 1);

    const anno = file('.corpus', 'export', 'mentions.jsonld');
    await vscode.commands.executeCommand('corpusLens.exportMentions', { format: 'webannotation', target: anno });
    // A second run on the same target, confirmed in advance (a scripted target would otherwise ask).
    await vscode.commands.executeCommand('corpusLens.exportMentions', { format: 'webannotation', target: anno, overwrite: true });
    const collection = JSON.parse(await readText(anno));
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.first.items.length, collection.total);
    const lavrov = collection.first.items.find((a: { target: { source: string }; body: Array<{ source?: string }> }) => a.target.source === ARABIC && a.body[0]!.source === 'person.sergey-lavrov');
    assert.ok(lavrov);
    const [quote, position] = lavrov.target.selector;
    const text = await readText(file(ARABIC));
    assert.equal([...text].slice(position.start, position.end).join(''), quote.exact);
    assert.equal(quote.exact, 'سيرغي لافروف');
  });
});
