/**
 * The date grammar: small recursive-descent parsers over the token list (tokens.ts). Each
 * parser looks at a bounded number of tokens from its start, so a whole document is scanned in
 * linear time and no regex can backtrack catastrophically. A parser returns what the text SAYS
 * (a `Raw` reading); turning that into a calendar date against the document date is
 * resolve.ts's job.
 */

import type { Raw, RawDate, RawRelDay, RawWeekday } from './raw';
import { Kind, TokenCache, WordTable, type Token, type TokenList, type WordForm, wordForms } from './tokens';
import { latinMonthWords, monthByTwoWords, monthByWord, monthHeadWords, type Calendar, type MonthName } from './months';
import * as L from './lexicon';
import type { Qualifier } from './lexicon';
import { isValidDayMonth } from './calendar';

export type { Raw, RawAgo, RawDate, RawRelDay, RawRelUnit, RawWeekday } from './raw';

export interface Match {
  /** Start offset in the NORMALIZED text (after any proclitic). */
  start: number;
  /** One past the last token of the match. */
  endTok: number;
  raw: Raw;
}

export interface GrammarInput {
  tokens: TokenList;
  /** True when the text has no Arabic letters: only then may a numeric date be month-first. */
  englishOnly: boolean;
  /** True when the token's first character is upper-case in the ORIGINAL text. */
  isCapitalized(tokenIndex: number): boolean;
}

const SEPARATORS_NUMERIC = new Set(['/', '-', '.']);
const SEPARATORS_PAIR = new Set(['/', '-', '(', '|', '\\', '،', ',']);
const COMMAS = new Set([',', '،']);
const DOT = new Set(['.']);
const DASH = new Set(['-']);
const OPEN = new Set(['(']);
const CLOSE = new Set([')']);
const YAWM_AR = new Set(['يوم']);
const ARABIC = /[\u0621-\u064a]/;
/** Prepositions and particles that may follow a bare year: "منذ 2011 حتى", "في 2019 على". */
const YEAR_FOLLOWERS = new Set(['في', 'من', 'علي', 'الي', 'عن', 'مع', 'حتي', 'بعد', 'قبل', 'حين', 'عندما', 'حيث', 'لكن', 'ثم', 'او', 'ان', 'اي', 'كما', 'عند']);
/** Words that look definite (normalized إلى → الي) but are not adjectives: "اليوم إلى" is today. */
const DEFINITE_FUNCTION_WORDS = new Set(['الي', 'الا', 'التي', 'الذي', 'الذين', 'اللذين', 'اللتين', 'اللاتي', 'الان']);
const EN_ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);
/** Glued prefixes allowed before a number ("ب5 مايو", "الـ5 من"): clitics and the article. */
const NUMBER_PREFIXES = new Set(['و', 'ب', 'ل', 'ف', 'ك', 'وب', 'ول', 'ال', 'بال', 'وال', 'لل', 'في']);
// Keys below are written in their normalized spelling (no hamza on alef, ه for ة).
const MIN = 'من';
const OF = 'of';
const MUWAFIQ = new Set(['الموافق', 'بتاريخ']);
const TODAY = new Set(['اليوم', 'today']);
const YESTERDAY = new Set(['امس', 'الامس', 'yesterday']);
const TOMORROW = new Set(['غدا', 'tomorrow']);
const AWWAL = 'اول';
const BAAD = 'بعد';
const GHAD = 'غد';
const AGO = 'ago';
const MUNDHU = new Set(['منذ', 'قبل']);
/** Words before الاثنين/الجمعة that make them "the two" / "Friday prayer", not a dated weekday. */
const WEEKDAY_BLOCKERS = new Set(['بين', 'كلا', 'صلاه', 'خطبه', 'خطيب', 'صلوات', 'مساجد']);

// Parsers, as bits: the first token of a candidate decides which of them are worth trying.
const P_WEEKDAY = 1;
const P_DAY_MONTH = 2;
const P_MONTH_DAY = 4;
const P_NUMERIC = 8;
const P_MONTH_ONLY = 16;
const P_YEAR = 32;
const P_REL_UNIT = 64;
const P_REL_DAY = 128;
const P_AGO = 256;
const P_NUMBER = P_DAY_MONTH | P_NUMERIC | P_YEAR | P_AGO;

/** The words that can begin a date expression, each with the parsers it can begin. */
function startWords(): Map<string, number> {
  const roles = new Map<string, number>();
  const add = (words: Iterable<string>, bits: number): void => {
    for (const w of words) roles.set(w, (roles.get(w) ?? 0) | bits);
  };
  add(monthHeadWords(), P_MONTH_ONLY);
  add(latinMonthWords(), P_MONTH_DAY); // only English names are written before the day ("March 5")
  add(L.WEEKDAYS.keys(), P_WEEKDAY);
  add(L.ORDINAL_UNITS.keys(), P_DAY_MONTH);
  add(L.ORDINAL_WHOLE.keys(), P_DAY_MONTH);
  add(L.TIME_OF_DAY, P_WEEKDAY | P_REL_DAY);
  add(L.YEAR_WORDS, P_YEAR | P_REL_UNIT);
  add(L.YEAR_CUES, P_YEAR);
  add(L.EN_QUALIFIERS.keys(), P_REL_UNIT | P_WEEKDAY);
  add(L.MONTH_WORDS, P_MONTH_ONLY | P_REL_UNIT);
  add(L.WEEK_WORDS, P_REL_UNIT);
  add(L.THIS, P_REL_UNIT);
  add(L.NUMBER_WORDS.keys(), P_AGO);
  add(MUNDHU, P_AGO);
  add([...TODAY, ...YESTERDAY, ...TOMORROW, AWWAL, BAAD, 'the'], P_REL_DAY);
  add(['يوم'], P_WEEKDAY | P_REL_DAY);
  add(['on'], P_WEEKDAY);
  return roles;
}

