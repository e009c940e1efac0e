// @vitest-environment jsdom
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import { parse as parseCsv } from 'csv-parse/sync';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ExportFormat, QuoteView } from '../../../electron/api';
import { exportQuotes } from '../../../electron/engine/export';
import { CSV_COLUMNS } from '../../../electron/engine/export/csv';
import { CITATION, COLLECTION, NOW, quote, TRICKY } from './fixtures';

const drifted: QuoteView = quote('q2', {
  text: 'The river ran high',
  anchor: {
    status: 'fuzzy',
    articleId: 'a1',
    start: 10,
    end: 28,
    currentText: 'The river ran higher',
    message: 'The source changed: it now reads “The river ran higher”.',
  },
});
const quotes = [quote('q1'), drifted];

async function exported(format: ExportFormat, style: 'apa' | 'chicago' | 'mla' = 'apa') {
  return exportQuotes(COLLECTION, quotes, format, style, NOW);
}

describe('exportQuotes', () => {
  it('writes CSV that a CSV parser reads back field for field', async () => {
    const file = await exported('csv');
    expect(file).toMatchObject({
      fileName: 'River notes “water” & rights.csv',
      encoding: 'utf8',
      quoteCount: 2,
    });
    const rows = parseCsv(file.content, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows[0]).toMatchObject({
      text: TRICKY,
      speaker: 'Marguerite Osei',
      note: 'Note with "quotes", commas & a\nline break ✓',
      tags: 'water, rights; café',
      'article title': CITATION.title,
      source: CITATION.source,
      author: CITATION.author,
      date: '2016-08-02',
      url: CITATION.url,
      path: CITATION.path,
      start: '120',
      end: String(120 + TRICKY.length),
      citation: '(Ferreira-Lind, 2016)',
      'verbatim check': 'ok',
    });
    expect(rows[1]!['verbatim check']).toContain('The river ran higher');
  });

  it('writes W3C Web Annotations whose selectors and Quarry fields match the model', async () => {
    const file = await exported('json');
    const document = JSON.parse(file.content) as {
      type: string;
      label: string;
      first: { items: Record<string, unknown>[] };
    };
    expect(document).toMatchObject({ type: 'AnnotationCollection', label: COLLECTION.name, total: 2 });
    const [first] = document.first.items;
    expect(first).toMatchObject({
      id: 'urn:uuid:q1',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-01-02T03:04:05.000Z',
      body: [
        { type: 'TextualBody', value: quote('q1').note, purpose: 'commenting' },
        { type: 'TextualBody', value: 'water, rights', purpose: 'tagging' },
        { type: 'TextualBody', value: 'café', purpose: 'tagging' },
      ],
      target: {
        source: 'file:///archive/meridian/river,%20caf%C3%A9.md',
        selector: [
          { type: 'TextQuoteSelector', exact: TRICKY, prefix: 'Before, “', suffix: '” after' },
          { type: 'TextPositionSelector', start: 120, end: 120 + TRICKY.length },
        ],
      },
      quarry: {
        articleId: 'a1',
        citation: CITATION,
        speaker: 'Marguerite Osei',
        tags: ['water, rights', 'café'],
      },
    });
    expect(document.first.items[1]).toMatchObject({
      quarry: { anchor: 'fuzzy', verbatimCheck: expect.stringContaining('higher') as string },
    });
  });

  it('writes RIS that citation-js reads back with authors, dates and special characters', async () => {
    const file = await exported('ris');
    expect(file.content).toContain('AU  - Ferreira-Lind, José');
    expect(file.content).toContain('DA  - 2016/08/02/');
    const [item] = new Cite(file.content).data;
    expect(item).toMatchObject({
      type: 'article-newspaper',
      title: CITATION.title,
      'container-title': CITATION.source,
      URL: CITATION.url,
      issued: { 'date-parts': [[2016]] },
    });
    // citation-js reads a newspaper's AU as its reporter.
    expect(JSON.stringify(item)).toContain('Ferreira-Lind');
  });

  it('writes BibTeX that citation-js reads back, with LaTeX specials escaped and Unicode kept', async () => {
    const file = await exported('bibtex');
    expect(file.content).toContain('\\&');
    expect(file.content).toContain('🎉');
    const [item] = new Cite(file.content).data;
    expect(item).toMatchObject({
      title: CITATION.title,
      author: [{ family: 'Ferreira-Lind', given: 'José' }],
      'container-title': CITATION.source,
      issued: { 'date-parts': [[2016, 8, 2]] },
      URL: CITATION.url,
    });
  });

  it('writes CSL-JSON with one item per cited article', async () => {
    const items = JSON.parse((await exported('csl')).content) as unknown[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      type: 'article-newspaper',
      title: CITATION.title,
      author: [{ family: 'Ferreira-Lind', given: 'José' }],
      'container-title': CITATION.source,
      issued: { 'date-parts': [[2016, 8, 2]] },
      URL: CITATION.url,
    });
  });

  it('writes a Word document with the quotes, notes, the drift warning and the reference list', async () => {
    const file = await exported('docx', 'chicago');
    expect(file.encoding).toBe('base64');
    const zip = await JSZip.loadAsync(Buffer.from(file.content, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
      [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
        .map((run) => (run[0] === '<w:br/>' ? '\n' : unescapeXml(run[1] ?? '')))
        .join(''),
    );
    expect(paragraphs).toContain(COLLECTION.name);
    expect(paragraphs).toContain(TRICKY);
    expect(paragraphs).toContain('— Marguerite Osei (Ferreira-Lind 2016)');
    expect(paragraphs).toContain('Note: Note with "quotes", commas & a\nline break ✓');
    expect(paragraphs).toContain('Tags: water, rights, café');
    expect(paragraphs.some((text) => text.startsWith('⚠ Verbatim check') && text.includes('higher'))).toBe(
      true,
    );
    expect(paragraphs).toContain('References');
    expect(paragraphs).toContain(
      'Ferreira-Lind, José. 2016. “The ‘River’, the Café & 🎉.” Meridian & Co, Review, August 2. https://example.org/river?a=1&b=2.',
    );
    expect(xml).toContain('w:pStyle w:val="Quote"');
  });

  it('writes Markdown whose block quotes read as saved, escaped against markup', async () => {
    const file = await exported('md', 'mla');
    expect(file.content).toContain(
      '> He said "no" & “yes”, café — naïve \\<b\\>\\*bold\\*\\</b\\> 50% #1 {x}\\_y\n> Second line 🎉, done.',
    );
    expect(file.content).toContain('— Marguerite Osei (Ferreira-Lind)');
    expect(file.content).toContain('**⚠ Verbatim check: the source now differs');
    expect(file.content).toContain('## References');
  });

  it('writes an HTML page whose text reads back exactly', async () => {
    const file = await exported('html');
    const document = new (
      globalThis as unknown as { DOMParser: new () => HtmlParser }
    ).DOMParser().parseFromString(file.content, 'text/html');
    expect(document.title).toBe(COLLECTION.name);
    expect(document.querySelector('blockquote')!.textContent).toBe(TRICKY);
    expect(document.querySelector('.speaker')!.textContent).toBe('Marguerite Osei');
    expect(document.querySelector('.note')!.textContent).toBe(`Note: ${quote('q1').note}`);
    expect(document.querySelector('.drift')!.textContent).toContain('The river ran higher');
    expect(document.querySelectorAll('.csl-entry')).toHaveLength(1);
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('lists the drift beside the file', async () => {
    const file = await exported('md');
    expect(file.drift).toEqual([
      { quoteId: 'q2', status: 'fuzzy', message: expect.stringContaining('The river ran higher') as string },
    ]);
  });
});

/** The part of the DOM this file reads; the engine project is typed without the DOM library. */
interface HtmlParser {
  parseFromString(
    text: string,
    type: string,
  ): {
    title: string;
    querySelector(selector: string): { textContent: string | null } | null;
    querySelectorAll(selector: string): { length: number };
  };
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
