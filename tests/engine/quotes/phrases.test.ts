import { describe, expect, it } from 'vitest';
import { phraseAfter, sentenceSubject, withApposedName } from '../../../electron/engine/quotes/phrases';
import { tokenize } from '../../../electron/engine/quotes/text';

const tokens = (text: string) => tokenize(text, 0, text.length);
const after = (text: string) => {
  const found = phraseAfter(text, tokens(text), 0);
  return found && [found.text, found.kind];
};

describe('phraseAfter', () => {
  it('reads pronouns, names and descriptions', () => {
    expect(after('she said')).toEqual(['she', 'pronoun']);
    expect(after('Ana Ruiz, who chairs')).toEqual(['Ana Ruiz', 'name']);
    expect(after('an unnamed senior U.S. administration official as saying')).toEqual([
      'an unnamed senior U.S. administration official',
      'description',
    ]);
    expect(after('a spokesman for the ministry said')).toEqual([
      'a spokesman for the ministry',
      'description',
    ]);
  });

  it('gives the name after a role', () => {
    expect(after('Liberal Democrat spokeswoman for women Sandra Gidley said')).toEqual([
      'Sandra Gidley',
      'name',
    ]);
    expect(after('Richard and Judy executive producer Amanda Ross.')).toEqual(['Amanda Ross', 'name']);
    expect(after('analyst Erling Refsum at Nomura.')).toEqual(['Erling Refsum', 'name']);
  });

  it('keeps a person apart from where they come from', () => {
    expect(after('Ruth Delacourt of the Save Gannet Point group.')).toEqual(['Ruth Delacourt', 'name']);
  });

  it('reads no phrase from a verb or a clause word', () => {
    expect(after('said that')).toBeNull();
    expect(after('which he said')).toBeNull();
  });
});

describe('withApposedName', () => {
  it('prefers the name set beside a description', () => {
    const text = 'the committee chairman, MP Edward Leigh.';
    const list = tokens(text);
    const phrase = phraseAfter(text, list, 0)!;
    expect(withApposedName(text, list, phrase).text).toBe('MP Edward Leigh');
  });
});

describe('sentenceSubject', () => {
  it('finds the subject after an opening clause or conjunction', () => {
    const subject = (text: string) => sentenceSubject(text, tokens(text))?.text ?? null;
    expect(subject('Speaking after a closed session on Tuesday, she set out the position:')).toBe('she');
    expect(subject('But Kim said nothing more.')).toBe('Kim');
    expect(subject('A day ahead of the report, Mr Kennedy used a speech to say')).toBe('Mr Kennedy');
    expect(subject('- Manchester City boss Kevin Keegan:')).toBe('Kevin Keegan');
  });

  it('reads an opening clause on through the things it lists, to the subject after them', () => {
    const subject = (text: string) => sentenceSubject(text, tokens(text))?.text ?? null;
    expect(
      subject(
        'Shortly after collecting a crystal trophy, a Mercedes convertible and a cheque for $1.5m, Federer addressed the crowd and concluded by saying',
      ),
    ).toBe('Federer');
    expect(subject('Speaking after the vote, the minister and her deputy, Ms Rahman, said')).toBe(
      'the minister',
    );
    expect(subject('Shortly afterwards, a spokesman and a lawyer said')).toBe('a spokesman');
  });
});
