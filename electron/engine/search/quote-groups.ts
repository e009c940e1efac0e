import type { Shard } from '../index/shard';

/** The shorter of two quotations needs this many words before they can be near rather than the same. */
export const NEAR_MIN_WORDS = 8;
/** Near: at least this share of the shorter quotation's sketch values are in the other's. */
export const NEAR_SHARE = 0.5;
/** A sketch value held by more distinct quotations than this is too common to tell anything. */
const COMMON = 64;
const CLASS_BITS = 2 ** 21;

/**
 * Groups every quotation in service across the library: quotations with
 * the same words (the same print: case, punctuation, quotation marks and
 * spacing aside), or nearly the same (one holding most of the other's
 * winnowed sketch, which a quotation wholly inside a longer one always
 * does), said by the same speaker or by nobody named. A group never joins
 * two different named speakers; a quotation of nobody named joins the first
 * named speaker of its words. Gives per shard the group number of each
 * quotation (the same number for one group across shards).
 */
export function groupQuotations(shards: readonly Shard[]): Int32Array[] {
  const bases: number[] = [];
  let total = 0;
  for (const shard of shards) {
    bases.push(total);
    total += shard.quotations.count;
  }
  const parent = new Int32Array(total);
  const speaker = new Int32Array(total).fill(-1);
  const speakerIds = new Map<string, number>();
  const classOf = new Int32Array(total).fill(-1);
  const classes = new Map<number, number>();
  const representative: number[] = [];
  shards.forEach((shard, s) => {
    const quotations = shard.quotations;
    const codes = shard.speakers.map((name) => {
      let id = speakerIds.get(name);
      if (id === undefined) speakerIds.set(name, (id = speakerIds.size));
      return id;
    });
    for (let q = 0; q < quotations.count; q++) {
      const g = bases[s]! + q;
      parent[g] = g;
      const code = quotations.speaker[q]!;
      if (code >= 0) speaker[g] = codes[code]!;
      if (!quotations.isLive(q) || quotations.words(q) === 0) continue;
      const key = (quotations.print[q * 2]! % CLASS_BITS) * 2 ** 32 + quotations.print[q * 2 + 1]!;
      let c = classes.get(key);
      if (c === undefined) {
        classes.set(key, (c = representative.length));
        representative.push(g);
      }
      classOf[g] = c;
    }
  });
  const groups = new UnionBySpeaker(parent, speaker);
  groups.joinSameWords(classOf, representative.length);
  joinNearWords(shards, bases, classOf, representative, groups);
  return shards.map((shard, s) => {
    const out = new Int32Array(shard.quotations.count);
    for (let q = 0; q < out.length; q++) out[q] = groups.find(bases[s]! + q);
    return out;
  });
}

/** Union-find over quotations where a set's speaker, once named, admits no other named speaker. */
class UnionBySpeaker {
  constructor(
    private readonly parent: Int32Array,
    /** Per set root: its speaker, -1 while none is named. */
    private readonly speaker: Int32Array,
  ) {}

  find(g: number): number {
    let root = g;
    while (this.parent[root] !== root) root = this.parent[root]!;
    for (let at = g; this.parent[at] !== root;) {
      const next = this.parent[at]!;
      this.parent[at] = root;
      at = next;
    }
    return root;
  }

  /** Joins the sets of a and b unless they name different speakers; true when they are one set after. */
  join(a: number, b: number): boolean {
    const x = this.find(a);
    const y = this.find(b);
    if (x === y) return true;
    const sx = this.speaker[x]!;
    const sy = this.speaker[y]!;
    if (sx >= 0 && sy >= 0 && sx !== sy) return false;
    // The earlier quotation stays the root, so groups come out the same whatever the order of joins.
    const [root, child] = x < y ? [x, y] : [y, x];
    this.parent[child] = root;
    this.speaker[root] = sx >= 0 ? sx : sy;
    return true;
  }

