import { IntList } from '../index/analyzer';
import { readBriefly, ReusedMemory } from '../index/byte-source';
import { VarintCursor } from '../index/bytes';
import type { Shard } from '../index/shard';
import type { Phrase } from './query';
import { wordsOf } from './words';

/**
 * One phrase word's entry in the positions file: its articles, and where
 * each one's positions lie in the file. The `i`th article's positions end
 * `ends[i]` bytes past `base`, and start where the one before ends (at
 * `base` for the first): a common word is in most articles, and each byte
 * less to fill for it counts the first time it is read. Offsets into a
 * positions file fit 32 bits, as the shard's own `normOffsets` do.
 */
interface WordPostings {
  docs: Int32Array;
  base: number;
  ends: Uint32Array;
}

function startOf(word: WordPostings, i: number): number {
  return word.base + (i > 0 ? word.ends[i - 1]! : 0);
}

function endOf(word: WordPostings, i: number): number {
  return word.base + word.ends[i]!;
}

const CACHE_ENTRIES = 256;
const caches = new WeakMap<Shard, Map<number, WordPostings>>();

/** The articles holding a phrase word (positions not read yet); the most recently used are kept. */
function wordPostings(shard: Shard, index: number): WordPostings {
  let cache = caches.get(shard);
  if (!cache) caches.set(shard, (cache = new Map()));
  const cached = cache.get(index);
  if (cached) {
    cache.delete(index);
    cache.set(index, cached);
    return cached;
  }
  const from = shard.normOffsets[index]!;
  const docBytes = shard.normDocBytes[index]!;
  const bytes = readBriefly(shard.positions, from, docBytes);
  const count = shard.normDocs[index]!;
  const docs = new Int32Array(count);
  const ends = new Uint32Array(count);
  const cursor = new VarintCursor(bytes, 0);
  let at = 0;
  let doc = 0;
  for (let i = 0; i < count; i++) {
    doc += cursor.next();
    docs[i] = doc;
    ends[i] = at += cursor.next();
  }
  const entry = { docs, base: from + docBytes, ends };
  cache.set(index, entry);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return entry;
}

/** Decodes the delta-coded positions in `bytes[from..to)` up to `limit` into `out`, replacing what it held. */
function decodePositions(bytes: Uint8Array, from: number, to: number, out: IntList, limit: number): void {
  out.length = 0;
  const cursor = new VarintCursor(bytes, from);
  let position = 0;
  while (cursor.pos < to) {
    position += cursor.next();
    if (position > limit) return;
    out.push(position);
  }
}

/** Bytes of the positions file read for some of a word's articles: runs that start at `froms`, ascending. */
interface PositionReads {
  froms: Float64Array;
  runs: Uint8Array[];
}

/** Two candidates' positions closer than this are read in one go rather than two. */
const READ_GAP = 4096;

/**
 * Memory for the positions read for each of a phrase's first KEPT_WORDS words
 * (the `j`th word's in the `j`th), used again by the next phrase; later words
 * have memory of their own.
 */
const runMemory: ReusedMemory[] = [];
const KEPT_WORDS = 8;

/**
 * Reads the positions of a phrase's `j`th word's articles at indexes `at`
 * (ascending): one read for each run of articles lying close together in the
 * file, so a common word (`the`) costs the bytes of the candidate articles,
 * not of all its articles. What it gives lasts until the next phrase is read.
 */
function readPositions(shard: Shard, word: WordPostings, at: readonly number[], j: number): PositionReads {
  const froms: number[] = [];
  const tos: number[] = [];
  let total = 0;
  for (let i = 0; i < at.length;) {
    const from = startOf(word, at[i]!);
    let to = endOf(word, at[i]!);
    let k = i + 1;
    while (k < at.length && startOf(word, at[k]!) - to <= READ_GAP) to = endOf(word, at[k++]!);
    froms.push(from);
    tos.push(to);
    total += to - from;
    i = k;
  }
  const memory =
    j < KEPT_WORDS
      ? (runMemory[j] ??= new ReusedMemory(64 * 1024, 1024 * 1024)).take(total)
      : new Uint8Array(total);
  const runs: Uint8Array[] = [];
  let used = 0;
  for (let r = 0; r < froms.length; r++) {
    const length = tos[r]! - froms[r]!;
    shard.positions.readInto(memory, used, froms[r]!, length);
    runs.push(memory.subarray(used, used + length));
    used += length;
  }
  // Typed, so that the matching loop sees one kind of array whatever the offsets: a plain array of them would
  // change its kind between phrases and send the compiled loop back to be compiled again.
  return { froms: Float64Array.from(froms), runs };
}

/**
 * Decodes the positions (up to `limit`) of the `i`th article of a word into `out`, from the runs read for it;
 * `runAt[j]` is the last run used for the word, the phrase's `j`th.
 */