/**
 * Every start word together with the proclitic forms wordForms() strips back to it ("وفي",
 * "لشهر", "للعام"). The pre-check looks up the hash tokenize() already computed (no string is
 * cut out for the ~90% of tokens that start nothing) and confirms a hit by the word itself.
 */
const START_FORMS = ((): Map<string, number> => {
  const clitics = ['و', 'ف', 'ب', 'ل', 'ك'];
  const prefixes = ['', ...clitics, ...clitics.flatMap((a) => clitics.map((b) => a + b))];
  const out = new Map<string, number>();
  for (const [w, bits] of startWords()) {
    const bases = w.startsWith('ال') ? [w, 'ل' + w.slice(1)] : [w];
    for (const base of bases) {
      for (const p of prefixes) {
        const candidate = p + base;
        if (wordForms(candidate).some((f) => f.word === w)) out.set(candidate, (out.get(candidate) ?? 0) | bits);
      }
    }
  }
  return out;
})();

/** START_FORMS by token: startBits() runs on every token, and most start nothing. */
const START_TABLE = new WordTable(START_FORMS);

/** The forms of a non-word token, or of an index past either end. */
const NO_FORMS: readonly WordForm[] = [];

/** An optional time of day that opens a weekday or a relative day: "مساء أمس", "صباح الخميس". */
interface TimeOfDay {
  /** Whether there is one. */
  found: boolean;
  /** The token after it (the anchor when there is none). */
  next: number;
  /** Clitic units before it that are not part of the mention ("ومساء"). */
  strip: number;
}

export class Grammar {
  private readonly tokens: TokenList;
  private readonly n: number;
  private readonly formsCache: TokenCache<readonly WordForm[]>;

  constructor(private readonly input: GrammarInput) {
    this.tokens = input.tokens;
    this.n = input.tokens.count;
    this.formsCache = input.tokens.formsCache;
  }

  // ---- token helpers -------------------------------------------------------------------

  /** The token where the current match attempt starts (it may begin a line). */
  private anchor = -1;

  /** Token j when it is the anchor or continues the expression on the same line, else undefined. */
  private cont(j: number): Token | undefined {
    const t = this.tokens.get(j);
    return t !== undefined && (j === this.anchor || !t.breakBefore) ? t : undefined;
  }

  /** cont(j) when token j is of `kind`; a token of another kind is not even built. */
  private contOf(j: number, kind: Kind): Token | undefined {
    return this.tokens.kindAt(j) === kind ? this.cont(j) : undefined;
  }

  private forms(j: number): readonly WordForm[] {
    if (j < 0 || j >= this.n) return NO_FORMS;
    let f = this.formsCache.get(j);
    if (f === undefined) {
      const t = this.tokens.get(j)!;
      f = t.kind === Kind.Word ? wordForms(t.text) : NO_FORMS;
      this.formsCache.set(j, f);
    }
    return f;
  }

  /** The first clitic form of token j found in `set`, e.g. "لعام" in YEAR_WORDS as "عام". */
  private formIn(j: number, set: ReadonlySet<string> | ReadonlyMap<string, unknown>): WordForm | undefined {
    for (const f of this.forms(j)) if (set.has(f.word)) return f;
    return undefined;
  }

  /** Token j (continuing the line) is exactly one of `words` (no clitics). */
  private isWord(j: number, words: ReadonlySet<string> | string): boolean {
    const t = this.contOf(j, Kind.Word);
    if (!t) return false;
    return typeof words === 'string' ? t.text === words : words.has(t.text);
  }

  private isPunct(j: number, set: ReadonlySet<string>): boolean {
    const t = this.contOf(j, Kind.Punct);
    return t !== undefined && set.has(t.text);
  }

  private num(j: number): { value: number; digits: number } | undefined {
    const t = this.contOf(j, Kind.Num);
    return t ? { value: Number(t.text), digits: t.text.length } : undefined;
  }

  private startOf(j: number, strip = 0): number {
    return this.tokens.get(j)!.start + strip;
  }

  /** A number at j that is not glued to a preceding word or part of a longer numeric chain. */
  private freeNumberStart(j: number): boolean {
    const t = this.tokens.get(j);
    if (!t || t.kind !== Kind.Num) return false;
    const prev = this.tokens.get(j - 1);
    if (!prev || t.breakBefore) return true;
    if (!t.spaceBefore && prev.kind === Kind.Word && !NUMBER_PREFIXES.has(prev.text)) return false;
    if (prev.kind === Kind.Punct && (SEPARATORS_NUMERIC.has(prev.text) || prev.text === ':' || prev.text === '+')) {
      const before = this.tokens.get(j - 2);
      if (before && before.kind === Kind.Num && !prev.breakBefore) return false;
      if (prev.text === '+') return false;
    }
    return true;
  }

  /**
   * Like freeNumberStart, but a day may follow "5-" or "5/" in a range ("5-6 مايو 2020" gives
   * 6 May): the grammar has no ranges, and the last day with its month and year beats nothing.
   */
  private dayNumberStart(j: number): boolean {
    if (this.freeNumberStart(j)) return true;
    const prev = this.tokens.get(j - 1)!;
    // The "5" must be on the same line: a date never reads into the line before it.
    if (prev.breakBefore) return false;
    const before = this.tokens.get(j - 2);
    return prev.kind === Kind.Punct && (prev.text === '-' || prev.text === '/') && before !== undefined && before.kind === Kind.Num && before.text.length <= 2;
  }

