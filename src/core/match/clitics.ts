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

/**
 * Conjunction/preposition clusters, longest first: وب وك ول فب فك فل, then و ف ب ك ل.
 * (visitCliticReadingsAt tests them by character code.)
 */
const WAW = 0x0648;
const FA = 0x0641;
const BA = 0x0628;
const KAF = 0x0643;
const LAM = 0x0644;
const ALEF = 0x0627;
const ARTICLE = 'ال';
/** A name left after stripping must keep at least this many letters. */
const MIN_REST = 2;


/** Receives one reading: the word to look up, the units of the token to skip, article removed. */
export type ReadingVisitor = (key: string, skip: number, articleRemoved: boolean) => void;

/** What a reading restores before the text it reads: nothing, the elided alef, or the article. */
export const RESTORE_NONE = 0;
export const RESTORE_ALEF = 1;
export const RESTORE_ARTICLE = 2;

/**
 * Receives one reading of the token text[start, end): the restored prefix (RESTORE_*), the
 * offset in `text` where the looked-up word continues, the units of the token the proclitics
 * take, and whether the article was removed.
 */
export type PositionVisitor = (restore: number, from: number, skip: number, articleRemoved: boolean) => void;


/**
 * Visits every reading of the token text[start, end), the token itself first, as positions
 * in `text`, so that nothing is allocated (this runs once per word of every document).
 * Readings that strip the article are marked, because "ال + name + ية" is also how Arabic
 * forms adjectives (السورية "Syrian"), and the matcher treats those more strictly.
 */
export function visitCliticReadingsAt(text: string, start: number, end: number, visit: PositionVisitor): void {
  visit(RESTORE_NONE, start, 0, false);
  const first = text.charCodeAt(start);
  // Only و ف ب ك ل and the article's ا open a reading other than the token itself.
  if (first !== WAW && first !== FA && first !== BA && first !== KAF && first !== LAM && first !== ALEF) return;
  visitArticleAt(text, start, end, 0, visit);
  // The clusters of PROCLITICS, longest first, tested by character code: startsWith() for
  // each of them cost more than all the rest of the matching.
  const second = text.charCodeAt(start + 1);
  if ((first === WAW || first === FA) && (second === BA || second === KAF || second === LAM)) {
    visitAfterProclitic(text, start, end, 2, second === LAM, visit);
  }
  if (first !== ALEF) visitAfterProclitic(text, start, end, 1, first === LAM, visit);
}

/** The readings after a proclitic of `length` units (endsInLam: it is or ends with ل). */
function visitAfterProclitic(text: string, start: number, end: number, length: number, endsInLam: boolean, visit: PositionVisitor): void {
  if (end - start - length < MIN_REST) return;
  const rest = start + length;
  visit(RESTORE_NONE, rest, length, false);
  visitArticleAt(text, rest, end, length, visit);
  // ل + ال: the article's alef is not written (للأمم = ل + الأمم).
  if (endsInLam && text.charCodeAt(rest) === LAM && end - rest > MIN_REST) {
    visit(RESTORE_ALEF, rest, length, false);
    visit(RESTORE_NONE, rest + 1, length + 1, true);
    visit(RESTORE_ARTICLE, rest, length, false); // للاذقية = ل + اللاذقية
  }
}

function visitArticleAt(text: string, start: number, end: number, skip: number, visit: PositionVisitor): void {
  if (text.startsWith(ARTICLE, start) && end - start - ARTICLE.length >= MIN_REST) {
    visit(RESTORE_NONE, start + ARTICLE.length, skip + ARTICLE.length, true);
  }
}

const RESTORED_TEXT = ['', 'ا', ARTICLE];

/** Visits every reading of a whole token as the word to look up (tests and tools). */
export function visitCliticReadings(token: string, visit: ReadingVisitor): void {
  visitCliticReadingsAt(token, 0, token.length, (restore, from, skip, articleRemoved) =>
    visit(RESTORED_TEXT[restore] + token.slice(from), skip, articleRemoved),
  );
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
