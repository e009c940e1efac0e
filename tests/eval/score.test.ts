import { describe, expect, it } from 'vitest';
import { normaliseSpeaker, overlapShare, pairUp, prf } from './score';

const quote = (start: number, end: number, speaker: string | null = null) => ({
  start,
  end,
  kind: 'direct',
  speaker,
});

describe('prf', () => {
  it('computes precision, recall and F1, and counts nothing to find, nothing found as perfect', () => {
    const { precision, recall, f1 } = prf({ predicted: 4, gold: 5, matched: 4 });
    expect([precision, recall]).toEqual([1, 0.8]);
    expect(f1).toBeCloseTo(8 / 9);
    expect(prf({ predicted: 0, gold: 0, matched: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(prf({ predicted: 2, gold: 0, matched: 0 }).f1).toBe(0);
  });
});

describe('overlapShare', () => {
  it('measures the overlap of two spans against their union', () => {
    expect(overlapShare(quote(0, 10), quote(5, 15))).toBeCloseTo(5 / 15);
    expect(overlapShare(quote(0, 10), quote(10, 20))).toBe(0);
  });
});

describe('pairUp', () => {
  it('pairs exact spans first, then overlaps of at least half the union, one to one', () => {
    const gold = [quote(0, 10), quote(20, 30), quote(40, 50)];
    const found = [quote(21, 30), quote(0, 10), quote(40, 90)];
    expect(pairUp(gold, found)).toEqual([
      { partner: 1, exact: true },
      { partner: 0, exact: false },
      { partner: -1, exact: false },
    ]);
  });
});

describe('normaliseSpeaker', () => {
  it('ignores case, white space, apostrophes, titles and a leading "the"', () => {
    expect(normaliseSpeaker('Mr  Tony Blair')).toBe('tony blair');
    expect(normaliseSpeaker('The Coastal Fishers’ Association')).toBe("coastal fishers' association");
    expect(normaliseSpeaker(null)).toBeNull();
  });
});
