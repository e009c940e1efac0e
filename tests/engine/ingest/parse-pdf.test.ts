import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parsePdf, pdfDate } from '../../../electron/engine/ingest/parse-pdf';
import { BUDGET, makePdf } from './samples';

const options = { timeoutMs: 20_000 };

describe('parsePdf', () => {
  it('reads the text in paragraphs with title, author, date and the page of each paragraph', async () => {
    const article = await parsePdf(await makePdf(BUDGET, 2), 'fallback', options);
    expect(article).toMatchObject({ title: 'Budget day', author: 'Jane Doe', date: '2019-03-04' });
    expect(article.blocks).toHaveLength(6);
    expect(article.body.split('\n\n')[0]).toBe(
      'The chancellor set out the budget on Monday, promising investment in railways and schools. (page 1, part 1)',
    );
    expect(article.sourceMap!.map((span) => span.page)).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it('drops the running header and the page numbers', async () => {
    const article = await parsePdf(await makePdf(BUDGET, 2), 'fallback', options);
    expect(article.body).not.toContain('Archive copy');
    expect(article.body).not.toMatch(/^\d+$/m);
  });

  it('undoes hyphenation at line ends and takes the largest type as the headline when the title is unset', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    page.drawText('Floods in the valley', { x: 50, y: 780, size: 20, font });
    page.drawText('Rivers rose after a week of rain and inter-', { x: 50, y: 740, size: 11, font });
    page.drawText('national help arrived on Friday.', { x: 50, y: 726, size: 11, font });
    const article = await parsePdf(await pdf.save(), 'fallback', options);
    expect(article.title).toBe('Floods in the valley');
    expect(article.body).toContain(
      'Rivers rose after a week of rain and international help arrived on Friday.',
    );
  });

  it('reports a PDF without text as probably scanned', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]);
    await expect(parsePdf(await pdf.save(), 'x', options)).rejects.toThrow('no text (scanned?)');
  });

  it('reports a truncated or corrupt PDF in words', async () => {
    const bytes = await makePdf(BUDGET);
    await expect(parsePdf(bytes.slice(0, 300), 'x', options)).rejects.toThrow(/PDF/);
    await expect(parsePdf(new TextEncoder().encode('%PDF-1.7 nothing else'), 'x', options)).rejects.toThrow(
      /PDF/,
    );
  });

  it('reports an encrypted PDF as password protected', async () => {
    // A minimal PDF whose trailer names an encryption dictionary that needs a user password.
    const encrypted = new TextEncoder().encode(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
        '3 0 obj<</Filter/Standard/V 1/R 2/O(' +
        'a'.repeat(32) +
        ')/U(' +
        'b'.repeat(32) +
        ')/P -4>>endobj\n' +
        'trailer<</Root 1 0 R/Encrypt 3 0 R/ID[<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>]>>\n%%EOF',
    );
    await expect(parsePdf(encrypted, 'x', options)).rejects.toThrow('password protected');
  });
});

describe('pdfDate', () => {
  it('reads PDF dates as calendar days', () => {
    expect(pdfDate("D:20190304093000+01'00'")).toBe('2019-03-04');
    expect(pdfDate('D:2019')).toBe('2019');
    expect(pdfDate('yesterday')).toBeNull();
    expect(pdfDate(undefined)).toBeNull();
  });
});
