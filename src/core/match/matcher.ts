/**
 * Multi-pattern, whole-word matching of catalog aliases over a normalized text.
 *
 * Aliases are stored in a character trie (charTrie.ts); each token of the text is walked
 * from the root once per clitic reading, character by character, and a walk usually ends
 * after a letter or two. The cost is linear in the text and does not grow with the catalog,
 * and nothing is allocated per token. This is Aho–Corasick's goal; failure links are not
 * needed because matches are taken leftmost-longest and never start inside a word.
 */
import { normalize, type NormalizedText } from '../text/normalize';
import { TokenBuffer, words } from '../text/tokenize';
import { CharTrie, GAP } from './charTrie';
import { acceptsArticleStripped, RESTORE_ALEF, RESTORE_ARTICLE, visitCliticReadingsAt } from './clitics';

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

/** Token buffer capacity (4 bytes a boundary, two boundaries a token) kept between texts. */
const MAX_KEPT_TOKENS = 1 << 18;

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

const ALEF = 0x0627;
const LAM = 0x0644;

export class EntityMatcher {
  private readonly trie = new CharTrie();
  /** Per terminal (an alias's words): its entity, its catalog spelling, its flags. */
  private readonly entityIds: string[] = [];
  private readonly aliasTexts: string[] = [];
  private readonly ambiguousFlags: boolean[] = [];
  /** Whether the alias may match a token whose article was stripped (see acceptsArticleStripped). */
  private readonly strippable: boolean[] = [];
  /** Aliases that normalize to the same words as another entity's alias (first one kept). */
  readonly conflicts: AliasConflict[] = [];
  /** The tokens of the text being matched, refilled by each match() call. */
  private tokens = new TokenBuffer();

  constructor(aliases: Iterable<AliasInput>) {
    for (const a of aliases) this.add(a);
    this.trie.freeze();
  }

  /** Number of distinct aliases in the trie. */
  get aliasCount(): number {
    return this.entityIds.length;
  }

  private add(a: AliasInput): void {
    const w = words(normalize(a.text).text);
    if (w.length === 0) return;
    const node = this.trie.insert(w);
    const existing = this.trie.terminalAt(node);
    if (existing >= 0) {
      if (this.entityIds[existing] !== a.entityId) {
        this.conflicts.push({ alias: a.text, kept: this.entityIds[existing]!, dropped: a.entityId });
      } else if (this.ambiguousFlags[existing] && !a.ambiguous) {
        this.ambiguousFlags[existing] = false; // an unambiguous spelling of the same words wins
      }
      return;
    }
    this.trie.setTerminal(node, this.entityIds.length);
    this.entityIds.push(a.entityId);
    this.aliasTexts.push(a.text);
    this.ambiguousFlags.push(a.ambiguous ?? false);
    this.strippable.push(acceptsArticleStripped(w));
  }

  /**
   * Finds every mention in `original`, leftmost-longest and non-overlapping. Ambiguous
   * aliases are kept only where the same document has an unambiguous mention of the entity.
   */
  match(original: string, normalized: NormalizedText = normalize(original)): Mention[] {
    return resolveAmbiguous(this.matchAll(original, normalized));
  }

  /**
   * Every alias occurrence, ambiguous ones included whatever the rest of the text says: what
   * match() returns before resolveAmbiguous(). A text's parts can be matched one at a time
   * (no mention spans a line break) and resolved together.
   */
  matchAll(original: string, normalized: NormalizedText = normalize(original)): Mention[] {
    const text = normalized.text;
    const { starts, ends, count } = this.tokens.fill(text);
    // A very long text grows the buffer; the next text starts from a small one again.
    if (starts.length > MAX_KEPT_TOKENS) this.tokens = new TokenBuffer();
    const trie = this.trie;
    const mentions: Mention[] = [];
    let i = 0;
    let bestTerminal = -1;
    let bestLast = -1;
    let bestSkip = 0;
    // Walks the trie along one reading of token i and the tokens after it; keeps the longest
    // match, then the least stripped one.
    const walk = (restore: number, from: number, skip: number, articleRemoved: boolean): void => {
      let node = 0;
      let pos = from;
      if (restore === RESTORE_ALEF) node = trie.step(0, ALEF);
      else if (restore === RESTORE_ARTICLE) node = trie.stepFromRoot2(ALEF, LAM);
      else if (pos + 1 < ends[i]!) {
        // The first two letters of the word in one lookup.
        node = trie.stepFromRoot2(text.charCodeAt(pos), text.charCodeAt(pos + 1));
        pos += 2;
      }
      if (node < 0) return;
      let j = i;
      for (;;) {
        const end = ends[j]!;
        while (pos < end) {
          node = trie.step(node, text.charCodeAt(pos++));
          if (node < 0) return;
        }
        const t = trie.terminalAt(node);
        if (t >= 0 && (!articleRemoved || this.strippable[t]) && (j > bestLast || (j === bestLast && skip < bestSkip))) {
          bestTerminal = t;
          bestLast = j;
          bestSkip = skip;
        }
        if (j + 1 >= count || !isGap(text, end, starts[j + 1]!)) return;
        node = trie.stepSymbol(node, GAP);
        if (node < 0) return;
        pos = starts[++j]!;
      }
    };
    while (i < count) {
      const tokenStart = starts[i]!;
      bestTerminal = -1;
      bestLast = -1;
      visitCliticReadingsAt(text, tokenStart, ends[i]!, walk);
      if (bestTerminal < 0) {
        i++;
        continue;
      }
      // toOriginalRange() without its range object (the token range is never empty).
      const start = normalized.starts[tokenStart + bestSkip]!;
      const end = normalized.ends[ends[bestLast]! - 1]!;
      const tokenOriginalStart = normalized.starts[tokenStart]!;
      const ambiguous = this.ambiguousFlags[bestTerminal]!;
      const mention: Mention = {
        entityId: this.entityIds[bestTerminal]!,
        start,
        end,
        text: original.slice(start, end),
        alias: this.aliasTexts[bestTerminal]!,
        ambiguous,
      };
      if (start > tokenOriginalStart) mention.clitic = original.slice(tokenOriginalStart, start);
      mentions.push(mention);
      i = bestLast + 1;
    }
    return mentions;
  }
}

/** Keeps an ambiguous mention only if its entity also has an unambiguous mention here. */
export function resolveAmbiguous(mentions: Mention[]): Mention[] {
  let k = 0;
  while (k < mentions.length && !mentions[k]!.ambiguous) k++;
  if (k === mentions.length) return mentions;
  // One pass for the confirmed entities, one to filter: no intermediate arrays on a long text.
  const confirmed = new Set<string>();
  for (const m of mentions) if (!m.ambiguous) confirmed.add(m.entityId);
  return mentions.filter((m) => !m.ambiguous || confirmed.has(m.entityId));
}
