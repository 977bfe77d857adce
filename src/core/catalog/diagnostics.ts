/** Problems found in a catalog file, positioned so the CLI and the Problems panel can show them. */

export type Severity = 'error' | 'warning';

export interface CatalogDiagnostic {
  /** The catalog file, as given by the caller (workspace-relative in the extension). */
  path: string;
  message: string;
  severity: Severity;
  /** A stable code for the kind of problem, e.g. `json-syntax`, `schema`, `duplicate-id`. */
  code: string;
  /** 1-based line and column, as compilers print them. */
  line: number;
  column: number;
  /** 0-based UTF-16 offset and length, for editor ranges. */
  offset: number;
  length: number;
}

/** Converts offsets to 1-based line/column, with one binary search per lookup. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }
}
