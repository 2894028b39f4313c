import { describe, expect, it } from 'vitest';
import { planPrint, PrintError, ROW_H_MM } from '../../shared/print/sheets';
import { sampleCampus, sampleSmall } from '../../shared/samples';
import type { FleetDoc } from '../../shared/model/schema';
import { checkFleet } from '../../shared/constraints';

/** The small sample plus 150 one-off models, one placed of each: a long bill of materials. */
function manyModels(): FleetDoc {
  const doc = sampleSmall();
  const base = doc.models.find((m) => m.kind === 'gpu-server')!;
  const hall = doc.halls[0]!;
  const models = Array.from({ length: 150 }, (_, i) => ({ ...base, id: `x-${i}`, name: `Custom server ${i}` }));
  const placements = models.map((m, i) => ({ id: `xp-${i}`, hallId: hall.id, modelId: m.id, xM: 1 + (i % 25), yM: 8 + Math.floor(i / 25) * 0.9, rotationDeg: 0 as const, powerSourceId: null, powerSourceBId: null, label: '' }));
  return { ...doc, models: [...doc.models, ...models], placements: [...doc.placements, ...placements] };
}

describe('print plan', () => {
  it('splits long tables over sheets, keeping every row once and in order', () => {
    const doc = manyModels();
    const plan = planPrint(doc, { hallId: doc.halls[0]!.id, paper: 'A4', orientation: 'portrait', scale: 'fit', date: '2026-11-25' });
    expect(plan.sheets.length).toBeGreaterThan(3);
    const bomRows = plan.sheets.flatMap((s) => s.tables.filter((t) => t.title === 'Bill of materials').flatMap((t) => t.rows));
    // 6 catalog models of the sample + 150 custom + the totals row
    expect(bomRows.length).toBe(6 + 150 + 1);
    expect(bomRows.at(-1)![0]).toBe('Total');
    expect(bomRows.filter((r) => r[0]!.startsWith('Custom server')).map((r) => r[0])).toEqual(Array.from({ length: 150 }, (_, i) => `Custom server ${i}`));
    for (const sheet of plan.sheets) {
      for (const t of sheet.tables) {
        // Each slice ends above the title block.
        expect(t.yMm + 11 + t.rows.length * ROW_H_MM).toBeLessThanOrEqual(plan.titleBlock.box.y);
      }
    }
    const continued = plan.sheets.flatMap((s) => s.tables).filter((t) => t.continued);
    expect(continued.length).toBeGreaterThan(0);
  });

  it('puts whole tables on sheet 1 between the drawing and the legend when they fit: Building A on A4 is one sheet', () => {
    const doc = sampleCampus();
    const plan = planPrint(doc, { hallId: 'wtx-a', paper: 'A4', orientation: 'portrait', scale: 'fit', date: 'x' });
    expect(plan.sheets).toHaveLength(1);
    const [sheet] = plan.sheets;
    const d = sheet!.drawing!;
    // Below the outline (42 m at 1:750 = 56 mm), its dimension (10 mm) and scale band (15 mm), 6 mm clear.
    expect(d.denominator).toBe(750);
    const tables = sheet!.tables;
    expect(tables.map((t) => t.title)).toEqual(['Bill of materials', 'Power and cooling', 'Open violations']);
    expect(tables[0]!.yMm).toBeCloseTo(d.box.y + 56 + 10 + 15 + 6, 9);
    // Two models (racks, busway runs) and the total, the hall's capacities and its runs' line, "None": 11 mm of heading and 4.6 mm a row, 6 mm apart.
    expect(tables[1]!.yMm).toBeCloseTo(tables[0]!.yMm + 11 + 3 * ROW_H_MM + 6, 9);
    const last = tables.at(-1)!;
    expect(last.yMm + 11 + last.rows.length * ROW_H_MM).toBeLessThanOrEqual(sheet!.key!.legend.y - 5);
  });

  it('tables on sheet 1 start below a hall drawn past its site\'s south edge', () => {
    const doc = sampleSmall();
    // The site is 50 m deep: at 1:1000 its outline, dimension and scale bands end 50 + 10 + 15 = 75 mm
    // down. The hall moved to y = 80 m ends 95 m down, 95 mm: the tables start below that.
    doc.halls[0] = { ...doc.halls[0]!, siteYM: 80 };
    const plan = planPrint(doc, { siteId: 'sm', paper: 'A4', orientation: 'portrait', scale: 1000, date: 'x' });
    const d = plan.sheets[0]!.drawing!;
    expect(d.denominator).toBe(1000);
    expect(plan.sheets[0]!.tables.length).toBeGreaterThan(0);
    for (const t of plan.sheets[0]!.tables) expect(t.yMm).toBeGreaterThanOrEqual(d.box.y + 95);
  });

  it('a table that does not fit whole on sheet 1 starts sheet 2, and those after it follow it there', () => {
    const doc = manyModels();
    const plan = planPrint(doc, { hallId: doc.halls[0]!.id, paper: 'A4', orientation: 'portrait', scale: 'fit', date: 'x' });
    expect(plan.sheets[0]!.tables).toEqual([]);
    expect(plan.sheets[1]!.tables[0]).toMatchObject({ title: 'Bill of materials', continued: false });
  });

  it('names a missing hall', () => {
    expect(() => planPrint(sampleSmall(), { hallId: 'nope', paper: 'A3', orientation: 'landscape', scale: 100, date: 'x' })).toThrow(PrintError);
  });

  it('prints the site plan with each hall as an item', () => {
    const doc = sampleSmall();
    const plan = planPrint(doc, { siteId: doc.sites[0]!.id, paper: 'A3', orientation: 'landscape', scale: 'fit', date: 'x' });
    expect(plan.sheets[0]!.drawing!.items.map((i) => i.id)).toEqual(doc.halls.map((h) => h.id));
  });

  it('prints the constraint engine\'s headroom and the open violations of the hall', () => {
    const doc = sampleSmall();
    const hall = doc.halls[0]!;
    const req = { hallId: hall.id, paper: 'A3', orientation: 'landscape', scale: 'fit', date: 'x' } as const;
    const tableOf = (d: FleetDoc, title: string) => planPrint(d, req).sheets.flatMap((s) => s.tables.filter((t) => t.title === title).flatMap((t) => t.rows));

    const hallFeed = checkFleet(doc).headroom.find((h) => h.kind === 'hall-power' && h.id === hall.id)!;
    const feedRow = tableOf(doc, 'Power and cooling').find((r) => r[0] === 'Hall feed' && r[1] === hall.name)!;
    expect(feedRow.slice(2)).toEqual([hallFeed.load, hallFeed.capacity, hallFeed.headroom].map((kw) => `${Math.round(kw).toLocaleString('en-US')} kW`));

    // Starve the hall's feed: the hall-power violation is printed, in the app's words.
    const starved: FleetDoc = { ...doc, halls: doc.halls.map((h) => (h.id === hall.id ? { ...h, feedKw: 1 } : h)) };
    const open = tableOf(starved, 'Open violations').map((r) => r[0]!);
    expect(open.some((line) => line.startsWith('Error:') && line.includes(hall.name))).toBe(true);
    expect(tableOf(starved, 'Power and cooling').find((r) => r[0] === 'Hall feed' && r[1] === hall.name)![3]).toBe('1 kW');
    // Listed by what they are, the hall's own first, then by name.
    expect(tableOf(doc, 'Power and cooling').map((r) => r[0])).toEqual(['Hall feed', 'Hall cooling', 'Facility water', 'Zone air', 'Zone air', 'Zone liquid', 'Power source', 'Power source', 'Power source']);
    // Sources are rated in apparent power: their rows read in kVA.
    expect(tableOf(doc, 'Power and cooling').filter((r) => r[0] === 'Power source').every((r) => r.slice(2).every((cell) => cell!.endsWith(' kVA')))).toBe(true);
  });

  it('lists power sources of one model as one line, the tightest of them', () => {
    // Building A's 500 racks hang from 60 alike busway runs (rows of 50, nine racks to a run): one line.
    const rows = planPrint(sampleCampus(), { hallId: 'wtx-a', paper: 'A3', orientation: 'landscape', scale: 'fit', date: 'x' }).sheets.flatMap((s) => s.tables.filter((t) => t.title === 'Power and cooling').flatMap((t) => t.rows));
    const sources = rows.filter((r) => r[0] === 'Power source');
    expect(sources).toHaveLength(1);
    expect(sources[0]![1]).toMatch(/^Busway A\d+, tightest of 60 Overhead/);
  });
});
