/**
 * The site's single line in the browser build: the small sample's power chain, each node's
 * load against its limit worked out by hand, an overloaded node marked, and a click on a
 * node showing it selected on its hall's plan.
 */
import { expect, openPlanner, test } from './fixtures';
import { fitHallPlan, toScreen } from '../../renderer/src/layout/viewport';
import { sampleSmall } from '../../shared/samples';

const small = sampleSmall();

test('the single line of a site shows each level’s load, limit and use; an overloaded level is marked; a node clicked is selected on the plan', async ({ page, web }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlanner(page, web.url);
  await page.getByTestId('new-menu').selectOption('small');
  await expect(page.getByTestId('tree-fleet')).toHaveText(small.fleet.name);
  // The sample opens on its first hall once loaded: click the site until its view stays.
  await expect(async () => {
    await page.getByTestId('tree-site-sm').click();
    await expect(page.getByTestId('site-tab-single-line')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.getByTestId('site-tab-single-line').click();
  const node = (key: string) => page.getByTestId(`single-line-${key}`);

  // Interconnect: IT (8 × 72.9 + 2 × 132 = 847.2 kW) × PUE 1.1 = 931.92 kW = 0.93 MW of 5 MW, 19 %.
  await expect(node('interconnect:sm')).toContainText('0.93 MW of 5 MW');
  await expect(node('interconnect:sm')).toContainText('19 %');
  // The hall feed carries everything drawn in the hall: 847.2 + the CDU's 12 = 859.2 kW of 1,000 kW, 86 %.
  await expect(node('hall:sm-h1')).toContainText('859.2 kW of 1,000 kW');
  await expect(node('hall:sm-h1')).toContainText('86 %');
  // PDU 1.1 (400 kVA × 0.8 = 320 kVA): Busway 1's 2 × 132 / 0.98 = 269.39 kVA and the CDU's 12 / 0.9 = 13.33 kVA = 282.7 kVA, 88 %.
  const pdu = node('source:sm-pdu01-01:hall:sm-h1');
  await expect(pdu).toContainText('282.7 kVA of 320 kVA');
  await expect(pdu).toContainText('rated 400 kVA');
  await expect(pdu).toContainText('88 %');
  // Busway 1 (800 A, 575 kVA × 0.8 = 460 kVA) on its A feed: 269.4 kVA, 59 %; its racks draw 264 kW, 269.4 kVA.
  const busway = node('source:sm-bw1:sm-pdu01-01');
  await expect(busway).toContainText('269.4 kVA of 460 kVA');
  await expect(busway).toContainText('59 %');
  await expect(busway.locator('.single-line-feed')).toHaveText('A');
  await expect(node('loads:sm-bw1:A:sm-gpu01-01')).toContainText('264 kW · 269.4 kVA');
  // The miners' run (1250 A, 898.5 × 0.8 = 718.8 kVA): 8 × 72.9 / 0.95 = 613.9 kVA, 85 %.
  await expect(node('source:sm-mbw1:hall:sm-h1')).toContainText('613.9 kVA of 718.8 kVA');
  await expect(page.locator('.single-line-node.over')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/single-line.png' });
  // Folding the PDU hides its branch (Busway 1, its racks, the CDU); unfolding brings it back.
  await expect(page.locator('.single-line-node')).toHaveCount(9);
  await pdu.getByRole('button', { name: 'Fold 1.1' }).click();
  await expect(page.locator('.single-line-node')).toHaveCount(6);
  await expect(busway).toHaveCount(0);
  await pdu.getByRole('button', { name: 'Unfold 1.1' }).click();
  await expect(busway).toBeVisible();

  // The hall feed cut to 800 kW: 859.2 kW is 107 % of it, over by 59.2 kW, and the node says so.
  await page.getByTestId('tree-hall-sm-h1').click();
  await page.getByTestId('hall-feed').fill('800');
  await page.getByTestId('hall-feed').press('Enter');
  await page.getByTestId('tree-site-sm').click();
  await page.getByTestId('site-tab-single-line').click();
  await expect(node('hall:sm-h1')).toHaveClass(/\bover\b/);
  await expect(node('hall:sm-h1')).toContainText('859.2 kW of 800 kW');
  await expect(node('hall:sm-h1')).toContainText('107 %, over by 59.2 kW');
  await expect(page.locator('.single-line-node.over')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/single-line-over.png' });

  // A node clicked opens its hall's plan with it selected.
  await busway.getByRole('button', { name: 'Busway 1', exact: true }).click();
  await expect(page.getByTestId('hall-canvas')).toBeVisible();
  await expect(page.getByTestId('inspector').locator('h3')).toHaveText(/Overhead busway 800 A/);
  await expect(page.getByTestId('inspector-label')).toHaveValue('Busway 1');
  // The Headroom panel for the selection's chain reads the same: Busway 1 with 460 − 269.39 = 190.61 kVA left, PDU 1.1 with 320 − 282.72 = 37.28.
  expect(Number(await page.getByTestId('headroom-power-source-sm-bw1').getAttribute('data-headroom-kw'))).toBeCloseTo(460 - 2 * (132 / 0.98), 9);
  expect(Number(await page.getByTestId('headroom-power-source-sm-pdu01-01').getAttribute('data-headroom-kw'))).toBeCloseTo(320 - 2 * (132 / 0.98) - 12 / 0.9, 9);
  await expect(page.getByTestId('headroom-power-source-sm-bw1').locator('progress')).toHaveAttribute('aria-label', '269 kVA of 460 kVA');

  // The CDU given a B feed from Busway M1: it is listed under both, and Busway M1 carries it in full as well:
  // 613.89 + 12 / 0.9 = 627.23 kVA of 718.8 kVA, 87 %; PDU 1.1 still 282.7 kVA.
  await page.getByTestId('tree-site-sm').click();
  await page.getByTestId('site-tab-single-line').click();
  await node('loads:sm-pdu01-01:A:sm-cdu01-01').getByRole('button', { name: '1.1', exact: true }).click();
  await page.getByTestId('inspector-source-b').selectOption('sm-mbw1');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /B feed/);
  await page.getByTestId('tree-site-sm').click();
  await page.getByTestId('site-tab-single-line').click();
  await expect(node('loads:sm-pdu01-01:A:sm-cdu01-01')).toContainText('12 kW · 13.3 kVA');
  await expect(node('loads:sm-mbw1:B:sm-cdu01-01')).toContainText('12 kW · 13.3 kVA');
  await expect(node('loads:sm-mbw1:B:sm-cdu01-01').locator('.single-line-feed')).toHaveText('B');
  await expect(node('source:sm-mbw1:hall:sm-h1')).toContainText('627.2 kVA of 718.8 kVA');
  await expect(node('source:sm-mbw1:hall:sm-h1')).toContainText('87 %');
  await expect(pdu).toContainText('282.7 kVA of 320 kVA');
  await page.screenshot({ path: 'test-results/single-line-ab.png' });
});

test('rack 1.2 given PDU 1.1 as its B feed (its A busway hangs from PDU 1.1): PDU 1.1 carries it once and Problems names PDU 1.1 as where A and B meet; the site’s transformers read in MW on the printed sheet', async ({ page, web }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlanner(page, web.url);
  await page.getByTestId('new-menu').selectOption('small');
  await expect(page.getByTestId('hall-canvas')).toHaveAttribute('data-drawn-count', String(small.placements.length));
  const rack = small.placements.find((p) => p.id === 'sm-gpu01-02')!;
  const box = (await page.getByTestId('hall-overlay').boundingBox())!;
  const at = toScreen(fitHallPlan(small.halls[0]!, { width: Math.floor(box.width), height: Math.floor(box.height) }), rack.xM, rack.yM);
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await expect(page.getByTestId('inspector-label')).toHaveValue('1.2');
  await page.getByTestId('inspector-source-b').selectOption('sm-pdu01-01');
  // The rack's 132 kW / 0.98 = 134.7 kVA has no second path: PDU 1.1 feeds both A (through Busway 1) and B.
  await expect(page.getByTestId('problem-shared-source')).toContainText('1.2 (GB200 NVL72 rack): its A feed, Busway 1, hangs from its B feed, 1.1 (Floor PDU 400 kVA)');
  await expect(page.getByTestId('problem-shared-source')).toContainText('134.7 kVA fed through it by both A and B');
  await expect(page.getByTestId('problem-power-source')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/shared-source.png' });

  await page.getByTestId('tree-site-sm').click();
  await page.getByTestId('site-tab-single-line').click();
  // PDU 1.1: Busway 1's 269.39 kVA (racks 1.1 and 1.2) and the CDU's 13.33 kVA = 282.7 kVA, 88 %; rack 1.2 on its B feed is the same rack, not 134.7 kVA more.
  const pdu = page.getByTestId('single-line-source:sm-pdu01-01:hall:sm-h1');
  await expect(pdu).toContainText('282.7 kVA of 320 kVA');
  await expect(pdu).toContainText('88 %');
  await expect(pdu.locator('.single-line-what')).toHaveAttribute('title', /134\.7 kVA arrives by A and B: counted once/);
  await expect(page.getByTestId('single-line-loads:sm-pdu01-01:B:sm-gpu01-02')).toContainText('132 kW · 134.7 kVA');
  await page.screenshot({ path: 'test-results/shared-source-single-line.png' });

  // Transformers of 0.94 MW carry IT × PUE = 847.2 × 1.1 = 931.92 kW: no error, and the site sheet says 0.94 MW, not 940 kVA.
  await page.getByTestId('site-transformers').fill('0.94');
  await page.getByTestId('site-transformers').press('Enter');
  await expect(page.getByTestId('single-line-transformers:sm')).toContainText('0.93 MW of 0.94 MW');
  await page.getByTestId('print-preview').click();
  await expect(page.getByTestId('sheet-1')).toContainText('Transformers (IT × PUE)');
  await expect(page.getByTestId('sheet-1')).toContainText('0.94 MW');
  await expect(page.getByTestId('sheet-1')).not.toContainText('940 kVA');
  await page.screenshot({ path: 'test-results/site-sheet-transformers.png' });
});
