/**
 * Agreements named by their date («مذكرة 17 أيلول/سبتمبر 2018», «اتفاق 5 آذار») become entity
 * mentions of the catalogued agreement signed that day, spanning from the cue word to the end
 * of the date, so hovers, the entity tree and counts see them like any alias. A reference that
 * would overlap an alias mention (e.g. «اتفاق سوتشي في 17 …» already matched) is not added.
 */
import type { DateMention } from '../dates/types';
import { cueStartBefore, type AgreementsByDate } from '../events/agreementLinks';
import type { OffsetRange } from '../text/normalize';
import type { DocumentMention } from './analyzeDocument';

export function agreementReferences(
  text: string,
  dates: readonly DateMention[],
  mentions: readonly DocumentMention[],
  boilerplate: readonly OffsetRange[],
  agreements: AgreementsByDate,
): DocumentMention[] {
  const out: DocumentMention[] = [];
  for (const d of dates) {
    const link = agreements.find(d);
    if (!link) continue;
    const start = cueStartBefore(text, d.start);
    if (start === undefined) continue;
    const end = d.end;
    if (overlapsAny(mentions, start, end)) continue;
    const mention: DocumentMention = { entityId: link.id, start, end, text: text.slice(start, end), alias: `date reference (${link.date})`, ambiguous: false };
    if (boilerplate.some((b) => b.start <= start && end <= b.end)) mention.boilerplate = true;
    out.push(mention);
  }
  return out;
}

/**
 * Whether a mention overlaps [start, end). Mentions come sorted and never overlap each other
 * (the matcher's order), so their ends are sorted too: a binary search finds the first that
 * ends after `start`, the only candidate. A linear scan per date cost a 1 MB document seconds.
 */
function overlapsAny(mentions: readonly DocumentMention[], start: number, end: number): boolean {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.end > start) hi = mid;
    else lo = mid + 1;
  }
  const m = mentions[lo];
  return m !== undefined && m.start < end;
}
