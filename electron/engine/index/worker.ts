import { parentPort } from 'node:worker_threads';
import { runShardJob, type ShardJob } from './shard-job';
import type { WorkerReply } from './worker-protocol';

// The entry point of an index worker thread: runs shard jobs sent by the
// main thread, one at a time, and reports each file as it is read.
const port = parentPort;
if (!port) throw new Error('the index worker must run in a worker thread');

port.on('message', (job: ShardJob) => {
  const reply = (message: WorkerReply) => port.postMessage(message);
  runShardJob(job, (path) => reply({ type: 'file-done', path })).then(
    (result) => reply({ type: 'done', result }),
    (error: unknown) =>
      reply({
        type: 'failed',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
