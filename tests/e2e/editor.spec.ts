import type { Page } from '@playwright/test';
import { expect, openPlanner, test } from './fixtures';
import { fitHallPlan, toScreen } from '../../renderer/src/layout/viewport';
import { footprint, snap } from '../../shared/geometry/footprint';
import { sampleSmall } from '../../shared/samples';
import { plainNumber } from '../../shared/units';

const GRID_M = 0.6;
const small = sampleSmall();
const hall = small.halls[0]!;

async function openSmallSample(page: Page, url: string) {
  await openPlanner(page, url);
  await page.getByTestId('new-menu').selectOption('small');
  await expect(page.getByTestId('tree-fleet')).toHaveText(small.fleet.name);
  await expect(page.getByTestId('hall-canvas')).toHaveAttribute('data-drawn-count', String(small.placements.length));
}

/** Page coordinates of a hall point, through the same fit the view uses. */
async function hallPoint(page: Page, xM: number, yM: number) {
  const box = (await page.getByTestId('hall-overlay').boundingBox())!;
  const v = fitHallPlan(hall, { width: Math.floor(box.width), height: Math.floor(box.height) });
  const s = toScreen(v, xM, yM);
  return { x: box.x + s.x, y: box.y + s.y };
}

/** Drags on the plan from one hall point to another (a box selection, or a zone in draw mode). */
async function dragOnPlan(page: Page, from: { xM: number; yM: number }, to: { xM: number; yM: number }) {
  const a = await hallPoint(page, from.xM, from.yM);
  const b = await hallPoint(page, to.xM, to.yM);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
}

const objectCount = async (page: Page) => Number((await page.getByTestId('status-bar').textContent())!.match(/([\d,]+) objects/)![1]!.replace(/,/g, ''));

test('drag a GPU rack from the palette into the hall: it lands snapped where dropped; undo and redo', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  const target = await hallPoint(page, 10, 10);
  const box = (await page.getByTestId('hall-overlay').boundingBox())!;
  await page.getByTestId('palette-nvl72-gb200').dragTo(page.getByTestId('hall-overlay'), {
    targetPosition: { x: target.x - box.x, y: target.y - box.y },
  });
  await expect.poll(() => objectCount(page)).toBe(small.placements.length + 1);
  // The drop point maps back to ~(10, 10) m; its centre snaps to the 0.6 m grid.
  const x = snap(10, GRID_M).toFixed(1);
  await expect(page.getByTestId('inspector-x')).toHaveValue(new RegExp(`^${x}\\d*$`));
  await expect(page.getByTestId('inspector-y')).toHaveValue(new RegExp(`^${x}\\d*$`));
  await expect(page.getByTestId('doc-title')).toContainText('•');
  await page.getByTestId('undo').click();
  await expect.poll(() => objectCount(page)).toBe(small.placements.length);
  // Undone back to where it started, the document has nothing unsaved.
  await expect(page.getByTestId('doc-title')).not.toContainText('•');
  await page.getByTestId('redo').click();
  await expect.poll(() => objectCount(page)).toBe(small.placements.length + 1);

  // A new copy of the same sample starts its own history: the discarded drop cannot be undone into it.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('new-menu').selectOption('small');
  await expect.poll(() => objectCount(page)).toBe(small.placements.length);
  await expect(page.getByTestId('undo')).toBeDisabled();
  await expect(page.getByTestId('redo')).toBeDisabled();
});

test('box-select the miner row, move it as one step, rotate, delete, undo everything and redo', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  // The racks and the busway run above them, which feeds them and moves with them.
  const miners = small.placements.filter((p) => p.modelId === 'rack-s21xp' || p.id === 'sm-mbw1');
  // Drag a box from empty floor around the whole miner row.
  await dragOnPlan(page, { xM: 0.2, yM: 0.1 }, { xM: 19.4, yM: 4 });
  await expect(page.getByTestId('inspector')).toContainText(`${miners.length} objects selected`);
  // A box from x 5 to 3 m holds no rack wholly (racks 1.1 and 1.2 stand at x 1.5–3.5 and 3.6–5.6 m): dragged
  // rightwards it selects nothing; dragged leftwards it takes what it touches, the two racks and their run.
  await dragOnPlan(page, { xM: 3, yM: 0.1 }, { xM: 5, yM: 4 });
  await expect(page.getByTestId('inspector')).not.toContainText('objects selected');
  await dragOnPlan(page, { xM: 5, yM: 0.1 }, { xM: 3, yM: 4 });
  await expect(page.getByTestId('inspector')).toContainText('3 objects selected');
  await dragOnPlan(page, { xM: 0.2, yM: 0.1 }, { xM: 19.4, yM: 4 });
  await expect(page.getByTestId('inspector')).toContainText(`${miners.length} objects selected`);

  // Drag one of them 3 m south: every selected rack moves, in one undo step.
  const first = miners[1]!;
  const grab = await hallPoint(page, first.xM, first.yM);
  const drop = await hallPoint(page, first.xM, first.yM + 3);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(drop.x, drop.y, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', new RegExp(`Undo move ${miners.length} objects`));

  // The row turns as one piece (it stood in place rack by rack, each over its neighbours).
  await page.keyboard.press('r');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', new RegExp(`Undo rotate ${miners.length} objects`));
  await expect(page.getByTestId('problem-overlap')).toHaveCount(0);
  await page.keyboard.press('Delete');
  await expect.poll(() => objectCount(page)).toBe(small.placements.length - miners.length);

  for (let i = 0; i < 3; i++) await page.getByTestId('undo').click();
  await expect.poll(() => objectCount(page)).toBe(small.placements.length);
  await expect(page.getByTestId('undo')).toBeDisabled();
  // Back at the start: click the first rack, it is where the sample put it, facing north.
  const start = await hallPoint(page, first.xM, first.yM);
  await page.mouse.click(start.x, start.y);
  await expect(page.getByTestId('inspector-rotation')).toHaveValue('0');
  await expect(page.getByTestId('inspector-x')).toHaveValue(plainNumber(first.xM, 2));
  await expect(page.getByTestId('inspector-y')).toHaveValue(plainNumber(first.yM, 2));

  for (let i = 0; i < 3; i++) await page.getByTestId('redo').click();
  await expect.poll(() => objectCount(page)).toBe(small.placements.length - miners.length);
});

