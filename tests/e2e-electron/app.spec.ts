/**
 * The same planner flow in the real Electron app. Runs wherever Electron's binary is
 * installed (a normal `npm install`); on machines installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1 it is reported as skipped, with the reason.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Electron's binary if installed. Never require('electron') here: it starts a download when the binary is missing. */
function electronBinary(): string | null {
  const pkg = path.join(process.cwd(), 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(pkg, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const reason = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1); these specs run wherever it is';
if (!binary) console.log(`skipped: tests/e2e-electron — ${reason}`);

test.describe('Electron app', () => {
  test.skip(!binary, reason);

  test('launches on the sample fleet with a secure window and draws a hall', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-electron-'));
    const app = await electron.launch({ executablePath: binary!, args: ['.', `--user-data-dir=${home}`], cwd: process.cwd() });
    const window = await app.firstWindow();
    await expect(window.getByTestId('tree-fleet')).toBeVisible();
    await expect(window.getByTestId('hall-canvas')).not.toHaveAttribute('data-drawn-count', '0');
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as { fleet?: { invoke?: unknown } }).fleet?.invoke)).toBe('function');
    await window.screenshot({ path: 'test-results/screenshots/electron.png' });
    await app.close();
  });
});
