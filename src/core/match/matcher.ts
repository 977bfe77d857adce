/**
 * Multi-pattern, whole-word matching of catalog aliases over a normalized text.
 *
 * Aliases are stored in a trie keyed by whole normalized words, so each text position is
 * one hash lookup per clitic reading plus one per further word of the alias: the cost is
 * linear in the text and does not grow with the catalog (beyond building the trie). This is
 * Aho–Corasick's goal on a word alphabet; failure links are not needed because matches are
 * taken leftmost-longest and never start inside a word.
 */
import { normalize, toOriginalRange, type NormalizedText } from '../text/normalize';
import { tokenize, words } from '../text/tokenize';
import { acceptsArticleStripped, visitCliticReadings } from './clitics';

/** An alias the matcher should find. */
export interface AliasInput {
  entityId: string;
  /** The alias as written in the catalog (any script, unnormalized). */
  text: string;
  /** Counts only in documents that also have an unambiguous mention of the entity. */
  ambiguous?: boolean;
}

/** One mention of an entity, in UTF-16 offsets of the original text. */
export interface Mention {
  entityId: string;
  start: number;
  end: number;
  /** The original text of the mention (without clitic). */
  text: string;
  /** The attached proclitics as written (e.g. «و», «بال», «ل»), if any. */
  clitic?: string;
  /** The catalog alias that matched. */
  alias: string;
  ambiguous: boolean;
}

interface Terminal {
  entityId: string;
  alias: string;
  words: string[];
  ambiguous: boolean;
}

interface Match {
  terminal: Terminal;
  lastToken: number;
  skip: number;
}

interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  terminal: Terminal | undefined;
}

/** Gap between the words of a multi-word alias: spaces, tabs, hyphens; never a line break. */
function isGap(text: string, from: number, to: number): boolean {
  if (to - from > 4) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x2d) return false;
  }
  return true;
}

export interface AliasConflict {
  alias: string;
  kept: string;
  dropped: string;
}

export class EntityMatcher {
  private readonly root = new Map<string, TrieNode>();
  /** Aliases that normalize to the same words as another entity's alias (first one kept). */
  readonly conflicts: AliasConflict[] = [];
  private size = 0;

  constructor(aliases: Iterable<AliasInput>) {
    for (const a of aliases) this.add(a);
  }

  /** Number of distinct aliases in the trie. */
  get aliasCount(): number {
    return this.size;
  }

  private add(a: AliasInput): void {
    const w = words(normalize(a.text).text);
    if (w.length === 0) return;
    let map = this.root;
    let node: TrieNode | undefined;
    for (const word of w) {
      node = map.get(word);
      if (!node) {
        node = { next: undefined, terminal: undefined };
        map.set(word, node);
      }
      map = node.next ??= new Map();
    }
    if (!node) return;
    if (node.terminal) {
      if (node.terminal.entityId !== a.entityId) {
        this.conflicts.push({ alias: a.text, kept: node.terminal.entityId, dropped: a.entityId });
      } else if (node.terminal.ambiguous && !a.ambiguous) {
        node.terminal.ambiguous = false; // an unambiguous spelling of the same words wins
      }
      return;
    }
    node.terminal = { entityId: a.entityId, alias: a.text, words: w, ambiguous: a.ambiguous ?? false };
    this.size++;
  }

  /**
   * Finds every mention in `original`, leftmost-longest and non-overlapping. Ambiguous
   * aliases are kept only where the same document has an unambiguous mention of the entity.
   */
  match(original: string, normalized: NormalizedText = normalize(original)): Mention[] {
    const text = normalized.text;
    const tokens = tokenize(text);
    const mentions: Mention[] = [];
    let i = 0;
    let best: Match | undefined;
    // Walks the trie from one reading of token i; keeps the longest match, then the least stripped.
    const tryReading = (key: string, skip: number, articleRemoved: boolean): void => {
      let node = this.root.get(key);
      let j = i;
      while (node) {
        const t = node.terminal;
        if (t && (!articleRemoved || acceptsArticleStripped(t.words))) {
          if (!best || j > best.lastToken || (j === best.lastToken && skip < best.skip)) {
            best = { terminal: t, lastToken: j, skip };
          }
        }
        if (!node.next || j + 1 >= tokens.count || !isGap(text, tokens.ends[j]!, tokens.starts[j + 1]!)) break;
        j++;
        node = node.next.get(text.slice(tokens.starts[j], tokens.ends[j]));
      }
    };
    while (i < tokens.count) {
      const tokenStart = tokens.starts[i]!;
      best = undefined;
      visitCliticReadings(text.slice(tokenStart, tokens.ends[i]), tryReading);
      const found = best as Match | undefined; // assigned inside tryReading
      if (!found) {
        i++;
        continue;
      }
      const range = toOriginalRange(normalized, tokenStart + found.skip, tokens.ends[found.lastToken]!);
      const tokenOriginalStart = normalized.starts[tokenStart]!;
      const mention: Mention = {
        entityId: found.terminal.entityId,
        start: range.start,
        end: range.end,
        text: original.slice(range.start, range.end),
        alias: found.terminal.alias,
        ambiguous: found.terminal.ambiguous,
      };
      if (range.start > tokenOriginalStart) mention.clitic = original.slice(tokenOriginalStart, range.start);
      mentions.push(mention);
      i = found.lastToken + 1;
    }
    return resolveAmbiguous(mentions);
  }
}

/** Keeps an ambiguous mention only if its entity also has an unambiguous mention here. */
function resolveAmbiguous(mentions: Mention[]): Mention[] {
  if (!mentions.some((m) => m.ambiguous)) return mentions;
  const confirmed = new Set(mentions.filter((m) => !m.ambiguous).map((m) => m.entityId));
  return mentions.filter((m) => !m.ambiguous || confirmed.has(m.entityId));
}