test('Escape during a drag puts everything back: nothing moves, nothing to undo; a second Escape clears the selection', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  const rack = small.placements.find((p) => p.modelId === 'rack-s21xp')!;
  const grab = await hallPoint(page, rack.xM, rack.yM);
  await page.mouse.click(grab.x, grab.y);
  await expect(page.getByTestId('inspector-x')).toHaveValue(plainNumber(rack.xM, 2));
  const drop = await hallPoint(page, rack.xM + 4, rack.yM + 3);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(drop.x, drop.y, { steps: 8 });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await expect(page.getByTestId('undo')).toBeDisabled();
  await expect(page.getByTestId('doc-title')).not.toContainText('•');
  await expect(page.getByTestId('inspector-x')).toHaveValue(plainNumber(rack.xM, 2));
  await expect(page.getByTestId('inspector-y')).toHaveValue(plainNumber(rack.yM, 2));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('inspector-x')).toHaveCount(0);
});

test('Delete pressed mid-drag waits for the drag: the rack lands where dropped, still there, no page error; then Delete removes it', async ({ page, web }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openSmallSample(page, web.url);
  const rack = small.placements.find((p) => p.modelId === 'rack-s21xp')!;
  const grab = await hallPoint(page, rack.xM, rack.yM);
  await page.mouse.click(grab.x, grab.y);
  const count = await objectCount(page);
  const drop = await hallPoint(page, rack.xM, rack.yM + 3);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(drop.x, drop.y, { steps: 4 });
  await page.keyboard.press('Delete');
  await page.mouse.move(drop.x + 2, drop.y, { steps: 2 });
  await page.mouse.up();
  await expect(page.getByTestId('inspector-y')).toHaveValue(plainNumber(snap(rack.yM + 3, GRID_M), 2));
  expect(await objectCount(page)).toBe(count);
  await page.keyboard.press('Delete');
  await expect.poll(() => objectCount(page)).toBe(count - 1);
  expect(errors).toEqual([]);
});

test('deleting the PDU a busway and a CDU hang from leaves them standing, unfed, and says so; one undo feeds them again', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  const pdu = small.placements.find((p) => p.id === 'sm-pdu01-01')!;
  const at = await hallPoint(page, pdu.xM, pdu.yM);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('inspector-source')).toBeVisible();
  const count = await objectCount(page);
  await page.keyboard.press('Delete');
  await expect.poll(() => objectCount(page)).toBe(count - 1);
  await expect(page.getByText(/Edit refused/)).toHaveCount(0);
  await expect(page.getByTestId('problems')).toContainText('fed by no power source');
  await page.getByTestId('undo').click();
  await expect.poll(() => objectCount(page)).toBe(count);
  await expect(page.getByTestId('problems')).not.toContainText('fed by no power source');
});