  /** Joins quotations of the same words: per class, each named speaker's quotations, nobody's with the first named. */
  joinSameWords(classOf: Int32Array, classCount: number): void {
    const firstNamed = new Int32Array(classCount).fill(-1);
    const firstOfSpeaker = new Map<number, number>();
    const firstUnnamed = new Int32Array(classCount).fill(-1);
    for (let g = 0; g < classOf.length; g++) {
      const c = classOf[g]!;
      if (c < 0) continue;
      const who = this.speaker[g]!;
      if (who < 0) continue;
      if (firstNamed[c]! < 0) firstNamed[c] = g;
      const key = c * 2 ** 24 + who;
      const first = firstOfSpeaker.get(key);
      if (first === undefined) firstOfSpeaker.set(key, g);
      else this.join(first, g);
    }
    for (let g = 0; g < classOf.length; g++) {
      const c = classOf[g]!;
      if (c < 0 || this.speaker[g]! >= 0 || this.parent[g] !== g) continue;
      if (firstNamed[c]! >= 0) this.join(firstNamed[c]!, g);
      else if (firstUnnamed[c]! < 0) firstUnnamed[c] = g;
      else this.join(firstUnnamed[c]!, g);
    }
  }
}

/** Joins the classes of words that are near one another, through their sketches. */
function joinNearWords(
  shards: readonly Shard[],
  bases: readonly number[],
  classOf: Int32Array,
  representative: readonly number[],
  groups: UnionBySpeaker,
): void {
  if (representative.length >= CLASS_BITS) return;
  const where = (g: number): [Shard, number] => {
    let s = bases.length - 1;
    while (bases[s]! > g) s--;
    return [shards[s]!, g - bases[s]!];
  };
  const sketchSize = new Int32Array(representative.length);
  const entries: number[] = [];
  representative.forEach((g, c) => {
    const [shard, q] = where(g);
    const quotations = shard.quotations;
    if (quotations.words(q) < NEAR_MIN_WORDS) return;
    const from = quotations.sketchStarts[q]!;
    const to = quotations.sketchStarts[q + 1]!;
    sketchSize[c] = to - from;
    for (let i = from; i < to; i++) entries.push(quotations.sketch[i]! * CLASS_BITS + c);
  });
  const sorted = Float64Array.from(entries).sort();
  const shared = new Map<number, number>();
  for (let start = 0; start < sorted.length;) {
    const value = Math.floor(sorted[start]! / CLASS_BITS);
    let end = start + 1;
    while (end < sorted.length && Math.floor(sorted[end]! / CLASS_BITS) === value) end++;
    if (end - start <= COMMON) {
      for (let i = start; i < end; i++) {
        for (let j = i + 1; j < end; j++) {
          const a = sorted[i]! % CLASS_BITS;
          const b = sorted[j]! % CLASS_BITS;
          const key = a * CLASS_BITS + b;
          shared.set(key, (shared.get(key) ?? 0) + 1);
        }
      }
    }
    start = end;
  }
  if (shared.size === 0) return;
  // Each class's sets after joining the same words: a few at most, one per named speaker.
  const setsOf = new Map<number, number[]>();
  for (let g = 0; g < classOf.length; g++) {
    const c = classOf[g]!;
    if (c < 0 || sketchSize[c] === 0) continue;
    const root = groups.find(g);
    const sets = setsOf.get(c);
    if (!sets) setsOf.set(c, [root]);
    else if (!sets.includes(root)) sets.push(root);
  }
  for (const [key, count] of shared) {
    const a = Math.floor(key / CLASS_BITS);
    const b = key % CLASS_BITS;
    if (count < NEAR_SHARE * Math.min(sketchSize[a]!, sketchSize[b]!)) continue;
    for (const x of setsOf.get(a) ?? []) for (const y of setsOf.get(b) ?? []) groups.join(x, y);
  }
}
