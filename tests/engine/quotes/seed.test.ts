import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/engine/ingest/decode';
import { findQuotations } from '../../../electron/engine/quotes/find-quotes';

// The article the product was specified from, read in place: its text never enters the repository.
const SEED = fileURLToPath(
  new URL('../../../../shared/corpora/seed/ambassador-kim-beijing.txt', import.meta.url),
);
const hasSeed = existsSync(SEED);
if (!hasSeed) console.warn(`Skipping the seed article test: ${SEED} is absent.`);

describe.skipIf(!hasSeed)('findQuotations on the seed article', () => {
  const text = hasSeed ? decodeText(readFileSync(SEED)).text : '';
  const quotations = findQuotations(text);
  const starting = (words: string) => {
    const found = quotations.find((quote) => quote.text.replace(/^[“"]/, '').startsWith(words));
    if (!found) throw new Error(`no quotation starts "${words}"`);
    return found;
  };

  it('finds its five quotations and no others', () => {
    expect(quotations.map((quote) => quote.kind)).toEqual([
      'scare',
      'transcript',
      'transcript',
      'block',
      'direct',
    ]);
    for (const quote of quotations) expect(text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it('marks “talks about talks” as a scare quote', () => {
    expect(starting('talks about talks')).toMatchObject({
      kind: 'scare',
      speaker: null,
      text: '“talks about talks”',
    });
  });

  it('gives the reporter’s question to an unnamed questioner', () => {
    expect(starting('Ambassador, there was')).toMatchObject({
      kind: 'transcript',
      speaker: 'unnamed questioner',
      mention: { text: 'QUESTION' },
    });
  });

  it('gives the AMBASSADOR KIM: turn to Sung Kim', () => {
    expect(starting('We have made it very clear')).toMatchObject({
      kind: 'transcript',
      speaker: 'Sung Kim',
      mention: { text: 'AMBASSADOR KIM' },
    });
  });

  it('gives the block quotation after the colon to Sung Kim', () => {
    expect(starting('I am obviously aware')).toMatchObject({
      kind: 'block',
      speaker: 'Sung Kim',
      mention: { text: 'Kim' },
    });
  });

  it('gives the last quotation to the unnamed senior U.S. administration official', () => {
    expect(starting('I think we’ve made it very clear')).toMatchObject({
      kind: 'direct',
      speaker: 'an unnamed senior U.S. administration official',
      cue: 'quotes',
    });
  });
});