test('save, reopen: the layout is as it was left', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  const target = await hallPoint(page, 12, 11);
  const box = (await page.getByTestId('hall-overlay').boundingBox())!;
  await page.getByTestId('palette-nvl72-gb200').dragTo(page.getByTestId('hall-overlay'), { targetPosition: { x: target.x - box.x, y: target.y - box.y } });
  await expect.poll(() => objectCount(page)).toBe(small.placements.length + 1);
  const position = [await page.getByTestId('inspector-x').inputValue(), await page.getByTestId('inspector-y').inputValue()];
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');

  await page.getByTestId('save').click();
  // A name no file can have cannot even be confirmed, and says why.
  await page.getByTestId('save-as-name').fill('con');
  await expect(page.getByTestId('save-as-confirm')).toBeDisabled();
  await expect(page.getByTestId('save-as-file')).toHaveClass(/error/);
  await page.getByTestId('save-as-name').fill('e2e layout');
  await page.getByTestId('save-as-confirm').click();
  await expect(page.getByTestId('doc-title')).toHaveText('e2e layout.fleet');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  await page.getByTestId('new-menu').selectOption('campus');
  await expect(page.getByTestId('tree-fleet')).not.toHaveText(small.fleet.name);
  // A new document is in no file: nothing says it is saved.
  await expect(page.getByTestId('save-state')).toHaveText('Not saved to a file yet');
  // Saving the campus under the same name asks first; declined, the file keeps the small fleet.
  await page.getByTestId('save').click();
  await page.getByTestId('save-as-name').fill('e2e layout');
  await expect(page.getByTestId('save-as-file')).toHaveText('Saves as e2e layout.fleet');
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe('e2e layout.fleet already exists. Replace it?');
    void dialog.dismiss();
  });
  await page.getByTestId('save-as-confirm').click();
  await page.getByTestId('save-as-name').press('Escape');
  await expect(page.getByTestId('save-as-name')).toHaveCount(0);
  // Back through the recent files list.
  await page.getByTestId('recent-menu').selectOption({ label: 'e2e layout.fleet' });
  await expect(page.getByTestId('tree-fleet')).toHaveText(small.fleet.name);
  await expect.poll(() => objectCount(page)).toBe(small.placements.length + 1);
  const dropped = await hallPoint(page, 12, 11);
  await page.mouse.click(dropped.x, dropped.y);
  await expect(page.getByTestId('inspector-x')).toHaveValue(position[0]!);
  await expect(page.getByTestId('inspector-y')).toHaveValue(position[1]!);
});

test('live checks: a dropped rack lowers the headroom by its power; one that breaks a limit shows on the plan and in the problems list, and a click selects it', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  await expect(page.getByTestId('problems')).toContainText('Every limit holds');
  const feed = page.getByTestId(`headroom-hall-power-${hall.id}`);
  // Feed 1,000 kW − load 859.2 kW = 140.8 kW
  expect(Number(await feed.getAttribute('data-headroom-kw'))).toBeCloseTo(140.8, 6);
  const box = (await page.getByTestId('hall-overlay').boundingBox())!;
  const at = async (xM: number, yM: number) => {
    const p = await hallPoint(page, xM, yM);
    return { x: p.x - box.x, y: p.y - box.y };
  };

  // One S21 XP miner (3.645 kW), past the end of the miners' row under their busway's line (y 2.55):
  // feed headroom 140.8 − 3.645 = 137.155 kW. Nothing feeds it yet: an error naming its kW. Fed from
  // the miners' busway run (8 × 72.9 / 0.95 + 3.645 / 0.95 = 617.7 kVA ≤ 0.8 × 898.5), which reaches
  // it, every limit holds again.
  await page.getByTestId('palette-ant-s21xp').dragTo(page.getByTestId('hall-overlay'), { targetPosition: await at(19.2, 3) });
  await expect.poll(async () => Number(await feed.getAttribute('data-headroom-kw'))).toBeCloseTo(137.155, 6);
  await expect(page.getByTestId('problem-unfed')).toContainText(/1 unit in Hall 1 \(M\d+\): IT or cooling equipment fed by no power source — 3\.6 kW unfed/);
  await page.getByTestId('inspector-source').selectOption({ label: 'Busway M1' });
  await expect(page.getByTestId('problems')).toContainText('Every limit holds');

  // A 256 kW immersion tank in a hall whose racks may draw 140 kW each: density breaks.
  await page.getByTestId('palette-tank-imm48').dragTo(page.getByTestId('hall-overlay'), { targetPosition: await at(12, 11) });
  const problem = page.getByTestId('problem-rack-density');
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('value 256.2 kW, limit 140 kW, over by 116.2 kW');
  await page.getByTestId('problems').getByText('Every limit holds').waitFor({ state: 'detached' });
  await page.keyboard.press('Escape');
  // The inspector's heading names what is selected (the hall's options list catalog models too).
  await expect(page.getByTestId('inspector').locator('h3')).not.toContainText(/immersion tank/i);
  await problem.click();
  await expect(page.getByTestId('inspector').locator('h3')).toContainText(/immersion tank/i);

  // A copy breaks the same limit the same way: one line for both, and a click selects both.
  await page.keyboard.press('Control+d');
  await expect(problem).toHaveAttribute('data-count', '2');
  // Dropped units are labelled by kind ("T1", "T2"), so the problem names one of them.
  await expect(problem).toContainText(/^2 alike, such as T\d \(Single-phase immersion tank/);
  await page.keyboard.press('Escape');
  await problem.click();
  await expect(page.getByTestId('inspector')).toContainText('2 objects selected');
});

