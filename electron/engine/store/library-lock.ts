import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Another running Quarry (the app, `quarry serve` or `quarry index`) holds the library. */
export class LibraryInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`The library in ${dataDir} is in use by another Quarry (process ${pid}); close that one first.`);
  }
}

/** Holds a library for writing until released. */
export interface LibraryLock {
  release(): Promise<void>;
}

/**
 * Takes the library in `dataDir` for writing, so two processes never rebuild
 * and save the same index at once. A lock left by a process that no longer
 * runs is taken over. Throws LibraryInUseError when a live process holds it.
 */
export async function lockLibrary(dataDir: string): Promise<LibraryLock> {
  const path = join(dataDir, 'library.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
      await handle.close();
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await lockHolder(path);
      if (holder !== null && holder !== process.pid && isRunning(holder))
        throw new LibraryInUseError(dataDir, holder);
      if (holder === process.pid) throw new LibraryInUseError(dataDir, holder);
      await rm(path, { force: true });
    }
  }
  throw new Error(`could not take the library lock ${path}`);
}

async function lockHolder(path: string): Promise<number | null> {
  try {
    const { pid } = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown };
    return typeof pid === 'number' ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
