/**
 * The print route of the browser build rendered to PDF by Chromium, checked with
 * poppler: page size (pdfinfo), title block and bill of materials (pdftotext), and
 * drawn lengths measured from the PDF's own vector paths (pdftocairo -svg).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openPlanner, switchToUsUnits, test } from './fixtures';
import { billOfMaterials } from '../../shared/io/bom';
import { sampleSmall } from '../../shared/samples';
import { sheetSize, type Orientation, type PaperName } from '../../shared/print/paper';
import { formatQuantity, mmToPt, ptToMm } from '../../shared/units';

const small = sampleSmall();
const hall = small.halls[0]!;
const DATE = '2026-11-25';

async function printPdf(page: Page, url: string, query: string, file: string): Promise<void> {
  const u = new URL(url);
  await page.goto(`${u.origin}/?${u.searchParams}#/print?${query}&date=${DATE}`);
  await expect(page.getByTestId('sheet-1')).toBeVisible();
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
}

async function openSmall(page: Page, url: string) {
  await openPlanner(page, url);
  await page.getByTestId('new-menu').selectOption('small');
  await expect(page.getByTestId('tree-fleet')).toHaveText(small.fleet.name);
}

const sizes: [PaperName, Orientation][] = [
  ['A4', 'landscape'],
  ['A4', 'portrait'],
  ['A3', 'landscape'],
  ['Letter', 'landscape'],
  ['Letter', 'portrait'],
  ['Tabloid', 'landscape'],
];

test('the hall plan prints at each paper size with its title block and bill of materials', async ({ page, web }) => {
  await openSmall(page, web.url);
  const bom = billOfMaterials(small).filter((l) => l.hallId === hall.id);
  const totalQty = bom.reduce((t, l) => t + l.quantity, 0);
  const totalKw = formatQuantity(bom.reduce((t, l) => t + l.totalPowerKw, 0), 'power', small.fleet.unitSystem, 0);
  for (const [paper, orientation] of sizes) {
    const file = path.join('test-results', `print-${paper}-${orientation}.pdf`);
    await printPdf(page, web.url, `hall=${hall.id}&paper=${paper}&orientation=${orientation}&scale=fit`, file);
    const info = execFileSync('pdfinfo', [file]).toString();
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    const expected = sheetSize(paper, orientation);
    expect(Math.abs(Number(w) - mmToPt(expected.widthMm)), `${paper} ${orientation} width`).toBeLessThan(1);
    expect(Math.abs(Number(h) - mmToPt(expected.heightMm)), `${paper} ${orientation} height`).toBeLessThan(1);

    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const field of [small.fleet.name, small.sites[0]!.name, hall.name, small.fleet.revision, DATE, small.fleet.author]) {
      expect(text, `${paper} ${orientation}: title block shows "${field}"`).toContain(field);
    }
    expect(text).toMatch(/\b1 of \d\b/);
    // The bill of materials' row, not the summary's "Total load".
    const totalLine = text.split('\n').find((l) => /^\s*Total\s+\d/.test(l));
    expect(totalLine, 'bill of materials total row').toBeDefined();
    expect(totalLine).toContain(String(totalQty));
    expect(totalLine).toContain(totalKw);
  }
});

/** Widths (pt) of the filled rectangles of one colour (#rrggbb) in a PDF page, in drawing order, from pdftocairo's SVG. */
function rectWidthsPt(pdf: string, hex: string): number[] {
  const want = [1, 3, 5].map((i) => (parseInt(hex.slice(i, i + 2), 16) / 255) * 100);
  const svg = `${pdf}.svg`;
  execFileSync('pdftocairo', ['-svg', '-f', '1', '-l', '1', pdf, svg]);
  const body = fs.readFileSync(svg, 'utf8');
  const widths: number[] = [];
  for (const m of body.matchAll(/<path style="[^"]*fill:rgb\(([^)]*)\)[^"]*" d="M ([\d.]+) [\d.]+ L ([\d.]+) [\d.]+ [^"]*"(?: transform="matrix\(([\d.]+),)?/g)) {
    const rgb = m[1]!.split(',').map((v) => parseFloat(v));
    // The PDF stores colours with a little quantisation.
    if (rgb.some((v, i) => Math.abs(v - want[i]!) > 0.2)) continue;
    widths.push((Number(m[3]) - Number(m[2])) * Number(m[4] ?? 1));
  }
  return widths;
}

test('printed at 1:100 on A3, a 30 m hall measures 300 mm and a rack its catalog width, within 0.5 %', async ({ page, web }) => {
  await openSmall(page, web.url);
  const file = path.join('test-results', 'print-scale.pdf');
  await printPdf(page, web.url, `hall=${hall.id}&paper=A3&orientation=landscape&scale=100`, file);
  expect(execFileSync('pdftotext', [file, '-']).toString()).toContain('Scale 1:100');
  // The hall floor is #fafafa; 30 m at 1:100 = 300 mm.
  const floor = rectWidthsPt(file, '#fafafa');
  expect(floor.length).toBeGreaterThan(0);
  const floorM = (ptToMm(floor[0]!) * 100) / 1000;
  expect(Math.abs(floorM - hall.widthM) / hall.widthM).toBeLessThan(0.005);
  // GB200 racks are drawn in the gpu-rack colour #3f9d5b.
  const rack = small.models.find((m) => m.id === 'nvl72-gb200')!;
  const racks = rectWidthsPt(file, '#3f9d5b');
  // The racks on the plan, then the legend's swatch.
  expect(racks.length).toBe(small.placements.filter((p) => p.modelId === rack.id).length + 1);
  const rackM = (ptToMm(racks[0]!) * 100) / 1000;
  expect(Math.abs(rackM - rack.widthM) / rack.widthM).toBeLessThan(0.005);
});

