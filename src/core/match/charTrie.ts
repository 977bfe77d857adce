/**
 * A character trie over normalized aliases, stored in typed arrays so that walking it from a
 * position of the text allocates nothing: no substring, no hash of a fresh string. Words of
 * a multi-word alias are joined by one GAP symbol, which the matcher steps over when the
 * text has a short gap (space, tab, hyphen) between two tokens.
 *
 * Characters are first mapped to a small alphabet (only the units that occur in some alias
 * get an id). Once built, the nodes are numbered breadth-first with each node's children in
 * symbol order, so the children of a node are the consecutive ids [first[node], first[node+1])
 * and a step scans a few bytes of `childSymbols` next to each other. That layout is compact
 * (a few bytes per node): a walk touches memory that stays in the CPU cache, where a hash
 * table keyed by (node, symbol) sent nearly every step to a cold cache line. The root's
 * transitions are a direct array, because every token of the text starts there.
 */

/** The symbol between two words of an alias. */
export const GAP = 1;
const FIRST_LETTER = 2;
const EMPTY = -1;
/** Above this many children a node's symbols are binary-searched instead of scanned. */
const SCAN_LIMIT = 8;
/** The largest alphabet that gets the two-symbol table (512² entries: 1 MB). */
const MAX_PAIR_ALPHABET = 512;

export class CharTrie {
  /** Normalized UTF-16 unit → symbol id (0: occurs in no alias, so nothing can match). */
  private readonly symbols = new Uint16Array(0x10000);
  private alphabetSize = FIRST_LETTER;
  private nodeCount = 1; // node 0 is the root
  /** Per node, its terminal (set by the caller); indexed by build ids until freeze(), by final ids after. */
  private terminals: Int32Array = new Int32Array(64).fill(EMPTY);
  private rootNext: Int32Array = new Int32Array(0);
  /**
   * The node two symbols below the root, by `first * alphabetSize + second` (or -1): every
   * walk starts with those two steps, and the nodes one below the root have the most children.
   */
  private rootNext2: Int32Array = new Int32Array(0);
  /** The children of node v are the ids [first[v], first[v + 1]). */
  private first: Uint32Array = new Uint32Array(1);
  /** The symbol that leads to each node from its parent, ascending among siblings. */
  private childSymbols: Uint16Array = new Uint16Array(1);
  /** Built edges, [parent, symbol, child], before the final layout. */
  private pending: Array<[number, number, number]> = [];
  /** Built children by `node * 0x10000 + symbol` (a number key: no string per step while building). */
  private readonly building = new Map<number, number>();

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

  /**
   * Lays the nodes out breadth-first (renumbering them, terminals included); call once, after
   * the last `insert` and `setTerminal`.
   */
  freeze(): void {
    const children: Array<Array<[number, number]>> = Array.from({ length: this.nodeCount }, () => []);
    for (const [parent, symbol, child] of this.pending) children[parent]!.push([symbol, child]);
    const order = [0]; // build ids in their final order
    const finalId = new Int32Array(this.nodeCount);
    const first = new Uint32Array(this.nodeCount + 1);
    const childSymbols = new Uint16Array(this.nodeCount);
    for (let v = 0; v < order.length; v++) {
      first[v] = order.length;
      for (const [symbol, child] of children[order[v]!]!.sort((a, b) => a[0] - b[0])) {
        finalId[child] = order.length;
        childSymbols[order.length] = symbol;
        order.push(child);
      }
    }
    first[order.length] = order.length;
    const terminals = new Int32Array(this.nodeCount).fill(EMPTY);
    for (let v = 0; v < order.length; v++) terminals[v] = this.terminals[order[v]!]!;
    this.rootNext = new Int32Array(this.alphabetSize).fill(EMPTY);
    for (let c = first[0]!; c < first[1]!; c++) this.rootNext[childSymbols[c]!] = c;
    this.rootNext2 = new Int32Array(this.hasPairTable() ? this.alphabetSize * this.alphabetSize : 0).fill(EMPTY);
    for (let c = first[0]!; c < first[1]! && this.hasPairTable(); c++) {
      for (let g = first[c]!; g < first[c + 1]!; g++) this.rootNext2[childSymbols[c]! * this.alphabetSize + childSymbols[g]!] = g;
    }
    this.first = first;
    this.childSymbols = childSymbols;
    this.terminals = terminals;
    this.pending = [];
    this.building.clear();
  }

  /** The child of `node` by UTF-16 unit `unit`, or -1. */
  step(node: number, unit: number): number {
    const symbol = this.symbols[unit]!;
    if (symbol === 0) return EMPTY;
    return this.stepSymbol(node, symbol);
  }

  /** step(step(0, first), second), in one lookup. */
  stepFromRoot2(first: number, second: number): number {
    if (!this.hasPairTable()) return this.step(this.step(0, first), second);
    const a = this.symbols[first]!;
    const b = this.symbols[second]!;
    return a === 0 || b === 0 ? EMPTY : this.rootNext2[a * this.alphabetSize + b]!;
  }

  /** Whether rootNext2 is laid out: not for an alphabet so large (many scripts) that it would take megabytes. */
  private hasPairTable(): boolean {
    return this.alphabetSize <= MAX_PAIR_ALPHABET;
  }

  /** The child of `node` by a symbol id (GAP or a letter), or -1. */
  stepSymbol(node: number, symbol: number): number {
    if (node === 0) return this.rootNext[symbol]!;
    let lo = this.first[node]!;
    let hi = this.first[node + 1]!;
    const syms = this.childSymbols;
    // Most nodes have one or two children; a few near the root have dozens.
    while (hi - lo > SCAN_LIMIT) {
      const mid = (lo + hi) >>> 1;
      if (syms[mid]! <= symbol) lo = mid;
      else hi = mid;
    }
    for (; lo < hi; lo++) {
      const s = syms[lo]!;
      if (s === symbol) return lo;
      if (s > symbol) return EMPTY;
    }
    return EMPTY;
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
    const key = node * 0x10000 + symbol;
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
