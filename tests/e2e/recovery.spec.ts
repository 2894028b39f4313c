/**
 * Crash recovery in the browser build: two sessions on one documents folder are killed
 * with unsaved work; the next start reopens the newest and offers the other, and
 * recovering either never discards the other.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { expect, openPlanner, startWebApp, stopWebApp, test, type WebApp } from './fixtures';

/** Renames the open (untitled) fleet through the app's own socket, as the renderer would. */
async function renameFleet(app: WebApp, name: string): Promise<void> {
  const url = new URL(app.url);
  const ws = new WebSocket(`ws://${url.host}/ipc?token=${url.searchParams.get('token')}`, { headers: { Origin: url.origin } });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let id = 0;
  const call = (channel: string, payload: unknown) =>
    new Promise<{ ok: boolean; result: { revision: number } }>((resolve) => {
      const mine = ++id;
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString());
        if (message.id === mine) resolve(message);
      });
      ws.send(JSON.stringify({ id: mine, channel, payload }));
    });
  const current = await call('document.current', {});
  expect(await call('document.apply', { command: { type: 'set-fleet', fleet: { name } }, baseRevision: current.result.revision })).toMatchObject({ ok: true });
  ws.close();
}

function crash(app: WebApp): Promise<void> {
  return new Promise((resolve) => {
    app.process.once('exit', () => resolve());
    app.process.kill('SIGKILL');
  });
}

test('offers every crashed session and keeps each one while recovering another', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-e2e-recovery-'));
  const first = await startWebApp(dir);
  const second = await startWebApp(dir);
  await renameFleet(first, 'First session');
  await new Promise((resolve) => setTimeout(resolve, 50));
  await renameFleet(second, 'Second session');
  await crash(first);
  await crash(second);

  const app = await startWebApp(dir);
  try {
    await openPlanner(page, app.url);
    // The newest reopens; the other is offered at once, with what it holds.
    await expect(page.getByTestId('doc-title')).toHaveText('Second session •');
    const offer = page.getByTestId('recovery-First session');
    await expect(offer).toBeVisible();
    await expect(offer.getByTestId('recovery-changes')).toHaveText(/^never saved; holds \d+ sites?, /);
    await offer.getByTestId('recovery-recover').click();
    await expect(page.getByTestId('doc-title')).toHaveText('First session •');

    // The session it replaced was set aside, not discarded.
    await page.getByTestId('recover').click();
    await expect(page.getByTestId('recoveries').locator('li')).toHaveCount(1);
    await page.getByTestId('recovery-Second session').getByTestId('recovery-recover').click();
    await expect(page.getByTestId('doc-title')).toHaveText('Second session •');
    await expect(page.getByTestId('recover')).toHaveText('Recover (1)');

    // Discarding asks first, then the offer is gone.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('recover').click();
    await page.getByTestId('recovery-First session').getByTestId('recovery-discard').click();
    await expect(page.getByTestId('recoveries').locator('li')).toHaveCount(0);
  } finally {
    await stopWebApp(app);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
