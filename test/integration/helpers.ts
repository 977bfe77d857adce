/**
 * Shared helpers of the integration tests (bundled into each test file). They use only the
 * public `vscode` API of the real extension host.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'corpus-lens.corpus-lens';

/** Activates the extension (if needed) and returns what activate() returned. */
export async function api(): Promise<CorpusLensApi> {
  const ext = vscode.extensions.getExtension<CorpusLensApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  return ext.activate();
}

/** The fixture workspace folder (a fresh copy per run). */
export function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'no workspace folder');
  return f.uri;
}

export const file = (...parts: string[]): vscode.Uri => vscode.Uri.joinPath(folder(), ...parts);
export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something other than undefined or false; throws after the timeout. */
export async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Polls `predicate` until it holds; false (no throw) after the timeout, so callers can say why. */
export async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * Activates the extension and waits for its first index, then writes `text` to `name` in the
 * workspace and shows it in an editor. The caller deletes the file when done.
 */
export async function openNewDocument(name: string, text: string): Promise<{ api: CorpusLensApi; uri: vscode.Uri }> {
  const extensionApi = await api();
  await extensionApi.service.start();
  const uri = file(name);
  await vscode.workspace.fs.writeFile(uri, encode(text));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return { api: extensionApi, uri };
}

/** The Markdown of every hover VS Code's hover providers give at `offset`. */
export async function hoverText(document: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

type ShowMessage = (message: string, ...rest: unknown[]) => Thenable<unknown>;
type MessageKind = 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage';

/**
 * Records the notifications the extension shows of one kind (it gets this same `vscode` API
 * object: the tests run from its folder), still showing them. Call restore() when done.
 */
export function recordMessages(kind: MessageKind): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const window = vscode.window as unknown as Record<MessageKind, ShowMessage>;
  const original = window[kind];
  const patched: ShowMessage = (message, ...rest) => {
    messages.push(message);
    return original.call(vscode.window, message, ...rest);
  };
  window[kind] = patched;
  assert.equal(window[kind], patched, `cannot record vscode.window.${kind}`);
  return { messages, restore: () => void (window[kind] = original) };
}
