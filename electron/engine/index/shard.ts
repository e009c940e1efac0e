import type { Article } from '../ingest/article';
import { CheckedSource, type ByteSource } from './byte-source';
import { VarintCursor } from './bytes';
import { hashAt, type DocMeta } from './doc-columns';
import { SHARD_FORMAT_VERSION } from './shard-builder';
import { decodeSections, type DecodedSections } from './sections';
import { StringTable } from './string-table';
import { decodeRecord, inflateBlock, type StoredText } from './text-store';
import { ARTICLE_FIELDS } from './fields';
import { QuotationDocs } from './quote-table';

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

/** Thrown when a shard's bytes are not what they should be; says why. */
export class ShardFormatError extends Error {}

const BLOCK_CACHE = 32;

/**
 * One opened shard: its sorted dictionaries and postings in typed arrays,
 * its article columns, and lazy access to bodies and word positions. Open
 * costs one parse of the header and one split of each dictionary; a query
 * decodes only the postings of its own terms. Articles can be marked deleted
 * (tombstones) without rewriting the files.
 */
export class Shard implements ScoredDocs {
  readonly count: number;
  readonly docs: DocMeta;
  /** The index terms, sorted. */
  readonly dictionary: StringTable;
  /** The phrase words, sorted. */
  private readonly normTable: StringTable;
  /** Postings of the article fields, in ARTICLE_FIELDS order. */
  readonly fields: FieldPostings[];
  /** Lunr field lengths (tokens after the pipeline) per article. */
  readonly lengths: Uint32Array[];
  /** The shard's quotations as documents of their own, with the quote table. */
  readonly quotations: QuotationDocs;
  /** Speakers named in the shard; the quote table and the article speaker lists refer to them by number. */
  readonly speakers: string[];
  /** Article a's speakers are articleSpeakers[articleSpeakerStarts[a] .. articleSpeakerStarts[a + 1]]. */
  readonly articleSpeakerStarts: Uint32Array;
  readonly articleSpeakers: Uint32Array;
  /** Phrase words in each title: body positions start one past it. */
  readonly titleWords: Uint32Array;
  readonly sizes: Float64Array;
  readonly mtimes: Float64Array;
  private readonly hashes: Uint8Array;
  readonly normOffsets: Uint32Array;
  readonly normDocs: Uint32Array;
  readonly normDocBytes: Uint32Array;
  readonly positions: ByteSource;
  private readonly textOffsets: Uint32Array;
  private readonly textCrcs: Uint32Array;
  private readonly textLocations: Uint32Array;
  private readonly blockCache = new Map<number, Uint8Array>();
  /** 1 for an article in service, 0 for one deleted since the shard was written. */
  private live: Uint8Array;
  liveCount: number;
  /** Serial number of the tombstone set, so derived caches know when to refresh. */
  version = 0;
  private readonly dfCache = new Map<string, number>();
  private dfVersion = 0;

  get shard(): Shard {
    return this;
  }

  constructor(
    readonly id: string,
    index: Uint8Array,
    private readonly text: ByteSource,
    positions: ByteSource,
  ) {
    let sections;
    try {
      sections = decodeSections(index);
    } catch (error) {
      throw new ShardFormatError(error instanceof Error ? error.message : String(error));
    }
    if (sections.version !== SHARD_FORMAT_VERSION) {
      throw new ShardFormatError(`format version ${sections.version}, expected ${SHARD_FORMAT_VERSION}`);
    }
    const meta = sections.meta as {
      count: number;
      quotations: number;
      terms: number;
      norms: number;
      docs: DocMeta;
      speakers: string[];
    };
    this.count = meta.count;
    this.docs = meta.docs;
    const decoder = new TextDecoder();
    this.dictionary = new StringTable(decoder.decode(sections.u8('terms')), meta.terms);
    this.normTable = new StringTable(decoder.decode(sections.u8('norms')), meta.norms);
    this.fields = ARTICLE_FIELDS.map((name) =>
      readField(sections, name, name !== 'title' && name !== 'body'),
    );
    this.lengths = ARTICLE_FIELDS.map((name) => sections.u32(`${name}Length`));
    this.speakers = meta.speakers;
    this.articleSpeakerStarts = sections.u32('articleSpeakerStarts');
    this.articleSpeakers = sections.u32('articleSpeakers');
    this.quotations = new QuotationDocs(this, sections, meta.quotations);
    this.titleWords = sections.u32('titleWords');
    this.sizes = sections.f64('sizes');
    this.mtimes = sections.f64('mtimes');
    this.hashes = sections.u8('hashes');
    this.textOffsets = sections.u32('textOffsets');
    this.textCrcs = sections.u32('textCrcs');
    this.textLocations = sections.u32('textLocations');
    this.normOffsets = sections.u32('normOffsets');
    this.normDocs = sections.u32('normDocs');
    this.normDocBytes = sections.u32('normDocBytes');
    this.positions = new CheckedSource(positions, sections.u32('positionCrcs'));
    if (
      this.lengths[0]!.length !== this.count ||
      this.docs.ids.length !== this.count ||
      this.articleSpeakerStarts.length !== this.count + 1
    ) {
      throw new ShardFormatError('article columns do not match the article count');
    }
    if (text.length !== this.textOffsets[this.textOffsets.length - 1]) {
      throw new ShardFormatError(`text file has ${text.length} bytes, expected ${this.textOffsets.at(-1)}`);
    }
    if (positions.length !== this.normOffsets[this.normOffsets.length - 1]) {
      throw new ShardFormatError('positions file has the wrong length');
    }
    this.live = new Uint8Array(this.count).fill(1);
    this.liveCount = this.count;
  }

