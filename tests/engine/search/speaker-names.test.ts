import { describe, expect, it } from 'vitest';
import { speakersCalled } from '../../../electron/engine/search/speaker-names';

const SPEAKERS = [
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
    expect(speakersCalled('spokesman', SPEAKERS)).toEqual(['a spokesman']);
  });

  it('finds no one for a name no speaker bears, or for one without a letter', () => {
    expect(speakersCalled('Fed', SPEAKERS)).toEqual([]);
    expect(speakersCalled('Roger Moore', SPEAKERS)).toEqual([]);
    expect(speakersCalled(' - ', SPEAKERS)).toEqual([]);
  });
});
