import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Range } from '../../../electron/api';
import { buildLunrIndex } from '../../../electron/engine/index/lunr-index';
import {
  indexTermOf,
  mergeRanges,
  normaliseWord,
  phraseRanges,
  termRanges,
  wordsOf,
} from '../../../electron/engine/search/words';

const sliced = (text: string, ranges: readonly Range[]) =>
  ranges.map(([start, end]) => text.slice(start, end));

describe('wordsOf', () => {
  it('gives ranges that slice to the words themselves, without punctuation around them', () => {
    const text = '  “Hello,” she said—it’s well-known... £15.8m (really)!';
    const words = wordsOf(text);
    expect(
      sliced(
        text,
        words.map((word) => [word.start, word.end]),
      ),
    ).toEqual(['Hello', 'she', 'said', 'it’s', 'well', 'known', '15.8m', 'really']);
    expect(words.map((word) => word.norm)).toEqual([
      'hello',
      'she',
      'said',
      "it's",
      'well',
      'known',
      '15.8m',
      'really',
    ]);
  });

  it('drops pieces made of punctuation only', () => {
    expect(wordsOf('one -- two … “ ” three').map((word) => word.norm)).toEqual(['one', 'two', 'three']);
  });

  it('keeps the accents on a word’s last letter inside its range', () => {
    const text = 'cafe\u0301, naïve';
    expect(
      sliced(
        text,
        wordsOf(text).map((word): Range => [word.start, word.end]),
      ),
    ).toEqual(['cafe\u0301', 'naïve']);
  });

  it('gives nothing for blank text', () => {
    expect(wordsOf(' \n\t ')).toEqual([]);
  });

  it('splits runs of Chinese, Japanese and Korean into overlapping bigrams, with their ranges', () => {
    const text = '「東京都」の iPhone販売、한국어 日';
    const words = wordsOf(text);
    expect(words.map((word) => word.norm)).toEqual([
      '東京',
      '京都',
      'の',
      'iphone',
      '販売',
      '한국',
      '국어',
      '日',
    ]);
    expect(
      sliced(
        text,
        words.map((word): Range => [word.start, word.end]),
      ),
    ).toEqual(['東京', '京都', 'の', 'iPhone', '販売', '한국', '국어', '日']);
  });
});

describe('normaliseWord', () => {
  it('folds the accents of Latin, Greek and Cyrillic letters but keeps the marks that are parts of letters', () => {
    expect(normaliseWord('Ångström')).toBe('angstrom');
    expect(normaliseWord('καφές')).toBe('καφες');
    expect(normaliseWord('ёлка')).toBe('елка');
    // Devanagari vowel signs and kana voicing marks are letters' parts, not accents.
    expect(normaliseWord('हिंदी')).toBe('हिंदी');
    expect(normaliseWord('ガラス')).toBe('ガラス');
    expect(normaliseWord('한국어')).toBe('한국어');
  });

  it('lower-cases, folds accents, strips edge punctuation and unifies apostrophes', () => {
    expect(normaliseWord('“It’s,”')).toBe("it's");
    expect(normaliseWord('(BBC)')).toBe('bbc');
    expect(normaliseWord('Zürich.')).toBe('zurich');
    expect(normaliseWord('...')).toBe('');
  });
});

describe('indexTermOf', () => {
  it('gives the stemmed index term, or null for a stop word', () => {
    expect(indexTermOf('Talking')).toBe('talk');
    expect(indexTermOf('talks')).toBe('talk');
    expect(indexTermOf('the')).toBeNull();
  });

  it('gives for the words of a text exactly the terms the index holds for it', () => {
    const body = '“İstanbul’s” __init__ café—Zebra well-known 15.8m (really) naïve–ish ΟΔΟΣ. The end…';
    const index = buildLunrIndex([{ id: 'a', title: '', body }]);
    const held = Object.keys((index as unknown as { invertedIndex: object }).invertedIndex);
    const ours = wordsOf(body).flatMap((word) => indexTermOf(word.norm) ?? []);
    expect(new Set(ours)).toEqual(new Set(held));
  });
});

