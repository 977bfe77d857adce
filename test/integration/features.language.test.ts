/// <reference types="mocha" />
// Named to sort after extension.test.ts, whose activation test must run before anything activates the extension.
// The corpus-text language in a real VS Code: corpus .txt documents switch to it, its word
// pattern keeps Arabic words with clitics, harakat and tatweel whole, and hover cards work on
// it (and can be turned off). The document is created at test time and deleted after.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, openNewDocument, until } from './helpers';

const FILE = 'language-note.txt';
const TEXT = "قالَ وزيـــر الخارجية إن الوفد وصل بإدلب، ثم التقى سيرغي لافروف في موسكو.\nThe road to Ma'arrat al-Numan.";

async function setWorkspaceSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Workspace);
}

suite('Corpus Text language', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  /** The open document for `uri` as the extension host sees it now. */
  const current = (): vscode.TextDocument | undefined => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const languageBecomes = (language: string): Promise<vscode.TextDocument> =>
    until(() => (current()?.languageId === language ? current() : undefined), `language ${language}`);

  suiteSetup(async () => {
    ({ uri } = await openNewDocument(FILE, TEXT));
  });

  suiteTeardown(async () => {
    // Its own editor, whichever is active now: the tests typed into it, and an editor left
    // open with changes would outlive the file.
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('the language is contributed', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('corpus-text'));
  });

  test('a .txt document of the corpus opens as corpus-text', async () => {
    document = await languageBecomes('corpus-text');
  });

  test('a plain-text document outside the corpus stays plaintext', async () => {
    const untitled = await vscode.workspace.openTextDocument({ language: 'plaintext', content: TEXT });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(untitled.languageId, 'plaintext');
  });

  test('the word under the cursor is the whole Arabic word, clitic, harakat and tatweel included', () => {
    const word = (needle: string, inside = 2): string => {
      const range = document.getWordRangeAtPosition(document.positionAt(TEXT.indexOf(needle) + inside));
      assert.ok(range, `no word at «${needle}»`);
      return document.getText(range);
    };
    // The Arabic comma is not part of the word (the default pattern only knows ASCII punctuation).
    assert.equal(word('بإدلب'), 'بإدلب');
    assert.equal(word('وزيـــر', 4), 'وزيـــر');
    assert.equal(word('قالَ'), 'قالَ');
    assert.equal(word("Ma'arrat"), "Ma'arrat");
  });

  test('a hover on the إ of «بإدلب» shows the Idlib card', async () => {
    const text = await hoverText(document, TEXT.indexOf('بإدلب') + 1);
    assert.match(text, /Idlib/);
  });

  test('a hover on the second word of «سيرغي لافروف» shows the Lavrov card', async () => {
    const text = await hoverText(document, TEXT.indexOf('لافروف') + 2);
    assert.match(text, /Sergey Lavrov/);
  });

  test('corpusLens.hover.enabled: false turns hover cards off', async () => {
    const offset = TEXT.indexOf('لافروف') + 2;
    try {
      await setWorkspaceSetting('corpusLens.hover.enabled', false);
      await until(async () => ((await hoverText(document, offset)) === '' ? true : undefined), 'hovers to stop');
    } finally {
      await setWorkspaceSetting('corpusLens.hover.enabled', undefined);
    }
    await until(async () => (/Lavrov/.test(await hoverText(document, offset)) ? true : undefined), 'hovers to come back');
  });

  test('the language configuration is loaded: typing « closes it with »', async () => {
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', { text: ' «' });
    await until(() => (document.getText().endsWith(' «»') ? true : undefined), 'the auto-closed »', 5_000);
  });

  test('corpusLens.useCorpusLanguage: false switches the document back to plaintext, true to corpus-text again', async () => {
    try {
      await setWorkspaceSetting('corpusLens.useCorpusLanguage', false);
      await languageBecomes('plaintext');
    } finally {
      await setWorkspaceSetting('corpusLens.useCorpusLanguage', undefined);
    }
    document = await languageBecomes('corpus-text');
  });

  test('a language the user picks afterwards is kept', async () => {
    await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(current()?.languageId, 'plaintext', 'the extension switched it back to corpus-text');
  });
});
