import { SCARE_CUES } from './lexicon';
import { isCapitalised, tokenize, type Span, type Token } from './text';

// Short words a title leaves in lower case: "The Lord of the Rings", "War and Peace".
const MINOR_WORDS = new Set(
  'a an the and or but nor of in on at to for by with from as vs v de la le'.split(' '),
);
const NICKNAMING = new Set(['dubbed', 'nicknamed', 'titled', 'entitled', 'named', 'termed', 'so-called']);
const PASSIVE = new Set(['is', 'was', 'were', 'are', 'been', 'be', 'being', 'so']);
// A title has at most eight words, a fragment four, a clause five or more: nine words tell them apart.
const MOST_WORDS = 9;

/** What is inside a pair of quotation marks, as words. */
export interface QuotedWords {
  /** The first words, up to nine: enough to tell a title or a fragment from someone's words. */
  words: Token[];
  /** The words end a sentence or clause inside the marks (."  ,"  ?"). */
  clause: boolean;
}

/** The first words between the marks of `quote` and whether they end like a sentence or clause. */
export function quotedWords(text: string, quote: Span, closed: boolean): QuotedWords {
  const innerEnd = closed ? quote.end - 1 : quote.end;
  // Only short quotations are judged word by word: the first few words are enough for the rest.
  const tokens = tokenize(text, quote.start + 1, Math.min(innerEnd, quote.start + 1 + 160), [], MOST_WORDS);
  const words: Token[] = [];
  for (const token of tokens) if (token.word) words.push(token);
  let last = innerEnd - 1;
  while (last > quote.start && /['’"”)\]\s]/.test(text[last]!)) last--;
  const clause = /[.?!,;:…—–]/.test(text[last] ?? '');
  return { words, clause };
}

/** True when the quoted words read as a title or a name: "The Long Tide", "Dry Season", "Margaret Innes". */
export function isTitleLike(quoted: QuotedWords): boolean {
  const { words, clause } = quoted;
  if (clause || words.length === 0 || words.length > 8) return false;
  if (!isCapitalised(words[0]!.text)) return false;
  for (let i = 1; i < words.length; i++) {
    const { text } = words[i]!;
    if (!isCapitalised(text) && !MINOR_WORDS.has(text.toLowerCase()) && !/^\d/.test(text)) return false;
  }
  return true;
}

/**
 * Whether marked words are a scare quote (or a title, nickname, label) rather
 * than someone's words: a cue such as "so-called" or "dubbed" just before
 * them; a title-like phrase; or a short fragment that is not a clause and
 * that no speaker in its sentence is said to have used.
 */
export function isScareQuote(quoted: QuotedWords, before: readonly Token[], attributed: boolean): boolean {
  const cue = before[before.length - 1]?.text.toLowerCase() ?? '';
  const cueBefore = before[before.length - 2]?.text.toLowerCase() ?? '';
  if (
    NICKNAMING.has(cue) ||
    (cue === 'as' && cueBefore === 'known') ||
    (cue === 'as' && cueBefore === 'referred')
  )
    return true;
  if (SCARE_CUES.has(cue) && (PASSIVE.has(cueBefore) || cueBefore === 'the' || !attributed)) return true;
  const { words, clause } = quoted;
  if (isTitleLike(quoted) && (words.length >= 2 || !attributed)) return true;
  if (attributed) return false;
  return !clause && words.length <= 4;
}
