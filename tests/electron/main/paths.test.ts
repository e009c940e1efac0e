import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../../electron/main/paths';

describe('appPaths', () => {
  it('uses the checkout in development', () => {
    const paths = appPaths({
      isPackaged: false,
      resourcesPath: '/unused',
      mainDir: join('/repo', 'out', 'main'),
    });
    expect(paths).toEqual({
      sampleArchive: join('/repo', 'archive'),
      icon: join('/repo', 'build', 'icon.png'),
      rendererIndex: join('/repo', 'out', 'renderer', 'index.html'),
      preload: join('/repo', 'out', 'preload', 'index.cjs'),
    });
  });

  it('uses the resources folder for the sample archive and icon once packaged', () => {
    const mainDir = join('/opt', 'Quarry', 'resources', 'app.asar', 'out', 'main');
    const paths = appPaths({ isPackaged: true, resourcesPath: join('/opt', 'Quarry', 'resources'), mainDir });
    expect(paths.sampleArchive).toBe(join('/opt', 'Quarry', 'resources', 'archive'));
    expect(paths.icon).toBe(join('/opt', 'Quarry', 'resources', 'icon.png'));
    expect(paths.preload).toBe(
      join('/opt', 'Quarry', 'resources', 'app.asar', 'out', 'preload', 'index.cjs'),
    );
  });
});
