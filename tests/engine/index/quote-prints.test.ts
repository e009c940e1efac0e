import { describe, expect, it } from 'vitest';
import {
  SHINGLE,
  stringHash,
  WINDOW,
  wordsPrint,
  wordsSketch,
} from '../../../electron/engine/index/quote-prints';

const hashes = (text: string) => text.split(' ').map((word) => stringHash(word));
const WORDS =
  'the committee will publish its findings on the harbour dredging contract before the end of the year and not a day later';

describe('wordsPrint', () => {
  it('is the same for the same words and differs when a word differs or moves', () => {
    const words = hashes(WORDS);
    expect(wordsPrint(words, 0, words.length)).toEqual(wordsPrint(hashes(WORDS), 0, words.length));
    const changed = hashes(WORDS.replace('harbour', 'river'));
    expect(wordsPrint(changed, 0, changed.length)).not.toEqual(wordsPrint(words, 0, words.length));
    const swapped = hashes(WORDS.replace('committee will', 'will committee'));
    expect(wordsPrint(swapped, 0, swapped.length)).not.toEqual(wordsPrint(words, 0, words.length));
  });
});

describe('wordsSketch', () => {
  it('keeps every value of a quotation held wholly inside a longer one', () => {
    const long = hashes(WORDS);
    const inner = long.slice(3, 3 + SHINGLE + WINDOW + 2);
    const outer = new Set(wordsSketch(long, 0, long.length));
    const sketch = wordsSketch(inner, 0, inner.length);
    expect(sketch.length).toBeGreaterThan(0);
    for (const value of sketch) expect(outer.has(value)).toBe(true);
  });

  it('shares a value whenever two texts share a run of SHINGLE + WINDOW - 1 words', () => {
    const run = WORDS.split(' ')
      .slice(2, 2 + SHINGLE + WINDOW - 1)
      .join(' ');
    const a = hashes(`a statement from the council said ${run} today`);
    const b = hashes(`${run} was what the minister told us`);
    const shared = wordsSketch(a, 0, a.length).filter((value) => wordsSketch(b, 0, b.length).includes(value));
    expect(shared.length).toBeGreaterThan(0);
  });

  it('has no values for fewer words than a shingle', () => {
    expect(wordsSketch(hashes('too few words'), 0, 3)).toEqual([]);
  });
});
