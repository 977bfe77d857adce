/**
 * Export of the visible events (CSV, JSON) and of the chart (SVG). The file is chosen with
 * VS Code's save dialog, which itself asks before replacing an existing file; nothing is
 * written without that dialog.
 */
import * as vscode from 'vscode';
import type { TimelineEvent } from '../../core/events';
import { isSvgDocument } from '../../webview/protocol';

const COLUMNS = ['id', 'kind', 'date', 'endDate', 'precision', 'uncertain', 'label', 'dateText', 'entities', 'linkedAgreements', 'document', 'start', 'end'] as const;

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(events: readonly TimelineEvent[], pathOf: (documentId: string) => string): string {
  const rows = events.map((e) =>
    [e.id, e.kind, e.date, e.endDate ?? '', e.precision, String(e.uncertain), e.label, e.dateText ?? '', e.entities.join(' '), (e.linkedAgreements ?? []).join(' '),
      e.documentId ? pathOf(e.documentId) : '', e.range ? String(e.range.start) : '', e.range ? String(e.range.end) : ''].map(csvCell).join(','),
  );
  // A BOM so spreadsheet programs read the Arabic as UTF-8.
  return '\ufeff' + [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

export function toJson(events: readonly TimelineEvent[], pathOf: (documentId: string) => string): string {
  return JSON.stringify(events.map((e) => ({ ...e, ...(e.documentId ? { document: pathOf(e.documentId) } : {}) })), null, 2) + '\n';
}

/** Asks where to save and writes; returns the file, or undefined when the user cancelled. */
export async function saveExport(format: 'csv' | 'json' | 'svg', content: string): Promise<vscode.Uri | undefined> {
  if (format === 'svg' && !isSvgDocument(content)) throw new Error('not an SVG document');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `corpus-timeline.${format}`;
  const uri = await vscode.window.showSaveDialog({
    title: `Export timeline as ${format.toUpperCase()}`,
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { [format.toUpperCase()]: [format] },
  });
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}
