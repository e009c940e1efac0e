import lunr from 'lunr';
import type { Range } from '../../api';
import { Analyzer } from '../index/analyzer';
import { wordTrimmer } from '../index/lunr-index';
import { normaliseWord } from '../index/normalise';

/** A word of an article's text: where it stands and how it compares. */
export interface Word {
  start: number;
  end: number;
  /** Lower-cased, with surrounding punctuation removed and apostrophes unified. */
  norm: string;
}

const SEPARATOR = /[\s\-\u2010-\u2015]+/g;

export { normaliseWord };

// Words repeat: each distinct one is normalised once.
const norms = new Map<string, string>();

/**
 * Splits text into words at white space and dashes, as Lunr's tokenizer does,
 * keeping each word's range in the text; punctuation-only pieces are dropped.
 */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let start = 0;
  const push = (end: number) => {
    if (end <= start) return;
    const raw = text.slice(start, end);
    let norm = norms.get(raw);
    if (norm === undefined) {
      norm = normaliseWord(raw);
      if (norms.size > 100_000) norms.clear();
      norms.set(raw, norm);
    }
    if (!norm) return;
    const lead = raw.search(/[\p{L}\p{N}]/u);
    const trail = raw.length - 1 - lastWordChar(raw);
    words.push({ start: start + lead, end: end - trail, norm });
  };
  SEPARATOR.lastIndex = 0;
  for (let match = SEPARATOR.exec(text); match; match = SEPARATOR.exec(text)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return words;
}

function lastWordChar(raw: string): number {
  for (let i = raw.length - 1; i >= 0; i--) if (/[\p{L}\p{N}]/u.test(raw[i]!)) return i;
  return raw.length - 1;
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

// Highlighting re-tokenises the articles shown: the analyzer's table of pieces makes that cheap.
let highlighter: Analyzer | null = null;

/**
 * Ranges of the words in `text` whose index terms are among `terms`: the
 * words a Lunr match rests on, found again without stored positions.
 */
export function termRanges(text: string, terms: ReadonlySet<string>): Range[] {
  if (terms.size === 0) return [];
  highlighter ??= new Analyzer();
  const ranges: Range[] = [];
  const found = highlighter.termPieces(text, terms);
  if (found) {
    for (let i = 0; i < found.length; i += 2) ranges.push(trimmed(text, found[i]!, found[i + 1]!));
    return ranges;
  }
  // Lower-casing changed the text's length (a rare letter), so offsets must come from Lunr's own tokenizer.
  for (const token of lunr.tokenizer(text)) {
    const term = indexTermOf(token.toString());
    if (term === null || !terms.has(term)) continue;
    const [start, length] = (token as unknown as { metadata: { position: [number, number] } }).metadata
      .position;
    ranges.push(trimmed(text, start, start + length));
  }
  return ranges;
}

function trimmed(text: string, start: number, end: number): Range {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.replace(/^[^\p{L}\p{N}_]+/u, '').length;
  const trail = raw.length - raw.replace(/[^\p{L}\p{N}_]+$/u, '').length;
  return [start + lead, end - trail];
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
