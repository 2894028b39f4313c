import { expect, openPlanner, test } from './fixtures';

test('the optimizer runs on the sample campus in the worker and shows the plan, its economics and what limits are worth', async ({ page, web }) => {
  await openPlanner(page, web.url);
  await page.getByTestId('view-optimizer').click();
  await page.getByTestId('optimizer-run').click();
  await expect(page.getByTestId('optimizer-result')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('optimizer-npv')).toHaveText(/^\$\d/);
  await expect(page.getByTestId('optimizer-halls').locator('tbody tr')).toHaveCount(5);
  await expect(page.getByTestId('chart-mw-by-use')).toBeVisible();
  await expect(page.getByTestId('optimizer-binding')).toContainText('is worth $');
  await expect(page.getByTestId('sensitivity')).toBeVisible();
  // The plan was stored in the document: it now has unsaved changes.
  await expect(page.getByTestId('doc-title')).toContainText('•');
  await page.screenshot({ path: 'test-results/screenshots/optimizer.png' });

  // Apply: the converted halls get their racks in one undoable step.
  const gpusBefore = await page.getByTestId('total-gpus').textContent();
  await page.getByTestId('optimizer-apply').click();
  await expect(page.getByTestId('message')).toContainText('Plan applied');
  await expect(page.getByTestId('total-gpus')).not.toHaveText(gpusBefore!);
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo apply/);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('total-gpus')).toHaveText(gpusBefore!);
});
