import fs from 'node:fs';
import { expect, openPlanner, test } from './fixtures';
import { siteSummaries } from '../../shared/reports/site-summary';
import { sampleCampus } from '../../shared/samples';

test('the fleet summary lists every site, and its charts export as SVG and PNG', async ({ page, web }) => {
  await openPlanner(page, web.url);
  await page.getByTestId('view-reports').click();
  const rows = page.getByTestId('site-summary').locator('tbody tr');
  const { sites: expected, fleet } = siteSummaries(sampleCampus());
  await expect(rows).toHaveCount(expected.length);
  // In the fleet tree's order, with the fleet's total below.
  for (const [i, s] of expected.entries()) await expect(rows.nth(i).locator('td').first()).toHaveText(s.name);
  await expect(page.getByTestId('site-summary-total')).toContainText(`Fleet${fleet.miningMw.toFixed(2)}${fleet.aiMw.toFixed(2)}`);

  const svgDownload = page.waitForEvent('download');
  await page.getByTestId('export-svg-mw-by-site').click();
  const svg = await svgDownload;
  expect(svg.suggestedFilename()).toBe('mw-by-site.svg');
  const svgText = fs.readFileSync((await svg.path())!, 'utf8');
  expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svgText).toMatch(/^<svg[^>]*font-family="[^"]*sans-serif"/);
  expect(svgText).toContain(expected[0]!.name.slice(0, 24));
  // The exported chart carries its own legend and each site's total, so it reads on its own.
  expect(svgText).toContain('>mining</text>');
  expect(svgText).toContain(`>${(expected[0]!.miningMw + expected[0]!.aiMw).toFixed(1)} MW</text>`);
  await page.getByTestId('reports').screenshot({ path: 'test-results/screenshots/reports.png' });

  const pngDownload = page.waitForEvent('download');
  await page.getByTestId('export-png-mw-by-site').click();
  const png = fs.readFileSync((await (await pngDownload).path())!);
  // The PNG signature: 89 50 4E 47 0D 0A 1A 0A
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});

test('probabilities off 100 % are said on the report, and revenue is weighed by them scaled to 100 %', async ({ page, web }) => {
  await openPlanner(page, web.url);
  await page.getByTestId('view-reports').click();
  const revenue = await page.getByTestId('site-summary-total').locator('td').last().textContent();
  await expect(page.getByTestId('report-probability-note')).toHaveCount(0);
  // Base 50 % → 40 %: the scenarios add up to 90 %.
  await page.getByTestId('view-optimizer').click();
  await page.getByText('Scenarios and limits').click();
  await page.getByTestId('scenario-probability-base').fill('40');
  await page.getByTestId('scenario-probability-base').press('Enter');
  await page.getByTestId('view-reports').click();
  await expect(page.getByTestId('report-probability-note')).toContainText('add up to 90.0 %');
  await expect(page.getByTestId('site-summary-total').locator('td').last()).not.toHaveText(revenue!);
});
