import type { QuotationKind } from '../../api';
import { QUOTATION_FIELD_PREFIX, QUOTATION_FIELDS } from './fields';
import { QUOTATION_KINDS } from './quote-columns';
import type { DecodedSections } from './sections';
import { countLive, fieldSlot, readField, type FieldPostings, type ScoredDocs, type Shard } from './shard';

/**
 * A shard's quotations, read from its index file: the quote table (article,
 * range in the body, kind, speaker, word positions, fingerprints) and each
 * quotation's words and speaker as a document of its own, scored as Lunr
 * scores articles. A quotation is in service while its article is.
 */
export class QuotationDocs implements ScoredDocs {
  readonly fields: FieldPostings[];
  readonly lengths: Uint32Array[];
  /** The article each quotation is in, and its [start, end) in that article's body. */
  readonly doc: Uint32Array;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
  /** Numbers into QUOTATION_KINDS. */
  readonly kind: Uint8Array;
  /** Numbers into the shard's speakers, -1 for none named. */
  readonly speaker: Int32Array;
  /** Its first word's position and the position past its last, as in the shard's phrase positions. */
  readonly wordStart: Uint32Array;
  readonly wordEnd: Uint32Array;
  /** Two hashes of its words per quotation (see quote-prints.ts). */
  readonly print: Uint32Array;
  /** Quotation q's winnowed sketch is sketch[sketchStarts[q] .. sketchStarts[q + 1]]. */
  readonly sketchStarts: Uint32Array;
  readonly sketch: Uint32Array;

  constructor(
    readonly shard: Shard,
    sections: DecodedSections,
    readonly count: number,
  ) {
    this.fields = QUOTATION_FIELDS.map((name) => readField(sections, QUOTATION_FIELD_PREFIX + name, true));
    this.lengths = QUOTATION_FIELDS.map((name) => sections.u32(`${QUOTATION_FIELD_PREFIX}${name}Length`));
    this.doc = sections.u32('quoteDoc');
    this.start = sections.u32('quoteStart');
    this.end = sections.u32('quoteEnd');
    this.kind = sections.u8('quoteKind');
    this.speaker = sections.i32('quoteSpeaker');
    this.wordStart = sections.u32('quoteWordStart');
    this.wordEnd = sections.u32('quoteWordEnd');
    this.print = sections.u32('quotePrint');
    this.sketchStarts = sections.u32('quoteSketchStarts');
    this.sketch = sections.u32('quoteSketch');
    if (
      this.doc.length !== count ||
      this.sketchStarts.length !== count + 1 ||
      this.lengths[0]!.length !== count
    ) {
      throw new Error('the quote table does not match the quotation count');
    }
  }

  isLive(q: number): boolean {
    return this.shard.isLive(this.doc[q]!);
  }

  kindOf(q: number): QuotationKind {
    return QUOTATION_KINDS[this.kind[q]!] ?? 'direct';
  }

  speakerOf(q: number): string | null {
    const code = this.speaker[q]!;
    return code >= 0 ? this.shard.speakers[code]! : null;
  }

  /** The quotations of article `doc`: numbers [first, end), the table being in article order. */
  ofArticle(doc: number): [number, number] {
    return [this.firstOf(doc), this.firstOf(doc + 1)];
  }

  private firstOf(doc: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.doc[mid]! < doc) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** How many phrase words the quotation holds. */
  words(q: number): number {
    return this.wordEnd[q]! - this.wordStart[q]!;
  }

  liveDf(field: number, index: number): number {
    const postings = this.fields[field]!;
    const slot = fieldSlot(postings, index);
    if (slot < 0) return 0;
    if (this.shard.liveCount === this.shard.count) return postings.df[slot]!;
    return this.shard.cachedDf(`q${field}:${index}`, () =>
      countLive(this, field, index, (q) => this.isLive(q)),
    );
  }
}
