import type { Worker } from 'node:worker_threads';
import { startEngineThread } from '../engine-thread';

/** What the main thread tells the read-ahead thread. */
export type ReadAheadRequest =
  | { type: 'follow'; id: number; paths: readonly string[] }
  | { type: 'read'; id: number; count: number }
  | { type: 'drop'; id: number }
  | { type: 'tell-idle' }
  | { type: 'stop' };

/** Files the read-ahead thread has handled so far, and how many of them it read (others proved cached already). */
export interface ReadAheadCounts {
  handled: number;
  read: number;
}

/** Said by the read-ahead thread, when asked, once it runs out of files to read ahead. */
export type ReadAheadReply = { type: 'idle' } & ReadAheadCounts;

/** A list of files followed by the read-ahead thread. */
export interface ReadAheadStream {
  /** The reader has read `count` more of the files. */
  read(count: number): void;
  /** The reader is done with the list: what is left of it is not read ahead. */
  drop(): void;
}

/**
 * Reads the files the index workers are about to read, on a thread of its
 * own, so that each is in the operating system's page cache by the time a
 * worker reads it. A worker reads its files with blocking calls, and indexes
 * between batches of them: from a cold cache its core waits on the disk one
 * file at a time, which made a first build of 100,000 articles a quarter
 * slower. The waiting is now the thread's own; what a read from disk costs
 * the system, it would have cost the workers' cores too.
 *
 * Reading ahead is advice: a file it cannot read is passed over (the worker
 * reports it), and should the thread fail, the workers read as before.
 */
export class ReadAheadThread {
  private readonly worker: Worker | undefined;
  private running = true;
  private exited = false;
  private lists = 0;
  private readonly idleWaiters: ((counts: ReadAheadCounts | undefined) => void)[] = [];

  constructor() {
    try {
      this.worker = startEngineThread('read-ahead-worker.js', 'ingest/read-ahead-worker.ts');
    } catch {
      // No thread to be had (the process has run out of them): the workers read as before.
      this.running = false;
      this.exited = true;
      return;
    }
    // Never the reason the process stays up.
    this.worker.unref();
    this.worker.on('message', ({ handled, read }: ReadAheadReply) => {
      for (const waiter of this.idleWaiters.splice(0)) waiter({ handled, read });
    });
    this.worker.on('error', () => {
      this.running = false;
    });
    this.worker.on('exit', () => {
      this.running = false;
      this.exited = true;
      for (const waiter of this.idleWaiters.splice(0)) waiter(undefined);
    });
  }

  /** Starts reading `paths` ahead, in order, taking turns with the other lists followed. */
  follow(paths: readonly string[]): ReadAheadStream {
    const id = ++this.lists;
    this.post({ type: 'follow', id, paths });
    // Progress goes over in steps, each of which wakes the thread, rather than with every report of the worker.
    let unsent = 0;
    return {
      read: (count) => {
        unsent += count;
        if (unsent < PROGRESS_STEP) return;
        this.post({ type: 'read', id, count: unsent });
        unsent = 0;
      },
      drop: () => this.post({ type: 'drop', id }),
    };
  }

  /**
   * Resolves once the thread has no file left to read ahead (for now), with
   * its counts so far; with undefined once the thread has ended.
   */
  nextIdle(): Promise<ReadAheadCounts | undefined> {
    if (this.exited) return Promise.resolve(undefined);
    this.post({ type: 'tell-idle' });
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Ends the thread once it has read the files in hand (ending it at once could leave one open). */
  stop(): void {
    this.post({ type: 'stop' });
    this.running = false;
  }

  /** Resolves once the thread has ended. */
  get ended(): Promise<void> {
    const worker = this.worker;
    if (this.exited || !worker) return Promise.resolve();
    return new Promise((resolve) => worker.once('exit', () => resolve()));
  }

  private post(request: ReadAheadRequest): void {
    if (this.running) this.worker?.postMessage(request);
  }
}

/** A quarter of the read-ahead thread's lead over a worker. */
const PROGRESS_STEP = 512;
