/** Builds the string table of a packed record list: each distinct string once, referred to by number. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  idOf(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** The id of `s`, or -1 when it is absent. */
  optionalIdOf(s: string | undefined): number {
    return s === undefined ? -1 : this.idOf(s);
  }
}
