import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Quotation } from '../../../electron/api';
import { decodeText } from '../../../electron/engine/ingest/decode';
import { findQuotations } from '../../../electron/engine/quotes/find-quotes';

const ARCHIVE = fileURLToPath(new URL('../../../archive/', import.meta.url));

function quotationsOf(path: string): Quotation[] {
  const text = decodeText(readFileSync(ARCHIVE + path)).text;
  return findQuotations(text, { format: extname(path) === '.md' ? 'md' : 'txt' });
}

const speakerOf = (quotations: Quotation[], words: string) =>
  quotations.find((quote) => quote.text.includes(words))?.speaker;

describe('findQuotations on the sample archive', () => {
  it('reads the briefing transcript turn by turn', () => {
    const turns = quotationsOf('northline-wire/2012-06-07-fisheries-briefing-transcript.md');
    expect(turns.every((quote) => quote.kind === 'transcript')).toBe(true);
    expect(new Set(turns.map((quote) => quote.speaker))).toEqual(
      new Set(['Daniel Okafor', 'Ingrid Lindqvist', 'unnamed questioner']),
    );
    expect(speakerOf(turns, 'Smaller. (Laughter.)')).toBe('Ingrid Lindqvist');
  });

  it('names the counsel and the witness of a Q./A. record', () => {
    const quotations = quotationsOf('valley-courier/2016-10-12-water-tribunal-engineer-evidence.txt');
    expect(speakerOf(quotations, 'how much water did Aldwick draw')).toBe('Leonard Sayce');
    expect(speakerOf(quotations, 'Roughly 1.1 million')).toBe('Priya Mandeville');
  });

  it('reads a Markdown block quotation introduced by the mayor’s statement', () => {
    const quotations = quotationsOf('valley-courier/2014-02-19-marrowby-library-to-close.md');
    const block = quotations.find((quote) => quote.kind === 'block');
    expect(block).toMatchObject({ speaker: 'Zoë Hartwell', mention: { text: 'the mayor' } });
  });

  it('runs a quotation over two paragraphs and attributes it to the speaker introduced before', () => {
    const quotations = quotationsOf('harbour-ledger/2011-08-23-dredging-halted-by-wreck.txt');
    const long = quotations.find((quote) => quote.text.startsWith('"Every week the dredger'));
    expect(long?.text.endsWith('we will do it once."')).toBe(true);
    expect(long?.speaker).toBe('Ana Ruiz');
    expect(quotations.find((quote) => quote.text === '"Margaret Innes"')?.kind).toBe('scare');
  });

  it('groups a split quotation and keeps apostrophes out of the marks', () => {
    const quotations = quotationsOf('harbour-ledger/2009-03-14-port-ellery-expansion-vote.md');
    const split = quotations.filter((quote) => quote.group !== undefined);
    expect(split.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['“We are not against jobs,”', 'Peter Jones'],
      ['“but we are against building first and asking questions afterwards.”', 'Peter Jones'],
    ]);
    expect(speakerOf(quotations, 'don’t need a container terminal')).toBe('Tomasz Brell');
  });

  it('keeps nested talks about talks inside the councillor’s quotation', () => {
    const quotations = quotationsOf('harbour-ledger/2019-10-03-phase-two-stalls.md');
    expect(
      quotations.filter((quote) => quote.text.includes('talks about talks')).map((quote) => quote.text),
    ).toEqual([
      '“talks about talks.”',
      '“Call it what you like. I call it ‘talks about talks’, and the town is paying for the coffee.”',
    ]);
    expect(speakerOf(quotations, 'Call it what you like')).toBe('Peter Jones');
  });
});
