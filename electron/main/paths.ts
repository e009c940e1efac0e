import { join } from 'node:path';

/** Where the built app's pieces are, in development and once packaged. */
export interface AppPaths {
  /** The bundled sample archive, added to the library on first run. */
  sampleArchive: string;
  rendererIndex: string;
  preload: string;
  icon: string;
}

export interface PathOptions {
  /** Electron's `app.isPackaged`. */
  isPackaged: boolean;
  /** Electron's `process.resourcesPath`: the packaged app's resources folder. */
  resourcesPath: string;
  /** The folder of the bundled main script (`out/main`). */
  mainDir: string;
}

/** Resolves the sample archive, renderer, preload and icon for a dev checkout or a packaged app. */
export function appPaths({ isPackaged, resourcesPath, mainDir }: PathOptions): AppPaths {
  const repo = join(mainDir, '..', '..');
  // electron-builder copies the archive and the icon next to app.asar (extraResources), not into it.
  return {
    sampleArchive: isPackaged ? join(resourcesPath, 'archive') : join(repo, 'archive'),
    icon: isPackaged ? join(resourcesPath, 'icon.png') : join(repo, 'build', 'icon.png'),
    rendererIndex: join(mainDir, '..', 'renderer', 'index.html'),
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
  };
}
