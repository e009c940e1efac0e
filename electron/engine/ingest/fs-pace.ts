/**
 * How fast a library folder's file system answers. A local disk answers a
 * stat or an open in microseconds, a network share (or a disk spinning up)
 * in milliseconds. Calls made one at a time on the calling thread are the
 * cheapest on a local disk; on a share they leave the thread waiting on each
 * round trip, so once a folder proves slow its calls go to the thread pool,
 * many at once. It takes two slow answers, or a slow average over many, so
 * that one pause of a busy machine is not taken for a share.
 */
export class FsPace {
  private isSlow = false;
  private calls = 0;
  private ms = 0;
  private slowCalls = 0;

  /** True once the folder has proved slow. */
  get slow(): boolean {
    return this.isSlow;
  }

  /** Notes how long one call took; gives whether the folder has now proved slow. */
  note(ms: number): boolean {
    // A long pause counts as one slow call, apart from the average, which it would sway on its own.
    if (ms > SLOW_CALL_MS) {
      this.slowCalls++;
    } else {
      this.calls++;
      this.ms += ms;
    }
    if (
      this.slowCalls >= SLOW_CALLS ||
      (this.calls >= CALLS_TO_AVERAGE && this.ms > this.calls * SLOW_MEAN_MS)
    )
      this.isSlow = true;
    return this.isSlow;
  }
}

const SLOW_CALL_MS = 10;
const SLOW_CALLS = 2;
const SLOW_MEAN_MS = 1;
const CALLS_TO_AVERAGE = 32;
