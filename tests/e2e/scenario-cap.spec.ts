/**
 * A fleet holds at most 50 price scenarios: at the cap, Copy is disabled and says why,
 * rather than sending an edit the backend refuses.
 */
import path from 'node:path';
import { writeFleetFile } from '../../db/fleet-file';
import { MAX_SCENARIOS } from '../../shared/model/schema';
import { sampleCampus } from '../../shared/samples';
import { expect, openPlanner, test } from './fixtures';

test('at 50 scenarios a scenario cannot be copied, and once one is deleted it can', async ({ page, web }) => {
  const doc = sampleCampus();
  const own = doc.scenarios;
  doc.scenarios = Array.from({ length: MAX_SCENARIOS }, (_, i) => ({ ...own[i % own.length]!, id: `s${i}`, name: `Scenario ${i + 1}`, probability: 1 / MAX_SCENARIOS }));
  writeFleetFile(doc, path.join(web.dir, 'fifty.fleet'));
  await openPlanner(page, web.url);
  await page.getByTestId('open').click();
  await page.getByTestId('open-file-fifty.fleet').click();
  await expect(page.getByTestId('doc-title')).toHaveText('fifty.fleet');
  await page.getByTestId('view-optimizer').click();
  await page.getByTestId('assumptions').locator('summary').click();
  await expect(page.getByTestId('scenario-copy-s0')).toBeDisabled();
  await expect(page.getByTestId('scenario-copy-s0')).toHaveAttribute('title', 'A fleet holds at most 50 price scenarios');
  await page.getByTestId('scenario-delete-s49').click();
  await expect(page.getByTestId('scenario-copy-s0')).toBeEnabled();
});
