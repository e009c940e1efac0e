import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ShardJob, ShardJobResult } from '../../../electron/engine/index/shard-job';
import {
  indexThreads,
  JobQueue,
  JobsCancelledError,
  runJobsInWorkers,
} from '../../../electron/engine/index/worker-pool';
import { DESK, tempDirs, writeFiles } from '../fixtures';

const tempDir = tempDirs();

async function jobs(count: number): Promise<ShardJob[]> {
  const root = await tempDir();
  const folder = join(root, 'desk');
  await writeFiles(folder, DESK);
  const files = ['mutu.txt', 'budget.md', 'hamlet.txt'].map((name) => ({ path: join(folder, name), folder }));
  return Array.from({ length: count }, (_, i) => ({
    shardsDir: join(root, 'shards'),
    shard: `s${i}`,
    generation: 1,
    keep: [],
    read: files,
  }));
}

describe('indexThreads', () => {
  it('gives a worker per core on one or two cores, leaves a core free on more, and never more than four', () => {
    expect([1, 2, 3, 4, 5, 8, 16].map((cores) => indexThreads(cores))).toEqual([1, 2, 2, 3, 4, 4, 4]);
  });
});

describe('runJobsInWorkers', () => {
  it('runs every job on worker threads and hands each result over as it finishes', async () => {
    const results: ShardJobResult[] = [];
    const files: string[] = [];
    await runJobsInWorkers(await jobs(3), {
      threads: 2,
      // A worker may report several files in one message: `count` says how many.
      onFileDone: (path, count) => files.push(...Array<string>(count).fill(path)),
      onResult: async (result) => {
        results.push(result);
      },
    });
    expect(results.map((result) => result.shard).sort()).toEqual(['s0', 's1', 's2']);
    expect(results.every((result) => result.record?.count === 3)).toBe(true);
    expect(files).toHaveLength(9);
  });

  it('stops when the signal aborts, with JobsCancelledError', async () => {
    const abort = new AbortController();
    const run = runJobsInWorkers(await jobs(6), {
      threads: 1,
      signal: abort.signal,
      onFileDone: () => abort.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(JobsCancelledError);
  });

  it('rejects with the worker’s error when a job fails', async () => {
    const [job] = await jobs(1);
    await writeFile(job!.shardsDir, 'a file where a folder should be');
    await expect(runJobsInWorkers([job!], { threads: 1 })).rejects.toThrow(/index worker failed on shard s0/);
  });

  it('starts on the jobs of an open queue, takes those added later, and ends once the queue is closed', async () => {
    const [first, second, third] = await jobs(3);
    const queue = new JobQueue();
    queue.push(first!);
    const done: string[] = [];
    let ended = false;
    const run = runJobsInWorkers(queue, {
      threads: 2,
      onResult: async (result) => {
        done.push(result.shard);
        if (result.shard === 's0') queue.push(second!, third!);
      },
    }).then(() => (ended = true));
    await vi.waitFor(() => expect(done).toHaveLength(3), { timeout: 20_000 });
    expect(ended).toBe(false);
    queue.close();
    await run;
    expect(done.sort()).toEqual(['s0', 's1', 's2']);
    expect(() => queue.push(first!)).toThrow(/closed queue/);
  });

  it('stops waiting for jobs a queue has yet to be given when the signal aborts', async () => {
    const [first] = await jobs(1);
    const abort = new AbortController();
    const queue = new JobQueue();
    queue.push(first!);
    const run = runJobsInWorkers(queue, {
      threads: 2,
      signal: abort.signal,
      onResult: async () => abort.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(JobsCancelledError);
  });

  it.runIf(process.platform === 'linux')(
    'leaves no thread behind once it ends, is cancelled, or is cancelled before it starts',
    async () => {
      const threads = () => readdirSync('/proc/self/task').length;
      // A first run starts the threads a process keeps (the file system's pool); its own end a moment after it.
      await runJobsInWorkers(await jobs(1), { threads: 1 });
      let before = -1;
      for (let unchanged = 0; unchanged < 5;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        unchanged = threads() === before ? unchanged + 1 : 0;
        before = threads();
      }
      await runJobsInWorkers(await jobs(2), { threads: 2 });
      const stopped = new AbortController();
      const run = runJobsInWorkers(await jobs(4), {
        threads: 2,
        signal: stopped.signal,
        onFileDone: () => stopped.abort(),
      });
      await expect(run).rejects.toBeInstanceOf(JobsCancelledError);
      const early = runJobsInWorkers(await jobs(1), { signal: AbortSignal.abort() });
      await expect(early).rejects.toBeInstanceOf(JobsCancelledError);
      // Threads told to stop end a moment later.
      await vi.waitFor(() => expect(threads()).toBeLessThanOrEqual(before), { timeout: 5000 });
    },
  );

  it('gives a job added after a wait was given up to the next lane that asks, not to the lane that gave up', async () => {
    const [job] = await jobs(1);
    const queue = new JobQueue();
    const abort = new AbortController();
    const abandoned = queue.next(abort.signal);
    abort.abort();
    await expect(abandoned).resolves.toBeUndefined();
    queue.push(job!);
    await expect(queue.next()).resolves.toBe(job);
    queue.close();
    await expect(queue.next()).resolves.toBeUndefined();
  });
});
