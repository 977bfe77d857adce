/// <reference types="mocha" />
// Named to sort after extension.test.ts, whose activation test must run before anything activates the extension.
// The reliability matrix in a real VS Code: settings of the wrong type, a catalog path that
// leaves the workspace, hostile text in a document title and a catalog entity, and a file
// rewritten while the index is rebuilt. Everything a test creates in the fixture copy
// (settings, catalogs, documents) is removed or restored afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, encode, file, folder, hoverText, sleep, until } from './helpers';

const FSI = '\u2068';
const PDI = '\u2069';


async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

/** Saves a file (or its absence) and puts it back: for files other suites may also own. */
async function snapshot(uri: vscode.Uri): Promise<() => Promise<void>> {
  const before = await vscode.workspace.fs.readFile(uri).then(
    (b) => b,
    () => undefined,
  );
  const parent = vscode.Uri.joinPath(uri, '..');
  const parentExisted = await exists(parent);
  return async () => {
    if (before) await vscode.workspace.fs.writeFile(uri, before);
    else {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      if (!parentExisted) await vscode.workspace.fs.delete(parent, { recursive: true }).then(undefined, () => undefined);
    }
  };
}

/** Sets a Workspace setting; if VS Code refuses a value against the schema, writes settings.json itself. */
async function setWorkspaceSettings(values: Record<string, unknown>): Promise<'api' | 'file'> {
  const config = vscode.workspace.getConfiguration('corpusLens');
  try {
    for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Workspace);
    return 'api';
  } catch {
    const settings = file('.vscode', 'settings.json');
    const current = await vscode.workspace.fs.readFile(settings).then(
      (b) => JSON.parse(new TextDecoder().decode(b) || '{}') as Record<string, unknown>,
      () => ({}) as Record<string, unknown>,
    );
    for (const [key, value] of Object.entries(values)) current[`corpusLens.${key}`] = value;
    const changed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeConfiguration((e) => {
        if (Object.keys(values).some((k) => e.affectsConfiguration(`corpusLens.${k}`))) {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.workspace.fs.writeFile(settings, encode(JSON.stringify(current, null, 2)));
    await Promise.race([changed, sleep(10_000)]);
    return 'file';
  }
}

suite('Reliability: settings and catalog paths', () => {
  let restoreSettings: () => Promise<void>;

  suiteSetup(async () => {
    await api();
    restoreSettings = await snapshot(file('.vscode', 'settings.json'));
  });

  suiteTeardown(async () => {
    const config = vscode.workspace.getConfiguration('corpusLens');
    for (const key of ['maxFileSizeMB', 'include', 'catalogPaths']) {
      await config.update(key, undefined, vscode.ConfigurationTarget.Workspace).then(undefined, () => undefined);
    }
    await restoreSettings();
    await vscode.commands.executeCommand('corpusLens.rebuildIndex');
  });

  test('settings of the wrong type, and globs with unbalanced braces or brackets, fall back to their defaults, with a warning, and indexing still works', async () => {
    const { service } = await api();
    // The extension gets this same `vscode` API object (the tests run from its folder): record its warnings.
    const warnings: string[] = [];
    const original = vscode.window.showWarningMessage;
    const patched = ((message: string, ...rest: unknown[]) => {
      warnings.push(message);
      return (original as (m: string, ...r: unknown[]) => Thenable<unknown>)(message, ...rest);
    }) as typeof vscode.window.showWarningMessage;
    (vscode.window as { showWarningMessage: typeof patched }).showWarningMessage = patched;
    assert.equal(vscode.window.showWarningMessage, patched, 'cannot record warnings');
    try {
      await setWorkspaceSettings({ maxFileSizeMB: 'big', include: 42, exclude: '**/{node_modules,.git' });
      const config = vscode.workspace.getConfiguration('corpusLens');
      assert.equal(config.get('maxFileSizeMB'), 'big');
      assert.equal(config.get('include'), 42);
      const summary = await vscode.commands.executeCommand<{ documents: number; skipped: number }>('corpusLens.rebuildIndex');
      assert.ok(summary.documents >= 3, `documents: ${JSON.stringify(summary)}`);
      assert.equal(summary.skipped, 0, `skipped: ${JSON.stringify([...service.skippedFiles])}`);
      for (const name of ['lavrov-cavusoglu-arabic.txt', 'lavrov-cavusoglu-english.txt', 'weather-note.txt']) {
        assert.ok(service.index.get(file(name).toString()), `${name} is not indexed`);
      }
      const expected = [
        'Corpus Lens: Setting corpusLens.maxFileSizeMB has an invalid value ("big"); using the default 20.',
        'Corpus Lens: Setting corpusLens.include has an invalid value (42); using the default "**/*.txt".',
        'Corpus Lens: Setting corpusLens.exclude has an invalid value ("**/{node_modules,.git"); using the default "**/{node_modules,.git,.corpus}/**".',
      ];
      await until(() => (expected.every((w) => warnings.includes(w)) ? true : undefined), `the three settings warnings; seen: ${JSON.stringify(warnings)}`, 5_000);
    } finally {
      (vscode.window as { showWarningMessage: typeof patched }).showWarningMessage = original;
      const config = vscode.workspace.getConfiguration('corpusLens');
      await config.update('maxFileSizeMB', undefined, vscode.ConfigurationTarget.Workspace).then(undefined, () => undefined);
      await config.update('include', undefined, vscode.ConfigurationTarget.Workspace).then(undefined, () => undefined);
      await config.update('exclude', undefined, vscode.ConfigurationTarget.Workspace).then(undefined, () => undefined);
    }
  });

  test('a catalog path that leaves the workspace folder is ignored; one inside is loaded', async () => {
    const { service } = await api();
    const outside = vscode.Uri.joinPath(folder(), '..', 'outside.json');
    const inside = file('reliability-inside.json');
    const catalog = (id: string, en: string): Uint8Array =>
      encode(JSON.stringify({ entities: [{ id, type: 'place', names: { en, ar: en === 'Outside Marker' ? 'خارجستان' : 'داخلستان' } }] }));
    await vscode.workspace.fs.writeFile(outside, catalog('place.reliability-outside-marker', 'Outside Marker'));
    await vscode.workspace.fs.writeFile(inside, catalog('place.reliability-inside-marker', 'Inside Marker'));
    try {
      await setWorkspaceSettings({ catalogPaths: ['../outside.json', 'sub/../../outside.json', 'reliability-inside.json'] });
      await vscode.commands.executeCommand('corpusLens.rebuildIndex');
      assert.ok(service.catalog.get('place.reliability-inside-marker'), 'the catalog inside the workspace was not loaded');
      assert.equal(service.catalog.get('place.reliability-outside-marker'), undefined, 'a catalog outside the workspace was loaded');
      assert.ok(!service.catalog.aliases().some((a) => a.text === 'Outside Marker' || a.text === 'خارجستان'));
    } finally {
      await vscode.workspace.getConfiguration('corpusLens').update('catalogPaths', undefined, vscode.ConfigurationTarget.Workspace).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(outside).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(inside).then(undefined, () => undefined);
    }
    await vscode.commands.executeCommand('corpusLens.rebuildIndex');
    assert.equal(service.catalog.get('place.reliability-inside-marker'), undefined);
  });
});

suite('Reliability: hostile text', () => {
  const IMG = '<img src=x onerror=alert(1)>';
  const LINK = '[click](command:workbench.action.terminal.new)';
  const REST = '$(alert) **bold** _it_ `code` javascript:alert(1)';
  const TITLE = `${IMG} ${LINK} ${REST} زنوبيا`;
  const doc = (): vscode.Uri => file('hostile-title.txt');
  let restoreCatalog: () => Promise<void>;

  suiteSetup(async () => {
    await api();
    restoreCatalog = await snapshot(file('.corpus', 'catalog.json'));
    const catalog = {
      entities: [
        {
          id: 'person.zenobia',
          type: 'person',
          names: { ar: 'زنوبيا', en: `${IMG} ${LINK}` },
          aliases: [{ text: REST, ambiguous: true }],
          description: { en: `${REST} ${LINK}` },
        },
      ],
    };
    await vscode.workspace.fs.writeFile(file('.corpus', 'catalog.json'), encode(JSON.stringify(catalog, null, 2)));
    await vscode.workspace.fs.writeFile(doc(), encode(`${TITLE}\n\nوصلت زنوبيا أمس.\n`));
    await vscode.commands.executeCommand('corpusLens.rebuildIndex');
    // Writing the catalog also starts a rebuild from the file watcher, which may supersede the
    // command's own (it then resolves with { cancelled: true } and the old index): wait for it.
    const { service } = await api();
    await until(() => (service.index.get(doc().toString()) && service.catalog.get('person.zenobia') && !service.indexing ? true : undefined), 'the hostile document in the index');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(doc()).then(undefined, () => undefined);
    await restoreCatalog();
    await vscode.commands.executeCommand('corpusLens.rebuildIndex');
  });

  test('the Documents tree label is the raw title as plain text, with isolates only', async () => {
    const item = await vscode.commands.executeCommand<{ label: string; description: string; contextValue: string; icon: string }>('corpusLens.documentTreeItem', doc());
    assert.ok(item, 'no tree item for the hostile document');
    assert.equal(item.label, `${FSI}${TITLE}${PDI}`);
    assert.equal(item.description, 'undated · 1 entity');
    assert.equal(item.contextValue, 'corpusDocument.unreviewed');
  });

  test('the hover on a mention of the hostile entity shows its text escaped, with no foreign command link', async () => {
    const { service } = await api();
    assert.ok(service.catalog.get('person.zenobia'), 'the workspace catalog entity is not loaded');
    const document = await vscode.workspace.openTextDocument(doc());
    await vscode.window.showTextDocument(document);
    const offset = document.getText().lastIndexOf('زنوبيا') + 2;
    const text = await until(async () => {
      const t = await hoverText(document, offset);
      return t.includes('Person') ? t : undefined;
    }, 'the hover card');
    const IMG_ESC = '\\<img src\\=x onerror\\=alert\\(1\\)\\>';
    const LINK_ESC = '\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)';
    const REST_ESC = '\\$\\(alert\\) \\*\\*bold\\*\\* \\_it\\_ \\`code\\` javascript\\:alert\\(1\\)';
    assert.ok(text.includes(`**${FSI}زنوبيا${PDI}** · ${IMG_ESC} ${LINK_ESC}`), `no escaped name line in:\n${text}`);
    assert.ok(text.includes(`${REST_ESC} ${LINK_ESC}`), `no escaped description in:\n${text}`);
    assert.ok(text.includes(`**Also written:** ${REST_ESC}`), `no escaped alias in:\n${text}`);
    // The document link label is the title, escaped; only our own command is linked.
    assert.ok(text.includes(`- [${FSI}${IMG_ESC} ${LINK_ESC} ${REST_ESC} زنوبيا${PDI}](command:corpusLens.openMention?`), `no escaped title link in:\n${text}`);
    assert.ok(!text.includes('](command:workbench'), `a workbench command link in:\n${text}`);
    const targets = [...text.matchAll(/\]\(([a-z]+:[^?\s)]*)/gi)].map((m) => m[1]);
    assert.deepEqual([...new Set(targets)], ['command:corpusLens.openMention']);
    assert.ok(!/(^|[^\\])</.test(text), `raw HTML in:\n${text}`);
  });
});

suite('Reliability: a file rewritten during a rebuild', () => {
  // Before the fix, the rebuild put back the text it had read before the rewrite ('قديم دمشق').
  test('a file rewritten while the index is being rebuilt ends up with its final content once the watcher settles', async function () {
    this.timeout(60_000);
    const { service } = await api();
    const bulk = file('reliability-bulk');
    const target = file('rewritten-during-rebuild.txt');
    const id = target.toString();
    const title = (): string | undefined => service.index.get(id)?.title;
    try {
      // Enough documents that the rebuild takes a while, so the rewrite lands while it runs.
      const before = await service.rebuild({ progress: false });
      const body = encode('قال لافروف في موسكو إن المحادثات مع أنقرة مستمرة بشأن إدلب. '.repeat(40));
      await Promise.all(Array.from({ length: 300 }, (_, i) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(bulk, `doc-${i}.txt`), body)));
      await vscode.workspace.fs.writeFile(target, encode('قديم دمشق\n'));
      await until(() => (service.index.size >= before.documents + 301 && title() === 'قديم دمشق' ? true : undefined), 'the watcher to index the new files', 30_000);
      await sleep(1000); // let the watcher's events for the new files settle

      // The rebuild reads the file first (findFiles, which the extension shares with this test
      // through the one `vscode` API object, is wrapped to list it first); the file is rewritten
      // after that read, and the watcher applies the rewrite while the rebuild still works
      // through the other 300 files: their analyses (the service's worker pool, wrapped too)
      // wait until it has, so the race does not depend on how fast the rebuild is.
      const workspace = vscode.workspace as { findFiles: typeof vscode.workspace.findFiles };
      const pool = (service as unknown as { pool: { analyze: (text: unknown, fileName: string, date: unknown, label: string) => Promise<unknown> } }).pool;
      const findFiles = workspace.findFiles;
      const analyze = pool.analyze;
      let openGate = (): void => undefined;
      const gate = new Promise<void>((resolve) => (openGate = resolve));
      workspace.findFiles = async (...args: Parameters<typeof findFiles>) => {
        const found = await findFiles.apply(vscode.workspace, args);
        return [...found.filter((u) => u.toString() === id), ...found.filter((u) => u.toString() !== id)];
      };
      pool.analyze = async (text, fileName, date, label) => {
        if (label.startsWith('reliability-bulk/')) await gate;
        return analyze.call(pool, text, fileName, date, label);
      };
      let rebuilding: Promise<unknown> = Promise.resolve();
      try {
        assert.equal(vscode.workspace.findFiles, workspace.findFiles, 'cannot wrap workspace.findFiles');
        rebuilding = service.rebuild({ progress: false, useCache: false });
        await until(() => (service.indexing ? true : undefined), 'the rebuild to start', 10_000);
        workspace.findFiles = findFiles;
        await sleep(200); // the file is read by now
        await vscode.workspace.fs.writeFile(target, encode('جديد أنقرة\n'));
        await until(() => (title() === 'جديد أنقرة' ? true : undefined), 'the watcher to apply the rewrite');
      } finally {
        workspace.findFiles = findFiles;
        pool.analyze = analyze;
        openGate();
      }
      const raced = service.indexing;
      await rebuilding;
      assert.ok(raced, 'the rebuild ended before the watcher applied the rewrite (too fast to race)');
      await sleep(1500); // no further watcher event is due: the file was written once
      assert.equal(title(), 'جديد أنقرة', 'the rebuild put back the text it had read before the rewrite');
      assert.deepEqual(service.index.get(id)?.mentions.map((m) => m.entityId), ['place.ankara']);
    } finally {
      await vscode.workspace.fs.delete(bulk, { recursive: true }).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
      await service.rebuild({ progress: false });
    }
  });
});
