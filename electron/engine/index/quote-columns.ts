import type { Quotation, QuotationKind } from '../../api';
import { IntList } from './analyzer';
import { Dictionary } from './doc-columns';
import { wordsPrint, wordsSketch } from './quote-prints';

/** Quotation kinds by stored number: new kinds go at the end. */
export const QUOTATION_KINDS: readonly QuotationKind[] = ['direct', 'transcript', 'block', 'scare'];

/** Where a quotation lies among its article's words, and the hashes of those words. */
export interface QuotedWords {
  /** Positions of its first word and past its last, numbered as the shard's phrase positions. */
  wordStart: number;
  wordEnd: number;
  /** Hashes of its words (phrase words, stop words included), from `from` to `to`. */
  hashes: ArrayLike<number>;
  from: number;
  to: number;
}

/**
 * The quote table of a shard while it is built: one row per quotation
 * (its article, its range in the body, kind, speaker, word positions and
 * fingerprints), and each article's speakers for the speaker filter and facet.
 */
export class QuoteColumns {
  readonly speakers = new Dictionary();
  private readonly doc = new IntList();
  private readonly start = new IntList();
  private readonly end = new IntList();
  private readonly kind = new IntList();
  private readonly speaker = new IntList();
  private readonly wordStart = new IntList();
  private readonly wordEnd = new IntList();
  private readonly print = new IntList();
  private readonly sketchStarts = new IntList();
  private readonly sketch = new IntList();
  private readonly articleSpeakerStarts = new IntList();
  private readonly articleSpeakers = new IntList();
  private readonly scratch: number[] = [];

  constructor() {
    this.sketchStarts.push(0);
    this.articleSpeakerStarts.push(0);
  }

  /** How many quotations have been added. */
  get count(): number {
    return this.doc.length;
  }

  /** Adds one quotation of article `doc`; gives its number in the shard. */
  add(doc: number, quotation: Quotation, words: QuotedWords): number {
    const q = this.doc.length;
    this.doc.push(doc);
    this.start.push(quotation.start);
    this.end.push(quotation.end);
    this.kind.push(Math.max(0, QUOTATION_KINDS.indexOf(quotation.kind)));
    this.speaker.push(this.speakers.code(quotation.speaker));
    this.wordStart.push(words.wordStart);
    this.wordEnd.push(words.wordEnd);
    const [a, b] = wordsPrint(words.hashes, words.from, words.to);
    this.print.push(a | 0);
    this.print.push(b | 0);
    for (const value of wordsSketch(words.hashes, words.from, words.to, this.scratch))
      this.sketch.push(value | 0);
    this.sketchStarts.push(this.sketch.length);
    return q;
  }

  /** Closes article `doc`'s list of speakers: those its quotations (not scare quotes) name, once each. */
  endArticle(quotations: readonly Quotation[]): void {
    const seen = new Set<number>();
    for (const quotation of quotations) {
      if (quotation.kind === 'scare' || quotation.speaker === null) continue;
      const code = this.speakers.code(quotation.speaker);
      if (!seen.has(code)) this.articleSpeakers.push(code);
      seen.add(code);
    }
    this.articleSpeakerStarts.push(this.articleSpeakers.length);
  }

  /** The typed sections of the quote table. */
  sections(): Record<string, Uint8Array | Uint32Array | Int32Array> {
    const u32 = (list: IntList) => new Uint32Array(list.values.buffer.slice(0, list.length * 4));
    const i32 = (list: IntList) => list.values.slice(0, list.length);
    return {
      quoteDoc: u32(this.doc),
      quoteStart: u32(this.start),
      quoteEnd: u32(this.end),
      quoteKind: Uint8Array.from(this.kind.values.subarray(0, this.kind.length)),
      quoteSpeaker: i32(this.speaker),
      quoteWordStart: u32(this.wordStart),
      quoteWordEnd: u32(this.wordEnd),
      quotePrint: u32(this.print),
      quoteSketchStarts: u32(this.sketchStarts),
      quoteSketch: u32(this.sketch),
      articleSpeakerStarts: u32(this.articleSpeakerStarts),
      articleSpeakers: u32(this.articleSpeakers),
    };
  }
}
