import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { open, openSync } from 'node:fs';
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  articleId,
  DEFAULT_LIMITS,
  parseArticleBytes,
  readArticle,
} from '../../../electron/engine/ingest/read-article';
import { BUDGET, makeCsv, variant } from './samples';
import { tempDirs, writeFiles } from '../fixtures';

// Opening files is watched, and can be slowed, as on a network share.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, open: vi.fn(fs.open), openSync: vi.fn(fs.openSync) };
});

const tempDir = tempDirs();
let root: string;

beforeAll(async () => {
  root = await tempDir();
  await writeFiles(root, {
    'mutu.txt': 'Chelsea sack Mutu\r\n\r\nChelsea have sacked Adrian Mutu.\r\n',
    'budget.md': '---\ntitle: Budget day\ndate: 2019-03-04\nsource: The Ledger\n---\nThe chancellor spoke.\n',
    'empty.txt': '',
    'blank.md': '  \n\t\n\n',
    'binary.txt': Uint8Array.from([0x48, 0x69, 0x00, 0x01, 0x02, 0x00]),
    'utf16.txt': Uint8Array.from([0xff, 0xfe, ...Buffer.from('Wide headline\n\nWide body.', 'utf16le')]),
    'bad-front.md': '---\ntitle: [unclosed\n---\nBody\n',
    'sheet.xlsx': 'PK',
    'no-heading_here.md': 'Only a paragraph.\n',
  });
});

