/**
 * extractDates: every date expression in a text, as ranges of the ORIGINAL text, resolved
 * against the document date when one is given. The grammar (what counts as a date) lives in
 * grammar.ts, the resolution rules (year-less dates, weekdays, "last week") in resolve.ts.
 */

import type { DateMention } from './types';
import { parseIsoDate } from './calendar';
import { makeAnchor, resolveRaw } from './resolve';
import { scanDates, type ScannedDate } from './scan';

export interface ExtractContext {
  /** The document's date, ISO 'YYYY-MM-DD' (a 'YYYY' or 'YYYY-MM' anchors years and months only). */
  documentDate?: string | null;
}

/** Sorted, non-overlapping date mentions of `original`. */
export function extractDates(original: string, context?: ExtractContext): DateMention[] {
  return resolveScanned(original, scanDates(original), context);
}

/** Resolves already scanned dates against the document date (one scan serves both steps). */
export function resolveScanned(original: string, scanned: readonly ScannedDate[], context?: ExtractContext): DateMention[] {
  const anchor = makeAnchor(parseIsoDate(context?.documentDate ?? null));
  // Object.assign copies the resolution's fields in the same order as a spread would, with far
  // fewer steps: the resolutions come in many shapes, which defeats the spread's fast path.
  return scanned.map(({ start, end, raw }) => Object.assign({ start, end, text: original.slice(start, end) }, resolveRaw(raw, anchor)));
}
