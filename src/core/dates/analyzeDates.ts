/**
 * Both date results of a document in one scan: its own date and every date expression,
 * resolved against that date. This is what a whole-document analysis calls; the scan
 * reuses the caller's normalized text, and the header's dates come from the same scan.
 */
import type { NormalizedText } from '../text/normalize';
import { detectDocumentDate } from './documentDate';
import { resolveScanned } from './extract';
import { scanText } from './scan';
import type { DateMention, DocumentDate } from './types';

export interface DateAnalysisInput {
  fileName: string;
  /** The date recorded in `.corpus/documents.json`, if any. */
  metadata?: string | null;
  corpusRange?: { from: number; to: number };
  /** The normalized text, when the caller already has it. */
  normalized?: NormalizedText;
}

export interface DateAnalysis {
  date: DocumentDate;
  dates: DateMention[];
}

export function analyzeDates(original: string, input: DateAnalysisInput): DateAnalysis {
  const scan = scanText(original, input.normalized);
  const date = detectDocumentDate({ text: original, fileName: input.fileName, metadata: input.metadata ?? null, corpusRange: input.corpusRange, scan });
  return { date, dates: resolveScanned(original, scan.dates, { documentDate: date.value }) };
}
