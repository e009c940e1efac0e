import type { SortOrder } from '../../api';
import type { Shard } from '../index/shard';
import type { ShardMatches } from './lunr-query';

/** One result in its place: which shard, which article, its score. */
export interface Ranked {
  shard: number;
  doc: number;
  score: number;
}

const collator = new Intl.Collator();

/**
 * The results from `offset` to `offset + limit` in the chosen order, without
 * sorting all of them: a bounded heap keeps the best `offset + limit`, so a
 * page of 20 out of 50,000 hits costs one pass and a few comparisons each.
 * Relevance sorts by score, then newest, then title; date orders put
 * undated articles last either way and break ties by score, then title.
 */
export function rankPage(
  shards: readonly Shard[],
  matches: readonly ShardMatches[],
  sort: SortOrder,
  offset: number,
  limit: number,
): Ranked[] {
  const total = matches.reduce((sum, match) => sum + match.docs.length, 0);
  const shardOf = new Int32Array(total);
  const docOf = new Int32Array(total);
  const scoreOf = new Float64Array(total);
  let n = 0;
  matches.forEach((match, s) => {
    shardOf.fill(s, n, n + match.docs.length);
    docOf.set(match.docs, n);
    scoreOf.set(match.scores, n);
    n += match.docs.length;
  });
  const dateOf = (i: number) => shards[shardOf[i]!]!.docs.dates[docOf[i]!] ?? null;
  const titleOf = (i: number) => shards[shardOf[i]!]!.docs.titles.get(docOf[i]!);
  const tail = (a: number, b: number) =>
    collator.compare(titleOf(a), titleOf(b)) || shardOf[a]! - shardOf[b]! || docOf[a]! - docOf[b]!;
  const byDate = (a: number, b: number) => {
    const x = dateOf(a) ?? '';
    const y = dateOf(b) ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const direction = sort === 'date-asc' ? 1 : -1;
  // Negative when result a goes before result b.
  const compare =
    sort === 'relevance'
      ? (a: number, b: number) => scoreOf[b]! - scoreOf[a]! || byDate(b, a) || tail(a, b)
      : (a: number, b: number) => {
          const x = dateOf(a);
          const y = dateOf(b);
          if (!x !== !y) return x ? -1 : 1;
          return direction * byDate(a, b) || scoreOf[b]! - scoreOf[a]! || tail(a, b);
        };
  return pageInOrder(total, offset, limit, compare).map((i) => ({
    shard: shardOf[i]!,
    doc: docOf[i]!,
    score: scoreOf[i]!,
  }));
}

/**
 * Items `offset` to `offset + limit` of 0..total-1 in the order `compare`
 * gives, sorting them all only when the page reaches past half of them.
 */
export function pageInOrder(
  total: number,
  offset: number,
  limit: number,
  compare: (a: number, b: number) => number,
): number[] {
  const wanted = Math.min(total, offset + limit);
  if (offset >= total || wanted === 0) return [];
  const chosen = wanted * 2 >= total ? allSorted(total, compare) : best(total, wanted, compare);
  return chosen.slice(offset, wanted);
}

function allSorted(total: number, compare: (a: number, b: number) => number): number[] {
  return Array.from({ length: total }, (_, i) => i).sort(compare);
}

/** The `k` first items in order, through a heap whose root is the last of those kept so far. */
function best(total: number, k: number, compare: (a: number, b: number) => number): number[] {
  const heap: number[] = [];
  const worse = (a: number, b: number) => compare(heap[a]!, heap[b]!) > 0;
  const siftDown = (from: number) => {
    let at = from;
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let top = at;
      if (left < heap.length && worse(left, top)) top = left;
      if (right < heap.length && worse(right, top)) top = right;
      if (top === at) return;
      [heap[at], heap[top]] = [heap[top]!, heap[at]!];
      at = top;
    }
  };
  for (let i = 0; i < total; i++) {
    if (heap.length < k) {
      heap.push(i);
      for (let at = heap.length - 1; at > 0;) {
        const parent = (at - 1) >> 1;
        if (!worse(at, parent)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (compare(i, heap[0]!) < 0) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}
