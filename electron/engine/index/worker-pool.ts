import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import { startEngineThread } from '../engine-thread';
import { ReadAheadThread } from '../ingest/read-ahead-thread';
import { runShardJob, type ShardJob, type ShardJobResult } from './shard-job';
import type { WorkerReply } from './worker-protocol';

/** The pass was cancelled; jobs already finished stay finished. */
export class JobsCancelledError extends Error {
  constructor() {
    super('indexing was cancelled');
  }
}

export interface PoolOptions {
  /** How many worker threads; defaults to `indexThreads()`. */
  threads?: number;
  signal?: AbortSignal;
  /** Files read, reported in batches: how many since the last call and the latest one. */
  onFileDone?: (path: string, count: number) => void;
  /** Called as each job finishes, so its result can be saved before the others end. */
  onResult?: (result: ShardJobResult) => Promise<void>;
}

/** Each worker holds a shard of up to 10,000 articles while it builds it: four keep a build's peak within 2 GB (1.6 GB measured). */
const MAX_THREADS = 4;

/**
 * How many index workers a machine gets: one per core, less one core for the
 * window and the main process once there are more than two, and at most four.
 */
export function indexThreads(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(MAX_THREADS, cores <= 2 ? cores : cores - 1));
}

let compilingOnWorkerThreads = false;

/**
 * Has threads started from now on optimise their hot code on their own
 * thread, as soon as it is hot, instead of queueing it for V8's background
 * compiler. With a worker on every core, that compiler waits for a turn
 * while the code it would speed up runs unoptimised, and its threads add
 * system time: first builds were slower on average, and far slower at worst.
 * V8 reads the setting as a thread starts, so the main thread, which must
 * answer at once, keeps compiling in the background.
 */
function compileOnWorkerThreads(): void {
  if (compilingOnWorkerThreads) return;
  setFlagsFromString('--no-concurrent-recompilation');
  compilingOnWorkerThreads = true;
}

/**
 * Shard jobs handed to the pool as they become known (while a scan still
 * runs); the pool ends once the queue is closed and every job is done.
 */
export class JobQueue {
  private readonly jobs: ShardJob[] = [];
  private closed = false;
  private readonly waiting: ((job: ShardJob | undefined) => void)[] = [];

  /** A closed queue of these jobs. */
  static of(jobs: readonly ShardJob[]): JobQueue {
    const queue = new JobQueue();
    queue.push(...jobs);
    queue.close();
    return queue;
  }

  push(...jobs: ShardJob[]): void {
    if (this.closed) throw new Error('no job can be added to a closed queue');
    for (const job of jobs) {
      const lane = this.waiting.shift();
      if (lane) lane(job);
      else this.jobs.push(job);
    }
  }

  /** No more jobs will come: lanes waiting for one stop. */
  close(): void {
    this.closed = true;
    for (const lane of this.waiting.splice(0)) lane(undefined);
  }

  /**
   * The next job, waiting for one while the queue is open; undefined once it
   * is closed and empty, or once `signal` aborts (the wait is then given up).
   */
  next(signal?: AbortSignal): Promise<ShardJob | undefined> {
    const job = this.jobs.shift();
    if (job || this.closed || signal?.aborted) return Promise.resolve(job);
    return new Promise((resolve) => {
      const stop = () => {
        const at = this.waiting.indexOf(take);
        if (at >= 0) this.waiting.splice(at, 1);
        resolve(undefined);
      };
      const take = (next: ShardJob | undefined) => {
        signal?.removeEventListener('abort', stop);
        resolve(next);
      };
      signal?.addEventListener('abort', stop, { once: true });
      this.waiting.push(take);
    });
  }

  /** Jobs known and not yet taken, when the queue is closed: no more lanes than that are worth starting. */
  get size(): number {
    return this.closed ? this.jobs.length : Infinity;
  }
}

/**
 * Runs shard jobs on worker threads, a job per thread at a time, so neither
 * the main thread nor the window waits on indexing. Jobs may be a queue
 * still being filled: the workers start on the first while later ones are
 * planned. A read-ahead thread reads each job's files just ahead of its
 * worker. Resolves when every job has finished and its `onResult` has run;
 * rejects with JobsCancelledError when the signal aborts (finished jobs stay
 * finished).
 */
export async function runJobsInWorkers(
  jobs: readonly ShardJob[] | JobQueue,
  options: PoolOptions = {},
): Promise<void> {
  const queue = jobs instanceof JobQueue ? jobs : JobQueue.of(jobs);
  if (queue.size === 0) return;
  const threads = Math.max(1, Math.min(options.threads ?? indexThreads(), queue.size));
  if (options.signal?.aborted) throw new JobsCancelledError();
  // Before any of the pool's threads starts, the read-ahead thread included, so that all start alike.
  compileOnWorkerThreads();
  const workers: Worker[] = [];
  const readAhead = new ReadAheadThread();
  let cancelled = false;

  const cancel = () => {
    cancelled = true;
    readAhead.stop();
    for (const worker of workers) void worker.terminate();
  };
  options.signal?.addEventListener('abort', cancel, { once: true });

  const runLane = async () => {
    const worker = startEngineThread('index-worker.js', 'index/worker.ts');
    workers.push(worker);
    try {
      // A lane waiting for a job that a scan has yet to find stops waiting when the pass is cancelled.
      const next = () => queue.next(options.signal);
      for (let job = await next(); job && !cancelled; job = await next()) {
        const ahead = readAhead.follow(job.read.map((file) => file.path));
        let result: ShardJobResult;
        try {
          result = await runOne(worker, job, (path, count) => {
            ahead.read(count);
            options.onFileDone?.(path, count);
          });
        } finally {
          ahead.drop();
        }
        if (cancelled) break;
        await options.onResult?.(result);
      }
    } finally {
      await worker.terminate();
    }
  };

  try {
    const lanes = Array.from({ length: threads }, runLane);
    const outcomes = await Promise.allSettled(lanes);
    if (cancelled) throw new JobsCancelledError();
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw (failure as PromiseRejectedResult).reason;
  } finally {
    readAhead.stop();
    options.signal?.removeEventListener('abort', cancel);
  }
}

/**
 * Runs small jobs on the calling thread, one after the other: for an edit or
 * two, starting a worker would take longer than the work itself.
 */
export async function runJobsHere(jobs: readonly ShardJob[], options: PoolOptions = {}): Promise<void> {
  for (const job of jobs) {
    if (options.signal?.aborted) throw new JobsCancelledError();
    const result = await runShardJob(job, (path) => options.onFileDone?.(path, 1));
    await options.onResult?.(result);
  }
}

function runOne(
  worker: Worker,
  job: ShardJob,
  onFileDone?: (path: string, count: number) => void,
): Promise<ShardJobResult> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: WorkerReply) => {
      if (reply.type === 'files-done') {
        onFileDone?.(reply.path, reply.count);
        return;
      }
      cleanUp();
      if (reply.type === 'done') resolve(reply.result);
      else reject(new Error(`index worker failed on shard ${job.shard}: ${reply.message}`));
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanUp();
      reject(new Error(`index worker stopped (exit code ${code}) during shard ${job.shard}`));
    };
    const cleanUp = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job);
  });
}
