/**
 * `.corpus/review.json`: which documents a reviewer marked reviewed or flagged. Shared
 * through git, so it is human-readable and diff-friendly: document paths (relative to the
 * workspace folder, forward slashes) sorted, 2-space indent, one entry per document:
 *
 *   { "version": 1, "documents": { "news/a.txt": { "state": "reviewed", "at": "2024-05-01T10:00:00.000Z" } } }
 *
 * A document without an entry is unreviewed. Parsing never throws: bad entries are reported
 * and skipped, the rest are kept.
 */
import { parse, type ParseError } from 'jsonc-parser';

export const REVIEW_PATH = '.corpus/review.json';
export const REVIEW_STATES = ['reviewed', 'flagged'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface ReviewEntry {
  state: ReviewState;
  /** ISO timestamp of the decision. */
  at: string;
  note?: string;
}

export interface ParsedReview {
  documents: Map<string, ReviewEntry>;
  problems: string[];
}

export function parseReview(text: string): ParsedReview {
  const documents = new Map<string, ReviewEntry>();
  if (!text.trim()) return { documents, problems: [] };
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true }) as unknown;
  const problems = errors.length ? [`${REVIEW_PATH}: invalid JSON at offset ${errors[0]!.offset}`] : [];
  const entries = (value as { documents?: unknown } | undefined)?.documents;
  if (!entries || typeof entries !== 'object' || Array.isArray(entries)) {
    problems.push(`${REVIEW_PATH}: expected { "documents": { "<path>": { "state": "reviewed" | "flagged", "at": "<ISO time>" } } }`);
    return { documents, problems };
  }
  for (const [path, raw] of Object.entries(entries as Record<string, unknown>)) {
    const entry = toEntry(raw);
    if (entry) documents.set(path, entry);
    else problems.push(`${REVIEW_PATH}: "${path}" needs "state": "reviewed" or "flagged" and an "at" timestamp`);
  }
  return { documents, problems };
}

function toEntry(raw: unknown): ReviewEntry | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { state, at, note } = raw as Record<string, unknown>;
  if (!REVIEW_STATES.includes(state as ReviewState) || typeof at !== 'string') return undefined;
  return entryValue({ state: state as ReviewState, at, ...(typeof note === 'string' ? { note } : {}) });
}

/** The entry as written to the file: fields in a fixed order, an empty note left out. */
export function entryValue(entry: ReviewEntry): ReviewEntry {
  return { state: entry.state, at: entry.at, ...(entry.note ? { note: entry.note } : {}) };
}

/** The whole file, paths sorted, 2-space indent, final newline. */
export function serializeReview(documents: ReadonlyMap<string, ReviewEntry>): string {
  const sorted: Record<string, ReviewEntry> = {};
  for (const path of [...documents.keys()].sort(comparePaths)) sorted[path] = entryValue(documents.get(path)!);
  return JSON.stringify({ version: 1, documents: sorted }, null, 2) + '\n';
}

/** The one order for paths: by UTF-16 code unit, like `Array.prototype.sort`, independent of locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where a new key goes among existing keys to keep them sorted (for jsonc-parser's `getInsertionIndex`). */
export function sortedInsertionIndex(keys: readonly string[], key: string): number {
  const k = keys.findIndex((existing) => comparePaths(existing, key) > 0);
  return k < 0 ? keys.length : k;
}

/**
 * Three-way merge when the file changed on disk after we read it: a path we changed since
 * `base` takes our value (an entry, or its removal); every other path takes the file's.
 */
export function mergeReview(
  base: ReadonlyMap<string, ReviewEntry>,
  local: ReadonlyMap<string, ReviewEntry>,
  remote: ReadonlyMap<string, ReviewEntry>,
): Map<string, ReviewEntry> {
  const merged = new Map(remote);
  for (const path of new Set([...base.keys(), ...local.keys()])) {
    const ours = local.get(path);
    if (sameEntry(base.get(path), ours)) continue;
    if (ours) merged.set(path, ours);
    else merged.delete(path);
  }
  return merged;
}

function sameEntry(a: ReviewEntry | undefined, b: ReviewEntry | undefined): boolean {
  return a === b || (!!a && !!b && a.state === b.state && a.at === b.at && (a.note ?? '') === (b.note ?? ''));
}