  /** Closes the shard's files; a later read opens them again. */
  close(): void {
    this.text.close?.();
    this.positions.close?.();
  }

  /** Index of `term` in the sorted dictionary, or -1. */
  termIndex(term: string): number {
    return this.dictionary.indexOf(term);
  }

  /** The index terms, sorted, as an array (made on first use). */
  get terms(): string[] {
    return this.dictionary.list();
  }

  /** Index of the phrase word `norm` in its sorted dictionary, or -1. */
  normIndex(norm: string): number {
    return this.normTable.indexOf(norm);
  }

  isLive(doc: number): boolean {
    return this.live[doc] === 1;
  }

  /** The articles deleted since the shard was written, replacing any earlier set. */
  setDeleted(docs: Iterable<number>): void {
    const live = new Uint8Array(this.count).fill(1);
    let count = this.count;
    for (const doc of docs) {
      if (doc >= 0 && doc < this.count && live[doc]) {
        live[doc] = 0;
        count--;
      }
    }
    this.live = live;
    this.liveCount = count;
    this.version++;
  }

  /**
   * How many articles in service hold term `index` in `field`: the stored
   * count, less the deleted articles among them (counted once per tombstone set).
   */
  liveDf(field: number, index: number): number {
    const postings = this.fields[field]!;
    const slot = fieldSlot(postings, index);
    if (slot < 0) return 0;
    const df = postings.df[slot]!;
    if (this.liveCount === this.count) return df;
    return this.cachedDf(`a${field}:${index}`, () =>
      countLive(this, field, index, (doc) => this.live[doc] === 1),
    );
  }

  /** A count that holds until the tombstones change, worked out once. */
  cachedDf(key: string, count: () => number): number {
    if (this.dfVersion !== this.version) {
      this.dfCache.clear();
      this.dfVersion = this.version;
    }
    let live = this.dfCache.get(key);
    if (live === undefined) {
      live = count();
      this.dfCache.set(key, live);
    }
    return live;
  }

  /** The deleted article numbers. */
  deleted(): number[] {
    const out: number[] = [];
    for (let doc = 0; doc < this.count; doc++) if (!this.live[doc]) out.push(doc);
    return out;
  }

  hash(doc: number): string {
    return hashAt(this.hashes, doc);
  }

  /** The body and the rest of what the text store holds for article `doc`; throws ShardFormatError when damaged. */
  storedText(doc: number): StoredText {
    const block = this.textLocations[doc * 3]!;
    const start = this.textLocations[doc * 3 + 1]!;
    const end = this.textLocations[doc * 3 + 2]!;
    return decodeRecord(this.block(block), start, end);
  }

  private block(block: number): Uint8Array {
    const cached = this.blockCache.get(block);
    if (cached) {
      // Refresh its place: the cache drops the least recently used block.
      this.blockCache.delete(block);
      this.blockCache.set(block, cached);
      return cached;
    }
    const from = this.textOffsets[block]!;
    const compressed = this.text.read(from, this.textOffsets[block + 1]! - from);
    const inflated = inflateBlock(compressed, this.textCrcs[block]!);
    if (!inflated) throw new ShardFormatError(`text block ${block} fails its checksum`);
    this.blockCache.set(block, inflated);
    if (this.blockCache.size > BLOCK_CACHE) this.blockCache.delete(this.blockCache.keys().next().value!);
    return inflated;
  }

  /** The whole article `doc`, body included. */
  article(doc: number): Article {
    const d = this.docs;
    const stored = this.storedText(doc);
    return {
      id: d.ids[doc]!,
      path: d.paths[doc]!,
      folder: d.folders[d.folder[doc]!]!,
      format: d.formats[d.format[doc]!] as Article['format'],
      title: d.titles[doc]!,
      body: stored.body,
      blocks: stored.blocks,
      date: d.dates[doc] ?? null,
      source: d.source[doc]! >= 0 ? d.sources[d.source[doc]!]! : null,
      author: d.author[doc]! >= 0 ? d.authors[d.author[doc]!]! : null,
      url: stored.url,
      tags: stored.tags,
      ...(stored.language !== undefined ? { language: stored.language } : {}),
      ...(stored.sourceMap ? { sourceMap: stored.sourceMap } : {}),
      ...(stored.locator !== undefined ? { locator: stored.locator } : {}),
      quotations: stored.quotations,
      hash: this.hash(doc),
      size: this.sizes[doc]!,
      mtimeMs: this.mtimes[doc]!,
    };
  }
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

/** First index in a sorted list whose string is >= value. */
export function lowerBound(list: readonly string[], value: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
