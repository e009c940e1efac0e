import lunr from 'lunr';
import { normaliseWord } from './normalise';
import { wordTrimmer } from './lunr-index';

const DASHES = /[\u2010-\u2015]+/;

const indexPipeline = new lunr.Pipeline();
indexPipeline.add(wordTrimmer, lunr.stopWordFilter, lunr.stemmer);
const searchPipeline = new lunr.Pipeline();
searchPipeline.add(wordTrimmer, lunr.stemmer);

/** Runs Lunr's index pipeline (Unicode trimmer, stop words, stemmer) on one token; null when it is dropped. */
export function indexTerm(token: string): string | null {
  const out = indexPipeline.run([new lunr.Token(token, {})]) as unknown as lunr.Token[];
  return out.length > 0 ? out[0]!.toString() : null;
}

const searchTermCache = new Map<string, string[]>();

/** The terms Lunr's search pipeline (trimmer and stemmer, no stop words) makes of a query word; cached. */
export function searchTerms(word: string): string[] {
  let terms = searchTermCache.get(word);
  if (!terms) {
    terms = (searchPipeline.run([new lunr.Token(word, {})]) as unknown as lunr.Token[]).map(String);
    if (searchTermCache.size > 100_000) searchTermCache.clear();
    searchTermCache.set(word, terms);
  }
  return terms;
}

/**
 * The separators of `WORD_SEPARATOR` (index/lunr-index.ts, which Lunr's
 * tokenizer uses too): JavaScript white space, the hyphen-minus and the
 * dashes U+2010–U+2015, tested by code unit as Lunr does.
 */
