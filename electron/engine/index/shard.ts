import type { Article } from '../ingest/article';
import { CheckedSource, readBriefly, type ByteSource } from './byte-source';
import { hashAt, readDocMeta, type DocMeta, type StoredDocMeta } from './doc-columns';
import { SHARD_FORMAT_VERSION } from './shard-builder';
import { decodeSections } from './sections';
import { countLive, fieldSlot, readField, type FieldPostings, type ScoredDocs } from './postings';
import { StringTable } from './string-table';
import { decodeRecord, inflateBlock, type StoredText } from './text-store';
import { ARTICLE_FIELDS } from './fields';
import { articleQuotePostings, lazyPostings, QuotationDocs } from './quote-table';

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
  /** The pipelines its articles were indexed with (see index/languages.ts). */
  readonly languages: readonly string[];
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
      languages: string[];
      docs: StoredDocMeta;
      speakers: string[];
    };
    this.count = meta.count;
    this.languages = meta.languages;
    try {
      this.docs = readDocMeta(meta.docs, sections);
    } catch (error) {
      throw new ShardFormatError(error instanceof Error ? error.message : String(error));
    }
    const decoder = new TextDecoder();
    this.dictionary = new StringTable(decoder.decode(sections.u8('terms')), meta.terms);
    // Decoded now, though only phrases look words up in it: the first phrase query, which reads and checks
    // its words' positions for the first time, is slow enough already.
    this.normTable = new StringTable(decoder.decode(sections.u8('norms')), meta.norms);
    this.fields = ARTICLE_FIELDS.map((name) =>
      name === 'quote'
        ? lazyPostings(() => articleQuotePostings(this.quotations))
        : readField(sections, name, name !== 'title' && name !== 'body'),
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
      this.docs.paths.length !== this.count ||
      this.docs.titles.length !== this.count ||
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
    const compressed = readBriefly(this.text, from, this.textOffsets[block + 1]! - from);
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
      id: d.ids.get(doc),
      path: d.paths.get(doc),
      folder: d.folders[d.folder[doc]!]!,
      format: d.formats[d.format[doc]!] as Article['format'],
      title: d.titles.get(doc),
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
