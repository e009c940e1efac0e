import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name Electron derives its per-user data folder from. */
export const APP_NAME = 'Quarry';

/**
 * The folder the desktop app keeps its index and collections in: Electron's
 * `userData` for this app, so the CLI and the window share one library.
 * `QUARRY_DATA` overrides it.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.QUARRY_DATA) return env.QUARRY_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}
