/**
 * Line iteration for the analyses that work line by line (boilerplate, quotations): a line
 * ends at every \n and every \r, so "\r\n" leaves an empty line between the two.
 */

/**
 * Finds line breaks with indexOf (native, fast) instead of testing every character in JS.
 * It remembers where the next \n and the next \r are, so each kind is searched for once per
 * occurrence however many lines there are.
 */
export class LineBreaks {
  /** Position of the next \n / \r at or after the last query; -1 when there is none left. */
  private lf = -2;
  private cr = -2;

  constructor(private readonly text: string) {}

  /** The first \n or \r at or after `from` (queries must not go backwards), or the text's length. */
  next(from: number): number {
    if (this.lf !== -1 && this.lf < from) this.lf = this.text.indexOf('\n', from);
    if (this.cr !== -1 && this.cr < from) this.cr = this.text.indexOf('\r', from);
    if (this.lf === -1) return this.cr === -1 ? this.text.length : this.cr;
    return this.cr === -1 ? this.lf : Math.min(this.lf, this.cr);
  }
}
