import type { ShardJobResult } from './shard-job';

/** What an index worker says back to the main thread. */
export type WorkerReply =
  | { type: 'file-done'; path: string }
  | { type: 'done'; result: ShardJobResult }
  | { type: 'failed'; message: string };
