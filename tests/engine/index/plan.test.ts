import { describe, expect, it } from 'vitest';
import { emptyCatalog, type Catalog } from '../../../electron/engine/index/catalog';
import { planShardJobs, SHARD_CAPACITY, type LibraryChanges } from '../../../electron/engine/index/plan';
import type { ShardRecord } from '../../../electron/engine/index/shard-files';
import type { FoundFile } from '../../../electron/engine/ingest/scan';

const DIR = '/data/shards';
const found = (path: string): FoundFile => ({ path, folder: '/news', format: 'txt', size: 10, mtimeMs: 1 });
const many = (count: number, prefix = 'new') =>
  Array.from({ length: count }, (_, i) => found(`/news/${prefix}-${i}.txt`));
const changes = (partial: Partial<LibraryChanges>): LibraryChanges => ({
  added: [],
  changed: [],
  removed: [],
  damaged: new Set(),
  ...partial,
});

function shardRecord(id: string, count: number, generation = 1): ShardRecord {
  return {
    id,
    generation,
    count,
    index: { name: `${id}.g${generation}.index.json`, bytes: 1, sha256: 'i' },
    articles: { name: `${id}.g${generation}.articles.jsonl`, bytes: 1, sha256: 'a' },
  };
}

/** A library with shards of the given sizes; file `/news/<shard>-<n>.txt` lives in `<shard>`. */
function library(sizes: Record<string, number>): Catalog {
  const catalog = emptyCatalog();
  catalog.folders = ['/news'];
  for (const [shard, count] of Object.entries(sizes)) {
    catalog.shards[shard] = shardRecord(shard, count, 4);
    for (let i = 0; i < count; i++) {
      catalog.files[`/news/${shard}-${i}.txt`] = {
        id: `${shard}-${i}`,
        folder: '/news',
        size: 10,
        mtimeMs: 1,
        hash: 'h',
        shard,
      };
    }
  }
  catalog.nextShard = Object.keys(sizes).length + 1;
  return catalog;
}

const paths = (files: { path: string }[]) => files.map((file) => file.path).sort();

describe('planShardJobs', () => {
  it('splits many new files across new shards, one per thread', () => {
    const added = many(1000);
    const { jobs, nextShard } = planShardJobs(emptyCatalog(), changes({ added }), DIR, 2);
    expect(jobs.map((job) => [job.shard, job.generation, job.read.length, job.keep])).toEqual([
      ['s0001', 1, 500, null],
      ['s0002', 1, 500, null],
    ]);
    expect(paths(jobs.flatMap((job) => job.read))).toEqual(paths(added));
    expect(jobs.every((job) => job.shardsDir === DIR)).toBe(true);
    expect(nextShard).toBe(3);
  });

  it('keeps new files in one shard for one thread', () => {
    expect(planShardJobs(emptyCatalog(), changes({ added: many(1000) }), DIR, 1).jobs).toHaveLength(1);
  });

  it('never fills a shard beyond its capacity', () => {
    const { jobs } = planShardJobs(emptyCatalog(), changes({ added: many(9000) }), DIR, 2);
    expect(jobs.length).toBe(3);
    expect(jobs.every((job) => job.read.length <= SHARD_CAPACITY)).toBe(true);
    expect(jobs.reduce((sum, job) => sum + job.read.length, 0)).toBe(9000);
  });

  it('adds a few new files to the smallest shard, carrying its articles over', () => {
    const catalog = library({ s0001: 30, s0002: 5, s0003: 12 });
    const added = many(10);
    const { jobs, nextShard } = planShardJobs(catalog, changes({ added }), DIR, 2);
    expect(jobs).toHaveLength(1);
    const [job] = jobs;
    expect(job).toMatchObject({ shard: 's0002', generation: 5 });
    expect(paths(job!.read)).toEqual(paths(added));
    expect(job!.keep!.from).toBe(catalog.shards.s0002);
    expect(job!.keep!.files).toHaveLength(5);
    expect(nextShard).toBe(4);
  });

  it('opens a new shard for a few new files in an empty library', () => {
    const { jobs } = planShardJobs(emptyCatalog(), changes({ added: many(3) }), DIR, 2);
    expect(jobs.map((job) => [job.shard, job.read.length])).toEqual([['s0001', 3]]);
  });

  it('rebuilds only the shards of changed and removed files', () => {
    const catalog = library({ s0001: 4, s0002: 3, s0003: 6 });
    const { jobs } = planShardJobs(
      catalog,
      changes({ changed: [found('/news/s0001-2.txt')], removed: ['/news/s0003-0.txt'] }),
      DIR,
      2,
    );
    const byShard = Object.fromEntries(jobs.map((job) => [job.shard, job]));
    expect(Object.keys(byShard).sort()).toEqual(['s0001', 's0003']);
    expect(paths(byShard.s0001!.read)).toEqual(['/news/s0001-2.txt']);
    expect(paths(byShard.s0001!.keep!.files)).toEqual([
      '/news/s0001-0.txt',
      '/news/s0001-1.txt',
      '/news/s0001-3.txt',
    ]);
    expect(byShard.s0003!.read).toEqual([]);
    expect(paths(byShard.s0003!.keep!.files)).toHaveLength(5);
    expect(paths(byShard.s0003!.keep!.files)).not.toContain('/news/s0003-0.txt');
    expect(byShard.s0003!.generation).toBe(5);
  });

  it('re-reads every file of a damaged shard instead of carrying any over', () => {
    const catalog = library({ s0001: 4, s0002: 3 });
    const { jobs } = planShardJobs(catalog, changes({ damaged: new Set(['s0002']) }), DIR, 2);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ shard: 's0002', keep: null });
    expect(paths(jobs[0]!.read)).toEqual(['/news/s0002-0.txt', '/news/s0002-1.txt', '/news/s0002-2.txt']);
  });

  it('plans an empty job for a shard whose files are all gone', () => {
    const catalog = library({ s0001: 2, s0002: 3 });
    const { jobs } = planShardJobs(
      catalog,
      changes({ removed: ['/news/s0001-0.txt', '/news/s0001-1.txt'] }),
      DIR,
      2,
    );
    expect(jobs).toEqual([{ shardsDir: DIR, shard: 's0001', generation: 5, keep: null, read: [] }]);
  });

  it('plans nothing when nothing changed', () => {
    expect(planShardJobs(library({ s0001: 3 }), changes({}), DIR, 2).jobs).toEqual([]);
  });

  it('puts the biggest jobs first', () => {
    const catalog = library({ s0001: 2, s0002: 40 });
    const { jobs } = planShardJobs(
      catalog,
      changes({ changed: [found('/news/s0001-0.txt'), found('/news/s0002-0.txt')] }),
      DIR,
      2,
    );
    expect(jobs.map((job) => job.shard)).toEqual(['s0002', 's0001']);
  });
});
