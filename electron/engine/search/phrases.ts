import { FIELDS } from '../index/lunr-index';
import type { Shard } from '../index/shard';
import type { Phrase } from './query';

/** One phrase word's entry in the positions file, decoded: its articles and where their positions lie. */
interface WordPostings {
  docs: Int32Array;
  /** Byte range of each article's positions within `bytes`. */
  starts: Int32Array;
  ends: Int32Array;
  bytes: Uint8Array;
}

const CACHE_ENTRIES = 64;
const caches = new WeakMap<Shard, Map<number, WordPostings>>();

function wordPostings(shard: Shard, index: number): WordPostings {
  let cache = caches.get(shard);
  if (!cache) caches.set(shard, (cache = new Map()));
  const cached = cache.get(index);
  if (cached) return cached;
  const from = shard.normOffsets[index]!;
  const bytes = shard.positions.read(from, shard.normOffsets[index + 1]! - from);
  const count = shard.normDocs[index]!;
  const docs = new Int32Array(count);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  let pos = 0;
  let at = shard.normDocBytes[index]!;
  let doc = 0;
  const next = () => {
    let byte = bytes[pos++]!;
    let value = byte & 0x7f;
    for (let shift = 128; byte >= 0x80; shift *= 128) {
      byte = bytes[pos++]!;
      value += (byte & 0x7f) * shift;
    }
    return value;
  };
  for (let i = 0; i < count; i++) {
    doc += next();
    const length = next();
    docs[i] = doc;
    starts[i] = at;
    ends[i] = at += length;
  }
  const entry = { docs, starts, ends, bytes };
  cache.set(index, entry);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return entry;
}

function positionsOf(word: WordPostings, i: number): number[] {
  const out: number[] = [];
  const bytes = word.bytes;
  let pos = word.starts[i]!;
  const end = word.ends[i]!;
  let position = 0;
  while (pos < end) {
    let byte = bytes[pos++]!;
    let value = byte & 0x7f;
    for (let shift = 128; byte >= 0x80; shift *= 128) {
      byte = bytes[pos++]!;
      value += (byte & 0x7f) * shift;
    }
    position += value;
    out.push(position);
  }
  return out;
}

/** Occurrences of a phrase in one article, by field. */
export interface PhraseCount {
  title: number;
  body: number;
}

/**
 * Finds where a phrase occurs in a shard from the stored word positions
 * (stop words included): the articles holding every word, rarest word first,
 * then for each the starts where word j stands j places after the first.
 * Only articles marked in `within` are checked when it is given. Deleted articles
 * are left out.
 */
export function phraseCounts(shard: Shard, phrase: Phrase, within?: Uint8Array): Map<number, PhraseCount> {
  const found = new Map<number, PhraseCount>();
  const indexes = phrase.words.map((word) => shard.normIndex(word));
  if (indexes.some((index) => index < 0)) return found;
  const words = indexes.map((index) => wordPostings(shard, index));
  const order = words.map((_, j) => j).sort((a, b) => words[a]!.docs.length - words[b]!.docs.length);
  const cursors = new Int32Array(words.length);
  const wantTitle = phrase.fields.includes(FIELDS[0]);
  const wantBody = phrase.fields.includes(FIELDS[1]);
  const rarest = words[order[0]!]!;
  outer: for (let r = 0; r < rarest.docs.length; r++) {
    const doc = rarest.docs[r]!;
    if (within && !within[doc]) continue;
    if (!shard.isLive(doc)) continue;
    const at = new Int32Array(words.length);
    for (const j of order) {
      const word = words[j]!;
      let cursor = cursors[j]!;
      while (cursor < word.docs.length && word.docs[cursor]! < doc) cursor++;
      cursors[j] = cursor;
      if (cursor >= word.docs.length) break outer;
      if (word.docs[cursor] !== doc) continue outer;
      at[j] = cursor;
    }
    let starts = positionsOf(words[0]!, at[0]!);
    for (let j = 1; j < words.length && starts.length > 0; j++) {
      const positions = new Set(positionsOf(words[j]!, at[j]!));
      starts = starts.filter((start) => positions.has(start + j));
    }
    if (starts.length === 0) continue;
    const titleWords = shard.titleWords[doc]!;
    let title = 0;
    let body = 0;
    for (const start of starts) {
      if (start < titleWords) title++;
      else body++;
    }
    if (!wantTitle) title = 0;
    if (!wantBody) body = 0;
    if (title + body > 0) found.set(doc, { title, body });
  }
  return found;
}
