/**
 * A character trie over normalized aliases, stored in typed arrays so that walking it from a
 * position of the text allocates nothing: no substring, no hash of a fresh string. Words of
 * a multi-word alias are joined by one GAP symbol, which the matcher steps over when the
 * text has a short gap (space, tab, hyphen) between two tokens.
 *
 * Characters are first mapped to a small alphabet (only the units that occur in some alias
 * get an id), so a transition is the key `node * alphabetSize + symbol` in an open-addressing
 * hash table of Int32Arrays. The root's transitions are a direct array, because every token
 * of the text starts there.
 */

/** The symbol between two words of an alias. */
export const GAP = 1;
const FIRST_LETTER = 2;
const EMPTY = -1;

export class CharTrie {
  /** Normalized UTF-16 unit → symbol id (0: occurs in no alias, so nothing can match). */
  private readonly symbols = new Uint16Array(0x10000);
  private alphabetSize = FIRST_LETTER;
  private nodeCount = 1; // node 0 is the root
  private terminals: Int32Array = new Int32Array(64).fill(EMPTY);
  private rootNext: Int32Array = new Int32Array(0);
  private keys: Int32Array = new Int32Array(0);
  private values: Int32Array = new Int32Array(0);
  private mask = 0;
  /** Used instead of the typed table when `node * alphabetSize` would not fit in 31 bits. */
  private wide: Map<number, number> | undefined;
  /** Built edges, [parent, symbol, child], before the hash table is laid out. */
  private pending: Array<[number, number, number]> = [];
  private readonly building = new Map<string, number>();

  /**
   * Adds one alias given as its normalized words; returns the node where it ends. The caller
   * keeps its own terminal data and links it with `setTerminal`.
   */
  insert(words: readonly string[]): number {
    let node = 0;
    for (let w = 0; w < words.length; w++) {
      if (w > 0) node = this.childForBuild(node, GAP);
      const word = words[w]!;
      for (let i = 0; i < word.length; i++) node = this.childForBuild(node, this.symbolFor(word.charCodeAt(i)));
    }
    return node;
  }

  terminalAt(node: number): number {
    return this.terminals[node]!;
  }

  setTerminal(node: number, terminal: number): void {
    this.terminals[node] = terminal;
  }

  /** Lays the edges out in the lookup tables; call once, after the last `insert`. */
  freeze(): void {
    this.rootNext = new Int32Array(this.alphabetSize).fill(EMPTY);
    let size = 16;
    while (size < this.pending.length * 2) size <<= 1;
    this.keys = new Int32Array(size).fill(EMPTY);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    if (this.nodeCount * this.alphabetSize > 0x7fffffff) this.wide = new Map();
    for (const [parent, symbol, child] of this.pending) {
      if (parent === 0) {
        this.rootNext[symbol] = child;
        continue;
      }
      if (this.wide) {
        this.wide.set(parent * this.alphabetSize + symbol, child);
        continue;
      }
      const key = parent * this.alphabetSize + symbol;
      let slot = hash(key) & this.mask;
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.values[slot] = child;
    }
    this.pending = [];
    this.building.clear();
  }

  /** The child of `node` by UTF-16 unit `unit`, or -1. */
  step(node: number, unit: number): number {
    const symbol = this.symbols[unit]!;
    if (symbol === 0) return EMPTY;
    return this.stepSymbol(node, symbol);
  }

  /** The child of `node` by a symbol id (GAP or a letter), or -1. */
  stepSymbol(node: number, symbol: number): number {
    if (node === 0) return this.rootNext[symbol]!;
    if (this.wide) return this.wide.get(node * this.alphabetSize + symbol) ?? EMPTY;
    const key = node * this.alphabetSize + symbol;
    let slot = hash(key) & this.mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return this.values[slot]!;
      if (k === EMPTY) return EMPTY;
      slot = (slot + 1) & this.mask;
    }
  }

  private symbolFor(unit: number): number {
    let s = this.symbols[unit]!;
    if (s === 0) {
      s = this.alphabetSize++;
      this.symbols[unit] = s;
    }
    return s;
  }

  private childForBuild(node: number, symbol: number): number {
    const key = `${node}:${symbol}`;
    let child = this.building.get(key);
    if (child === undefined) {
      child = this.nodeCount++;
      this.building.set(key, child);
      this.pending.push([node, symbol, child]);
      if (child >= this.terminals.length) {
        const t = new Int32Array(this.terminals.length * 2).fill(EMPTY);
        t.set(this.terminals);
        this.terminals = t;
      }
    }
    return child;
  }
}

/** Fibonacci hashing: spreads consecutive keys over the table. */
function hash(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 0;
}
