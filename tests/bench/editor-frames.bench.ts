/**
 * Layout editor: frame times while dragging a selection of 10 racks across a hall of 200
 * and of 20,000 placed objects at the same ground speed, in Chromium driving the browser build (software
 * rendering). Reports p50 and p95 of the per-frame drawing work (the overlay with the
 * dragged selection and the live would-it-break check), the ratio p95(20,000)/p95(200),
 * and the renderer's JS heap at 20,000. Goals: p95 under 16.7 ms at 20,000, ratio under 1.5.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { writeFleetFile } from '../../db/fleet-file';
import type { FleetDoc, Placement } from '../../shared/model/schema';
import { sampleSmall } from '../../shared/samples';
import { percentile, report } from './measure';
import { fitHallPlan, toScreen } from '../../renderer/src/layout/viewport';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** One clean hall of `count` S21 XP miners in rows with their service aisles. */
function hallOf(count: number): FleetDoc {
  const doc = sampleSmall();
  const miner = doc.models.find((m) => m.id === 'ant-s21xp')!;
  const pitchX = miner.widthM + 0.05;
  const pitchY = miner.depthM + miner.clearanceFrontM + miner.clearanceBackM + 0.1;
  const perRow = Math.ceil(Math.sqrt(count * (pitchY / pitchX)));
  const hall = { ...doc.halls[0]!, widthM: perRow * pitchX + 2, depthM: Math.ceil(count / perRow) * pitchY + 2, feedKw: 1e6, densityLimitKwPerRack: null, floorLimitKgPerM2: 5000 };
  hall.cooling = { ...hall.cooling, unitCapacityKw: 1e6 };
  const placements: Placement[] = Array.from({ length: count }, (_, i) => ({
    id: `b${i}`, hallId: hall.id, modelId: miner.id, xM: 1 + (i % perRow) * pitchX, yM: 1 + miner.clearanceFrontM + Math.floor(i / perRow) * pitchY, rotationDeg: 0, powerSourceId: null, powerSourceBId: null, label: '',
  }));
  return { ...doc, fleet: { ...doc.fleet, name: `Bench hall ${count}` }, halls: [hall], zones: [], placements, sites: [{ ...doc.sites[0]!, interconnectMw: 1_000, transformerCapacityMw: 1_000 }] };
}

async function measure(count: number): Promise<{ p50: number; p95: number; heapMb: number; frames: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-frames-'));
  writeFleetFile(hallOf(count), path.join(dir, 'bench.fleet'));
  const server = spawn(process.execPath, ['dist/web/server.cjs', '--port', '0', '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => server.stdout!.on('data', (d: Buffer) => /UI: (\S+)/.test(d.toString()) && resolve(/UI: (\S+)/.exec(d.toString())![1]!)));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...ARGS, '--enable-precise-memory-info'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(url);
    await page.getByTestId('tree-fleet').waitFor();
    await page.getByTestId('open').click();
    await page.getByTestId('open-file-bench.fleet').click();
    await page.getByText(`Bench hall ${count}`).first().waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=hall-canvas]')?.getAttribute('data-drawn-count')) > 0);
    const box = (await page.getByTestId('hall-overlay').boundingBox())!;
    // Box-select the first ten racks of the first row (through the same fit the view uses), then drag them.
    const doc = hallOf(count);
    const v = fitHallPlan(doc.halls[0]!, { width: Math.floor(box.width), height: Math.floor(box.height) });
    const at = (xM: number, yM: number) => {
      const s = toScreen(v, xM, yM);
      return { x: box.x + s.x, y: box.y + s.y };
    };
    const first = doc.placements[0]!;
    const tenth = doc.placements[9]!;
    const a = at(first.xM - 0.15, first.yM - 0.25);
    const b = at(tenth.xM + 0.15, first.yM + 0.25);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 4 });
    await page.mouse.up();
    await page.getByText('10 objects selected').waitFor();
    await page.evaluate(() => performance.clearMeasures('fleet:drag-frame'));
    const grab = at(first.xM, first.yM);
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    // The same ground speed in both halls, one grid step (0.6 m) a frame, back and forth
    // within the smaller hall: every frame lands on a new snapped position, so every frame
    // asks the would-it-break check, at 200 objects as at 20,000.
    for (let i = 0; i < 150; i++) {
      const to = at(first.xM + 0.6 * (1 + (i % 16)), first.yM + 0.6 * (Math.floor(i / 16) % 4));
      await page.mouse.move(to.x, to.y);
      await page.evaluate(() => new Promise(requestAnimationFrame));
    }
    const durations = await page.evaluate(() => performance.getEntriesByName('fleet:drag-frame').map((e) => e.duration));
    await page.keyboard.press('Escape');
    const heapMb = await page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576);
    return { p50: percentile(durations, 50), p95: percentile(durations, 95), heapMb, frames: durations.length };
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const small = await measure(200);
const large = await measure(20_000);
report({ bench: 'editor-frames', figure: `drag frame p50 at 20,000 objects (${large.frames} frames)`, value: large.p50, unit: 'ms', reference: `p50 at 200 objects (${small.frames} frames)`, referenceValue: small.p50, goal: 'for information', pass: true });
report({ bench: 'editor-frames', figure: 'drag frame p95 at 20,000 objects', value: large.p95, unit: 'ms', reference: 'p95 at 200 objects', referenceValue: small.p95, goal: 'p95 under 16.7 ms and ratio under 1.5', pass: large.p95 < 16.7 && large.p95 / small.p95 < 1.5 });
report({ bench: 'editor-frames', figure: 'renderer JS heap at 20,000 objects', value: large.heapMb, unit: 'MB', reference: 'heap at 200 objects', referenceValue: small.heapMb, goal: 'for information', pass: true });
