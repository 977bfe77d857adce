/**
 * The persistent index cache's file format, shared by the extension (workspace storage) and
 * the benchmark (warm start): JSON, mentions as flat lists of numbers. Parsing treats the
 * file as untrusted: a wrong format, engine version or key makes it stale; a malformed entry
 * makes it corrupt; neither is ever used in part.
 */
import { ENGINE_VERSION } from '../version';
import type { PackedDocument } from './corpusIndex';
import { isPackedMentions } from './packedMentions';

export interface CacheEntry {
  size: number;
  mtime: number;
  doc: PackedDocument;
}

interface CacheFile {
  format: 'corpus-lens-index';
  engine: number;
  key: string;
  documents: Array<{ size: number; mtime: number; doc: Omit<PackedDocument, 'packed'> & { packed: { data: number[]; strings: string[] } } }>;
}

export type ParsedCache = { kind: 'ok'; entries: Map<string, CacheEntry> } | { kind: 'stale' } | { kind: 'corrupt'; reason: string };

export function serializeCache(key: string, entries: Iterable<CacheEntry>): string {
  const documents: CacheFile['documents'] = [];
  for (const e of entries) {
    const { packed, ...doc } = e.doc;
    documents.push({ size: e.size, mtime: e.mtime, doc: { ...doc, packed: { data: Array.from(packed.data), strings: packed.strings } } });
  }
  const file: CacheFile = { format: 'corpus-lens-index', engine: ENGINE_VERSION, key, documents };
  return JSON.stringify(file);
}

export function parseCache(text: string, key: string): ParsedCache {
  let file: Partial<CacheFile>;
  try {
    file = JSON.parse(text) as Partial<CacheFile>;
  } catch (e) {
    return { kind: 'corrupt', reason: (e as Error).message };
  }
  if (!file || typeof file !== 'object') return { kind: 'corrupt', reason: 'not an object' };
  if (file.format !== 'corpus-lens-index' || file.engine !== ENGINE_VERSION || file.key !== key) return { kind: 'stale' };
  if (!Array.isArray(file.documents)) return { kind: 'corrupt', reason: 'no document list' };
  const entries = new Map<string, CacheEntry>();
  for (const [k, e] of file.documents.entries()) {
    const entry = toEntry(e);
    if (!entry) return { kind: 'corrupt', reason: `malformed entry ${k}` };
    entries.set(entry.doc.id, entry);
  }
  return { kind: 'ok', entries };
}

function toEntry(e: unknown): CacheEntry | undefined {
  const c = e as CacheFile['documents'][number] | null;
  if (!c || typeof c.size !== 'number' || typeof c.mtime !== 'number' || !c.doc) return undefined;
  const d = c.doc;
  if (typeof d.id !== 'string' || typeof d.path !== 'string' || typeof d.title !== 'string' || !d.date || typeof d.date !== 'object') return undefined;
  if (!Array.isArray(d.boilerplate) || !Array.isArray(d.dates) || !Array.isArray(d.quotations)) return undefined;
  if (!d.packed || !Array.isArray(d.packed.data) || !d.packed.data.every(Number.isInteger)) return undefined;
  const packed = { data: Int32Array.from(d.packed.data), strings: d.packed.strings };
  if (!isPackedMentions(packed)) return undefined;
  return { size: c.size, mtime: c.mtime, doc: { ...d, packed } };
}