  /** A number that does not run on into "/5", "-33", ".5", ":30" (phone numbers, times, decimals). */
  private freeNumberEnd(j: number): boolean {
    const next = this.cont(j + 1);
    if (!next) return true;
    if (next.kind === Kind.Word && !next.spaceBefore) return L.GREGORIAN_MARKERS.has(next.text) || L.HIJRI_MARKERS.has(next.text) || EN_ORDINAL_SUFFIX.has(next.text);
    if (next.kind === Kind.Num) return next.spaceBefore;
    if (next.kind === Kind.Punct && (SEPARATORS_NUMERIC.has(next.text) || next.text === ':')) {
      const after = this.cont(j + 2);
      return !(after && after.kind === Kind.Num);
    }
    return true;
  }

  // ---- building blocks -----------------------------------------------------------------

  /** A month name at j (one or two words, clitics allowed on the first). */
  private month(j: number): { m: MonthName; end: number; strip: number } | undefined {
    const first = this.cont(j);
    if (!first || first.kind !== Kind.Word) return undefined;
    const second = this.cont(j + 1);
    for (const f of this.forms(j)) {
      if (second && second.kind === Kind.Word) {
        const two = monthByTwoWords(f.word, second.text);
        if (two) return { m: two, end: j + 2, strip: f.strip };
      }
      const one = monthByWord(f.word);
      if (one) {
        let end = j + 1;
        // "Sept." — an abbreviation's full stop belongs to the month.
        if (one.latin && f.word.length <= 4 && this.isPunct(end, DOT) && !this.tokens.get(end)!.spaceBefore) end++;
        return { m: one, end, strip: f.strip };
      }
    }
    return undefined;
  }

  /**
   * A month, optionally paired with its other name: "أيار/مايو", "5 يونيو / حزيران",
   * "أكتوبر (تشرين الأول)". The pair counts once; a pairing is itself proof it is a month.
   */
  private monthGroup(j: number): { m: MonthName; end: number; strip: number; paired: boolean } | undefined {
    const a = this.month(j);
    if (!a) return undefined;
    const sep = this.cont(a.end);
    if (sep && sep.kind === Kind.Punct && SEPARATORS_PAIR.has(sep.text)) {
      const b = this.cont(a.end + 1) ? this.month(a.end + 1) : undefined;
      if (b && b.strip === 0 && b.m.month === a.m.month && b.m.calendar === a.m.calendar) {
        let end = b.end;
        if (sep.text === '(') {
          if (!this.isPunct(end, CLOSE)) return { m: a.m, end: a.end, strip: a.strip, paired: false };
          end++;
        }
        return { m: a.m, end, strip: a.strip, paired: true };
      }
    }
    return { m: a.m, end: a.end, strip: a.strip, paired: false };
  }

  /** A calendar marker at j: م/ميلادي or هـ/هجري. */
  private marker(j: number): Calendar | undefined {
    const t = this.contOf(j, Kind.Word);
    if (!t) return undefined;
    if (L.GREGORIAN_MARKERS.has(t.text)) return 'gregorian';
    if (L.HIJRI_MARKERS.has(t.text)) return 'hijri';
    return undefined;
  }

  /**
   * The year after a month: [،] [من] [عام|العام|سنة] 2018 [م|هـ], or a relative year
   * "من العام الماضي" / "من هذا العام".
   */
  private yearAfter(j: number): { year?: number; marker?: Calendar; yearQual?: Qualifier; end: number } | undefined {
    let k = j;
    if (this.isPunct(k, COMMAS)) k++;
    const hadMin = this.isWord(k, MIN) || this.isWord(k, OF);
    if (hadMin) k++;
    let yearWord: WordForm | undefined;
    if (this.cont(k) && (yearWord = this.formIn(k, L.YEAR_WORDS))) k++;
    const n = this.num(k);
    if (n && (n.digits === 4 || n.digits === 3) && this.freeNumberEnd(k)) {
      const marker = this.marker(k + 1);
      const plausible = marker === 'hijri' ? n.value >= 1 && n.value <= 1600 : n.digits === 4 && n.value >= 1000 && n.value <= 2999;
      if (plausible) return marker ? { year: n.value, marker, end: k + 2 } : { year: n.value, end: k + 1 };
      return undefined;
    }
    if (hadMin || yearWord) {
      // "من العام الماضي", "من هذا العام"
      if (yearWord && L.YEAR_WORDS_DEFINITE.has(yearWord.word)) {
        const q = this.formIn(k, L.QUALIFIERS);
        if (q && this.cont(k)) return { yearQual: L.QUALIFIERS.get(q.word)!, end: k + 1 };
      }
      if (!yearWord && this.isWord(k, L.THIS) && this.cont(k + 1) && this.formIn(k + 1, L.YEAR_WORDS_DEFINITE)) {
        return { yearQual: 'current', end: k + 2 };
      }
    }
    return undefined;
  }

