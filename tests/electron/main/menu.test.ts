import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu';

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label || item.role === label);
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

describe('buildMenuTemplate', () => {
  it('offers Add Folder… on CmdOrCtrl+O, which asks the window for the add-folder flow', () => {
    let requests = 0;
    const template = buildMenuTemplate({ isDev: false, platform: 'linux', onAddFolder: () => requests++ });
    const addFolder = submenu(template, 'File').find((item) => item.label === 'Add Folder…');
    expect(addFolder?.accelerator).toBe('CmdOrCtrl+O');
    (addFolder?.click as () => void)();
    expect(requests).toBe(1);
  });

  it('puts Quit in the File menu off macOS and in the app menu on macOS', () => {
    const linux = buildMenuTemplate({ isDev: false, platform: 'linux', onAddFolder: () => undefined });
    expect(submenu(linux, 'File').map((item) => item.role)).toContain('quit');
    const mac = buildMenuTemplate({ isDev: false, platform: 'darwin', onAddFolder: () => undefined });
    expect(mac[0]?.role).toBe('appMenu');
    expect(submenu(mac, 'File').map((item) => item.role)).not.toContain('quit');
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) =>
      submenu(buildMenuTemplate({ isDev, platform: 'linux', onAddFolder: () => undefined }), 'View').map(
        (item) => item.role,
      );
    expect(roles(true)).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools', 'zoomIn', 'togglefullscreen']),
    );
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
    );
  });

  it('has an Edit menu and an About item under Help', () => {
    const template = buildMenuTemplate({ isDev: false, platform: 'win32', onAddFolder: () => undefined });
    expect(template.map((item) => item.role)).toContain('editMenu');
    expect(submenu(template, 'help').map((item) => item.role)).toEqual(['about']);
  });
});
