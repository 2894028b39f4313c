/**
 * A site's power prices: a CSV imported in the site's inspector (refused whole, naming the
 * line, when it is wrong), ERCOT's export with its settlement point picked, the price
 * duration curve with the miners' breakeven prices, and the plan's energy rows.
 */
import { expect, openPlanner, test } from './fixtures';
import { sampleCampus } from '../../shared/samples';
import { ercotYearLines, hourlyYearLines } from '../support/price-csv';

/** 2027 hour by hour: $25 most hours, $300 from 17:00 to 20:00. */
const hourlyYear = (): string[] => hourlyYearLines((h) => (h % 24 >= 17 && h % 24 < 21 ? 300 : 25));

/** An ERCOT export of 2027 for HB_WEST (20 + hour ending) and HB_NORTH ($31.50), through both clock changes. */
const ercotYear = (): string => ercotYearLines({ HB_WEST: (hour) => 20 + hour, HB_NORTH: () => 31.5 }).join('\r\n');

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('a site imports hourly or ERCOT prices, refuses a broken file whole, and draws its price duration curve with the miners\' breakevens', async ({ page, web }) => {
  await openPlanner(page, web.url);
  const site = sampleCampus().sites[0]!;
  await page.getByTestId(`tree-site-${site.id}`).click();
  const energy = page.getByTestId('site-energy');
  await expect(energy.getByTestId('site-price-series')).toHaveText('Prices: the flat price, every hour');
  await expect(energy.getByTestId('chart-price-duration')).toBeVisible();
  await expect(energy.getByTestId('chart-breakeven').first()).toBeAttached();

  // A broken file: nothing imported, the line named.
  const broken = hourlyYear();
  broken[4] = '2027-01-01 04:00,abc';
  await energy.getByTestId('site-price-import').setInputFiles(csv('broken.csv', broken.join('\n')));
  await expect(energy.getByTestId('site-price-errors')).toHaveText('line 5: "abc" is not a price in $/MWh');
  await expect(energy.getByTestId('site-price-series')).toHaveText('Prices: the flat price, every hour');

  await energy.getByTestId('site-price-import').setInputFiles(csv('west.csv', hourlyYear().join('\n')));
  await expect(energy.getByTestId('site-price-series')).toHaveText('Prices: west.csv, 8,760 intervals of 60 min from 2027-01-01 00:00');
  await expect(energy.getByTestId('site-price-errors')).toHaveCount(0);
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /price series/);
  // Miners stop in the four $300 hours of each day: 20 of 24 hours, 83 %.
  await expect(energy.getByTestId('site-energy-periods').locator('tbody tr').first().locator('td').nth(1)).toHaveText('83 %');
  const curve = await energy.getByTestId('chart-price-duration').locator('polyline').getAttribute('points');
  expect(curve!.split(' ').length).toBe(200);
  await energy.screenshot({ path: 'test-results/screenshots/site-energy.png' });

  // ERCOT's export: the settlement point is picked, then imported.
  await energy.getByTestId('site-price-import').setInputFiles(csv('spp-2027.csv', ercotYear()));
  await expect(energy.getByTestId('site-price-point-choice')).toHaveValue('HB_NORTH');
  await energy.getByTestId('site-price-point-choice').selectOption('HB_WEST');
  await energy.getByTestId('site-price-point-import').click();
  await expect(energy.getByTestId('site-price-series')).toHaveText('Prices: spp-2027.csv, HB_WEST, 35,040 intervals of 15 min from 2027-01-01 00:00');

  // A fixed-price block of 2 MW at $20 against HB_WEST's (20 + hour ending) prices: the site gains on it.
  await energy.getByTestId('site-hedge-add').click();
  await energy.getByTestId('site-hedge-mw-0').fill('2');
  await energy.getByTestId('site-hedge-mw-0').press('Enter');
  await energy.getByTestId('site-hedge-price-0').fill('20');
  await energy.getByTestId('site-hedge-price-0').press('Enter');
  await expect(energy.getByTestId('site-hedge-price-0')).toHaveValue('20');

  // The plan's economics carry the energy rows.
  await page.getByTestId('view-optimizer').click();
  await page.getByTestId('optimizer-run').click();
  await expect(page.getByTestId('optimizer-result')).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('optimizer-periods').locator('summary').click();
  await expect(page.getByTestId('optimizer-periods').locator('thead')).toContainText('Curtailment credits');
  await expect(page.getByTestId('optimizer-periods').locator('thead')).toContainText('Demand charges');
  await expect(page.getByTestId('period-curtailment-credits').first()).toHaveText(/^\$[\d.]+ [kMB]?$|^\$\d/);
  // About 2 MW × 2,190 h × (mean $32.50 × the scenarios' expected factor 1.0125 − $20) = $56.5 k a quarter
  // (the optimizer integration test holds the settlement to the dollar; here, that the row is there and a gain).
  await expect(page.getByTestId('period-hedges').first()).toHaveText(/^\$[\d.]+ k$/);
  // Sensitivity to the power price, production as planned: dearer power, lower NPV.
  const power = (await page.getByTestId('sensitivity-power').allTextContents()).map((t) => t.split(': ')[1]!);
  expect(power).toHaveLength(6);
  expect(power[2]).toBe(await page.getByTestId('optimizer-npv').textContent());
});
