/**
 * The Electron main process: one secure window on the bundled renderer, the backend's
 * handler map behind ipcMain with the sender checked on every message, native menus,
 * dialogs and PDF export, files opened from the OS, window state and a log file. The
 * only module besides the preload that imports `electron`.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend, type Backend } from '../backend';
import type { HostPorts } from '../backend/host';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { buildMenuTemplate } from './menu';
import { fleetFileFromArgv, restoreBounds } from './window-state';
import { isTrustedRendererUrl, mainWindowOptions } from './window-options';

const INVOKE = 'fleet:invoke';
const EVENT = 'fleet:event';

const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).toString();
let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let quitting = false;
const stateFile = () => path.join(app.getPath('userData'), 'window-state.json');

function log(message: string): void {
  fs.appendFile(path.join(app.getPath('userData'), 'fleet-planner.log'), `${new Date().toISOString()} ${message}\n`, () => undefined);
}

async function savePdf(request: { route: string; suggestedName: string; path?: string }): Promise<string | null> {
  const target = request.path ?? (await dialog.showSaveDialog(mainWindow!, { defaultPath: path.join(app.getPath('documents'), request.suggestedName), filters: [{ name: 'PDF', extensions: ['pdf'] }] })).filePath;
  if (!target) return null;
  // A hidden window with the same secure settings renders the print route once.
  const printer = new BrowserWindow({ ...mainWindowOptions(path.join(__dirname, 'preload.cjs')), show: false });
  try {
    await printer.loadURL(`${rendererUrl}#${request.route}`);
    await printer.webContents.executeJavaScript('new Promise((r) => { const t = () => document.querySelector("[data-testid=sheet-1]") ? r(true) : setTimeout(t, 50); t(); })');
    const pdf = await printer.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
    await fs.promises.writeFile(target, pdf);
    return target;
  } finally {
    printer.destroy();
  }
}

function electronHost(): HostPorts {
  return {
    async chooseOpenPath() {
      const r = await dialog.showOpenDialog(mainWindow!, { properties: ['openFile'], filters: [{ name: 'Fleet', extensions: ['fleet'] }] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseSavePath(suggestedName) {
      const r = await dialog.showSaveDialog(mainWindow!, { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [{ name: 'Fleet', extensions: ['fleet'] }] });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    // Any path for now: the dialog/Recent/OS rule of the Electron app is issue 20's to add.
    permitDocumentPath: async (requested) => path.resolve(requested),
    savePdf,
  };
}

async function openFromOs(file: string): Promise<void> {
  try {
    await backend!.invoke('document.open', { path: file });
  } catch (error) {
    dialog.showErrorBox('Fleet Planner', (error as Error).message);
  }
}

/** Unsaved changes: Save, Don't Save or Cancel. Resolves true when the window may close. */
async function confirmClose(win: BrowserWindow): Promise<boolean> {
  const info = (await backend!.invoke('document.current', {})) as { dirty: boolean; title: string };
  if (!info.dirty) return true;
  const { response } = await dialog.showMessageBox(win, { type: 'warning', buttons: ['Save', "Don't Save", 'Cancel'], defaultId: 0, cancelId: 2, message: `Save the changes to "${info.title}"?`, detail: 'Your changes are kept for recovery either way, but only Save writes them to the file.' });
  if (response === 2) return false;
  if (response === 1) return true;
  const saved = (await backend!.invoke('document.save', {})) as { cancelled?: boolean };
  return !saved.cancelled;
}

function createWindow(): void {
  let saved: unknown = null;
  try {
    saved = JSON.parse(fs.readFileSync(stateFile(), 'utf8'));
  } catch {
    // first run, or a state file from elsewhere: start with the default size
  }
  const state = restoreBounds(saved, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({ ...mainWindowOptions(path.join(__dirname, 'preload.cjs')), ...(state?.bounds ?? {}) });
  mainWindow = win;
  if (state?.maximized) win.maximize();
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== rendererUrl && !url.startsWith(`${rendererUrl}#`)) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    fs.writeFileSync(stateFile(), JSON.stringify({ bounds: win.getNormalBounds(), maximized: win.isMaximized() }));
    if (quitting) return;
    event.preventDefault();
    void confirmClose(win).then((ok) => {
      if (!ok) return;
      quitting = true;
      win.close();
    });
  });
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
  // macOS delivers double-clicked documents before and after ready.
  const pending: string[] = [];
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (backend) void openFromOs(file);
    else pending.push(file);
  });
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  process.on('uncaughtException', (error) => log(`uncaught: ${error.stack ?? error.message}`));

  backend = createBackend({
    dataDir: app.getPath('userData'),
    documentsDir: app.getPath('documents'),
    host: electronHost(),
    transport: 'electron',
    optimizerWorkerPath: path.join(__dirname, 'optimizer-worker.cjs'),
  });
  backend.onEvent((name, payload) => mainWindow?.webContents.send(EVENT, name, payload));
  ipcMain.handle(INVOKE, async (event, channel: unknown, payload: unknown) => {
    if (!event.senderFrame || !isTrustedRendererUrl(event.senderFrame.url, rendererUrl)) {
      log(`refused a message from ${event.senderFrame?.url ?? 'an unknown frame'}`);
      throw new Error('refused: the message did not come from the Fleet Planner window');
    }
    return backend!.invoke(String(channel), payload);
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate((command) => mainWindow?.webContents.send(EVENT, 'app.menu', { command }), process.platform)));
  createWindow();
  const fromArgv = fleetFileFromArgv(process.argv.slice(1));
  for (const file of [...pending, ...(fromArgv ? [fromArgv] : [])]) void openFromOs(file);
  app.on('second-instance', (_event, argv) => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
    const file = fleetFileFromArgv(argv.slice(1));
    if (file) void openFromOs(file);
  });
  app.on('window-all-closed', () => {
    void backend?.close().finally(() => app.quit());
  });
  log(`started ${app.getVersion()} (Electron ${process.versions.electron})`);
}

void start();
