import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFleetFile } from '../../db/fleet-file';
import { expect, openPlanner, test } from './fixtures';
import { sampleCampus, sampleSmall } from '../../shared/samples';

test('the browser build opens the sample fleet, shows its tree and draws a hall with its equipment', async ({ page, web }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPlanner(page, web.url);
  const campus = sampleCampus();
  await expect(page.getByTestId('tree-fleet')).toHaveText(campus.fleet.name);
  for (const site of campus.sites) await expect(page.getByTestId(`tree-site-${site.id}`)).toBeVisible();
  for (const hall of campus.halls) await expect(page.getByTestId(`tree-hall-${hall.id}`)).toBeVisible();

  // Open the hall that is part-way through its AI retrofit and count what is drawn.
  const retrofit = campus.halls.find((h) => campus.placements.some((p) => p.hallId === h.id && p.modelId.startsWith('nvl72')))!;
  await page.getByTestId(`tree-hall-${retrofit.id}`).click();
  const expected = campus.placements.filter((p) => p.hallId === retrofit.id).length;
  await expect(page.getByTestId('hall-canvas')).toHaveAttribute('data-drawn-count', String(expected));
  await expect(page.getByTestId('total-gpus')).toContainText('GPUs');
  // A hall part-way through its AI retrofit reads as its GPUs, not as the hashrate of the miners still in it.
  const gpus = campus.placements.filter((p) => p.hallId === retrofit.id && p.modelId.startsWith('nvl72')).length * 72;
  await expect(page.getByTestId(`tree-hall-${retrofit.id}`)).toContainText(`${gpus.toLocaleString('en-US')} GPUs`);
  // Its tooltip names the whole hall and all it produces: the miners still in it hash too.
  await expect(page.getByTestId(`tree-hall-${retrofit.id}`)).toHaveAttribute('title', new RegExp(`^${retrofit.name.replace(/[()]/g, '\\$&')}: ${gpus.toLocaleString('en-US')} GPUs and [\\d.]+ [PE]H/s$`));
  await page.screenshot({ path: 'test-results/screenshots/browser-build.png' });
  expect(errors).toEqual([]);
});

test('keyboard moves through the halls of the tree', async ({ page, web }) => {
  await openPlanner(page, web.url);
  const first = page.locator('.tree-hall.selected');
  const before = await first.textContent();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.tree-hall.selected')).not.toHaveText(before!);
});

test('? opens the keyboard shortcut sheet, whose keys edit nothing behind it; Close closes it; Ctrl+Z in a field undoes the typing, or the last edit once the typing is committed', async ({ page, web }) => {
  await openPlanner(page, web.url);
  await page.getByTestId('new-menu').selectOption('small');
  const objects = page.getByTestId('status-bar');
  await expect(objects).toContainText('14 objects');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toContainText('Rotate the selection');
  await page.keyboard.press('Delete');
  await expect(objects).toContainText('14 objects');
  await expect(page.getByTestId('undo')).toBeDisabled();
  await page.getByTestId('shortcuts').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);

  // An edit, then typing in another field: Ctrl+Z there leaves the edit alone.
  await page.getByTestId('tree-hall-sm-h1').click();
  await page.getByTestId('hall-feed').fill('1234');
  await page.getByTestId('hall-feed').press('Enter');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo Hall 1: power feed/);
  await page.getByTestId('hall-name').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' X');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('hall-feed')).toHaveValue('1234');
  await page.keyboard.press('Escape');

  // In a field holding what was committed, Ctrl+Z is the app's undo: the field and the document agree.
  await page.getByTestId('hall-feed').fill('800');
  await page.getByTestId('hall-feed').press('Enter');
  await expect(page.getByTestId('problem-hall-power')).toBeVisible();
  await page.getByTestId('hall-feed').press('Control+z');
  await expect(page.getByTestId('hall-feed')).toHaveValue('1234');
  await expect(page.getByTestId('problem-hall-power')).toHaveCount(0);
  await expect(page.getByTestId('redo')).toBeEnabled();
  await page.getByTestId('hall-feed').press('Control+Shift+z');
  await expect(page.getByTestId('hall-feed')).toHaveValue('800');
  await expect(page.getByTestId('problem-hall-power')).toBeVisible();
});

