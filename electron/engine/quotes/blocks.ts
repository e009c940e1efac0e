import { attributionBefore, type Attribution } from './attribution';
import type { Paragraph } from './layout';
import { sentenceStarts } from './sentences';
import { tokenize, type Span } from './text';

/** A paragraph quoted without quotation marks, and the attribution in the sentence that introduces it. */
export interface BlockQuote extends Span {
  attribution: Attribution | null;
}

const LIST_ITEM = /^(?:[-*•–]|\d{1,2}[.)])\s/;

/**
 * Block quotations: a paragraph introduced by a sentence that ends in a colon
 * and names who speaks ("…expressed confidence that…:"), and Markdown `>`
 * blocks (whose speaker is named only when such a sentence introduces them).
 * Paragraphs that open a quotation with a mark, transcript turns and list
 * items are not block quotations.
 */
export function findBlockQuotes(
  text: string,
  paragraphs: readonly Paragraph[],
  taken: readonly Span[],
  marks: readonly Span[],
): BlockQuote[] {
  const blocks: BlockQuote[] = [];
  const opensWithMark = new Set<number>();
  for (const mark of marks) opensWithMark.add(mark.start);
  let takenAt = 0;
  let previousIntro: Attribution | null = null;
  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index]!;
    while (taken[takenAt] && taken[takenAt]!.end <= paragraph.start) takenAt++;
    const inTurn = taken[takenAt] !== undefined && taken[takenAt]!.start < paragraph.end;
    const intro = paragraphs[index - 1];
    const continuing =
      paragraph.kind === 'quote' && intro?.kind === 'quote' && blocks.at(-1)?.end === intro.end;
    if (
      inTurn ||
      opensWithMark.has(paragraph.start) ||
      (paragraph.kind !== 'text' && paragraph.kind !== 'quote')
    ) {
      continue;
    }
    const attribution: Attribution | null = continuing
      ? previousIntro
      : intro
        ? introAttribution(text, intro, marks)
        : null;
    if (paragraph.kind === 'quote') {
      blocks.push({ start: paragraph.start, end: paragraph.end, attribution });
      previousIntro = attribution;
      continue;
    }
    if (!attribution || LIST_ITEM.test(text.slice(paragraph.start, paragraph.start + 4))) continue;
    if (tokenize(text, paragraph.start, Math.min(paragraph.end, paragraph.start + 200)).length < 6) continue;
    blocks.push({ start: paragraph.start, end: paragraph.end, attribution });
  }
  return blocks;
}

/** The attribution of the last sentence of `paragraph`, when that sentence ends in a colon. */
function introAttribution(text: string, paragraph: Paragraph, marks: readonly Span[]): Attribution | null {
  if (paragraph.kind === 'headline' || text[paragraph.end - 1] !== ':') return null;
  const starts = sentenceStarts(text, paragraph, marks);
  const tokens = tokenize(text, starts[starts.length - 1]!, paragraph.end, marks);
  return attributionBefore(text, tokens);
}
