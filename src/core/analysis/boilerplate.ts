/**
 * Boilerplate lines that scraped news pages carry along: cookie notices, "read also"
 * related-article lines, comment-form residue, section menus, bulleted related headlines.
 * They are dimmed in the editor and excluded from entity counts and events.
 */
import { normalize, normalizeKey, type NormalizedText, type OffsetRange } from '../text/normalize';
import { LineBreaks } from './lines';

/** Whole lines (normalized, trimmed) that are page furniture. */
const EXACT = new Set(
  [
    'اقسام', 'اخبار', 'اخبار متعلقه', 'مقالات ذات صله', 'مواضيع ذات صله', 'اخترنا لك', 'تعليقات فيسبوك',
    'اترك تعليقا', 'اترك تعليقاً', 'اغلاق', 'شارك', 'شارك المقال', 'المزيد', 'الرئيسيه', 'اقرا المزيد',
    'related', 'related articles', 'read more', 'share', 'comments', 'leave a comment', 'close', 'menu',
  ].map(normalizeKey),
);

/** No longer line can be one of EXACT. */
const MAX_EXACT = Math.max(...[...EXACT].map((e) => e.length));

/** Line beginnings that mark furniture, whatever follows. */
const PREFIXES = [
  'اقرا ايضا', 'اقرا كذلك', 'شاهد ايضا', 'شارك:', 'شارك الخبر', 'شارك المقال', 'شارك هذا', 'تابعنا على', 'تابعونا على',
  'الوسوم:', 'read also', 'see also', 'also read', 'share this', 'follow us',
].map(normalizeKey);

/** Phrases that mark a whole line as furniture wherever they appear in it. */
const CONTAINS = [
  'ملفات تعريف الارتباط', 'الكوكيز', 'لن يتم نشر عنوان بريدك الالكتروني', 'جميع الحقوق محفوظه',
  'we use cookies', 'cookie policy', 'all rights reserved', 'your email address will not be published',
].map(normalizeKey);

/** A bullet or dash that opens a related-headline line. */
const BULLET = /^[•·▪◦*-]\s*/u;

/** Body paragraphs are long; furniture lines are short, except cookie notices (checked by phrase). */
const MAX_FURNITURE_LINE = 400;

/** Whether one line (original text) is boilerplate. */
export function isBoilerplateLine(line: string): boolean {
  return isBoilerplateNormalized(normalizeKey(line));
}

/** The same test on an already normalized line. */
function isBoilerplateNormalized(line: string): boolean {
  if (line.length > MAX_FURNITURE_LINE) return containsPhrase(line);
  const n = collapseSpaces(line);
  if (!n) return false;
  if (isExact(n)) return true;
  for (const p of PREFIXES) if (n.startsWith(p)) return true;
  if (containsPhrase(n)) return true;
  // A bulleted line with no sentence ending is a related-article link, not body text.
  if (BULLET.test(n) && n.length < 160 && !SENTENCE_END.test(n)) return true;
  return false;
}

const SENTENCE_END = /[.!؟?]["'»]?$/u;

function containsPhrase(line: string): boolean {
  for (const c of CONTAINS) if (line.includes(c)) return true;
  return false;
}

/**
 * `line.replace(/\s+/g, ' ').trim()`. Most lines are already in that form (the normalizer
 * turned odd spaces into plain ones): one look at each character then spares rebuilding
 * the line, which the replace does space by space.
 */
function collapseSpaces(line: string): string {
  return isCollapsed(line) ? line : line.replace(/\s+/g, ' ').trim();
}

/** No whitespace but single inner spaces (a loop: a regex test of every line cost more). */
function isCollapsed(line: string): boolean {
  const n = line.length;
  if (n === 0) return true;
  if (line.charCodeAt(0) === 0x20 || line.charCodeAt(n - 1) === 0x20) return false;
  let previousSpace = false;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20) {
      if (previousSpace) return false;
      previousSpace = true;
    } else {
      if ((c <= 0x20 || c >= 0x85) && isOtherSpace(c)) return false;
      previousSpace = false;
    }
  }
  return true;
}

/** What `\s` matches besides the plain space. */
function isOtherSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Trailing punctuation left out when comparing a line with EXACT ("اقسام:"). */
function isTrailingPunctuation(c: number): boolean {
  return c === 0x2e || c === 0x3a || c === 0x21 || c === 0x60c || c === 0x2c; // . : ! ، ,
}

/**
 * `EXACT.has(n.replace(/[.:!،,]+$/u, '').trim())` for a collapsed line `n`, without cutting
 * out the long lines: trim() then removes at most the one space before the punctuation.
 */
function isExact(n: string): boolean {
  let end = n.length;
  while (end > 0 && isTrailingPunctuation(n.charCodeAt(end - 1))) end--;
  return end <= MAX_EXACT + 1 && EXACT.has(n.slice(0, end).trim());
}

/**
 * The ranges (in the original text) of the boilerplate lines, each without its line break.
 * Works on the normalized text the matcher already computed, so nothing is normalized twice.
 */
export function findBoilerplate(text: string, normalized: NormalizedText = normalize(text)): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  const n = normalized.text;
  const breaks = new LineBreaks(n);
  for (let lineStart = 0; lineStart <= n.length; ) {
    const i = breaks.next(lineStart);
    if (i > lineStart && isBoilerplateNormalized(n.slice(lineStart, i))) {
      // Extend to the original line end: trailing marks (a tanwin, an RLM) were stripped.
      let end = normalized.ends[i - 1]!;
      while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      ranges.push({ start: normalized.starts[lineStart]!, end });
    }
    lineStart = i + 1;
  }
  return ranges;
}
