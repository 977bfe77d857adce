/**
 * `.corpus/documents.json`: what the user recorded about documents, keyed by the document's
 * path relative to the workspace folder (forward slashes). Human-readable and diff-friendly,
 * so a team can share it through git:
 *
 *   { "version": 1, "documents": { "news/article-12.txt": { "date": "2019-06-05" } } }
 *
 * Written by "Set Document Date"; a recorded date wins over every detected one.
 */
import { parse, type ParseError } from 'jsonc-parser';

export interface DocumentMetadata {
  /** ISO date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
}

export interface DocumentsMetadata {
  documents: Map<string, DocumentMetadata>;
  /** Problems found while reading the file (the valid entries are still used). */
  problems: string[];
}

const ISO = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const DOCUMENTS_METADATA_PATH = '.corpus/documents.json';

export function parseDocumentsMetadata(text: string): DocumentsMetadata {
  if (!text.trim()) return { documents: new Map(), problems: [] };
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true }) as unknown;
  const documents = new Map<string, DocumentMetadata>();
  const problems = errors.length ? [`${DOCUMENTS_METADATA_PATH}: invalid JSON at offset ${errors[0]!.offset}`] : [];
  const entries = (value as { documents?: unknown } | undefined)?.documents;
  if (!entries || typeof entries !== 'object' || Array.isArray(entries)) {
    problems.push(`${DOCUMENTS_METADATA_PATH}: expected { "documents": { "<path>": { "date": "YYYY-MM-DD" } } }`);
    return { documents, problems };
  }
  for (const [path, meta] of Object.entries(entries as Record<string, unknown>)) {
    const date = (meta as { date?: unknown } | null)?.date;
    if (date === undefined) continue;
    if (typeof date !== 'string' || !ISO.test(date)) {
      problems.push(`${DOCUMENTS_METADATA_PATH}: "${path}" has an invalid date ${JSON.stringify(date)} (expected YYYY-MM-DD)`);
      continue;
    }
    documents.set(path, { date });
  }
  return { documents, problems };
}