function positionsAt(
  word: WordPostings,
  i: number,
  reads: PositionReads,
  runAt: Int32Array,
  j: number,
  out: IntList,
  limit: number,
): void {
  const start = startOf(word, i);
  let run = runAt[j]!;
  while (run + 1 < reads.froms.length && reads.froms[run + 1]! <= start) run++;
  runAt[j] = run;
  const from = reads.froms[run]!;
  decodePositions(reads.runs[run]!, start - from, endOf(word, i) - from, out, limit);
}

/**
 * The first index from `from` on where the ascending `docs` reach `doc` (or
 * their length). It gallops, then halves: the list of a common word (`the`)
 * is long, and between two candidates most of it is passed over.
 */
function seek(docs: Int32Array, from: number, doc: number): number {
  if (from >= docs.length || docs[from]! >= doc) return from;
  let below = from;
  let step = 1;
  while (below + step < docs.length && docs[below + step]! < doc) {
    below += step;
    step *= 2;
  }
  let low = below + 1;
  let high = Math.min(below + step, docs.length);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (docs[middle]! < doc) low = middle + 1;
    else high = middle;
  }
  return low;
}

// Reused for every candidate: a common phrase has thousands, and an array each would keep the collector busy.
const starts = new IntList();
const positions = new IntList();

/** Occurrences of a phrase in one article, by field. */
export interface PhraseCount {
  title: number;
  body: number;
  /** In the article's quotations (scare quotes aside), and in the names of its speakers. */
  quote: number;
  speaker: number;
}

/**
 * Finds where a phrase occurs in a shard's articles, counted in the fields
 * the phrase names. Only articles marked in `within` are checked when it is
 * given; deleted articles are left out. Title, body and quotations are
 * checked against the stored word positions (see `phraseStarts`), speakers
 * against their names.
 */
export function phraseCounts(shard: Shard, phrase: Phrase, within?: Uint8Array): Map<number, PhraseCount> {
  const found = new Map<number, PhraseCount>();
  const want = (field: string) => phrase.fields.includes(field);
  if (want('title') || want('body') || want('quote')) {
    const quotations = shard.quotations;
    const inQuotations = want('quote');
    eachPhraseStart(shard, phrase.words, within, (doc, starts) => {
      const titleWords = shard.titleWords[doc]!;
      const count: PhraseCount = { title: 0, body: 0, quote: 0, speaker: 0 };
      const [first, end] = inQuotations ? quotations.ofArticle(doc) : [0, 0];
      for (let i = 0; i < starts.length; i++) {
        const start = starts[i]!;
        if (start < titleWords) count.title++;
        else count.body++;
        for (let q = first; q < end; q++) {
          if (quotations.kindOf(q) === 'scare') continue;
          if (start >= quotations.wordStart[q]! && start + phrase.words.length <= quotations.wordEnd[q]!)
            count.quote++;
        }
      }
      if (!want('title')) count.title = 0;
      if (!want('body')) count.body = 0;
      if (!want('quote')) count.quote = 0;
      if (count.title + count.body + count.quote > 0) found.set(doc, count);
    });
  }
  if (want('speaker')) {
    const named = speakersWithPhrase(shard, phrase.words);
    for (let doc = 0; doc < shard.count; doc++) {
      if ((within && !within[doc]) || !shard.isLive(doc)) continue;
      let speaker = 0;
      for (let i = shard.articleSpeakerStarts[doc]!; i < shard.articleSpeakerStarts[doc + 1]!; i++) {
        if (named.has(shard.articleSpeakers[i]!)) speaker++;
      }
      if (speaker === 0) continue;
      const count = found.get(doc) ?? { title: 0, body: 0, quote: 0, speaker: 0 };
      count.speaker = speaker;
      found.set(doc, count);
    }
  }
  return found;
}

/**
 * The quotations of a shard whose own words hold the phrase, or whose
 * speaker's name does when the phrase names the `speaker` field; only those
 * of articles marked in `within` when it is given.
 */
export function quotationsWithPhrase(shard: Shard, phrase: Phrase, within?: Uint8Array): Set<number> {
  const found = new Set<number>();
  const quotations = shard.quotations;
  if (phrase.fields.includes('quote')) {
    eachPhraseStart(shard, phrase.words, within, (doc, starts) => {
      const [first, end] = quotations.ofArticle(doc);
      for (let q = first; q < end; q++) {
        const from = quotations.wordStart[q]!;
        const to = quotations.wordEnd[q]! - phrase.words.length;
        if (starts.some((start) => start >= from && start <= to)) found.add(q);
      }
    });
  }
  if (phrase.fields.includes('speaker')) {
    const named = speakersWithPhrase(shard, phrase.words);
    for (let q = 0; q < quotations.count; q++) {
      if (named.has(quotations.speaker[q]!) && (!within || within[quotations.doc[q]!])) found.add(q);
    }
  }
  return found;
}

