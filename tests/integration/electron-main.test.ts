import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, RENDERER_ENTRY } from '../../electron/app/app-protocol';
import { APP_CONTENT_SECURITY_POLICY } from '../../shared/security';

// The built main process started under Node with `electron` resolved to a recording
// stand-in (tests/support/electron-standin.cjs), over the real backend: it proves what
// main does at start and how it answers the window, not that Electron runs (the
// _electron specs in tests/e2e-electron do that wherever the binary exists).
const MAIN = path.resolve('dist/electron/main.cjs');

interface StandinRecord {
  calls: (string | Record<string, unknown>)[];
  windows: { options: { webPreferences: Record<string, unknown> }; loaded: string[] }[];
  errors: string[];
  checks: {
    page: Record<string, unknown>;
    traversal: number;
    trustedInvoke: { title?: string; error?: string };
    foreignInvoke: { error?: string };
    noFrameInvoke: { error?: string };
    unchosenPath: { error?: string };
    guards: Record<string, unknown>;
    permissionRequest: boolean;
    permissionCheck: boolean;
  };
}

let record: StandinRecord;
let dir: string;

beforeAll(() => {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does)`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'electron-main-'));
  const out = path.join(dir, 'record.json');
  const run = spawnSync(process.execPath, ['--require', path.resolve('tests/support/electron-standin.cjs'), MAIN], {
    env: { ...process.env, STANDIN_DIR: dir, STANDIN_OUT: out },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (!fs.existsSync(out)) throw new Error(`main wrote no record (exit ${run.status}): ${run.stderr}`);
  record = JSON.parse(fs.readFileSync(out, 'utf8')) as StandinRecord;
});

const names = () => record.calls.map((c) => (typeof c === 'string' ? c : Object.keys(c)[0]!));

describe('the built Electron main process, started on a stand-in', () => {
  it('runs without an error', () => {
    expect(record.errors).toEqual([]);
  });

  it('registers the app scheme as privileged before ready, and its handler after', () => {
    const order = names();
    expect(order.indexOf('protocol.registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(order.indexOf('ready'));
    expect(record.calls).toContainEqual({ 'protocol.registerSchemesAsPrivileged': [APP_SCHEME_PRIVILEGES] });
    expect(record.calls).toContainEqual({ 'protocol.handle': 'app' });
  });

  it('opens one window with the secure options, a preload that exists, on app://fleet/ (never file://)', () => {
    expect(record.windows).toHaveLength(1);
    const [win] = record.windows;
    expect(win!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(fs.existsSync(String(win!.options.webPreferences.preload))).toBe(true);
    expect(win!.loaded).toEqual([RENDERER_ENTRY]);
  });

  it('serves the built renderer on the app scheme: page, its module script, the app CSP; no way out of the folder', () => {
    expect(record.checks.page).toMatchObject({ status: 200, csp: APP_CONTENT_SECURITY_POLICY, hasRoot: true, scriptStatus: 200, scriptType: 'text/javascript; charset=utf-8' });
    expect(record.checks.traversal).toBe(404);
  });

  it('answers the window over ipc from the real backend, and refuses other frames', () => {
    expect(names()).toContain('ipcMain.handle');
    expect(record.checks.trustedInvoke).toMatchObject({ title: expect.any(String) });
    expect(record.checks.foreignInvoke.error).toMatch(/refused/);
    expect(record.checks.noFrameInvoke.error).toMatch(/refused/);
  });

  it('refuses a path the user never chose in a dialog or from Recent', () => {
    expect(record.checks.unchosenPath.error).toMatch(/Cannot open "\/etc\/passwd": it was not chosen in a file dialog or from Recent/);
  });

  it('keeps every window on its renderer: navigation, redirects and new windows refused; permissions denied', () => {
    expect(record.checks.guards).toEqual({ navigateAway: true, navigateHome: false, redirectAway: true, newWindow: { action: 'deny' } });
    expect(record.checks.permissionRequest).toBe(false);
    expect(record.checks.permissionCheck).toBe(false);
  });

  it('builds the menu', () => {
    expect(record.calls).toContainEqual({ 'Menu.setApplicationMenu': expect.arrayContaining(['&File', '&Edit', '&View', '&Plan', '&Help']) });
  });

  it('shows an uncaught exception to the user and logs it', () => {
    expect(record.calls).toContainEqual({ 'dialog.showErrorBox': expect.stringContaining('stand-in failure') });
    const log = fs.readFileSync(path.join(dir, 'userData', 'fleet-planner.log'), 'utf8');
    expect(log).toContain('uncaught: Error: stand-in failure');
  });

  it('closes the backend and quits when the last window closes', () => {
    expect(names().at(-1)).toBe('app.quit');
  });
});
