import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { channel } from '../api';
import { QuarryService, defaultDataDir } from '../engine/service';
import { appLocation, isOwnMainFrame } from './app-url';
import { writeFile } from 'node:fs/promises';
import { exportedBytes } from '../engine/export';
import { pickFolder, pickSavePath } from './dialogs';
import { bindIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { appPaths } from './paths';
import { applySessionPolicy, guardWebContents } from './security';
import { createMainWindow } from './window';

const isDev = !app.isPackaged;
const paths = appPaths({
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  mainDir: __dirname,
});
// Only a development build may follow the dev server; a packaged app always loads its own files.
const location = appLocation(isDev ? process.env.ELECTRON_RENDERER_URL : undefined, paths.rendererIndex);

let window: BrowserWindow | null = null;

function liveWindow(): BrowserWindow | null {
  return window && !window.isDestroyed() ? window : null;
}

function openWindow(): BrowserWindow {
  window = createMainWindow({ location, preload: paths.preload, icon: paths.icon });
  return window;
}

function send(channelName: string, payload: unknown): void {
  liveWindow()?.webContents.send(channelName, payload);
}

/** Closes the service before the process exits, so the index and collections are written out. */
function closeOnQuit(service: QuarryService): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    service
      .close()
      .catch((error: unknown) => console.error('Quarry: closing the library failed:', error))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

async function start(): Promise<void> {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, location));
  await app.whenReady();
  applySessionPolicy(session.defaultSession, location);

  // defaultDataDir() is the folder the CLI uses too, so both see one library. Files may
  // have changed while the window was closed, hence the refresh.
  const service = await QuarryService.open({
    dataDir: defaultDataDir(),
    sampleArchive: paths.sampleArchive,
    refreshOnOpen: true,
    watch: true,
  });
  closeOnQuit(service);
  bindIpc(ipcMain, service, {
    pickFolder: () => pickFolder(liveWindow()),
    saveExport: async (request) => {
      const exported = await service.exportCollection(request);
      if (!exported.ok) return exported;
      const path = await pickSavePath(liveWindow(), exported.value.fileName);
      if (path === null) return null;
      await writeFile(path, exportedBytes(exported.value));
      return { ok: true, value: path };
    },
    isTrustedSender: (event) => {
      const own = liveWindow();
      return own !== null && event.sender === own.webContents && isOwnMainFrame(event.senderFrame, location);
    },
    send,
  });

  app.setAboutPanelOptions({ applicationName: 'Quarry', applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isDev,
        platform: process.platform,
        onAddFolder: () => send(channel('add-folder-requested'), null),
      }),
    ),
  );

  openWindow();
  app.on('second-instance', () => {
    const own = liveWindow() ?? openWindow();
    if (own.isMinimized()) own.restore();
    own.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Quarry could not start', message);
    app.exit(1);
  });
} else {
  // Another Quarry is running; its 'second-instance' handler brings its window forward.
  app.quit();
}
