import { TITLE_BOOST } from '../index/lunr-index';
import type { Shard } from '../index/shard';
import { ARTICLE_SCHEMA } from './fields';
import { runLunrQuery, type LibraryStats, type ShardMatches } from './lunr-query';
import { phraseCounts } from './phrases';
import type { ParsedQuery } from './query';

/** The articles a query matches in each shard, and the terms highlights look for. */
export interface QueryMatches {
  shards: ShardMatches[];
  /** Per article field (ARTICLE_SCHEMA's order). */
  fieldTerms: Set<string>[];
}

const NONE: ShardMatches = { docs: new Int32Array(0), scores: new Float64Array(0) };

function everyArticle(shard: Shard): ShardMatches {
  const docs: number[] = [];
  for (let doc = 0; doc < shard.count; doc++) if (shard.isLive(doc)) docs.push(doc);
  return { docs: Int32Array.from(docs), scores: new Float64Array(docs.length) };
}

/**
 * Matches a parsed query against shards: Lunr's semantics for its clauses
 * (see lunr-query.ts), then exact phrases checked against stored word
 * positions — required phrases must occur, prohibited ones must not. A query
 * of phrases alone scores each article by its phrase occurrences, titles
 * counting as Lunr's title boost. A blank query lists every article.
 */
export function matchQuery(shards: readonly Shard[], query: ParsedQuery, stats: LibraryStats): QueryMatches {
  const noTerms = () => ARTICLE_SCHEMA.names.map(() => new Set<string>());
  if (query.browse) return { shards: shards.map(everyArticle), fieldTerms: noTerms() };
  let result: QueryMatches;
  if (query.clauses.length > 0) result = runLunrQuery(shards, query.clauses, stats, ARTICLE_SCHEMA);
  else if (query.phrases.length > 0) result = { shards: shards.map(everyArticle), fieldTerms: noTerms() };
  else return { shards: shards.map(() => NONE), fieldTerms: noTerms() };
  if (query.phrases.length === 0) return result;
  const phrasesOnly = query.clauses.length === 0;
  const required = query.phrases.filter((phrase) => !phrase.prohibited);
  const prohibited = query.phrases.filter((phrase) => phrase.prohibited);
  const filtered = shards.map((shard, s) => {
    const base = result.shards[s]!;
    if (base.docs.length === 0) return NONE;
    // Without clauses every article is a candidate, and the rarest phrase word leads the walk instead.
    const within = phrasesOnly ? undefined : marks(shard.count, base.docs);
    const requiredCounts = required.map((phrase) => phraseCounts(shard, phrase, within));
    const prohibitedCounts = prohibited.map((phrase) => phraseCounts(shard, phrase, within));
    const docs: number[] = [];
    const scores: number[] = [];
    for (let i = 0; i < base.docs.length; i++) {
      const doc = base.docs[i]!;
      if (!requiredCounts.every((counts) => counts.has(doc))) continue;
      if (prohibitedCounts.some((counts) => counts.has(doc))) continue;
      docs.push(doc);
      let score = base.scores[i]!;
      if (phrasesOnly) {
        score = 0;
        for (const counts of requiredCounts) {
          const count = counts.get(doc)!;
          score += count.title * TITLE_BOOST + count.body + count.quote + count.speaker;
        }
      }
      scores.push(score);
    }
    return { docs: Int32Array.from(docs), scores: Float64Array.from(scores) };
  });
  return { shards: filtered, fieldTerms: result.fieldTerms };
}

function marks(count: number, docs: Int32Array): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < docs.length; i++) out[docs[i]!] = 1;
  return out;
}
