import { ABBREVIATIONS } from './lexicon';

/** A [start, end) stretch of the text being analysed. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Orders spans by where they start. Hot code sorts with this one function
 * rather than an arrow written at each call: V8 holds a closure's optimised
 * code only while some instance of it lives, so a comparator made afresh for
 * each article was compiled again after every full garbage collection.
 */
export function byStart(a: { start: number }, b: { start: number }): number {
  return a.start - b.start;
}

/** True for any white space, including the no-break and thin spaces news feeds are full of. */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True when the character at `at` is a letter (any script). */
export function isLetterAt(text: string, at: number): boolean {
  const ch = text[at];
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || LETTER.test(ch));
}

/** True when the character at `at` is a letter or a digit. */
export function isWordCharAt(text: string, at: number): boolean {
  const ch = text[at];
  return ch !== undefined && LETTER_OR_DIGIT.test(ch);
}

/** True when the character at `at` is an upper-case letter. */
export function isUpperAt(text: string, at: number): boolean {
  const ch = text[at];
  return ch !== undefined && UPPER.test(ch);
}

/** True when the character at `at` is a lower-case letter. */
export function isLowerAt(text: string, at: number): boolean {
  const ch = text[at];
  return ch !== undefined && LOWER.test(ch);
}

/** Index of the first non-space character at or after `from`, or `end`. */
export function skipSpace(text: string, from: number, end: number): number {
  let at = from;
  while (at < end && isSpaceCode(text.charCodeAt(at))) at++;
  return at;
}

/** Index just after the last non-space character before `to`, or `start`. */
export function trimEndOf(text: string, start: number, to: number): number {
  let at = to;
  while (at > start && isSpaceCode(text.charCodeAt(at - 1))) at--;
  return at;
}

/** A word or a punctuation character, with its place in the text. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly word: boolean;
  /** The text in lower case, computed once: words are compared many times. */
  readonly lower: string;
  /** The code of the first character, to test it without making the text. */
  readonly first: number;
  /** The code of the last character. */
  readonly last: number;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const SPACE = 1;
const WORD = 2;
// What each character of the Latin-1 range is (white space, part of a word or neither), looked up: every
// character of an article is tested.
const LATIN1_CLASS = Uint8Array.from({ length: 0x100 }, (_, code) =>
  isSpaceCode(code) ? SPACE : WORD_CHAR.test(String.fromCharCode(code)) ? WORD : 0,
);

function isWordCode(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x100) return LATIN1_CLASS[code] === WORD;
  return at < text.length && WORD_CHAR.test(text[at]!);
}

/**
 * The end of the word that starts at `at`: letters, digits and marks, with
 * inner apostrophes, hyphens and full stops (O'Neill, Jong-un, U.S.) and a
 * plural possessive (Fishers’).
 */
function wordEnd(text: string, at: number, limit: number): number {
  let end = at + 1;
  for (;;) {
    for (; end < limit; end++) {
      const code = text.charCodeAt(end);
      if (code < 0x100 ? LATIN1_CLASS[code] !== WORD : !WORD_CHAR.test(text[end]!)) break;
    }
    const joiner = text.charCodeAt(end);
    const joins = joiner === 0x27 || joiner === 0x2019 || joiner === 0x2d || joiner === 0x2e;
    if (joins && end + 1 < limit && isWordCode(text, end + 1)) {
      end += 2;
      continue;
    }
    if ((joiner === 0x27 || joiner === 0x2019) && end < limit) {
      const last = text.charCodeAt(end - 1);
      if (last === 0x73 || last === 0x53) end++;
    }
    return end;
  }
}

// Most tokens are passed over unread: their text and lower-case form are made only when asked for. Every
// token, a quotation's included, is of this one class, so the finder's many reads of tokens see one shape.
class LazyToken implements Token {
  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
    readonly word: boolean,
    readonly first: number,
    readonly last: number,
    private cachedText: string | undefined,
    private cachedLower: string | undefined,
  ) {}

  get text(): string {
    return (this.cachedText ??= this.source.slice(this.start, this.end));
  }

  get lower(): string {
    return (this.cachedLower ??= this.word ? this.text.toLowerCase() : this.text);
  }
}

/** True when a token starts with a capital letter, tested without making its text when it can be. */
export function startsUpper(token: Token): boolean {
  const code = token.first;
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return isCapitalised(token.text);
}

/** True when the token's lower-case form is `word` (lower-case ASCII): told by its length first, without its text. */
export function isWord(token: Token | undefined, word: string): boolean {
  return token !== undefined && token.end - token.start === word.length && token.lower === word;
}

