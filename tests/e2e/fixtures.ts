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

export const test = base.extend<{ web: WebApp }>({
  web: async ({}, use) => {
    const app = await startWebApp();
    await use(app);
    await stopWebApp(app);
    fs.rmSync(app.dir, { recursive: true, force: true });
  },
});

export { expect };