function isSeparator(c: number): boolean {
  if (c > 32 && c < 127) return c === 45;
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    (c >= 0x2010 && c <= 0x2015) ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Growable list of small integers, reused between texts. */
export class IntList {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

const MULTIPLE = -2;
const PIECE_LIMIT = 2_000_000;

/**
 * Turns text into index terms exactly as Lunr's tokenizer and pipeline would
 * (lower-cased, split at white space and dashes, trimmed, stop words
 * dropped, stemmed) and, in the same pass, into the phrase words of
 * search/words.ts (stop words kept). Each distinct piece of text goes
 * through the pipeline once; later sightings are found in a hash table
 * probed straight from the text, without making a string, which is what
 * makes indexing fast.
 */
export class Analyzer {
  /** Term and phrase-word strings by id; ids are stable for the analyzer's life. */
  readonly terms: string[] = [];
  readonly norms: string[] = [];
  private readonly termIds = new Map<string, number>();
  private readonly normIds = new Map<string, number>();
  // The piece table: open addressing over entry numbers.
  private slots = new Int32Array(1 << 16).fill(-1);
  private keys: string[] = [];
  private hashes = new Int32Array(1 << 15);
  private pieceTerm = new Int32Array(1 << 15);
  private pieceNorm = new Int32Array(1 << 15);
  private readonly manyNorms = new Map<number, number[]>();
  private readonly scanned = new IntList();

  /**
   * Analyses `text`, replacing the contents of `terms` with the term ids of
   * its tokens in order (-1 for stop words) and `norms` with its phrase words.
   * `places`, when given, receives per token its start and end in `text` and
   * the number of phrase words up to its end; it stays empty when
   * lower-casing changes the text's length.
   */
  analyse(text: string, terms: IntList, norms: IntList, places?: IntList): void {
    terms.length = 0;
    norms.length = 0;
    if (places) places.length = 0;
    if (!text) return;
    const lower = text.toLowerCase();
    // Offsets are only meaningful when lower-casing keeps the text's length, as it nearly always does.
    const placed = places && lower.length === text.length ? places : undefined;
    const pieces = this.scan(lower);
    for (let i = 2; i < pieces.length; i += 3) {
      const entry = pieces.values[i]!;
      terms.push(this.pieceTerm[entry]!);
      const norm = this.pieceNorm[entry]!;
      if (norm >= 0) norms.push(norm);
      else if (norm === MULTIPLE) for (const each of this.manyNorms.get(entry)!) norms.push(each);
      if (placed) {
        placed.push(pieces.values[i - 2]!);
        placed.push(pieces.values[i - 1]!);
        placed.push(norms.length);
      }
    }
  }

  /**
   * Start and end offsets (pairs, flat) of the tokens of `text` whose index
   * terms are in `wanted`; null when lower-casing changes the text's length,
   * which would make the offsets wrong.
   */
  termPieces(text: string, wanted: ReadonlySet<string>): number[] | null {
    const lower = text.toLowerCase();
    if (lower.length !== text.length) return null;
    const out: number[] = [];
    const pieces = this.scan(lower);
    for (let i = 0; i < pieces.length; i += 3) {
      const term = this.pieceTerm[pieces.values[i + 2]!]!;
      if (term >= 0 && wanted.has(this.terms[term]!)) out.push(pieces.values[i]!, pieces.values[i + 1]!);
    }
    return out;
  }

  /** Splits lower-cased text as Lunr's tokenizer does: (start, end, piece entry) triples, in a reused list. */
  private scan(lower: string): IntList {
    const pieces = this.scanned;
    pieces.length = 0;
    const length = lower.length;
    let start = -1;
    let hash = 0;
    for (let i = 0; i <= length; i++) {
      const c = i < length ? lower.charCodeAt(i) : 32;
      if (isSeparator(c)) {
        if (start >= 0) {
          pieces.push(start);
          pieces.push(i);
          pieces.push(this.entry(lower, start, i, hash));
          start = -1;
        }
      } else {
        if (start < 0) {
          start = i;
          hash = 0x811c9dc5;
        }
        hash = Math.imul(hash ^ c, 16777619);
      }
    }
    return pieces;
  }

  private entry(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry < 0) return this.add(text.slice(start, end), hash, slot);
      if (this.hashes[entry] !== hash) continue;
      const key = this.keys[entry]!;
      if (key.length !== length) continue;
      let same = true;
      for (let j = 0; j < length; j++) {
        if (key.charCodeAt(j) !== text.charCodeAt(start + j)) {
          same = false;
          break;
        }
      }
      if (same) return entry;
    }
  }

  private add(piece: string, hash: number, slot: number): number {
    // A vast vocabulary (years of varied text) must not hold every piece forever: start the table afresh.
    if (this.keys.length >= PIECE_LIMIT) {
      this.slots.fill(-1);
      this.keys = [];
      this.manyNorms.clear();
      return this.add(piece, hash, hash & (this.slots.length - 1));
    }
    const entry = this.keys.length;
    if (entry === this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.pieceTerm = grow(this.pieceTerm);
      this.pieceNorm = grow(this.pieceNorm);
    }
    this.keys.push(piece);
    this.hashes[entry] = hash;
    const term = indexTerm(piece);
    this.pieceTerm[entry] = term === null ? -1 : idOf(term, this.termIds, this.terms);
    const norms: number[] = [];
    for (const part of piece.split(DASHES)) {
      const norm = normaliseWord(part);
      if (norm) norms.push(idOf(norm, this.normIds, this.norms));
    }
    if (norms.length === 1) this.pieceNorm[entry] = norms[0]!;
    else if (norms.length === 0) this.pieceNorm[entry] = -1;
    else {
      this.pieceNorm[entry] = MULTIPLE;
      this.manyNorms.set(entry, norms);
    }
    this.slots[slot] = entry;
    if (this.keys.length * 2 > this.slots.length) this.rehash();
    return entry;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.keys.length; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (slots[slot]! >= 0) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
  }
}

function grow(values: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(values.length * 2);
  grown.set(values);
  return grown;
}

function idOf(text: string, ids: Map<string, number>, list: string[]): number {
  let id = ids.get(text);
  if (id === undefined) {
    id = list.length;
    list.push(text);
    ids.set(text, id);
  }
  return id;
}
