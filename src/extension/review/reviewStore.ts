/**
 * Review state of documents, kept in `.corpus/review.json` of each workspace folder. Reads
 * follow the file (a watcher reloads it when git or a colleague's tool changes it); writes
 * change one document's entry through a jsonc edit of the file's current text, so other
 * entries, formatting and unsaved edits survive. When the file changed since we read it,
 * our in-memory copy is merged with it (core/review mergeReview) before the write.
 */
import * as vscode from 'vscode';
import { entryValue, mergeReview, parseReview, REVIEW_PATH, serializeReview, sortedInsertionIndex, type ReviewEntry } from '../../core/review/reviewFile';
import { editJsonFile } from '../features/jsonFileEdit';
import { folderRelativePath, sidecarUri } from '../features/workspaceFiles';
import { log } from '../log';

interface FolderState {
  /** The entries as last read from, or written to, the file. */
  entries: Map<string, ReviewEntry>;
  /** The file text they came from ('' when there is no file). */
  text: string;
}

export class ReviewStore implements vscode.Disposable {
  private readonly folders = new Map<string, FolderState>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires after review state changed (our write or the file changing on disk). */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private loading: Promise<void> | undefined;
  /** Counts our writes: a reload that read the file before one of them must not undo it. */
  private writes = 0;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${REVIEW_PATH}`);
    const reload = (): void => void this.reload();
    this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
  }

  /** Reads every folder's review file (once; later calls wait for the same read). */
  ready(): Promise<void> {
    this.loading ??= this.reload();
    return this.loading;
  }

  async reload(): Promise<void> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const writes = this.writes;
      const text = await readText(vscode.Uri.joinPath(folder.uri, REVIEW_PATH));
      // We wrote while this read ran: what was read may predate our write, which already
      // updated the state; the watcher event of our own save reloads the file again.
      if (this.writes !== writes) continue;
      const parsed = parseReview(text);
      for (const p of parsed.problems) log().warn(`${folder.name}: ${p}`);
      this.folders.set(folder.uri.toString(), { entries: parsed.documents, text });
    }
    this.emitter.fire();
  }

  /** The entry of a document; undefined = unreviewed. */
  get(uri: vscode.Uri): ReviewEntry | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const path = folderRelativePath(uri);
    return folder && path !== undefined ? this.folders.get(folder.uri.toString())?.entries.get(path) : undefined;
  }

  /** Records (or, with undefined, removes) a document's entry and saves the file. */
  async set(uri: vscode.Uri, entry: ReviewEntry | undefined): Promise<void> {
    await this.ready();
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const path = folderRelativePath(uri);
    const file = sidecarUri(REVIEW_PATH, uri);
    if (!folder || path === undefined || !file) throw new Error('The document is not inside a workspace folder.');
    const known = this.folders.get(folder.uri.toString()) ?? { entries: new Map<string, ReviewEntry>(), text: '' };
    let merged = known.entries;
    const document = await editJsonFile(
      file,
      serializeReview(new Map()),
      (current) => {
        const local = new Map(known.entries);
        if (entry) local.set(path, entry);
        else local.delete(path);
        // Someone else wrote the file since we read it: keep their entries, apply ours on top.
        const remote = current === known.text ? known.entries : parseReview(current).documents;
        merged = mergeReview(known.entries, local, remote);
        if (!entry && !remote.has(path)) return undefined;
        return { path: ['documents', path], value: entry && entryValue(entry), getInsertionIndex: (keys) => sortedInsertionIndex(keys, path) };
      },
      entry ? `Mark document ${entry.state}` : 'Mark document unreviewed',
    );
    this.writes++;
    this.folders.set(folder.uri.toString(), { entries: merged, text: document.getText() });
    this.emitter.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

async function readText(uri: vscode.Uri): Promise<string> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return ''; // no review file yet
  }
}

const stores = new WeakMap<object, ReviewStore>();

/** The one store per activation, shared by the review commands and the Documents tree. */
export function sharedReviewStore(context: vscode.ExtensionContext): ReviewStore {
  let store = stores.get(context);
  if (!store) {
    store = new ReviewStore();
    stores.set(context, store);
    context.subscriptions.push(store);
    void store.ready();
  }
  return store;
}
