/** The shapes the CLI prints, and CSV formatting. */

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

/** Quotes a CSV field when needed (RFC 4180). A leading =,+,-,@ is prefixed so spreadsheets do not run it. */
export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsvRows(doc: ScanDocument): string {
  return doc.mentions
    .map((m) => [doc.path, m.entity, m.start, m.end, m.text, m.clitic, m.boilerplate ?? false].map(csvField).join(',') + '\n')
    .join('');
}
