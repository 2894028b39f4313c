/**
 * A data-center engineer's first day on the sample campus at 1280 × 720: energy set up,
 * the optimizer run and read, the plan applied, the hall checked and printed. Each step
 * holds what a walk through it found wrong.
 */
import { expect, openPlanner, test } from './fixtures';

test('a first day on the campus: the AI contract\'s cost is listed, the energy after Apply speaks of what stands, and the print keys each model apart', async ({ page, web }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlanner(page, web.url);
  // Pecos Flats: demand response is on; a peak-demand charge of $4/kW-month is added.
  await page.getByTestId('tree-site-wtx').click();
  await page.getByTestId('site-peak-charge').fill('4');
  await page.getByTestId('site-peak-charge').press('Enter');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /peak-demand charge/);
  const energy = page.getByTestId('site-energy');
  // The demand-response checkbox stands at its label's start, not in the middle of the field.
  const drLabel = (await energy.locator('label', { has: page.getByTestId('site-dr-enabled') }).locator('span').first().boundingBox())!;
  expect(Math.abs((await page.getByTestId('site-dr-enabled').boundingBox())!.x - drLabel.x)).toBeLessThan(4);
  // Paired fields line up at 1280 × 720: the curtailed share's label runs over two lines, its input level with the credit's;
  // a hedge's remove button stands beside its two inputs.
  const top = async (testId: string) => (await page.getByTestId(testId).boundingBox())!.y;
  expect(await top('site-dr-share')).toBeCloseTo(await top('site-dr-credit'), 0);
  await page.getByTestId('site-hedge-add').click();
  const remove = (await page.getByTestId('site-hedge-remove-0').boundingBox())!;
  const price = (await page.getByTestId('site-hedge-price-0').boundingBox())!;
  expect(remove.x).toBeGreaterThanOrEqual(price.x + price.width);
  expect(Math.abs(remove.y + remove.height / 2 - (price.y + price.height / 2))).toBeLessThan(4);
  await page.getByTestId('site-hedge-remove-0').click();
  await expect(page.getByTestId('site-hedge-mw-0')).toHaveCount(0);
  // Before the plan Building B mines beside its GB200 pod: its standing miners have a breakeven.
  await expect(energy.getByTestId('site-breakevens')).toContainText(/Building B \(AI retrofit, phase 1\): [\d,]+ × Shelf rack, 20 × Antminer S21 XP stop above/);

  // The fleet summary's figures read on one line each at 1280 × 720 ("723.5 PH/s" broke before its unit).
  await page.getByTestId('view-reports').click();
  const summaryCells = page.getByTestId('site-summary').locator('tbody td');
  const heights = await summaryCells.evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().height));
  expect(Math.max(...heights)).toBeLessThan(Math.min(...heights) + 2);
  await page.getByTestId('view-optimizer').click();
  await page.getByTestId('optimizer-run').click();
  await expect(page.getByTestId('optimizer-result')).toBeVisible({ timeout: 60_000 });
  // Each figure reads on one line at 1280 × 720 ("$229.05 M" was broken after the number), the status sentence wraps beside them.
  for (const figure of ['optimizer-npv', 'optimizer-irr', 'optimizer-payback', 'decision-npv', 'decision-irr']) {
    const { height } = (await page.getByTestId(figure).boundingBox())!;
    expect(height, figure).toBeLessThan(26);
  }
  await page.getByTestId('optimizer-result').screenshot({ path: 'test-results/screenshots/first-day-optimizer-kpis.png' });
  // The 6 MW contract forces Building B's retrofit: the plan is worth less than keeping every hall
  // as it is, and what the contract costs is listed first among the limits, in dollars.
  const decision = /^−\$([\d.]+) M$/.exec((await page.getByTestId('decision-npv').textContent())!);
  expect(decision).not.toBeNull();
  const contract = page.getByTestId('optimizer-binding').locator('li').first();
  await expect(contract).toHaveText(/^the AI contract \(6 MW from Q1 2029 to Q4 2031\) costs \$[\d,]+ of NPV, the best plan without it is worth that much more$/);
  // Without the contract the best plan keeps every hall as it is: the contract costs what the decision loses.
  const costUsd = Number(/\$([\d,]+)/.exec((await contract.textContent())!)![1]!.replaceAll(',', ''));
  expect(Math.abs(costUsd / 1e6 - Number(decision![1]))).toBeLessThan(0.01);

  await page.getByTestId('optimizer-apply').click();
  await expect(page.getByTestId('message')).toHaveText(/^Plan applied to 1 hall/);
  // After Apply Building B's miners are gone for 52 GB200 racks: it is a firm load, not a mining breakeven.
  await page.getByTestId('view-layout').click();
  await page.getByTestId('tree-site-wtx').click();
  await expect(energy.getByTestId('site-firm-hall')).toHaveText('Building B (AI retrofit, phase 1): 52 × GB200 NVL72 rack, no miners: a firm load, drawing every hour whatever the price');
  await expect(energy.getByTestId('site-breakevens').locator('li', { hasText: 'stop above' })).toHaveText([/^Building A \(S21 XP\): 500 × Shelf rack/]);
  await energy.getByTestId('site-breakevens').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/first-day-energy-after-apply.png' });

  // Run again on the applied layout: Building B keeps its 52 GB200 racks as it stands, not "Keep mining (… S21 XP)" beside 52.
  await page.getByTestId('view-optimizer').click();
  await page.getByTestId('optimizer-run').click();
  const hallB = page.getByTestId('optimizer-halls').locator('tbody tr', { hasText: 'Building B' }).locator('td');
  await expect(hallB.nth(1)).toHaveText('Keep as it stands', { timeout: 60_000 });
  await expect(hallB.nth(3)).toHaveText('52 × GB200 NVL72 rack');
  // Halls that keep their own miners keep their option's name and count.
  await expect(page.getByTestId('optimizer-halls').locator('tbody tr', { hasText: 'Building A' }).locator('td').nth(1)).toHaveText('Keep mining (Shelf rack, 20 × Antminer S21 XP)');
  await expect(page.getByTestId('optimizer-halls').locator('tbody tr', { hasText: 'Building A' }).locator('td').nth(3)).toHaveText('500');

  // The hall printed: its two CDU models (in-row and row-end) key apart, and every unit is drawn in its model's swatch.
  await page.getByTestId('view-layout').click();
  await page.getByTestId('tree-hall-wtx-b').click();
  await page.getByTestId('print-preview').click();
  const sheet = page.getByTestId('sheet-1');
  await expect(sheet).toBeVisible();
  // The way back reads on one line.
  const back = page.getByTestId('print-view').getByRole('link', { name: /Back to the planner/ });
  expect((await back.boundingBox())!.height).toBeLessThan(24);
  const swatches = await sheet.getByTestId('legend').locator('rect[data-legend-key]').evaluateAll((rects) => rects.map((r) => [r.getAttribute('data-legend-key')!, r.getAttribute('fill')!] as const));
  expect(swatches.length).toBeGreaterThanOrEqual(5);
  expect(new Set(swatches.map(([, fill]) => fill)).size).toBe(swatches.length);
  const legendText = await sheet.getByTestId('legend').textContent();
  expect(legendText).toContain('In-row CDU');
  expect(legendText).toContain('Row-end CDU');
  const drawn = await sheet.getByTestId('drawing').locator('rect[data-legend-key]').evaluateAll((rects) => rects.map((r) => [r.getAttribute('data-legend-key')!, r.getAttribute('fill')!] as const));
  const swatchOf = new Map(swatches);
  for (const [key, fill] of drawn) if (swatchOf.has(key)) expect(fill, key).toBe(swatchOf.get(key));
  await sheet.getByTestId('legend').screenshot({ path: 'test-results/screenshots/first-day-print-legend.png' });
});
