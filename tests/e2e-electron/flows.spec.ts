/**
 * What only the Electron app does: open the sample, edit, save through the native
 * dialog, export a PDF through printToPDF, and ask before closing with unsaved
 * changes. Runs wherever Electron's binary is installed; skipped, with the reason,
 * elsewhere (see app.spec.ts).
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinary, SKIP_REASON } from './binary';

const binary = electronBinary();

async function launch(): Promise<{ app: ElectronApplication; home: string }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: ['.', `--user-data-dir=${home}`], cwd: process.cwd() });
  return { app, home };
}

/** Answers the next native dialog of the given kind from the main process. */
async function stubDialog(app: ElectronApplication, method: 'showSaveDialog' | 'showMessageBox', value: unknown): Promise<void> {
  await app.evaluate(({ dialog }, [m, v]) => {
    (dialog as unknown as Record<string, unknown>)[m as string] = async () => v;
  }, [method, value] as const);
}

test.describe('Electron flows', () => {
  test.skip(!binary, SKIP_REASON);

  test('open the sample, edit, save through the dialog, export a PDF', async () => {
    const { app, home } = await launch();
    const window = await app.firstWindow();
    await expect(window.getByTestId('tree-fleet')).toBeVisible();
    await window.getByTestId('new-menu').selectOption('small');
    // Keys go to the plan once it has focus (not the menu just used).
    await window.getByTestId('hall-overlay').click({ position: { x: 5, y: 5 } });
    await window.keyboard.press('Control+a');
    await window.keyboard.press('r');
    await expect(window.getByTestId('doc-title')).toContainText('•');

    const fleetFile = path.join(home, 'saved.fleet');
    await stubDialog(app, 'showSaveDialog', { canceled: false, filePath: fleetFile });
    await window.getByTestId('save').click();
    await expect(window.getByTestId('doc-title')).toHaveText('saved.fleet');
    expect(fs.readFileSync(fleetFile).subarray(0, 15).toString()).toBe('SQLite format 3');

    const pdf = path.join(home, 'plan.pdf');
    await stubDialog(app, 'showSaveDialog', { canceled: false, filePath: pdf });
    await window.getByTestId('print-preview').click();
    await window.getByTestId('export-pdf').click();
    await expect.poll(() => fs.existsSync(pdf) && fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    await app.close();
  });

  test('closing with unsaved changes asks; Cancel keeps the window', async () => {
    const { app } = await launch();
    const window = await app.firstWindow();
    await window.getByTestId('new-menu').selectOption('small');
    // Keys go to the plan once it has focus (not the menu just used).
    await window.getByTestId('hall-overlay').click({ position: { x: 5, y: 5 } });
    await window.keyboard.press('Control+a');
    await window.keyboard.press('Delete');
    await stubDialog(app, 'showMessageBox', { response: 2 });
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    await expect(window.getByTestId('tree-fleet')).toBeVisible();
    await stubDialog(app, 'showMessageBox', { response: 1 });
    const closed = app.waitForEvent('close');
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    await closed;
  });
});
