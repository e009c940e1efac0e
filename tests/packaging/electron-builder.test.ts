import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// electron-builder packs offline when handed a stand-in Electron folder, which is enough to see what ships.
describe('electron-builder --linux dir', () => {
  let work: string;
  let resources: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'quarry-package-'));
    const standIn = join(work, 'electron');
    await mkdir(standIn);
    await writeFile(join(standIn, 'electron'), '#!/bin/sh\nexit 1\n');
    await chmod(join(standIn, 'electron'), 0o755);
    const built = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'electron-builder', 'cli.js'),
        '--linux',
        'dir',
        '--config',
        'electron-builder.yml',
        `-c.electronDist=${standIn}`,
        `-c.directories.output=${join(work, 'dist')}`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(built.status, built.stdout + built.stderr).toBe(0);
    resources = join(work, 'dist', 'linux-unpacked', 'resources');
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('puts the built app and its production dependencies in app.asar, and nothing else', () => {
    const files = listPackage(join(resources, 'app.asar'), { isPack: false }).map((file) =>
      file.replace(/\\/g, '/'),
    );
    expect(files).toContain('/package.json');
    expect(files).toContain('/out/main/index.js');
    expect(files).toContain('/out/main/cli.js');
    expect(files).toContain('/out/main/index-worker.js');
    expect(files).toContain('/out/main/pdf-worker.js');
    expect(files).toContain('/out/main/read-ahead-worker.js');
    expect(files).toContain('/out/preload/index.cjs');
    expect(files).toContain('/out/renderer/index.html');
    expect(files).toContain('/node_modules/lunr/lunr.js');
    expect(files).toContain('/node_modules/lunr-languages/lunr.de.js');
    const outside = files.filter(
      (file) => !file.startsWith('/out') && !file.startsWith('/node_modules') && file !== '/package.json',
    );
    expect(outside).toEqual([]);
    for (const forbidden of [
      '/electron/',
      '/tests/',
      '/archive/',
      '/renderer/src/',
      '/node_modules/vitest',
      '/node_modules/svelte/',
      '/node_modules/electron/',
    ]) {
      expect(files.filter((file) => file.startsWith(forbidden))).toEqual([]);
    }
  });

  it('ships the sample archive and the icon beside app.asar', async () => {
    expect(await readdir(resources)).toEqual(expect.arrayContaining(['app.asar', 'archive', 'icon.png']));
    const archive = await readdir(join(resources, 'archive'), { recursive: true });
    expect(archive.filter((name) => /\.(txt|md)$/.test(String(name))).length).toBeGreaterThanOrEqual(12);
  });
});
