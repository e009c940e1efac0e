import lunr from 'lunr';
import { ENGLISH, searchTerms } from '../index/languages';
import { FIELDS, TITLE_BOOST } from '../index/lunr-index';
import { decodePostings, type Shard } from '../index/shard';
import { mergedDictionary } from './dictionary';
import { expandInDictionary, needsExpansion } from './expand';
import type { QueryClause } from './query';

// Lunr's BM25 parameters and our field boosts, as `buildLunrIndex` sets them.
const K1 = 1.2;
const B = 0.75;
const FIELD_BOOST = [TITLE_BOOST, 1];
const { REQUIRED, PROHIBITED } = lunr.Query.presence;

/** Library-wide figures every shard scores with, so scores compare across shards. */
export interface LibraryStats {
  /** Articles in service. */
  docs: number;
  /** Mean Lunr field length per field (title, body). */
  averageLength: [number, number];
}

/** One shard's matching articles and their scores, in no particular order. */
export interface ShardMatches {
  docs: Int32Array;
  scores: Float64Array;
}

export interface LunrMatches {
  /** Per shard, in the order the shards were given. */
  shards: ShardMatches[];
  /** Per field, the index terms the matching clauses expanded to: what highlights look for. */
  fieldTerms: [Set<string>, Set<string>];
}

/** A term of the expanded query: where each shard keeps it and how many articles hold it. */
interface TermInfo {
  term: string;
  at: Int32Array;
  /** Lunr's "documents with term": summed over fields, as `lunr.idf` counts it. */
  df: number;
}

interface Prepared {
  presence: lunr.Query.presence;
  fields: number[];
  terms: TermInfo[];
}

const NOTHING: ShardMatches = { docs: new Int32Array(0), scores: new Float64Array(0) };

/**
 * Runs Lunr query clauses over shards with exactly the matching and scoring
 * of `lunr.Index#query` on one index holding every article in service:
 * terms through the search pipeline (through each of `languages`' pipelines,
 * the terms they make alternatives within the clause), wildcards and fuzzy terms expanded over
 * the union of the shard dictionaries, a required clause satisfied in any of
 * its fields, prohibited clauses excluding, negated-only queries listing
 * everything else, and BM25 field vectors (rounded to 3 places as Lunr's
 * builder does) computed from library-wide counts at query time.
 */
export function runLunrQuery(
  shards: readonly Shard[],
  clauses: readonly QueryClause[],
  stats: LibraryStats,
  languages: readonly string[] = [ENGLISH],
): LunrMatches {
  const infos = new Map<string, TermInfo>();
  const prepared: Prepared[] = [];
  const vectors = [new Map<TermInfo, number>(), new Map<TermInfo, number>()];
  for (const clause of clauses) {
    const fields = (clause.fields ?? FIELDS).map((field) => FIELDS.indexOf(field as (typeof FIELDS)[number]));
    const found = new Set<TermInfo>();
    for (const term of clause.usePipeline ? searchTerms(clause.term, languages) : [clause.term]) {
      for (const info of expand(shards, { ...clause, term }, infos)) found.add(info);
    }
    // A required word found nowhere means nothing can match, as in Lunr.
    if (found.size === 0 && clause.presence === REQUIRED) {
      return { shards: shards.map(() => NOTHING), fieldTerms: [new Set(), new Set()] };
    }
    const terms = [...found];
    if (clause.presence !== PROHIBITED) {
      for (const info of terms) {
        for (const field of fields) {
          const vector = vectors[field]!;
          vector.set(info, (vector.get(info) ?? 0) + (clause.boost ?? 1));
        }
      }
    }
    prepared.push({ presence: clause.presence, fields, terms });
  }
  const magnitudes = vectors.map((vector) =>
    Math.sqrt([...vector.values()].reduce((sum, v) => sum + v * v, 0)),
  );
  const negated = prepared.length > 0 && prepared.every((clause) => clause.presence === PROHIBITED);
  const results = shards.map((shard, s) =>
    scoreShard(shard, s, prepared, vectors, magnitudes, negated, stats),
  );
  const fieldTerms = vectors.map((vector) => new Set([...vector.keys()].map((info) => info.term)));
  return { shards: results, fieldTerms: fieldTerms as [Set<string>, Set<string>] };
}

