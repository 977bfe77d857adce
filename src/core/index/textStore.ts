import { LruMap } from './lruMap';

/**
 * Decoded document texts kept in memory, up to a budget, so that a catalog change re-matches
 * the corpus without reading and decoding every file again. Each text is keyed by the
 * document id together with the file's size and modification time: a file that changed on
 * disk since is read again. Least recently used texts go first when the budget is reached,
 * so a corpus larger than the budget still works, it just re-reads what did not fit.
 */
export class TextStore<T extends { text: string } = { text: string }> {
  private readonly texts: LruMap<string, { size: number; mtime: number; value: T }>;

  /** @param budgetChars the most UTF-16 units kept (two bytes each) */
  constructor(budgetChars: number) {
    this.texts = new LruMap(budgetChars, (e) => e.value.text.length);
  }

  /** Units held now. */
  get chars(): number {
    return this.texts.weight;
  }

  get count(): number {
    return this.texts.size;
  }

  /** The text (and what came with it) of `id` if it was stored for exactly this size and mtime. */
  get(id: string, size: number, mtime: number): T | undefined {
    const e = this.texts.get(id);
    return e && e.size === size && e.mtime === mtime ? e.value : undefined;
  }

  /** The text last stored for `id`, whatever the file is now: the one its analysis was made from. */
  latest(id: string): T | undefined {
    return this.texts.get(id)?.value;
  }

  set(id: string, size: number, mtime: number, value: T): void {
    this.texts.set(id, { size, mtime, value });
  }

  delete(id: string): void {
    this.texts.delete(id);
  }

  /** Changes the budget (a setting changed); the least recently used texts that no longer fit go. */
  setBudget(budgetChars: number): void {
    this.texts.resize(budgetChars);
  }

  clear(): void {
    this.texts.clear();
  }
}
