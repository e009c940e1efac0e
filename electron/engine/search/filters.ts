import type { FacetCount, Facets, SearchFilters } from '../../api';
import type { Shard } from '../index/shard';
import type { ShardMatches } from './lunr-query';

const SOURCE = 1;
const AUTHOR = 2;
const FOLDER = 4;
const FORMAT = 8;
const DATE = 16;
const SPEAKER = 32;

/** Facet lists are cut to this many values (the chosen ones are always kept). */
const MOST_VALUES = 100;

/** Pads a partial date to its first day: `2019` → `2019-01-01`. */
function firstDay(date: string): string {
  return date.length >= 10
    ? date.slice(0, 10)
    : date.length >= 7
      ? `${date.slice(0, 7)}-01`
      : `${date.slice(0, 4)}-01-01`;
}

/** Pads a partial date to its last day: `2019-02` → `2019-02-31`, which sorts after every day of February. */
function lastDay(date: string): string {
  return date.length >= 10
    ? date.slice(0, 10)
    : date.length >= 7
      ? `${date.slice(0, 7)}-31`
      : `${date.slice(0, 4)}-12-31`;
}

const years = new WeakMap<Shard, Int32Array>();

/**
 * The year a date opens with (its first four characters, when digits), else
 * 0: read without a regular expression, as a library's first query reads the
 * date of every article.
 */
function leadingYear(date: string): number {
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = date.charCodeAt(i) - 0x30;
    if (!(digit >= 0 && digit <= 9)) return 0;
    year = year * 10 + digit;
  }
  return year;
}

// Counts by year, cleared after each query (only the years seen), so counting needs no map.
const yearScratch = new Uint32Array(10_000);

/** Each article's year (0 when undated), worked out once per shard. */
function yearsOf(shard: Shard): Int32Array {
  let out = years.get(shard);
  if (!out) {
    out = new Int32Array(shard.count);
    shard.docs.dates.forEach((date, doc) => (out![doc] = date ? leadingYear(date) : 0));
    years.set(shard, out);
  }
  return out;
}

/** Marks the dictionary codes whose values are wanted; null when the filter is not set. */
function allowed(values: readonly string[], wanted: readonly string[] | undefined): Uint8Array | null {
  if (!wanted || wanted.length === 0) return null;
  const set = new Set(wanted);
  return Uint8Array.from(values, (value) => (set.has(value) ? 1 : 0));
}

/**
 * A facet's values numbered once across every shard that ever served, so
 * that a query's counts add up in one array rather than in a map of
 * strings: each shard's dictionary is mapped to these numbers once.
 */
class LibraryCodes {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  private readonly mapped = new WeakMap<readonly string[], Int32Array>();

  /** The library codes of a shard dictionary's values, position for position. */
  of(dictionary: readonly string[]): Int32Array {
    let codes = this.mapped.get(dictionary);
    if (!codes) {
      codes = Int32Array.from(dictionary, (value) => {
        let code = this.codes.get(value);
        if (code === undefined) {
          code = this.values.length;
          this.codes.set(value, code);
          this.values.push(value);
        }
        return code;
      });
      this.mapped.set(dictionary, codes);
    }
    return codes;
  }
}

const SOURCES = new LibraryCodes();
const AUTHORS = new LibraryCodes();
const FOLDERS = new LibraryCodes();
const FORMATS = new LibraryCodes();
const SPEAKERS = new LibraryCodes();

/** Counts of one facet's values, summed over shards, by library code. */
export class Tally {
  private counts = new Uint32Array(0);
  private readonly touched: number[] = [];

  constructor(private readonly library: LibraryCodes) {}