  /** A day: 1–31 as digits ("05", "5th"), or an ordinal in words (الخامس عشر, الحادي والعشرين). */
  private day(j: number): { day: number; end: number; strip: number; ordinalWords: boolean } | undefined {
    const t = this.tokens.get(j);
    if (!t) return undefined;
    if (t.kind === Kind.Num) {
      if (t.text.length > 2 || !this.dayNumberStart(j)) return undefined;
      const value = Number(t.text);
      if (value < 1 || value > 31) return undefined;
      let end = j + 1;
      const suffix = this.cont(end);
      if (suffix && suffix.kind === Kind.Word && !suffix.spaceBefore && EN_ORDINAL_SUFFIX.has(suffix.text)) end++;
      else if (!this.freeNumberEnd(j)) return undefined;
      return { day: value, end, strip: 0, ordinalWords: false };
    }
    if (t.kind !== Kind.Word) return undefined;
    const whole = this.formIn(j, L.ORDINAL_WHOLE);
    const unit = this.formIn(j, L.ORDINAL_UNITS);
    if (unit) {
      const u = L.ORDINAL_UNITS.get(unit.word)!;
      if (this.cont(j + 1) && this.formIn(j + 1, L.TEEN) && this.tokens.get(j + 1)!.text.length <= 4) {
        if (u === 1 && unit.word === 'الاول') return undefined; // "الأول عشر" is not Arabic
        return { day: 10 + u, end: j + 2, strip: unit.strip, ordinalWords: true };
      }
      const tensTok = this.cont(j + 1);
      if (tensTok && tensTok.kind === Kind.Word && tensTok.text.startsWith('و')) {
        const tens = L.ORDINAL_TENS.get(tensTok.text.slice(1));
        if (tens !== undefined) return { day: tens + u, end: j + 2, strip: unit.strip, ordinalWords: true };
      }
      if (unit.word === 'الحادي') return undefined;
      return { day: u, end: j + 1, strip: unit.strip, ordinalWords: true };
    }
    if (whole) return { day: L.ORDINAL_WHOLE.get(whole.word)!, end: j + 1, strip: whole.strip, ordinalWords: true };
    return undefined;
  }

  // ---- parsers -------------------------------------------------------------------------

  /** Day + month (+ year | qualifier): "5 يونيو"، "05 فبراير 2020"، "الخامس عشر من أكتوبر"، "5th of March 2020". */
  dayMonth(j: number): Match | undefined {
    const d = this.day(j);
    if (!d) return undefined;
    let k = d.end;
    if (this.isWord(k, MIN) || this.isWord(k, OF)) k++;
    else if (d.ordinalWords) return undefined; // "الأول من مايو" needs its من
    if (this.cont(k) && this.formIn(k, L.MONTH_WORDS) && this.tokens.get(k)!.text !== 'month') k++;
    if (!this.cont(k)) return undefined;
    const mg = this.monthGroup(k);
    if (!mg || (mg.strip > 0 && k === d.end)) return undefined; // "5 ومايو" is not a date
    return this.finishDate(j, d.strip, d.day, mg.m, mg.end);
  }

  /** English month-first: "March 5, 2020", "Sept. 17th". */
  monthDay(j: number): Match | undefined {
    const mg = this.monthGroup(j);
    if (!mg || !mg.m.latin) return undefined;
    const k = mg.end;
    const d = this.cont(k) ? this.day(k) : undefined;
    if (!d || d.ordinalWords) return undefined;
    if (mg.m.ambiguous && !this.input.isCapitalized(j)) {
      // "may 5" in running lower-case text is more likely the verb; demand a year then.
      const y = this.yearAfter(d.end);
      if (!y || y.year === undefined) return undefined;
    }
    return this.finishDate(j, mg.strip, d.day, mg.m, d.end);
  }

  /** Common tail of a day+month date: the year or qualifier, then validation. */
  private finishDate(j: number, strip: number, day: number, m: MonthName, k: number): Match | undefined {
    const raw: RawDate = { kind: 'date', calendar: m.calendar, precision: 'day', month: m.month, day };
    let end = k;
    const y = this.yearAfter(k);
    if (y) {
      end = y.end;
      if (y.year !== undefined) raw.year = y.year;
      if (y.yearQual) raw.yearQual = y.yearQual;
    } else {
      const q = this.cont(k) ? this.formIn(k, L.QUALIFIERS) : undefined;
      if (q && q.strip === 0 && L.isMasculineQualifier(q.word)) {
        raw.monthQual = L.QUALIFIERS.get(q.word)!;
        end = k + 1;
      }
    }
    if (m.calendar === 'hijri' ? day > 30 : !isValidDayMonth(day, m.month, raw.year)) return undefined;
    return { start: this.startOf(j, strip), endTok: end, raw };
  }

  /**
   * Numeric dates. Rule: Y-M-D when the year comes first; otherwise D/M/Y (the Arabic and
   * European convention), which a first number > 12 confirms anyway. M/D/Y is read only in an
   * English-only text and only when the second number is > 12 (12/25/2019). Years must have four
   * digits. A four-digit year in 1300–1500, or one followed by هـ, is Hijri.
   */
  numeric(j: number): Match | undefined {
    const a = this.num(j);
    if (!a || !this.freeNumberStart(j)) return undefined;
    const sep = this.cont(j + 1);
    if (!sep || sep.kind !== Kind.Punct || !SEPARATORS_NUMERIC.has(sep.text)) return undefined;
    const b = this.num(j + 2);
    if (!b || b.digits > 2) return undefined;
    const sep2 = this.cont(j + 3);
    if (!sep2 || sep2.kind !== Kind.Punct || sep2.text !== sep.text) return undefined;
    const c = this.num(j + 4);
    if (!c || !this.freeNumberEnd(j + 4)) return undefined;
    let year: number;
    let month: number;
    let day: number;
    let monthFirst = false;
    if (a.digits === 4 && c.digits <= 2) {
      year = a.value;
      month = b.value;
      day = c.value;
    } else if (c.digits === 4 && a.digits <= 2) {
      year = c.value;
      if (b.value > 12) {
        if (!this.input.englishOnly || a.value > 12) return undefined;
        month = a.value;
        day = b.value;
        monthFirst = true;
      } else {
        day = a.value;
        month = b.value;
      }
    } else return undefined;
    let end = j + 5;
    const marker = this.marker(end);
    if (marker) end++;
    const hijri = marker === 'hijri' || (marker === undefined && year >= 1300 && year <= 1500);
    if (hijri) {
      if (month < 1 || month > 12 || day < 1 || day > 30) return undefined;
    } else if (year < 1800 || year > 2199 || !isValidDayMonth(day, month, year)) return undefined;
    const raw: RawDate = { kind: 'date', calendar: hijri ? 'hijri' : 'gregorian', precision: 'day', year, month, day };
    if (hijri && marker === undefined) raw.hijriAssumed = true;
    if (monthFirst) raw.monthFirst = true;
    return { start: this.startOf(j), endTok: end, raw };
  }