describe('termRanges', () => {
  it('finds the original words behind a stemmed term, whatever their form', () => {
    const text = 'Talks: he was talking; they talked (talk). Walks too.';
    expect(sliced(text, termRanges(text, new Set(['talk'])))).toEqual(['Talks', 'talking', 'talked', 'talk']);
  });

  it('finds the words of several terms in reading order', () => {
    const text = 'Budget talks: the chancellor set out her “budgets”.';
    const terms = new Set([indexTermOf('budget')!, indexTermOf('chancellor')!]);
    expect(sliced(text, termRanges(text, terms))).toEqual(['Budget', 'chancellor', 'budgets']);
  });

  it('gives ranges in the original text after a letter whose lower case is longer', () => {
    const text = 'İstanbul Zebra talks';
    expect('İ'.toLowerCase()).toHaveLength(2);
    expect(sliced(text, termRanges(text, new Set(['zebra', 'talk'])))).toEqual(['Zebra', 'talks']);
  });

  it('finds words joined by en and em dashes', () => {
    const text = 'The minister—Jones–spoke';
    const terms = new Set([indexTermOf('minister')!, indexTermOf('jones')!, indexTermOf('spoke')!]);
    expect(sliced(text, termRanges(text, terms))).toEqual(['minister', 'Jones', 'spoke']);
  });

  it('finds words by the terms of the article’s language, accents kept for its stemmer', () => {
    const text = 'Die Häuser und das Haus; the houses.';
    const terms = new Set([indexTermOf('haus')!, 'haus']);
    expect(sliced(text, termRanges(text, terms, 'de'))).toEqual(['Häuser', 'Haus']);
    expect(sliced(text, termRanges(text, new Set(['hous'])))).toEqual(['houses']);
  });

  it('finds the bigrams of CJK text as their own terms', () => {
    const text = '東京都の計画';
    expect(sliced(text, termRanges(text, new Set(['東京', '京都'])))).toEqual(['東京', '京都']);
  });

  it('finds words however they open: capitals, digits, brackets, typographic quotes, accents', () => {
    const text = '(Happy) «Happiness» (2004), ‘happy’ "HAPPY" Éclair eclairs; shappy';
    const terms = new Set(['happi', '2004', indexTermOf('eclair')!]);
    expect(sliced(text, termRanges(text, terms))).toEqual([
      'Happy',
      'Happiness',
      '2004',
      'happy',
      'HAPPY',
      'Éclair',
      'eclairs',
    ]);
  });

  it('finds nothing for no terms', () => {
    expect(termRanges('talks', new Set())).toEqual([]);
  });
});

describe('phraseRanges', () => {
  it('gives the range from the first word of each occurrence to its last', () => {
    const text = 'He talks about talks. Then talks, talks about “talks” again.';
    const ranges = phraseRanges(text, ['talks', 'about', 'talks']);
    expect(sliced(text, ranges)).toEqual(['talks about talks', 'talks about “talks']);
  });

  it('needs the words in order and next to each other', () => {
    expect(phraseRanges('about talks, talks then about', ['talks', 'about'])).toEqual([]);
    expect(phraseRanges('talks, then about', ['talks', 'about'])).toEqual([]);
  });

  it('lets punctuation between the words stand, as the index does', () => {
    const text = 'the talks — about nothing';
    expect(sliced(text, phraseRanges(text, ['talks', 'about']))).toEqual(['talks — about']);
  });

  it('finds a phrase that repeats a word, and occurrences that overlap', () => {
    const text = 'no no no, she said';
    expect(sliced(text, phraseRanges(text, ['no', 'no']))).toEqual(['no no', 'no no']);
  });

  it('gives nothing for an empty phrase', () => {
    expect(phraseRanges('a b', [])).toEqual([]);
  });

  it('finds what a search through the list of the words finds', () => {
    const reference = (text: string, phrase: readonly string[]): Range[] => {
      const words = wordsOf(text);
      const ranges: Range[] = [];
      outer: for (let i = 0; i + phrase.length <= words.length; i++) {
        for (let j = 0; j < phrase.length; j++) if (words[i + j]!.norm !== phrase[j]) continue outer;
        ranges.push([words[i]!.start, words[i + phrase.length - 1]!.end]);
      }
      return ranges;
    };
    const word = fc.constantFrom(
      'the',
      'The',
      'threat',
      '“the',
      'threat,”',
      'café',
      'Café',
      '15.8m',
      '...',
      '—',
      '東京都',
      'it’s',
      "it's",
      'x',
    );
    const separator = fc.constantFrom(' ', '  ', '\n', '-', ' — ');
    const text = fc.array(fc.tuple(word, separator), { maxLength: 30 }).map((parts) => parts.flat().join(''));
    const phrase = fc.array(
      fc.constantFrom('the', 'threat', 'cafe', '15.8m', 'it’s', "it's", '東京', '京都', 'x'),
      {
        minLength: 1,
        maxLength: 3,
      },
    );
    fc.assert(
      fc.property(text, phrase, (text, phrase) => {
        expect(phraseRanges(text, phrase)).toEqual(reference(text, phrase));
      }),
    );
  });
});

describe('mergeRanges', () => {
  it('sorts ranges and merges those that overlap or touch', () => {
    expect(
      mergeRanges([
        [10, 12],
        [0, 3],
        [3, 4],
        [11, 15],
        [5, 8],
      ]),
    ).toEqual([
      [0, 4],
      [5, 8],
      [10, 15],
    ]);
  });

  it('leaves the ranges it was given alone', () => {
    const input: Range[] = [
      [4, 6],
      [0, 5],
    ];
    mergeRanges(input);
    expect(input).toEqual([
      [4, 6],
      [0, 5],
    ]);
  });
});
