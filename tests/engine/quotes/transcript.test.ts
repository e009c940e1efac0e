import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../../electron/engine/quotes/layout';
import { findTranscriptTurns } from '../../../electron/engine/quotes/transcript';

function turns(body: string) {
  const text = `Headline\n\n${body}`;
  return findTranscriptTurns(text, paragraphsOf(text)).map((turn) => ({
    label: turn.label.text,
    text: text.slice(turn.start, turn.end),
    names: turn.names?.text ?? null,
    speaker: turn.speaker,
  }));
}

describe('findTranscriptTurns', () => {
  it('reads each labelled line as a turn that runs to the next label', () => {
    const found = turns(
      'The exchange went as follows:\n\nQUESTION: Will you meet them?\n\nAMBASSADOR KIM: We are open.\n\nWe always were.\n\nMr SMITH: Thank you.',
    );
    expect(found).toEqual([
      { label: 'QUESTION', text: 'Will you meet them?', names: null, speaker: 'unnamed questioner' },
      {
        label: 'AMBASSADOR KIM',
        text: 'We are open.\n\nWe always were.',
        names: 'AMBASSADOR KIM',
        speaker: null,
      },
      { label: 'Mr SMITH', text: 'Thank you.', names: 'Mr SMITH', speaker: null },
    ]);
  });

  it('ends the last turn with its paragraph, where the narrative resumes', () => {
    const found = turns('Q: Is it true?\n\nA: It is.\n\nThe hearing then closed.');
    expect(found.map((turn) => turn.text)).toEqual(['Is it true?', 'It is.']);
  });

  it('names the questioner the article names and the witness a question addresses', () => {
    const found = turns(
      'Under questioning from Leonard Sayce, the engineer spoke.\n\nQ. Ms Mandeville, how much?\n\nA. Roughly a million.',
    );
    expect(found).toEqual([
      { label: 'Q', text: 'Ms Mandeville, how much?', names: 'Leonard Sayce', speaker: null },
      { label: 'A', text: 'Roughly a million.', names: 'Ms Mandeville', speaker: null },
    ]);
  });

  it('finds no transcript in one label alone, or in a note', () => {
    expect(turns('UPDATE: The story was corrected.\n\nNOTE: Times are local.')).toEqual([]);
    expect(turns('SMITH: This is not an interview.')).toEqual([]);
  });
});