describe('readArticle', () => {
  it('reads a text file into an article with its file facts', async () => {
    const path = join(root, 'mutu.txt');
    const outcome = await readArticle(path, root);
    expect(outcome).toMatchObject({
      ok: true,
      articles: [
        {
          id: articleId(path),
          path,
          folder: root,
          format: 'txt',
          title: 'Chelsea sack Mutu',
          body: 'Chelsea have sacked Adrian Mutu.',
          size: Buffer.byteLength('Chelsea sack Mutu\r\n\r\nChelsea have sacked Adrian Mutu.\r\n'),
        },
      ],
    });
  });

  it('reads Markdown front matter into the article', async () => {
    const outcome = await readArticle(join(root, 'budget.md'), root);
    expect(outcome).toMatchObject({
      ok: true,
      articles: [{ format: 'md', title: 'Budget day', date: '2019-03-04', source: 'The Ledger' }],
    });
  });

  it('hashes the bytes of the file with SHA-256', async () => {
    const bytes = 'Hash me\n\nPlease.\n';
    await writeFile(join(root, 'hash.txt'), bytes);
    const outcome = await readArticle(join(root, 'hash.txt'), root);
    expect(outcome.ok && outcome.articles[0]!.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('keeps the id when the file changes, and changes the hash', async () => {
    const path = join(root, 'changing.txt');
    await writeFile(path, 'First\n\nVersion one.\n');
    const first = await readArticle(path, root);
    const again = await readArticle(path, root);
    await writeFile(path, 'First\n\nVersion two.\n');
    const second = await readArticle(path, root);
    if (!first.ok || !again.ok || !second.ok) throw new Error('expected the file to be read');
    const [one, two, three] = [first.articles[0]!, again.articles[0]!, second.articles[0]!];
    expect(two.id).toBe(one.id);
    expect(two.hash).toBe(one.hash);
    expect(three.id).toBe(one.id);
    expect(three.hash).not.toBe(one.hash);
  });

  it('skips an empty file', async () => {
    expect(await readArticle(join(root, 'empty.txt'), root)).toEqual({ ok: false, reason: 'empty file' });
  });

  it('skips a file with NUL bytes as binary', async () => {
    expect(await readArticle(join(root, 'binary.txt'), root)).toEqual({
      ok: false,
      reason: 'binary data, not text',
    });
  });

  it('reads UTF-16 text even though its bytes hold NULs', async () => {
    const outcome = await readArticle(join(root, 'utf16.txt'), root);
    expect(outcome).toMatchObject({ ok: true, articles: [{ title: 'Wide headline', body: 'Wide body.' }] });
  });

  it('skips a file of only blank space', async () => {
    expect(await readArticle(join(root, 'blank.md'), root)).toEqual({
      ok: false,
      reason: 'no text (only blank space)',
    });
  });

  it('skips Markdown with invalid front matter, saying where', async () => {
    const outcome = await readArticle(join(root, 'bad-front.md'), root);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toMatch(/^front matter is not valid YAML \(line 2, column \d+\)/);
  });

  it('refuses an unsupported extension without reading it', async () => {
    expect(await readArticle(join(root, 'sheet.xlsx'), root)).toEqual({
      ok: false,
      reason: 'unsupported file type (.xlsx)',
    });
  });

  it('reports a missing file as a reason rather than throwing', async () => {
    expect(await readArticle(join(root, 'gone.txt'), root)).toEqual({
      ok: false,
      reason: 'not found (moved or deleted?)',
    });
  });

  it.skipIf(process.platform === 'win32')(
    'reports a named pipe with a text extension as not a regular file instead of waiting on it',
    async () => {
      const pipe = join(root, 'pipe.txt');
      execFileSync('mkfifo', [pipe]);
      expect(await readArticle(pipe, root)).toEqual({ ok: false, reason: 'not a regular file' });
    },
  );

  it('makes a title from the file name when the Markdown has none', async () => {
    const outcome = await readArticle(join(root, 'no-heading_here.md'), root);
    expect(outcome.ok && outcome.articles[0]!.title).toBe('no heading here');
  });
});

describe('readArticle limits', () => {
  it('reports a 500 MB text file over the limit without reading it', async () => {
    const path = join(root, 'huge.txt');
    await writeFile(path, 'Huge\n\n');
    // A sparse file: 500 MB long, next to nothing on disk.
    await truncate(path, 500 * 1024 * 1024);
    const started = performance.now();
    expect(await readArticle(path, root)).toEqual({
      ok: false,
      reason: 'over the limit: 500 MB (the limit is 50 MB)',
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reports an article longer than the limit rather than cutting it', async () => {
    const path = join(root, 'long.txt');
    await writeFile(path, `Long\n\n${'x'.repeat(200)}`);
    expect(await readArticle(path, root, { ...DEFAULT_LIMITS, maxArticleChars: 100 })).toEqual({
      ok: false,
      reason: 'over the limit: the article has 200 characters (the limit is 100)',
    });
  });

  it('keeps the other records when one is over the length limit, and says so', async () => {
    const path = join(root, 'records.csv');
    const long = { ...BUDGET, title: 'Long one', paragraphs: ['y'.repeat(500)] };
    await writeFile(path, makeCsv([variant(BUDGET, 1), long]));
    const outcome = await readArticle(path, root, { ...DEFAULT_LIMITS, maxArticleChars: 300 });
    expect(outcome).toMatchObject({
      ok: true,
      articles: [{ title: 'Budget day 1', locator: 'record 1', id: articleId(`${path}#1`) }],
      notes: ['over the limit: record 2 has 500 characters (the limit is 300)'],
    });
  });

  it('reports a file holding more articles than the limit', async () => {
    const path = join(root, 'many.csv');
    await writeFile(path, makeCsv([1, 2, 3].map((n) => variant(BUDGET, n))));
    expect(await readArticle(path, root, { ...DEFAULT_LIMITS, maxArticlesPerFile: 2 })).toEqual({
      ok: false,
      reason: 'over the limit: 3 articles in one file (the limit is 2)',
    });
  });

  it('gives each record its own id, stable under its key', async () => {
    const path = join(root, 'keyed.json');
    await writeFile(
      path,
      JSON.stringify([
        { id: 'k1', title: 'One', body: 'a' },
        { id: 'k1', title: 'Two', body: 'b' },
      ]),
    );
    const outcome = await readArticle(path, root);
    expect(outcome.ok && outcome.articles.map((article) => article.id)).toEqual([
      articleId(`${path}#k1`),
      articleId(`${path}##2`),
    ]);
  });
});

describe('readArticle on a slow share', () => {
  it('reads the files of a folder that answers slowly side by side, on the thread pool', async () => {
    const share = await tempDir();
    const names = Array.from({ length: 12 }, (_, i) => `${String(i).padStart(2, '0')}.txt`);
    await writeFiles(
      share,
      Object.fromEntries(names.map((name) => [name, `Headline ${name}\n\nBody of ${name}.`])),
    );
    const realOpenSync = vi.mocked(openSync).getMockImplementation()!;
    const realOpen = vi.mocked(open).getMockImplementation()!;
    vi.mocked(openSync).mockClear();
    vi.mocked(open).mockClear();
    vi.mocked(openSync).mockImplementation(((path: string, flags: number) => {
      const until = performance.now() + 25;
      while (performance.now() < until);
      return realOpenSync(path, flags);
    }) as typeof openSync);
    let inFlight = 0;
    let mostInFlight = 0;
    vi.mocked(open).mockImplementation(((
      path: string,
      flags: number,
      done: (error: Error | null, fd: number) => void,
    ) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      const openFile = realOpen as unknown as (
        path: string,
        flags: number,
        done: (error: Error | null, fd: number) => void,
      ) => void;
      openFile(path, flags, (error, fd) => {
        inFlight--;
        done(error, fd);
      });
    }) as typeof open);
    try {
      const outcomes = await Promise.all(names.map((name) => readArticle(join(share, name), share)));
      expect(outcomes.map((outcome) => outcome.ok && outcome.articles[0]!.body)).toEqual(
        names.map((name) => `Body of ${name}.`),
      );
      // The first two, read in turn, show the folder slow; the rest are opened on the pool, all at once.
      expect(vi.mocked(openSync).mock.calls.map(([path]) => String(path))).toEqual(
        names.slice(0, 2).map((name) => join(share, name)),
      );
      expect(vi.mocked(open).mock.calls).toHaveLength(10);
      expect(mostInFlight).toBe(10);
      // Another folder is judged on its own.
      const local = await readArticle(join(root, 'mutu.txt'), root);
      expect(local.ok).toBe(true);
      expect(vi.mocked(open).mock.calls).toHaveLength(10);
    } finally {
      vi.mocked(openSync).mockImplementation(realOpenSync);
      vi.mocked(open).mockImplementation(realOpen);
    }
  });
});

describe('articleId', () => {
  it('is the same for the same path and differs between paths', () => {
    expect(articleId('/library/a.txt')).toBe(articleId('/library/a.txt'));
    expect(articleId('/library/a.txt')).not.toBe(articleId('/library/b.txt'));
    expect(articleId('/library/a.txt')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('parseArticleBytes', () => {
  it('normalises CRLF before parsing', async () => {
    const outcome = await parseArticleBytes(Buffer.from('Head\r\n\r\nOne\r\ntwo\r\n'), 'txt', 'x');
    expect(outcome).toMatchObject({ ok: true, articles: [{ title: 'Head', body: 'One\ntwo' }] });
  });
});
