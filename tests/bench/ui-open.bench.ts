/**
 * Opening a large fleet in the UI as a user does: the browser build in Debian's Chromium,
 * the file chosen in the Open list, timed until its hall is drawn (the canvas says how
 * many units it drew). Beside it, the backend's own open of the same file in this process,
 * and the web server's peak resident memory (its whole backend: document, checks, answer).
 * Goals: 100,000 placements drawn within 1 s, 500,000 within 5 s; the server under 600 MB at 500,000.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { writeFleetFile } from '../../db/fleet-file';
import { DocumentService } from '../../electron/backend/document/service';
import { generateFleet } from '../../shared/samples';
import { startWebApp, stopWebApp } from '../support/web-app';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { report, time } from './measure';

const SIZES = [
  { placements: 100_000, goalMs: 1000 },
  { placements: 500_000, goalMs: 5000 },
] as const;
const SERVER_GOAL_MB = 600;

/** Peak resident memory of a process so far (Linux). */
function peakRssMb(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  for (const { placements, goalMs } of SIZES) {
    const app = await startWebApp();
    try {
      const name = `f${placements}.fleet`;
      const file = path.join(app.dir, name);
      // A site per 50,000 placements keeps each interconnect within the model's ceiling.
      const doc = generateFleet({ placements, seed: 1, sites: placements / 50_000 });
      writeFleetFile(doc, file);
      const service = new DocumentService({ dataDir: path.join(app.dir, 'bench-data'), documentsDir: app.dir });
      const backendMs = time(() => service.openFile(file));
      service.close();

      const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
      await page.goto(app.url);
      await page.getByTestId('hall-canvas').and(page.locator(':not([data-drawn-count="0"])')).waitFor();
      await page.getByTestId('open').click();
      // Timed in the page: the click on the file, and each count the canvas says it drew.
      await page.evaluate(() => {
        const w = window as unknown as { clickedAt: number; drawn: [string | null, number][] };
        w.drawn = [];
        new MutationObserver((changes) => {
          for (const c of changes) w.drawn.push([(c.target as Element).getAttribute('data-drawn-count'), performance.now()]);
        }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-drawn-count'] });
        document.addEventListener('click', () => (w.clickedAt = performance.now()), { capture: true, once: true });
      });
      await page.getByTestId(`open-file-${name}`).click();
      await page.waitForFunction(
        (title) => document.querySelector('[data-testid="tree-fleet"]')?.textContent === title && document.querySelector('[data-testid="hall-view"]') !== null,
        doc.fleet.name,
        { timeout: 300_000, polling: 20 },
      );
      const hallId = await page.getByTestId('hall-view').getAttribute('data-hall-id');
      const inHall = String(doc.placements.filter((p) => p.hallId === hallId).length);
      await page.waitForFunction((n) => document.querySelector('[data-testid="hall-canvas"]')?.getAttribute('data-drawn-count') === n, inHall, { timeout: 300_000, polling: 20 });
      const uiMs = await page.evaluate((n) => {
        const w = window as unknown as { clickedAt: number; drawn: [string | null, number][] };
        return w.drawn.find(([count]) => count === n)![1] - w.clickedAt;
      }, inHall);
      await page.getByTestId('problems-checking').waitFor({ state: 'detached', timeout: 300_000 });
      const checkedMs = await page.evaluate(() => performance.now() - (window as unknown as { clickedAt: number }).clickedAt);
      await page.close();
      const count = placements.toLocaleString('en-US');
      report({ bench: 'ui-open', figure: `open in the UI, ${count} placements: file chosen to hall drawn (${Number(inHall).toLocaleString('en-US')} units)`, value: uiMs, unit: 'ms', reference: "the backend's own open of the same file", referenceValue: backendMs, goal: `under ${goalMs} ms`, pass: uiMs <= goalMs });
      report({ bench: 'ui-open', figure: `open in the UI, ${count} placements: file chosen to every limit checked (Problems filled)`, value: checkedMs, unit: 'ms', reference: "the backend's own open of the same file", referenceValue: backendMs, goal: 'none set (the hall is drawn and editable before)', pass: true });
      const serverMb = peakRssMb(app.process.pid!);
      report({ bench: 'ui-open', figure: `web server's peak resident memory, ${count} placements opened`, value: serverMb, unit: 'MB', reference: 'the .fleet file', referenceValue: fs.statSync(file).size / 1e6, goal: `under ${SERVER_GOAL_MB} MB`, pass: serverMb <= SERVER_GOAL_MB });
    } finally {
      await stopWebApp(app);
      fs.rmSync(app.dir, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