test('a GPU rack moved 11 m from the busway that feeds it is an error the Problems list names; undo puts it back under the run', async ({ page, web }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSmallSample(page, web.url);
  const rack = small.placements.find((p) => p.id === 'sm-gpu01-02')!;
  const rackAt = await hallPoint(page, rack.xM, rack.yM + 0.3);
  await page.mouse.click(rackAt.x, rackAt.y);
  await expect(page.getByTestId('inspector-label')).toHaveValue(rack.label);
  await page.getByTestId('inspector-x').fill('28.5');
  await page.getByTestId('inspector-x').press('Enter');
  await page.getByTestId('inspector-y').fill('12.6');
  await page.getByTestId('inspector-y').press('Enter');
  // Its north edge at 12.6 − 1.068 / 2 = 12.066 m, 12.066 − 2.734 = 9.332 m off Busway 1's line; a tap-off reaches 1.5 m.
  const problem = page.getByTestId('problem-feed-reach');
  await expect(problem).toContainText('1.2 (GB200 NVL72 rack) is not under the run of Busway 1 (Overhead busway 800 A, 415 V (2.4 m run)): unit beyond the reach of its feed — value 9.3 m, limit 1.5 m, over by 7.8 m');
  await expect(page.getByTestId('problems')).toContainText('1 error');
  await page.screenshot({ path: 'test-results/feed-reach-1280x720.png' });
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('problems')).toContainText('Every limit holds');
});

test('Hall 1 at the free-air default of 80 kW/rack holds its GB200 racks to the AI corner’s direct-to-chip 150 kW; one cooling unit under N+1 is a warning, not silence', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  await page.getByTestId(`tree-hall-${hall.id}`).click();
  // 132 kW GB200 racks in the direct-to-chip corner: 132 ≤ 150; 72.9 kW shelf racks under free-air: 72.9 ≤ 80.
  await page.getByTestId('hall-density-default').click();
  await expect(page.getByTestId('hall-density')).toHaveValue('80');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo .*rack density limit/);
  // Every limit holds; the AI corner's one CDU under the hall's N+1 has no spare behind it, which is a warning.
  await expect(page.getByTestId('problems')).toContainText('Every limit holds');
  const warnings = page.getByTestId('problem-cooling-redundancy');
  await expect(warnings).toHaveText(['Zone AI corner in Hall 1 (N+1 asked, but 1 CDU leaves none to hold back): cooling counted with no spare behind it — 1,200 kW without a spare']);
  await expect(page.getByTestId('problems')).toContainText('0 errors · 1 warning');
  // One unit of 700 kW carries the plant's 634.8 kW, counted whole, but N+1 has no spare to hold back.
  await page.getByTestId('hall-cooling-capacity').fill('700');
  await page.getByTestId('hall-cooling-capacity').press('Enter');
  await page.getByTestId('hall-cooling-count').fill('1');
  await page.getByTestId('hall-cooling-count').press('Enter');
  await expect(warnings.filter({ hasText: 'Hall 1 (N+1 asked, but 1 cooling unit' })).toContainText('Hall 1 (N+1 asked, but 1 cooling unit leaves none to hold back): cooling counted with no spare behind it — 700 kW without a spare');
  await expect(page.getByTestId('problems')).toContainText('0 errors · 2 warnings');
  await expect(page.getByTestId('problems')).toContainText('Every limit holds');
});

test('a click picks the rack under an overhead busway, a second click the busway; Ctrl+click adds to the selection', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  const busway = small.placements.find((p) => p.id === 'sm-bw1')!;
  const modelOf = (id: string) => small.models.find((m) => m.id === small.placements.find((p) => p.id === id)!.modelId)!.name;
  const at = await hallPoint(page, busway.xM, busway.yM);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('inspector').locator('h3')).toHaveText(modelOf('sm-gpu01-01'));
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('inspector').locator('h3')).toHaveText(modelOf('sm-bw1'));
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('inspector').locator('h3')).toHaveText(modelOf('sm-gpu01-01'));
  const miner = small.placements.find((p) => p.id === 'sm-m01-01')!;
  const minerAt = await hallPoint(page, miner.xM, miner.yM);
  await page.keyboard.down('Control');
  await page.mouse.click(minerAt.x, minerAt.y);
  await page.keyboard.up('Control');
  await expect(page.getByTestId('inspector')).toContainText('2 objects selected');
});

