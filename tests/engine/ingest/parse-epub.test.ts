import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { parseEpub } from '../../../electron/engine/ingest/parse-epub';
import { BUDGET, makeEpub } from './samples';

const LIMIT = 50 * 1024 * 1024;

describe('parseEpub', () => {
  it('reads every chapter in spine order with the book metadata', () => {
    const book = parseEpub(makeEpub(BUDGET, 2), 'fallback', LIMIT);
    expect(book).toMatchObject({
      title: 'Budget day',
      author: 'Jane Doe',
      date: '2019-03-04',
      source: 'Ledger Books',
      language: 'en',
    });
    const headings = book.blocks.filter((block) => block.kind === 'heading');
    expect(headings.map((block) => book.body.slice(block.start, block.end))).toEqual([
      'Chapter 1',
      'Chapter 2',
    ]);
    expect(new Set(book.sourceMap!.map((span) => span.part))).toEqual(
      new Set(['OEBPS/text/chapter1.xhtml', 'OEBPS/text/chapter2.xhtml']),
    );
  });

  it('reports a corrupt zip, a zip without a container and a missing package document', () => {
    expect(() => parseEpub(makeEpub(BUDGET).slice(0, 100), 'x', LIMIT)).toThrow(
      'not a valid EPUB (corrupt zip)',
    );
    expect(() => parseEpub(zipSync({ mimetype: strToU8('x') }), 'x', LIMIT)).toThrow(
      /no META-INF\/container.xml/,
    );
    const container = '<container><rootfiles><rootfile full-path="missing.opf"/></rootfiles></container>';
    expect(() => parseEpub(zipSync({ 'META-INF/container.xml': strToU8(container) }), 'x', LIMIT)).toThrow(
      /package document is missing/,
    );
  });
});
