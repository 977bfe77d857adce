/** The date engine's public API: date mentions in a text, and the date of a document. */
export type { DateMention, DatePrecision, DocumentDate } from './types';
export { extractDates, type ExtractContext } from './extract';
export { detectDocumentDate, DEFAULT_CORPUS_RANGE, type DocumentDateInput } from './documentDate';
export { gregorianToHijri, hijriToEpochDay, hijriSupported, type HijriDate } from './hijri';
export { YEARLESS_FUTURE_DAYS } from './resolve';
export { analyzeDates, type DateAnalysis, type DateAnalysisInput } from './analyzeDates';