const speakerWords = new WeakMap<Shard, string[][]>();

/** The numbers of the shard's speakers whose names hold the phrase words in order. */
function speakersWithPhrase(shard: Shard, phraseWords: readonly string[]): Set<number> {
  let names = speakerWords.get(shard);
  if (!names) {
    names = shard.speakers.map((name) => wordsOf(name).map((word) => word.norm));
    speakerWords.set(shard, names);
  }
  const found = new Set<number>();
  names.forEach((words, code) => {
    for (let i = 0; i + phraseWords.length <= words.length; i++) {
      if (phraseWords.every((word, j) => words[i + j] === word)) {
        found.add(code);
        return;
      }
    }
  });
  return found;
}

/**
 * Where a phrase's words stand in order in each article of a shard, from the
 * stored word positions (stop words included): the articles holding every
 * word, rarest word first, then for each the positions where word j stands
 * j places after the first, handed to `visit` with the article in ascending
 * order (a view valid only during the call). Only articles marked in
 * `within` are checked when it is given. Deleted articles are left out.
 */
function eachPhraseStart(
  shard: Shard,
  phraseWords: readonly string[],
  within: Uint8Array | undefined,
  visit: (doc: number, starts: Int32Array) => void,
): void {
  // Plain loops and typed arrays throughout: what V8 compiles for the first phrase then serves every other.
  const indexes = new Int32Array(phraseWords.length);
  for (let j = 0; j < phraseWords.length; j++) {
    indexes[j] = shard.normIndex(phraseWords[j]!);
    // A word the shard lacks: no article of it holds the phrase, and no word's articles need reading.
    if (indexes[j]! < 0) return;
  }
  const words: WordPostings[] = [];
  for (let j = 0; j < indexes.length; j++) words.push(wordPostings(shard, indexes[j]!));
  const order: number[] = [];
  for (let j = 0; j < words.length; j++) order.push(j);
  order.sort((a, b) => words[a]!.docs.length - words[b]!.docs.length);
  const cursors = new Int32Array(words.length);
  const rarest = words[order[0]!]!;
  // First the articles holding every word, from the small lists of articles alone.
  const candidates: number[] = [];
  const places: number[][] = [];
  for (let j = 0; j < words.length; j++) places.push([]);
  outer: for (let r = 0; r < rarest.docs.length; r++) {
    const doc = rarest.docs[r]!;
    if (within && !within[doc]) continue;
    if (!shard.isLive(doc)) continue;
    for (const j of order) {
      const word = words[j]!;
      const cursor = (cursors[j] = seek(word.docs, cursors[j]!, doc));
      if (cursor >= word.docs.length) break outer;
      if (word.docs[cursor] !== doc) continue outer;
    }
    candidates.push(doc);
    for (let j = 0; j < words.length; j++) places[j]!.push(cursors[j]!);
  }
  if (candidates.length === 0) return;
  // Then the positions of just those articles.
  const reads: PositionReads[] = [];
  for (let j = 0; j < words.length; j++) reads.push(readPositions(shard, words[j]!, places[j]!, j));
  const runAt = new Int32Array(words.length);
  // Per article, the phrase can start only where its rarest word (fewest bytes of positions) allows: that word is
  // read first, and the others ("to" in "to make") no further than the last start it leaves.
  for (let c = 0; c < candidates.length; c++) {
    const doc = candidates[c]!;
    let anchor = 0;
    let fewest = Infinity;
    for (let j = 0; j < words.length; j++) {
      const at = places[j]![c]!;
      const bytes = endOf(words[j]!, at) - startOf(words[j]!, at);
      if (bytes < fewest) {
        fewest = bytes;
        anchor = j;
      }
    }
    positionsAt(words[anchor]!, places[anchor]![c]!, reads[anchor]!, runAt, anchor, starts, Infinity);
    let kept = 0;
    for (let i = 0; i < starts.length; i++) {
      const start = starts.values[i]! - anchor;
      if (start >= 0) starts.values[kept++] = start;
    }
    starts.length = kept;
    for (let j = 0; j < words.length && starts.length > 0; j++) {
      if (j === anchor) continue;
      // Both lists ascend: one merge keeps (in place) the starts whose word j stands j places on.
      const last = starts.values[starts.length - 1]! + j;
      positionsAt(words[j]!, places[j]![c]!, reads[j]!, runAt, j, positions, last);
      kept = 0;
      let k = 0;
      for (let i = 0; i < starts.length; i++) {
        const start = starts.values[i]!;
        while (k < positions.length && positions.values[k]! < start + j) k++;
        if (k < positions.length && positions.values[k] === start + j) starts.values[kept++] = start;
      }
      starts.length = kept;
    }
    if (starts.length > 0) visit(doc, starts.values.subarray(0, starts.length));
  }
}