  /** Shard `dictionary`'s library codes, with room to count every one of them. */
  codesOf(dictionary: readonly string[]): Int32Array {
    const codes = this.library.of(dictionary);
    if (this.counts.length < this.library.values.length) {
      const grown = new Uint32Array(Math.max(this.library.values.length, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    return codes;
  }

  /** Counts a value by its library code (from `codesOf`). */
  add(code: number): void {
    if (this.counts[code]!++ === 0) this.touched.push(code);
  }

  /** The values counted, most first, cut to MOST_VALUES with the `chosen` ones always kept. */
  list(chosen: readonly string[] = []): FacetCount[] {
    const { values } = this.library;
    const all = this.touched.map((code) => ({ value: values[code]!, count: this.counts[code]! }));
    all.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    const kept = all.slice(0, MOST_VALUES);
    for (const value of chosen) {
      if (!kept.some((facet) => facet.value === value))
        kept.push({ value, count: all.find((facet) => facet.value === value)?.count ?? 0 });
    }
    return kept;
  }
}

/** Counts of speakers, as the quote search tallies them. */
export function speakerTally(): Tally {
  return new Tally(SPEAKERS);
}

/**
 * Applies the filters to each shard's matches and counts the facets over
 * them in the same pass. Every facet counts the articles that pass all the
 * other filters, so choosing one source still shows how many articles the
 * other sources would give.
 */
export function filterMatches(
  shards: readonly Shard[],
  matches: readonly ShardMatches[],
  filters: SearchFilters = {},
): { matches: ShardMatches[]; facets: Facets } {
  const tallies = {
    sources: new Tally(SOURCES),
    authors: new Tally(AUTHORS),
    folders: new Tally(FOLDERS),
    formats: new Tally(FORMATS),
    speakers: new Tally(SPEAKERS),
  };
  const yearsSeen: number[] = [];
  const from = filters.dateFrom ? firstDay(filters.dateFrom) : null;
  const to = filters.dateTo ? lastDay(filters.dateTo) : null;
  const filtered = shards.map((shard, s) => {
    const { docs, scores } = matches[s]!;
    const d = shard.docs;
    const sources = allowed(d.sources, filters.sources);
    const authors = allowed(d.authors, filters.authors);
    const folders = allowed(d.folders, filters.folders);
    const formats = allowed(d.formats, filters.formats);
    const speakers = allowed(shard.speakers, filters.speakers);
    const filtering = Boolean(sources || authors || folders || formats || speakers || from || to);
    const { articleSpeakerStarts: speakerStarts, articleSpeakers } = shard;
    const sourceCodes = tallies.sources.codesOf(d.sources);
    const authorCodes = tallies.authors.codesOf(d.authors);
    const folderCodes = tallies.folders.codesOf(d.folders);
    const formatCodes = tallies.formats.codesOf(d.formats);
    const speakerCodes = tallies.speakers.codesOf(shard.speakers);
    const yearOf = yearsOf(shard);
    const keepDocs: number[] = [];
    const keepScores: number[] = [];
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const source = d.source[doc]!;
      const author = d.author[doc]!;
      let failed = 0;
      if (filtering) {
        if (sources && (source < 0 || !sources[source])) failed |= SOURCE;
        if (authors && (author < 0 || !authors[author])) failed |= AUTHOR;
        if (folders && !folders[d.folder[doc]!]) failed |= FOLDER;
        if (formats && !formats[d.format[doc]!]) failed |= FORMAT;
        if (speakers) {
          let quoted = false;
          for (let k = speakerStarts[doc]!; k < speakerStarts[doc + 1]! && !quoted; k++)
            quoted = speakers[articleSpeakers[k]!] === 1;
          if (!quoted) failed |= SPEAKER;
        }
        if (from || to) {
          const date = d.dates[doc];
          const day = date ? firstDay(date) : null;
          if (!day || (from && day < from) || (to && day > to)) failed |= DATE;
        }
        // An article failing one filter still counts in that filter's own facet.
        if (failed & (failed - 1)) continue;
      }
      if (source >= 0 && !(failed & ~SOURCE)) tallies.sources.add(sourceCodes[source]!);
      if (author >= 0 && !(failed & ~AUTHOR)) tallies.authors.add(authorCodes[author]!);
      if (!(failed & ~FOLDER)) tallies.folders.add(folderCodes[d.folder[doc]!]!);
      if (!(failed & ~FORMAT)) tallies.formats.add(formatCodes[d.format[doc]!]!);
      if (!(failed & ~SPEAKER)) {
        for (let k = speakerStarts[doc]!; k < speakerStarts[doc + 1]!; k++)
          tallies.speakers.add(speakerCodes[articleSpeakers[k]!]!);
      }
      const year = yearOf[doc]!;
      if (year > 0 && year < 10_000 && !(failed & ~DATE) && yearScratch[year]!++ === 0) yearsSeen.push(year);
      if (filtering && failed === 0) {
        keepDocs.push(doc);
        keepScores.push(scores[i]!);
      }
    }
    if (!filtering || keepDocs.length === docs.length) return matches[s]!;
    return { docs: Int32Array.from(keepDocs), scores: Float64Array.from(keepScores) };
  });
  const years = yearsSeen.map((year) => ({ value: String(year), count: yearScratch[year]! }));
  for (const year of yearsSeen) yearScratch[year] = 0;
  years.sort((a, b) => (a.value < b.value ? 1 : -1));
  return {
    matches: filtered,
    facets: {
      sources: tallies.sources.list(filters.sources),
      authors: tallies.authors.list(filters.authors),
      folders: tallies.folders.list(filters.folders),
      formats: tallies.formats.list(filters.formats),
      years: years.slice(0, MOST_VALUES),
      speakers: tallies.speakers.list(filters.speakers),
    },
  };
}
