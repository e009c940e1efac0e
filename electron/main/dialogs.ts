import { dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';

/** Asks for one folder with the system dialog, attached to `window` when there is one; null when cancelled. */
export async function pickFolder(window: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = { title: 'Add a folder of articles', properties: ['openDirectory'] };
  const result =
    window && !window.isDestroyed()
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Asks where to save an exported file, suggesting its name; null when cancelled. */
export async function pickSavePath(window: BrowserWindow | null, fileName: string): Promise<string | null> {
  const options: SaveDialogOptions = { title: 'Export collection', defaultPath: fileName };
  const result =
    window && !window.isDestroyed()
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
