import { eachBigram, isCjk } from './cjk';
import { ENGLISH, indexTerms } from './languages';
import { normaliseWord } from './normalise';

const DASHES = /[\u2010-\u2015]+/;

/**
 * The separators of `WORD_SEPARATOR` (index/lunr-index.ts, which Lunr's
 * tokenizer uses too): JavaScript white space, the hyphen-minus and the
 * dashes U+2010–U+2015, tested by code unit as Lunr does.
 */
export function isSeparator(c: number): boolean {
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

const [WORD, SEPARATOR, CJK] = [0, 1, 2];
/** Each UTF-16 code unit's part in a token (of a word, a separator, Han, kana or Hangul): one lookup per character instead of range tests. */
const CHAR_KINDS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) CHAR_KINDS[c] = isCjk(c) ? CJK : isSeparator(c) ? SEPARATOR : WORD;

const MULTIPLE = -2;
/** Numbers kept per piece in `PieceTable.pieces`: its term, phrase word, and where its characters are. */
const PIECE = 4;
const [TERM, NORM, CHARS_AT, CHARS_LENGTH] = [0, 1, 2, 3];

/**
 * The pieces of text one language's pipeline has seen, each with its term
 * and phrase word: open addressing over piece numbers, probed straight from
 * the text. A slot holds the piece's number and hash side by side, and a
 * piece's numbers and characters are in flat arrays, so that a lookup reads
 * a few neighbouring numbers rather than following pointers to strings.
 */
class PieceTable {
  /** Pairs of (piece number, hash); -1 for an empty slot. */
  slots = new Int32Array(2 << 16).fill(-1);
  count = 0;
  pieces = new Int32Array(PIECE << 15);
  chars = new Uint16Array(1 << 18);
  charsUsed = 0;
  readonly manyNorms = new Map<number, number[]>();
  readonly manyTerms = new Map<number, number[]>();

  constructor(readonly language: string) {}

  clear(): void {
    this.slots.fill(-1);
    this.count = 0;
    this.charsUsed = 0;
    this.manyNorms.clear();
    this.manyTerms.clear();
  }
}

/**
 * Turns text into index terms exactly as Lunr's tokenizer and the pipeline
 * of the text's language would (lower-cased, split at white space and
 * dashes, trimmed, stop words dropped, stemmed; English is Lunr's own) and,
 * in the same pass, into the phrase words of search/words.ts (stop words
 * kept). Runs of Chinese, Japanese and Korean become bigrams (cjk.ts), in
 * every language. Each distinct piece of text goes through the pipeline
 * once per language; later sightings are found in a hash table probed
 * straight from the text, without making a string, which is what makes
 * indexing fast.
 */
export class Analyzer {
  /** Term and phrase-word strings by id; ids are stable for the analyzer's life. */
  readonly terms: string[] = [];
  readonly norms: string[] = [];
  private readonly termIds = new Map<string, number>();
  private readonly normIds = new Map<string, number>();
  private readonly tables = new Map<string, PieceTable>();
  private readonly scanned = new IntList();

  /**
   * @param pieceLimit Once a language's table holds this many distinct
   * pieces of text, it starts afresh with the next text, so that a vast
   * vocabulary (years of varied text) does not hold every piece forever.
   */
  constructor(private readonly pieceLimit = 2_000_000) {}

  /**
   * Analyses `text` in `language` (as `pipelineLanguage` names it),
   * replacing the contents of `terms` with the term ids of its tokens in
   * order (-1 for stop words; a word with accents may give two, see
   * `indexTerms`) and `norms` with its phrase words. `places`, when given,
   * receives per token its start and end in `text`, the number of phrase
   * words up to its end and the number of terms up to its end; it stays
   * empty when lower-casing changes the text's length.
   */
  analyse(text: string, terms: IntList, norms: IntList, language: string = ENGLISH, places?: IntList): void {
    terms.length = 0;
    norms.length = 0;
    if (places) places.length = 0;
    if (!text) return;
    const table = this.table(language);
    const lower = text.toLowerCase();
    // Offsets are only meaningful when lower-casing keeps the text's length, as it nearly always does.
    const placed = places && lower.length === text.length ? places : undefined;
    const pieces = this.scan(lower, table);
    for (let i = 2; i < pieces.length; i += 3) {
      const entry = pieces.values[i]!;
      const term = table.pieces[entry * PIECE + TERM]!;
      if (term === MULTIPLE) for (const each of table.manyTerms.get(entry)!) terms.push(each);
      else terms.push(term);
      const norm = table.pieces[entry * PIECE + NORM]!;
      if (norm >= 0) norms.push(norm);
      else if (norm === MULTIPLE) for (const each of table.manyNorms.get(entry)!) norms.push(each);
      if (placed) {
        placed.push(pieces.values[i - 2]!);
        placed.push(pieces.values[i - 1]!);
        placed.push(norms.length);
        placed.push(terms.length);
      }
    }
  }

  /**
   * Start and end offsets (pairs, flat) of the tokens of `text` whose index
   * terms are in `wanted`; null when lower-casing changes the text's length,
   * which would make the offsets wrong.
   */
  termPieces(text: string, wanted: ReadonlySet<string>, language: string = ENGLISH): number[] | null {
    const lower = text.toLowerCase();
    if (lower.length !== text.length) return null;
    const out: number[] = [];
    const table = this.table(language);
    const pieces = this.scan(lower, table);
    for (let i = 0; i < pieces.length; i += 3) {
      const entry = pieces.values[i + 2]!;
      const term = table.pieces[entry * PIECE + TERM]!;
      const each = term === MULTIPLE ? table.manyTerms.get(entry)! : term >= 0 ? [term] : [];
      if (each.some((id) => wanted.has(this.terms[id]!))) out.push(pieces.values[i]!, pieces.values[i + 1]!);
    }
    return out;
  }

