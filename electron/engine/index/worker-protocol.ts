import type { ShardJobResult } from './shard-job';

/** What an index worker says back to the main thread; progress comes in batches of files. */
export type WorkerReply =
  | { type: 'files-done'; count: number; path: string }
  | { type: 'done'; result: ShardJobResult }
  | { type: 'failed'; message: string };
