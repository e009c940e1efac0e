import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryInUseError, lockLibrary } from '../../../electron/engine/store/library-lock';
import { tempDirs } from '../fixtures';

const tempDir = tempDirs();

describe('lockLibrary', () => {
  it('refuses a second writer while the first holds the library, naming its process', async () => {
    const dir = await tempDir();
    const lock = await lockLibrary(dir);
    const second = lockLibrary(dir);
    await expect(second).rejects.toBeInstanceOf(LibraryInUseError);
    await expect(second).rejects.toThrow(`process ${process.pid}`);
    await lock.release();
  });

  it('lets the library be taken again once released, and removes its lock file', async () => {
    const dir = await tempDir();
    await (await lockLibrary(dir)).release();
    expect(existsSync(join(dir, 'library.lock'))).toBe(false);
    const again = await lockLibrary(dir);
    await again.release();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = await tempDir();
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    await writeFile(join(dir, 'library.lock'), JSON.stringify({ pid: Number(ended.stdout) }));
    const lock = await lockLibrary(dir);
    await lock.release();
  });

  it('takes over a lock file it cannot read', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'library.lock'), 'not json');
    const lock = await lockLibrary(dir);
    await lock.release();
  });
});