test('pasting twice steps each copy on from the last, and every copy gets a label of its own', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  const pdu = small.placements.find((p) => p.id === 'sm-pdu01-01')!;
  const at = await hallPoint(page, pdu.xM, pdu.yM);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('inspector-label')).toHaveValue(pdu.label);
  const labels = new Set(small.placements.map((p) => p.label));
  await page.keyboard.press('Control+c');
  const seen: string[] = [];
  for (const step of [1, 2]) {
    await page.keyboard.press('Control+v');
    // Each paste lands one footprint east of the one before, touching it.
    const rect = footprint(pdu, small.models.find((m) => m.id === pdu.modelId)!);
    const widthM = rect.maxX - rect.minX;
    await expect(page.getByTestId('inspector-x')).toHaveValue(plainNumber(pdu.xM + step * widthM, 2));
    const label = await page.getByTestId('inspector-label').inputValue();
    expect(labels.has(label)).toBe(false);
    expect(seen).not.toContain(label);
    seen.push(label);
  }
  // A rack pastes where nothing stands and no service space is taken: not onto its neighbour
  // east (R1.2), nor one depth south in its service space, but beside it to the west.
  const rack = small.placements.find((p) => p.id === 'sm-gpu01-01')!;
  const rackAt = await hallPoint(page, rack.xM, rack.yM + 0.3);
  await page.mouse.click(rackAt.x, rackAt.y);
  await expect(page.getByTestId('inspector-label')).toHaveValue(rack.label);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('inspector-x')).toHaveValue(plainNumber(rack.xM - 0.6, 2));
  await expect(page.getByTestId('inspector-y')).toHaveValue(plainNumber(rack.yM, 2));
  await expect(page.getByTestId('problem-overlap')).toHaveCount(0);
  await expect(page.getByTestId('problem-clearance')).toHaveCount(0);
});

test('while dragging, the preview says whether the drop would break a limit, before the drop', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  const miner = small.placements.find((p) => p.id === 'sm-m01-01')!;
  const grab = await hallPoint(page, miner.xM, miner.yM);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  // A metre south, still under its busway's run (0.7 m off its line once snapped): nothing breaks.
  const free = await hallPoint(page, miner.xM, miner.yM + 1);
  await page.mouse.move(free.x, free.y, { steps: 6 });
  await expect(page.getByTestId('hall-overlay')).toHaveAttribute('data-drop-breaks', 'false');
  // Onto its neighbour: overlap.
  const onNeighbour = await hallPoint(page, miner.xM + 2.1, miner.yM);
  await page.mouse.move(onNeighbour.x, onNeighbour.y, { steps: 6 });
  await expect(page.getByTestId('hall-overlay')).toHaveAttribute('data-drop-breaks', 'true');
  // The Problems list says, while the rack is held, what dropping it here would break; the
  // document itself still breaks nothing.
  await expect(page.getByTestId('drop-preview')).toContainText('overlaps');
  await expect(page.getByTestId('problems')).toContainText('Every limit holds');
  await page.mouse.up();
  await expect(page.getByTestId('drop-preview')).toHaveCount(0);
  // Snapped to the 0.6 m grid the rack lands on both neighbours.
  await expect(page.getByTestId('problem-overlap')).toHaveCount(2);
});

test('place a row of N copies and align a selection, each one undo step', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  const gpu = small.placements.find((p) => p.id === 'sm-gpu01-01')!;
  const at = await hallPoint(page, gpu.xM, gpu.yM);
  await page.mouse.click(at.x, at.y);
  // Emptied, the field stays empty (it used to snap back to 1), and nothing can be placed until it holds a count.
  await page.getByTestId('row-count').fill('');
  await expect(page.getByTestId('row-count')).toHaveValue('');
  await expect(page.getByTestId('row-place')).toBeDisabled();
  await page.getByTestId('row-count').pressSequentially('3');
  // A gap wider than any hall is refused, saying what is allowed (1e308 m froze the editor).
  await page.getByTestId('row-gap').fill('1e308');
  await expect(page.getByTestId('inspector').getByRole('alert')).toHaveText('Gap: a length from 0 to 2000 m');
  await expect(page.getByTestId('row-place')).toBeDisabled();
  // So is a row that would run out of the hall (60 copies 1.7 km apart ended in a raw schema error).
  await page.getByTestId('row-count').fill('60');
  await page.getByTestId('row-gap').fill('1700');
  await expect(page.getByTestId('inspector').getByRole('alert')).toHaveText(/^The row would run [\d,.]+ m past Hall 1's east wall: fewer copies or a smaller gap$/);
  await expect(page.getByTestId('row-place')).toBeDisabled();
  await page.getByTestId('row-count').fill('3');
  await page.getByTestId('row-gap').fill('0.2');
  // East of R1.1 stands R1.2: a row from R1.1 would stand on it, and is refused saying so (a hint, not an alarm: nothing typed is wrong).
  await expect(page.getByTestId('row-blocked')).toHaveText(/^Equipment or its service space stands where this row would go/);
  await expect(page.getByTestId('inspector').getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('row-place')).toBeDisabled();
  // Touching, as R1.1 and R1.2 stand, the row is theirs: the copies go on after its last unit, R1.2.
  await page.getByTestId('row-gap').fill('0');
  await expect(page.getByTestId('row-place')).toHaveText('Add 3 to its row, after 1.2');
  await page.getByTestId('row-place').click();
  await expect.poll(() => objectCount(page)).toBe(small.placements.length + 3);
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo 3 more after 1\.2/);
  await page.getByTestId('undo').click();
  await expect.poll(() => objectCount(page)).toBe(small.placements.length);
  // From the row's end, R1.2 (x 22.6–23.2), three copies touching run to x 25.0, where the CDU begins.
  const end = small.placements.find((p) => p.id === 'sm-gpu01-02')!;
  const endAt = await hallPoint(page, end.xM, end.yM + 0.3);
  await page.mouse.click(endAt.x, endAt.y);
  await expect(page.getByTestId('inspector-label')).toHaveValue(end.label);
  await page.getByTestId('row-count').fill('3');
  // The button says how long the row comes out: three copies beside this rack make four.
  await expect(page.getByTestId('row-place')).toHaveText('Make a row of 4 with this one');
  await page.getByTestId('row-place').click();
  await expect.poll(() => objectCount(page)).toBe(small.placements.length + 3);
  await page.getByTestId('undo').click();
  await expect.poll(() => objectCount(page)).toBe(small.placements.length);

  // Shift-click two miner racks, then align the second's top on the first.
  const a = small.placements.find((p) => p.id === 'sm-m01-01')!;
  const b = small.placements.find((p) => p.id === 'sm-m01-02')!;
  const pa = await hallPoint(page, a.xM, a.yM);
  const pb = await hallPoint(page, b.xM, b.yM);
  await page.mouse.click(pa.x, pa.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(pb.x, pb.y);
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('inspector')).toContainText('2 objects selected');
  await page.getByTestId('align-centre-y').click();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo align centre-y/);
});

