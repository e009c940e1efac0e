import { describe, expect, it } from 'vitest';
import {
  attributionAfter,
  attributionBefore,
  attributionOpening,
  passiveAgent,
} from '../../../electron/engine/quotes/attribution';
import { tokenize } from '../../../electron/engine/quotes/text';

const tokens = (text: string) => tokenize(text, 0, text.length);
const after = (text: string) => {
  const found = attributionAfter(text, tokens(text));
  return found && [found.mention.text, found.cue];
};
const before = (text: string) => {
  const found = attributionBefore(text, tokens(text));
  return found && [found.mention.text, found.cue];
};

describe('attributionAfter', () => {
  it('reads the speaker after an inverted verb: "…," said X', () => {
    expect(after(', said Sung Kim, the special representative.')).toEqual(['Sung Kim', 'said']);
    expect(after(', said the committee chairman, MP Edward Leigh.')).toEqual(['MP Edward Leigh', 'said']);
  });

  it('reads the subject before the verb: "…," X said / he told reporters', () => {
    expect(after(', Kim said.')).toEqual(['Kim', 'said']);
    expect(after(', he told reporters on the quay.')).toEqual(['he', 'told']);
    expect(after(', chairman and chief executive Richard Parsons said.')).toEqual([
      'Richard Parsons',
      'said',
    ]);
    expect(after(", Ms Hughes, the party's spokeswoman, added.")).toEqual(['Ms Hughes', 'added']);
  });

  it('reads "according to X"', () => {
    expect(after(', according to a senior official.')).toEqual(['a senior official', 'according to']);
  });

  it('takes a reporting clause that closes the sentence', () => {
    expect(after(' after a rise of 6%, says the assembly government.')).toEqual([
      'the assembly government',
      'says',
    ]);
  });

  it('does not take the subject of another clause', () => {
    expect(after(', while the Liberal Democrats said it was misdirected.')).toBeNull();
    expect(after(' and the plan was dropped.')).toBeNull();
  });
});

describe('attributionBefore', () => {
  it('reads "X said:" and "X told reporters,"', () => {
    expect(before('Ms Hewitt said:')).toEqual(['Ms Hewitt', 'said']);
    expect(before('An IAAF spokesman told reporters,')).toEqual(['An IAAF spokesman', 'told']);
  });

  it('reads "in a statement, X said" and "X, who chairs the board, said"', () => {
    expect(before('In a statement, the ministry said the quota had been')).toEqual(['the ministry', 'said']);
    expect(before('Ana Ruiz, who chairs the board, said the plan was')).toEqual(['Ana Ruiz', 'said']);
  });

  it('reads "quotes X as saying" and "X was quoted as saying"', () => {
    expect(before('The Post quotes an unnamed senior U.S. administration official as saying,')).toEqual([
      'an unnamed senior U.S. administration official',
      'quotes',
    ]);
    expect(before('Mr Smith was quoted as saying')).toEqual(['Mr Smith', 'quoted']);
  });

  it('reads "according to X," and a verb of characterisation', () => {
    expect(before('According to the union,')).toEqual(['the union', 'According to']);
    expect(before('Councillor Rhys Bannerjee called the decision')).toEqual([
      'Councillor Rhys Bannerjee',
      'called',
    ]);
  });

  it('takes the subject of a sentence ending in a colon even without a verb of saying', () => {
    expect(before('Kim also addressed reports, and was clear:')).toEqual(['Kim', null]);
  });

  it('ignores a passive verb and a noun of saying', () => {
    expect(before('It was also agreed that a programme to')).toBeNull();
    expect(before('Her comments were')).toBeNull();
  });
});

describe('passiveAgent', () => {
  it('reads the agent of a passive verb of reporting', () => {
    const text =
      'Her comments have been described as "irresponsible" by the Islamic Human Rights Commission.';
    const quote = text.indexOf('"irresponsible"');
    const end = quote + '"irresponsible"'.length;
    const found = passiveAgent(text, tokenize(text, 0, quote), tokenize(text, end, text.length));
    expect(found?.mention.text).toBe('the Islamic Human Rights Commission');
  });
});

describe('attributionOpening', () => {
  it('reads a sentence that opens with its speaker and a verb of saying', () => {
    expect(
      attributionOpening('He added that it was fine.', tokens('He added that it was fine.'))?.mention.text,
    ).toBe('He');
    expect(attributionOpening('The plan was fine.', tokens('The plan was fine.'))).toBeNull();
  });
});
