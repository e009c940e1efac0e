import { describe, expect, it } from 'vitest';
import { emptyCatalog, type Catalog } from '../../../electron/engine/index/catalog';
import { knownFiles } from '../../../electron/engine/index/changes';
import {
  DELTA_CAPACITY,
  DELTA_LIMIT,
  FirstBuildJobs,
  planShardJobs,
  SHARD_CAPACITY,
  type LibraryChanges,
} from '../../../electron/engine/index/plan';
import type { Shard } from '../../../electron/engine/index/shard';
import type { ShardRecord } from '../../../electron/engine/index/shard-files';
import type { ShardJob } from '../../../electron/engine/index/shard-job';
import type { FoundFile } from '../../../electron/engine/ingest/scan';
import { makeArticle, memoryShard } from '../fixtures';

function found(name: string): FoundFile {
  return { path: `/library/${name}.txt`, folder: '/library', format: 'txt', size: 10, mtimeMs: 1 };
}

function record(id: string, count: number): ShardRecord {
  const file = { name: id, bytes: 0, crc32: 0 };
  return { id, generation: 1, count, version: 3, index: file, articles: file, positions: file };
}

/** A library of shards of the given sizes; articles are named `<shard>-<n>`. */
function library(sizes: Record<string, number>, delta?: string) {
  const catalog: Catalog = { ...emptyCatalog(), folders: ['/library'], nextShard: 100 };
  const shards = new Map<string, Shard>();
  for (const [id, size] of Object.entries(sizes)) {
    const articles = Array.from({ length: size }, (_, n) =>
      makeArticle(`${id}-${n}`, `Item ${n}`, 'Shipping news.'),
    );
    shards.set(id, memoryShard(id, articles));
    catalog.shards[id] = record(id, size);
  }
  if (delta) catalog.delta = delta;
  return { catalog, shards, known: knownFiles(shards) };
}

function plan(lib: ReturnType<typeof library>, changes: Partial<LibraryChanges>, maintenance = false) {
  return planShardJobs({
    ...lib,
    changes: { added: [], changed: [], removed: [], renamed: [], ...changes },
    shardsDir: '/data/shards',
    threads: 2,
    maintenance,
  });
}

