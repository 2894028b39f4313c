import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openPlanner, test } from './fixtures';
import { sampleCampus } from '../../shared/samples';

test('the optimizer runs on the sample campus in the worker and shows the plan, its economics and what limits are worth', async ({ page, web }) => {
  await openPlanner(page, web.url);
  // A site shown in the inspector stays shown when the plan comes into the document.
  const site = sampleCampus().sites[1]!;
  await page.getByTestId(`tree-site-${site.id}`).click();
  await expect(page.getByTestId('site-name')).toHaveValue(site.name);
  await page.getByTestId('view-optimizer').click();
  await page.getByTestId('optimizer-run').click();
  await expect(page.getByTestId('optimizer-result')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('site-name')).toHaveValue(site.name);
  await expect(page.getByTestId('optimizer-npv')).toHaveText(/^\$\d/);
  // The campus's retrofits pay back within its horizon, at a rate of return.
  await expect(page.getByTestId('optimizer-irr')).toHaveText(/^\d+\.\d %$/);
  await expect(page.getByTestId('optimizer-payback')).toHaveText(/^\d+(\.\d)? quarters$/);
  // Beside the fleet's: the decision against keeping every hall as it is. The 6 MW contract
  // to the end of the horizon costs the campus money against mining on, and says so.
  await expect(page.getByTestId('decision-npv')).toHaveText(/^−?\$[\d.]+ [MB]$/);
  await expect(page.getByTestId('decision-irr')).toHaveText(/^-?\d+\.\d %$|^none/);
  // Beside the Apply button, in words: the plan loses against mining on, and the contract is why.
  await expect(page.getByTestId('optimizer-worse-than-as-it-is')).toHaveText(/^This plan is worth \$[\d.]+ M less than keeping every hall as it is \(\$[\d.]+ M NPV\)\. The AI contract \(6 MW from Q1 2029 to Q4 2031\) costs \$[\d,]+ of NPV/);
  await expect(page.getByTestId('optimizer-halls').locator('tbody tr')).toHaveCount(5);
  // Periods read as the quarters they are: the campus plans from January 2027. A hall kept as it is starts nothing.
  await expect(page.getByTestId('optimizer-halls').locator('tbody tr', { hasText: 'Building B' }).locator('td').nth(2)).toHaveText(/^Q[1-4] 20\d\d(, running from Q[1-4] 20\d\d)?$/);
  await expect(page.getByTestId('optimizer-halls').locator('tbody tr', { hasText: 'Building A' }).locator('td').nth(2)).toHaveText('');
  await expect(page.getByTestId('optimizer')).toContainText('AI contract 6 MW from Q1 2029 to Q4 2031');
  await expect(page.getByTestId('chart-mw-by-use')).toBeVisible();
  // The MW axis has round ticks: evenly spaced from 0, in steps of 1, 2 or 5 × 10^k.
  const ticks = (await page.getByTestId('chart-mw-by-use').locator('text[text-anchor="end"]').allTextContents()).map(Number);
  expect(ticks[0]).toBe(0);
  const step = ticks[1]! - ticks[0]!;
  expect([1, 2, 5]).toContain(Math.round(step / 10 ** Math.floor(Math.log10(step))));
  ticks.forEach((t, i) => expect(t).toBeCloseTo(i * step, 9));
  await expect(page.getByTestId('chart-npv-by-hall')).toContainText('Building A (S21 XP)');
  await expect(page.getByTestId('optimizer-binding')).toContainText('is worth $');
  await expect(page.getByTestId('sensitivity')).toBeVisible();
  // The cash flows behind the NPV, period by period, with their running sum.
  await page.getByTestId('optimizer-periods').locator('summary').click();
  await expect(page.getByTestId('optimizer-periods').locator('tbody tr')).toHaveCount(20);
  await expect(page.getByTestId('optimizer-periods').locator('tbody tr').first().locator('td').first()).toContainText('Q1 2027');
  // Building B converts from Q1 2027 and runs from Q1 2028: its mining stops a year before its AI runs, and the table says why.
  await expect(page.getByTestId('optimizer-periods').locator('tbody tr').first().getByTestId('period-converting')).toHaveCount(1);
  await expect(page.getByTestId('optimizer-periods').locator('tbody tr').nth(4).getByTestId('period-converting')).toHaveCount(0);
  await expect(page.getByTestId('period-conversions')).toContainText('Building B (AI retrofit, phase 1), Q1 2027 – Q4 2027');
  await page.getByTestId('optimizer-periods').screenshot({ path: 'test-results/screenshots/optimizer-periods.png' });
  await page.getByTestId('optimizer-periods').locator('summary').click();
  // The plan was stored in the document: it now has unsaved changes.
  await expect(page.getByTestId('doc-title')).toContainText('•');
  await page.screenshot({ path: 'test-results/screenshots/optimizer.png' });

  // The exported LP file is the model solved: Debian's CBC finds the same NPV in it.
  const downloaded = page.waitForEvent('download');
  await page.getByTestId('optimizer-export-lp').click();
  const lpDownload = await downloaded;
  expect(lpDownload.suggestedFilename()).toBe('Sample fleet - Pecos Flats, Columbia Basin, Red River (Expected NPV).lp');
  // CBC tells the format by the extension.
  const lpFile = test.info().outputPath('campus.lp');
  await lpDownload.saveAs(lpFile);
  expect(fs.readFileSync(lpFile, 'utf8')).toMatch(/^\\ Fleet Planner capacity plan for /);
  const solution = test.info().outputPath('campus.sol');
  execFileSync('cbc', [lpFile, 'solve', 'solu', solution]);
  const cbcNpv = Number(/objective value ([-\d.e+]+)/.exec(fs.readFileSync(solution, 'utf8'))![1]);
  const [, amount, scale] = /^\$([\d.]+) ([MB])$/.exec((await page.getByTestId('optimizer-npv').textContent())!)!;
  // Shown to three figures, and proven within the fleet's 0.1 % gap.
  expect(Math.abs(Number(amount) * (scale === 'B' ? 1e9 : 1e6) - cbcNpv) / cbcNpv).toBeLessThan(0.01);

  // Apply: the converted halls get their racks in one undoable step.
  const gpusBefore = await page.getByTestId('total-gpus').textContent();
  await page.getByTestId('optimizer-apply').click();
  await expect(page.getByTestId('message')).toHaveText(/^Plan applied to \d+ halls? \(one step to undo\); no new problem in them or at their sites/);
  // And what it did, hall by hall: Building B's mining bay goes and its cooling turns over.
  await expect(page.getByTestId('message')).toContainText('Building B (AI retrofit, phase 1): takes out 120 × Shelf rack, 20 × Antminer S21 XP');
  await expect(page.getByTestId('message')).toContainText('cooling free-air → direct-to-chip');
  // The 52 GB200 racks and their CDUs come fed from busway runs: nothing is left unfed, and the checks agree.
  await expect(page.getByTestId('message')).not.toContainText('not fed');
  await expect(page.getByTestId('problem-unfed')).toHaveCount(0);
  await expect(page.getByTestId('total-gpus')).not.toHaveText(gpusBefore!);
  await page.screenshot({ path: 'test-results/screenshots/optimizer-applied.png' });
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo apply/);
  // The layout the plan laid out does not make it out of date; run again, its units would count as standing, and it says so.
  await expect(page.getByTestId('optimizer-stale')).toHaveCount(0);
  await expect(page.getByTestId('optimizer-applied-units')).toContainText('an applied plan placed stand in the layout: the optimizer counts them as standing, their capex as spent');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('optimizer-applied-units')).toHaveCount(0);
  await expect(page.getByTestId('total-gpus')).toHaveText(gpusBefore!);
  // Undone, the apply's report goes with it.
  await expect(page.getByTestId('message')).toHaveCount(0);

  // A limit changed after the run: the plan shown says it is out of date, until the change is undone.
  await page.getByTestId('assumptions').locator('summary').click();
  await page.getByTestId('limit-contract-mw').fill('5');
  await page.getByTestId('limit-contract-mw').press('Enter');
  await expect(page.getByTestId('optimizer-stale')).toContainText('The fleet has changed since this plan was made');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('optimizer-stale')).toHaveCount(0);
  await page.getByTestId('assumptions').locator('summary').click();

  // Why a hall was not offered GB200s: Building C's slab is rated for 750 kg/m².
  await page.getByTestId('optimizer-ruled-out').locator('summary').click();
  await page.getByTestId('optimizer-ruled-out').screenshot({ path: 'test-results/screenshots/optimizer-ruled-out.png' });
  await expect(page.getByTestId('optimizer-ruled-out')).toContainText(/Building C[^:]*, “[^”]+”: GB200 NVL72 rack puts 1,096 kg\/m² on a slab rated for 750 kg\/m²/);

  // Saved and opened again, the plan is there in the panel, saying it came from the file.
  const npvShown = await page.getByTestId('optimizer-npv').textContent();
  await page.getByTestId('save').click();
  await page.getByTestId('save-as-name').fill('campus with plan');
  await page.getByTestId('save-as-confirm').click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.getByTestId('open').click();
  await page.getByTestId('open-file-campus with plan.fleet').click();
  await page.getByTestId('view-optimizer').click();
  await expect(page.getByTestId('optimizer-npv')).toHaveText(npvShown!);
  await expect(page.getByTestId('optimizer-saved')).toContainText('Saved in the file');
  await expect(page.getByTestId('optimizer-apply')).toBeVisible();
  // It knows what it was made for: a change after reopening puts it out of date too.
  await expect(page.getByTestId('optimizer-stale')).toHaveCount(0);
  await page.getByTestId('assumptions').locator('summary').click();
  await page.getByTestId('limit-contract-mw').fill('5');
  await page.getByTestId('limit-contract-mw').press('Enter');
  await expect(page.getByTestId('optimizer-stale')).toBeVisible();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('optimizer-stale')).toHaveCount(0);

  // The report says how sure the plan is.
  await page.getByTestId('view-reports').click();
  await expect(page.getByTestId('report-plan-status')).toHaveText(/^Expected NPV \$[\d.]+ [MB]; optimal/);

  // Applied again, then a new document: what was said of the old one goes with it.
  await page.getByTestId('view-optimizer').click();
  await page.getByTestId('optimizer-apply').click();
  await expect(page.getByTestId('message')).toHaveText(/^Plan applied/);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('new-menu').selectOption('small');
  await expect(page.getByTestId('tree-fleet')).toHaveText('Small test fleet');
  await expect(page.getByTestId('message')).toHaveCount(0);
});

