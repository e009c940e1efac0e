import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphBlocks } from '../../../electron/engine/ingest/article';
import { parsePlainText } from '../../../electron/engine/ingest/parse-text';

const slices = (body: string, blocks: { start: number; end: number }[]) =>
  blocks.map((block) => body.slice(block.start, block.end));

describe('parsePlainText', () => {
  const text =
    '\n\n  Chelsea sack Mutu  \n\nChelsea have sacked Adrian Mutu.\nHe failed a drugs test.\n\n\n' +
    'The club said so.\n  \t\nParma sold him.\n\n';

  it('takes the first non-blank line as the headline, trimmed', () => {
    expect(parsePlainText(text, 'fallback').title).toBe('Chelsea sack Mutu');
  });

  it('keeps the rest as the body without the blank lines around it', () => {
    expect(parsePlainText(text, 'fallback').body).toBe(
      'Chelsea have sacked Adrian Mutu.\nHe failed a drugs test.\n\n\nThe club said so.\n  \t\nParma sold him.',
    );
  });

  it('splits the body into paragraphs whose offsets slice the body exactly', () => {
    const { body, blocks } = parsePlainText(text, 'fallback');
    expect(blocks.every((block) => block.kind === 'paragraph')).toBe(true);
    expect(slices(body, blocks)).toEqual([
      'Chelsea have sacked Adrian Mutu.\nHe failed a drugs test.',
      'The club said so.',
      'Parma sold him.',
    ]);
  });

  it('gives a headline-only file an empty body and no blocks', () => {
    expect(parsePlainText('Just a headline\n', 'x')).toMatchObject({
      title: 'Just a headline',
      body: '',
      blocks: [],
    });
  });

  it('falls back to the given title when there is no text', () => {
    expect(parsePlainText('\n \n', 'from file name').title).toBe('from file name');
  });

  it('leaves the metadata of plain text empty', () => {
    expect(parsePlainText(text, 'x')).toMatchObject({
      date: null,
      source: null,
      author: null,
      url: null,
      tags: [],
    });
  });
});

describe('paragraphBlocks', () => {
  it('ends a paragraph at each blank line, however many follow, and skips the blank space after it', () => {
    const pieces = fc.constantFrom(...'word| |\t|\n|\n\n|\n \t\n|\r|\u00a0|\u2028|x.'.split('|'));
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        // The same split told by a search for every blank line at once.
        const expected: [number, number][] = [];
        let start = 0;
        for (const match of text.matchAll(/\n[ \t]*\n\s*/g)) {
          if (match.index > start) expected.push([start, match.index]);
          start = match.index + match[0].length;
        }
        if (text.trimEnd().length > start) expected.push([start, text.trimEnd().length]);
        expect(paragraphBlocks(text).map((block) => [block.start, block.end])).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
