/**
 * Analyses successive versions of one document (an editor's live text) and gives exactly
 * what analyzeDocument gives, while doing again only the work of the blocks an edit touched.
 *
 * The text is cut into blocks of whole lines (textBlocks.ts). Normalizing, matching, the
 * boilerplate lines and the date scan never look past a line, so each block's results are
 * those of the whole text there, shifted by the block's offset; they are kept, by block text,
 * for the next version. What depends on the whole document is made again each time, from the
 * blocks' results: which ambiguous mentions stand (resolveAmbiguous), the document's date and
 * the dates resolved against it (kept per block for the same date), the title, the quotations
 * (a speaker may be on an earlier line), the agreements named by date.
 *
 * A 1 MB document costs its full analysis once; an edit then costs the edited block plus this
 * whole-document part, a fraction of it (`npm run bench` measures both).
 */
import { detectDocumentDate } from '../dates/documentDate';
import { resolveScanned } from '../dates/extract';
import { ARABIC_LETTER, scanText, type ScannedDate } from '../dates/scan';
import type { DateMention } from '../dates/types';
import { resolveAmbiguous, type Mention } from '../match/matcher';
import { normalize, type NormalizedText, type OffsetRange } from '../text/normalize';
import { titleOf, withEntities, type AnalyzeOptions, type DocumentAnalysis } from './analyzeDocument';
import { findBoilerplate } from './boilerplate';
import { quotationsIn, Speakers, type Quotation } from './quotes';
import { blockEnds } from './textBlocks';

/** What a block's text alone says, in offsets of the block. */
interface Block {
  readonly text: string;
  /** Kept only when the block has a quote mark: the quotations are looked for there alone. */
  readonly normalized: NormalizedText | undefined;
  /** Every alias occurrence, before resolveAmbiguous (which needs the whole document). */
  readonly mentions: readonly Mention[];
  readonly boilerplate: readonly OffsetRange[];
  /** Offset of the block's first Arabic letter, -1 when it has none. */
  readonly firstArabic: number;
  /** The date scan, made when first needed: [Arabic document, English-only document]. */
  scans: [ScannedDate[] | undefined, ScannedDate[] | undefined];
  /** The scanned dates resolved against a document date, for the last date asked. */
  resolved: { anchor: string | null; englishOnly: boolean; dates: DateMention[] } | undefined;
}

export class IncrementalAnalyzer {
  /** The blocks of the last version analysed, by text (equal blocks share one entry). */
  private blocks = new Map<string, Block>();

  constructor(private readonly options: AnalyzeOptions) {}

  /** Number of blocks analysed from scratch by the last call (for tests and the benchmark). */
  lastFresh = 0;

