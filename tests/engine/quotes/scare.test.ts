import { describe, expect, it } from 'vitest';
import { isScareQuote, isTitleLike, quotedWords } from '../../../electron/engine/quotes/scare';
import { tokenize } from '../../../electron/engine/quotes/text';

const words = (quote: string) => quotedWords(quote, { start: 0, end: quote.length }, true);
const scare = (before: string, quote: string, attributed = false) =>
  isScareQuote(words(quote), tokenize(before, 0, before.length), attributed);

describe('quotedWords', () => {
  it('counts the words and says whether they end like a clause', () => {
    expect(words('"We won,"').clause).toBe(true);
    expect(words('"talks about talks"')).toMatchObject({ clause: false });
    expect(words('"talks about talks"').words.map((word) => word.text)).toEqual(['talks', 'about', 'talks']);
  });

  it('reads the first nine words, enough to judge the rest', () => {
    const quote = words('"one two three four five six seven eight nine ten eleven."');
    expect(quote.words.map((word) => word.text)).toEqual(
      'one two three four five six seven eight nine'.split(' '),
    );
    expect(quote.clause).toBe(true);
  });
});

describe('isTitleLike', () => {
  it('takes capitalised phrases for titles and names', () => {
    expect(isTitleLike(words('"The Long Tide"'))).toBe(true);
    expect(isTitleLike(words('"War and Peace"'))).toBe(true);
    expect(isTitleLike(words('"We lost it."'))).toBe(false);
  });
});

describe('isScareQuote', () => {
  it('marks a short unattributed phrase, a title or a nickname as scare', () => {
    expect(scare('a report says', '“talks about talks”')).toBe(true);
    expect(scare('a documentary,', '“Dry Season”', true)).toBe(true);
    expect(scare('he was dubbed', '"the noble savage"', true)).toBe(true);
    expect(scare('the so-called', '"axis of evil"', true)).toBe(true);
  });

  it("leaves someone's attributed words, and a whole sentence, direct", () => {
    expect(scare('the Tories dismissed the plan as', '"desperate"', true)).toBe(false);
    expect(scare('', '"We will not pay more for fewer fish."')).toBe(false);
  });
});
