import { BrowserWindow } from 'electron';
import type { AppLocation } from './app-url';

export interface WindowOptions {
  location: AppLocation;
  preload: string;
  icon: string;
}

/** Opens Quarry's window, locked down, showing the app's page once it has painted. */
export function createMainWindow({ location, preload, icon }: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Quarry',
    icon,
    // Shown on ready-to-show so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload,
    },
  });
  window.once('ready-to-show', () => window.show());
  const loading =
    location.kind === 'dev' ? window.loadURL(location.url) : window.loadFile(location.indexFile);
  loading.catch((error: unknown) => console.error('Quarry: the window could not load its page:', error));
  return window;
}
