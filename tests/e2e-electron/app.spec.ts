/**
 * The same planner flow in the real Electron app. Runs wherever Electron's binary is
 * installed (a normal `npm install`); on machines installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1 it is reported as skipped, with the reason.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import { electronBinary, SKIP_REASON } from './binary';
import os from 'node:os';
import path from 'node:path';

const binary = electronBinary();

test.describe('Electron app', () => {
  test.skip(!binary, SKIP_REASON);

  test('launches on the sample fleet with a secure window and draws a hall', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-electron-'));
    const app = await electron.launch({ executablePath: binary!, args: ['.', `--user-data-dir=${home}`], cwd: process.cwd() });
    const window = await app.firstWindow();
    expect(window.url()).toBe('app://fleet/index.html');
    await expect(window.getByTestId('tree-fleet')).toBeVisible();
    await expect(window.getByTestId('hall-canvas')).not.toHaveAttribute('data-drawn-count', '0');
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as { fleet?: { invoke?: unknown } }).fleet?.invoke)).toBe('function');
    await window.screenshot({ path: 'test-results/screenshots/electron.png' });
    await app.close();
  });
});