  /**
   * A month without a day: "أيلول عام 2018", "September 2018", "رمضان 1441 هـ" (with a year);
   * "تشرين الثاني الماضي" (qualified); "في أيلول", "سبتمبر/أيلول", "لشهر أيار" (bare). An
   * ambiguous month word (مارس، صفر، رجب، ماي) counts bare only after شهر or when paired; a bare
   * English month only capitalized after in/since/last/…; a bare Hijri month not at all.
   */
  monthOnly(j: number): Match | undefined {
    let k = j;
    let strip = 0;
    let monthCue = false;
    const cue = this.formIn(j, L.MONTH_WORDS);
    if (cue && cue.word !== 'الشهر' && cue.word !== 'month') {
      monthCue = true;
      strip = cue.strip;
      k++;
      if (!this.cont(k)) return undefined;
    }
    const mg = this.monthGroup(k);
    if (!mg) return undefined;
    if (!monthCue) strip = mg.strip;
    const raw: RawDate = { kind: 'date', calendar: mg.m.calendar, precision: 'month', month: mg.m.month };
    const y = this.yearAfter(mg.end);
    if (y && y.year !== undefined) {
      raw.year = y.year;
      if (mg.m.calendar === 'gregorian' && y.marker === 'hijri') return undefined;
      return { start: this.startOf(j, strip), endTok: y.end, raw };
    }
    if (y && y.yearQual) {
      raw.yearQual = y.yearQual;
      return mg.m.calendar === 'gregorian' ? { start: this.startOf(j, strip), endTok: y.end, raw } : undefined;
    }
    if (mg.m.calendar === 'hijri') return undefined;
    const qf = this.cont(mg.end) ? this.formIn(mg.end, L.QUALIFIERS) : undefined;
    const q = qf && qf.strip === 0 && L.isMasculineQualifier(qf.word) ? qf : undefined;
    const strong = monthCue || mg.paired || q !== undefined;
    if (mg.m.latin) {
      const prev = this.tokens.get(j - 1);
      const cued = prev !== undefined && !this.tokens.get(j)!.breakBefore && prev.kind === Kind.Word && L.EN_MONTH_CUES.has(prev.text);
      // Capitalized full names only: "in May", "since March", never "jan" or "may".
      const full = this.tokens.get(k)!.text.length >= 3 && this.tokens.get(k)!.text !== 'sept' && (!mg.m.ambiguous || ['may', 'march', 'august'].includes(this.tokens.get(k)!.text));
      if (!cued || !full || !this.input.isCapitalized(k)) return undefined;
    } else if (mg.m.ambiguous && !strong) return undefined;
    if (q) {
      raw.monthQual = L.QUALIFIERS.get(q.word)!;
      return { start: this.startOf(j, strip), endTok: mg.end + 1, raw };
    }
    return { start: this.startOf(j, strip), endTok: mg.end, raw };
  }

  /**
   * Years: "عام 2017"، "العام 2018"، "لعام 2019"، "2018م"، "1441 هـ", and a bare year after a cue
   * ("في 2019", "منذ 2011", "in 2019") when it is a plausible news year (1950–2035), not a label
   * (القرار 2254) and not followed by a counted noun ("في 2000 شخص") or a numeric-date separator.
   */
  year(j: number): Match | undefined {
    // A year word or cue needs a number right after it, and most cues (في، قبل، بعد) have none.
    if (this.tokens.kindAt(j) === Kind.Word && this.tokens.kindAt(j + 1) !== Kind.Num) return undefined;
    const t = this.tokens.get(j);
    if (!t) return undefined;
    if (t.kind === Kind.Num) {
      if (!this.freeNumberStart(j) || !this.freeNumberEnd(j)) return undefined;
      const marker = this.marker(j + 1);
      if (!marker) return undefined;
      const v = Number(t.text);
      const ok = marker === 'hijri' ? t.text.length >= 3 && t.text.length <= 4 && v >= 1 && v <= 1600 : t.text.length === 4 && v >= 1000 && v <= 2999;
      if (!ok) return undefined;
      return { start: t.start, endTok: j + 2, raw: { kind: 'date', calendar: marker, precision: 'year', year: v } };
    }
    if (t.kind !== Kind.Word || this.tokens.kindAt(j + 1) !== Kind.Num) return undefined; // fast exit for في، خلال …
    const yw = this.formIn(j, L.YEAR_WORDS);
    if (yw && this.cont(j + 1)) {
      const n = this.num(j + 1);
      if (n && (n.digits === 4 || n.digits === 3) && this.freeNumberEnd(j + 1) && !this.blockedYearWord(j)) {
        const marker = this.marker(j + 2);
        const ok = marker === 'hijri' ? n.value >= 1 && n.value <= 1600 : n.digits === 4 && n.value >= 1000 && n.value <= 2999;
        if (ok && !this.countNounAt(j + 2)) {
          return {
            start: this.startOf(j, yw.strip),
            endTok: marker ? j + 3 : j + 2,
            raw: { kind: 'date', calendar: marker ?? 'gregorian', precision: 'year', year: n.value },
          };
        }
      }
      return undefined;
    }
    const cue = this.formIn(j, L.YEAR_CUES);
    if (cue && this.cont(j + 1)) {
      const n = this.num(j + 1);
      if (!n || n.digits !== 4 || n.value < 1950 || n.value > 2035) return undefined;
      if (!this.freeNumberStart(j + 1) || !this.freeNumberEnd(j + 1) || this.countNounAt(j + 2) || !this.yearCanEndHere(j + 2)) return undefined;
      const marker = this.marker(j + 2);
      return {
        start: this.tokens.get(j + 1)!.start,
        endTok: marker ? j + 3 : j + 2,
        raw: { kind: 'date', calendar: marker ?? 'gregorian', precision: 'year', year: n.value },
      };
    }
    return undefined;
  }