function expand(
  shards: readonly Shard[],
  clause: lunr.Query.Clause,
  infos: Map<string, TermInfo>,
): TermInfo[] {
  const found = new Set<TermInfo>();
  const note = (term: string, s: number, index: number) => {
    let info = infos.get(term);
    if (!info) {
      info = { term, at: new Int32Array(shards.length).fill(-1), df: -1 };
      infos.set(term, info);
    }
    info.at[s] = index;
    found.add(info);
  };
  const prefix = /^([^*]+)\*$/.exec(clause.term)?.[1];
  if (!needsExpansion(clause)) {
    shards.forEach((shard, s) => {
      const index = shard.termIndex(clause.term);
      if (index >= 0) note(clause.term, s, index);
    });
  } else if (prefix !== undefined && !(clause.editDistance > 0)) {
    // A trailing wildcard is a range of each sorted dictionary: no walk, no merged dictionary.
    shards.forEach((shard, s) => {
      const table = shard.dictionary;
      for (let index = table.lowerBound(prefix); index < table.length; index++) {
        const term = table.get(index);
        if (!term.startsWith(prefix)) break;
        note(term, s, index);
      }
    });
  } else {
    // Walk the merged dictionary once, then find each word in each big shard.
    const { terms, rest } = mergedDictionary(shards);
    const small = new Set(rest);
    const words: string[] = [];
    expandInDictionary(terms, clause, (index) => words.push(terms[index]!));
    shards.forEach((shard, s) => {
      if (small.has(shard)) {
        expandInDictionary(shard.terms, clause, (index) => note(shard.terms[index]!, s, index));
        return;
      }
      for (const word of words) {
        const index = shard.termIndex(word);
        if (index >= 0) note(word, s, index);
      }
    });
  }
  const live: TermInfo[] = [];
  for (const info of found) {
    if (info.df < 0) {
      info.df = 0;
      shards.forEach((shard, s) => {
        const index = info.at[s]!;
        if (index >= 0) info.df += shard.liveDf(0, index) + shard.liveDf(1, index);
      });
    }
    // A term held only by deleted articles is not in the library any more.
    if (info.df > 0) live.push(info);
  }
  return live;
}

/** Work arrays shared by every query, sized to the biggest shard; stamps save clearing them. */
const work = {
  size: 0,
  stamp: 0,
  dots: [new Float64Array(0), new Float64Array(0)],
  matched: new Int32Array(0),
  list: new Int32Array(0),
  required: new Int32Array(0),
  requiredCount: new Uint16Array(0),
  seen: new Int32Array(0),
  banned: new Int32Array(0),
};

function prepareWork(size: number): void {
  if (work.size >= size) return;
  work.size = size;
  work.dots = [new Float64Array(size), new Float64Array(size)];
  work.matched = new Int32Array(size);
  work.list = new Int32Array(size);
  work.required = new Int32Array(size);
  work.requiredCount = new Uint16Array(size);
  work.seen = new Int32Array(size);
  work.banned = new Int32Array(size);
}

const normCache = new WeakMap<Shard, { averages: number[]; norms: Float64Array[] }>();

/**
 * Lunr's length normalisation `k1 * (1 - b + b * (length / average))` per
 * article of a shard, worked out once for each library average: the same
 * operations in the same order, so the scores round exactly as Lunr's.
 */
function lengthNorms(shard: Shard, field: number, average: number): Float64Array {
  let entry = normCache.get(shard);
  if (!entry)
    normCache.set(
      shard,
      (entry = { averages: [NaN, NaN], norms: [new Float64Array(0), new Float64Array(0)] }),
    );
  if (entry.averages[field] !== average) {
    const lengths = shard.lengths[field]!;
    const norms = new Float64Array(shard.count);
    for (let doc = 0; doc < shard.count; doc++) norms[doc] = K1 * (1 - B + B * (lengths[doc]! / average));
    entry.averages[field] = average;
    entry.norms[field] = norms;
  }
  return entry.norms[field]!;
}

