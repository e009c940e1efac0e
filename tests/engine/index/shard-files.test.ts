import { createHash } from 'node:crypto';
import { readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildLunrIndex } from '../../../electron/engine/index/lunr-index';
import {
  SHARD_FORMAT_VERSION,
  readShardArticles,
  readShardIndex,
  removeShardFiles,
  ShardDamagedError,
  writeShard,
  type ShardRecord,
} from '../../../electron/engine/index/shard-files';
import { makeArticle, tempDirs } from '../fixtures';

const tempDir = tempDirs();
const ARTICLES = [
  makeArticle('mutu', 'Chelsea sack Mutu', 'Chelsea have sacked Adrian Mutu over a £15.8m fee.', {
    date: '2004-10-29',
  }),
  makeArticle('budget', 'Budget day', 'The chancellor set out the budget.', { source: 'The Ledger' }),
];

let folder: string;
let record: ShardRecord;

beforeEach(async () => {
  folder = join(await tempDir(), 'shards');
  record = await writeShard(folder, 's0001', 1, ARTICLES, buildLunrIndex(ARTICLES));
});

async function flipByte(name: string, at: number): Promise<void> {
  const bytes = await readFile(join(folder, name));
  bytes[at] = bytes[at]! ^ 0x01;
  await writeFile(join(folder, name), bytes);
}

describe('writeShard', () => {
  it('gives a record naming the files of this generation with their sizes and checksums', async () => {
    expect(record).toMatchObject({
      id: 's0001',
      generation: 1,
      count: 2,
      index: { name: 's0001.g1.index.json' },
      articles: { name: 's0001.g1.articles.jsonl' },
    });
    expect(record.index.bytes).toBe((await readFile(join(folder, record.index.name))).length);
    expect(record.articles.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes a new generation beside the one in use without touching it', async () => {
    const before = await readFile(join(folder, record.articles.name));
    const next = await writeShard(
      folder,
      's0001',
      2,
      ARTICLES.slice(0, 1),
      buildLunrIndex(ARTICLES.slice(0, 1)),
    );
    expect(next.articles.name).toBe('s0001.g2.articles.jsonl');
    expect(await readFile(join(folder, record.articles.name))).toEqual(before);
    expect(await readShardArticles(folder, record)).toHaveLength(2);
  });
});

describe('readShardArticles', () => {
  it('reads back the articles written, unchanged', async () => {
    expect(await readShardArticles(folder, record)).toEqual(ARTICLES);
  });

  it('throws ShardDamagedError for a truncated file', async () => {
    await truncate(join(folder, record.articles.name), record.articles.bytes - 10);
    const reading = readShardArticles(folder, record);
    await expect(reading).rejects.toBeInstanceOf(ShardDamagedError);
    await expect(reading).rejects.toThrow(/s0001 is damaged: .*has \d+ bytes, expected/);
  });

  it('throws ShardDamagedError for a flipped byte', async () => {
    await flipByte(record.articles.name, 40);
    await expect(readShardArticles(folder, record)).rejects.toThrow(ShardDamagedError);
    await expect(readShardArticles(folder, record)).rejects.toThrow(/fails its checksum/);
  });

  it('throws ShardDamagedError for a missing file', async () => {
    await rm(join(folder, record.articles.name));
    await expect(readShardArticles(folder, record)).rejects.toThrow(ShardDamagedError);
    await expect(readShardArticles(folder, record)).rejects.toThrow(/is missing/);
  });

  it('throws ShardDamagedError for a well-formed file of another format version', async () => {
    const other = (await readFile(join(folder, record.articles.name), 'utf8')).replace(
      `"version":${SHARD_FORMAT_VERSION}`,
      '"version":999',
    );
    await writeFile(join(folder, record.articles.name), other);
    const sha256 = createHash('sha256').update(other).digest('hex');
    const forged = { ...record, articles: { ...record.articles, bytes: Buffer.byteLength(other), sha256 } };
    await expect(readShardArticles(folder, forged)).rejects.toThrow(ShardDamagedError);
    await expect(readShardArticles(folder, forged)).rejects.toThrow(/another format version/);
  });
});

describe('readShardIndex', () => {
  it('reads back a Lunr index that answers queries', async () => {
    const index = await readShardIndex(folder, record);
    expect(index.search('mutu').map((result) => result.ref)).toEqual(['mutu']);
    expect(index.search('chancellor').map((result) => result.ref)).toEqual(['budget']);
  });

  it('throws ShardDamagedError for a truncated file', async () => {
    await truncate(join(folder, record.index.name), 100);
    await expect(readShardIndex(folder, record)).rejects.toThrow(ShardDamagedError);
  });

  it('throws ShardDamagedError for a flipped byte', async () => {
    await flipByte(record.index.name, 200);
    await expect(readShardIndex(folder, record)).rejects.toThrow(ShardDamagedError);
  });

  it('throws ShardDamagedError for a missing file', async () => {
    await rm(join(folder, record.index.name));
    await expect(readShardIndex(folder, record)).rejects.toThrow(ShardDamagedError);
  });
});

describe('removeShardFiles', () => {
  it('removes both files of a generation and does not mind when they are gone', async () => {
    await removeShardFiles(folder, record);
    expect(await readdir(folder)).toEqual([]);
    await expect(removeShardFiles(folder, record)).resolves.toBeUndefined();
  });
});
