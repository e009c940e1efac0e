import type { Quotation } from '../../api';
import { attributionBefore, attributionOpening, type Attribution } from './attribution';
import type { Paragraph } from './layout';
import { sentenceSubject, type Mention } from './phrases';
import type { Span, Token } from './text';

/** A quotation already found, with the mention its speaker was resolved from. */
export interface Attributed {
  quotation: Quotation;
  mention: Mention | null;
}

/** What the neighbours of a quotation say about its speaker. */
export interface NeighbourAttribution {
  attribution: Attribution | null;
  /** An earlier quotation whose speaker this one continues. */
  inherited: Attributed | null;
}

/** The sentences of an article, as the quotation walk reads them. */
export interface SentenceReader {
  readonly text: string;
  sentence(at: number): Span & { paragraph: Paragraph };
  paragraphBefore(paragraph: Paragraph): Paragraph | null;
  tokens(start: number, end: number): Token[];
}

// How much of a neighbouring sentence is read, in characters.
const WINDOW = 400;
const NONE: NeighbourAttribution = { attribution: null, inherited: null };

/**
 * The speaker of a quotation that is a sentence of its own, taken from the
 * sentences beside it and never from further away: a previous sentence ending
 * in a colon, a quotation in the previous sentence ("…," she said. "…"),
 * reported speech just before ("She said the plan…"), a sentence just after
 * that opens with a speaker ("He added that…"), or, for a quotation opening a
 * paragraph, the subject of the paragraph before.
 */
export function neighbourAttribution(
  reader: SentenceReader,
  quote: Span,
  sentence: Span & { paragraph: Paragraph },
  attributed: readonly Attributed[],
): NeighbourAttribution {
  const { text } = reader;
  const last = attributed[attributed.length - 1];
  const previous = previousSentence(reader, sentence);
  const previousTokens = previous
    ? reader.tokens(Math.max(previous.start, previous.end - WINDOW), previous.end)
    : [];
  if (previous) {
    if (previousTokens[previousTokens.length - 1]?.text === ':') {
      const attribution = attributionBefore(text, previousTokens);
      if (attribution) return { attribution, inherited: null };
    }
    if (spokeSince(last, previous)) return { attribution: null, inherited: last! };
    const reported = attributionBefore(text, previousTokens);
    if (reported?.strong && reported.cue) return { attribution: reported, inherited: null };
  }
  const closing = reader.sentence(quote.end - 1);
  if (closing.end < closing.paragraph.end) {
    const next = reader.sentence(closing.end);
    const attribution = attributionOpening(
      text,
      reader.tokens(next.start, Math.min(next.end, next.start + WINDOW)),
    );
    if (attribution) return { attribution, inherited: null };
  }
  if (!previous) return NONE;
  // "Mr Negroponte has adapted the idea… "We put in 25 laptops…"": the person the passage is about.
  const subject = sentenceSubject(text, previousTokens);
  if (subject && subject.kind !== 'description') {
    return { attribution: { mention: subject, cue: null, strong: false }, inherited: null };
  }
  // One sentence of narrative between two quotations of the same speaker.
  const earlier = previousSentence(reader, reader.sentence(previous.start));
  return spokeSince(last, earlier) ? { attribution: null, inherited: last! } : NONE;
}

/** The sentence before `sentence`: in its paragraph, or the last of the paragraph before. */
export function previousSentence(
  reader: SentenceReader,
  sentence: Span & { paragraph: Paragraph },
): Span | null {
  if (sentence.start > sentence.paragraph.start) return reader.sentence(sentence.start - 1);
  const paragraph = reader.paragraphBefore(sentence.paragraph);
  if (!paragraph || (paragraph.kind !== 'text' && paragraph.kind !== 'quote')) return null;
  return reader.sentence(paragraph.end - 1);
}

/** True when the last quotation attributed was a direct one with a speaker, at or after the start of `since`. */
function spokeSince(last: Attributed | undefined, since: Span | null): boolean {
  return (
    since !== null &&
    last?.quotation.kind === 'direct' &&
    last.quotation.speaker !== null &&
    last.quotation.start >= since.start
  );
}
