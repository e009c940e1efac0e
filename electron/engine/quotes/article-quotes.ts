import type { ArticleBlock, BlockKind, Quotation } from '../../api';
import { quotationsIn } from './find-quotes';
import { hasBlankLine, splitParagraphs, type Paragraph } from './layout';
import { byStart } from './text';

/** What the finder reads of a parsed article: its headline, its shown body and the body's blocks. */
export interface QuotedArticle {
  title: string;
  body: string;
  blocks: readonly ArticleBlock[];
}

// E-mail replies are an earlier message's text, not words the article quotes: they are not read.
const PARAGRAPH_KIND: Record<BlockKind, Paragraph['kind'] | null> = {
  paragraph: 'text',
  heading: 'heading',
  quote: 'quote',
  reply: null,
};

/**
 * The quotations of a parsed article, offsets into its `body`: the finder
 * reads the body's blocks as paragraphs (a `quote` block as a block
 * quotation), with the title before them as the headline, whose names help
 * resolve speakers. Quotations in the headline itself are not listed, having
 * no place in the body. For a `.txt` or `.md` article these are the
 * quotations `findQuotations` gives for its file, shifted to the body.
 */
export function findArticleQuotations(article: QuotedArticle): Quotation[] {
  // The headline reads as the first line of a text file: one line, before the body.
  const headline = article.title.replace(/[\r\n]/g, ' ');
  const shift = headline.length + 2;
  const text = `${headline}\n\n${article.body}`;
  const paragraphs: Paragraph[] = [];
  if (headline.trim()) {
    const start = headline.length - headline.trimStart().length;
    paragraphs.push({ start, end: headline.trimEnd().length, kind: 'headline' });
  }
  // As in a text file, a body without blank lines has a paragraph on each line.
  const byBlankLines = hasBlankLine(article.body);
  const blocks = [...article.blocks].sort(byStart);
  for (const block of blocks) {
    const kind = PARAGRAPH_KIND[block.kind];
    if (!kind) continue;
    const first = paragraphs.length;
    splitParagraphs(text, shift + block.start, shift + block.end, byBlankLines, 'txt', paragraphs);
    for (let i = first; i < paragraphs.length; i++) paragraphs[i]!.kind = kind;
  }
  const quotations: Quotation[] = [];
  for (const quotation of quotationsIn(text, paragraphs)) {
    if (quotation.start < shift) continue;
    const { mention } = quotation;
    quotations.push({
      ...quotation,
      start: quotation.start - shift,
      end: quotation.end - shift,
      mention:
        mention && mention.start >= shift
          ? { ...mention, start: mention.start - shift, end: mention.end - shift }
          : null,
    });
  }
  return quotations;
}
