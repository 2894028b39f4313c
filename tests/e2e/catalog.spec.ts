import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openPlanner, saveAndReopen, test } from './fixtures';
import { sampleSmall } from '../../shared/samples';
import { catalogFromCsv, catalogToCsv } from '../../shared/io/catalog-csv';

const small = sampleSmall();
const hall = small.halls[0]!;
const s21 = small.models.find((m) => m.id === 'rack-s21xp')!;

/** The small sample open, on the Catalog tab. */
async function openSmallCatalog(page: Page, url: string) {
  await openPlanner(page, url);
  await page.getByTestId('new-menu').selectOption('small');
  await expect(page.getByTestId('tree-fleet')).toHaveText(small.fleet.name);
  await page.getByTestId('view-catalog').click();
}

test('the catalog: edit a placed model and the checks follow; copy one as the user\'s own and delete it; nothing in use can be deleted; the edit survives save and reopen', async ({ page, web }) => {
  await openPlanner(page, web.url);
  await page.getByTestId('new-menu').selectOption('small');
  await expect(page.getByTestId('tree-fleet')).toHaveText(small.fleet.name);
  // 8 racks × 72.9 kW + 2 × 132 kW + a 12 kW CDU = 859.2 kW on a 1,000 kW feed.
  await expect(page.getByTestId(`headroom-hall-power-${hall.id}`)).toHaveAttribute('data-headroom-kw', /^140\.8/);

  await page.getByTestId('view-catalog').click();
  await page.getByTestId(`catalog-row-${s21.id}`).click();
  await expect(page.getByTestId('model-power')).toHaveValue('72.9');
  await expect(page.getByTestId('catalog-delete')).toBeDisabled();
  await expect(page.getByTestId('catalog-delete')).toHaveAttribute('title', 'In use: 8 placed, 1 retrofit option');
  await page.getByTestId('model-power').fill('80');
  await page.getByTestId('model-power').press('Enter');
  await expect(page.getByTestId('model-source')).toContainText('This fleet\'s own');
  await expect(page.getByTestId('model-source')).toContainText('(edited in this fleet)');

  // 8 × 80 = 640 kW of miners: 916 kW in all, 84 kW left.
  await page.getByTestId('view-layout').click();
  await expect(page.getByTestId(`headroom-hall-power-${hall.id}`)).toHaveAttribute('data-headroom-kw', /^84(\.0*\d*)?$/);

  await page.getByTestId('view-catalog').click();
  await page.getByTestId(`catalog-row-${s21.id}`).click();
  await page.getByTestId('catalog-copy').click();
  await expect(page.getByTestId('catalog-row-user-rack-s21xp-1')).toBeVisible();
  await expect(page.getByTestId('model-name')).toHaveValue(`${s21.name} (copy)`);
  await expect(page.getByTestId('catalog-delete')).toBeEnabled();
  await page.getByTestId('catalog-delete').click();
  await expect(page.getByTestId('catalog-row-user-rack-s21xp-1')).toHaveCount(0);

  await saveAndReopen(page, 'catalog edit');
  await page.getByTestId('view-catalog').click();
  await page.getByTestId(`catalog-row-${s21.id}`).click();
  await expect(page.getByTestId('model-power')).toHaveValue('80');
  await expect(page.getByTestId('catalog-row-user-rack-s21xp-1')).toHaveCount(0);
});

test('catalog CSV: export is the fleet\'s catalog; an import with bad cells names them and changes nothing; a good one adds and updates in one undo step', async ({ page, web }) => {
  await openSmallCatalog(page, web.url);

  const downloaded = page.waitForEvent('download');
  await page.getByTestId('catalog-export').click();
  const file = await (await downloaded).path();
  const exported = catalogFromCsv(fs.readFileSync(file, 'utf8'), 'export');
  expect(exported).toEqual(catalogFromCsv(catalogToCsv(small.models), 'expected'));

  // Line 3 carries a negative power: the whole file is refused, with the cell named.
  const bad = catalogToCsv([{ ...s21, id: 'user-a', name: 'A' }, { ...s21, id: 'user-b', name: 'B', powerKw: -3 }]);
  await page.getByTestId('catalog-import').setInputFiles({ name: 'quotes.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await expect(page.getByTestId('catalog-import-errors')).toContainText(/quotes\.csv line 3, column [A-Z]+ \(powerKw\): "-3" must be at least 0/);
  await expect(page.getByTestId('catalog-row-user-a')).toHaveCount(0);
  await expect(page.getByTestId('undo')).toBeDisabled();

  const good = catalogToCsv([{ ...s21, id: 'user-a', name: 'Quoted rack A', powerKw: 66 }, { ...s21, powerKw: 74 }]);
  await page.getByTestId('catalog-import').setInputFiles({ name: 'quotes.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await expect(page.getByTestId('message')).toContainText('quotes.csv: 1 model added, 1 updated, 0 unchanged');
  await expect(page.getByTestId('catalog-row-user-a')).toContainText('Quoted rack A');
  await page.getByTestId(`catalog-row-${s21.id}`).click();
  await expect(page.getByTestId('model-power')).toHaveValue('74');

  await page.getByTestId('undo').click();
  await expect(page.getByTestId('catalog-row-user-a')).toHaveCount(0);
  await expect(page.getByTestId('model-power')).toHaveValue('72.9');
  await expect(page.getByTestId('undo')).toBeDisabled();
});

test('power modules: the floor PDU split into 4 modules with one spare carries 3/4 × 400 × 0.8 = 240 kVA, under its 282.7 kVA; with no spare every limit holds again', async ({ page, web }) => {
  await openSmallCatalog(page, web.url);
  // The built-in UPS is a modular frame with one spare module.
  await page.getByTestId('catalog-row-ups-1000').click();
  await expect(page.getByTestId('model-modules')).toHaveValue('4');
  await expect(page.getByTestId('model-module-redundancy')).toHaveValue('N+1');

  await page.getByTestId('catalog-row-pdu-400').click();
  await expect(page.getByTestId('model-modules')).toHaveValue('1');
  await page.getByTestId('model-modules').fill('4');
  await page.getByTestId('model-modules').press('Enter');
  await page.getByTestId('model-module-redundancy').selectOption('N+1');
  await page.getByTestId('view-layout').click();
  await expect(page.getByTestId('problem-power-source')).toContainText('400 kVA, 3 of 4 modules (N+1) × 0.8 continuous');
  await expect(page.getByTestId('problem-power-source')).toContainText('value 282.7 kVA, limit 240 kVA, over by 42.7 kVA');
  await page.getByTestId('view-catalog').click();
  await page.getByTestId('catalog-row-pdu-400').click();
  await page.getByTestId('model-module-redundancy').selectOption('N');
  await page.getByTestId('view-layout').click();
  await expect(page.getByTestId('problems')).toContainText('Every limit holds');
});

test('dual feeds: a GB200 model marked as taking A and B feeds makes both racks on one busway an error, listed as one line; unmarked, every limit holds', async ({ page, web }) => {
  await openSmallCatalog(page, web.url);
  await page.getByTestId('catalog-row-nvl72-gb200').click();
  await page.getByTestId('model-dual-feed').check();
  await page.getByTestId('view-layout').click();
  const problem = page.getByTestId('problem-single-feed');
  await expect(problem).toHaveAttribute('data-count', '2');
  await expect(problem).toContainText('(GB200 NVL72 rack) takes A and B feeds and has only its A feed');
  await expect(problem).toContainText('132 kW on one feed');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('problems')).toContainText('Every limit holds');
});
