import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Quotation } from '../../../electron/api';
import { assembleBody } from '../../../electron/engine/ingest/article';
import { decodeText } from '../../../electron/engine/ingest/decode';
import { readArticle } from '../../../electron/engine/ingest/read-article';
import { findArticleQuotations } from '../../../electron/engine/quotes/article-quotes';
import { findQuotations } from '../../../electron/engine/quotes/find-quotes';

const ARCHIVE = fileURLToPath(new URL('../../../archive/', import.meta.url));
const SEED = fileURLToPath(
  new URL('../../../../shared/corpora/seed/ambassador-kim-beijing.txt', import.meta.url),
);

function articleFiles(): string[] {
  return readdirSync(ARCHIVE, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(txt|md)$/.test(path))
    .map((path) => join(ARCHIVE, path))
    .concat(existsSync(SEED) ? [SEED] : []);
}

/** What a reader sees of a quotation, wherever its offsets point (Markdown's emphasis marks are not shown). */
const seen = (quotation: Quotation) => [
  quotation.text.replace(/[*_`]/g, ''),
  quotation.kind,
  quotation.speaker,
  quotation.cue,
];

describe('findArticleQuotations', () => {
  it.each(articleFiles())('gives the quotations of the file, in the body, for %s', async (path) => {
    const outcome = await readArticle(path, ARCHIVE);
    if (!outcome.ok) throw new Error(outcome.reason);
    const [article] = outcome.articles;
    const text = decodeText(readFileSync(path)).text;
    const ofFile = findQuotations(text, { format: extname(path) === '.md' ? 'md' : 'txt' });
    const ofArticle = findArticleQuotations(article!);
    for (const quotation of ofArticle) {
      expect(article!.body.slice(quotation.start, quotation.end)).toBe(quotation.text);
    }
    const shift = text.indexOf(article!.body.slice(0, 200));
    const inBody = ofFile.filter((quotation) => quotation.start >= shift);
    expect(ofArticle.map(seen)).toEqual(inBody.map(seen));
    if (extname(path) === '.txt') {
      const shifted = inBody.map((quotation) => ({
        ...quotation,
        start: quotation.start - shift,
        end: quotation.end - shift,
        mention: quotation.mention && {
          ...quotation.mention,
          start: quotation.mention.start - shift,
          end: quotation.mention.end - shift,
        },
      }));
      expect(ofArticle).toEqual(shifted);
    }
    expect(ofArticle.length).toBeGreaterThan(0);
  });

  it('reads quote blocks as block quotations and leaves e-mail replies out', () => {
    const article = {
      title: 'Council votes',
      ...assembleBody([
        { kind: 'paragraph', text: 'The mayor, Zoë Hartwell, said in a statement:' },
        { kind: 'quote', text: 'We will keep the library open for as long as the town wants it.' },
        { kind: 'reply', text: '"Will the library close?" asked Tom Reed in his message.' },
      ]),
    };
    const quotations = findArticleQuotations(article);
    expect(quotations).toHaveLength(1);
    expect(quotations[0]).toMatchObject({ kind: 'block', speaker: 'Zoë Hartwell' });
    expect(article.body.slice(quotations[0]!.start, quotations[0]!.end)).toMatch(/^We will keep/);
  });

  it('resolves a surname through the full name in the headline', () => {
    const article = {
      title: 'Sung Kim sees no quick deal',
      ...assembleBody([
        { kind: 'paragraph', text: '"There is no quick deal to be had," Kim told reporters.' },
      ]),
    };
    expect(findArticleQuotations(article).map((quotation) => quotation.speaker)).toEqual(['Sung Kim']);
  });

  it('finds nothing in an article without quotations', () => {
    const article = { title: 'Rain', ...assembleBody([{ kind: 'paragraph', text: 'It rained all day.' }]) };
    expect(findArticleQuotations(article)).toEqual([]);
  });
});
