import type { Article } from '../ingest/article';
import type { DecodedSections } from './sections';

/**
 * The per-article facts a shard keeps in its index file, column by column:
 * what results show, what filters and facets count, and the file facts
 * (size, time, content hash) that tell an indexing pass what changed.
 * Repeated values (folders, sources, authors, formats) are stored once and
 * referred to by number, which also makes facet counting a matter of arrays.
 */
export interface DocMeta {
  ids: TextColumn;
  paths: TextColumn;
  titles: TextColumn;
  dates: (string | null)[];
  folders: string[];
  folder: number[];
  formats: string[];
  format: number[];
  /** Code -1 stands for no value. */
  sources: string[];
  source: number[];
  authors: string[];
  author: number[];
}

/** The columns of DocMeta kept as text sections rather than in the index file's JSON header. */
type TextColumnName = 'ids' | 'paths' | 'titles';

/** What the index file's JSON header holds of DocMeta: all but the text columns. */
export type StoredDocMeta = Omit<DocMeta, TextColumnName>;

/**
 * One string per article, kept as the UTF-8 bytes of each, one after the
 * other, with where each starts: opening a shard makes none of its hundreds
 * of thousands of strings. Ids, paths and titles are mostly read for the few
 * articles a page shows, so a string is decoded when asked for; a column read
 * through (a sort by title, a lookup by id) is decoded whole, once.
 */
export class TextColumn {
  private strings: string[] | null = null;
  private reads = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly starts: Uint32Array,
  ) {
    if (starts.length === 0 || starts[0] !== 0 || starts[starts.length - 1] !== bytes.length)
      throw new Error('a text column does not match its starts');
  }

  static of(values: readonly string[]): TextColumn {
    const encoder = new TextEncoder();
    // Each string on its own: joined, a lone surrogate at the end of one could pair with one opening the next.
    const encoded: Uint8Array[] = [];
    const starts = new Uint32Array(values.length + 1);
    for (let i = 0; i < values.length; i++) {
      encoded.push(encoder.encode(values[i]!));
      starts[i + 1] = starts[i]! + encoded[i]!.length;
    }
    const bytes = new Uint8Array(starts[values.length]!);
    for (let i = 0; i < encoded.length; i++) bytes.set(encoded[i]!, starts[i]);
    return new TextColumn(bytes, starts);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  get(index: number): string {
    if (!(index >= 0 && index < this.length))
      throw new RangeError(`no string ${index} in a column of ${this.length}`);
    if (this.strings) return this.strings[index]!;
    if (++this.reads > WHOLE_AFTER_READS) return this.list()[index]!;
    return this.decode(index);
  }

  /** Every string, in order. */
  list(): string[] {
    this.strings ??= Array.from({ length: this.length }, (_, i) => this.decode(i));
    return this.strings;
  }

  private decode(index: number): string {
    return utf8.decode(this.bytes.subarray(this.starts[index], this.starts[index + 1]));
  }

  /** The column as the two sections it is stored in: `${name}Text` and `${name}Starts`. */
  sections(name: string): Record<string, Uint8Array | Uint32Array> {
    return { [`${name}Text`]: this.bytes, [`${name}Starts`]: this.starts };
  }
}

/** Strings read one by one before a text column is decoded whole. */
const WHOLE_AFTER_READS = 256;

// A byte-order mark opening a string is one of its characters, not a mark to drop.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Values stored once and referred to by number (-1 for none). */
export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string | null): number {
    if (value === null) return -1;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
}

const HASH_BYTES = 32;

/** Collects the columns while a shard is built. */
export class DocColumns {
  private readonly ids: string[] = [];
  private readonly paths: string[] = [];
  private readonly titles: string[] = [];
  private readonly dates: (string | null)[] = [];
  private readonly folders = new Dictionary();
  private readonly folder: number[] = [];
  private readonly formats = new Dictionary();
  private readonly format: number[] = [];
  private readonly sources = new Dictionary();
  private readonly source: number[] = [];
  private readonly authors = new Dictionary();
  private readonly author: number[] = [];
  private readonly sizes: number[] = [];
  private readonly mtimes: number[] = [];
  private readonly hashes: string[] = [];

  add(article: Article): void {
    this.ids.push(article.id);
    this.paths.push(article.path);
    this.titles.push(article.title);
    this.dates.push(article.date);
    this.folder.push(this.folders.code(article.folder));
    this.format.push(this.formats.code(article.format));
    this.source.push(this.sources.code(article.source));
    this.author.push(this.authors.code(article.author));
    this.sizes.push(article.size);
    this.mtimes.push(article.mtimeMs);
    this.hashes.push(article.hash);
  }

  /** The columns kept as JSON in the index file's header. */
  meta(): StoredDocMeta {
    return {
      dates: this.dates,
      folders: this.folders.values,
      folder: this.folder,
      formats: this.formats.values,
      format: this.format,
      sources: this.sources.values,
      source: this.source,
      authors: this.authors.values,
      author: this.author,
    };
  }

  /** The numeric columns and the text columns, kept as typed sections. */
  sections(): Record<string, Float64Array | Uint8Array | Uint32Array> {
    const hashes = new Uint8Array(this.hashes.length * HASH_BYTES);
    for (let i = 0; i < this.hashes.length; i++) hashes.set(hashBytes(this.hashes[i]!), i * HASH_BYTES);
    return {
      sizes: Float64Array.from(this.sizes),
      mtimes: Float64Array.from(this.mtimes),
      hashes,
      ...TextColumn.of(this.ids).sections('ids'),
      ...TextColumn.of(this.paths).sections('paths'),
      ...TextColumn.of(this.titles).sections('titles'),
    };
  }
}

/** DocMeta from the index file: the JSON header's columns and the text sections. */
export function readDocMeta(stored: StoredDocMeta, sections: DecodedSections): DocMeta {
  const column = (name: TextColumnName) =>
    new TextColumn(sections.u8(`${name}Text`), sections.u32(`${name}Starts`));
  return { ...stored, ids: column('ids'), paths: column('paths'), titles: column('titles') };
}

function hashBytes(hash: string): Uint8Array {
  const bytes = Buffer.from(/^[0-9a-f]{64}$/i.test(hash) ? hash : '', 'hex');
  return bytes.length === HASH_BYTES ? bytes : new Uint8Array(HASH_BYTES);
}

/** The hex content hash of article `doc` from the hashes column. */
export function hashAt(hashes: Uint8Array, doc: number): string {
  return Buffer.from(hashes.buffer, hashes.byteOffset + doc * HASH_BYTES, HASH_BYTES).toString('hex');
}
