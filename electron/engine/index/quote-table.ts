import type { QuotationKind } from '../../api';
import { ByteWriter, VarintCursor } from './bytes';
import { QUOTATION_FIELD_PREFIX, QUOTATION_FIELDS } from './fields';
import { QUOTATION_KINDS } from './quote-columns';
import type { DecodedSections } from './sections';
import { countLive, fieldSlot, readField, type FieldPostings, type ScoredDocs } from './postings';
import type { Shard } from './shard';

/**
 * A shard's quotations, read from its index file: the quote table (article,
 * kind, speaker, word positions, fingerprints) and each
 * quotation's words and speaker as a document of its own, scored as Lunr
 * scores articles. A quotation is in service while its article is.
 */
export class QuotationDocs implements ScoredDocs {
  readonly fields: FieldPostings[];
  readonly lengths: Uint32Array[];
  /** The article each quotation is in; an article's quotations follow one another in the order it stores them. */
  readonly doc: Uint32Array;
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

const SCARE = QUOTATION_KINDS.indexOf('scare');

/**
 * The article `quote` field of a shard, made from its quotations' own
 * postings: per term, the articles whose quotations (scare quotes aside)
 * hold it, with the term's count summed over them. The same postings a
 * builder would write, without storing the quoted words twice.
 */
export function articleQuotePostings(quotations: QuotationDocs): FieldPostings {
  const source = quotations.fields[0]!;
  const terms = source.terms!;
  const offsets = new Uint32Array(terms.length + 1);
  const df = new Uint32Array(terms.length);
  const out = new ByteWriter(1 << 12);
  for (let slot = 0; slot < terms.length; slot++) {
    offsets[slot] = out.length;
    const cursor = new VarintCursor(source.bytes, source.offsets[slot]!);
    let q = 0;
    let last = 0;
    let doc = -1;
    let tf = 0;
    let count = 0;
    for (let i = 0; i < source.df[slot]!; i++) {
      q += cursor.next();
      const frequency = cursor.next();
      if (quotations.kind[q] === SCARE) continue;
      // Quotations are numbered in article order, so each article's come together.
      const article = quotations.doc[q]!;
      if (article !== doc) {
        if (doc >= 0) {
          out.varint(doc - last);
          out.varint(tf);
          last = doc;
          count++;
        }
        doc = article;
        tf = 0;
      }
      tf += frequency;
    }
    if (doc >= 0) {
      out.varint(doc - last);
      out.varint(tf);
      count++;
    }
    df[slot] = count;
  }
  offsets[terms.length] = out.length;
  return { offsets, df, bytes: out.view(), terms };
}

/** Postings made by `make` the first time any part of them is read. */
export function lazyPostings(make: () => FieldPostings): FieldPostings {
  let made: FieldPostings | null = null;
  const get = () => (made ??= make());
  return {
    get offsets() {
      return get().offsets;
    },
    get df() {
      return get().df;
    },
    get bytes() {
      return get().bytes;
    },
    get terms() {
      return get().terms;
    },
  };
}
