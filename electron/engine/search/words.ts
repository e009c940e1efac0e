import lunr from 'lunr';
import type { Range } from '../../api';
import { normaliseWord, WORD_SEPARATOR, wordTrimmer } from '../index/lunr-index';

/** A word of an article's text: where it stands and how it compares. */
export interface Word {
  start: number;
  end: number;
  /** Lower-cased, with surrounding punctuation removed and apostrophes unified. */
  norm: string;
}

// The index's separator, global here to walk a text with `exec`.
const SEPARATOR = new RegExp(WORD_SEPARATOR.source, 'g');
const FIRST_WORD_CHAR = /[\p{L}\p{N}]/u;
// A word ends at its last letter or digit, with any accents on it.
const AFTER_LAST_WORD_CHAR = /[^\p{L}\p{N}\p{M}]*$/u;

export { normaliseWord };

/** A distinct piece of text between separators, normalised once: its word and the punctuation around it. */
interface Piece {
  norm: string;
  lead: number;
  trail: number;
}

// Words repeat: each distinct one is normalised once.
const pieces = new Map<string, Piece>();

function pieceOf(raw: string): Piece {
  let piece = pieces.get(raw);
  if (piece === undefined) {
    const norm = normaliseWord(raw);
    piece = norm
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

/**
 * Splits text into words at `WORD_SEPARATOR`, as the index's tokenizer does,
 * keeping each word's range in the original text (never in a lower-cased
 * copy, whose offsets drift after letters like "İ"); punctuation around a word
 * is left out of its range, and punctuation-only pieces are dropped.
 */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let start = 0;
  const push = (end: number) => {
    if (end <= start) return;
    const { norm, lead, trail } = pieceOf(text.slice(start, end));
    if (norm) words.push({ start: start + lead, end: end - trail, norm });
  };
  SEPARATOR.lastIndex = 0;
  for (let match = SEPARATOR.exec(text); match; match = SEPARATOR.exec(text)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return words;
}

const indexPipeline = new lunr.Pipeline();
indexPipeline.add(wordTrimmer, lunr.stopWordFilter, lunr.stemmer);
const termCache = new Map<string, string | null>();

/** The index term Lunr stores for a raw token, or null for a stop word. */
export function indexTermOf(raw: string): string | null {
  const token = raw.toLowerCase();
  const cached = termCache.get(token);
  if (cached !== undefined) return cached;
  const out = indexPipeline.run([new lunr.Token(token, {})]) as unknown as lunr.Token[];
  const term = out.length > 0 ? out[0]!.toString() : null;
  if (termCache.size > 200_000) termCache.clear();
  termCache.set(token, term);
  return term;
}

/**
 * Ranges of the words whose index terms are among `terms`: the words a Lunr
 * match rests on, found again without stored positions.
 */
export function termRanges(words: readonly Word[], terms: ReadonlySet<string>): Range[] {
  if (terms.size === 0) return [];
  const ranges: Range[] = [];
  for (const word of words) {
    const term = indexTermOf(word.norm);
    if (term !== null && terms.has(term)) ranges.push([word.start, word.end]);
  }
  return ranges;
}

/** Ranges where the word sequence `phrase` occurs in `words`, from its first word to its last. */
export function phraseRanges(words: readonly Word[], phrase: readonly string[]): Range[] {
  const ranges: Range[] = [];
  if (phrase.length === 0) return ranges;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j]!.norm !== phrase[j]) continue outer;
    ranges.push([words[i]!.start, words[i + phrase.length - 1]!.end]);
  }
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
