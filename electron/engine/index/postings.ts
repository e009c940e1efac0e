import { VarintCursor } from './bytes';
import type { DecodedSections } from './sections';
import type { Shard } from './shard';

/**
 * A field's postings: for the term in slot i, bytes offsets[i]..offsets[i+1]
 * of `bytes` hold (doc delta, tf) varints. A dense field has a slot for every
 * dictionary term; a sparse one lists in `terms` the dictionary numbers of
 * the terms it holds, one slot each.
 */
export interface FieldPostings {
  offsets: Uint32Array;
  df: Uint32Array;
  bytes: Uint8Array;
  terms?: Uint32Array;
}

/** The slot of dictionary term `index` in a field, -1 when the field does not hold it. */
export function fieldSlot(postings: FieldPostings, index: number): number {
  const terms = postings.terms;
  if (!terms) return index;
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (terms[mid]! < index) low = mid + 1;
    else high = mid;
  }
  return terms[low] === index ? low : -1;
}

/**
 * Documents as Lunr scores them, over one shard's dictionary: the shard's
 * articles (title, body, speaker, quote) or its quotations (quote, speaker).
 */
export interface ScoredDocs {
  readonly shard: Shard;
  readonly count: number;
  readonly fields: readonly FieldPostings[];
  /** Lunr field lengths (tokens after the pipeline) per document. */
  readonly lengths: readonly Uint32Array[];
  isLive(doc: number): boolean;
  /** How many documents in service hold term `index` (a dictionary number) in `field`. */
  liveDf(field: number, index: number): number;
}

/** Reads a field's postings sections, sparse when its term list is there. */
export function readField(sections: DecodedSections, name: string, sparse: boolean): FieldPostings {
  return {
    offsets: sections.u32(`${name}Offsets`),
    df: sections.u32(`${name}Df`),
    bytes: sections.u8(`${name}Postings`),
    ...(sparse ? { terms: sections.u32(`${name}Terms`) } : {}),
  };
}

/**
 * Counts the documents in service among those holding a term, from its
 * postings; `live` says which are in service.
 */
export function countLive(
  docs: ScoredDocs,
  field: number,
  index: number,
  live: (doc: number) => boolean,
): number {
  const postings = decodePostings(docs, field, index);
  let count = 0;
  for (let i = 0; i < postings.length; i++) if (live(postings.docs[i]!)) count++;
  return count;
}

/** Postings decoded into reusable arrays: valid until the next call. */
export interface DecodedPostings {
  docs: Int32Array;
  tfs: Int32Array;
  length: number;
}

const scratch: DecodedPostings = { docs: new Int32Array(1024), tfs: new Int32Array(1024), length: 0 };

/**
 * Decodes the postings of term `index` in `field` (deleted articles
 * included) into shared scratch arrays; the result is overwritten by the
 * next call, so callers use it at once.
 */
export function decodePostings(source: ScoredDocs, field: number, index: number): DecodedPostings {
  const postings = source.fields[field]!;
  const slot = fieldSlot(postings, index);
  if (slot < 0) {
    scratch.length = 0;
    return scratch;
  }
  const { offsets, bytes, df } = postings;
  const count = df[slot]!;
  if (scratch.docs.length < count) {
    const size = Math.max(count, scratch.docs.length * 2);
    scratch.docs = new Int32Array(size);
    scratch.tfs = new Int32Array(size);
  }
  const docs = scratch.docs;
  const tfs = scratch.tfs;
  const cursor = new VarintCursor(bytes, offsets[slot]!);
  let doc = 0;
  for (let i = 0; i < count; i++) {
    doc += cursor.next();
    docs[i] = doc;
    tfs[i] = cursor.next();
  }
  scratch.length = count;
  return scratch;
}
