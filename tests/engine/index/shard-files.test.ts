import { mkdir, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { Analyzer } from '../../../electron/engine/index/analyzer';
import { ShardBuilder } from '../../../electron/engine/index/shard-builder';
import {
  openShard,
  readShardArticles,
  removeShardFiles,
  ShardDamagedError,
  verifyShardFiles,
  writeShard,
  type ShardRecord,
} from '../../../electron/engine/index/shard-files';
import type { Article } from '../../../electron/engine/ingest/article';
import { findArticleQuotations } from '../../../electron/engine/quotes/article-quotes';
import { makeArticle, tempDirs } from '../fixtures';

const tempDir = tempDirs();
// Read back, each article carries the quotations found when it was indexed.
const ARTICLES = [
  makeArticle('mutu', 'Chelsea sack Mutu', 'Chelsea have sacked Adrian Mutu over a £15.8m fee.', {
    date: '2004-10-29',
  }),
  makeArticle(
    'budget',
    'Budget day',
    'The chancellor, Gordon Brown, set out the budget. "It is a budget for growth," he said.',
    { source: 'The Ledger' },
  ),
].map((article) => ({ ...article, quotations: findArticleQuotations(article) }));

let folder: string;
let record: ShardRecord;

function bytesOf(articles: readonly Article[]) {
  const builder = new ShardBuilder();
  builder.add(articles);
  return builder.finish();
}

beforeEach(async () => {
  folder = join(await tempDir(), 'shards');
  record = await writeShard(folder, 's0001', 1, ARTICLES.length, bytesOf(ARTICLES));
});

async function flipByte(name: string, at: number): Promise<void> {
  const bytes = await readFile(join(folder, name));
  bytes[at] = bytes[at]! ^ 0x01;
  await writeFile(join(folder, name), bytes);
}

describe('writeShard', () => {
  it('gives a record naming the three files of this generation with their sizes and checksums', async () => {
    expect(record).toMatchObject({
      id: 's0001',
      generation: 1,
      count: 2,
      index: { name: 's0001.g1.index' },
      articles: { name: 's0001.g1.text' },
      positions: { name: 's0001.g1.pos' },
    });
    expect(record.index.bytes).toBe((await readFile(join(folder, record.index.name))).length);
    expect(record.articles.crc32).toBe(crc32(await readFile(join(folder, record.articles.name))));
  });

  it('writes a new generation beside the one in use without touching it', async () => {
    const before = await readFile(join(folder, record.articles.name));
    const next = await writeShard(folder, 's0001', 2, 1, bytesOf(ARTICLES.slice(0, 1)));
    expect(next.articles.name).toBe('s0001.g2.text');
    expect(await readFile(join(folder, record.articles.name))).toEqual(before);
    expect(await readShardArticles(folder, record)).toHaveLength(2);
  });
});

describe('openShard', () => {
  it('opens a shard whose articles and terms read back as written', async () => {
    const shard = await openShard(folder, record);
    expect(shard.count).toBe(2);
    expect(shard.docs.ids.list()).toEqual(['mutu', 'budget']);
    expect(shard.termIndex('mutu')).toBeGreaterThanOrEqual(0);
    expect(shard.termIndex('the')).toBe(-1);
    expect(shard.normIndex('the')).toBeGreaterThanOrEqual(0);
    expect(shard.article(0)).toEqual(ARTICLES[0]);
  });

  it('finds every word of a later shard built on the same thread, words sorting between earlier ones included', async () => {
    const analyzer = new Analyzer();
    const first = new ShardBuilder(analyzer);
    first.add([makeArticle('orchard', 'Orchard', 'Apple cherry melon.')]);
    await writeShard(folder, 's0002', 1, 1, first.finish());
    const second = new ShardBuilder(analyzer);
    second.add([makeArticle('grove', 'Grove', 'Banana damson aardvark zebra; apple and melon.')]);
    const shard = await openShard(folder, await writeShard(folder, 's0003', 1, 1, second.finish()));
    for (const word of ['aardvark', 'appl', 'banana', 'damson', 'melon', 'zebra']) {
      expect(shard.termIndex(word), word).toBeGreaterThanOrEqual(0);
    }
    expect(shard.termIndex('cherri')).toBe(-1);
    for (const word of ['aardvark', 'and', 'apple', 'banana', 'damson', 'grove', 'melon', 'zebra']) {
      expect(shard.normIndex(word), word).toBeGreaterThanOrEqual(0);
    }
    expect(shard.normIndex('cherry')).toBe(-1);
  });

  it('applies the deletions recorded for the shard', async () => {
    const shard = await openShard(folder, { ...record, deleted: [1] });
    expect(shard.liveCount).toBe(1);
    expect(shard.isLive(1)).toBe(false);
  });

  it('throws ShardDamagedError for a flipped byte in the index file', async () => {
    await flipByte(record.index.name, 200);
    await expect(openShard(folder, record)).rejects.toThrow(
      /s0001 is damaged: s0001\.g1\.index fails its checksum/,
    );
  });

  it('reads an index file of several pieces, and finds a flipped byte past the first', async () => {
    // Words of their own in every article make a dictionary and postings of more than a megabyte.
    const articles = Array.from({ length: 1500 }, (_, i) =>
      makeArticle(
        `a${i}`,
        `Report ${i}`,
        Array.from({ length: 120 }, (_, w) => `w${(i * 7919 + w * 104729) % 999983}x${w}`).join(' '),
      ),
    );
    const big = await writeShard(folder, 's0009', 1, articles.length, bytesOf(articles));
    expect(big.index.bytes).toBeGreaterThan(1024 * 1024 + 1000);
    expect((await openShard(folder, big)).count).toBe(1500);
    await flipByte(big.index.name, 1024 * 1024 + 500);
    await expect(openShard(folder, big)).rejects.toThrow(/s0009\.g1\.index fails its checksum/);
  });

  it('calls an index file that cannot be read damaged, saying why', async () => {
    const path = join(folder, record.index.name);
    await rm(path);
    await mkdir(path);
    const bytes = (await stat(path)).size;
    await expect(openShard(folder, { ...record, index: { ...record.index, bytes } })).rejects.toThrow(
      /s0001 is damaged: s0001\.g1\.index cannot be read: is a folder/,
    );
  });

  it('throws ShardDamagedError for a truncated or missing text file, without reading it whole', async () => {
    await truncate(join(folder, record.articles.name), record.articles.bytes - 10);
    await expect(openShard(folder, record)).rejects.toThrow(/s0001\.g1\.text has \d+ bytes, expected/);
    await rm(join(folder, record.articles.name));
    await expect(openShard(folder, record)).rejects.toThrow(/s0001\.g1\.text is missing/);
  });

  it('refuses a shard an older Quarry wrote as it does a damaged one, and says why without calling it damaged', async () => {
    const { version: _version, ...older } = record;
    const opening = openShard(folder, older);
    await expect(opening).rejects.toThrow(ShardDamagedError);
    await expect(opening).rejects.toThrow('index shard s0001 was written by an older version of Quarry');
  });

  it('detects a damaged text block when the article is read', async () => {
    await flipByte(record.articles.name, 5);
    const shard = await openShard(folder, record);
    expect(() => shard.storedText(0)).toThrow(/text block 0 fails its checksum/);
  });
});

describe('verifyShardFiles', () => {
  it('accepts intact files and rejects a flipped byte in any of them', async () => {
    await expect(verifyShardFiles(folder, record)).resolves.toBeUndefined();
    await flipByte(record.positions!.name, 3);
    await expect(verifyShardFiles(folder, record)).rejects.toThrow(ShardDamagedError);
  });
});

describe('readShardArticles', () => {
  it('reads back the articles written, unchanged', async () => {
    expect(await readShardArticles(folder, record)).toEqual(ARTICLES);
  });

  it('reads back text that JSON escapes or UTF-8 spreads over several bytes, and every extra a record carries', async () => {
    const base = makeArticle(
      'letters',
      'Letters from Tōkyō',
      'Tōkyō 東京 — “the \\ back\\slash” and "quotes" \u2028 🐟.\n\nSecond page.',
    );
    const letters: Article = {
      ...base,
      language: 'ja',
      sourceMap: [
        { start: 0, end: 10, page: 1 },
        { start: 10, end: 20, offset: 4096, part: 'ch1.xhtml' },
      ],
      locator: 'record 3',
      url: 'https://example.org/letters',
      tags: ['post', 'japan'],
      quotations: findArticleQuotations(base),
    };
    const written = await writeShard(folder, 's0002', 1, 1, bytesOf([letters]));
    expect(await readShardArticles(folder, written)).toEqual([letters]);
  });

  it('reads only the articles asked for, and leaves out deleted ones by default', async () => {
    expect((await readShardArticles(folder, record, [1])).map((a) => a.id)).toEqual(['budget']);
    expect((await readShardArticles(folder, { ...record, deleted: [0] })).map((a) => a.id)).toEqual([
      'budget',
    ]);
  });

  it('throws ShardDamagedError for a flipped byte in any file', async () => {
    await flipByte(record.articles.name, 40);
    await expect(readShardArticles(folder, record)).rejects.toThrow(/fails its checksum/);
  });
});

describe('removeShardFiles', () => {
  it('removes every file of a generation and does not mind when they are gone', async () => {
    await removeShardFiles(folder, record);
    expect(await readdir(folder)).toEqual([]);
    await expect(removeShardFiles(folder, record)).resolves.toBeUndefined();
  });
});

describe('the stored quotations', () => {
  it('keep each quotation with its speaker, offsets into the body', () => {
    expect(ARTICLES[1]!.quotations).toEqual([
      expect.objectContaining({
        text: '"It is a budget for growth,"',
        speaker: 'Gordon Brown',
        kind: 'direct',
      }),
    ]);
  });
});
