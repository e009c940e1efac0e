import { describe, expect, it } from 'vitest';
import { tokenize, WordShapes } from '../../../electron/engine/quotes/text';

describe('WordShapes', () => {
  const shapes = new WordShapes(['said', 'told', 'the']);
  const holds = (text: string) => shapes.mayHold(`(${text})`, 1, text.length + 1);

  it('may hold every word of its list, read in place', () => {
    expect(['said', 'told', 'the'].map(holds)).toEqual([true, true, true]);
  });

  it('holds no word of another length, first letter or last letter', () => {
    expect(['sai', 'saids', 'paid', 'sail', 'tea', 'Said', 'saiD', 'éaid'].map(holds)).toEqual(
      Array(8).fill(false),
    );
  });

  it('lets through words of the same shape, which the list itself must then decide', () => {
    expect(holds('sand')).toBe(true);
  });

  it('may hold a word whose lower-case form is listed, and so any word it cannot lower by itself', () => {
    const lowered = (text: string) => shapes.mayHoldLowerCase(text, 0, text.length);
    expect(['Said', 'TOLD', 'The', 'SAID'].map(lowered)).toEqual([true, true, true, true]);
    expect(['Paid', 'TOLDS', 'Tea'].map(lowered)).toEqual([false, false, false]);
    expect(lowered('\u212aid')).toBe(true);
  });

  it('refuses a word it cannot shape', () => {
    expect(() => new WordShapes(['Said'])).toThrow(/not a shape: Said/);
  });
});

describe('tokenize', () => {
  const texts = (text: string, maxWords?: number) =>
    tokenize(text, 0, text.length, [], maxWords).map((token) => token.text);

  it('splits words and punctuation, keeping the full stop of an abbreviation', () => {
    expect(texts('Mr. Kim said, "no".')).toEqual(['Mr.', 'Kim', 'said', ',', '"', 'no', '"', '.']);
  });

  it('stops after as many words as asked for, punctuation between them kept', () => {
    expect(texts('One, two, three, four.', 3)).toEqual(['One', ',', 'two', ',', 'three']);
  });
});