test('cooling zones: drawn on free floor (never over another), moved and resized in the inspector, deleted; each one undo step', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  // The hall (30 × 15 m) is all Mining (x 0–19.5 m) and AI corner (x 20–30 m): a zone over Mining is refused.
  await page.getByTestId('draw-zone').click();
  await dragOnPlan(page, { xM: 1, yM: 8 }, { xM: 10, yM: 14 });
  await expect(page.getByTestId('message')).toContainText('The zone would overlap Mining');
  await expect(page.getByTestId('undo')).toBeDisabled();

  // Mining shrinks to 9 m wide; the AI corner cannot be moved onto it.
  await page.getByTestId(`tree-hall-${hall.id}`).click();
  await page.getByTestId('zone-widthM-sm-z-mine').fill('9');
  await page.getByTestId('zone-widthM-sm-z-mine').press('Enter');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo Mining: size/);
  await page.getByTestId('zone-xM-sm-z-ai').fill('5');
  await page.getByTestId('zone-xM-sm-z-ai').press('Enter');
  await expect(page.getByTestId('inspector')).toContainText('The zone would overlap Mining');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo Mining: size/);
  await page.getByTestId('zone-xM-sm-z-ai').press('Escape');

  // Still drawing: a zone on the floor Mining gave up.
  await dragOnPlan(page, { xM: 10, yM: 8 }, { xM: 18, yM: 14 });
  // A zone with nothing in it yet takes the plant the others leave: 3 × 300 − 650 − 60 = 190 kW of air cooling.
  await expect(page.getByTestId('headroom')).toContainText(/Zone air: Zone 3\s*190 kW left/);
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo draw zone/);
  await page.getByTestId('zone-delete-sm-h1-z3').click();
  await expect(page.getByTestId('headroom')).not.toContainText('Zone 3');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo delete Zone 3/);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('headroom')).toContainText('Zone air: Zone 3');
});

