import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/engine/ingest/decode';
import { findQuotations } from '../../../electron/engine/quotes/find-quotes';
import { BBC, hasBbc } from '../fixtures';

// A few BBC articles annotated by hand for these tests (offsets, kinds and speakers only): not the eval's gold set.
const OWN = fileURLToPath(new URL('../../fixtures/quotes/unit/', import.meta.url));

interface Annotated {
  articles: {
    path: string;
    quotes: { start: number; end: number; kind: string; speaker: string | null }[];
  }[];
}

const sets = existsSync(OWN) ? readdirSync(OWN).filter((name) => name.endsWith('.json')) : [];
const articles = sets.flatMap(
  (name) => (JSON.parse(readFileSync(join(OWN, name), 'utf8')) as Annotated).articles,
);
const same = (a: string | null | undefined, b: string | null) =>
  (a ?? '').toLowerCase().replace(/^the /, '') === (b ?? '').toLowerCase().replace(/^the /, '');

describe.skipIf(!hasBbc)('findQuotations on hand-annotated BBC articles', () => {
  const results = articles.map((article) => {
    const text = decodeText(readFileSync(join(BBC, article.path))).text;
    return { article, found: findQuotations(text) };
  });

  it('finds every annotated quotation with its exact span', () => {
    for (const { article, found } of results) {
      const spans = found.map((quote) => `${quote.start}-${quote.end}`);
      expect(spans, article.path).toEqual(article.quotes.map((quote) => `${quote.start}-${quote.end}`));
    }
  });

  it('names most speakers as the annotation does', () => {
    let right = 0;
    let total = 0;
    for (const { article, found } of results) {
      for (const quote of article.quotes.filter((annotated) => annotated.kind !== 'scare')) {
        total++;
        if (same(found.find((candidate) => candidate.start === quote.start)?.speaker, quote.speaker)) right++;
      }
    }
    expect(total).toBeGreaterThan(60);
    expect(right / total).toBeGreaterThan(0.75);
  });
});
