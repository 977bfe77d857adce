/**
 * A Map that keeps at most `budget` weight (by default: entries), dropping the least recently
 * used first. The caches of the index and the extension (decoded texts, materialized and
 * live analyses) all need exactly this; a Map already iterates in insertion order, so a
 * use is a delete and a re-insert.
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();
  private used = 0;

  constructor(
    private budget: number,
    private readonly weightOf: (value: V) => number = () => 1,
  ) {}

  /** Total weight held now. */
  get weight(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, marked as most recently used. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores the value as most recently used; one heavier than the whole budget is not kept. */
  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.weightOf(value);
    if (weight > this.budget) return;
    this.entries.set(key, value);
    this.used += weight;
    this.evict();
  }

  /** Changes the budget, dropping the least recently used entries that no longer fit. */
  resize(budget: number): void {
    this.budget = budget;
    this.evict();
  }

  private evict(): void {
    for (const [oldest, old] of this.entries) {
      if (this.used <= this.budget) break;
      this.entries.delete(oldest);
      this.used -= this.weightOf(old);
    }
  }

  delete(key: K): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.used -= this.weightOf(value);
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }
}
