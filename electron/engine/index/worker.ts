import { parentPort } from 'node:worker_threads';
import { runShardJob, type ShardJob } from './shard-job';
import type { WorkerReply } from './worker-protocol';

// The entry point of an index worker thread: runs shard jobs sent by the
// main thread, one at a time, and reports files read in batches (one message
// per file would cost the main thread more than the progress bar is worth).
const port = parentPort;
if (!port) throw new Error('the index worker must run in a worker thread');

port.on('message', (job: ShardJob) => {
  const reply = (message: WorkerReply) => port.postMessage(message);
  let pending = 0;
  let last = '';
  let sentAt = performance.now();
  const flush = () => {
    if (pending > 0) reply({ type: 'files-done', count: pending, path: last });
    pending = 0;
    sentAt = performance.now();
  };
  runShardJob(job, (path) => {
    pending++;
    last = path;
    if (pending >= 50 || performance.now() - sentAt > 100) flush();
  }).then(
    (result) => {
      flush();
      reply({ type: 'done', result });
    },
    (error: unknown) =>
      reply({
        type: 'failed',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
