import type { Shard } from '../index/shard';

/** Shards this big join the merged dictionary; smaller ones (the delta) are walked on their own. */
const MERGED_FROM = 1000;

let cached: { shards: Shard[]; terms: string[] } | null = null;

function mergeTwo(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) {
      out.push(x);
      i++;
    } else if (y < x) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/**
 * The dictionaries of many shards as one sorted list without repeats, so a
 * wildcard or fuzzy word is expanded once instead of once per shard (shards
 * of one library share most of their words). Built on the first query that
 * needs it, kept until the big shards change; shards below MERGED_FROM
 * articles are left out and come back in `rest`.
 */
export function mergedDictionary(shards: readonly Shard[]): { terms: string[]; rest: Shard[] } {
  const big = shards.filter((shard) => shard.count >= MERGED_FROM);
  const rest = shards.filter((shard) => shard.count < MERGED_FROM);
  const same =
    cached && cached.shards.length === big.length && cached.shards.every((shard, i) => shard === big[i]);
  if (!same) {
    let lists = big.map((shard) => shard.terms);
    // Pairwise rounds: each word is compared about log2(shards) times.
    while (lists.length > 1) {
      const next: string[][] = [];
      for (let i = 0; i < lists.length; i += 2)
        next.push(i + 1 < lists.length ? mergeTwo(lists[i]!, lists[i + 1]!) : lists[i]!);
      lists = next;
    }
    cached = { shards: big, terms: lists[0] ?? [] };
  }
  return { terms: cached!.terms, rest };
}
