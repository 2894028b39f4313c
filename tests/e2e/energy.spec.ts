/**
 * A site's power prices: a CSV imported in the site's inspector (refused whole, naming the
 * line, when it is wrong), ERCOT's export with its settlement point picked, the price
 * duration curve with the miners' breakeven prices, and the plan's energy rows.
 */
import { expect, openPlanner, saveAndReopen, test } from './fixtures';
import { sampleCampus } from '../../shared/samples';
import { ercotDayAheadYearLines, ercotYearLines, hourlyYearLines } from '../support/price-csv';

/** 2027 hour by hour: $25 most hours, $300 from 17:00 to 20:00, and one $5,000 scarcity hour on 1 August at 17:00. */
const SCARCITY_HOUR = 212 * 24 + 17;
const hourlyYear = (): string[] => hourlyYearLines((h) => (h === SCARCITY_HOUR ? 5_000 : h % 24 >= 17 && h % 24 < 21 ? 300 : 25));

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
  // The scarcity hour is clipped above the axis (the 1 % dearest hours are at $300) and its peak written.
  await expect(energy.getByTestId('chart-price-peak')).toHaveText('peak $5,000, clipped');
  // The breakeven of the miners standing in each hall, named, with the share of hours priced below it: 20 of 24 (83 %).
  await expect(energy.getByTestId('site-breakevens').locator('li').first()).toHaveText(/^Building A \(S21 XP\): 500 × Shelf rack, 20 × Antminer S21 XP stop above \$\d+\.\d\d\/MWh \(83 % of hours below\)$/);

  // At 1280 × 720 the energy section is read whole: the chart within the inspector, the table not cut.
  await page.setViewportSize({ width: 1280, height: 720 });
  const inspector = (await page.locator('.right-inspector').boundingBox())!;
  const chart = (await energy.getByTestId('chart-price-duration').boundingBox())!;
  expect(chart.x).toBeGreaterThanOrEqual(inspector.x);
  expect(chart.x + chart.width).toBeLessThanOrEqual(inspector.x + inspector.width);
  const table = energy.locator('.energy-table');
  expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  await energy.getByTestId('chart-price-duration').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/site-energy-1280x720.png' });
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/site-energy-table-1280x720.png' });
  await page.setViewportSize({ width: 1400, height: 850 });

  // ERCOT's day-ahead report: hourly, its point picked.
  await energy.getByTestId('site-price-import').setInputFiles(csv('dam-2027.csv', ercotDayAheadYearLines({ HB_WEST: (hour) => 20 + hour }).join('\r\n')));
  await energy.getByTestId('site-price-point-import').click();
  await expect(energy.getByTestId('site-price-series')).toHaveText('Prices: dam-2027.csv, HB_WEST, 8,760 intervals of 60 min from 2027-01-01 00:00');

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
  // The heading may break at its soft hyphen (Curtail-ment) so the twelve columns fit.
  await expect(page.getByTestId('optimizer-periods').locator('thead')).toContainText('Curtail\u00ADment credits');
  await expect(page.getByTestId('optimizer-periods').locator('thead')).toContainText('Demand charges');
  await expect(page.getByTestId('period-curtailment-credits').first()).toHaveText(/^\$[\d.]+ [kMB]?$|^\$\d/);
  // 2 MW × 2,190 h × (mean $32.50 × the scenarios' expected factor 1.0125 − $20) = $56.5 k a quarter: the
  // backend's plan settles against HB_WEST's prices (at the site's flat $30 it would be $45.4 k).
  await expect(page.getByTestId('period-hedges').first()).toHaveText('$56.5 k');
  // At 1280 × 720 every column of the economics is in view, none behind a scroll.
  await page.setViewportSize({ width: 1280, height: 720 });
  expect(await page.getByTestId('optimizer-periods').evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  await page.getByTestId('optimizer-periods').locator('tbody').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/optimizer-periods-1280x720.png' });
  await page.setViewportSize({ width: 1400, height: 850 });
  // Sensitivity to the power price, production as planned: dearer power, lower NPV.
  const power = (await page.getByTestId('sensitivity-power').allTextContents()).map((t) => t.split(': ')[1]!);
  expect(power).toHaveLength(6);
  expect(power[2]).toBe(await page.getByTestId('optimizer-npv').textContent());

  // Saved and reopened, the site keeps its prices (the hedge's edits, sent as patches, left them) and its hedge.
  await saveAndReopen(page, 'energy');
  await page.getByTestId('view-layout').click();
  await page.getByTestId(`tree-site-${site.id}`).click();
  await expect(page.getByTestId('site-price-series')).toHaveText('Prices: spp-2027.csv, HB_WEST, 35,040 intervals of 15 min from 2027-01-01 00:00');
  await expect(page.getByTestId('site-hedge-mw-0')).toHaveValue('2');
  await expect(page.getByTestId('site-hedge-price-0')).toHaveValue('20');
});