test('scenarios and limits are edited in the panel and solved against: an impossible AI contract is explained, probabilities off 100 % are refused, a scenario is copied and deleted, a path edit reaches the solve', async ({ page, web }) => {
  await openPlanner(page, web.url);
  // The fleet's start month dates every period: from April 2028, period 1 is Q2 2028.
  await page.getByTestId('tree-fleet').click();
  await expect(page.getByTestId('fleet-start-month')).toHaveValue('2027-01');
  await page.getByTestId('fleet-start-month').fill('2028-13');
  await page.getByTestId('fleet-start-month').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Period 1 starts: a month as YYYY-MM' })).toBeVisible();
  await page.getByTestId('fleet-start-month').fill('2028-04');
  await page.getByTestId('fleet-start-month').press('Enter');
  await page.getByTestId('view-optimizer').click();
  await page.getByTestId('assumptions').locator('summary').click();
  await expect(page.getByTestId('limits-per-period').locator('th').nth(1)).toHaveText('Q2 2028');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('limits-per-period').locator('th').nth(1)).toHaveText('Q1 2027');

  // 500 MW of AI by period 9 (Q1 2029) is more than the campus can hold.
  await expect(page.getByTestId('limit-contract-mw')).toHaveValue('6');
  await page.getByTestId('limit-contract-mw').fill('500');
  await page.getByTestId('limit-contract-mw').press('Enter');
  await page.getByTestId('optimizer-run').click();
  await expect(page.getByTestId('optimizer-conflicts')).toContainText('AI contract', { timeout: 60_000 });
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('limit-contract-mw')).toHaveValue('6');

  // Base 50 % → 40 %: the scenarios now add up to 90 %, which an expected NPV cannot use.
  await page.getByTestId('scenario-probability-base').fill('40');
  await page.getByTestId('scenario-probability-base').press('Enter');
  await expect(page.getByTestId('scenario-probability-sum')).toContainText('probabilities add up to 90.0 %: the expected NPV needs 100 %');
  await page.getByTestId('optimizer-run').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Scenario probabilities add up to 90.0 %: the expected NPV needs 100 %' })).toBeVisible();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('scenario-probability-sum')).toHaveText('probabilities add up to 100.0 %');

  // A time limit the run cannot take is refused where it is typed, saying why.
  for (const [typed, why] of [['0', 'Time limit must be at least 1 s'], ['1e9', 'Time limit must be at most 3600 s']]) {
    await page.getByTestId('optimizer-time-limit').fill(typed!);
    await page.getByTestId('optimizer-time-limit').press('Enter');
    await expect(page.getByTestId('optimizer')).toContainText(why!);
  }
  await page.getByTestId('optimizer-time-limit').press('Escape');
  await expect(page.getByTestId('optimizer-time-limit')).toHaveValue('60');

  await page.getByTestId('scenario-copy-bull').click();
  await expect(page.getByTestId('scenario-name-bull-1')).toHaveValue('Bull: price rally, GPU scarcity (copy)');
  await page.getByTestId('scenario-delete-bull-1').click();
  await expect(page.getByTestId('scenario-bull-1')).toHaveCount(0);

  // A GPU rate edit is stored by the backend: the solve adopts the backend's document and it is still there.
  await page.getByTestId('scenario-base-gpuRateUsdPerGpuHour-0').fill('9');
  await page.getByTestId('scenario-base-gpuRateUsdPerGpuHour-0').press('Enter');
  await page.getByTestId('optimizer-run').click();
  await expect(page.getByTestId('optimizer-result')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('scenario-base-gpuRateUsdPerGpuHour-0')).toHaveValue('9');
});

