import { describe, expect, it } from 'vitest';
import { phraseBefore } from '../../../electron/engine/quotes/subjects';
import { tokenize } from '../../../electron/engine/quotes/text';

/** The subject phraseBefore reads back from the last word of `text` (the verb). */
function subject(text: string): string | null {
  const tokens = tokenize(text, 0, text.length);
  return phraseBefore(text, tokens, tokens.length - 1)?.text ?? null;
}

describe('phraseBefore', () => {
  it('reads back a name, a pronoun or a description before the verb', () => {
    expect(subject('Ms Hewitt said')).toBe('Ms Hewitt');
    expect(subject('and he also told')).toBe('he');
    expect(subject('A Downing Street spokesman said')).toBe('A Downing Street spokesman');
    expect(subject('A spokesperson for Delta Airlines told')).toBe('A spokesperson for Delta Airlines');
  });

  it('looks through an apposition to the name', () => {
    expect(subject('David Frost, director general of the British Chambers of Commerce, warned')).toBe(
      'David Frost',
    );
    expect(subject('The Shadow Secretary of State for the Family, Theresa May, said')).toBe('Theresa May');
    expect(subject('Mr Bez - himself a former executive at rival Porsche - said')).toBe('Mr Bez');
    expect(subject('A spokesman for the British Phonographic Industry (BPI) said')).toBe(
      'A spokesman for the British Phonographic Industry',
    );
  });

  it('takes a capitalised role for a description', () => {
    expect(subject('A senior Tory MP has criticised')).toBe('A senior Tory MP');
    expect(subject('the Salford MP told')).toBe('the Salford MP');
  });

  it('skips time said between subject and verb', () => {
    expect(subject('the EOC last year said')).toBe('EOC');
  });

  it('reads no subject from the object of a preposition', () => {
    expect(subject('had said on the eve of the announcement said')).toBeNull();
  });
});
