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

  it('finds no one for a name no speaker bears, or for one without a letter', () => {
    expect(speakersCalled('Fed', SPEAKERS)).toEqual([]);
    expect(speakersCalled('Roger Moore', SPEAKERS)).toEqual([]);
    expect(speakersCalled(' - ', SPEAKERS)).toEqual([]);
  });
});
