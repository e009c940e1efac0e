import { describe, expect, it } from 'vitest';
import { firstWords, groupQuotations, speakerLabel } from '../../../renderer/src/lib/quotations';
import { makeQuotation } from '../helpers/fake-bridge';

const BODY = '“We are open,” she said, “to dialogue.” Critics called it “talks about talks”.';

describe('groupQuotations', () => {
  it('gathers the parts of one quotation under one key, speaker and range', () => {
    const groups = groupQuotations(
      [
        makeQuotation(BODY, 25, 39, { group: 1, speaker: 'Ingrid Lindqvist', cue: 'said' }),
        makeQuotation(BODY, 0, 14, { group: 1, speaker: 'Ingrid Lindqvist', cue: 'said' }),
        makeQuotation(BODY, 58, 77, { kind: 'scare' }),
      ],
      BODY.length,
    );
    expect(groups).toEqual([
      {
        key: 'g1',
        parts: [1, 0],
        kind: 'direct',
        speaker: 'Ingrid Lindqvist',
        cue: 'said',
        start: 0,
        end: 39,
        text: '“We are open,” … “to dialogue.”',
      },
      expect.objectContaining({ key: 'q2', kind: 'scare', speaker: null, start: 58, end: 77 }),
    ]);
  });

  it('never attributes scare quotes, even when a speaker came with them', () => {
    const [group] = groupQuotations(
      [makeQuotation(BODY, 58, 77, { kind: 'scare', speaker: 'Someone' })],
      100,
    );
    expect(group?.speaker).toBeNull();
    expect(speakerLabel(group!)).toBe('Scare quotes, not attributed');
  });

  it('leaves out quotations that do not lie inside the body', () => {
    expect(groupQuotations([makeQuotation(BODY, 70, 120), makeQuotation(BODY, 5, 5)], BODY.length)).toEqual(
      [],
    );
  });
});

describe('speakerLabel', () => {
  it('names the speaker, or says quietly that nobody is named', () => {
    expect(speakerLabel({ kind: 'direct', speaker: 'Daniel Okafor' })).toBe('Daniel Okafor');
    expect(speakerLabel({ kind: 'block', speaker: null })).toBe('Speaker not named');
  });
});

describe('firstWords', () => {
  it('drops the quotation marks and cuts a long quotation at a word edge', () => {
    expect(firstWords('“We are open,”')).toBe('We are open,');
    expect(firstWords('“We are open,” … “to dialogue.”')).toBe('We are open, … to dialogue.');
    expect(firstWords('"Good afternoon. I will be brief, and then take your questions."', 30)).toBe(
      'Good afternoon. I will be…',
    );
  });
});
