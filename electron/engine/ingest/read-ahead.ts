import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { OPEN_TO_READ } from './open-flags';

/** One list of files being read ahead: how far the reading ahead and the reader itself have got. */
interface Stream {
  readonly id: number;
  readonly paths: readonly string[];
  next: number;
  read: number;
}

/**
 * Which file to read ahead next, of the lists of files that readers (the
 * index workers) are going through. The lists take turns, and each stays at
 * most `lead` files ahead of its reader, so that a large library does not
 * push its first files out of the page cache before they are read.
 */
export class ReadAhead {
  private readonly streams: Stream[] = [];
  private turn = 0;

  constructor(private readonly lead = LEAD_FILES) {}

  /** A reader starts on `paths`, in order. */
  follow(id: number, paths: readonly string[]): void {
    this.drop(id);
    this.streams.push({ id, paths, next: 0, read: 0 });
  }

  /** The reader of list `id` has read `count` more of its files. */
  read(id: number, count: number): void {
    const stream = this.streams.find((each) => each.id === id);
    if (stream) stream.read += count;
  }

  /** The reader is done with list `id`: what is left of it is not read ahead. */
  drop(id: number): void {
    const at = this.streams.findIndex((each) => each.id === id);
    if (at >= 0) this.streams.splice(at, 1);
  }

  /** Drops every list. */
  stop(): void {
    this.streams.length = 0;
  }

  /** The next file to read ahead, or undefined when every list is read ahead or far enough ahead. */
  next(): string | undefined {
    for (let at = this.streams.length - 1; at >= 0; at--) {
      const stream = this.streams[at]!;
      // Files the reader has got to already are not worth reading again.
      stream.next = Math.max(stream.next, stream.read);
      if (stream.next >= stream.paths.length) this.streams.splice(at, 1);
    }
    const count = this.streams.length;
    for (let looked = 0; looked < count; looked++) {
      const at = (this.turn + looked) % count;
      const stream = this.streams[at]!;
      if (stream.next - stream.read >= this.lead) continue;
      this.turn = at + 1;
      return stream.paths[stream.next++];
    }
    return undefined;
  }
}

/** Eight of an index worker's batches of files. */
const LEAD_FILES = 2048;
/**
 * An article file is usually smaller; of a larger one, the operating system
 * reads on ahead by itself once the worker reads it from the start.
 */
const READ_BYTES = 64 * 1024;

let scratch: Buffer | undefined;

/**
 * Reads the start of a regular file, only so that the operating system has
 * it in its page cache; gives whether it could. Blocking calls, one file at
 * a time: through the thread pool, each file's open, read and close cost
 * twenty times as much (waking threads), more than reading ahead saves once
 * files are cached.
 */
export function warmFile(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, OPEN_TO_READ);
  } catch {
    return false;
  }
  try {
    // Not a pipe or a device, which the worker turns down unread too.
    if (!fstatSync(fd).isFile()) return false;
    readSync(fd, (scratch ??= Buffer.allocUnsafeSlow(READ_BYTES)), 0, READ_BYTES, 0);
    return true;
  } catch {
    return false;
  } finally {
    try {
      closeSync(fd);
    } catch {
      // A close that fails (a share gone away) leaves nothing to do.
    }
  }
}