/**
 * Opens the reference portfolio and runs it once the panel shows it (its 600 s limit), as a user would: a click
 * while the campus still showed asks for a run of the campus, no longer open, which the backend refuses.
 */
async function runThePortfolio(page: Page, url: string): Promise<void> {
  await openPlanner(page, url);
  await page.getByTestId('new-menu').selectOption('portfolio');
  await page.getByTestId('view-optimizer').click();
  await expect(page.getByTestId('optimizer-time-limit')).toHaveValue('600');
  await page.getByTestId('optimizer-run').click();
}

test('a long search shows its best plan and proven gap as it goes, still after the planner is drawn anew, and "Stop, keep best plan" ends it with that plan', async ({ page, web }) => {
  // Its own waits (90 s for a first plan, 60 s for the stop) need longer than the suite's 60 s on a loaded machine.
  test.setTimeout(240_000);
  await runThePortfolio(page, web.url);
  // Seconds pass before the portfolio's first plan: until then there is nothing for Stop to keep.
  await expect(page.getByTestId('optimizer-stop')).toBeDisabled();
  // The first plan proves a gap of its own (under 1 %, against the LP relaxation); a stop keeps it.
  await expect(page.getByTestId('optimizer-progress')).toContainText(/best plan so far \$[\d.]+ B NPV, proven within [\d.]+ % /, { timeout: 90_000 });
  await page.screenshot({ path: 'test-results/screenshots/optimizer-searching.png' });
  // Another tab and back: the run is still there, with its progress and its Stop.
  await page.getByTestId('view-layout').click();
  await page.getByTestId('view-optimizer').click();
  await expect(page.getByTestId('optimizer-progress')).toContainText('best plan so far');
  await expect(page.getByTestId('optimizer-stop')).toBeEnabled();
  // The print preview and back: the planner, its optimizer panel with it, is drawn anew, and the run shows as it stands.
  await page.keyboard.press('Control+p');
  await expect(page.getByTestId('print-view')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('print-view')).toHaveCount(0);
  await page.getByTestId('view-optimizer').click();
  await expect(page.getByTestId('optimizer-progress')).toContainText(/best plan so far \$[\d.]+ B NPV, proven within [\d.]+ % /);
  await expect(page.getByTestId('optimizer-run')).toBeDisabled();
  await expect(page.getByTestId('optimizer-stop')).toBeEnabled();
  await page.getByTestId('optimizer-stop').click();
  await expect(page.getByTestId('optimizer-status')).toHaveText(/^stopped: best found, within [\d.]+ %/, { timeout: 60_000 });
  await expect(page.getByTestId('optimizer-halls').locator('tbody tr')).toHaveCount(120);
  // Stopped short of the 0.1 % asked: it says what may be left on the table, and its limits are still priced.
  await expect(page.getByTestId('optimizer-shortfall')).toHaveText(/^The search was stopped: the best possible plan may be worth up to \$[\d.]+ M more \([\d.]+ % of this plan's NPV\)/);
  await expect(page.getByTestId('optimizer-binding').locator('li').first()).toContainText('of NPV');
  await expect(page.getByTestId('optimizer-stop')).toBeDisabled();
  await page.screenshot({ path: 'test-results/screenshots/optimizer-stopped.png' });

  // A second run, cancelled, changes nothing: the plan it would have replaced comes back.
  const npv = await page.getByTestId('optimizer-npv').textContent();
  await page.getByTestId('optimizer-run').click();
  await expect(page.getByTestId('optimizer-result')).toHaveCount(0);
  await page.getByTestId('optimizer-cancel').click();
  await expect(page.getByTestId('optimizer')).toContainText("Cancelled: the plan below is the previous run's");
  await expect(page.getByTestId('optimizer-npv')).toHaveText(npv!);
  await expect(page.getByTestId('optimizer-halls').locator('tbody tr')).toHaveCount(120);
});

test('another document opened during a run ends the run and shows none of it, and runs at once', async ({ page, web }) => {
  await runThePortfolio(page, web.url);
  await expect(page.getByTestId('optimizer-progress')).toBeVisible();
  await page.getByTestId('new-menu').selectOption('small');
  await expect(page.getByTestId('tree-fleet')).toHaveText('Small test fleet');
  await expect(page.getByTestId('optimizer-progress')).toHaveCount(0);
  await expect(page.getByTestId('optimizer-run')).toBeEnabled();
  // The portfolio's search would hold the solver for its 600 s: it was cancelled, so this run starts now.
  await page.getByTestId('optimizer-run').click();
  await expect(page.getByTestId('optimizer-result')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('optimizer').getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('optimizer-halls').locator('tbody tr')).toHaveCount(1);
});

test('a hall\'s retrofit options are edited in its inspector and reach the optimizer: with no AI option able to run in time, the contract is explained as a conflict', async ({ page, web }) => {
  await openPlanner(page, web.url);
  await page.getByTestId('tree-hall-wtx-b').click();
  await page.getByTestId('retrofit-options').locator('summary').click();
  await expect(page.getByTestId('retrofit-options').locator('summary')).toHaveText('Retrofit options (3)');
  // The keep option says it follows the hall; the AI retrofit shows its figures.
  await expect(page.getByTestId('option-fields-wtx-b-keep')).toContainText('Keeping runs the hall as it stands');
  await expect(page.getByTestId('option-lead-wtx-b-ai')).toHaveValue('4');
  // Money reads with thousands separators, and is typed with or without them.
  await expect(page.getByTestId('option-capex-wtx-b-ai')).toHaveValue(/^\d{1,3}(,\d{3})+$/);
  await page.getByTestId('option-capex-wtx-b-ai').fill('$12,500,000');
  await page.getByTestId('option-capex-wtx-b-ai').press('Enter');
  await expect(page.getByTestId('option-capex-wtx-b-ai')).toHaveValue('12,500,000');
  await page.getByTestId('option-lead-wtx-b-ai').fill('40');
  await page.getByTestId('option-lead-wtx-b-ai').press('Enter');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo Building B.*: Retrofit to .*: conversion downtime/);
  await page.getByTestId('option-lead-wtx-b-ai').fill('1000');
  await page.getByTestId('option-lead-wtx-b-ai').press('Enter');
  await expect(page.getByTestId('inspector').getByRole('alert')).toHaveText('Conversion downtime must be at most 120 quarters');
  await page.getByTestId('option-lead-wtx-b-ai').press('Escape');
  // Building B's AI option was made for 9,300 kW; the hall has 12,500: the option says so until it is given the hall's.
  await expect(page.getByTestId('option-feed-note-wtx-b-ai')).toContainText('Less than the hall’s own feed of 12,500 kW');
  await page.getByTestId('option-feed-wtx-b-ai').fill('12500');
  await page.getByTestId('option-feed-wtx-b-ai').press('Enter');
  await expect(page.getByTestId('option-feed-note-wtx-b-ai')).toHaveCount(0);

  await page.getByTestId('tree-hall-wtx-a').click();
  await page.getByTestId('retrofit-options').locator('summary').click();
  await page.getByTestId('option-delete-wtx-a-ai').click();
  await expect(page.getByTestId('option-fields-wtx-a-ai')).toHaveCount(0);
  // A new option starts from the hall's own figures and a name of its own.
  await page.getByTestId('option-add-kind').selectOption('repower');
  await page.getByTestId('option-add').click();
  await expect(page.getByTestId('retrofit-options').locator('summary')).toHaveText('Retrofit options (3)');
  await expect(page.getByTestId('option-name-wtx-a-option-1')).toHaveValue(/^Repower with /);
  await page.getByTestId('inspector').screenshot({ path: 'test-results/screenshots/retrofit-options.png' });

  await page.getByTestId('view-optimizer').click();
  await page.getByTestId('optimizer-run').click();
  // Building B's 16 GB200 racks already there hold 2.1 MW of the 6 MW contract: no plan can meet the rest.
  await expect(page.getByTestId('optimizer-conflicts')).toContainText('AI contract', { timeout: 60_000 });
});
