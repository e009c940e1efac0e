import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleFormat } from '../../../electron/api';
import { isBinary, parseArticleBytes } from '../../../electron/engine/ingest/parse-file';
import {
  BUDGET,
  makeCsv,
  makeDocx,
  makeEml,
  makeEpub,
  makeHtml,
  makeJson,
  makeMbox,
  makePdf,
} from './samples';

const LIMITS = { maxUnpackedBytes: 20 * 1024 * 1024, parseTimeoutMs: 10_000 };

describe('parseArticleBytes', () => {
  it('skips an empty file and binary data in a text format', async () => {
    expect(await parseArticleBytes(new Uint8Array(), 'txt', 'x')).toEqual({
      ok: false,
      reason: 'empty file',
    });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    for (const format of ['txt', 'md', 'html', 'json', 'csv', 'email'] as const) {
      expect(await parseArticleBytes(png, format, 'x')).toEqual({
        ok: false,
        reason: 'binary data, not text',
      });
    }
  });

  it('reads text with a stray NUL, keeping offsets', async () => {
    const outcome = await parseArticleBytes(Buffer.from(`Head\n\n${'word '.repeat(400)}\0end`), 'txt', 'x');
    expect(outcome).toMatchObject({ ok: true, articles: [{ title: 'Head' }] });
  });

  it('reads invalid UTF-8 as Windows-1252', async () => {
    const outcome = await parseArticleBytes(
      Buffer.from('Na\xefve headline\n\nBody \x93quoted\x94.', 'latin1'),
      'txt',
      'x',
    );
    expect(outcome).toMatchObject({
      ok: true,
      articles: [{ title: 'Naïve headline', body: 'Body “quoted”.' }],
    });
  });

  it('reads a line of several megabytes', async () => {
    const line = 'word '.repeat(1_000_000);
    const outcome = await parseArticleBytes(Buffer.from(`Long line\n\n${line}`), 'txt', 'x');
    expect(outcome.ok && outcome.articles[0]!.body.length).toBe(line.trimEnd().length);
  });

  it('reads CR-only line endings', async () => {
    const outcome = await parseArticleBytes(Buffer.from('Old Mac\r\rOne\rtwo\r'), 'txt', 'x');
    expect(outcome).toMatchObject({ ok: true, articles: [{ title: 'Old Mac', body: 'One\ntwo' }] });
  });

  it('turns a parser failure into a reason rather than an exception', async () => {
    expect(await parseArticleBytes(Buffer.from('---\ntitle: [\n---\nx'), 'md', 'x')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^front matter is not valid YAML/) as string,
    });
  });
});

describe('isBinary', () => {
  it('tells binary data from text, UTF-16 included', () => {
    expect(isBinary(Buffer.from('plain text\n'))).toBe(false);
    expect(isBinary(Buffer.from('\ufeffwide text', 'utf16le'))).toBe(false);
    expect(isBinary(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 65, 66]))).toBe(true);
  });

  it('takes tabs, line breaks, form feeds and escapes for text, and a stray control character or two', () => {
    expect(isBinary(Buffer.from('Title\r\n\tBody\f\x1b[1mbold\x1b[0m\n'))).toBe(false);
    const text = 'A paragraph of ordinary text. '.repeat(20);
    expect(isBinary(Buffer.from(`${text}\x01${text}\x0b${text}`))).toBe(false);
    expect(isBinary(Buffer.from(`${text}\0${text}`))).toBe(false);
    expect(isBinary(Buffer.from(`${text}\0\0\0${text}`))).toBe(true);
    expect(isBinary(Buffer.from('ab\0c'))).toBe(true);
  });

  it('looks no further than the first 8 KB', () => {
    const text = Buffer.alloc(8192, 'a');
    expect(isBinary(Buffer.concat([text, Buffer.alloc(100, 0)]))).toBe(false);
    expect(isBinary(Buffer.concat([text.subarray(1), Buffer.alloc(100, 0)]))).toBe(false);
    expect(isBinary(Buffer.concat([text.subarray(100), Buffer.alloc(100, 0)]))).toBe(true);
  });
});

describe('every parser, fed random and damaged bytes', () => {
  const samples: Promise<[ArticleFormat, Uint8Array][]> = (async () => [
    ['txt', Buffer.from('Headline\n\nBody text.\n')],
    ['md', Buffer.from('---\ntitle: T\n---\n# H\n\n> quote\n')],
    ['html', Buffer.from(makeHtml(BUDGET))],
    ['json', Buffer.from(makeJson([BUDGET]))],
    ['csv', Buffer.from(makeCsv([BUDGET]))],
    ['email', Buffer.from(makeEml(BUDGET))],
    ['email', Buffer.from(makeMbox([BUDGET, BUDGET]))],
    ['pdf', await makePdf(BUDGET)],
    ['docx', await makeDocx(BUDGET)],
    ['epub', makeEpub(BUDGET)],
  ])();

  /** The contract: articles or a reason, never an exception, and only sane articles. */
  async function holdsContract(bytes: Uint8Array, format: ArticleFormat): Promise<void> {
    const outcome = await parseArticleBytes(bytes, format, 'fallback', LIMITS);
    if (!outcome.ok) {
      expect(typeof outcome.reason).toBe('string');
      expect(outcome.reason.length).toBeGreaterThan(0);
      return;
    }
    for (const article of outcome.articles) {
      expect(typeof article.title).toBe('string');
      for (const block of article.blocks) {
        expect(block.start).toBeGreaterThanOrEqual(0);
        expect(block.end).toBeLessThanOrEqual(article.body.length);
      }
    }
  }

  const formats: ArticleFormat[] = ['txt', 'md', 'html', 'json', 'csv', 'email', 'pdf', 'docx', 'epub'];

  it('holds the contract for random bytes in every format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom(...formats), holdsContract),
      { numRuns: 300 },
    );
  });

  it('holds the contract for random text in every format', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 2048, unit: 'binary' }),
        fc.constantFrom(...formats),
        (text, format) => holdsContract(Buffer.from(text), format),
      ),
      { numRuns: 300 },
    );
  });

  it('holds the contract for real files cut short, overwritten or spliced', async () => {
    const real = await samples;
    const mutation = fc.record({
      which: fc.nat({ max: real.length - 1 }),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      patch: fc.uint8Array({ minLength: 1, maxLength: 64 }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ which, cut, at, patch }) => {
        const [format, bytes] = real[which]!;
        const damaged = Uint8Array.from(bytes.subarray(0, Math.max(1, Math.floor(bytes.length * cut))));
        damaged.set(
          patch.subarray(0, Math.max(0, damaged.length - Math.floor(damaged.length * at))),
          Math.floor(damaged.length * at),
        );
        await holdsContract(damaged, format);
      }),
      { numRuns: 250 },
    );
  });
});
