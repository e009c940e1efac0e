import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import {
  buildLunrIndex,
  normaliseWord,
  WORD_SEPARATOR,
  wordTrimmer,
} from '../../../electron/engine/index/lunr-index';

const termsOf = (index: lunr.Index) =>
  Object.keys((index as unknown as { invertedIndex: Record<string, unknown> }).invertedIndex).sort();

describe('buildLunrIndex', () => {
  it('splits words at en and em dashes as it does at hyphens and spaces', () => {
    const index = buildLunrIndex([
      { id: 'a', title: 'Talks—again', body: 'The minister—Jones—spoke on a two‐day visit – briefly.' },
    ]);
    expect(termsOf(index)).toEqual([
      'again',
      'briefli',
      'day',
      'jone',
      'minist',
      'spoke',
      'talk',
      'two',
      'visit',
    ]);
    for (const query of ['minister', 'jones', 'again']) expect(index.search(query)).toHaveLength(1);
  });

  it('finds a word by its unaccented, lower-case form', () => {
    const index = buildLunrIndex([{ id: 'a', title: '', body: '“Café” in İstanbul' }]);
    expect(termsOf(index)).toEqual(['cafe', 'istanbul']);
  });
});

describe('WORD_SEPARATOR', () => {
  it('is the separator Lunr’s tokenizer and query lexer split words at', () => {
    expect(lunr.tokenizer.separator).toBe(WORD_SEPARATOR);
    const lexer = (lunr as unknown as { QueryLexer: { termSeparator: RegExp } }).QueryLexer;
    expect(lexer.termSeparator).toBe(WORD_SEPARATOR);
    expect(lunr.tokenizer('one-two\u2010three\u2013four\u2014five\u2015six seven').map(String)).toEqual([
      'one',
      'two',
      'three',
      'four',
      'five',
      'six',
      'seven',
    ]);
  });
});

describe('normaliseWord', () => {
  it('lower-cases, folds accents, strips edge punctuation and unifies apostrophes', () => {
    expect(normaliseWord('“It’s,”')).toBe("it's");
    expect(normaliseWord('(BBC)')).toBe('bbc');
    expect(normaliseWord('Zürich.')).toBe('zurich');
    expect(normaliseWord('İstanbul')).toBe('istanbul');
    expect(normaliseWord('__init__')).toBe('init');
    expect(normaliseWord('...')).toBe('');
  });
});

describe('wordTrimmer', () => {
  it('gives the token the normalised word', () => {
    const token = wordTrimmer(new lunr.Token('“café’s”', {}), 0, []) as lunr.Token;
    expect(token.toString()).toBe("cafe's");
  });
});
