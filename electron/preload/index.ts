import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createPreloadBridge } from './bridge';

// Sandboxed preload: only 'electron' and bundled code are available here.
contextBridge.exposeInMainWorld('quarry', createPreloadBridge(ipcRenderer, webUtils));
