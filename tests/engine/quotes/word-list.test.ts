import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../electron/engine/quotes/text';
import { WordList } from '../../../electron/engine/quotes/word-list';

const tokenOf = (text: string) => tokenize(`(${text})`, 1, text.length + 1)[0];

describe('WordList', () => {
  const list = new WordList(['said', 'told', 'the', '&', 'josé']);
  const holds = (text: string) => list.holds(tokenOf(text));
  const holdsAsWritten = (text: string) => list.holdsAsWritten(tokenOf(text));

  it('is a set of its words', () => {
    expect([list.has('said'), list.has('Said'), list.size]).toEqual([true, false, 5]);
  });

  it('holds a token whose lower-case form is one of the words', () => {
    expect(['said', 'Said', 'TOLD', 'The', '&', 'José', 'JOSÉ'].map(holds)).toEqual(Array(7).fill(true));
  });

  it('holds no token of another lower-case form, whatever its shape', () => {
    expect(['sai', 'saids', 'paid', 'sail', 'tea', 'sand', 'Jose', '\u212aold'].map(holds)).toEqual(
      Array(8).fill(false),
    );
    expect(list.holds(undefined)).toBe(false);
  });

  it('holds a token as written only when it is written as one of the words', () => {
    expect(['said', 'the', 'josé'].map(holdsAsWritten)).toEqual([true, true, true]);
    expect(['Said', 'THE', 'José'].map(holdsAsWritten)).toEqual([false, false, false]);
  });

  it('knows a character past ASCII by its lower-case form', () => {
    const kelvin = new WordList(['kin']);
    expect(kelvin.holds(tokenOf('\u212aIN'))).toBe(true);
  });
});