/** True when the token in `text` is written `word`: compared in place, without making its text. */
export function isWrittenAt(text: string, token: Token, word: string): boolean {
  return (
    token.end - token.start === word.length &&
    token.first === word.charCodeAt(0) &&
    text.startsWith(word, token.start)
  );
}

/** The lower-case form of a token, or '' past the ends of a token list. */
export function lower(token: Token | undefined): string {
  return token?.lower ?? '';
}

/**
 * Splits text[start, end) into words and single punctuation characters,
 * skipping white space, and stops after `maxWords` words. Each of the
 * `atoms` (sorted quotations) inside the range becomes one token whose text
 * is `"`, so a quotation never reads as the words around it.
 */
export function tokenize(
  text: string,
  start: number,
  end: number,
  atoms: readonly Span[] = [],
  maxWords = Infinity,
): Token[] {
  const tokens: Token[] = [];
  let words = 0;
  let at = start;
  for (let atom = firstEndingAfter(atoms, start); at < end; atom++) {
    const next = atoms[atom];
    const limit = next ? Math.min(end, next.start) : end;
    while (at < limit) {
      const code = text.charCodeAt(at);
      const kind =
        code < 0x100 ? LATIN1_CLASS[code]! : isSpaceCode(code) ? SPACE : WORD_CHAR.test(text[at]!) ? WORD : 0;
      if (kind === SPACE) {
        at++;
      } else if (kind === WORD) {
        let stop = wordEnd(text, at, limit);
        let last = text.charCodeAt(stop - 1);
        // Keep the full stop of an abbreviation or initial, so "Mr." and "J." read as one word.
        if (text.charCodeAt(stop) === 0x2e && stop < limit && isAbbreviationAt(text, at, stop)) {
          stop++;
          last = 0x2e;
        }
        tokens.push(new LazyToken(text, at, stop, true, code, last, undefined, undefined));
        if (++words === maxWords) return tokens;
        at = stop;
      } else {
        tokens.push(new LazyToken(text, at, at + 1, false, code, code, undefined, undefined));
        at++;
      }
    }
    if (!next) break;
    if (at < end && next.end > at) {
      const from = Math.max(next.start, start);
      tokens.push(new LazyToken(text, from, Math.min(next.end, end), false, 0x22, 0x22, '"', '"'));
      at = next.end;
    }
  }
  return tokens;
}

/** Index of the first of `tokens` (in text order) that starts at or after `at`; -1 when none does. */
export function firstTokenFrom(tokens: readonly Token[], at: number): number {
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.start >= at) return i;
  return -1;
}

/** Index of the first token after index `after` written exactly `written` (a comma, say); -1 when none is. */
export function nextTokenWritten(tokens: readonly Token[], after: number, written: string): number {
  for (let i = Math.max(0, after + 1); i < tokens.length; i++) if (tokens[i]!.text === written) return i;
  return -1;
}

/** Index of the first span in sorted `spans` that ends after `at`. */
export function firstEndingAfter(spans: readonly Span[], at: number): number {
  // Binary searches are written out for each kind of item: a test passed in would be a call per step, not inlined.
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.end > at) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Index of the first item in `items`, sorted by `start`, that starts after `at` (or at it, when `inclusive`). */
export function firstStartingAfter(items: readonly Span[], at: number, inclusive = false): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const start = items[mid]!.start;
    if (start > at || (inclusive && start === at)) high = mid;
    else low = mid + 1;
  }
  return low;
}

// Most words before a full stop end a sentence and are longer than any abbreviation: they need no lower-case form.
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((word) => word.length));

/** isAbbreviation for text[start, end), a word too long to be listed made into a string only if it has a full stop. */
function isAbbreviationAt(text: string, start: number, end: number): boolean {
  if (end - start <= LONGEST_ABBREVIATION) return isAbbreviation(text.slice(start, end));
  const stop = text.indexOf('.', start);
  return stop >= 0 && stop < end;
}

/** True for a word whose following full stop marks an abbreviation (Mr, U.S, J), not a sentence end. */
export function isAbbreviation(word: string): boolean {
  if (word.length === 1) return UPPER.test(word);
  return word.includes('.') || (word.length <= LONGEST_ABBREVIATION && ABBREVIATIONS.has(word.toLowerCase()));
}

/** True when the word starts with a capital letter. */
export function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return word.length > 0 && UPPER.test(word[0]!);
}

/** True when every letter of the word is a capital (AMBASSADOR, KIM, U.S.). */
export function isAllCaps(word: string): boolean {
  let upper = false;
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at);
    if (code >= 0x80) return UPPER.test(word) && !LOWER.test(word);
    if (code >= 0x61 && code <= 0x7a) return false;
    if (code >= 0x41 && code <= 0x5a) upper = true;
  }
  return upper;
}
