import type { Paragraph } from './layout';
import { firstStartingAfter, tokenize, type Span, type Token } from './text';

/**
 * The tokens of an article's paragraphs, each paragraph tokenized once, on
 * first use, with its quotations in marks as single tokens: every reader of
 * the article (names, attributions, sentences around a quotation) shares them.
 */
export class ParagraphTokens {
  private readonly cache = new Map<number, Token[]>();

  constructor(
    readonly text: string,
    readonly paragraphs: readonly Paragraph[],
    private readonly marks: readonly Span[],
  ) {}

  /** Index of the paragraph that holds `at` (the last one starting at or before it). */
  indexAt(at: number): number {
    return Math.max(0, firstStartingAfter(this.paragraphs, at) - 1);
  }

  /** All the tokens of paragraph `index`. */
  of(index: number): Token[] {
    let tokens = this.cache.get(index);
    if (!tokens) {
      const paragraph = this.paragraphs[index]!;
      tokens = tokenize(this.text, paragraph.start, paragraph.end, this.marks);
      this.cache.set(index, tokens);
    }
    return tokens;
  }

  /** The tokens wholly inside [start, end), which must lie in one paragraph. */
  within(start: number, end: number): Token[] {
    const tokens = this.of(this.indexAt(start));
    const low = firstStartingAfter(tokens, start, true);
    let stop = low;
    while (stop < tokens.length && tokens[stop]!.end <= end) stop++;
    return tokens.slice(low, stop);
  }
}