  /**
   * After a bare cue-year ("في 2019") an Arabic sentence goes on with punctuation, a conjunction
   * (وقال، فإن), a preposition or a definite word; a bare indefinite noun ("في 2000 شاحنة") makes
   * the number a count. English text is let through (its counts are caught by COUNT_NOUNS).
   */
  private yearCanEndHere(j: number): boolean {
    const t = this.cont(j);
    if (!t || t.kind !== Kind.Word) return true;
    if (!ARABIC.test(t.text)) return true;
    if (this.marker(j)) return true;
    const c = t.text.charAt(0);
    return c === 'و' || c === 'ف' || t.text.startsWith('ال') || YEAR_FOLLOWERS.has(t.text);
  }

  /** "الأمين العام 2019…": العام right after a definite noun is the adjective "general". */
  private blockedYearWord(j: number): boolean {
    const t = this.tokens.get(j)!;
    if (t.text !== 'العام' && t.text !== 'السنه') return false;
    const prev = this.tokens.get(j - 1);
    return prev !== undefined && !t.breakBefore && prev.kind === Kind.Word && prev.text.startsWith('ال');
  }

  /** A counted noun after a number ("2000 شخص", "عام 2000 جنديا"): it is a count, not a year. */
  private countNounAt(j: number): boolean {
    const t = this.cont(j);
    if (!t || t.kind !== Kind.Word) return false;
    if (this.formIn(j, L.COUNT_NOUNS)) return true;
    // Accusative tamyiz ("13 جندياً" → "جنديا"): a long Arabic word ending in alef.
    return t.text.length >= 4 && t.text.endsWith('ا') && ARABIC.test(t.text);
  }

  /** الأسبوع/الشهر/العام الماضي، هذا العام، last week, next month. */
  relUnit(j: number): Match | undefined {
    const t = this.tokens.get(j);
    if (!t || t.kind !== Kind.Word) return undefined;
    // English: last/next/this + unit.
    const enq = L.EN_QUALIFIERS.get(t.text);
    if (enq && this.cont(j + 1)) {
      const u = this.tokens.get(j + 1)!;
      if (u.kind === Kind.Word && (u.text === 'week' || u.text === 'month' || u.text === 'year')) {
        return { start: t.start, endTok: j + 2, raw: { kind: 'relunit', unit: u.text, qual: enq } };
      }
      return undefined;
    }
    const thisWord = this.formIn(j, L.THIS);
    if (thisWord) {
      const unit = this.cont(j + 1) ? unitOf(this.tokens.get(j + 1)!.text) : undefined;
      return unit ? { start: this.startOf(j, thisWord.strip), endTok: j + 2, raw: { kind: 'relunit', unit, qual: 'current' } } : undefined;
    }
    for (const f of this.forms(j)) {
      const unit = unitOf(f.word);
      if (!unit) continue;
      if (!this.cont(j + 1)) return undefined;
      const q = L.QUALIFIERS.get(this.tokens.get(j + 1)!.text);
      if (!q || this.tokens.get(j + 1)!.kind !== Kind.Word) return undefined;
      if (unit === 'year' && f.strip === 0 && this.blockedYearWord(j)) return undefined;
      return { start: this.startOf(j, f.strip), endTok: j + 2, raw: { kind: 'relunit', unit, qual: q } };
    }
    return undefined;
  }

