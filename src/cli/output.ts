/** The shapes the CLI prints, and CSV formatting. */
import { csvField } from '../core/export/csv';

// Re-exported: callers and tests have always imported it from here.
export { csvField };

export interface ScanMention {
  entity: string;
  start: number;
  end: number;
  text: string;
  clitic?: string;
  boilerplate?: boolean;
}

export interface ScanDate {
  start: number;
  end: number;
  text: string;
  /** 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' | '--MM-DD'; '' when it could not be anchored. */
  value: string;
  precision: string;
  relative?: boolean;
  resolved?: false;
  hijri?: string;
  note?: string;
}

export interface ScanDocument {
  /** Relative to the scanned folder, forward slashes. */
  path: string;
  title: string;
  encoding: string;
  date: { value: string | null; source: string; note?: string };
  mentions: ScanMention[];
  dates: ScanDate[];
}

export interface ScanError {
  path: string;
  message: string;
  line: number | null;
  column: number | null;
}

export function toCsvRows(doc: ScanDocument): string {
  return doc.mentions
    .map((m) => [doc.path, m.entity, m.start, m.end, m.text, m.clitic, m.boilerplate ?? false].map(csvField).join(',') + '\n')
    .join('');
}
