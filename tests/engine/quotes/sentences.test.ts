import { describe, expect, it } from 'vitest';
import { sentenceAt, sentenceStarts } from '../../../electron/engine/quotes/sentences';

const sentences = (text: string, atoms: { start: number; end: number }[] = []) => {
  const starts = sentenceStarts(text, { start: 0, end: text.length }, atoms);
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length).trim());
};

describe('sentenceStarts', () => {
  it('splits at full stops, question and exclamation marks before a capital', () => {
    expect(sentences('One here. Two there? Three! four')).toEqual(['One here.', 'Two there?', 'Three! four']);
  });

  it('does not split after titles, initials and abbreviations', () => {
    expect(sentences('Mr. Smith met J. K. Rowling in the U.S. Congress. Then left.')).toEqual([
      'Mr. Smith met J. K. Rowling in the U.S. Congress.',
      'Then left.',
    ]);
  });

  it('never splits inside a quotation, but ends the sentence a quotation ends', () => {
    const text = '"We won. It was hard." She smiled. "Next?" asked Kim.';
    const atoms = [
      { start: 0, end: 22 },
      { start: 35, end: 42 },
    ];
    expect(sentences(text, atoms)).toEqual(['"We won. It was hard."', 'She smiled.', '"Next?" asked Kim.']);
  });
});

describe('sentenceAt', () => {
  it('finds the sentence that holds an offset', () => {
    const text = 'One here. Two there.';
    const starts = sentenceStarts(text, { start: 0, end: text.length }, []);
    expect(sentenceAt(starts, text.length, 12)).toEqual({ start: 10, end: 20 });
  });
});
