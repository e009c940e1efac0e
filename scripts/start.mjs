// `npm start`: build Quarry and open its window, or say plainly why the window cannot open.
// Electron (42 and later) fetches its runtime on first launch rather than at install,
// so the runtime may be missing, and on a machine without network it cannot be had.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NO_ELECTRON_MESSAGE =
  'Quarry: the Electron runtime could not be downloaded on this machine, so the desktop window cannot open. ' +
  'Run `npm run serve` to use Quarry in your browser instead.';

/**
 * The Electron executable the `electron` package at `electronDir` points at, or null
 * when it has not been downloaded. Reads the files directly: `require('electron')`
 * would start a download with no time limit.
 * @param {string} electronDir
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | null}
 */
export function findElectronBinary(electronDir, env = process.env) {
  let relative;
  try {
    relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const binary = join(dist, relative);
  return relative && existsSync(binary) ? binary : null;
}

/**
 * Runs the `electron` package's own installer once; true only when it succeeded within `timeoutMs`.
 * @param {string} electronDir
 * @param {number} [timeoutMs]
 * @returns {boolean}
 */
export function installElectron(electronDir, timeoutMs = 120_000) {
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: timeoutMs,
    encoding: 'utf8',
  });
  if (result.status === 0) return true;
  const reason = result.error?.message ?? result.stderr?.trim().split('\n')[0];
  if (reason) console.error(`Quarry: installing Electron failed (${reason}).`);
  return false;
}

/**
 * An Electron executable: the one already present, else the one a single install attempt yields; null when neither.
 * @param {{ find: () => string | null, install: () => boolean }} how
 * @returns {string | null}
 */
export function obtainElectron({ find, install }) {
  const found = find();
  if (found) return found;
  return install() ? find() : null;
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const require = createRequire(import.meta.url);
  const electronDir = dirname(require.resolve('electron/package.json'));

  const binary = obtainElectron({
    find: () => findElectronBinary(electronDir),
    install: () => {
      console.log('Quarry: fetching the Electron runtime (first run only)…');
      return installElectron(electronDir);
    },
  });
  if (!binary) {
    console.error(NO_ELECTRON_MESSAGE);
    process.exit(1);
  }

  const electronVite = join(
    dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  );
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  // Inherited from some tools, this variable would make Electron run as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const app = spawn(binary, ['.'], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
  app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main();
