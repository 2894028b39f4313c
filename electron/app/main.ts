/**
 * The Electron main process: one secure window on the bundled renderer (served on the
 * app:// scheme, see app-protocol.ts), the backend's
 * handler map behind ipcMain with the sender checked on every message, native menus,
 * dialogs and PDF export, files opened from the OS, window state and a log file. The
 * only module besides the preload that imports `electron`.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, type WebContents } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { createBackend, type Backend } from '../backend';
import type { HostPorts } from '../backend/host';
import { answerAppRequest, APP_SCHEME, APP_SCHEME_PRIVILEGES, isAllowedNavigation, isTrustedRendererUrl, RENDERER_ENTRY, rendererRoute } from './app-protocol';
import { buildMenuTemplate } from './menu';
import { unpackedPath } from './packaged-paths';
import { PathGrants } from './path-grants';
import { fleetFileFromArgv, restoreBounds } from './window-state';
import { mainWindowOptions } from './window-options';

const INVOKE = 'fleet:invoke';
const EVENT = 'fleet:event';

// Schemes must be declared before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
const grants = new PathGrants();
let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let quitting = false;
const stateFile = () => path.join(app.getPath('userData'), 'window-state.json');
const logFile = () => path.join(app.getPath('userData'), 'fleet-planner.log');

/** Written at once: the line that matters most is the one just before a crash. */
function log(message: string): void {
  try {
    fs.appendFileSync(logFile(), `${new Date().toISOString()} ${message}\n`);
  } catch {
    // A log that cannot be written must not take the app down with it.
  }
}

/** An error nothing caught: logged, and shown, since the app goes on running with it. */
function reportUnexpected(error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log(`uncaught: ${text}`);
  dialog.showErrorBox('Fleet Planner: unexpected error', `${error instanceof Error ? error.message : text}\n\nSave your work under a new name and restart. Details are in ${logFile()}.`);
}

/** Every window, the hidden PDF one included: no new windows, no navigation or redirect away from our renderer, no webviews. */
function guardContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    log(`refused a new window for ${url}`);
    return { action: 'deny' };
  });
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    log(`refused navigation to ${url}`);
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

async function savePdf(request: { route: string; suggestedName: string }): Promise<string | null> {
  const target = (await dialog.showSaveDialog(mainWindow!, { defaultPath: path.join(app.getPath('documents'), request.suggestedName), filters: [{ name: 'PDF', extensions: ['pdf'] }] })).filePath;
  if (!target) return null;
  // A hidden window with the same secure settings renders the print route once.
  const printer = new BrowserWindow({ ...mainWindowOptions(preloadPath), show: false });
  try {
    await printer.loadURL(rendererRoute(request.route));
    await printer.webContents.executeJavaScript('new Promise((r) => { const t = () => document.querySelector("[data-testid=sheet-1]") ? r(true) : setTimeout(t, 50); t(); })');
    const pdf = await printer.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
    await fs.promises.writeFile(target, pdf);
    return target;
  } finally {
    printer.destroy();
  }
}

/** A path the user chose: the window may name it from now on. */
function chosen(file: string | undefined): string | null {
  if (!file) return null;
  grants.grant(file);
  return file;
}

function electronHost(): HostPorts {
  return {
    async chooseOpenPath() {
      const r = await dialog.showOpenDialog(mainWindow!, { properties: ['openFile'], filters: [{ name: 'Fleet', extensions: ['fleet'] }] });
      return r.canceled ? null : chosen(r.filePaths[0]);
    },
    async chooseSavePath(suggestedName) {
      const r = await dialog.showSaveDialog(mainWindow!, { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [{ name: 'Fleet', extensions: ['fleet'] }] });
      return r.canceled ? null : chosen(r.filePath);
    },
    permitDocumentPath: async (requested, purpose) => grants.permit(requested, purpose, await recentPaths()),
    savePdf,
  };
}

async function openFromOs(file: string): Promise<void> {
  grants.grant(file);
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
  const win = new BrowserWindow({ ...mainWindowOptions(preloadPath), ...(state?.bounds ?? {}) });
  mainWindow = win;
  if (state?.maximized) win.maximize();
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
  void win.loadURL(RENDERER_ENTRY);
}

async function recentPaths(): Promise<string[]> {
  return ((await backend!.invoke('document.recent', {})) as { paths: string[] }).paths;
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
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  process.on('uncaughtException', reportUnexpected);
  process.on('unhandledRejection', reportUnexpected);
  await app.whenReady();
  // The app asks for no permission (camera, notifications, clipboard reads …).
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request, rendererDir));

  backend = createBackend({
    dataDir: app.getPath('userData'),
    documentsDir: app.getPath('documents'),
    host: electronHost(),
    transport: 'electron',
    optimizerWorkerPath: unpackedPath(path.join(__dirname, 'optimizer-worker.cjs')),
  });
  backend.onEvent((name, payload) => mainWindow?.webContents.send(EVENT, name, payload));
  ipcMain.handle(INVOKE, async (event, channel: unknown, payload: unknown) => {
    if (!event.senderFrame || !isTrustedRendererUrl(event.senderFrame.url)) {
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