test('the inspector edits in the user\'s units: a rack\'s position, the hall\'s feed and cooling; a bad value is refused at the field; each edit is one undo step', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  const first = small.placements[0]!;
  const at = await hallPoint(page, first.xM, first.yM);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('inspector-x')).toHaveValue(plainNumber(first.xM, 2));

  await page.getByTestId('inspector-x').fill('3.1');
  await page.getByTestId('inspector-x').press('Enter');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /^Undo move 1 object/);
  await expect(page.getByTestId('inspector-x')).toHaveValue('3.1');

  // In US units the same field reads and takes feet: 3.1 m = 10.17 ft; 20 ft = 6.096 m.
  await page.getByTestId('unit-system').selectOption('us');
  await expect(page.getByTestId('inspector-x')).toHaveValue('10.17');
  // The snapping grid speaks feet too, in a round step: 0.6 m (1.969 ft) becomes 2 ft.
  await expect(page.getByTestId('grid-step')).toHaveValue('2');
  await expect(page.getByLabel('Grid step (ft)')).toBeVisible();
  await page.getByTestId('inspector-x').fill('20');
  await page.getByTestId('inspector-x').press('Enter');
  await page.getByTestId('unit-system').selectOption('metric');
  await expect(page.getByTestId('inspector-x')).toHaveValue('6.1');
  await expect(page.getByTestId('grid-step')).toHaveValue('0.6');
  // A step no layout can use is refused where it is typed; Escape puts 0.6 m back.
  for (const [typed, why] of [['0', 'Grid step must be at least 0.01 m'], ['1000', 'Grid step must be at most 10 m']]) {
    await page.getByTestId('grid-step').fill(typed!);
    await page.getByTestId('grid-step').press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: why! })).toBeVisible();
  }
  await page.getByTestId('grid-step').press('Escape');
  await expect(page.getByTestId('grid-step')).toHaveValue('0.6');
  // A fine step the user typed stays as typed when the hall view is left and opened again.
  await page.getByTestId('grid-step').fill('0.02');
  await page.getByTestId('grid-step').press('Enter');
  await page.getByTestId('view-reports').click();
  await page.getByTestId('view-layout').click();
  await expect(page.getByTestId('grid-step')).toHaveValue('0.02');
  await page.getByTestId('grid-step').fill('0.6');
  await page.getByTestId('grid-step').press('Enter');

  // The hall: 859.2 kW of miners on a 1,000 kW feed. An 800 kW feed breaks the hall's power limit.
  await page.getByTestId(`tree-hall-${hall.id}`).click();
  await expect(page.getByTestId('hall-feed')).toHaveValue('1000');
  await expect(page.getByTestId('problem-hall-power')).toHaveCount(0);
  await page.getByTestId('hall-feed').fill('800');
  await page.getByTestId('hall-feed').press('Enter');
  await expect(page.getByTestId('problem-hall-power')).toContainText('800');

  // A negative feed is refused where it is typed; nothing reaches the document; Escape puts 800 back.
  await page.getByTestId('hall-feed').fill('-5');
  await page.getByTestId('hall-feed').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Power feed must be at least 0 kW' })).toBeVisible();
  await expect(page.getByTestId('hall-feed')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /^Undo Hall 1: power feed/);
  await page.getByTestId('hall-feed').press('Escape');
  await expect(page.getByTestId('hall-feed')).toHaveValue('800');
  // So is a slip of the finger far beyond any real hall: refused, not drawn.
  await page.getByTestId('hall-width').fill('1e12');
  await page.getByTestId('hall-width').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Width must be at most 2000 m' })).toBeVisible();
  await page.getByTestId('hall-width').press('Escape');
  await expect(page.getByTestId('hall-width')).toHaveValue(plainNumber(hall.widthM, 3));
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /^Undo Hall 1: power feed/);

  // 2N holds back half of the 4 × 300 kW units: 600 kW of cooling for the 634.8 kW of heat the CDU does not carry.
  await page.getByTestId('hall-redundancy').selectOption('2N');
  await expect(page.getByTestId('problem-hall-cooling')).toContainText('600');

  for (let i = 0; i < 2; i++) await page.getByTestId('undo').click();
  await expect(page.getByTestId('hall-feed')).toHaveValue('1000');
  await expect(page.getByTestId('hall-redundancy')).toHaveValue('N+1');
  await expect(page.getByTestId('problem-hall-power')).toHaveCount(0);
  await expect(page.getByTestId('problem-hall-cooling')).toHaveCount(0);
});

test('a label is refused empty or taken by another unit of the hall, where it is typed; nothing reaches the document', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  const pdu = small.placements.find((p) => p.id === 'sm-pdu01-01')!;
  const at = await hallPoint(page, pdu.xM, pdu.yM);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('inspector-label')).toHaveValue(pdu.label);
  await page.getByTestId('inspector-label').fill('Busway 1');
  await page.getByTestId('inspector-label').press('Enter');
  await expect(page.getByTestId('inspector').getByRole('alert')).toHaveText('Busway 1 is already the label of another unit in Hall 1');
  await page.getByTestId('inspector-label').fill('');
  await page.getByTestId('inspector-label').press('Enter');
  await expect(page.getByTestId('inspector').getByRole('alert')).toHaveText('Label cannot be empty');
  await page.getByTestId('inspector-label').press('Escape');
  await expect(page.getByTestId('undo')).toBeDisabled();
});

test('Fed from offers no source that would close a loop; an edit the backend refuses says why, leaves nothing to undo, and the next edit clears it', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  const pdu = small.placements.find((p) => p.id === 'sm-pdu01-01')!;
  const at = await hallPoint(page, pdu.xM, pdu.yM);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('inspector-source')).toBeVisible();
  // The busway is fed from this PDU: feeding the PDU from the busway would close a loop, so it is not offered.
  await expect(page.getByTestId('inspector-source').locator('option', { hasText: 'Busway 1' })).toHaveCount(0);
  // A PDU model made a miner would leave the busway and CDU it feeds hanging from no source: refused by the backend.
  await page.getByTestId('view-catalog').click();
  await page.getByTestId('catalog-row-pdu-400').click();
  await page.getByTestId('model-kind').selectOption('asic-miner');
  await expect(page.getByTestId('message')).toContainText('Edit refused');
  await expect(page.getByTestId('undo')).toBeDisabled();
  await expect(page.getByTestId('doc-title')).not.toContainText('•');
  await expect(page.getByTestId('model-kind')).toHaveValue('pdu');
  // The next edit takes the refusal away: it no longer holds.
  await page.getByTestId('view-layout').click();
  await page.mouse.click(at.x, at.y);
  await page.getByTestId('inspector-label').fill('PDU A');
  await page.getByTestId('inspector-label').press('Enter');
  await expect(page.getByText(/Edit refused/)).toHaveCount(0);
});

