/**
 * The persistent index cache in the extension's workspace storage, so a warm start loads
 * analyses instead of re-reading and re-matching every file. Each entry is keyed by the
 * file's size and modification time; the whole cache by the engine version and a
 * fingerprint of the catalog and document metadata. A cache that does not parse, has another
 * format or key, or has malformed entries is discarded (and logged), never trusted.
 * Writes are atomic: a temporary file, then a rename.
 */
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { IndexedDocument } from '../../core/index/corpusIndex';
import { ENGINE_VERSION } from '../../core/version';
import { log } from '../log';

export interface CachedDocument {
  size: number;
  mtime: number;
  doc: IndexedDocument;
}

interface CacheFile {
  format: 'corpus-lens-index';
  engine: number;
  key: string;
  documents: Array<CachedDocument>;
}

const FILE_NAME = 'index-cache.json';

/** A fingerprint of everything besides the file itself that an analysis depends on. */
export function cacheKey(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 32);
}

export class IndexCache {
  constructor(private readonly storage: vscode.Uri | undefined) {}

  /** Where the cache lives (undefined without workspace storage, e.g. no folder open). */
  get uri(): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, FILE_NAME);
  }

  /** The cached analyses by document id; empty when there is no valid cache for `key`. */
  async load(key: string): Promise<Map<string, CachedDocument>> {
    const entries = new Map<string, CachedDocument>();
    const uri = this.uri;
    if (!uri) return entries;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return entries; // no cache yet
    }
    try {
      const file = JSON.parse(new TextDecoder('utf-8').decode(bytes)) as Partial<CacheFile>;
      if (file.format !== 'corpus-lens-index' || file.engine !== ENGINE_VERSION || file.key !== key || !Array.isArray(file.documents)) {
        log().info('Index cache is stale (engine, catalog or metadata changed); re-indexing.');
        return entries;
      }
      for (const e of file.documents) {
        if (!isCachedDocument(e)) throw new Error('malformed entry');
        entries.set(e.doc.id, e);
      }
      return entries;
    } catch (e) {
      log().warn(`Index cache ${uri.toString()} is corrupt (${(e as Error).message}); discarded.`);
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      return new Map();
    }
  }

  async save(key: string, documents: CachedDocument[]): Promise<void> {
    const uri = this.uri;
    if (!uri || !this.storage) return;
    const file: CacheFile = { format: 'corpus-lens-index', engine: ENGINE_VERSION, key, documents };
    const tmp = vscode.Uri.joinPath(this.storage, `${FILE_NAME}.${process.pid}.tmp`);
    try {
      await vscode.workspace.fs.createDirectory(this.storage);
      await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(JSON.stringify(file)));
      await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
    } catch (e) {
      log().warn(`Could not write the index cache: ${(e as Error).message}`);
      await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
    }
  }
}

function isCachedDocument(e: unknown): e is CachedDocument {
  const c = e as CachedDocument | null;
  return (
    !!c &&
    typeof c.size === 'number' &&
    typeof c.mtime === 'number' &&
    !!c.doc &&
    typeof c.doc.id === 'string' &&
    typeof c.doc.path === 'string' &&
    Array.isArray(c.doc.mentions) &&
    Array.isArray(c.doc.boilerplate) &&
    Array.isArray(c.doc.dates) &&
    Array.isArray(c.doc.quotations) &&
    !!c.doc.date
  );
}
