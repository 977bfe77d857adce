/** CSV fields (RFC 4180), shared by the CLI and the extension's mention export. */

/** Quotes a CSV field when needed (RFC 4180). A leading =,+,-,@ is prefixed so spreadsheets do not run it. */
export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (with its line break) from a row of fields. */
export function csvRow(fields: ReadonlyArray<string | number | boolean | undefined>): string {
  return fields.map(csvField).join(',') + '\n';
}
