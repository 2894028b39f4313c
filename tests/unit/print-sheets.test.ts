import { describe, expect, it } from 'vitest';
import { planPrint, printSubject, PrintError, ROW_H_MM, type PrintPlan, type TableSlice } from '../../shared/print/sheets';
import { tableWidth } from '../../shared/print/paginate';
import { generateFleet, sampleCampus, sampleSmall } from '../../shared/samples';
import { PAPER_NAMES } from '../../shared/print/paper';
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

  it('puts whole tables on sheet 1 between the drawing and the legend while they fit: Building A on A4 has its bill of materials and setting out there', () => {
    const doc = sampleCampus();
    const plan = planPrint(doc, { hallId: 'wtx-a', paper: 'A4', orientation: 'portrait', scale: 'fit', date: 'x' });
    const [sheet] = plan.sheets;
    const d = sheet!.drawing!;
    // Below the outline (42 m at 1:750 = 56 mm, under the grid's 6 mm band), its dimension (10 mm) and scale band (15 mm), 6 mm clear.
    expect(d.denominator).toBe(750);
    const tables = sheet!.tables;
    expect(tables.map((t) => t.title)).toEqual(['Bill of materials', expect.stringMatching(/^Setting out/)]);
    expect(tables[0]!.yMm).toBeCloseTo(d.box.y + 6 + 56 + 10 + 15 + 6, 9);
    // Two models (racks, busway runs) and the total: 11 mm of heading and 4.6 mm a row, 6 mm apart.
    expect(tables[1]!.yMm).toBeCloseTo(tables[0]!.yMm + 11 + 3 * ROW_H_MM + 6, 9);
    const last = tables.at(-1)!;
    expect(last.yMm + 11 + last.rows.length * ROW_H_MM).toBeLessThanOrEqual(sheet!.key!.legend.y - 5);
    // The rest follow from sheet 2, in order.
    // 60 busway runs make the feed schedule and single line long: each goes on over sheets, in order.
    const titles = plan.sheets.slice(1).flatMap((s) => s.tables.map((t) => t.title));
    expect(titles.filter((t, i) => t !== titles[i - 1])).toEqual(['Feed schedule', 'Single line (power chain)', 'Power and cooling', 'Open violations']);
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

  it("names what the sheets show, for the PDF's title and file: a hall by its name, a site's plan by the site's", () => {
    const doc = sampleSmall();
    expect(printSubject(planPrint(doc, { siteId: 'sm', paper: 'A4', orientation: 'portrait', scale: 1000, date: 'x' }))).toBe('Test site site plan');
    expect(printSubject(planPrint(doc, { hallId: 'sm-h1', paper: 'A4', orientation: 'portrait', scale: 'fit', date: 'x' }))).toBe('Hall 1');
  });

  it('a table that does not fit whole on sheet 1 starts the first sheet after the single line, and those after it follow it there', () => {
    const doc = manyModels();
    const plan = planPrint(doc, { hallId: doc.halls[0]!.id, paper: 'A4', orientation: 'portrait', scale: 'fit', date: 'x' });
    expect(plan.sheets[0]!.tables).toEqual([]);
    expect(plan.sheets[1]!.singleLine).not.toBeNull();
    expect(plan.sheets[2]!.tables[0]).toMatchObject({ title: 'Bill of materials', continued: false });
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

  it('summarises a hall by its use: an AI hall shows its GPUs and kW and no hashrate, a mining hall its hashrate and no GPUs', () => {
    const doc = sampleSmall();
    const hall = doc.halls[0]!;
    const req = { hallId: hall.id, paper: 'A3', orientation: 'landscape', scale: 'fit', date: 'x' } as const;
    const keys = (d: FleetDoc) => Object.fromEntries(planPrint(d, req).sheets[0]!.summary);
    const models = new Map(doc.models.map((m) => [m.id, m]));
    const isMiner = (id: string) => models.get(id)!.hashrateThs > 0;
    const isGpu = (id: string) => models.get(id)!.gpuCount > 0;
    // AI: the miners gone, two GB200 NVL72 racks of 72 GPUs = 144 GPUs; IT 2 × 132 = 264 kW.
    const ai: FleetDoc = { ...doc, halls: [{ ...hall, currentUse: 'ai' }], placements: doc.placements.filter((p) => !isMiner(p.modelId)) };
    expect(keys(ai)).toMatchObject({ GPUs: '144', 'IT load': '264 kW' });
    expect(keys(ai)).not.toHaveProperty('Hashrate');
    // Mining: the GPU racks gone, 8 racks of S21 XP; no GPUs row.
    const mining: FleetDoc = { ...doc, placements: doc.placements.filter((p) => !isGpu(p.modelId)) };
    expect(keys(mining)).toHaveProperty('Hashrate');
    expect(keys(mining)).not.toHaveProperty('GPUs');
    // A mining hall with GPU racks in it (the sample) shows both.
    expect(Object.keys(keys(doc))).toEqual(expect.arrayContaining(['Hashrate', 'GPUs']));
  });

  it('a site sheet states the transformers in MW, as entered and checked: 0.94 MW against IT × PUE = 931.92 kW, not "940 kVA"', () => {
    // The small fleet's IT load (8 × 72.9 + 2 × 132 = 847.2 kW) × PUE 1.1 = 931.92 kW = 0.93 MW: within 0.94 MW, no error.
    const doc = sampleSmall();
    const at094 = { ...doc, sites: [{ ...doc.sites[0]!, transformerCapacityMw: 0.94 }] };
    const summary = Object.fromEntries(planPrint(at094, { siteId: 'sm', paper: 'A3', orientation: 'landscape', scale: 'fit', date: 'x' }).sheets[0]!.summary);
    expect(summary).toMatchObject({ Interconnect: '5 MW', 'Transformers (IT × PUE)': '0.94 MW' });
    expect(Object.values(summary).join(' ')).not.toContain('kVA');
    expect(checkFleet(at094).violations.filter((v) => v.rule === 'site-transformer')).toEqual([]);
  });

  it('a site plan draws the power gear in its halls where it stands and lists it, with each hall\'s corners and kind', () => {
    const plan = planPrint(sampleCampus(), { siteId: 'wtx', paper: 'A3', orientation: 'landscape', scale: 'fit', date: 'x' });
    const d = plan.sheets[0]!.drawing!;
    // Skid 1.1 (2.4 × 1.2 m) stands from (70.8, 4.2) m in Building B, whose north-west corner is at (200, 40) m on the site:
    // from (270.8, 44.2), centre (270.8 + 1.2, 44.2 + 0.6) = (272, 44.8).
    expect(d.infrastructure).toHaveLength(1);
    expect(d.infrastructure[0]).toMatchObject({ label: 'Skid 1.1', kind: 'switchboard' });
    expect([d.infrastructure[0]!.widthM, d.infrastructure[0]!.depthM].map((v) => v.toFixed(9))).toEqual(['2.400000000', '1.200000000']);
    expect(d.infrastructure[0]!.xM).toBeCloseTo(270.8, 9);
    expect(d.infrastructure[0]!.yM).toBeCloseTo(44.2, 9);
    expect(plan.sheets[0]!.legend.map((l) => l.label)).toContain('Power distribution skid 3000 kVA');
    const rows = (title: string) => plan.sheets.flatMap((s) => s.tables.filter((t) => t.title.startsWith(title)).flatMap((t) => t.rows));
    expect(rows('Site infrastructure')).toContainEqual(['Skid 1.1', 'Power distribution skid 3000 kVA', '3,000 kVA', 'Building B (AI retrofit, phase', '272 m, 44.8 m']);
    expect(rows('Site infrastructure')[0]).toEqual(['Grid interconnect', 'Pecos Flats campus', '300 MW', 'site boundary', '—']);
    // The transformers in MW, as entered and checked (IT × PUE against them), not "120 MVA".
    expect(rows('Site infrastructure')[1]).toEqual(['Site transformers', 'real power they carry (IT × PUE)', '120 MW', 'site', '—']);
    // Building A: 120 × 42 m from (40, 40) m.
    expect(rows('Hall corners')).toContainEqual(['Building A (S21 XP)', 'building', '40 m, 40 m', '160 m, 40 m', '160 m, 82 m', '40 m, 82 m']);
    // A hall plan draws no site gear.
    expect(planPrint(sampleCampus(), { hallId: 'wtx-b', paper: 'A3', orientation: 'landscape', scale: 'fit', date: 'x' }).sheets[0]!.drawing!.infrastructure).toEqual([]);
  });

  it('a short table that ends within the room left on a sheet goes there whole, never onto a sheet of its own', () => {
    // The small hall's GPU corner alone, the second rack fed B straight from PDU 1.1 as well: the feed schedule and single
    // line gain its B row each (and the single line a row for PDU 1.1's note of what reaches it by both, wrapped), and its one
    // violation (its A and B feeds meet at PDU 1.1) is the only line of its table: its plant under N asks no spare of its lone CDU.
    const doc = sampleSmall();
    const placements = doc.placements.filter((p) => !p.id.startsWith('sm-mbw') && p.modelId !== 'rack-s21xp').map((p) => (p.id === 'sm-gpu01-02' ? { ...p, powerSourceBId: 'sm-pdu01-01' } : p));
    const halls = doc.halls.map((h) => ({ ...h, cooling: { ...h.cooling, redundancy: 'N' as const } }));
    const plan = planPrint({ ...doc, halls, placements }, { hallId: 'sm-h1', paper: 'Tabloid', orientation: 'landscape', scale: 'fit', date: 'x' });
    // Tabloid landscape is 279.4 mm tall: tables end above 279.4 − 10 − 26 − 4 = 239.4 mm. Power and cooling (8 rows)
    // starts at 170 and ends at 170 + 11 + 8 × 4.6 = 217.8 mm; 6 mm on, the one-line violations table needs
    // 11 + 4.6 = 15.6 mm and ends at 239.4 mm, exactly at the limit.
    // Sheet 2 is the drawn single line; the tables follow on sheet 3.
    const sheet2 = plan.sheets[2]!.tables;
    expect(sheet2.at(-2)).toMatchObject({ title: 'Power and cooling', yMm: expect.closeTo(170, 9) });
    expect(sheet2.at(-2)!.rows).toHaveLength(8);
    expect(sheet2.at(-1)).toMatchObject({ title: 'Open violations', yMm: expect.closeTo(223.8, 9) });
    expect(sheet2.at(-1)!.rows).toHaveLength(1);
    expect(plan.sheets).toHaveLength(3);
  });

  it('a short table that does not fit below the last one stands beside it: the coal hall on A3 takes one sheet of tables after its single line, not a second for "None"', () => {
    const plan = planPrint(sampleCampus(), { hallId: 'cbh-c', paper: 'A3', orientation: 'landscape', scale: 'fit', date: 'x' });
    // A3 landscape: tables end above 297 − 10 − 26 − 4 = 257 mm. Sheet 3 (after the drawn single line): the feed schedule (12 rows) from 10 mm ends at
    // 10 + 11 + 12 × 4.6 = 76.2; the single line (27 rows) from 82.2 ends at 217.4; Power and cooling (4 rows) from 223.4
    // ends at 252.8. "None" (11 + 4.6 = 15.6 mm) would end at 252.8 + 6 + 15.6 = 274.4 below it, past 257: it stands
    // beside Power and cooling (10 + 190 = 200 mm), 8 mm clear, at x = 208 mm, from its top.
    expect(plan.sheets).toHaveLength(3);
    const tables = plan.sheets[2]!.tables;
    expect(tables.map((t) => t.title)).toEqual(['Feed schedule', 'Single line (power chain)', 'Power and cooling', 'Open violations']);
    expect(tables[2]).toMatchObject({ xMm: 10, yMm: expect.closeTo(223.4, 9) });
    expect(tables[3]).toMatchObject({ xMm: expect.closeTo(208, 9), yMm: expect.closeTo(223.4, 9), rows: [['None: every limit holds.']] });
  });

  it('a split table leaves at least three rows on each piece, each piece under the table\'s own title and column heads', () => {
    // The small hall on Letter portrait: each piece of a split table is a slice with the table's columns, marked continued after the first.
    const doc = manyModels();
    const plan = planPrint(doc, { hallId: doc.halls[0]!.id, paper: 'Letter', orientation: 'portrait', scale: 'fit', date: 'x' });
    const pieces = new Map<string, TableSlice[]>();
    for (const t of plan.sheets.flatMap((s) => s.tables)) pieces.set(t.title, [...(pieces.get(t.title) ?? []), t]);
    const split = [...pieces.values()].filter((p) => p.length > 1);
    expect(split.length).toBeGreaterThan(0);
    for (const p of split) {
      expect(p.map((t) => t.continued)).toEqual(p.map((_, i) => i > 0));
      for (const t of p) {
        expect(t.columns).toEqual(p[0]!.columns);
        expect(t.rows.length).toBeGreaterThanOrEqual(3);
      }
    }
  });

  describe('on every sample, paper and unit system', () => {
    const samples: [string, FleetDoc][] = [['campus', sampleCampus()], ['small', sampleSmall()], ['generated', generateFleet({ placements: 2_000, seed: 1 })]];
    const plans: [string, PrintPlan][] = [];
    for (const [name, base] of samples) {
      for (const unitSystem of ['metric', 'us'] as const) {
        const doc = { ...base, fleet: { ...base.fleet, unitSystem } };
        const targets = [...doc.halls.map((h) => ({ hallId: h.id })), ...doc.sites.map((s) => ({ siteId: s.id }))];
        for (const t of targets) {
          for (const paper of PAPER_NAMES) {
            for (const orientation of ['landscape', 'portrait'] as const) plans.push([`${name} ${unitSystem} ${JSON.stringify(t)} ${paper} ${orientation}`, planPrint(doc, { ...t, paper, orientation, scale: 'fit', date: 'x' })]);
          }
        }
      }
    }
    const box = (t: TableSlice) => ({ x: t.xMm, y: t.yMm, w: tableWidth(t), h: 11 + t.rows.length * ROW_H_MM });
    type Box = ReturnType<typeof box>;
    const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

    it('tables stay between the margins and above the title block, and none overlaps another', () => {
      for (const [name, plan] of plans) {
        for (const sheet of plan.sheets) {
          const boxes = sheet.tables.map(box);
          for (const b of boxes) {
            expect(b.x, name).toBeGreaterThanOrEqual(plan.marginMm);
            expect(b.x + b.w, name).toBeLessThanOrEqual(plan.widthMm - plan.marginMm + 1e-9);
            expect(b.y + b.h, name).toBeLessThanOrEqual(plan.titleBlock.box.y - 4 + 1e-9);
          }
          boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlap(a, b), `${name}, sheet ${sheet.number}`).toBe(false)));
        }
      }
    });

    it('no sheet holds only short whole tables that had room on the sheet before, below or beside a table there', () => {
      for (const [name, plan] of plans) {
        // Sheets of tables after the drawing's (which has its own room) and the single line's.
        const sheets = plan.sheets.slice(1).filter((s) => s.tables.length > 0);
        sheets.forEach((sheet, n) => {
          const short = sheet.tables.every((t) => !t.continued && t.rows.length <= 3);
          if (n < 1 || !short) return;
          const before = sheets[n - 1]!.tables.map(box);
          const [top, bottom, right] = [plan.marginMm, plan.titleBlock.box.y - 4, plan.widthMm - plan.marginMm];
          const want = box(sheet.tables[0]!);
          // Every corner a table could start at: under a table (at its left or the margin), beside it at its top or at the sheet's top.
          const spots = before.flatMap((b) => [[b.x, b.y + b.h + 6], [plan.marginMm, b.y + b.h + 6], [b.x + b.w + 8, b.y], [b.x + b.w + 8, top]]);
          const free = spots.filter(([x, y]) => {
            const at = { ...want, x: x!, y: y! };
            return at.y + at.h <= bottom + 1e-9 && at.x + at.w <= right + 1e-9 && !before.some((b) => overlap({ x: b.x - 8, y: b.y - 6, w: b.w + 16, h: b.h + 12 }, at));
          });
          expect(free, `${name}: sheet ${sheet.number} holds only ${sheet.tables.map((t) => t.title).join(', ')}`).toEqual([]);
        });
      }
    });
  });
});
