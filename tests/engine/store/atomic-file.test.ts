import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/engine/store/atomic-file';
import { tempDirs } from '../fixtures';

const tempDir = tempDirs();

describe('writeFileAtomic', () => {
  it('replaces the content of a file and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    const path = join(dir, 'state.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('lets many overlapping writes of one file all succeed, leaving one whole version', async () => {
    const dir = await tempDir();
    const path = join(dir, 'state.json');
    const versions = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({ version: i, pad: 'x'.repeat(10_000) }),
    );
    await Promise.all(versions.map((version) => writeFileAtomic(path, version)));
    expect(versions).toContain(await readFile(path, 'utf8'));
    expect(await readdir(dir)).toEqual(['state.json']);
  });
});
