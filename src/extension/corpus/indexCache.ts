/**
 * The persistent index cache in the extension's workspace storage, so a warm start loads
 * analyses instead of re-reading and re-matching every file. Each entry is keyed by the
 * file's size and modification time and the date recorded for the document; the whole cache
 * by the engine version and a fingerprint of the catalog. A cache that does not parse, has another
 * format or key, or has malformed entries is discarded (and logged), never trusted.
 * Writes are atomic: a temporary file, then a rename. A large corpus's cache is hundreds of
 * megabytes: on disk it is written a chunk at a time, never built whole in memory.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { parseCacheInSteps, serializeCache, serializeCacheChunks, type CacheEntry } from '../../core/index/cacheFormat';
import { runInSlices } from '../hostTurns';
import { log } from '../log';

export type CachedDocument = CacheEntry;

const FILE_NAME = 'index-cache.bin';
/** The caches of earlier versions (one JSON document; then JSON Lines), no longer read. */
const LEGACY_FILE_NAMES = ['index-cache.json', 'index-cache.jsonl'];

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
    const uri = this.uri;
    if (!uri) return new Map();
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return new Map(); // no cache yet
    }
    const parsed = await runInSlices(parseCacheInSteps(bytes, key));
    if (parsed.kind === 'ok') return parsed.entries;
    if (parsed.kind === 'stale') {
      log().info('Index cache is stale (engine or catalog changed); re-indexing.');
    } else {
      log().warn(`Index cache ${uri.toString()} is corrupt (${parsed.reason}); discarded.`);
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
    return new Map();
  }

  /** Writes the cache; false when it could not be written (logged). */
  async save(key: string, documents: readonly CachedDocument[]): Promise<boolean> {
    const uri = this.uri;
    if (!uri || !this.storage) return false;
    const tmp = vscode.Uri.joinPath(this.storage, `${FILE_NAME}.${process.pid}.tmp`);
    try {
      await vscode.workspace.fs.createDirectory(this.storage);
      if (tmp.scheme === 'file') await writeInChunks(tmp.fsPath, serializeCacheChunks(key, documents));
      else await vscode.workspace.fs.writeFile(tmp, serializeCache(key, documents));
      await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
      for (const name of LEGACY_FILE_NAMES) await vscode.workspace.fs.delete(vscode.Uri.joinPath(this.storage, name)).then(undefined, () => undefined);
      return true;
    } catch (e) {
      log().warn(`Could not write the index cache: ${(e as Error).message}`);
      await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
      return false;
    }
  }
}

/** Writes the chunks one by one; each await lets the extension host serve others in between. */
async function writeInChunks(file: string, chunks: Iterable<Uint8Array>): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    for (const chunk of chunks) await handle.write(chunk);
  } finally {
    await handle.close();
  }
}
