/// <reference types="mocha" />
// The timeline in a real VS Code: the command opens the webview, the webview really renders
// (it reports `rendered` back through postMessage), and opening an event selects its passage.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension/extension';
import { DEFAULT_FILTER } from '../../src/webview/protocol';
import { EXTENSION_ID, waitFor } from './helpers';


suite('Timeline', () => {
  let api: CorpusLensApi;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<CorpusLensApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    await api.service.start();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('corpusLens.showTimeline'));
    assert.ok(commands.includes('corpusLens.showOnTimeline'));
  });

  test('"Show Timeline" opens the panel and the webview draws the events', async () => {
    await vscode.commands.executeCommand('corpusLens.showTimeline');
    assert.ok(api.timeline.isOpen, 'the panel did not open');
    const count = await api.timeline.whenRendered(20_000);
    assert.ok(count > 0, `rendered ${count} events`);
    assert.ok(api.timeline.events().length >= count);
  });

  test('a panel VS Code restores after a reload becomes the timeline again and draws the events', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => !api.timeline.isOpen, 5_000);
    // What the registered serializer receives on a reload: a panel of our view type, no page yet.
    const restored = vscode.window.createWebviewPanel('corpusLens.timeline', 'Corpus Timeline', vscode.ViewColumn.Active, {});
    api.timeline.restore(restored);
    assert.ok(api.timeline.isOpen);
    const count = await api.timeline.whenRendered(20_000);
    assert.ok(count > 0, `rendered ${count} events`);
    assert.equal(restored.webview.options.enableScripts, true);
    assert.match(restored.webview.html, /Content-Security-Policy/);
  });

  test('a timeline over the draw limit reaches the webview as a sample of what its filter shows', async () => {
    await vscode.commands.executeCommand('corpusLens.showTimeline');
    const whole = await api.timeline.whenRendered(20_000);
    const all = api.timeline.events().length;
    assert.ok(all > 3, `${all} events`);
    const limit = api.timeline.drawLimit;
    api.timeline.drawLimit = 3;
    try {
      // The page reports a filter change; the host answers with a sample for it.
      await api.timeline.handle({ type: 'filterChanged', state: DEFAULT_FILTER });
      // (Those of the 3 outside the page's window are not drawn.)
      assert.ok(await waitFor(() => api.timeline.lastRendered !== undefined && api.timeline.lastRendered <= 3, 15_000), `rendered ${api.timeline.lastRendered}`);
      const sample = api.timeline.sentEvents();
      assert.equal(sample.length, 3);
      const events = api.timeline.events();
      assert.equal(sample[0], events[0], 'the sample starts with the first event');
      assert.equal(sample[2], events[events.length - 1], 'and ends with the last');
      // Two changes at once: the page ends with the later one's data, whatever became of the earlier.
      await Promise.all([
        api.timeline.handle({ type: 'filterChanged', state: { ...DEFAULT_FILTER, text: 'no label holds this' } }),
        api.timeline.handle({ type: 'filterChanged', state: DEFAULT_FILTER }),
      ]);
      assert.deepEqual(api.timeline.sentEvents(), sample);
      // With it, the documents of the sample only, not every document of the corpus.
      const sampleDocuments = new Set(sample.map((e) => e.documentId).filter((id) => id !== undefined));
      assert.deepEqual(new Set(api.timeline.sentDocuments().map((d) => d.id)), sampleDocuments);
    } finally {
      api.timeline.drawLimit = limit;
      await api.timeline.handle({ type: 'filterChanged', state: DEFAULT_FILTER });
    }
    // Back under the limit: everything again.
    assert.ok(await waitFor(() => api.timeline.lastRendered === whole, 15_000), `rendered ${api.timeline.lastRendered} of ${whole}`);
    assert.equal(api.timeline.sentEvents().length, all);
  });

  test('the document box finds documents through the host, any spelling, only documents with events', async () => {
    await vscode.commands.executeCommand('corpusLens.showTimeline');
    await api.timeline.whenRendered(20_000);
    // The fixture's first line names «مولود جاويش أوغلو»: asked without the hamza, as people type it.
    await api.timeline.handle({ type: 'findDocuments', query: 'جاويش اوغلو' });
    const found = api.timeline.lastDocumentMatches;
    assert.equal(found?.query, 'جاويش اوغلو');
    assert.deepEqual(found.documents.map((d) => d.path), ['lavrov-cavusoglu-arabic.txt']);
    await api.timeline.handle({ type: 'findDocuments', query: '' });
    const all = api.timeline.lastDocumentMatches!;
    const withEvents = new Set(api.timeline.events().map((e) => e.documentId));
    assert.ok(all.documents.length > 0 && all.total === all.documents.length);
    for (const d of all.documents) assert.ok(withEvents.has(d.id), `${d.path} is offered but has no event`);
    // The host treats the query as untrusted input like any other message.
    await api.timeline.handle({ type: 'findDocuments', query: 'x'.repeat(5_000) });
    assert.equal(api.timeline.lastDocumentMatches?.query, '');
  });

  test('opening an event selects its sentence in its document', async () => {
    const event = api.timeline.events().find((e) => e.kind === 'mention' && e.documentId?.endsWith('lavrov-cavusoglu-arabic.txt'));
    assert.ok(event && event.range && event.documentId, `no dated sentence from the Arabic fixture among ${api.timeline.events().length} events`);
    await api.timeline.handle({ type: 'open', eventId: event.id });
    const ok = await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === event.documentId, 5_000);
    assert.ok(ok, `active editor is ${vscode.window.activeTextEditor?.document.uri.toString()}`);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.offsetAt(editor.selection.start), event.range.start);
    assert.equal(editor.document.offsetAt(editor.selection.end), event.range.end);
    assert.ok(editor.document.getText(editor.selection).includes('29 ديسمبر 2018'));
    // The passage opens beside the timeline, which stays in view.
    const timelineGroup = vscode.window.tabGroups.all.find((g) => g.activeTab?.label === 'Corpus Timeline');
    assert.ok(timelineGroup, `timeline tab not in view: ${vscode.window.tabGroups.all.map((g) => g.activeTab?.label).join(', ')}`);
    assert.notEqual(timelineGroup.viewColumn, editor.viewColumn);
  });

  test('a document changed on disk gets its new sentences on the timeline; a deleted one leaves it', async () => {
    await vscode.commands.executeCommand('corpusLens.showTimeline');
    await api.timeline.whenRendered(20_000);
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const uri = vscode.Uri.joinPath(folder, 'timeline-change.txt');
    const id = uri.toString();
    const eventsOf = (): Array<{ date: string; label: string }> => api.timeline.events().filter((e) => e.kind === 'mention' && e.documentId === id);
    const write = (text: string): Thenable<void> => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await write('وقّع الوزيران مذكرة التفاهم في 12 آذار/مارس 2019 في أنقرة بعد محادثات طويلة.\n');
      assert.ok(await waitFor(() => eventsOf().some((e) => e.date === '2019-03-12' && e.label.includes('أنقرة')), 20_000), JSON.stringify(eventsOf()));
      await write('التقى الوزيران مجدداً في 3 نيسان/أبريل 2019 في موسكو لمتابعة التنفيذ.\n');
      const updated = await waitFor(() => {
        const events = eventsOf();
        return events.length === 1 && events[0]!.date === '2019-04-03' && events[0]!.label.includes('موسكو');
      }, 20_000);
      assert.ok(updated, JSON.stringify(eventsOf()));
      await vscode.workspace.fs.delete(uri);
      assert.ok(await waitFor(() => eventsOf().length === 0, 20_000), JSON.stringify(eventsOf()));
    } finally {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  test('a change reaches the page as a patch of what it holds, and the page draws it; a resync sends everything', async () => {
    await vscode.commands.executeCommand('corpusLens.showTimeline');
    await api.timeline.whenRendered(20_000);
    const before = api.timeline.sentEvents().length;
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const uri = vscode.Uri.joinPath(folder, 'timeline-patch.txt');
    const posted = api.timeline.updatesPosted;
    try {
      // One dated sentence in a document with no other date: one new event (and the document's own).
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('اجتمع الوزيران في 5 أيار/مايو 2017 في أستانا.\n'));
      const sent = await waitFor(() => api.timeline.sentEvents().some((e) => e.documentId === uri.toString()), 20_000);
      assert.ok(sent, 'the new document’s events were not posted');
      const held = (): boolean => api.timeline.lastHeld === api.timeline.sentEvents().length;
      assert.ok(await waitFor(held, 15_000), `the page holds ${api.timeline.lastHeld} events, the host sent ${api.timeline.sentEvents().length}`);
      const now = api.timeline.updatesPosted;
      assert.ok(now.patch > posted.patch, `patches ${posted.patch} → ${now.patch}`);
      assert.equal(now.whole, posted.whole, 'the page asked for the whole data: the patch did not fit what it held');
      // A page that cannot apply a patch asks for everything, and gets it.
      await api.timeline.handle({ type: 'resync' });
      assert.equal(api.timeline.updatesPosted.whole, now.whole + 1);
    } finally {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
    const back = await waitFor(() => api.timeline.sentEvents().length === before && api.timeline.lastHeld === before, 15_000);
    assert.ok(back, `after the delete the host sent ${api.timeline.sentEvents().length} events and the page holds ${api.timeline.lastHeld}, expected ${before}`);
  });

  test('messages naming unknown events are ignored', async () => {
    const before = vscode.window.activeTextEditor;
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await api.timeline.handle({ type: 'open', eventId: 'm:file:///etc/passwd@0' });
    await api.timeline.handle({ type: 'export', format: 'svg', eventIds: [], svg: '<script>alert(1)</script>' });
    await new Promise((r) => setTimeout(r, 300));
    assert.notEqual(vscode.window.activeTextEditor?.document.uri.toString(), 'file:///etc/passwd');
    assert.ok(before);
  });

  test('closing the panel while it reads the corpus stops the reading; opening it again finishes it', async function () {
    this.timeout(90_000);
    const config = vscode.workspace.getConfiguration('corpusLens');
    await config.update('keepTextsMB', 0, vscode.ConfigurationTarget.Workspace); // every text is read from disk
    const folders: vscode.Uri[] = [];
    try {
      let stopped: NonNullable<CorpusLensApi['timeline']['collection']> | undefined;
      // New documents each time (the timeline keeps what it has read): the close must come before the reading ends.
      for (let attempt = 0; attempt < 3 && !stopped; attempt++) {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await waitFor(() => !api.timeline.isOpen, 5_000);
        const dir = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, `timeline-bulk-${attempt}`);
        folders.push(dir);
        const before = api.service.index.size;
        await Promise.all(Array.from({ length: 300 }, (_, k) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, `d-${k}.txt`), new TextEncoder().encode(`وصل الوفد إلى أنقرة يوم ${1 + (k % 28)} أيلول 2018.\n`.repeat(20)))));
        assert.ok(await waitFor(() => api.service.index.size >= before + 300 && !api.service.indexing, 30_000), 'the watcher did not index the new documents');
        await vscode.commands.executeCommand('corpusLens.showTimeline');
        assert.ok(await waitFor(() => api.timeline.collection?.state === 'running' && api.timeline.collection.done > 0, 20_000), 'the reading did not start');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await waitFor(() => api.timeline.collection?.state !== 'running', 20_000);
        if (api.timeline.collection?.state === 'stopped') stopped = { ...api.timeline.collection };
      }
      assert.ok(stopped, 'the reading always ended before the panel closed');
      assert.ok(stopped.done < stopped.total, `read ${stopped.done} of ${stopped.total}`);
      await vscode.commands.executeCommand('corpusLens.showTimeline');
      assert.ok((await api.timeline.whenRendered(30_000)) > 0);
      assert.equal(api.timeline.collection?.state, 'finished');
    } finally {
      await config.update('keepTextsMB', undefined, vscode.ConfigurationTarget.Workspace);
      for (const dir of folders) await vscode.workspace.fs.delete(dir, { recursive: true }).then(undefined, () => undefined);
    }
  });

  test('"Show on Timeline" filters the timeline to one entity', async () => {
    await vscode.commands.executeCommand('corpusLens.showTimeline');
    const all = await api.timeline.whenRendered(20_000);
    await vscode.commands.executeCommand('corpusLens.showOnTimeline', 'person.sergey-lavrov');
    const narrowed = await waitFor(() => (api.timeline.lastRendered ?? 0) > 0 && (api.timeline.lastRendered ?? 0) < all, 15_000);
    assert.ok(narrowed, `rendered ${api.timeline.lastRendered} of ${all} after focusing on Lavrov`);
  });
});