test('in the browser build, Export PDF writes the plan as a PDF file into the documents folder and says where', async ({ page, web }) => {
  test.setTimeout(90_000);
  await openPlanner(page, web.url);
  await page.getByTestId('print-preview').click();
  await expect(page.getByTestId('export-pdf')).toHaveAttribute('title', /documents folder/);
  await page.getByTestId('export-pdf').click();
  const said = page.getByTestId('print-message');
  await expect(said).toHaveText(/^PDF written to .*\.pdf$/, { timeout: 60_000 });
  const file = (await said.innerText()).replace(/^PDF written to /, '');
  expect(path.dirname(file)).toBe(web.dir);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  expect(text).toContain('Feed schedule');
  expect(text).toContain('Single line (power chain)');
  // A second export never replaces the first; a link planted under the next name, pointing out of the
  // folder, is passed over and never written through.
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-outside-'));
  fs.symlinkSync(path.join(outside, 'written-outside.pdf'), file.replace(/\.pdf$/, ' (2).pdf'));
  await page.getByTestId('export-pdf').click();
  await expect(said).toHaveText(/^PDF written to .* \(3\)\.pdf$/, { timeout: 60_000 });
  expect(fs.existsSync(file)).toBe(true);
  expect(fs.readdirSync(outside)).toEqual([]);
  fs.rmSync(outside, { recursive: true, force: true });
  // Other sheets (another paper) are not what was written: the message goes with them.
  await page.getByTestId('print-paper').selectOption('A3');
  await expect(said).toHaveCount(0);
});

test('a hall named with all 200 characters its field takes exports as a PDF whose name is cut to fit, titled without the unsaved marker', async ({ page, web }) => {
  test.setTimeout(90_000);
  await openPlanner(page, web.url);
  const name = `Building B (AI retrofit, phase 1) ${'north hall '.repeat(30)}`.slice(0, 200).trim();
  await page.getByTestId('hall-name').fill(name);
  await page.getByTestId('hall-name').press('Enter');
  await expect(page.getByTestId('doc-title')).toContainText('•');
  await page.getByTestId('print-preview').click();
  await page.getByTestId('export-pdf').click();
  const said = page.getByTestId('print-message');
  await expect(said).toHaveText(/^PDF written to .*…\.pdf$/, { timeout: 60_000 });
  // The controls keep their line beside the message.
  const top = async (id: string) => (await page.getByTestId(id).boundingBox())!.y;
  expect(await top('print-paper')).toBe(await top('print-zoom'));
  const file = (await said.innerText()).replace(/^PDF written to /, '');
  expect(path.basename(file).length).toBeLessThanOrEqual(200);
  expect(path.basename(file)).toMatch(/^Building B \(AI retrofit, phase 1\) north hall/);
  const title = /^Title:\s*(.*)$/m.exec(execFileSync('pdfinfo', [file]).toString())![1]!;
  expect(title).toContain('Building B (AI retrofit, phase 1)');
  expect(title).not.toContain('•');
});

