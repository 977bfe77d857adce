/// <reference types="mocha" />
// Named to sort after extension.test.ts, whose activation test must run before anything activates the extension.
// Editor features in a real VS Code: hover cards, next/previous mention on live text, and
// catalog problems in the Problems panel. Uses the fixture workspace (a copy per run).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, folder, hoverText, until } from './helpers';

const ARABIC = 'lavrov-cavusoglu-arabic.txt';

suite('Editor features', () => {
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await vscode.commands.executeCommand('corpusLens.rebuildIndex');
    document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), ARABIC));
    await vscode.window.showTextDocument(document);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a hover on «لافروف» shows the catalog card for Sergey Lavrov', async () => {
    const offset = document.getText().indexOf('لافروف') + 2;
    const text = await hoverText(document, offset);
    assert.match(text, /Sergey Lavrov/);
    assert.match(text, /\*Person\*/);
    assert.match(text, /mention/);
    // Arabic runs are isolated: the hover sanitizer drops `dir`.
    assert.ok(text.includes('\u2068سيرغي لافروف\u2069'), `no isolated Arabic name in:\n${text}`);
  });

  test('no hover away from a mention', async () => {
    const offset = document.getText().indexOf('التقى') + 1;
    assert.equal(await hoverText(document, offset), '');
  });

  test('Next Mention walks the mentions in order and wraps around', async () => {
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const seen: string[] = [];
    for (let k = 0; k < 6; k++) {
      await vscode.commands.executeCommand('corpusLens.nextMention');
      seen.push(document.getText(editor.selection));
    }
    assert.deepEqual(seen.slice(0, 5), ['سيرغي لافروف', 'مولود جاويش أوغلو', 'موسكو', 'سوريا', 'سيرغي لافروف']);
    await vscode.commands.executeCommand('corpusLens.previousMention');
    assert.equal(document.getText(editor.selection), 'سيرغي لافروف');
  });

  test('unsaved edits are analysed from the live text', async () => {
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'وصل إردوغان إلى أنقرة. '));
    assert.ok(document.isDirty);
    const text = await hoverText(document, document.getText().indexOf('أنقرة') + 1);
    assert.match(text, /Ankara/);
  });
});

suite('Catalog problems', () => {
  const catalogUri = (): vscode.Uri => vscode.Uri.joinPath(folder(), '.corpus', 'catalog.json');

  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), '.corpus'), { recursive: true }).then(undefined, () => undefined);
  });

  test('an invalid workspace catalog is reported at its line and column, and its valid entities work', async () => {
    const text = [
      '{',
      '  "entities": [',
      '    { "id": "place.atlantis", "type": "place", "names": { "en": "Atlantis", "ar": "أتلانتس" } },',
      '    { "id": "place.bad", "type": "city", "names": { "en": "Bad" } }',
      '  ]',
      '}',
    ].join('\n');
    await vscode.workspace.fs.writeFile(catalogUri(), new TextEncoder().encode(text));
    const diagnostics = await until(() => {
      const d = vscode.languages.getDiagnostics(catalogUri());
      return d.length > 0 ? d : undefined;
    }, 'catalog diagnostics');
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.equal(d!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d!.source, 'Corpus Lens');
    assert.equal(d!.range.start.line, 3);
    assert.equal(d!.range.start.character, 33);
    assert.match(d!.message, /"type" must be one of/);

    const note = vscode.Uri.joinPath(folder(), 'atlantis-note.txt');
    await vscode.workspace.fs.writeFile(note, new TextEncoder().encode('زار الوفد أتلانتس أمس.'));
    const opened = await vscode.workspace.openTextDocument(note);
    const text2 = await until(async () => {
      const t = await hoverText(opened, opened.getText().indexOf('أتلانتس') + 1);
      return /Atlantis/.test(t) ? t : undefined;
    }, 'a hover from the workspace catalog');
    assert.match(text2, /Atlantis/);
    await vscode.workspace.fs.delete(note);
  });

  test('fixing the catalog clears the problem', async () => {
    await vscode.workspace.fs.writeFile(catalogUri(), new TextEncoder().encode('{ "entities": [] }\n'));
    await until(() => (vscode.languages.getDiagnostics(catalogUri()).length === 0 ? true : undefined), 'diagnostics to clear');
  });
});

suite('Entities view', () => {
  test('lists entity types and entities with their mention counts', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await vscode.commands.executeCommand('corpusLens.rebuildIndex');
    type Row = { label: string; description: string; contextValue: string; children?: Row[] };
    const rows = await vscode.commands.executeCommand<Row[]>('corpusLens.entityTreeSnapshot');
    const people = rows.find((r) => r.label === 'People');
    assert.ok(people, `no People group in ${JSON.stringify(rows.map((r) => r.label))}`);
    assert.equal(people.contextValue, 'corpusEntityType');
    assert.equal(people.description, String(people.children?.length));
    const lavrov = people.children?.find((c) => c.label.includes('سيرغي لافروف'));
    assert.ok(lavrov, 'Lavrov is not listed under People');
    // One mention in the Arabic fixture, one in the English one.
    const { service } = await api();
    const where = service.index.mentionsOf('person.sergey-lavrov').map((m) => `${service.index.get(m.documentId)?.path}: ${m.text}`);
    assert.match(lavrov.description, /Sergey Lavrov · 2$/, `mentions: ${where.join(' | ')}`);
    assert.equal(lavrov.contextValue, 'corpusEntity.person');
    assert.ok(rows.some((r) => r.label === 'Places' && r.children?.some((c) => c.description.startsWith('Moscow'))));
  });

  test('an entity with many mentions lists its documents, and a long list comes a page at a time', async () => {
    const { service } = await api();
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'many-idlib.txt');
    // 250 mentions of Idlib in one document: past the 100 an entity lists directly, past a page of 200.
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('تقرير عن إدلب\n' + 'القصف في إدلب مستمر.\n'.repeat(249)));
    try {
      await service.rebuild({ progress: false });
      // The file watcher, or a rebuild still running from the test before, may be the one that indexes it.
      await until(() => service.index.mentionsIn('place.idlib', uri.toString()).length === 250 || undefined, 'the 250 mentions in the index');
      type Row = { label: string; description: string; contextValue: string; children?: Row[] };
      const rows = await vscode.commands.executeCommand<Row[]>('corpusLens.entityTreeSnapshot', 'place.idlib');
      assert.ok(rows.length > 0 && rows.every((r) => r.contextValue === 'corpusEntityDocument'), JSON.stringify(rows.map((r) => r.contextValue)));
      const many = rows.find((r) => r.label.includes('تقرير عن إدلب'));
      assert.ok(many, `no row for the new document among ${rows.map((r) => r.label).join(', ')}`);
      assert.equal(many.description, '250 mentions');
      assert.equal(many.children?.length, 201);
      assert.ok(many.children!.slice(0, 200).every((c) => c.contextValue === 'corpusMention' && c.label.includes('إدلب')));
      assert.equal(many.children![200]!.label, '50 more…');
      assert.equal(many.children![200]!.contextValue, 'corpusMore');
    } finally {
      await vscode.workspace.fs.delete(uri);
      await service.rebuild({ progress: false });
    }
  });
});
