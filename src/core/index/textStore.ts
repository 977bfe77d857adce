/**
 * Decoded document texts kept in memory, up to a budget, so that a catalog change re-matches
 * the corpus without reading and decoding every file again. Each text is keyed by the
 * document id together with the file's size and modification time: a file that changed on
 * disk since is read again. Least recently used texts go first when the budget is reached,
 * so a corpus larger than the budget still works, it just re-reads what did not fit.
 */
export class TextStore<T extends { text: string } = { text: string }> {
  private readonly texts = new Map<string, { size: number; mtime: number; value: T }>();
  private used = 0;

  /** @param budgetChars the most UTF-16 units kept (two bytes each) */
  constructor(private readonly budgetChars: number) {}

  /** Units held now. */
  get chars(): number {
    return this.used;
  }

  get count(): number {
    return this.texts.size;
  }

  /** The text (and what came with it) of `id` if it was stored for exactly this size and mtime. */
  get(id: string, size: number, mtime: number): T | undefined {
    const e = this.texts.get(id);
    if (!e || e.size !== size || e.mtime !== mtime) return undefined;
    this.texts.delete(id); // re-inserted: most recently used last
    this.texts.set(id, e);
    return e.value;
  }

  set(id: string, size: number, mtime: number, value: T): void {
    this.delete(id);
    if (value.text.length > this.budgetChars) return;
    this.texts.set(id, { size, mtime, value });
    this.used += value.text.length;
    for (const [oldest, e] of this.texts) {
      if (this.used <= this.budgetChars) break;
      this.texts.delete(oldest);
      this.used -= e.value.text.length;
    }
  }

  delete(id: string): void {
    const e = this.texts.get(id);
    if (!e) return;
    this.texts.delete(id);
    this.used -= e.value.text.length;
  }

  clear(): void {
    this.texts.clear();
    this.used = 0;
  }
}