test('a site opens as a site plan with its halls; clicking a hall opens its floor plan', async ({ page, web }) => {
  await openPlanner(page, web.url);
  const campus = sampleCampus();
  const site = campus.sites[0]!;
  const hall = campus.halls.find((h) => h.siteId === site.id)!;
  await page.getByTestId(`tree-site-${site.id}`).click();
  await expect(page.getByTestId('site-view')).toBeVisible();
  await expect(page.getByTestId('site-view').locator('[data-testid^=site-hall-]')).toHaveCount(campus.halls.filter((h) => h.siteId === site.id).length);
  // Each hall's labels stay inside its outline, so neighbours' names never run into each other.
  for (const h of campus.halls.filter((x) => x.siteId === site.id)) {
    const outline = (await page.getByTestId(`site-hall-${h.id}`).locator('rect').boundingBox())!;
    for (const label of await page.getByTestId(`site-hall-${h.id}`).locator('text').all()) {
      const box = (await label.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(outline.x);
      expect(box.x + box.width).toBeLessThanOrEqual(outline.x + outline.width);
    }
  }
  await page.screenshot({ path: 'test-results/screenshots/site-plan.png' });
  await page.getByTestId(`site-hall-${hall.id}`).click();
  await expect(page.getByTestId('hall-view')).toHaveAttribute('data-hall-id', hall.id);
});

test('opening a file that breaks a limit says so, and saving reports what is still broken', async ({ page, web }) => {
  const over = sampleSmall();
  over.halls[0]!.feedKw = 800; // 859.2 kW of load
  writeFleetFile(over, path.join(web.dir, 'over.fleet'));
  await openPlanner(page, web.url);
  await page.getByTestId('open').click();
  await page.getByTestId('open-file-over.fleet').click();
  // Beside the small sample's one warning, its AI corner's lone CDU under N+1.
  await expect(page.getByTestId('message')).toHaveText(/over\.fleet opens with 1 error against the limits and 1 warning \(see Problems\)/);
  await expect(page.getByTestId('problem-hall-power')).toBeVisible();
  await page.getByTestId('save').click();
  await expect(page.getByTestId('message')).toContainText('with 1 error against the limits and 1 warning still open');
});

test('a blank fleet grows a site and a hall; equipment goes in; deleting the hall asks, takes its equipment, and undo brings it all back', async ({ page, web }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPlanner(page, web.url);
  await page.getByTestId('new-menu').selectOption('blank');
  await expect(page.getByTestId('tree-fleet')).toHaveText('Untitled fleet');
  await expect(page.getByText('Add a site to start')).toBeVisible();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Nothing to undo (Ctrl+Z)');
  await page.getByTestId('add-site').click();
  await expect(page.getByTestId('tree-site-site-1')).toContainText('Site 1');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo add Site 1/);
  await page.getByTestId('add-hall').click();
  await expect(page.getByTestId('tree-hall-site-1-h-1')).toContainText('Hall 1');
  await expect(page.getByTestId('hall-name')).toHaveValue('Hall 1');
  // An empty hall set to host AI reads as GPUs (none yet), not "0 TH/s".
  await page.getByTestId('hall-use').selectOption('ai');
  await expect(page.getByTestId('tree-hall-site-1-h-1')).toContainText('0 GPUs');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('tree-hall-site-1-h-1')).toContainText('empty');

  // A rack dropped in the middle of the new 40 × 20 m hall: a mining hall holding only GPUs reads as GPUs.
  await page.getByTestId('palette-rack-h100x4').dragTo(page.getByTestId('hall-overlay'));
  await expect(page.getByTestId('hall-canvas')).toHaveAttribute('data-drawn-count', '1');
  await expect(page.getByTestId('tree-hall-site-1-h-1')).toContainText('GPUs');

  await page.getByTestId(`tree-hall-site-1-h-1`).click();
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.accept();
  });
  await page.getByTestId('delete-hall').click();
  await expect(page.getByTestId('tree-hall-site-1-h-1')).toHaveCount(0);
  expect(asked).toBe('Delete Hall 1 and its 1 placed object? Undo brings it all back.');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('tree-hall-site-1-h-1')).toBeVisible();
  await page.getByTestId('tree-hall-site-1-h-1').click();
  await expect(page.getByTestId('hall-canvas')).toHaveAttribute('data-drawn-count', '1');

  // Undoing the hall's creation while it is open leaves the site, not a broken view.
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('tree-hall-site-1-h-1')).toHaveCount(0);
  await expect(page.getByTestId('tree-site-site-1')).toBeVisible();

  // Two halls of a site cannot share a name: the tree, the plans and the optimizer's tables could not tell them apart.
  await page.getByTestId('add-hall').click();
  await page.getByTestId('tree-site-site-1').click();
  await page.getByTestId('add-hall').click();
  await expect(page.getByTestId('hall-name')).toHaveValue('Hall 2');
  await page.getByTestId('hall-name').fill('hall 1');
  await page.getByTestId('hall-name').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'hall 1 is already the name of a hall on this site' })).toBeVisible();
  await expect(page.getByTestId('tree-hall-site-1-h-2')).toContainText('Hall 2');
  await page.getByTestId('hall-name').press('Escape');

  // A hall longer than the new site sticks out of it, until the site is given its real size.
  await page.getByTestId('hall-width').fill('250');
  await page.getByTestId('hall-width').press('Enter');
  await expect(page.getByTestId('problem-hall-outside-site')).toBeVisible();
  await page.getByTestId('tree-site-site-1').click();
  await expect(page.getByTestId('site-width')).toHaveValue('200');
  await page.getByTestId('site-width').fill('400');
  await page.getByTestId('site-width').press('Enter');
  await expect(page.getByTestId('problem-hall-outside-site')).toHaveCount(0);
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo Site 1: width/);

  // Hall 2 put where Hall 1 stands: the two overlap, and the problem opens the site plan.
  await page.getByTestId('tree-hall-site-1-h-1').click();
  const [x, y] = [await page.getByTestId('hall-site-x').inputValue(), await page.getByTestId('hall-site-y').inputValue()];
  await page.getByTestId('tree-hall-site-1-h-2').click();
  await page.getByTestId('hall-site-x').fill(x);
  await page.getByTestId('hall-site-x').press('Enter');
  await page.getByTestId('hall-site-y').fill(y);
  await page.getByTestId('hall-site-y').press('Enter');
  await expect(page.getByTestId('problem-halls-overlap')).toContainText('Hall 1 and Hall 2');
  await page.getByTestId('problem-halls-overlap').click();
  await expect(page.getByTestId('site-view')).toBeVisible();
  expect(errors).toEqual([]);
});