  /**
   * اليوم / أمس / أول أمس / غداً / بعد غد, with an optional time of day before (صباح، مساء) and
   * an optional weekday after ("مساء أمس الثلاثاء", "اليوم السبت"); English today/yesterday/
   * tomorrow. "اليوم" followed by another definite word (اليوم التالي، اليوم الأول) is "the day", not today.
   */
  relDay(j: number, timeOfDay = this.timeOfDay(j)): Match | undefined {
    let k = timeOfDay.next;
    let strip = timeOfDay.strip;
    if (timeOfDay.found && !this.cont(k)) return undefined;
    let hadYawm = false;
    if (this.cont(k) || k === j) {
      const y = this.formIn(k, YAWM_AR);
      if (y && this.cont(k + 1)) {
        if (k === j) strip = y.strip;
        hadYawm = true;
        k++;
      }
    }
    if (k !== j && !this.cont(k)) return undefined;
    // Clitics only on the first word of the expression ("وأمس"), not after صباح or يوم.
    const w = relDayForm(this.forms(k), k === j ? Infinity : 1);
    if (!w) return undefined;
    if (k === j) strip = w.strip;
    let offset: number;
    let end = k + 1;
    if (TODAY.has(w.word)) {
      if (hadYawm) return undefined;
      const next = this.cont(k + 1);
      if (next && next.kind === Kind.Word && next.text.startsWith('ال') && !L.WEEKDAYS.has(next.text) && !DEFINITE_FUNCTION_WORDS.has(next.text)) return undefined;
      offset = 0;
    } else if (YESTERDAY.has(w.word)) {
      offset = -1;
      if (this.isWord(k + 1, 'الاول')) {
        offset = -2; // أمس الأول
        end++;
      }
    } else if (TOMORROW.has(w.word)) {
      if (hadYawm) return undefined;
      offset = 1;
    } else if (w.word === GHAD) {
      if (!hadYawm) return undefined; // "يوم غد"
      offset = 1;
    } else if (w.word === AWWAL) {
      // أول أمس / أول من أمس
      let m = k + 1;
      if (this.isWord(m, MIN)) m++;
      if (!this.isWord(m, YESTERDAY)) return undefined;
      offset = -2;
      end = m + 1;
    } else if (w.word === BAAD) {
      if (!this.isWord(k + 1, GHAD)) return undefined;
      offset = 2;
      end = k + 2;
    } else {
      // the day before yesterday / the day after tomorrow
      if (!(this.isWord(k + 1, 'day') && this.cont(k + 2) && this.cont(k + 3))) return undefined;
      if (this.isWord(k + 2, 'before') && this.isWord(k + 3, 'yesterday')) offset = -2;
      else if (this.isWord(k + 2, 'after') && this.isWord(k + 3, 'tomorrow')) offset = 2;
      else return undefined;
      end = k + 4;
    }
    const raw: RawRelDay = { kind: 'relday', offset };
    // An optional weekday: "أمس الثلاثاء", "اليوم، السبت", "yesterday (Tuesday)".
    let m = end;
    const paren = this.isPunct(m, OPEN);
    if (paren || this.isPunct(m, COMMAS)) m++;
    const wd = this.cont(m) ? this.weekdayWord(m) : undefined;
    if (wd !== undefined) {
      m++;
      if (paren) {
        if (this.isPunct(m, CLOSE)) m++;
        else m = -1;
      }
      if (m > 0) {
        raw.weekday = wd;
        end = m;
      }
    }
    return { start: this.startOf(j, strip), endTok: end, raw };
  }

  /** The time of day at j, if any: both relDay and weekday may begin with one. */
  private timeOfDay(j: number): TimeOfDay {
    const tod = this.formIn(j, L.TIME_OF_DAY);
    return tod ? { found: true, next: j + 1, strip: tod.strip } : { found: false, next: j, strip: 0 };
  }

  /** A weekday word at j (exact, no clitics), with the guards for الأحد عشر، بين الاثنين، صلاة الجمعة. */
  private weekdayWord(j: number, allowClitics = false): number | undefined {
    const t = this.tokens.get(j);
    if (!t || t.kind !== Kind.Word) return undefined;
    const f = allowClitics ? this.formIn(j, L.WEEKDAYS) : L.WEEKDAYS.has(t.text) ? { word: t.text, strip: 0 } : undefined;
    if (!f) return undefined;
    const w = L.WEEKDAYS.get(f.word)!;
    if (!ARABIC.test(f.word)) {
      if (!this.input.isCapitalized(j)) return undefined; // "friday" lower-case in running text
    }
    if (w === 0 && this.cont(j + 1) && this.formIn(j + 1, L.TEEN)) return undefined; // الأحد عشر = eleven
    const prev = this.tokens.get(j - 1);
    if (prev && !t.breakBefore && prev.kind === Kind.Word) {
      const before = this.forms(j - 1);
      if (before.some((p) => WEEKDAY_BLOCKERS.has(p.word))) return undefined;
      // "الدول الاثنين": after a definite noun, الاثنين is "the two", not Monday.
      if (w === 1 && before.some((p) => p.word.startsWith('ال'))) return undefined;
    }
    return w;
  }

  /**
   * A weekday, alone or introducing a date: "الخميس"، "يوم الخميس"، "مساء الثلاثاء"، "الخميس
   * الماضي"، "الأربعاء 5 يونيو / حزيران"، "الأربعاء الموافق 5 يونيو"، "يوم 5 مايو"،
   * "on Friday", "last Friday", "Wednesday, June 5, 2019".
   */
  weekday(j: number, timeOfDay = this.timeOfDay(j)): Match | undefined {
    let k = timeOfDay.next;
    let strip = timeOfDay.strip;
    let qual: RawWeekday['qual'] = 'onOrBefore';
    let startsAtCue = false;
    if (k === j && this.tokens.get(j)?.kind === Kind.Word) {
      const t = this.tokens.get(j)!.text;
      if (t === 'last' || t === 'next') {
        qual = t === 'last' ? 'past' : 'next';
        k++;
      } else if (t === 'on') {
        startsAtCue = true; // the mention starts at the weekday, "on" is only a cue
        k++;
      }
    }
    // "يوم" (with a clitic only as the first word: "ويوم الخميس").
    const yawm = this.cont(k) ? this.formIn(k, YAWM_AR) : undefined;
    if (yawm && (k === j || yawm.strip === 0)) {
      if (k === j) strip = yawm.strip;
      k++;
    }
    if (k > j && !this.cont(k)) return undefined;
    const wd = this.weekdayWord(k, k === j);
    let start: number;
    if (startsAtCue) start = this.startOf(k);
    else if (k === j && wd !== undefined) start = this.startOf(j, this.formIn(j, L.WEEKDAYS)!.strip);
    else start = this.startOf(j, strip);
    if (wd === undefined) {
      // "يوم 5 مايو": يوم introducing a date (no weekday).
      if (!yawm || timeOfDay.found) return undefined;
      const date = this.dateAt(k);
      return date ? { start, endTok: date.endTok, raw: date.raw } : undefined;
    }
    k++;
    // A following date: "الأربعاء 5 يونيو", "الأربعاء، 5 يونيو", "الأربعاء الموافق 5 يونيو".
    let m = k;
    if (this.isPunct(m, COMMAS) || this.isPunct(m, DASH)) m++;
    if (this.isWord(m, MUWAFIQ)) m++;
    if (this.cont(m) && qual === 'onOrBefore') {
      const date = this.dateAt(m);
      if (date && date.raw.kind === 'date' && date.raw.precision === 'day') {
        date.raw.weekday = wd; // dateAt() built this reading just now: the weekday completes it
        return { start, endTok: date.endTok, raw: date.raw };
      }
    }
    if (qual === 'onOrBefore' && this.cont(k)) {
      const q = L.QUALIFIERS.get(this.tokens.get(k)!.text);
      if (q && this.tokens.get(k)!.kind === Kind.Word) {
        if (q === 'past') qual = 'past';
        else if (q === 'next') qual = 'next';
        if (q !== 'current') k++;
      }
    }
    return { start, endTok: k, raw: { kind: 'weekday', weekday: wd, qual } };
  }

