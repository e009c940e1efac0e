import type { Article } from '../ingest/article';

/**
 * The per-article facts a shard keeps in its index file, column by column:
 * what results show, what filters and facets count, and the file facts
 * (size, time, content hash) that tell an indexing pass what changed.
 * Repeated values (folders, sources, authors, formats) are stored once and
 * referred to by number, which also makes facet counting a matter of arrays.
 */
export interface DocMeta {
  ids: string[];
  paths: string[];
  titles: string[];
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
  meta(): DocMeta {
    return {
      ids: this.ids,
      paths: this.paths,
      titles: this.titles,
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

  /** The numeric columns, kept as typed sections. */
  sections(): { sizes: Float64Array; mtimes: Float64Array; hashes: Uint8Array } {
    const hashes = new Uint8Array(this.hashes.length * HASH_BYTES);
    this.hashes.forEach((hash, i) => hashes.set(hashBytes(hash), i * HASH_BYTES));
    return { sizes: Float64Array.from(this.sizes), mtimes: Float64Array.from(this.mtimes), hashes };
  }
}

function hashBytes(hash: string): Uint8Array {
  const bytes = Buffer.from(/^[0-9a-f]{64}$/i.test(hash) ? hash : '', 'hex');
  return bytes.length === HASH_BYTES ? bytes : new Uint8Array(HASH_BYTES);
}

/** The hex content hash of article `doc` from the hashes column. */
export function hashAt(hashes: Uint8Array, doc: number): string {
  return Buffer.from(hashes.buffer, hashes.byteOffset + doc * HASH_BYTES, HASH_BYTES).toString('hex');
}
