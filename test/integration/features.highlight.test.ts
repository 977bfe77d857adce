/// <reference types="mocha" />
// Named to sort after extension.test.ts, whose activation test must run before anything activates the extension.
// Entity highlights in a real VS Code. Decorations are write-only in the API, so the test reads
// what the extension applied through its `decorations.appliedRanges` query. The document is
// created at test time (extension.test.ts counts the fixture's documents) and deleted after.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension/extension';
import { openNewDocument, until } from './helpers';

const FILE = 'highlight-note.txt';
const TEXT = 'وصل الوفد بإدلب ثم التقى سيرغي لافروف في موسكو.\nاقرأ أيضاً: خبر آخر عن إدلب';

type Tuple = [number, number, number, number];

/** The range of the first occurrence of `needle` on line 0 of `text`. */
function onFirstLine(text: string, needle: string): Tuple {
  const start = text.split('\n')[0]!.indexOf(needle);
  assert.ok(start >= 0, `«${needle}» not on the first line`);
  return [0, start, 0, start + needle.length];
}

/** What the highlights must show for TEXT with `prefix` typed at the start: line 2 is boilerplate. */
function expected(prefix: string, extraPlaces: Tuple[] = []): Record<string, Tuple[]> {
  const text = prefix + TEXT;
  return {
    // «إدلب» without its ب clitic; the «إدلب» of the boilerplate line is not highlighted.
    place: [...extraPlaces, onFirstLine(text, 'إدلب'), onFirstLine(text, 'موسكو')],
    person: [onFirstLine(text, 'سيرغي لافروف')],
    boilerplate: [[1, 0, 1, TEXT.split('\n')[1]!.length]],
  };
}

suite('Entity highlights', () => {
  let api: CorpusLensApi;
  let uri: vscode.Uri;

  const applied = (): Record<string, Tuple[]> => api.decorations.appliedRanges(uri.toString()) as Record<string, Tuple[]>;

  suiteSetup(async () => {
    ({ api, uri } = await openNewDocument(FILE, TEXT));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('places, the person and the boilerplate line are highlighted, and nothing else', async () => {
    await until(() => (applied().person ? true : undefined), 'highlights on the new document');
    assert.deepEqual(applied(), expected(''));
  });

  test('Toggle Entity Highlights clears them, and toggling again restores them', async () => {
    assert.equal(await vscode.commands.executeCommand('corpusLens.toggleHighlights'), false);
    assert.deepEqual(applied(), {});
    assert.equal(await vscode.commands.executeCommand('corpusLens.toggleHighlights'), true);
    assert.deepEqual(applied(), expected(''));
  });

  test('typing updates the highlights (after the debounce)', async () => {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    assert.ok(editor, 'the document is not visible');
    const prefix = 'أنقرة ';
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), prefix)));
    await until(() => (applied().place?.length === 3 ? true : undefined), 'the highlights to follow the edit');
    assert.deepEqual(applied(), expected(prefix, [[0, 0, 0, 'أنقرة'.length]]));
  });
});
