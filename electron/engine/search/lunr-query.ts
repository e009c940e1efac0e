import lunr from 'lunr';
import { ENGLISH, searchTerms } from '../index/languages';
import { decodePostings, type ScoredDocs } from '../index/postings';
import { mergedDictionary } from './dictionary';
import { expandInDictionary, needsExpansion } from './expand';
import type { FieldSchema } from './fields';
import type { QueryClause } from './query';

// Lunr's BM25 parameters, as `buildLunrIndex` leaves them.
const K1 = 1.2;
const B = 0.75;
const { REQUIRED, PROHIBITED } = lunr.Query.presence;
/** The most fields a schema has. */
const MAX_FIELDS = 4;

/** Library-wide figures every shard scores with, so scores compare across shards. */
export interface LibraryStats {
  /** Documents in service. */
  docs: number;
  /** Mean Lunr field length per field, in the schema's order. */
  averageLength: number[];
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
  fieldTerms: Set<string>[];
}

/** A term of the expanded query: where each shard keeps it and how many articles hold it. */
interface TermInfo {
  term: string;
  at: Int32Array;
  /** Documents holding the term, per field; -1 (or missing) until counted. */
  df: number[];
}

interface Prepared {
  presence: lunr.Query.presence;
  fields: number[];
  terms: TermInfo[];
}

const NOTHING: ShardMatches = { docs: new Int32Array(0), scores: new Float64Array(0) };

/**
 * Runs Lunr query clauses over shards with exactly the matching and scoring
 * of `lunr.Index#query` on one index holding every document in service
 * (articles, or quotations), with the fields of `schema`: terms through the
 * search pipeline (through each of `languages`' pipelines, the terms they
 * make alternatives within the clause), wildcards and fuzzy terms expanded over
 * the union of the shard dictionaries, a required clause satisfied in any of
 * its fields, prohibited clauses excluding, negated-only queries listing
 * everything else, and BM25 field vectors (rounded to 3 places as Lunr's
 * builder does) computed from library-wide counts at query time.
 */
