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
// Counts by year, cleared after each shard (only the years seen), so counting needs no map.
const yearScratch = new Uint32Array(10_000);

/** Each article's year (0 when undated), worked out once per shard. */
function yearsOf(shard: Shard): Int32Array {
  let out = years.get(shard);
  if (!out) {
    out = new Int32Array(shard.count);
    shard.docs.dates.forEach((date, doc) => {
      const year = date ? /^(\d{4})/.exec(date) : null;
      out![doc] = year ? Number(year[1]) : 0;
    });
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

/** Counts of facet values, summed over shards. */
export class Tally {
  readonly counts = new Map<string, number>();

  /** Adds the counts of the codes in `touched` (those counted at least once; others are 0). */
  addCodes(values: readonly string[], counts: Uint32Array, touched?: readonly number[]): void {
    if (!touched) {
      counts.forEach((count, code) => {
        if (count > 0) this.counts.set(values[code]!, (this.counts.get(values[code]!) ?? 0) + count);
      });
      return;
    }
    for (const code of touched)
      this.counts.set(values[code]!, (this.counts.get(values[code]!) ?? 0) + counts[code]!);
  }

  list(chosen: readonly string[] = [], byValue = false): FacetCount[] {
    const all = [...this.counts].map(([value, count]) => ({ value, count }));
    all.sort(
      byValue
        ? (a, b) => (a.value < b.value ? 1 : -1)
        : (a, b) => b.count - a.count || (a.value < b.value ? -1 : 1),
    );
    const kept = all.slice(0, MOST_VALUES);
    for (const value of chosen) {
      if (!kept.some((facet) => facet.value === value))
        kept.push({ value, count: this.counts.get(value) ?? 0 });
    }
    return kept;
  }
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
    sources: new Tally(),
    authors: new Tally(),
    folders: new Tally(),
    formats: new Tally(),
    years: new Tally(),
    speakers: new Tally(),
  };
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
    const { articleSpeakerStarts: speakerStarts, articleSpeakers } = shard;
    const counts = [d.sources, d.authors, d.folders, d.formats, shard.speakers].map(
      (values) => new Uint32Array(values.length),
    );
    // The codes counted, so that a dictionary of thousands of speakers is not walked for a few hits.
    const touched: number[][] = counts.map(() => []);
    const count = (facet: number, code: number) => {
      if (counts[facet]![code]!++ === 0) touched[facet]!.push(code);
    };
    const yearCounts = yearScratch.fill(0, 0, 0);
    const yearsSeen: number[] = [];
    const yearOf = yearsOf(shard);
    const keepDocs: number[] = [];
    const keepScores: number[] = [];
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const source = d.source[doc]!;
      const author = d.author[doc]!;
      let failed = 0;
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
      if (source >= 0 && !(failed & ~SOURCE)) count(0, source);
      if (author >= 0 && !(failed & ~AUTHOR)) count(1, author);
      if (!(failed & ~FOLDER)) count(2, d.folder[doc]!);
      if (!(failed & ~FORMAT)) count(3, d.format[doc]!);
      if (!(failed & ~SPEAKER)) {
        for (let k = speakerStarts[doc]!; k < speakerStarts[doc + 1]!; k++) count(4, articleSpeakers[k]!);
      }
      const year = yearOf[doc]!;
      if (year > 0 && year < 10_000 && !(failed & ~DATE) && yearCounts[year]!++ === 0) yearsSeen.push(year);
      if (failed === 0) {
        keepDocs.push(doc);
        keepScores.push(scores[i]!);
      }
    }
    tallies.sources.addCodes(d.sources, counts[0]!, touched[0]);
    tallies.authors.addCodes(d.authors, counts[1]!, touched[1]);
    tallies.folders.addCodes(d.folders, counts[2]!, touched[2]);
    tallies.formats.addCodes(d.formats, counts[3]!, touched[3]);
    tallies.speakers.addCodes(shard.speakers, counts[4]!, touched[4]);
    for (const year of yearsSeen) {
      const key = String(year);
      tallies.years.counts.set(key, (tallies.years.counts.get(key) ?? 0) + yearCounts[year]!);
      yearCounts[year] = 0;
    }
    if (keepDocs.length === docs.length) return matches[s]!;
    return { docs: Int32Array.from(keepDocs), scores: Float64Array.from(keepScores) };
  });
  return {
    matches: filtered,
    facets: {
      sources: tallies.sources.list(filters.sources),
      authors: tallies.authors.list(filters.authors),
      folders: tallies.folders.list(filters.folders),
      formats: tallies.formats.list(filters.formats),
      years: tallies.years.list([], true),
      speakers: tallies.speakers.list(filters.speakers),
    },
  };
}
