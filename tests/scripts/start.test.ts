import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** What scripts/start.mjs exports (a plain Node script, so it carries no TypeScript types). */
interface StartScript {
  NO_ELECTRON_MESSAGE: string;
  findElectronBinary(electronDir: string, env?: NodeJS.ProcessEnv): string | null;
  installElectron(electronDir: string, timeoutMs?: number): boolean;
  obtainElectron(how: { find: () => string | null; install: () => boolean }): string | null;
}

const scriptUrl = pathToFileURL(resolve('scripts/start.mjs')).href;
const start = (await import(scriptUrl)) as StartScript;

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for node_modules/electron with the given files. */
function electronDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'quarry-start-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('findElectronBinary', () => {
  it('finds the downloaded executable that path.txt names', () => {
    const dir = electronDir({ 'path.txt': 'electron', 'dist/electron': '' });
    expect(start.findElectronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });

  it('says null when nothing has been downloaded yet', () => {
    expect(start.findElectronBinary(electronDir({}), {})).toBeNull();
    expect(start.findElectronBinary(electronDir({ 'path.txt': 'electron' }), {})).toBeNull();
  });
});

describe('obtainElectron', () => {
  it('uses the executable already there without installing', () => {
    let installs = 0;
    const binary = start.obtainElectron({ find: () => '/bin/electron', install: () => (installs++, true) });
    expect(binary).toBe('/bin/electron');
    expect(installs).toBe(0);
  });

  it('installs once when the executable is missing, then uses it', () => {
    let present = false;
    let installs = 0;
    const binary = start.obtainElectron({
      find: () => (present ? '/bin/electron' : null),
      install: () => (installs++, (present = true)),
    });
    expect(binary).toBe('/bin/electron');
    expect(installs).toBe(1);
  });

  it('gives up when the install fails or leaves no executable', () => {
    expect(start.obtainElectron({ find: () => null, install: () => false })).toBeNull();
    expect(start.obtainElectron({ find: () => null, install: () => true })).toBeNull();
  });
});

describe('installElectron', () => {
  // The script explains a failed install on stderr; the tests need not show it.
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reports success when the installer exits cleanly', () => {
    expect(start.installElectron(electronDir({ 'install.js': 'process.exit(0)' }))).toBe(true);
  });

  it('reports failure when the installer fails, as it does offline', () => {
    const dir = electronDir({ 'install.js': 'console.error("TypeError: fetch failed"); process.exit(1)' });
    expect(start.installElectron(dir)).toBe(false);
    expect(console.error).toHaveBeenCalledWith(
      'Quarry: installing Electron failed (TypeError: fetch failed).',
    );
  });

  it('stops waiting for an installer that hangs', () => {
    const began = Date.now();
    expect(start.installElectron(electronDir({ 'install.js': 'setTimeout(() => {}, 60000)' }), 500)).toBe(
      false,
    );
    expect(Date.now() - began).toBeLessThan(10_000);
  });
});

describe('NO_ELECTRON_MESSAGE', () => {
  it('points to the browser version', () => {
    expect(start.NO_ELECTRON_MESSAGE).toContain('npm run serve');
  });
});
