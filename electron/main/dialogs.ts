import { dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions } from 'electron';

/** Asks for one folder with the system dialog, attached to `window` when there is one; null when cancelled. */
export async function pickFolder(window: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = { title: 'Add a folder of articles', properties: ['openDirectory'] };
  const result =
    window && !window.isDestroyed()
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
