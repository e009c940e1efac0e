import { describe, expect, it } from 'vitest';
import { speakersCalled } from '../../../electron/engine/search/speaker-names';

const SPEAKERS = [
  'Mr Blair',
  'Tony Blair',
  "Mr Blair's official spokesman",
  'A spokesman for Mr Blair',
  'Bank of England',
  'Jean-Claude van Damme',
  'Roger Federer',
  'Federer',
  'Zoë Hartwell',
  'Ann Lee',
  'Ann Leeson',
  'a spokesman',
  'Roger Federer',
];

describe('speakersCalled', () => {
  it('finds every speaker whose name holds the words given, the exact name first and each once', () => {
    expect(speakersCalled('Federer', SPEAKERS)).toEqual(['Federer', 'Roger Federer']);
    expect(speakersCalled('Roger Federer', SPEAKERS)).toEqual(['Roger Federer']);
  });

  it('matches whole words in any case and without accents', () => {
    expect(speakersCalled('federer', SPEAKERS)).toEqual(['Federer', 'Roger Federer']);
    expect(speakersCalled('zoe HARTWELL', SPEAKERS)).toEqual(['Zoë Hartwell']);
    expect(speakersCalled('ann lee', SPEAKERS)).toEqual(['Ann Lee']);
    expect(speakersCalled('A SPOKESMAN', SPEAKERS)).toEqual(['a spokesman']);
  });

  it('leaves out speakers described rather than named, unless asked for by their whole description', () => {
    expect(speakersCalled('blair', SPEAKERS)).toEqual(['Mr Blair', 'Tony Blair']);
    expect(speakersCalled('spokesman', SPEAKERS)).toEqual([]);
    expect(speakersCalled("Mr Blair's official spokesman", SPEAKERS)).toEqual([
      "Mr Blair's official spokesman",
    ]);
    expect(speakersCalled('england', SPEAKERS)).toEqual(['Bank of England']);
    expect(speakersCalled('van damme', SPEAKERS)).toEqual(['Jean-Claude van Damme']);
  });

  it('matches the parts of hyphenated names, either apostrophe, and names with particles', () => {
    const names = [
      'Jean-Claude Juncker',
      'Kim Jong-un',
      'Tip O’Neill',
      'Bashar al-Assad',
      'José Eduardo dos Santos',
    ];
    expect(speakersCalled('jean', names)).toEqual(['Jean-Claude Juncker']);
    expect(speakersCalled('jean claude juncker', names)).toEqual(['Jean-Claude Juncker']);
    expect(speakersCalled('jong', names)).toEqual(['Kim Jong-un']);
    expect(speakersCalled("o'neill", names)).toEqual(['Tip O’Neill']);
    expect(speakersCalled('assad', names)).toEqual(['Bashar al-Assad']);
    expect(speakersCalled('santos', names)).toEqual(['José Eduardo dos Santos']);
  });

  it('takes letters that have no accent to drop as typed without them, and leaves other scripts whole', () => {
    const names = ['Lech Wałęsa', 'Franz Strauß', 'नरेंद्र मोदी', '习近平'];
    expect(speakersCalled('walesa', names)).toEqual(['Lech Wałęsa']);
    expect(speakersCalled('strauss', names)).toEqual(['Franz Strauß']);
    expect(speakersCalled('मोदी', names)).toEqual(['नरेंद्र मोदी']);
    expect(speakersCalled('मादी', names)).toEqual([]);
    expect(speakersCalled('习近平', names)).toEqual(['习近平']);
  });

  it('leaves out a possessive in either form', () => {
    expect(speakersCalled('jones', ["Mr Jones' Office", 'Mr Jones’s Aide', 'Ann Jones'])).toEqual([
      'Ann Jones',
    ]);
  });

  it('finds no one for a name no speaker bears, or for one without a letter', () => {
    expect(speakersCalled('Fed', SPEAKERS)).toEqual([]);
    expect(speakersCalled('Roger Moore', SPEAKERS)).toEqual([]);
    expect(speakersCalled(' - ', SPEAKERS)).toEqual([]);
  });
});
