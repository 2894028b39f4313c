/**
 * A recording stand-in for the `electron` module, for starting the built main process
 * (dist/electron/main.cjs) under plain Node where Electron's binary does not exist:
 *   node --require tests/support/electron-standin.cjs dist/electron/main.cjs
 * It behaves as Electron does where main's wiring depends on it (schemes may be
 * registered only before ready; every new window emits web-contents-created), records
 * what main asks of it, then drives what main registered (the app:// handler, the ipc
 * handler, the window's guards) and writes the record as JSON to STANDIN_OUT.
 * It proves wiring, not that Electron runs: that needs the binary (tests/e2e-electron).
 */
'use strict';
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.STANDIN_DIR;
const out = process.env.STANDIN_OUT;
if (!dir || !out) throw new Error('electron stand-in: set STANDIN_DIR and STANDIN_OUT');

const record = { calls: [], windows: [], errors: [], checks: {} };
const call = (name, detail) => record.calls.push(detail === undefined ? name : { [name]: detail });
let ready = false;
const schemeHandlers = new Map();
const ipcHandlers = new Map();

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: false,
  getPath: (name) => {
    const p = path.join(dir, name);
    fs.mkdirSync(p, { recursive: true });
    return p;
  },
  getVersion: () => '0.0.0-standin',
  requestSingleInstanceLock: () => true,
  whenReady: () =>
    new Promise((resolve) =>
      setImmediate(() => {
        ready = true;
        call('ready');
        resolve();
      }),
    ),
  quit: () => {
    call('app.quit');
    fs.writeFileSync(out, JSON.stringify(record, null, 2));
    process.exit(0);
  },
});

const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged must be called before the app is ready');
    call('protocol.registerSchemesAsPrivileged', schemes);
  },
  handle(scheme, handler) {
    if (!ready) throw new Error('protocol.handle needs the app to be ready');
    call('protocol.handle', scheme);
    schemeHandlers.set(scheme, handler);
  },
};

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.sent = [];
    this.windowOpenHandler = null;
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(...args) {
    this.sent.push(args);
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.webContents = new WebContents();
    this.entry = { options, loaded: [] };
    record.windows.push(this.entry);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.entry.loaded.push(url);
    if (this.entry === record.windows[0]) setImmediate(() => drive(this).catch((e) => record.errors.push(String(e && e.stack ? e.stack : e))).finally(() => app.emit('window-all-closed')));
    return Promise.resolve();
  }
  loadFile(file) {
    this.entry.loaded.push(`loadFile:${file}`);
    return Promise.resolve();
  }
  show() {}
  maximize() {}
  isMinimized() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1440, height: 900 };
  }
  isMaximized() {
    return false;
  }
}
const electron = {
  app,
  protocol,
  BrowserWindow,
  ipcMain: { handle: (channel, fn) => (call('ipcMain.handle', channel), ipcHandlers.set(channel, fn)) },
  Menu: { buildFromTemplate: (template) => ({ template }), setApplicationMenu: (menu) => call('Menu.setApplicationMenu', menu.template.map((m) => m.label)) },
  dialog: { showErrorBox: (title, text) => call('dialog.showErrorBox', `${title}: ${text}`), showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }), showMessageBox: async () => ({ response: 1 }) },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn) => (record.checks.permissionRequest = new Promise((r) => fn(null, 'media', r))),
      setPermissionCheckHandler: (fn) => (record.checks.permissionCheck = fn(null, 'clipboard-read', 'app://fleet', {})),
      webRequest: { onHeadersReceived: () => call('webRequest.onHeadersReceived') },
    },
  },
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? 'electron-standin' : resolve.call(this, request, ...rest);
};
require.cache['electron-standin'] = { id: 'electron-standin', filename: 'electron-standin', loaded: true, exports: electron };

async function invoke(frameUrl, channel, payload) {
  try {
    return { ok: await ipcHandlers.get('fleet:invoke')({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, channel, payload) };
  } catch (error) {
    return { error: error.message };
  }
}

/** What a user's first seconds exercise: the page and its assets, the bridge, the guards. */
async function drive(win) {
  const entry = win.entry.loaded[0];
  const handler = schemeHandlers.get('app');
  const page = await handler(new Request(entry));
  const html = await page.text();
  const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html);
  const asset = script ? await handler(new Request(new URL(script[1], entry).toString())) : null;
  record.checks.page = { status: page.status, csp: page.headers.get('content-security-policy'), hasRoot: html.includes('id="root"'), script: script && script[1], scriptStatus: asset && asset.status, scriptType: asset && asset.headers.get('content-type') };
  record.checks.traversal = (await handler(new Request('app://fleet/%2e%2e/%2e%2e/package.json'))).status;
  const current = await invoke(entry, 'document.current', {});
  record.checks.trustedInvoke = current.ok ? { title: current.ok.title } : current;
  record.checks.foreignInvoke = await invoke('https://example.com/', 'document.current', {});
  record.checks.noFrameInvoke = await invoke(null, 'document.current', {});
  record.checks.unchosenPath = await invoke(entry, 'document.open', { path: '/etc/passwd' });
  const navigation = (url) => {
    let prevented = false;
    win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  const redirect = (url) => {
    let prevented = false;
    win.webContents.emit('will-redirect', { preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  record.checks.guards = {
    navigateAway: navigation('https://example.com/'),
    navigateHome: navigation(`${entry}#/print?hall=h1`),
    redirectAway: redirect('file:///etc/passwd'),
    newWindow: win.webContents.windowOpenHandler ? win.webContents.windowOpenHandler({ url: 'https://example.com/' }) : null,
  };
  record.checks.permissionRequest = await record.checks.permissionRequest;
  process.emit('uncaughtException', new Error('stand-in failure'));
}
