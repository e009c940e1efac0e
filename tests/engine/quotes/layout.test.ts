import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../../electron/engine/quotes/layout';

const slices = (text: string, format: 'txt' | 'md' = 'txt') =>
  paragraphsOf(text, format).map((paragraph) => [paragraph.kind, text.slice(paragraph.start, paragraph.end)]);

describe('paragraphsOf', () => {
  it('reads the first line of a text file as its headline and the rest as paragraphs', () => {
    expect(slices('Headline\n\nFirst one.\nStill first.\n\n  Second.  \n')).toEqual([
      ['headline', 'Headline'],
      ['text', 'First one.\nStill first.'],
      ['text', 'Second.'],
    ]);
  });

  it('takes each line as a paragraph when the file has no blank lines', () => {
    expect(slices('Headline\nOne.\nTwo.')).toEqual([
      ['headline', 'Headline'],
      ['text', 'One.'],
      ['text', 'Two.'],
    ]);
  });

  it('keeps offsets into text with Windows line endings', () => {
    const text = 'Headline\r\n\r\nOne.\r\n\r\nTwo.\r\n';
    expect(slices(text)).toEqual([
      ['headline', 'Headline'],
      ['text', 'One.'],
      ['text', 'Two.'],
    ]);
  });

  it('skips Markdown front matter and marks quote blocks and headings', () => {
    const text =
      '---\ntitle: "A “quoted” title"\n---\n\n# Heading\n\nText.\n\n> Quoted words\n> go on.\n\n## Part two';
    expect(slices(text, 'md')).toEqual([
      ['headline', 'Heading'],
      ['text', 'Text.'],
      ['quote', 'Quoted words\n> go on.'],
      ['heading', 'Part two'],
    ]);
  });

  it('gives no paragraphs for blank text', () => {
    expect(paragraphsOf(' \n\n ')).toEqual([]);
  });
});
