/**
 * The drawn single line measured in the Chromium that draws it: every text of a box stays
 * inside the box, no two boxes overlap, feed letters and notes stand clear of every box,
 * and no two texts overlap, on the campus's sites and on a generated site of 18 halls
 * that folds its row groups and goes on over several sheets.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeFleetFile } from '../../db/fleet-file';
import { generateFleet, sampleCampus } from '../../shared/samples';
import { expect, openPlanner, test } from './fixtures';

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface Text extends Rect {
  text: string;
}
interface Drawn {
  sheet: number;
  boxes: { rect: Rect; texts: Text[] }[];
  /** Texts outside the boxes: title, notes, key, feed letters. */
  loose: Text[];
}

/** In mm (1 SVG unit = 1 mm) from getBoundingClientRect, for each sheet with a single line. */
async function drawnSingleLines(page: Page): Promise<Drawn[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>('svg.sheet')].flatMap((svg, i) => {
      const g = svg.querySelector('[data-testid="single-line-drawing"]');
      if (!g) return [];
      const r = svg.getBoundingClientRect();
      const k = svg.viewBox.baseVal.width / r.width;
      const mm = (e: Element) => {
        const b = e.getBoundingClientRect();
        return { x: (b.x - r.x) * k, y: (b.y - r.y) * k, w: b.width * k, h: b.height * k };
      };
      const nodes = [...g.querySelectorAll('[data-testid^="single-line-box"]')];
      const boxes = nodes.map((n) => ({ rect: mm(n.querySelector('rect')!), texts: [...n.querySelectorAll('text')].map((t) => ({ text: t.textContent!, ...mm(t) })) }));
      const loose = [...g.querySelectorAll('text')].filter((t) => !nodes.some((n) => n.contains(t))).map((t) => ({ text: t.textContent!, ...mm(t) }));
      return [{ sheet: i + 1, boxes, loose }];
    }),
  );
}

/** Glyph boxes include the font's line gap: lines 2.75 mm apart touch by a few tenths, which is no overlap on paper. */
const SLACK_MM = 0.3;
const overlaps = (a: Rect, b: Rect) => a.x + a.w - SLACK_MM > b.x && b.x + b.w - SLACK_MM > a.x && a.y + a.h - SLACK_MM > b.y && b.y + b.h - SLACK_MM > a.y;
const inside = (t: Rect, r: Rect) => t.x >= r.x - 1e-6 && t.x + t.w <= r.x + r.w + 1e-6 && t.y >= r.y - SLACK_MM && t.y + t.h <= r.y + r.h + SLACK_MM;

function problemsOf(drawn: Drawn[]): string[] {
  const problems: string[] = [];
  for (const { sheet, boxes, loose } of drawn) {
    for (const b of boxes) for (const t of b.texts) if (!inside(t, b.rect)) problems.push(`sheet ${sheet}: "${t.text}" leaves its box`);
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => overlaps(a.rect, b.rect) && problems.push(`sheet ${sheet}: box "${a.texts[0]?.text}" overlaps box "${b.texts[0]?.text}"`)));
    for (const t of loose) for (const b of boxes) if (overlaps(t, b.rect)) problems.push(`sheet ${sheet}: "${t.text}" is over box "${b.texts[0]?.text}"`);
    loose.forEach((a, i) => loose.slice(i + 1).forEach((b) => overlaps(a, b) && problems.push(`sheet ${sheet}: "${a.text}" overlaps "${b.text}"`)));
    for (const t of [...loose, ...boxes.flatMap((b) => b.texts)]) if (t.text.includes('…')) problems.push(`sheet ${sheet}: "${t.text}" is cut`);
  }
  return problems;
}

async function showPrint(page: Page, url: string, query: string): Promise<Drawn[]> {
  const u = new URL(url);
  await page.goto(`${u.origin}/?${u.searchParams}#/print?${query}&date=2026-12-07`);
  await expect(page.getByTestId('sheet-1')).toBeVisible({ timeout: 120_000 });
  return drawnSingleLines(page);
}

test('the campus\'s single lines keep every text in its box, and boxes, letters and notes clear of each other', async ({ page, web }) => {
  test.setTimeout(180_000);
  await openPlanner(page, web.url);
  await page.getByTestId('new-menu').selectOption('campus');
  await expect(page.getByTestId('tree-fleet')).toHaveText(sampleCampus().fleet.name);
  for (const target of ['site=wtx', 'site=cbh', 'site=okl', 'hall=wtx-b']) {
    for (const paper of ['A3&orientation=landscape', 'Letter&orientation=portrait', 'Tabloid&orientation=landscape']) {
      const query = `${target}&paper=${paper}&scale=fit`;
      const drawn = await showPrint(page, web.url, query);
      expect(drawn.length, query).toBeGreaterThan(0);
      // The interconnect, the transformers and a hall at least, on every sheet.
      for (const d of drawn) expect(d.boxes.length, query).toBeGreaterThanOrEqual(3);
      expect(problemsOf(drawn), query).toEqual([]);
    }
  }
});

test('a generated site of 18 halls draws each hall once over several sheets, its row groups folded, nothing overlapping', async ({ page, web }) => {
  test.setTimeout(300_000);
  const doc = generateFleet({ placements: 20_000, seed: 1 });
  writeFleetFile(doc, path.join(web.dir, 'site.fleet'));
  await openPlanner(page, web.url);
  await page.getByTestId('open').click();
  await page.getByTestId('open-file-site.fleet').click();
  await expect(page.getByTestId('tree-fleet')).toHaveText(doc.fleet.name, { timeout: 120_000 });
  const drawn = await showPrint(page, web.url, `site=${doc.sites[0]!.id}&paper=Letter&orientation=landscape&scale=fit`);
  expect(drawn.length).toBeGreaterThan(1);
  expect(problemsOf(drawn)).toEqual([]);
  // Each hall's box, once over the sheets: its name is the box's first line.
  const hallBoxes = drawn.flatMap((d) => d.boxes.map((b) => b.texts[0]!.text)).filter((t) => doc.halls.some((h) => h.name === t));
  expect(hallBoxes.sort()).toEqual(doc.halls.map((h) => h.name).sort());
  const notes = drawn.flatMap((d) => d.loose.map((t) => t.text)).join(' ');
  expect(notes).toMatch(/Folded to fit: [\d,]+ row groups and [\d,]+ sources/);
  expect(notes).toContain(`Halls 1–`);
});
