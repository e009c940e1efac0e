import type { Range } from '../../api';
import { isSeparator } from '../index/analyzer';
import { eachBigram, isCjk } from '../index/cjk';
import { ENGLISH, indexTerms } from '../index/languages';
import { normaliseWord } from '../index/lunr-index';

/** A word of an article's text: where it stands and how it compares. */
export interface Word {
  start: number;
  end: number;
  /** Lower-cased, with surrounding punctuation removed and apostrophes unified. */
  norm: string;
}

const FIRST_WORD_CHAR = /[\p{L}\p{N}]/u;
// A word ends at its last letter or digit, with any accents on it.
const AFTER_LAST_WORD_CHAR = /[^\p{L}\p{N}\p{M}]*$/u;

export { normaliseWord };

/** A distinct piece of text between separators, normalised once: its word and the punctuation around it. */
interface Piece {
  norm: string;
  lead: number;
  trail: number;
  /** The word's index terms in English, looked up the first time they are asked for. */
  english?: string[];
}

// Words repeat: each distinct one is normalised once.
const pieces = new Map<string, Piece>();

/** True for a piece of lower-case ASCII letters and digits only: its own normalised word, with nothing around it. */
function isPlainWord(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39))) return false;
  }
  return true;
}

function pieceOf(raw: string): Piece {
  let piece = pieces.get(raw);
  if (piece === undefined) {
    const norm = isPlainWord(raw) ? raw : normaliseWord(raw);
    // A word that normalises to itself has no punctuation around it.
    piece =
      norm && norm !== raw
        ? {
            norm,
            lead: Math.max(0, raw.search(FIRST_WORD_CHAR)),
            trail: AFTER_LAST_WORD_CHAR.exec(raw)![0].length,
          }
        : { norm, lead: 0, trail: 0 };
    if (pieces.size > 100_000) pieces.clear();
    pieces.set(raw, piece);
  }
  return piece;
}

/** Visits a word of a text: its range, its normalised form, and its piece (null for a CJK bigram). */
type WordVisitor = (start: number, end: number, norm: string, piece: Piece | null) => void;

/**
 * The lower-case code of the first letter or digit of text[start, end) when
 * it is ASCII, with ASCII and typographic punctuation before it passed over:
 * the first character of the word's normalised form. -1 when it is not ASCII.
 */
function firstWordCode(text: string, start: number, end: number): number {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code >= 0x61 && code <= 0x7a) return code;
    if (code >= 0x41 && code <= 0x5a) return code | 0x20;
    if (code >= 0x30 && code <= 0x39) return code;
    if (code >= 0x80 && !((code >= 0x2018 && code <= 0x201f) || code === 0xab || code === 0xbb)) return -1;
  }
  return 0;
}

/**
 * Visits the words of `text` in order, as `wordsOf` lists them, without
 * making the list. With `firsts`, a word whose normalised form starts with an
 * ASCII character not marked there is passed over unread (`passed` is told).
 */
function eachWord(text: string, visit: WordVisitor, firsts?: Uint8Array, passed?: () => void): void {
  const visitPiece = (start: number, end: number) => {
    if (end <= start) return;
    if (firsts) {
      const first = firstWordCode(text, start, end);
      if (first >= 0 && !firsts[first]) {
        // 0: no letter or digit, so no word at all.
        if (first > 0) passed?.();
        return;
      }
    }
    const piece = pieceOf(text.slice(start, end));
    if (piece.norm) visit(start + piece.lead, end - piece.trail, piece.norm, piece);
  };
  // A piece holding CJK: the text around each run is a piece, each run gives its bigrams.
  const visitMixed = (start: number, end: number) => {
    let from = start;
    for (let i = start; i < end; i++) {
      if (!isCjk(text.charCodeAt(i))) continue;
      visitPiece(from, i);
      let run = i + 1;
      while (run < end && isCjk(text.charCodeAt(run))) run++;
      eachBigram(i, run, (first, last) => visit(first, last, text.slice(first, last), null));
      from = run;
      i = run - 1;
    }
    visitPiece(from, end);
  };
  const length = text.length;
  let start = 0;
  let cjk = false;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? text.charCodeAt(i) : 0x20;
    if (!isSeparator(code)) {
      if (code >= 0x1100 && !cjk) cjk = isCjk(code);
      continue;
    }
    if (i > start) {
      if (cjk) visitMixed(start, i);
      else visitPiece(start, i);
    }
    start = i + 1;
    cjk = false;
  }
}

