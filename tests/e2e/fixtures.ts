/**
 * Starts the real browser build (`node dist/web/server.cjs`, as `npm run web` does) with
 * a fresh documents folder for each test, and opens its URL.
 */
import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import { startWebApp, stopWebApp, type WebApp } from '../support/web-app';

export { startWebApp, stopWebApp, type WebApp };

/** Waits until the planner has loaded its document and drawn the selected hall. */
export async function openPlanner(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('tree-fleet')).toBeVisible();
  await expect(page.getByTestId('hall-canvas')).not.toHaveAttribute('data-drawn-count', '0');
}

/** Saves the document as NAME.fleet in the documents folder, opens another, and reopens it from Recent. */
export async function saveAndReopen(page: Page, name: string): Promise<void> {
  await page.getByTestId('save').click();
  await page.getByTestId('save-as-name').fill(name);
  await page.getByTestId('save-as-confirm').click();
  await expect(page.getByTestId('doc-title')).toHaveText(`${name}.fleet`);
  await page.getByTestId('new-menu').selectOption('small');
  await page.getByTestId('recent-menu').selectOption({ label: `${name}.fleet` });
}

/** Switches the fleet to US units and waits until the backend holds the change (a page loaded next reads it). */
export async function switchToUsUnits(page: Page): Promise<void> {
  const select = page.getByTestId('unit-system');
  await expect(async () => {
    // An edit still on its way to the backend when the page reloads is lost: choose again until a reload reads it back.
    if ((await select.inputValue()) !== 'us') await select.selectOption('us');
    await page.waitForTimeout(300);
    await page.reload();
    await expect(select).toHaveValue('us', { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

export const test = base.extend<{ web: WebApp }>({
  web: async ({}, use) => {
    const app = await startWebApp();
    await use(app);
    await stopWebApp(app);
    fs.rmSync(app.dir, { recursive: true, force: true });
  },
});

export { expect };
