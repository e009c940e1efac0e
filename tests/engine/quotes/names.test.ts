import { describe, expect, it } from 'vitest';
import {
  looksLikePerson,
  nameKey,
  runEnd,
  runStart,
  withoutTitles,
} from '../../../electron/engine/quotes/names';
import { tokenize } from '../../../electron/engine/quotes/text';

const run = (text: string) => {
  const tokens = tokenize(text, 0, text.length);
  return tokens
    .slice(0, runEnd(tokens, 0, tokens.length))
    .map((token) => token.text)
    .join(' ');
};

describe('runEnd', () => {
  it("joins the words of an institution's name", () => {
    expect(run('Bank of England officials met')).toBe('Bank of England');
    expect(run('Friends of the Earth said')).toBe('Friends of the Earth');
  });

  it('stops a person at "of" and "and", and a possessive before the next name', () => {
    expect(run('Nick Van den Brul of BNP Paribas')).toBe('Nick Van den Brul');
    expect(run('Richard Madeley and Judy Finnigan')).toBe('Richard Madeley');
    expect(run("Mr Brown's Budget")).toBe("Mr Brown's");
  });
});

describe('runStart', () => {
  it('reads a name back from its end, past a possessive', () => {
    const tokens = tokenize("Ireland's Alistair Cragg", 0, 24);
    expect(runStart(tokens, tokens.length)).toBe(1);
  });
});

describe('withoutTitles', () => {
  it('leaves out titles and roles before a name', () => {
    expect(withoutTitles(['AMBASSADOR', 'KIM']).words).toEqual(['KIM']);
    expect(withoutTitles(['Trade', 'and', 'Industry', 'Secretary', 'Patricia', 'Hewitt']).words).toEqual([
      'Patricia',
      'Hewitt',
    ]);
    expect(withoutTitles(['Salford', 'MP', 'Hazel', 'Blears']).words).toEqual(['Hazel', 'Blears']);
    expect(withoutTitles(['Archbishop', 'of', 'Canterbury', 'Rowan', 'Williams']).words).toEqual([
      'Rowan',
      'Williams',
    ]);
  });

  it('keeps a royal title before a lone given name', () => {
    expect(withoutTitles(['Crown', 'Prince', 'Frederik']).words).toEqual(['Crown', 'Prince', 'Frederik']);
  });
});

describe('looksLikePerson', () => {
  it("tells a person's name from a role or an institution", () => {
    expect(looksLikePerson('Theresa May')).toBe(true);
    expect(looksLikePerson('Mr Kim')).toBe(true);
    expect(looksLikePerson('Salford MP')).toBe(false);
    expect(looksLikePerson('Secretary of State for the Family')).toBe(false);
  });
});

describe('nameKey', () => {
  it('compares names without case, possessive or full stop', () => {
    expect(nameKey("Brown's")).toBe('brown');
    expect(nameKey('Fishers’')).toBe('fishers');
    expect(nameKey('Mr.')).toBe('mr');
  });
});
