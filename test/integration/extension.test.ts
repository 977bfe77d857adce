/// <reference types="mocha" />
// Runs inside a real VS Code extension host on test/integration/fixtures/workspace
// (3 .txt documents), using only the public `vscode` API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './helpers';

const FIXTURE_DOCUMENTS = 3;

suite('Corpus Lens extension', () => {
  test('is installed under its id', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not among the loaded extensions`);
    assert.equal(ext.packageJSON.name, 'corpus-lens');
  });

  test('activates on its own in a folder of .txt files (workspaceContains)', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    // No ext.activate() here: the activation event alone must start it.
    const active = await waitFor(() => ext.isActive, 15_000);
    assert.ok(active, 'extension was not activated by its activation events within 15 s');
  });

  test('activate() resolves without throwing', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  test('the fixture workspace is open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'expected exactly one workspace folder');
  });
});

suite('corpusLens.rebuildIndex', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  test('is registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('corpusLens.rebuildIndex'), 'corpusLens.rebuildIndex is not registered');
  });

  test('indexes every .txt document of the fixture workspace', async () => {
    const result = await vscode.commands.executeCommand<{ documents: number; mentions: number }>('corpusLens.rebuildIndex');
    assert.ok(result && typeof result === 'object', `expected { documents, mentions }, got ${JSON.stringify(result)}`);
    assert.equal(typeof result.documents, 'number');
    assert.equal(typeof result.mentions, 'number');
    assert.equal(result.documents, FIXTURE_DOCUMENTS, `documents: ${JSON.stringify(result)}`);
    // Lavrov, Moscow and Syria are in the built-in catalog, in both the Arabic and English fixture.
    assert.ok(result.mentions > 0, `expected catalogued mentions in the fixture, got ${JSON.stringify(result)}`);
  });
});

suite('Corpus views', () => {
  test('the "Corpus" view container opens', async () => {
    const commands = await vscode.commands.getCommands(true);
    // VS Code generates these commands only for contributed containers/views.
    assert.ok(commands.includes('workbench.view.extension.corpusLens'), 'view container corpusLens is not contributed');
    await vscode.commands.executeCommand('workbench.view.extension.corpusLens');
  });

  for (const view of ['corpusLens.documents', 'corpusLens.entities']) {
    test(`view ${view} exists and can be focused`, async () => {
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes(`${view}.focus`), `view ${view} is not contributed`);
      await vscode.commands.executeCommand(`${view}.focus`);
    });
  }
});
