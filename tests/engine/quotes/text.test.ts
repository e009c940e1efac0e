import { describe, expect, it } from 'vitest';
import {
  byStart,
  firstTokenFrom,
  isWord,
  isWrittenAt,
  nextTokenWritten,
  tokenize,
} from '../../../electron/engine/quotes/text';

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

describe('firstTokenFrom', () => {
  const text = 'said Kim, the minister, today';
  const tokens = tokenize(text, 0, text.length);

  it('finds the first token starting at or after a place in the text', () => {
    expect(tokens[firstTokenFrom(tokens, text.indexOf('Kim'))]!.text).toBe('Kim');
    expect(tokens[firstTokenFrom(tokens, text.indexOf('Kim') + 1)]!.text).toBe(',');
  });

  it('gives -1 past the last token', () => {
    expect(firstTokenFrom(tokens, text.length)).toBe(-1);
  });
});

describe('nextTokenWritten', () => {
  const text = 'said Kim, the minister, today';
  const tokens = tokenize(text, 0, text.length);

  it('finds the next token written as asked after an index, not at it', () => {
    const first = nextTokenWritten(tokens, -1, ',');
    expect(tokens[first - 1]!.text).toBe('Kim');
    expect(tokens[nextTokenWritten(tokens, first, ',') - 1]!.text).toBe('minister');
  });

  it('gives -1 when no later token is written so', () => {
    expect(nextTokenWritten(tokens, nextTokenWritten(tokens, 3, ','), ',')).toBe(-1);
  });
});

describe('byStart', () => {
  it('orders spans by where they start, keeping spans that start together in their order', () => {
    const spans = [
      { start: 9, end: 12, name: 'c' },
      { start: 2, end: 4, name: 'a' },
      { start: 9, end: 10, name: 'd' },
      { start: 5, end: 6, name: 'b' },
    ];
    expect(spans.sort(byStart).map((span) => span.name)).toEqual(['a', 'b', 'c', 'd']);
  });
});