test('the print preview is reachable from the planner and switches paper; the title block is the user\'s', async ({ page, web }) => {
  await openSmall(page, web.url);
  // Company and checker, set in the fleet's settings, print in the title block.
  await page.getByTestId('tree-fleet').click();
  await page.getByTestId('title-company').fill('Permian Hash LLC');
  await page.getByTestId('title-company').press('Enter');
  await page.getByTestId('title-checked-by').fill('J. Ortiz');
  await page.getByTestId('title-checked-by').press('Enter');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo title block checked by/);
  await page.getByTestId(`tree-hall-${small.halls[0]!.id}`).click();
  await page.getByTestId('print-preview').click();
  await expect(page.getByTestId('sheet-1')).toBeVisible();
  await expect(page.getByTestId('sheet-1')).toContainText('Permian Hash LLC');
  await expect(page.getByTestId('sheet-1')).toContainText('J. Ortiz');
  await page.getByTestId('print-paper').selectOption('A4');
  await expect(page.getByTestId('sheet-1')).toHaveAttribute('width', `${sheetSize('A4', 'landscape').widthMm}mm`);

  // A3 landscape (420 mm, 1,587 px) is wider than the 1,400 px window: the preview fits its
  // width by default, and at actual size it starts at the left edge, scrollable, never cut off.
  await page.getByTestId('print-paper').selectOption('A3');
  await expect(page.getByTestId('sheet-1')).toHaveAttribute('width', `${sheetSize('A3', 'landscape').widthMm}mm`);
  const viewport = page.viewportSize()!;
  const fitted = (await page.getByTestId('sheet-1').boundingBox())!;
  expect(fitted.x).toBeGreaterThanOrEqual(0);
  expect(fitted.x + fitted.width).toBeLessThanOrEqual(viewport.width);
  expect(fitted.width / fitted.height).toBeCloseTo(420 / 297, 2);
  await page.getByTestId('print-zoom').selectOption('actual');
  const actual = (await page.getByTestId('sheet-1').boundingBox())!;
  expect(actual.width).toBeCloseTo((420 / 25.4) * 96, 0);
  expect(actual.x).toBeGreaterThanOrEqual(0);

  // Escape in a control is the control's; on the page it goes back to the planner.
  await page.getByTestId('print-zoom').press('Escape');
  // The handler would change the hash at once, before any re-render.
  expect(await page.evaluate(() => location.hash)).toMatch(/^#\/print\?/);
  await expect(page.getByTestId('print-view')).toBeVisible();
  await page.getByTestId('sheet-1').click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('print-view')).toHaveCount(0);
  await expect(page.getByTestId(`tree-hall-${small.halls[0]!.id}`)).toBeVisible();
});

test('the PDF of a hall carries its setting out and feed schedule, and in US units writes lengths in feet and inches', async ({ page, web }) => {
  await openSmall(page, web.url);
  const file = path.join('test-results', 'print-contractor.pdf');
  await printPdf(page, web.url, `hall=${hall.id}&paper=A3&orientation=landscape&scale=fit`, file);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  const row = (...cells: string[]) => new RegExp(cells.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*')).join('\\s+'));
  // The eight miner racks (2 m wide, 0.1 m apart) from x 1.5 m end at 1.5 + 8 × 2 + 7 × 0.1 = 18.2 m: 30 − 18.2 = 11.8 m to
  // the east wall; in 3 m squares they cover columns A (0–3) to G (18–21).
  expect(small.models.find((m) => m.id === 'rack-s21xp')!.widthM).toBe(2);
  expect(text).toMatch(row('1.1–8', 'A1–G1', '8', '1.5 m', '11.8 m'));
  // The two GB200 racks (2 × 132 = 264 kW, / 0.98 = 269.4 kVA) on Busway 1, which the PDU labelled 1.1 feeds.
  expect(text).toMatch(row('1.1–2', 'H1–H2', '2 × GB200 NVL72 rack', 'Busway 1', '1.1', 'A', '264 kW', '269.4 kVA'));

  await page.goto(web.url);
  await switchToUsUnits(page);
  const us = path.join('test-results', 'print-contractor-us.pdf');
  await printPdf(page, web.url, `hall=${hall.id}&paper=Tabloid&orientation=landscape&scale=fit`, us);
  const usText = execFileSync('pdftotext', ['-layout', us, '-']).toString();
  // 30 m = 1181.1 in → 1181 in = 98′-5″; 15 m = 590.6 in → 591 in = 49′-3″; 1.5 m = 59.1 in → 4′-11″; 11.8 m = 464.6 in → 465 in = 38′-9″.
  // 10 ft squares (3.048 m): the row's 18.2 m east end is in the sixth, F.
  expect(usText).toContain('98′-5″');
  expect(usText).toContain('49′-3″');
  expect(usText).toMatch(row('1.1–8', 'A1–F1', '8', '4′-11″', '38′-9″'));
  expect(usText).not.toMatch(/\d ft\b/);
});
