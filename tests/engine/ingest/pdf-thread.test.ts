import { describe, expect, it } from 'vitest';
import { parsePdf, PdfError } from '../../../electron/engine/ingest/parse-pdf';
import { readPdfOffThread } from '../../../electron/engine/ingest/pdf-thread';
import { BUDGET, makePdf } from './samples';

/**
 * A PDF of one page holding `lines` lines of text in one content stream,
 * written by hand: enough of them keep pdf.js computing for many seconds.
 */
function pdfWithLines(lines: number): Uint8Array {
  const content = `BT /F1 10 Tf 12 TL 40 800 Td ${'(A line of text that pdf.js must place) Tj T* '.repeat(lines)}ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

const generous = { timeoutMs: 60_000 };

describe('readPdfOffThread', () => {
  it('reads a PDF on its own thread exactly as parsePdf does', async () => {
    const bytes = await makePdf(BUDGET, 2);
    expect(await readPdfOffThread(bytes, 'fallback', generous)).toEqual(
      await parsePdf(bytes, 'fallback', generous),
    );
    expect((await readPdfOffThread(pdfWithLines(3), 'Three lines', generous)).body).toContain(
      'A line of text that pdf.js must place',
    );
  });

  it('gives the reason a PDF cannot be read, as parsePdf does', async () => {
    await expect(
      readPdfOffThread(new TextEncoder().encode('%PDF-1.4 broken'), 'x', generous),
    ).rejects.toThrow(PdfError);
  });

  it('stops a PDF that keeps pdf.js busy past its time, says it took too long, and reads the next one', async () => {
    // Ready a thread first, so the time limit falls on the reading alone.
    await readPdfOffThread(pdfWithLines(3), 'warm', generous);
    const huge = pdfWithLines(400_000);
    await expect(readPdfOffThread(huge, 'huge', { timeoutMs: 300 })).rejects.toThrow(/took too long to read/);
    const after = await readPdfOffThread(await makePdf(BUDGET), 'fallback', generous);
    expect(after.title).toBe('Budget day');
  }, 120_000);
});