  private table(language: string): PieceTable {
    let table = this.tables.get(language);
    if (!table) this.tables.set(language, (table = new PieceTable(language)));
    return table;
  }

  /**
   * Splits lower-cased text as Lunr's tokenizer does, and runs of CJK into
   * bigrams: (start, end, piece entry) triples, in a reused list.
   */
  private scan(lower: string, table: PieceTable): IntList {
    // Only between texts: the pieces of the text being scanned are known by their numbers in the table.
    if (table.count >= this.pieceLimit) table.clear();
    const pieces = this.scanned;
    pieces.length = 0;
    const length = lower.length;
    let start = -1;
    let hash = 0;
    for (let i = 0; i <= length; i++) {
      const c = i < length ? lower.charCodeAt(i) : 32;
      const kind = CHAR_KINDS[c]!;
      if (kind === WORD) {
        if (start < 0) {
          start = i;
          hash = 0x811c9dc5;
        }
        hash = Math.imul(hash ^ c, 16777619);
        continue;
      }
      if (start >= 0) {
        pieces.push(start);
        pieces.push(i);
        pieces.push(this.entry(table, lower, start, i, hash));
        start = -1;
      }
      if (kind === CJK) i = this.scanBigrams(lower, i, table) - 1;
    }
    return pieces;
  }

  /** Adds the bigrams of the CJK run starting at `from` to the scanned pieces; gives the run's end. */
  private scanBigrams(lower: string, from: number, table: PieceTable): number {
    let end = from + 1;
    while (end < lower.length && isCjk(lower.charCodeAt(end))) end++;
    eachBigram(from, end, (start, to) => {
      let hash = 0x811c9dc5;
      for (let j = start; j < to; j++) hash = Math.imul(hash ^ lower.charCodeAt(j), 16777619);
      this.scanned.push(start);
      this.scanned.push(to);
      this.scanned.push(this.entry(table, lower, start, to, hash));
    });
    return end;
  }

  private entry(table: PieceTable, text: string, start: number, end: number, hash: number): number {
    const slots = table.slots;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot * 2]!;
      if (entry < 0) return this.add(table, text.slice(start, end), hash, slot);
      if (slots[slot * 2 + 1] !== hash) continue;
      const at = entry * PIECE;
      if (table.pieces[at + CHARS_LENGTH] !== length) continue;
      const chars = table.chars;
      const from = table.pieces[at + CHARS_AT]!;
      let same = true;
      for (let j = 0; j < length; j++) {
        if (chars[from + j] !== text.charCodeAt(start + j)) {
          same = false;
          break;
        }
      }
      if (same) return entry;
    }
  }

  private add(table: PieceTable, piece: string, hash: number, slot: number): number {
    const entry = table.count++;
    if ((entry + 1) * PIECE > table.pieces.length) table.pieces = grow(table.pieces);
    while (table.charsUsed + piece.length > table.chars.length) table.chars = grow(table.chars);
    const at = entry * PIECE;
    for (let j = 0; j < piece.length; j++) table.chars[table.charsUsed + j] = piece.charCodeAt(j);
    table.pieces[at + CHARS_AT] = table.charsUsed;
    table.pieces[at + CHARS_LENGTH] = piece.length;
    table.charsUsed += piece.length;
    // A bigram is its own term and phrase word: no stemmer or folding knows these scripts.
    const bigram = isCjk(piece.charCodeAt(0));
    const terms = (bigram ? [piece] : indexTerms(piece, table.language)).map((term) =>
      idOf(term, this.termIds, this.terms),
    );
    if (terms.length === 1) table.pieces[at + TERM] = terms[0]!;
    else if (terms.length === 0) table.pieces[at + TERM] = -1;
    else {
      table.pieces[at + TERM] = MULTIPLE;
      table.manyTerms.set(entry, terms);
    }
    const norms: number[] = [];
    for (const part of bigram ? [piece] : piece.split(DASHES)) {
      const norm = bigram ? part : normaliseWord(part);
      if (norm) norms.push(idOf(norm, this.normIds, this.norms));
    }
    if (norms.length === 1) table.pieces[at + NORM] = norms[0]!;
    else if (norms.length === 0) table.pieces[at + NORM] = -1;
    else {
      table.pieces[at + NORM] = MULTIPLE;
      table.manyNorms.set(entry, norms);
    }
    table.slots[slot * 2] = entry;
    table.slots[slot * 2 + 1] = hash;
    if (table.count * 4 > table.slots.length) this.rehash(table);
    return entry;
  }

  private rehash(table: PieceTable): void {
    const old = table.slots;
    const slots = new Int32Array(old.length * 2).fill(-1);
    const mask = (slots.length >> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i]! < 0) continue;
      let slot = old[i + 1]! & mask;
      while (slots[slot * 2]! >= 0) slot = (slot + 1) & mask;
      slots[slot * 2] = old[i]!;
      slots[slot * 2 + 1] = old[i + 1]!;
    }
    table.slots = slots;
  }
}

function grow<T extends Int32Array | Uint16Array>(values: T): T {
  const grown = new (values.constructor as new (length: number) => T)(values.length * 2);
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
