/**
 * The persistent index cache's file format, shared by the extension (workspace storage) and
 * the benchmark (warm start): JSON Lines, a header line then one line per document, mentions
 * as flat lists of numbers. One line per document because a 100,000-document index is more
 * JSON than a JavaScript string can hold (V8 caps strings at 2^29 units): the file is built
 * and read as bytes, a line at a time.
 *
 * Parsing treats the file as untrusted: a wrong format, engine version or key makes it
 * stale; a malformed line makes it corrupt; neither is ever used in part.
 */
import { ENGINE_VERSION } from '../version';
import type { PackedDocument } from './corpusIndex';
import { isPackedMentions } from './packedMentions';

export interface CacheEntry {
  size: number;
  mtime: number;
  doc: PackedDocument;
}

interface CacheHeader {
  format: 'corpus-lens-index';
  engine: number;
  key: string;
  documents: number;
}

type CacheLine = { size: number; mtime: number; doc: Omit<PackedDocument, 'packed'> & { packed: { data: number[]; strings: string[] } } };

export type ParsedCache = { kind: 'ok'; entries: Map<string, CacheEntry> } | { kind: 'stale' } | { kind: 'corrupt'; reason: string };

const NEWLINE = 0x0a;

export function serializeCache(key: string, entries: Iterable<CacheEntry>): Uint8Array {
  const encoder = new TextEncoder();
  const lines: Uint8Array[] = [];
  let total = 0;
  const push = (value: unknown): void => {
    const bytes = encoder.encode(JSON.stringify(value) + '\n');
    lines.push(bytes);
    total += bytes.length;
  };
  const list = [...entries];
  push({ format: 'corpus-lens-index', engine: ENGINE_VERSION, key, documents: list.length } satisfies CacheHeader);
  for (const e of list) {
    const { packed, ...doc } = e.doc;
    push({ size: e.size, mtime: e.mtime, doc: { ...doc, packed: { data: Array.from(packed.data), strings: packed.strings } } } satisfies CacheLine);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const l of lines) {
    out.set(l, at);
    at += l.length;
  }
  return out;
}

export function parseCache(bytes: Uint8Array, key: string): ParsedCache {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let lineNumber = 0;
  const nextLine = (): unknown => {
    if (start >= bytes.length) return undefined;
    let end = bytes.indexOf(NEWLINE, start);
    if (end < 0) end = bytes.length;
    const text = decoder.decode(bytes.subarray(start, end));
    start = end + 1;
    lineNumber++;
    return JSON.parse(text) as unknown;
  };
  try {
    const header = nextLine() as Partial<CacheHeader> | undefined;
    if (!header || typeof header !== 'object') return { kind: 'corrupt', reason: 'no header line' };
    if (header.format !== 'corpus-lens-index' || header.engine !== ENGINE_VERSION || header.key !== key) return { kind: 'stale' };
    if (typeof header.documents !== 'number') return { kind: 'corrupt', reason: 'no document count' };
    const entries = new Map<string, CacheEntry>();
    for (let k = 0; k < header.documents; k++) {
      if (start >= bytes.length) return { kind: 'corrupt', reason: `ends after ${k} of ${header.documents} documents` };
      const entry = toEntry(nextLine());
      if (!entry) return { kind: 'corrupt', reason: `malformed line ${lineNumber}` };
      entries.set(entry.doc.id, entry);
    }
    if (start < bytes.length) return { kind: 'corrupt', reason: `more lines than the ${header.documents} documents announced` };
    return { kind: 'ok', entries };
  } catch (e) {
    return { kind: 'corrupt', reason: `line ${lineNumber}: ${(e as Error).message}` };
  }
}

function toEntry(e: unknown): CacheEntry | undefined {
  const c = e as CacheLine | null;
  if (!c || typeof c.size !== 'number' || typeof c.mtime !== 'number' || !c.doc) return undefined;
  const d = c.doc;
  if (typeof d.id !== 'string' || typeof d.path !== 'string' || typeof d.title !== 'string' || !d.date || typeof d.date !== 'object') return undefined;
  if (!Array.isArray(d.boilerplate) || !Array.isArray(d.dates) || !Array.isArray(d.quotations)) return undefined;
  if (!d.packed || !Array.isArray(d.packed.data) || !d.packed.data.every(Number.isInteger)) return undefined;
  const packed = { data: Int32Array.from(d.packed.data), strings: d.packed.strings };
  if (!isPackedMentions(packed)) return undefined;
  return { size: c.size, mtime: c.mtime, doc: { ...d, packed } };
}
