/**
 * The printed sheets measured in the browser that draws them: every text's box as
 * Chromium lays it out (real glyph widths, not the layout's estimate) stays inside the
 * sheet's border and overlaps no other text, on the sheets the exploratory test found
 * broken (A4 portrait, Letter landscape at a scale that does not fit, the site plan).
 */
import type { Page } from '@playwright/test';
import { expect, openPlanner, switchToUsUnits, test } from './fixtures';
import { sampleCampus } from '../../shared/samples';

interface Box {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Text boxes of each sheet in mm (1 SVG unit = 1 mm), from getBoundingClientRect so rotated labels count as drawn. */
async function textBoxes(page: Page): Promise<{ sheet: number; widthMm: number; heightMm: number; boxes: Box[] }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>('svg.sheet')].map((svg, i) => {
      const vb = svg.viewBox.baseVal;
      const r = svg.getBoundingClientRect();
      const k = vb.width / r.width;
      const boxes = [...svg.querySelectorAll('text')].filter((t) => t.textContent!.trim() !== '').map((t) => {
        const b = t.getBoundingClientRect();
        return { text: t.textContent!, x: (b.x - r.x) * k, y: (b.y - r.y) * k, w: b.width * k, h: b.height * k };
      });
      return { sheet: i + 1, widthMm: vb.width, heightMm: vb.height, boxes };
    }),
  );
}

/** Glyph boxes include the font's line gap: two lines of a table 4.6 mm apart touch by a few tenths, which is no overlap on paper. */
const SLACK_MM = 0.5;
const overlaps = (a: Box, b: Box) => a.x + a.w - SLACK_MM > b.x && b.x + b.w - SLACK_MM > a.x && a.y + a.h - SLACK_MM > b.y && b.y + b.h - SLACK_MM > a.y;

const cases = [
  'hall=wtx-b&paper=A4&orientation=portrait&scale=fit',
  'hall=wtx-b&paper=Letter&orientation=landscape&scale=100',
  'hall=wtx-a&paper=A4&orientation=landscape&scale=200',
  'site=wtx&paper=A3&orientation=landscape&scale=fit',
  'site=wtx&paper=A4&orientation=portrait&scale=fit',
  // The longest legend name (the immersion tank's), beside its count.
  'hall=okl-yard&paper=A3&orientation=landscape&scale=fit',
  // The grid's references, setting out, feed schedule and single line of the AI hall, and a site's hall corners and schedules.
  'hall=wtx-b&paper=A3&orientation=landscape&scale=fit',
  'hall=wtx-b&paper=Letter&orientation=portrait&scale=fit',
  'site=wtx&paper=Tabloid&orientation=landscape&scale=fit',
  // Tables side by side: "None" beside Power and cooling (A3, Letter), and continued pieces with their column heads.
  'hall=cbh-c&paper=A3&orientation=landscape&scale=fit',
  'hall=cbh-c&paper=Letter&orientation=landscape&scale=fit',
  'site=okl&paper=Tabloid&orientation=portrait&scale=fit',
];

for (const units of ['metric', 'us'] as const) {
  test(`no text on a printed sheet (${units} units) runs past the border, over another text or is cut`, async ({ page, web }) => {
    test.setTimeout(180_000);
    await openPlanner(page, web.url);
    await page.getByTestId('new-menu').selectOption('campus');
    await expect(page.getByTestId('tree-fleet')).toHaveText(sampleCampus().fleet.name);
    // In US units every length on the sheets is written in feet and inches, which are longer.
    if (units === 'us') await switchToUsUnits(page);
    const u = new URL(web.url);
    for (const query of cases) {
      await page.goto(`${u.origin}/?${u.searchParams}#/print?${query}&date=2026-11-25`);
      await expect(page.getByTestId('sheet-1')).toBeVisible();
      if (units === 'us') await expect(page.getByTestId('sheet-1')).toContainText(/\d′-\d{1,2}″/);
      const problems: string[] = [];
      for (const { sheet, widthMm, heightMm, boxes } of await textBoxes(page)) {
        // The border is drawn at half the 10 mm margin.
        for (const b of boxes) {
          if (b.x < 5 || b.x + b.w > widthMm - 5 || b.y < 5 || b.y + b.h > heightMm - 5) problems.push(`sheet ${sheet}: "${b.text}" crosses the border (${b.x.toFixed(1)}–${(b.x + b.w).toFixed(1)} mm of ${widthMm.toFixed(1)})`);
        }
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            if (overlaps(boxes[i]!, boxes[j]!)) problems.push(`sheet ${sheet}: "${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`);
          }
        }
        // Table cells wrap rather than end in an ellipsis ("(direct-…").
        for (const b of boxes) if (b.text.includes('…')) problems.push(`sheet ${sheet}: "${b.text}" is cut`);
      }
      expect(problems, query).toEqual([]);
    }
  });
}

test('in US units the preview starts on Tabloid (ANSI B) and offers engineering scales as 1″ = N′', async ({ page, web }) => {
  await openPlanner(page, web.url);
  await page.getByTestId('unit-system').selectOption('us');
  await page.getByTestId('print-preview').click();
  await expect(page.getByTestId('print-paper')).toHaveValue('Tabloid');
  // 17 in = 431.8 mm across in landscape
  await expect(page.getByTestId('sheet-1')).toHaveAttribute('width', `${17 * 25.4}mm`);
  const scales = await page.getByTestId('print-scale').locator('option').allInnerTexts();
  expect(scales).toEqual(expect.arrayContaining(['1″ = 10′ (1:120)', '1″ = 20′ (1:240)', '1″ = 40′ (1:480)', '1″ = 50′ (1:600)', '1″ = 100′ (1:1200)']));
  expect(scales).not.toContain('1:500');
  await page.getByTestId('print-scale').selectOption('240');
  await expect(page.getByTestId('drawing')).toContainText(/Scale 1″ = \d+′ \(1:\d+\)/);
});