  /** A full day-precision date starting at j (used after a weekday or يوم). */
  private dateAt(j: number): Match | undefined {
    return this.dayMonth(j) ?? this.monthDay(j) ?? this.numeric(j);
  }

  /** منذ يومين، منذ ثلاثة أيام، قبل أسبوع، منذ 3 أيام; two days ago, 3 days ago. */
  ago(j: number): Match | undefined {
    const t = this.tokens.get(j);
    if (!t) return undefined;
    const cue = this.formIn(j, MUNDHU);
    if (cue) {
      if (!this.cont(j + 1)) return undefined;
      let k = j + 1;
      let count: number | undefined;
      const n = this.num(k);
      if (n && n.digits <= 2) {
        count = n.value;
        k++;
      } else if (this.tokens.get(k)?.kind === Kind.Word && L.NUMBER_WORDS.has(this.tokens.get(k)!.text) && ARABIC.test(this.tokens.get(k)!.text)) {
        count = L.NUMBER_WORDS.get(this.tokens.get(k)!.text)!;
        k++;
      }
      if (!this.cont(k)) return undefined;
      const unit = L.DAY_UNITS.get(this.tokens.get(k)!.text);
      if (!unit || this.tokens.get(k)!.kind !== Kind.Word) return undefined;
      const c = unit.count === null ? count : count === undefined ? unit.count : undefined;
      if (c === undefined || c < 1) return undefined;
      // "قبل يومين من الانتخابات" is relative to the elections, not to the document.
      if (cue.word === 'قبل' && this.isWord(k + 1, MIN)) return undefined;
      return { start: this.startOf(j, cue.strip), endTok: k + 1, raw: { kind: 'ago', days: c * unit.days } };
    }
    // English "two days ago".
    let count: number | undefined;
    if (t.kind === Kind.Num && t.text.length <= 2) count = Number(t.text);
    else if (t.kind === Kind.Word && L.NUMBER_WORDS.has(t.text) && !ARABIC.test(t.text)) count = L.NUMBER_WORDS.get(t.text);
    if (count === undefined || !this.cont(j + 1) || !this.isWord(j + 2, AGO)) return undefined;
    const unit = L.DAY_UNITS.get(this.tokens.get(j + 1)!.text);
    if (!unit || count < 1) return undefined;
    return { start: t.start, endTok: j + 3, raw: { kind: 'ago', days: count * unit.days } };
  }

  /** Cheap pre-check: the parsers that could start at token j (0 = none). */
  startBits(j: number): number {
    return this.tokens.kindAt(j) === Kind.Num ? P_NUMBER : START_TABLE.get(this.tokens, j);
  }

  /** The longest match at j among the parsers in `bits` (ties go to the earlier one below). */
  matchAt(j: number, bits: number): Match | undefined {
    this.anchor = j;
    // Both parsers that may begin with a time of day share one reading of it.
    const timeOfDay = bits & (P_WEEKDAY | P_REL_DAY) ? this.timeOfDay(j) : undefined;
    let best: Match | undefined;
    if (bits & P_WEEKDAY) best = longer(best, this.weekday(j, timeOfDay));
    if (bits & P_DAY_MONTH) best = longer(best, this.dayMonth(j));
    if (bits & P_MONTH_DAY) best = longer(best, this.monthDay(j));
    if (bits & P_NUMERIC) best = longer(best, this.numeric(j));
    if (bits & P_MONTH_ONLY) best = longer(best, this.monthOnly(j));
    if (bits & P_YEAR) best = longer(best, this.year(j));
    if (bits & P_REL_UNIT) best = longer(best, this.relUnit(j));
    if (bits & P_REL_DAY) best = longer(best, this.relDay(j, timeOfDay));
    if (bits & P_AGO) best = longer(best, this.ago(j));
    return best;
  }
}

/** The relative unit a word names: الأسبوع، الشهر، العام/السنة, week/month/year. */
function unitOf(w: string): 'week' | 'month' | 'year' | undefined {
  return L.WEEK_WORDS.has(w) ? 'week' : w === 'الشهر' || w === 'month' ? 'month' : L.YEAR_WORDS_DEFINITE.has(w) || w === 'year' ? 'year' : undefined;
}

/** The first of the first `limit` forms that is a relative-day word (اليوم، أمس، غدا، أول، بعد، غد, "the"). */
function relDayForm(forms: readonly WordForm[], limit: number): WordForm | undefined {
  for (let i = 0; i < forms.length && i < limit; i++) {
    const w = forms[i]!.word;
    if (TODAY.has(w) || YESTERDAY.has(w) || TOMORROW.has(w) || w === AWWAL || w === BAAD || w === GHAD || w === 'the') return forms[i];
  }
  return undefined;
}

/** The longer of two matches; on a tie the one found first. */
function longer(best: Match | undefined, m: Match | undefined): Match | undefined {
  return m && (!best || m.endTok > best.endTok) ? m : best;
}