  /** analyzeDocument(text, options) with the file name and recorded date given here. */
  analyze(text: string, fileName: string, metadataDate: string | null): DocumentAnalysis {
    const options = { ...this.options, fileName, metadataDate };
    const blocks: Block[] = [];
    const bases: number[] = [];
    const kept = new Map<string, Block>();
    // The normalized text of each new block, for its date scan below.
    const fresh = new Map<Block, NormalizedText>();
    let start = 0;
    for (const end of blockEnds(text)) {
      const part = text.slice(start, end);
      let block = kept.get(part) ?? this.blocks.get(part);
      if (!block) {
        const own = ownCopy(part);
        const normalized = normalize(own);
        block = this.analyzeBlock(own, normalized);
        fresh.set(block, normalized);
      }
      kept.set(block.text, block);
      blocks.push(block);
      bases.push(start);
      start = end;
    }
    // Only this version's blocks are kept: memory stays that of one analysis.
    this.blocks = kept;
    this.lastFresh = fresh.size;

    // How 5/6/2019 reads depends on whether the whole document has Arabic.
    let firstArabic = -1;
    for (let k = 0; k < blocks.length && firstArabic < 0; k++) if (blocks[k]!.firstArabic >= 0) firstArabic = bases[k]! + blocks[k]!.firstArabic;
    const englishOnly = firstArabic < 0;
    const scanned: ScannedDate[] = [];
    const boilerplate: OffsetRange[] = [];
    const mentions: Mention[] = [];
    for (let k = 0; k < blocks.length; k++) {
      const block = blocks[k]!;
      const base = bases[k]!;
      for (const d of scanOf(block, englishOnly, fresh.get(block))) scanned.push({ start: base + d.start, end: base + d.end, raw: d.raw });
      for (const r of block.boilerplate) boilerplate.push({ start: base + r.start, end: base + r.end });
      for (const m of block.mentions) mentions.push(shiftedMention(m, base));
    }
    const date = detectDocumentDate({ text, fileName, metadata: metadataDate, scan: { dates: scanned, firstArabic } });
    const dates: DateMention[] = [];
    for (let k = 0; k < blocks.length; k++) {
      const base = bases[k]!;
      for (const d of resolvedOf(blocks[k]!, englishOnly, date.value)) dates.push(Object.assign({}, d, { start: base + d.start, end: base + d.end }));
    }
    const facts = { title: titleOf(text, boilerplate), boilerplate, date, dates };
    const findQuotes = (people: readonly Mention[], isPerson: (entityId: string) => boolean): Quotation[] => {
      const speakers = Speakers.of(people, isPerson);
      const out: Quotation[] = [];
      if (!speakers) return out;
      for (let k = 0; k < blocks.length; k++) {
        const block = blocks[k]!;
        if (block.normalized) quotationsIn(block.text, block.normalized, bases[k]!, speakers, out);
      }
      return out;
    };
    return withEntities(text, facts, resolveAmbiguous(mentions), findQuotes, options);
  }

  private analyzeBlock(text: string, normalized: NormalizedText): Block {
    const arabic = ARABIC_LETTER.exec(normalized.text);
    return {
      text,
      normalized: normalized.text.includes('"') ? normalized : undefined,
      mentions: this.options.matcher.matchAll(text, normalized),
      boilerplate: findBoilerplate(text, normalized),
      firstArabic: arabic ? normalized.starts[arabic.index]! : -1,
      scans: [undefined, undefined],
      resolved: undefined,
    };
  }
}

/** The block's dates as the document reads them (Arabic or English-only); scanned once for each. */
function scanOf(block: Block, englishOnly: boolean, normalized?: NormalizedText): ScannedDate[] {
  const k = englishOnly ? 1 : 0;
  return (block.scans[k] ??= scanText(block.text, normalized ?? block.normalized, englishOnly).dates);
}

/** The block's dates resolved against the document's date; made again only when that date (or the reading) changes. */
function resolvedOf(block: Block, englishOnly: boolean, anchor: string | null): DateMention[] {
  const r = block.resolved;
  if (r && r.anchor === anchor && r.englishOnly === englishOnly) return r.dates;
  const dates = resolveScanned(block.text, scanOf(block, englishOnly), { documentDate: anchor });
  block.resolved = { anchor, englishOnly, dates };
  return dates;
}

/**
 * The string with characters of its own. V8 makes a slice of a long string a view of it: a
 * block kept from an old version would hold that whole version's text, and a document edited
 * a hundred times would keep a hundred texts alive.
 */
function ownCopy(s: string): string {
  // ' ' + s is a pair of strings; slicing it first copies the pair into one new string.
  return (' ' + s).slice(1);
}

/** A copy at `base` further on, its fields in the matcher's order (one object shape for all). */
function shiftedMention(m: Mention, base: number): Mention {
  const copy: Mention = { entityId: m.entityId, start: base + m.start, end: base + m.end, text: m.text, alias: m.alias, ambiguous: m.ambiguous };
  if (m.clitic !== undefined) copy.clitic = m.clitic;
  return copy;
}
