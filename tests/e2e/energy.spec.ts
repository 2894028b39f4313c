/**
 * A site's power prices: a CSV imported in the site's inspector (refused whole, naming the
 * line, when it is wrong), ERCOT's export with its settlement point picked, the price
 * duration curve with the miners' breakeven prices, and the plan's energy rows.
 */
import { expect, openPlanner, test } from './fixtures';
import { sampleCampus } from '../../shared/samples';

/** 2027 hour by hour: $25 most hours, $300 from 17:00 to 20:00. */
function hourlyYear(): string[] {
  const start = Date.UTC(2027, 0, 1);
  return Array.from({ length: 8760 }, (_, h) => `${new Date(start + h * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')},${h % 24 >= 17 && h % 24 < 21 ? 300 : 25}`);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ERCOT NP6-905-CD export of 2027 for HB_WEST and HB_NORTH, with both clock changes. */
function ercotYear(): string {
  const lines = ['DeliveryDate,DeliveryHour,DeliveryInterval,SettlementPointName,SettlementPointType,SettlementPointPrice,DSTFlag'];
  for (let d = 0; d < 365; d++) {
    const date = new Date(Date.UTC(2027, 0, 1 + d));
    const day = `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/2027`;
    for (let hour = 1; hour <= 24; hour++) {
      if (day === '03/14/2027' && hour === 3) continue;
      for (const flag of day === '11/07/2027' && hour === 2 ? ['N', 'Y'] : ['N']) {
        for (let i = 1; i <= 4; i++) lines.push(`${day},${hour},${i},HB_WEST,HU,${20 + hour},${flag}`, `${day},${hour},${i},HB_NORTH,HU,31.5,${flag}`);
      }
    }
  }
  return lines.join('\r\n');
}

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

  // The plan's economics carry the energy rows.
  await page.getByTestId('view-optimizer').click();
  await page.getByTestId('optimizer-run').click();
  await expect(page.getByTestId('optimizer-result')).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('optimizer-periods').locator('summary').click();
  await expect(page.getByTestId('optimizer-periods').locator('thead')).toContainText('Curtailment credits');
  await expect(page.getByTestId('optimizer-periods').locator('thead')).toContainText('Demand charges');
  await expect(page.getByTestId('period-curtailment-credits').first()).toHaveText(/^\$[\d.]+ [kMB]?$|^\$\d/);
  // Sensitivity to the power price, production as planned: dearer power, lower NPV.
  const power = (await page.getByTestId('sensitivity-power').allTextContents()).map((t) => t.split(': ')[1]!);
  expect(power).toHaveLength(6);
  expect(power[2]).toBe(await page.getByTestId('optimizer-npv').textContent());
});
