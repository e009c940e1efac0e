import { parentPort } from 'node:worker_threads';
import { ReadAhead, warmFile } from './read-ahead';
import type { ReadAheadReply, ReadAheadRequest } from './read-ahead-thread';

// The entry point of the read-ahead thread: reads files just ahead of the
// index workers, in slices short enough that news of their progress (and
// new lists) is taken in between.
const port = parentPort;
if (!port) throw new Error('reading ahead must run in a worker thread');

const plan = new ReadAhead();
let handled = 0;
let read = 0;
let cachedInARow = 0;
let passedOver = 0;
let scheduled = false;
let idleWanted = false;

const schedule = () => {
  if (scheduled) return;
  scheduled = true;
  setImmediate(work);
};

/**
 * Reads a file ahead, or passes it over while files prove to be in the page
 * cache already: reading a cached file only costs the workers' cores, so
 * then only every few are read, to notice when files stop being cached.
 */
function readAhead(path: string): void {
  handled++;
  if (cachedInARow >= CACHED_RUN && passedOver < PASS_OVER) {
    passedOver++;
    return;
  }
  passedOver = 0;
  const began = performance.now();
  if (!warmFile(path)) return;
  read++;
  cachedInARow = performance.now() - began < CACHED_MS ? cachedInARow + 1 : 0;
}

/** Files found cached in a row before the thread reads only some. */
const CACHED_RUN = 16;
/** Files passed over for each one read, while they prove cached. */
const PASS_OVER = 7;
/** A file read faster than this came from the page cache: from a disk it takes a tenth of a millisecond or more. */
const CACHED_MS = 0.05;

function work(): void {
  scheduled = false;
  const until = performance.now() + SLICE_MS;
  for (let path = plan.next(); path !== undefined; path = plan.next()) {
    readAhead(path);
    if (performance.now() > until) return schedule();
  }
  if (idleWanted) port!.postMessage({ type: 'idle', handled, read } satisfies ReadAheadReply);
  idleWanted = false;
}

const SLICE_MS = 20;

port.on('message', (request: ReadAheadRequest) => {
  switch (request.type) {
    case 'follow':
      plan.follow(request.id, request.paths);
      break;
    case 'read':
      plan.read(request.id, request.count);
      break;
    case 'drop':
      plan.drop(request.id);
      break;
    case 'tell-idle':
      idleWanted = true;
      break;
    case 'stop':
      plan.stop();
      port.close();
      return;
  }
  schedule();
});
