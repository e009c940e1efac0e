import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCollection, serializeCollection } from '../../../electron/engine/collections/model';
import { CollectionStore } from '../../../electron/engine/collections/store';
import { tempDirs } from '../fixtures';
import { versionOf } from './helpers/versions';

const child = fileURLToPath(new URL('./helpers/save-forever.ts', import.meta.url));
const tempDir = tempDirs();
const ROUNDS = 20;

/** Starts the saving child and kills it with SIGKILL a random moment after it began saving. */
function saveAndKill(dataDir: string, from: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', child, dataDir, String(from)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    process_.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    process_.stdout.once('data', () => {
      setTimeout(() => process_.kill('SIGKILL'), 20 + Math.random() * 200);
    });
    process_.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the saving process ended by itself (${code}): ${errors}`));
    });
  });
}

/** The version a file holds, checking that it is that version whole, byte for byte. */
function wholeVersion(text: string): number {
  const parsed = parseCollection(text);
  if (!parsed.ok) throw new Error(`a broken file on disk: ${parsed.problem.message}`);
  const n = Number(/^version (\d+)$/.exec(parsed.collection.name)?.[1]);
  expect(text).toBe(serializeCollection(versionOf(n)));
  return n;
}

describe('CollectionStore.save under SIGKILL', () => {
  it('always leaves the old or the new version on disk, and a whole backup', async () => {
    const dataDir = await tempDir();
    const store = new CollectionStore(dataDir);
    // Saved twice, so that a backup exists even if the first child dies before its first save.
    await store.save(versionOf(0));
    await store.save(versionOf(0));
    let last = 0;
    let interrupted = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Each child starts numbering far above the last one, so that a version is never written twice.
      await saveAndKill(dataDir, (round + 1) * 100_000);
      const path = store.pathOf('crash-test');
      const now = wholeVersion(await readFile(path, 'utf8'));
      expect(now === last || now > (round + 1) * 100_000).toBe(true);
      wholeVersion(await readFile(`${path}.bak`, 'utf8'));
      last = now;
      // A temporary file left behind shows that the kill landed in the middle of a save.
      const leftovers = (await readdir(store.folder)).filter((name) => name.endsWith('.tmp'));
      if (leftovers.length > 0) interrupted++;
      for (const name of leftovers) await rm(join(store.folder, name));
    }
    expect(interrupted).toBeGreaterThan(0);
    const { collections, problems } = await store.loadAll();
    expect(problems).toEqual([]);
    expect(collections.map((collection) => collection.id)).toEqual(['crash-test']);
  });
});
