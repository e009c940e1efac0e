import { describe, expect, it } from 'vitest';
import { isWord, isWrittenAt, tokenize } from '../../../electron/engine/quotes/text';

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

describe('isWord', () => {
  const [mr, said, atom] = tokenize('Mr said "so"', 0, 12, [{ start: 8, end: 12 }]);

  it('compares a token in lower case with a word', () => {
    expect([isWord(mr, 'mr'), isWord(said, 'said'), isWord(said, 'sail'), isWord(undefined, 'said')]).toEqual(
      [true, true, false, false],
    );
  });

  it('reads a quotation as its mark, however long', () => {
    expect([isWord(atom, '"'), isWord(atom, '"so"')]).toEqual([false, false]);
    expect(atom?.text).toBe('"');
  });
});

describe('isWrittenAt', () => {
  const text = 'the The them "the"';
  const [the, capital, them, atom] = tokenize(text, 0, text.length, [{ start: 13, end: 18 }]);

  it('compares a token with a word as written, capitals and length included', () => {
    expect([the, capital, them, atom].map((token) => isWrittenAt(text, token!, 'the'))).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
