import { describe, expect, it } from 'vitest';
import { findBlockQuotes } from '../../../electron/engine/quotes/blocks';
import { paragraphsOf } from '../../../electron/engine/quotes/layout';
import { pairQuotationMarks } from '../../../electron/engine/quotes/marks';

function blocks(text: string, format: 'txt' | 'md' = 'txt') {
  const paragraphs = paragraphsOf(text, format);
  return findBlockQuotes(text, paragraphs, [], pairQuotationMarks(text, paragraphs)).map((block) => ({
    text: text.slice(block.start, block.end),
    mention: block.attribution?.mention.text ?? null,
  }));
}

describe('findBlockQuotes', () => {
  it('takes a paragraph introduced by a sentence naming its speaker and ending in a colon', () => {
    expect(
      blocks(
        'Headline\n\nKim also expressed confidence that Russia was aligned with the U.S.:\n\nI am obviously aware of the contacts.\n',
      ),
    ).toEqual([{ text: 'I am obviously aware of the contacts.', mention: 'Kim' }]);
  });

  it('leaves a paragraph after a colon that names no speaker', () => {
    expect(
      blocks('Headline\n\nThe figures are as follows:\n\nSales rose by a fifth in the year to March.'),
    ).toEqual([]);
  });

  it('leaves a paragraph that opens with a quotation mark to the marks', () => {
    expect(blocks('Headline\n\nShe said:\n\n“We are open to talks with anyone,” she added.')).toEqual([]);
  });

  it('takes a Markdown quote block, with its speaker when a colon introduces it', () => {
    const text =
      '# Budget\n\nThe mayor said in a statement:\n\n> We cannot afford it.\n\nLater:\n\n> Unattributed words.';
    expect(blocks(text, 'md')).toEqual([
      { text: 'We cannot afford it.', mention: 'The mayor' },
      { text: 'Unattributed words.', mention: null },
    ]);
  });
});
