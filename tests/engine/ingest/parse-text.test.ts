import { describe, expect, it } from 'vitest';
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
