/**
 * Boilerplate lines that scraped news pages carry along: cookie notices, "read also"
 * related-article lines, comment-form residue, section menus, bulleted related headlines.
 * They are dimmed in the editor and excluded from entity counts and events.
 */
import { normalizeKey, type OffsetRange } from '../text/normalize';

/** Whole lines (normalized, trimmed) that are page furniture. */
const EXACT = new Set(
  [
    'اقسام', 'اخبار', 'اخبار متعلقه', 'مقالات ذات صله', 'مواضيع ذات صله', 'اخترنا لك', 'تعليقات فيسبوك',
    'اترك تعليقا', 'اترك تعليقاً', 'اغلاق', 'شارك', 'شارك المقال', 'المزيد', 'الرئيسيه', 'اقرا المزيد',
    'related', 'related articles', 'read more', 'share', 'comments', 'leave a comment', 'close', 'menu',
  ].map(normalizeKey),
);

/** Line beginnings that mark furniture, whatever follows. */
const PREFIXES = ['اقرا ايضا', 'اقرا ايضاً', 'اقرا كذلك', 'شاهد ايضا', 'read also', 'see also', 'also read'].map(normalizeKey);

/** Phrases that mark a whole line as furniture wherever they appear in it. */
const CONTAINS = [
  'ملفات تعريف الارتباط', 'الكوكيز', 'لن يتم نشر عنوان بريدك الالكتروني', 'جميع الحقوق محفوظه',
  'we use cookies', 'cookie policy', 'all rights reserved', 'your email address will not be published',
].map(normalizeKey);

/** A bullet or dash that opens a related-headline line. */
const BULLET = /^[•·▪◦*-]\s*/u;

/** Whether one line (original text) is boilerplate. */
export function isBoilerplateLine(line: string): boolean {
  const n = normalizeKey(line).replace(/\s+/g, ' ').trim();
  if (!n) return false;
  const bare = n.replace(/[.:!،,]+$/u, '').trim();
  if (EXACT.has(bare)) return true;
  if (PREFIXES.some((p) => n.startsWith(p))) return true;
  if (CONTAINS.some((c) => n.includes(c))) return true;
  // A bulleted line with no sentence ending is a related-article link, not body text.
  if (BULLET.test(n) && n.length < 160 && !/[.!؟?]["'»]?$/u.test(n)) return true;
  return false;
}

/** The ranges of the boilerplate lines of a text (each without its line break). */
export function findBoilerplate(text: string): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  const re = /[^\r\n]*(\r\n|\r|\n|$)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < text.length) {
    const line = m[0].replace(/(\r\n|\r|\n)$/, '');
    if (isBoilerplateLine(line)) ranges.push({ start: m.index, end: m.index + line.length });
    if (m[0].length === 0) break;
  }
  return ranges;
}
