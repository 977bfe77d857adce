/**
 * Boilerplate lines that scraped news pages carry along: cookie notices, "read also"
 * related-article lines, comment-form residue, section menus, bulleted related headlines.
 * They are dimmed in the editor and excluded from entity counts and events.
 */
import { normalize, normalizeKey, type NormalizedText, type OffsetRange } from '../text/normalize';

/** Whole lines (normalized, trimmed) that are page furniture. */
const EXACT = new Set(
  [
    'اقسام', 'اخبار', 'اخبار متعلقه', 'مقالات ذات صله', 'مواضيع ذات صله', 'اخترنا لك', 'تعليقات فيسبوك',
    'اترك تعليقا', 'اترك تعليقاً', 'اغلاق', 'شارك', 'شارك المقال', 'المزيد', 'الرئيسيه', 'اقرا المزيد',
    'related', 'related articles', 'read more', 'share', 'comments', 'leave a comment', 'close', 'menu',
  ].map(normalizeKey),
);

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
  if (line.length > MAX_FURNITURE_LINE) return CONTAINS.some((c) => line.includes(c));
  const n = line.replace(/\s+/g, ' ').trim();
  if (!n) return false;
  const bare = n.replace(/[.:!،,]+$/u, '').trim();
  if (EXACT.has(bare)) return true;
  if (PREFIXES.some((p) => n.startsWith(p))) return true;
  if (CONTAINS.some((c) => n.includes(c))) return true;
  // A bulleted line with no sentence ending is a related-article link, not body text.
  if (BULLET.test(n) && n.length < 160 && !/[.!؟?]["'»]?$/u.test(n)) return true;
  return false;
}

/**
 * The ranges (in the original text) of the boilerplate lines, each without its line break.
 * Works on the normalized text the matcher already computed, so nothing is normalized twice.
 */
export function findBoilerplate(text: string, normalized: NormalizedText = normalize(text)): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  const n = normalized.text;
  let lineStart = 0;
  for (let i = 0; i <= n.length; i++) {
    const c = i < n.length ? n.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
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