function scoreShard(
  shard: Shard,
  s: number,
  clauses: readonly Prepared[],
  vectors: readonly Map<TermInfo, number>[],
  magnitudes: readonly number[],
  negated: boolean,
  stats: LibraryStats,
): ShardMatches {
  prepareWork(shard.count);
  const stamp = ++work.stamp;
  const required = clauses.filter((clause) => clause.presence === REQUIRED);
  const wanted = required.length;
  if (wanted > 0) countRequired(shard, s, required, stamp);
  const banned = markProhibited(shard, s, clauses, stamp);
  const { matched, list, dots } = work;
  let listed = 0;
  for (let field = 0; field < 2; field++) {
    const norms = lengthNorms(shard, field, stats.averageLength[field]!);
    const boost = FIELD_BOOST[field]!;
    const dot = dots[field]!;
    for (const [info, weight] of vectors[field]!) {
      const index = info.at[s]!;
      if (index < 0) continue;
      const idf = Math.log(1 + Math.abs((stats.docs - info.df + 0.5) / (info.df + 0.5)));
      const postings = decodePostings(shard, field, index);
      for (let i = 0; i < postings.length; i++) {
        const doc = postings.docs[i]!;
        // Only articles that can still be results are scored.
        if (wanted > 0 && (work.required[doc] !== stamp || work.requiredCount[doc] !== wanted)) continue;
        if (banned && work.banned[doc] === stamp) continue;
        if (!shard.isLive(doc)) continue;
        if (matched[doc] !== stamp) {
          matched[doc] = stamp;
          dots[0]![doc] = 0;
          dots[1]![doc] = 0;
          list[listed++] = doc;
        }
        const tf = postings.tfs[i]!;
        // Lunr's builder formula, operation for operation, so the rounding comes out the same.
        let score = (idf * ((K1 + 1) * tf)) / (norms[doc]! + tf);
        score *= boost;
        dot[doc]! += weight * (Math.round(score * 1000) / 1000);
      }
    }
  }
  if (negated) {
    const docs: number[] = [];
    for (let doc = 0; doc < shard.count; doc++) {
      if (shard.isLive(doc) && !(banned && work.banned[doc] === stamp)) docs.push(doc);
    }
    return { docs: Int32Array.from(docs), scores: new Float64Array(docs.length) };
  }
  const docs = list.slice(0, listed);
  const scores = new Float64Array(listed);
  for (let i = 0; i < listed; i++) {
    const doc = docs[i]!;
    // Lunr: a field's similarity is its dot product over the query vector's length, 0 when that is 0.
    scores[i] = (dots[0]![doc]! / magnitudes[0]! || 0) + (dots[1]![doc]! / magnitudes[1]! || 0);
  }
  return { docs, scores };
}

/** Counts, per article, the required clauses it satisfies (in any of each clause's fields). */
function countRequired(shard: Shard, s: number, required: readonly Prepared[], stamp: number): void {
  for (const clause of required) {
    const seen = ++work.stamp;
    for (const info of clause.terms) {
      const index = info.at[s]!;
      if (index < 0) continue;
      for (const field of clause.fields) {
        const postings = decodePostings(shard, field, index);
        for (let i = 0; i < postings.length; i++) {
          const doc = postings.docs[i]!;
          if (work.seen[doc] === seen) continue;
          work.seen[doc] = seen;
          if (work.required[doc] !== stamp) {
            work.required[doc] = stamp;
            work.requiredCount[doc] = 0;
          }
          work.requiredCount[doc]!++;
        }
      }
    }
  }
}

/** Marks (with the stamp) the articles holding a prohibited clause's term; false when there is none. */
function markProhibited(shard: Shard, s: number, clauses: readonly Prepared[], stamp: number): boolean {
  let any = false;
  for (const clause of clauses) {
    if (clause.presence !== PROHIBITED) continue;
    any = true;
    for (const info of clause.terms) {
      const index = info.at[s]!;
      if (index < 0) continue;
      for (const field of clause.fields) {
        const postings = decodePostings(shard, field, index);
        for (let i = 0; i < postings.length; i++) work.banned[postings.docs[i]!] = stamp;
      }
    }
  }
  return any;
}
