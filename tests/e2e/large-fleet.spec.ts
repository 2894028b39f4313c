/**
 * A fleet of 100,000 placements opened from a file in Chromium through the browser build:
 * the hall is drawn and can be edited. How long it takes is the bench's to measure; this
 * only logs it.
 */
import path from 'node:path';
import { writeFleetFile } from '../../db/fleet-file';
import { fitHallPlan, toScreen } from '../../renderer/src/layout/viewport';
import { generateFleet } from '../../shared/samples';
import { expect, openPlanner, test } from './fixtures';

const objectCount = async (page: import('@playwright/test').Page) => Number((await page.getByTestId('status-bar').textContent())!.match(/([\d,]+) objects/)![1]!.replace(/,/g, ''));

test('a 100,000-placement fleet opens, its hall is drawn, and a rack in it can be selected, deleted and the deletion undone', async ({ page, web }) => {
  test.setTimeout(300_000);
  // A site per 50,000 placements keeps each interconnect within the model's ceiling.
  const doc = generateFleet({ placements: 100_000, seed: 1, sites: 2 });
  writeFleetFile(doc, path.join(web.dir, 'large.fleet'));
  await openPlanner(page, web.url);
  await page.getByTestId('open').click();
  const started = Date.now();
  await page.getByTestId('open-file-large.fleet').click();
  await expect(page.getByTestId('tree-fleet')).toHaveText(doc.fleet.name, { timeout: 120_000 });
  const hallId = await page.getByTestId('hall-view').getAttribute('data-hall-id');
  const hall = doc.halls.find((h) => h.id === hallId)!;
  const inHall = doc.placements.filter((p) => p.hallId === hall.id);
  await expect(page.getByTestId('hall-canvas')).toHaveAttribute('data-drawn-count', String(inHall.length), { timeout: 120_000 });
  test.info().annotations.push({ type: 'opened and drawn', description: `${Date.now() - started} ms (100,000 placements)` });
  // Drawn before it is checked; the checks follow on their own.
  await expect(page.getByTestId('problems-checking')).toHaveCount(0, { timeout: 120_000 });

  const before = await objectCount(page);
  const rack = inHall[0]!;
  const box = (await page.getByTestId('hall-overlay').boundingBox())!;
  const at = toScreen(fitHallPlan(hall, { width: Math.floor(box.width), height: Math.floor(box.height) }), rack.xM, rack.yM);
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await expect(page.getByTestId('inspector-x')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect.poll(() => objectCount(page), { timeout: 30_000 }).toBe(before - 1);
  await page.getByTestId('undo').click();
  await expect.poll(() => objectCount(page), { timeout: 30_000 }).toBe(before);
});