export function runLunrQuery(
  shards: readonly ScoredDocs[],
  clauses: readonly QueryClause[],
  stats: LibraryStats,
  schema: FieldSchema,
  languages: readonly string[] = [ENGLISH],
): LunrMatches {
  const infos = new Map<string, TermInfo>();
  const prepared: Prepared[] = [];
  const vectors = schema.names.map(() => new Map<TermInfo, number>());
  const nothing = () => ({
    shards: shards.map(() => NOTHING),
    fieldTerms: schema.names.map(() => new Set<string>()),
  });
  for (const clause of clauses) {
    const fields = (clause.fields ?? schema.defaults).map((field) => schema.names.indexOf(field));
    const counted = [...new Set(fields.flatMap((field) => schema.idfFields[field]!))];
    const found = new Set<TermInfo>();
    for (const term of clause.usePipeline ? searchTerms(clause.term, languages) : [clause.term]) {
      for (const info of expand(shards, { ...clause, term }, infos, counted)) found.add(info);
    }
    // A required word found nowhere means nothing can match, as in Lunr.
    if (found.size === 0 && clause.presence === REQUIRED) return nothing();
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
  const idfs = vectors.map((vector, field) => {
    const idf = new Map<TermInfo, number>();
    for (const info of vector.keys()) {
      const df = schema.idfFields[field]!.reduce((sum, each) => sum + documentCount(shards, info, each), 0);
      idf.set(info, Math.log(1 + Math.abs((stats.docs - df + 0.5) / (df + 0.5))));
    }
    return idf;
  });
  const results = shards.map((shard, s) =>
    scoreShard(shard, s, prepared, vectors, idfs, magnitudes, negated, stats, schema.boosts),
  );
  const fieldTerms = vectors.map((vector) => new Set([...vector.keys()].map((info) => info.term)));
  return { shards: results, fieldTerms };
}

/** How many documents in service hold the term in `field`, counted once per query. */
function documentCount(sources: readonly ScoredDocs[], info: TermInfo, field: number): number {
  let count = info.df[field] ?? -1;
  if (count < 0) {
    count = 0;
    sources.forEach((source, s) => {
      const index = info.at[s]!;
      if (index >= 0) count += source.liveDf(field, index);
    });
    info.df[field] = count;
  }
  return count;
}

/**
 * The terms a clause stands for (itself, or its wildcard or fuzzy
 * expansion) that documents in service hold in any of the `counted` fields.
 */
function expand(
  sources: readonly ScoredDocs[],
  clause: lunr.Query.Clause,
  infos: Map<string, TermInfo>,
  counted: readonly number[],
): TermInfo[] {
  const shards = sources.map((source) => source.shard);
  const found = new Set<TermInfo>();
  const note = (term: string, s: number, index: number) => {
    let info = infos.get(term);
    if (!info) {
      info = { term, at: new Int32Array(shards.length).fill(-1), df: [] };
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
    const small = new Set<unknown>(rest);
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
    // A term held only by deleted documents is not in the library any more.
    if (counted.some((field) => documentCount(sources, info, field) > 0)) live.push(info);
  }
  return live;
}

/** Work arrays shared by every query, sized to the biggest shard; stamps save clearing them. */
const work = {
  size: 0,
  stamp: 0,
  dots: Array.from({ length: MAX_FIELDS }, () => new Float64Array(0)),
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
  work.dots = Array.from({ length: MAX_FIELDS }, () => new Float64Array(size));
  work.matched = new Int32Array(size);
  work.list = new Int32Array(size);
  work.required = new Int32Array(size);
  work.requiredCount = new Uint16Array(size);
  work.seen = new Int32Array(size);
  work.banned = new Int32Array(size);
}

const normCache = new WeakMap<ScoredDocs, { averages: number[]; norms: Float64Array[] }>();

/**
 * Lunr's length normalisation `k1 * (1 - b + b * (length / average))` per
 * article of a shard, worked out once for each library average: the same
 * operations in the same order, so the scores round exactly as Lunr's.
 */
function lengthNorms(shard: ScoredDocs, field: number, average: number): Float64Array {
  let entry = normCache.get(shard);
  if (!entry) {
    entry = { averages: shard.fields.map(() => NaN), norms: shard.fields.map(() => new Float64Array(0)) };
    normCache.set(shard, entry);
  }
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
  shard: ScoredDocs,
  s: number,
  clauses: readonly Prepared[],
  vectors: readonly Map<TermInfo, number>[],
  idfs: readonly Map<TermInfo, number>[],
  magnitudes: readonly number[],
  negated: boolean,
  stats: LibraryStats,
  boosts: readonly number[],
): ShardMatches {
  prepareWork(shard.count);
  const stamp = ++work.stamp;
  const required = clauses.filter((clause) => clause.presence === REQUIRED);
  // A query of one required clause scores only what its postings hold: nothing to count.
  const wanted = clauses.length === 1 ? 0 : required.length;
  if (wanted > 0) countRequired(shard, s, required, stamp);
  const banned = markProhibited(shard, s, clauses, stamp);
  const { matched, list, dots } = work;
  let listed = 0;
  const fieldCount = vectors.length;
  for (let field = 0; field < fieldCount; field++) {
    if (vectors[field]!.size === 0) continue;
    const norms = lengthNorms(shard, field, stats.averageLength[field]!);
    const boost = boosts[field]!;
    const dot = dots[field]!;
    for (const [info, weight] of vectors[field]!) {
      const index = info.at[s]!;
      if (index < 0) continue;
      const idf = idfs[field]!.get(info)!;
      const postings = decodePostings(shard, field, index);
      for (let i = 0; i < postings.length; i++) {
        const doc = postings.docs[i]!;
        // Only articles that can still be results are scored.
        if (wanted > 0 && (work.required[doc] !== stamp || work.requiredCount[doc] !== wanted)) continue;
        if (banned && work.banned[doc] === stamp) continue;
        if (!shard.isLive(doc)) continue;
        if (matched[doc] !== stamp) {
          matched[doc] = stamp;
          for (let f = 0; f < fieldCount; f++) dots[f]![doc] = 0;
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
    let score = 0;
    for (let f = 0; f < fieldCount; f++) score += dots[f]![doc]! / magnitudes[f]! || 0;
    scores[i] = score;
  }
  return { docs, scores };
}

/** Counts, per article, the required clauses it satisfies (in any of each clause's fields). */
function countRequired(shard: ScoredDocs, s: number, required: readonly Prepared[], stamp: number): void {
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
function markProhibited(shard: ScoredDocs, s: number, clauses: readonly Prepared[], stamp: number): boolean {
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
