/**
 * Arabic proclitics attached to a name: the conjunctions و ف, the prepositions ب ك ل,
 * their combinations (وب، فب، ول، فل، وك، فك), and the article ال after any of them
 * (وال، بال، فال، كال، وبال …). The preposition ل before the article drops the article's
 * alef: ل + الأمم = للأمم, so a token starting with لل also reads as ل + ال…; before a
 * name that itself starts with لـ, the three lams are written as two: ل + اللاذقية = للاذقية.
 *
 * All strings here are in normalized form (see text/normalize.ts).
 */

/** One way of reading a token as proclitics + a word. */
export interface CliticReading {
  /** The word to look up (normalized). May differ from the token's tail (restored alef). */
  key: string;
  /** How many normalized units of the token the proclitics take; the mention starts after them. */
  skip: number;
  /** Whether the article ال was removed to reach `key`. */
  articleRemoved: boolean;
}

/** Conjunction/preposition clusters, longest first. */
const PROCLITICS = ['وب', 'وك', 'ول', 'فب', 'فك', 'فل', 'و', 'ف', 'ب', 'ك', 'ل'];
const ARTICLE = 'ال';
/** A name left after stripping must keep at least this many letters. */
const MIN_REST = 2;

const ARABIC_START = 0x0600;
const ARABIC_END = 0x06ff;

/** Receives one reading: the word to look up, the units of the token to skip, article removed. */
export type ReadingVisitor = (key: string, skip: number, articleRemoved: boolean) => void;

/** ARABIC letters that can open a proclitic or the article: و ف ب ك ل ا. */
const CLITIC_START = new Set([0x0648, 0x0641, 0x0628, 0x0643, 0x0644, 0x0627]);

/**
 * Visits every reading of `token`, the token itself first, without allocating objects (this
 * runs once per word of every document). Readings that strip the article are marked,
 * because "ال + name + ية" is also how Arabic forms adjectives (السورية "Syrian"), and the
 * matcher treats those more strictly.
 */
export function visitCliticReadings(token: string, visit: ReadingVisitor): void {
  visit(token, 0, false);
  const first = token.charCodeAt(0);
  if (first < ARABIC_START || first > ARABIC_END || !CLITIC_START.has(first)) return;
  visitArticle(token, 0, visit);
  for (const p of PROCLITICS) {
    if (token.length - p.length < MIN_REST || !token.startsWith(p)) continue;
    const rest = token.slice(p.length);
    visit(rest, p.length, false);
    visitArticle(rest, p.length, visit);
    // ل + ال: the article's alef is not written (للأمم = ل + الأمم).
    if (p.endsWith('ل') && rest.startsWith('ل') && rest.length > MIN_REST) {
      visit('ا' + rest, p.length, false);
      visit(rest.slice(1), p.length + 1, true);
      visit(ARTICLE + rest, p.length, false); // للاذقية = ل + اللاذقية
    }
  }
}

function visitArticle(key: string, skip: number, visit: ReadingVisitor): void {
  if (key.startsWith(ARTICLE) && key.length - ARTICLE.length >= MIN_REST) {
    visit(key.slice(ARTICLE.length), skip + ARTICLE.length, true);
  }
}

/** Every reading of `token` as a list (for tests and tools; the matcher uses the visitor). */
export function cliticReadings(token: string): CliticReading[] {
  const readings: CliticReading[] = [];
  visitCliticReadings(token, (key, skip, articleRemoved) => readings.push({ key, skip, articleRemoved }));
  return readings;
}

/**
 * Whether an alias may match after its article was stripped from the text. A one-word
 * alias ending in ه (ة) or ي is refused: "ال + سوري + ة" is the adjective "Syrian", not
 * "Syria" (سورية). Multi-word aliases and other endings are accepted (الكرملين → كرملين).
 */
export function acceptsArticleStripped(aliasWords: readonly string[]): boolean {
  if (aliasWords.length > 1) return true;
  const w = aliasWords[0] ?? '';
  return !(w.endsWith('ه') || w.endsWith('ي'));
}