/**
 * Splits text into words at `WORD_SEPARATOR`, as the index's tokenizer does,
 * keeping each word's range in the original text (never in a lower-cased
 * copy, whose offsets drift after letters like "İ"); punctuation around a word
 * is left out of its range, and punctuation-only pieces are dropped. Runs of
 * Chinese, Japanese and Korean become their bigrams, as in the index.
 */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  eachWord(text, (start, end, norm) => words.push({ start, end, norm }));
  return words;
}

const termCaches = new Map<string, Map<string, string[]>>();

/**
 * The index terms a raw token has in an article of `language` (as
 * `pipelineLanguage` names it): none for a stop word, one as a rule, two for
 * some words with accents (see `indexTerms`); a CJK bigram is its own term.
 */
export function indexTermsOf(raw: string, language: string = ENGLISH): string[] {
  const token = raw.toLowerCase();
  let cache = termCaches.get(language);
  if (!cache) termCaches.set(language, (cache = new Map()));
  const cached = cache.get(token);
  if (cached !== undefined) return cached;
  const terms = isCjk(token.charCodeAt(0)) ? [token] : indexTerms(token, language);
  if (cache.size > 200_000) cache.clear();
  cache.set(token, terms);
  return terms;
}

/** The index term Lunr's English pipeline stores for a raw token, or null for a stop word. */
export function indexTermOf(raw: string): string | null {
  return indexTermsOf(raw)[0] ?? null;
}

/**
 * Ranges of the words of `text` whose index terms in `language` are among
 * `terms`: the words a Lunr match rests on, found again without stored positions.
 */
export function termRanges(text: string, terms: ReadonlySet<string>, language: string = ENGLISH): Range[] {
  if (terms.size === 0) return [];
  const ranges: Range[] = [];
  const english = language === ENGLISH;
  eachWord(
    text,
    (start, end, norm, piece) => {
      // English reads the folded word; other stemmers read it with its accents.
      const wordTerms = english
        ? piece
          ? (piece.english ??= indexTermsOf(norm))
          : indexTermsOf(norm)
        : indexTermsOf(text.slice(start, end), language);
      for (const term of wordTerms) {
        if (terms.has(term)) {
          ranges.push([start, end]);
          return;
        }
      }
    },
    english ? firstCodes(terms) : undefined,
  );
  return ranges;
}

/**
 * The ASCII characters English terms start with, or undefined when one
 * starts otherwise. The English stemmer only changes a word's ending, so a
 * word can have one of these terms only if its normalised form starts alike.
 */
function firstCodes(terms: ReadonlySet<string>): Uint8Array | undefined {
  const firsts = new Uint8Array(128);
  for (const term of terms) {
    const code = term.charCodeAt(0);
    if (code >= 0x80) return undefined;
    firsts[code] = 1;
  }
  return firsts;
}

/**
 * Ranges where the word sequence `phrase` (normalised words) occurs in
 * `text`, from its first word to its last: one pass over the text keeping the
 * last few words, in which a word that cannot be any of the phrase's (by its
 * first character) is passed over unread and only breaks the sequence.
 */
export function phraseRanges(text: string, phrase: readonly string[]): Range[] {
  const ranges: Range[] = [];
  const size = phrase.length;
  if (size === 0) return ranges;
  // The last `size` words seen in a row, in a ring: their starts and normalised forms.
  const starts = new Array<number>(size).fill(0);
  const norms = new Array<string>(size).fill('');
  let seen = 0;
  eachWord(
    text,
    (start, end, norm) => {
      starts[seen % size] = start;
      norms[seen % size] = norm;
      seen++;
      if (seen < size || norm !== phrase[size - 1]) return;
      for (let j = 0; j < size - 1; j++) if (norms[(seen - size + j) % size] !== phrase[j]) return;
      ranges.push([starts[(seen - size) % size]!, end]);
    },
    firstCodes(new Set(phrase)),
    () => (seen = 0),
  );
  return ranges;
}

/** Sorts ranges and merges those that overlap or touch. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