test('undoing an edit made in another hall goes to that hall and selects what came back; redo goes there too', async ({ page, web }) => {
  await openPlanner(page, web.url);
  const campus = sampleCampus();
  const [edited, other] = [campus.halls.find((h) => h.id === 'wtx-b')!, campus.halls.find((h) => h.id === 'cbh-c')!];
  const count = campus.placements.filter((p) => p.hallId === edited.id).length;
  await page.getByTestId(`tree-hall-${edited.id}`).click();
  await page.getByTestId('hall-overlay').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('inspector')).toContainText(`${count} objects selected`);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('hall-canvas')).toHaveAttribute('data-drawn-count', '0');

  await page.getByTestId(`tree-hall-${other.id}`).click();
  await expect(page.getByTestId('hall-name')).toHaveValue(other.name);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('hall-name')).toHaveCount(0);
  await expect(page.getByTestId('inspector')).toContainText(`${count} objects selected`);
  await expect(page.getByTestId(`tree-hall-${edited.id}`).locator('xpath=ancestor::li[1]')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('hall-canvas')).toHaveAttribute('data-drawn-count', String(count));

  await page.getByTestId(`tree-hall-${other.id}`).click();
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId(`tree-hall-${edited.id}`).locator('xpath=ancestor::li[1]')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('hall-canvas')).toHaveAttribute('data-drawn-count', '0');
});

test('at 1280 × 720 the inspector and the problems share the right panel; either side panel closes and comes back; the catalog tab takes the whole width', async ({ page, web }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlanner(page, web.url);
  await expect(page.getByTestId('inspector')).toBeInViewport();
  await expect(page.getByTestId('problems')).toBeInViewport();
  const planWidth = async () => (await page.getByTestId('hall-overlay').boundingBox())!.width;
  const before = await planWidth();
  await page.getByTestId('toggle-right-panel').click();
  await expect(page.getByTestId('right-panel')).toHaveCount(0);
  await page.keyboard.press('Control+[');
  await expect(page.getByTestId('left-panel')).toHaveCount(0);
  await expect.poll(planWidth).toBeGreaterThan(before + 500);
  // The status bar stays one line at the bottom whatever the panels hold.
  expect((await page.getByTestId('status-bar').boundingBox())!.height).toBeLessThan(40);
  await page.keyboard.press('Control+]');
  await page.getByTestId('toggle-left-panel').click();
  await expect(page.getByTestId('right-panel')).toBeVisible();
  await expect(page.getByTestId('left-panel')).toBeVisible();
  // The browser build's own menus run the same commands.
  await page.getByTestId('menu-View').click();
  await page.getByTestId('menu-item-toggleRightPanel').click();
  await expect(page.getByTestId('right-panel')).toHaveCount(0);
  await page.getByTestId('menu-View').click();
  await page.getByTestId('menu-item-toggleRightPanel').click();
  await expect(page.getByTestId('right-panel')).toBeVisible();
  await page.getByTestId('menu-Help').click();
  await page.getByTestId('menu-item-shortcuts').click();
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  await page.getByTestId('shortcuts').getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('view-catalog').click();
  await expect(page.getByTestId('right-panel')).toHaveCount(0);
  await expect(page.getByPlaceholder('Search models')).toHaveCount(0);
  await page.getByTestId('view-layout').click();
  await expect(page.getByTestId('right-panel')).toBeVisible();
  await expect(page.getByPlaceholder('Search models')).toBeVisible();
  // Scrolled down in one hall's inspector, the next thing selected shows from its title.
  const pane = page.getByTestId('inspector-pane');
  await pane.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect.poll(() => pane.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await page.getByTestId('tree-hall-wtx-b').click();
  await expect(page.getByTestId('inspector').locator('h3').first()).toContainText('Building B');
  await expect.poll(() => pane.evaluate((el) => el.scrollTop)).toBe(0);
});

test('at 1280 × 720 a message stands over the foot of the plan: the panels keep their height, the plan does not move, and the inspector keeps half the right panel beside a list of problems', async ({ page, web }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlanner(page, web.url);
  // Building A on a 20 MW feed with 40 fans: two errors in Problems.
  for (const [field, value] of [['hall-feed', '20000'], ['hall-cooling-count', '40']] as const) {
    await page.getByTestId(field).fill(value);
    await page.getByTestId(field).press('Enter');
  }
  await expect(page.getByTestId('problems')).toContainText('2 errors');
  const box = async (testId: string) => (await page.getByTestId(testId).boundingBox())!;
  const [panelBefore, planBefore] = [await box('right-panel'), await box('hall-canvas')];
  await page.getByTestId('save').click();
  await page.getByTestId('save-as-name').fill('first day');
  await page.getByTestId('save-as-confirm').click();
  await expect(page.getByTestId('message')).toContainText('Saved');
  await page.screenshot({ path: 'test-results/screenshots/message-1280x720.png' });
  const [panel, plan, message, inspector] = [await box('right-panel'), await box('hall-canvas'), await box('message'), await box('inspector-pane')];
  // A banner across the window took 36 px from both panels and moved the plan down under the pointer.
  expect(panel).toEqual(panelBefore);
  expect(plan).toEqual(planBefore);
  expect(inspector.height).toBeGreaterThanOrEqual(panel.height / 2 - 1);
  await expect(page.getByTestId('problems')).toBeInViewport();
  // The message is the centre's: it covers neither panel.
  expect(message.x).toBeGreaterThanOrEqual((await box('left-panel')).x + (await box('left-panel')).width);
  expect(message.x + message.width).toBeLessThanOrEqual(panel.x);
  await page.getByTestId('message').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('message')).toHaveCount(0);
});

