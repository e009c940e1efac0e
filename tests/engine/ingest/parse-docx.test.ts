import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { parseDocx } from '../../../electron/engine/ingest/parse-docx';
import { BUDGET, makeDocx } from './samples';

const LIMIT = 50 * 1024 * 1024;

describe('parseDocx', () => {
  it('reads the paragraphs, the title, the author, and quotation styles as quotes', async () => {
    const article = await parseDocx(await makeDocx(BUDGET), 'fallback', LIMIT);
    expect(article).toMatchObject({ title: 'Budget day', author: 'Jane Doe' });
    expect(article.body.startsWith('The chancellor set out the budget')).toBe(true);
    const quotes = article.blocks.filter((block) => block.kind === 'quote');
    expect(quotes.map((block) => article.body.slice(block.start, block.end))).toEqual([
      '“No new taxes,” she said.',
    ]);
  });

  it('reports a truncated file as a corrupt zip', async () => {
    const bytes = await makeDocx(BUDGET);
    await expect(parseDocx(bytes.slice(0, bytes.length - 100), 'x', LIMIT)).rejects.toThrow(
      'not a valid DOCX (corrupt zip)',
    );
  });

  it('reports a zip that is not a Word document', async () => {
    await expect(parseDocx(zipSync({ 'a.txt': strToU8('hello') }), 'x', LIMIT)).rejects.toThrow(
      'not a Word document (no word/document.xml inside)',
    );
  });

  it('refuses a document that unpacks beyond the limit, before unpacking it', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(2_000_000) });
    await expect(parseDocx(bomb, 'x', 1_000_000)).rejects.toThrow(/^over the limit/);
  });
});
