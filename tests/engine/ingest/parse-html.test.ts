import { describe, expect, it } from 'vitest';
import { htmlBlocks, parseHtml } from '../../../electron/engine/ingest/parse-html';
import { BUDGET, makeHtml } from './samples';

describe('parseHtml', () => {
  it('reads the article of a saved page, leaving the page shell out', () => {
    const page = parseHtml(makeHtml(BUDGET), 'fallback');
    expect(page).toMatchObject({
      title: 'Budget day',
      date: '2019-03-04',
      author: 'Jane Doe',
      source: 'The Ledger',
      url: 'https://example.org/Budget%20day',
      language: 'en',
    });
    expect(page!.body).toContain('The chancellor set out the budget');
    expect(page!.body).not.toMatch(/Home|News|©/);
  });

  it('keeps a block quotation as a quote block', () => {
    const page = parseHtml(makeHtml(BUDGET), 'fallback')!;
    const quotes = page.blocks.filter((block) => block.kind === 'quote');
    expect(quotes.map((block) => page.body.slice(block.start, block.end))).toEqual([
      '“No new taxes,” she said.',
    ]);
  });

  it('points each block at where its words stand in the file', () => {
    const html = makeHtml(BUDGET);
    const page = parseHtml(html, 'fallback')!;
    const first = page.sourceMap![0]!;
    expect(html.slice(first.offset, first.offset! + 20)).toBe(page.body.slice(0, 20));
  });

  it('falls back to Open Graph, meta tags and <time> when there is no JSON-LD', () => {
    const page = parseHtml(
      '<html><head><meta property="og:title" content="Flood warning"><meta name="author" content="Sam Lee">' +
        '<meta name="keywords" content="weather, rivers"></head><body><p>Rivers rose.</p>' +
        '<time datetime="2020-01-02T08:00:00Z">2 January</time></body></html>',
      'fallback',
    );
    expect(page).toMatchObject({
      title: 'Flood warning',
      author: 'Sam Lee',
      date: '2020-01-02',
      tags: ['weather', 'rivers'],
    });
  });

  it('keeps the whole <title> where Readability would cut it inside brackets', () => {
    const html =
      '<html><head><title>The Basics (libffi: a library)</title></head><body><p>Calls.</p></body></html>';
    expect(parseHtml(html, 'x')?.title).toBe('The Basics (libffi: a library)');
  });

  it('uses the file name for a page without a title and null for a page without text', () => {
    expect(parseHtml('<p>Only words.</p>', 'my page')).toMatchObject({
      title: 'my page',
      body: 'Only words.',
    });
    expect(parseHtml('<html><body><script>x()</script></body></html>', 'empty')).toBeNull();
  });

  it('reads malformed and deeply nested markup without failing', () => {
    const nested = '<div>'.repeat(20_000) + '<p>Deep inside.</p>' + '</div>'.repeat(20_000);
    expect(parseHtml(nested, 'deep')?.body).toContain('Deep inside.');
    expect(parseHtml('<p>Unclosed <b>bold <i>and <table><tr><td>cell', 'broken')?.body).toContain('Unclosed');
  });
});

describe('htmlBlocks', () => {
  it('turns headings, paragraphs, list items and quotations into blocks in reading order', () => {
    expect(
      htmlBlocks('<h2>Head</h2><p>One</p><ul><li>Two</li></ul><blockquote><p>Three</p></blockquote>'),
    ).toEqual([
      { kind: 'heading', text: 'Head' },
      { kind: 'paragraph', text: 'One' },
      { kind: 'paragraph', text: 'Two' },
      { kind: 'quote', text: 'Three' },
    ]);
  });
});
