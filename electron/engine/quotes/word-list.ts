import type { Token } from './text';

// A word's shape: its length and its first and last characters, each a letter a-z or "another character".
const LONGEST = 31;
const OTHER = 26;
const SHAPES = (LONGEST + 1) * 27 * 27;

function bucket(code: number): number {
  return code >= 0x61 && code <= 0x7a ? code - 0x61 : OTHER;
}

function shapeOf(first: number, last: number, length: number): number {
  return (Math.min(length, LONGEST) * 27 + bucket(first)) * 27 + bucket(last);
}

function asciiLower(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

/**
 * A list of words that can also be asked about a token. Most tokens are
 * none of the words, and their shape (length, first and last character)
 * tells so without making their text or lower-case form, and without
 * hashing it: the finder asks about nearly every token of an article.
 */
export class WordList extends Set<string> {
  private readonly shapes = new Uint32Array(Math.ceil(SHAPES / 32));

  constructor(words: Iterable<string>) {
    super(words);
    for (const word of this)
      this.mark(shapeOf(word.charCodeAt(0), word.charCodeAt(word.length - 1), word.length));
  }

  /** True when the token, as written, is one of the words. */
  holdsAsWritten(token: Token | undefined): boolean {
    if (!token) return false;
    return this.marked(shapeOf(token.first, token.last, token.end - token.start)) && this.has(token.text);
  }

  /** True when the token's lower-case form is one of the words. */
  holds(token: Token | undefined): boolean {
    if (!token) return false;
    const { first, last } = token;
    // Past ASCII a character's lower-case form is not told so simply (the Kelvin sign lowers to a k).
    const plain = first < 0x80 && last < 0x80;
    if (plain && !this.marked(shapeOf(asciiLower(first), asciiLower(last), token.end - token.start)))
      return false;
    return this.has(token.lower);
  }

  private mark(shape: number): void {
    this.shapes[shape >> 5]! |= 1 << (shape & 31);
  }

  private marked(shape: number): boolean {
    return (this.shapes[shape >> 5]! & (1 << (shape & 31))) !== 0;
  }
}