describe('planShardJobs', () => {
  it('puts a few new files in a new delta shard, then into that delta', () => {
    const first = plan(library({ s0001: 50 }), { added: [found('a'), found('b')] });
    expect(first.jobs).toMatchObject([
      { shard: 's0100', generation: 1, keep: [], read: [{ path: '/library/a.txt' }, {}] },
    ]);
    expect(first.delta).toBe('s0100');
    const lib = library({ s0001: 50, s0002: 3 }, 's0002');
    const second = plan(lib, { added: [found('c')] });
    expect(second.jobs).toHaveLength(1);
    expect(second.jobs[0]).toMatchObject({
      shard: 's0002',
      generation: 2,
      read: [{ path: '/library/c.txt' }],
    });
    expect(second.jobs[0]!.keep[0]!.docs).toEqual([0, 1, 2]);
    expect(second.delta).toBeUndefined();
  });

  it('starts a new delta when the current one is full, leaving the old one as it is', () => {
    const lib = library({ s0002: DELTA_CAPACITY }, 's0002');
    const result = plan(lib, { added: [found('z')] });
    expect(result.jobs.map((job) => job.shard)).toEqual(['s0100']);
    expect(result.delta).toBe('s0100');
  });

  it('splits many new files into new shards across the threads, none over capacity', () => {
    const added = Array.from({ length: SHARD_CAPACITY + DELTA_LIMIT }, (_, i) => found(`n${i}`));
    const result = plan(library({}), { added });
    expect(result.jobs.length).toBeGreaterThanOrEqual(2);
    for (const job of result.jobs) expect(job.read.length).toBeLessThanOrEqual(SHARD_CAPACITY);
    expect(result.jobs.reduce((sum, job) => sum + job.read.length, 0)).toBe(added.length);
    expect(result.delta).toBeUndefined();
  });

  it('gives every thread as many new shards of about the same size, so none builds the last one alone', () => {
    const added = Array.from({ length: 4 * SHARD_CAPACITY + DELTA_LIMIT }, (_, i) => found(`n${i}`));
    const sizes = plan(library({}), { added }).jobs.map((job) => job.read.length);
    expect(sizes).toHaveLength(6);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('marks the article of a removed file deleted in its shard without rewriting the shard', () => {
    const result = plan(library({ s0001: 50 }), { removed: ['/library/s0001-7.txt'] });
    expect(result.jobs).toEqual([]);
    expect(result.deleted).toEqual({ s0001: [7] });
  });

  it('rebuilds the delta without a removed article rather than marking it', () => {
    const result = plan(library({ s0001: 50, s0002: 4 }, 's0002'), { removed: ['/library/s0002-1.txt'] });
    expect(result.deleted).toEqual({});
    expect(result.jobs).toHaveLength(1);
    expect(result.jobs[0]!.keep[0]!.docs).toEqual([0, 2, 3]);
  });

  it('re-reads a changed file into the delta and marks its old article deleted', () => {
    const changed = { ...found('s0001-3'), size: 99 };
    const result = plan(library({ s0001: 50, s0002: 1 }, 's0002'), { changed: [changed] });
    expect(result.deleted).toEqual({ s0001: [3] });
    expect(result.jobs[0]).toMatchObject({ shard: 's0002', read: [{ path: '/library/s0001-3.txt' }] });
  });

  it('gives a renamed file the id of the article it was', () => {
    const result = plan(library({ s0001: 10, s0002: 1 }, 's0002'), {
      renamed: [{ from: '/library/s0001-3.txt', to: found('moved') }],
    });
    expect(result.deleted).toEqual({ s0001: [3] });
    expect(result.jobs[0]!.read).toEqual([{ path: '/library/moved.txt', folder: '/library', id: 's0001-3' }]);
  });

  it('drops a shard whose every article is gone', () => {
    const result = plan(library({ s0001: 2, s0003: 40 }), {
      removed: ['/library/s0001-0.txt', '/library/s0001-1.txt'],
    });
    expect(result.jobs).toMatchObject([{ shard: 's0001', keep: [], read: [] }]);
  });

  it('in maintenance, merges small shards and rewrites one that is mostly deleted', () => {
    const lib = library({ s0001: 20, s0002: 20, s0003: 20, s0004: 20, s0005: 300 });
    lib.shards.get('s0005')!.setDeleted(Array.from({ length: 100 }, (_, doc) => doc));
    const result = plan(lib, {}, true);
    const merge = result.jobs.find((job) => job.replaces);
    expect(merge?.replaces?.sort()).toEqual(['s0001', 's0002', 's0003', 's0004']);
    expect(merge?.keep.map((kept) => kept.docs.length)).toEqual([20, 20, 20, 20]);
    const compact = result.jobs.find((job) => job.shard === 's0005');
    expect(compact?.keep[0]?.docs).toHaveLength(200);
    expect(plan(lib, {}, false).jobs).toEqual([]);
  });
});

describe('FirstBuildJobs', () => {
  const start = () => {
    const catalog: Catalog = { ...emptyCatalog(), folders: ['/library'] };
    const batches: ShardJob[][] = [];
    const jobs = new FirstBuildJobs(catalog, '/data/shards', 2, (made) => batches.push(made), 3);
    return { catalog, batches, jobs };
  };

  it('makes a full shard for every thread as soon as the scan has found enough files for them', () => {
    const { catalog, batches, jobs } = start();
    for (const name of ['a', 'b', 'c', 'd', 'e']) jobs.add(found(name));
    expect(batches).toEqual([]);
    jobs.add(found('f'));
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((job) => [job.shard, job.generation, job.read.map((file) => file.path)])).toEqual([
      ['s0001', 1, ['/library/a.txt', '/library/b.txt', '/library/c.txt']],
      ['s0002', 1, ['/library/d.txt', '/library/e.txt', '/library/f.txt']],
    ]);
    expect(catalog.nextShard).toBe(3);
  });

  it('leaves the files found since the last jobs to the plan made when the scan ends, which numbers on', () => {
    const { catalog, batches, jobs } = start();
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) jobs.add(found(name));
    expect(batches).toHaveLength(1);
    expect(jobs.rest.map((file) => file.path)).toEqual(['/library/g.txt', '/library/h.txt']);
    const rest = planShardJobs({
      catalog,
      known: new Map(),
      shards: new Map(),
      changes: { added: [...jobs.rest], changed: [], removed: [], renamed: [] },
      shardsDir: '/data/shards',
      threads: 2,
      maintenance: true,
    });
    expect(rest.jobs.map((job) => job.shard)).toEqual(['s0003']);
  });

  it('applies only to a library with no articles and nothing remembered of any file', () => {
    const fresh = { ...emptyCatalog(), folders: ['/library'] };
    expect(FirstBuildJobs.apply(fresh, 0)).toBe(true);
    expect(FirstBuildJobs.apply(fresh, 1)).toBe(false);
    expect(FirstBuildJobs.apply({ ...fresh, shards: { s0001: record('s0001', 5) } }, 0)).toBe(false);
    const failed = { '/library/x.pdf': { folder: '/library', size: 1, mtimeMs: 1, reason: 'damaged' } };
    expect(FirstBuildJobs.apply({ ...fresh, failed }, 0)).toBe(false);
    expect(FirstBuildJobs.apply({ ...fresh, ids: { '/library/b.txt': 'a1' } }, 0)).toBe(false);
  });
});
