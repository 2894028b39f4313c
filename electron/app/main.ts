/**
 * The Electron main process: one secure window on the bundled renderer, the backend's
 * handler map behind ipcMain with the sender checked on every message, native file
 * dialogs. The only module besides the preload that imports `electron`.
 */
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend, type Backend } from '../backend';
import type { HostPorts } from '../backend/host';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { isTrustedRendererUrl, mainWindowOptions } from './window-options';

const INVOKE = 'fleet:invoke';
const EVENT = 'fleet:event';

const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).toString();
let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

function electronHost(): HostPorts {
  const parent = () => mainWindow ?? undefined;
  return {
    async chooseOpenPath() {
      const options = { properties: ['openFile' as const], filters: [{ name: 'Fleet', extensions: ['fleet'] }] };
      const w = parent();
      const r = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseSavePath(suggestedName) {
      const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [{ name: 'Fleet', extensions: ['fleet'] }] };
      const w = parent();
      const r = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}

function createWindow(): void {
  const win = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs')));
  mainWindow = win;
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== rendererUrl && !url.startsWith(`${rendererUrl}#`)) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadFile(rendererIndex);
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  const documentsDir = app.getPath('documents');
  backend = createBackend({
    dataDir: app.getPath('userData'),
    documentsDir,
    host: electronHost(),
    transport: 'electron',
    optimizerWorkerPath: path.join(__dirname, 'optimizer-worker.cjs'),
  });
  backend.onEvent((name, payload) => mainWindow?.webContents.send(EVENT, name, payload));
  ipcMain.handle(INVOKE, async (event, channel: unknown, payload: unknown) => {
    if (!event.senderFrame || !isTrustedRendererUrl(event.senderFrame.url, rendererUrl)) {
      throw new Error('refused: the message did not come from the Fleet Planner window');
    }
    return backend!.invoke(String(channel), payload);
  });
  createWindow();
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    void backend?.close().finally(() => app.quit());
  });
}

void start();