test('fleet settings: the continuous-load derate is the user\'s; at 50 % the 400 kVA PDU carrying 282.7 kVA breaks its limit', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  await expect(page.getByTestId('problem-power-source')).toHaveCount(0);
  await page.getByTestId('tree-fleet').click();
  await expect(page.getByTestId('fleet-derate')).toHaveValue('80');
  await page.getByTestId('fleet-derate').fill('50');
  await page.getByTestId('fleet-derate').press('Enter');
  // 2 × 132 / 0.98 + 12 / 0.9 = 282.7 kVA on 400 kVA × 0.5 = 200 kVA (the miners' run breaks too: 613.9 on 449.25 kVA).
  await expect(page.getByTestId('problem-power-source').filter({ hasText: '1.1 (Floor PDU 400 kVA)' })).toContainText('value 282.7 kVA, limit 200 kVA');
  await page.getByTestId('fleet-derate').fill('120');
  await page.getByTestId('fleet-derate').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'continuous-load derate (every power source) must be at most 100 % of rating' })).toBeVisible();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('problem-power-source')).toHaveCount(0);
});

test('a power zone: box-select the miner row and feed it all from the busway in one step; the busway\'s load rises by the row\'s 613.9 kVA and breaks its limit, and so does the PDU above it', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  await dragOnPlan(page, { xM: 0.2, yM: 0.1 }, { xM: 19.4, yM: 4 });
  // The 8 racks and their own busway run; the selection's totals: 8 × 72.9 = 583.2 kW, / 0.95 = 613.9 kVA.
  await expect(page.getByTestId('inspector')).toContainText('9 objects selected');
  await expect(page.getByTestId('selection-totals')).toContainText('583.2 kW');
  await expect(page.getByTestId('selection-totals')).toContainText('613.9 kVA');
  await expect(page.getByTestId('problem-power-source')).toHaveCount(0);
  // The feed shown is the racks' own run, which the run itself (fed from none) among them does not make "(several)".
  await expect(page.getByTestId('selection-source')).toHaveValue('sm-mbw1');
  await page.getByTestId('selection-source').selectOption({ label: 'Busway 1' });
  // 2 × 132 / 0.98 = 269.4 kVA of GPU racks already on it + 613.9 kVA = 883.3 kVA against 575 × 0.8 = 460 kVA;
  // and the PDU feeding the busway carries it all, with its 12 kW / 0.9 = 13.3 kVA CDU: 896.6 kVA against 320 kVA.
  await expect(page.getByTestId('problem-power-source').filter({ hasText: 'Busway 1' })).toContainText('value 883.3 kVA, limit 460 kVA');
  await expect(page.getByTestId('problem-power-source').filter({ hasText: '1.1 (Floor PDU 400 kVA)' })).toContainText('value 896.6 kVA, limit 320 kVA');
  // The headroom says how far over, not "−423 kVA left": 883.3 − 460 = 423.3 kVA.
  await expect(page.getByTestId('headroom-power-source-sm-bw1')).toContainText('over by 423 kVA');
  // The 8 racks; their own run, which fed them, stays fed as it was (now carrying nothing).
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /^Undo feed 8 objects/);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('problem-power-source')).toHaveCount(0);
});

test('a problem about a zone, clicked, brings the zone into view and highlights it; a click on the floor ends the highlight', async ({ page, web }) => {
  await openSmallSample(page, web.url);
  const canvas = page.getByTestId('hall-canvas');
  const zone = small.zones.find((z) => z.id === 'sm-z-ai')!;
  // The AI corner's air heat is 51.6 kW (its two racks' air share and the CDU): 10 kW of air cooling is too little.
  await page.getByTestId(`zone-air-${zone.id}`).fill('10');
  await page.getByTestId(`zone-air-${zone.id}`).press('Enter');
  const problem = page.getByTestId('problem-zone-air');
  await expect(problem).toContainText('value 51.6 kW, limit 10 kW, over by 41.6 kW');
  const shown = async () => (await canvas.getAttribute('data-visible-m'))!.split(' ').map(Number) as [number, number, number, number];
  const [minX, , maxX] = await shown();
  // Fitted, the view is centred on the hall (x 15 m).
  expect((minX + maxX) / 2).toBeCloseTo(hall.widthM / 2, 0);
  await problem.click();
  await expect(canvas).toHaveAttribute('data-highlighted-zones', zone.id);
  // Now centred on the zone (x 20–30 m), with all of it in view.
  await expect.poll(async () => { const [a, , b] = await shown(); return (a + b) / 2; }).toBeCloseTo(zone.xM + zone.widthM / 2, 0);
  const [a, b, c, d] = await shown();
  expect(a <= zone.xM && b <= zone.yM && c >= zone.xM + zone.widthM && d >= zone.yM + zone.depthM).toBe(true);
  // A click on free floor outside every zone starts a new (empty) selection: the zone is no longer highlighted.
  const free = await hallPoint(page, 19.8, 0.3);
  await page.mouse.click(free.x, free.y);
  await expect(canvas).toHaveAttribute('data-highlighted-zones', '');
});