test('a hall is dragged on the site plan like equipment in a hall: snapped, checked while dragging, one undo step; Escape drops nothing', async ({ page, web }) => {
  await openPlanner(page, web.url);
  const campus = sampleCampus();
  const site = campus.sites.find((s) => s.id === 'wtx')!;
  const b = campus.halls.find((h) => h.id === 'wtx-b')!;
  const a = campus.halls.find((h) => h.id === 'wtx-a')!;
  await page.getByTestId(`tree-site-${site.id}`).click();
  const svg = page.getByTestId('site-view').locator('svg');
  // The SVG's own transform turns site metres into page pixels.
  const toPage = async (xM: number, yM: number) =>
    svg.evaluate((el, p) => {
      const q = new DOMPoint(p.xM, p.yM).matrixTransform((el as SVGSVGElement).getScreenCTM()!);
      return { x: q.x, y: q.y };
    }, { xM, yM });
  const grab = await toPage(b.siteXM + b.widthM / 2, b.siteYM + b.depthM / 2);
  const drag = async (dxM: number, dyM: number) => {
    const to = await toPage(b.siteXM + b.widthM / 2 + dxM, b.siteYM + b.depthM / 2 + dyM);
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
  };

  // Over Building A: the plan says so before the drop; Escape puts it back.
  await drag(a.siteXM - b.siteXM + 10, 0);
  await expect(svg).toHaveAttribute('data-drop-breaks', 'true');
  // The Problems list says what the drop would break while the hall is held.
  await expect(page.getByTestId('drop-preview')).toContainText('overlap');
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await expect(page.getByTestId('drop-preview')).toHaveCount(0);
  await expect(page.getByTestId('undo')).toBeDisabled();

  // 30 m west, on free ground: one undo step, the corner on a whole metre.
  await drag(-30.4, 0);
  await expect(svg).toHaveAttribute('data-drop-breaks', 'false');
  await page.mouse.up();
  // The drag selected no text on its way: the hall labels are not highlighted.
  expect(await page.evaluate(() => window.getSelection()!.toString())).toBe('');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo Building B.*: position on the site/);
  await page.getByTestId(`site-hall-${b.id}`).click();
  await expect(page.getByTestId('hall-view')).toHaveAttribute('data-hall-id', b.id);
  const x = Number(await page.getByTestId('hall-site-x').inputValue());
  expect(Number.isInteger(x)).toBe(true);
  expect(Math.abs(x - (b.siteXM - 30.4))).toBeLessThan(1.5);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('hall-site-x')).toHaveValue(String(b.siteXM));
});
