import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/engine/data-dir';

describe('defaultDataDir', () => {
  it('is Electron’s userData folder for Quarry on Linux, honouring XDG_CONFIG_HOME', () => {
    expect(defaultDataDir({}, 'linux', '/home/ada')).toBe(join('/home/ada', '.config', 'Quarry'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ada')).toBe(join('/cfg', 'Quarry'));
  });

  it('is under Application Support on macOS and APPDATA on Windows', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/ada')).toBe(
      join('/Users/ada', 'Library', 'Application Support', 'Quarry'),
    );
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada')).toBe(
      join('C:\\Users\\ada\\AppData\\Roaming', 'Quarry'),
    );
  });

  it('gives way to QUARRY_DATA', () => {
    expect(defaultDataDir({ QUARRY_DATA: '/srv/library' }, 'linux', '/home/ada')).toBe('/srv/library');
  });
});
