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

/**
 * Every reading of `token`, the token itself first. Readings that strip the article are
 * marked, because "ال + name + ية" is also how Arabic forms adjectives (السورية "Syrian"),
 * and the matcher treats those more strictly.
 */
export function cliticReadings(token: string): CliticReading[] {
  const readings: CliticReading[] = [{ key: token, skip: 0, articleRemoved: false }];
  const first = token.charCodeAt(0);
  if (first < ARABIC_START || first > ARABIC_END) return readings;

  const bases: CliticReading[] = [readings[0]!];
  for (const p of PROCLITICS) {
    if (!token.startsWith(p) || token.length - p.length < MIN_REST) continue;
    const rest = token.slice(p.length);
    const stripped = { key: rest, skip: p.length, articleRemoved: false };
    readings.push(stripped);
    bases.push(stripped);
    // ل + ال: the article's alef is not written (للأمم = ل + الأمم).
    if (p.endsWith('ل') && rest.startsWith('ل') && rest.length > MIN_REST) {
      const restored = { key: 'ا' + rest, skip: p.length, articleRemoved: false };
      readings.push(restored);
      readings.push({ key: rest.slice(1), skip: p.length + 1, articleRemoved: true });
      readings.push({ key: ARTICLE + rest, skip: p.length, articleRemoved: false }); // للاذقية
    }
  }
  for (const b of bases) {
    if (b.key.startsWith(ARTICLE) && b.key.length - ARTICLE.length >= MIN_REST) {
      readings.push({ key: b.key.slice(ARTICLE.length), skip: b.skip + ARTICLE.length, articleRemoved: true });
    }
  }
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
