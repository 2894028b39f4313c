import { describe, expect, it } from 'vitest';
import { legendHeight, planPrint, SIDE_COLUMN_W_MM, summaryHeight, TABLE_EM_PER_CHAR, TABLE_FONT_MM, type PrintPlan, type PrintRequest } from '../../shared/print/sheets';
import { intersects, LABEL_MIN_MM, placeLabels, rowLabel, textBox, CAP_HEIGHT_EM } from '../../shared/print/labels';
import { sampleCampus } from '../../shared/samples';
import type { FleetDoc } from '../../shared/model/schema';

const campus = sampleCampus();
const us: FleetDoc = { ...campus, fleet: { ...campus.fleet, unitSystem: 'us' } };
const print = (req: Partial<PrintRequest>, doc: FleetDoc = campus): PrintPlan => planPrint(doc, { paper: 'A4', orientation: 'portrait', scale: 'fit', date: 'x', ...req });

describe('printed tables fit the sheet they are on', () => {
  it('A4 portrait: the bill of materials (198 mm asked) shrinks to the 190 mm between the margins, and the violations column is as wide as its line, at most 190 mm', () => {
    const plan = print({ hallId: 'wtx-b' });
    const tables = plan.sheets.flatMap((s) => s.tables);
    const bom = tables.find((t) => t.title === 'Bill of materials')!;
    // 70 + 32 + 16 + 26 + 28 + 26 = 198 mm scaled by 190 / 198: Capex 26 × 190 / 198 = 24.95 mm
    expect(bom.columns.reduce((t, c) => t + c.widthMm, 0)).toBeCloseTo(190, 9);
    expect(bom.columns.at(-1)!.widthMm).toBeCloseTo((26 * 190) / 198, 9);
    // "None: every limit holds." is 24 characters: 24 × 1.55 + 2 × 1 mm of padding = 39.2 mm, so it can stand beside another table.
    expect(tables.find((t) => t.title === 'Open violations')!.columns.map((c) => c.widthMm)).toEqual([expect.closeTo(39.2, 9)]);
    for (const t of tables) {
      expect(t.columns.reduce((s, c) => s + c.widthMm, 0), t.title).toBeLessThanOrEqual(plan.widthMm - 2 * plan.marginMm + 1e-9);
      // Every cell, at 1.55 mm a character, fits its column less 1 mm each side: "$13.20 M" is 12.4 mm in 22.95.
      for (const row of t.rows) row.forEach((cell, i) => expect(cell.length * TABLE_EM_PER_CHAR * TABLE_FONT_MM, `${t.title}: ${cell}`).toBeLessThanOrEqual(t.columns[i]!.widthMm - 2 + 1e-9));
    }
    expect(bom.rows.map((r) => r[5])).toContain('$13.20 M');
  });

  it('wraps a violation longer than the sheet instead of cutting it', () => {
    const starved: FleetDoc = { ...campus, halls: campus.halls.map((h) => (h.id === 'wtx-b' ? { ...h, feedKw: 1 } : h)) };
    const rows = print({ hallId: 'wtx-b' }, starved).sheets.flatMap((s) => s.tables.filter((t) => t.title === 'Open violations').flatMap((t) => t.rows.map((r) => r[0]!)));
    // 188 mm / 1.55 mm = 121 characters a line. The longest wrapped line here has 120: the column is 120 × 1.55 + 2 = 188 mm
    // of the sheet's 190, not 260.
    expect(Math.max(...rows.map((r) => r.length))).toBe(120);
    const table = print({ hallId: 'wtx-b' }, starved).sheets.flatMap((s) => s.tables).find((t) => t.title === 'Open violations')!;
    expect(table.columns.map((c) => c.widthMm)).toEqual([expect.closeTo(188, 9)]);
    expect(rows.join(' ')).toContain('Building B (AI retrofit, phase 1)');
    expect(rows.some((r) => r.endsWith('…'))).toBe(false);
  });
});

describe('the drawing header', () => {
  it('A4 portrait: the drawing takes the sheet\'s width, with the legend and summary side by side in a band below it', () => {
    const plan = print({ hallId: 'wtx-b' });
    const sheet = plan.sheets[0]!;
    const d = sheet.drawing!;
    // 210 − 2 × 10 = 190 mm; 54 bold characters at 4 mm need 54 × 0.62 × 4 = 133.9 mm: one line at 4 mm.
    expect(d.box.w).toBe(190);
    const [title, scale] = d.header;
    expect(title!.text).toBe('Pecos Flats campus — Building B (AI retrofit, phase 1)');
    expect(title!.size).toBe(4);
    // 190 − 10 mm of dimension band for 80 m: 1:400 needs 200 mm, 1:500 160 mm. A side
    // column would leave 190 − 74 − 6 − 10 = 100 mm, and 1:1000.
    expect(scale!.text).toBe('Scale 1:500');
    // Six legend rows (8 + 6 × 5 = 38 mm) beside seven summary rows (8 + 7 × 4.6 = 40.2 mm),
    // 5 mm clear of what is above, end at the content's foot 297 − 10 − 26 − 4 = 257 mm: the
    // band starts at 257 − 40.2 − 5 = 211.8 mm and the blocks 5 mm lower; the summary 74 + 12 mm
    // right of the legend.
    expect(sheet.key!.legend.x).toBe(10);
    expect(sheet.key!.summary.x).toBe(96);
    expect(sheet.key!.legend.y).toBeCloseTo(216.8, 9);
    expect(sheet.key!.summary.y).toBeCloseTo(216.8, 9);
    // The drawing box ends 5 mm above the blocks, and what is drawn in it within it: the
    // outline (40 m at 1:500 is 80 mm, below the grid's 6 mm band of references), the dimension
    // line 5 mm under it, the scale bar (1.6 mm and its 2.6 mm text, 5 mm down) and the north arrow (13 mm with its N).
    expect(d.box.y + d.box.h).toBeCloseTo(211.8, 9);
    expect(d.origin).toEqual({ x: d.box.x + 6, y: d.box.y + 6 });
    expect(d.origin.y + 80 + 5).toBe(d.dimensions[0]!.line[1]);
    expect(d.scaleBar.y + 5 + 1).toBeLessThanOrEqual(d.box.y + d.box.h);
    expect(d.northArrow.y + 13 + 1).toBeLessThanOrEqual(d.box.y + d.box.h);
    expect(scale!.y - scale!.size).toBeGreaterThanOrEqual(title!.y);
    expect(d.box.y).toBeGreaterThan(scale!.y);
  });

  it('a legend of 20 models shows 11 and says how many more the bill of materials lists, clear of the title block', () => {
    const used = new Set(campus.placements.filter((p) => p.hallId === 'wtx-b').map((p) => p.modelId));
    const extra = campus.models.filter((m) => !used.has(m.id)).slice(0, 20 - used.size);
    const crowded: FleetDoc = { ...campus, placements: [...campus.placements, ...extra.map((m, i) => ({ id: `extra-${i}`, hallId: 'wtx-b', modelId: m.id, xM: 5 + i * 3, yM: 35, rotationDeg: 0 as const, powerSourceId: null, powerSourceBId: null, label: '' }))] };
    for (const orientation of ['portrait', 'landscape'] as const) {
      const plan = print({ hallId: 'wtx-b', orientation }, crowded);
      const { legend, summary, key } = plan.sheets[0]!;
      expect(legend).toHaveLength(12);
      expect(legend.at(-1)).toMatchObject({ label: '9 more models: see the bill of materials', kind: null });
      // 8 mm of title and 5 mm a row: the legend's 68 mm, and the summary's 8 + 7 × 4.6 mm, end above the title block.
      expect(legendHeight(12)).toBe(68);
      expect(key!.legend.y + legendHeight(12)).toBeLessThanOrEqual(plan.titleBlock.box.y);
      expect(key!.summary.y + summaryHeight(summary.length)).toBeLessThanOrEqual(plan.titleBlock.box.y);
    }
  });

  it('landscape keeps the legend column beside the drawing, where it costs the drawing no scale', () => {
    const plan = print({ hallId: 'wtx-b', orientation: 'landscape' });
    const d = plan.sheets[0]!.drawing!;
    // 297 − 20 − 74 − 6 = 197 mm beside the column: 80 m at 1:500 is 160 mm, as below it.
    expect(d.box.w).toBe(197);
    expect(d.denominator).toBe(500);
    expect(plan.sheets[0]!.key!.legend).toEqual({ x: 297 - 10 - SIDE_COLUMN_W_MM, y: 10 });
  });

  it('Letter landscape at 1:100: the fallback note is on its own line, inside the drawing column', () => {
    const d = print({ hallId: 'wtx-b', paper: 'Letter', orientation: 'landscape', scale: 100 }).sheets[0]!.drawing!;
    // 179.4 − 10 mm wide for 80 m: 1:400 needs 200 mm, 1:500 needs 160 mm
    expect(d.denominator).toBe(500);
    expect(d.header.map((l) => l.text)).toEqual(['Pecos Flats campus — Building B (AI retrofit, phase 1)', 'Scale 1:500 (1:100 does not fit this sheet; drawn at 1:500)']);
    for (const l of d.header) expect(l.text.length * (l.bold ? 0.62 : 0.6) * l.size).toBeLessThanOrEqual(d.box.w + 1e-9);
  });
});

describe('the site sheet', () => {
  it('sums the bill of materials per model over the halls and colours halls by use, then the power gear drawn on the site', () => {
    const sheet = print({ siteId: 'wtx', paper: 'A3', orientation: 'landscape' });
    const bom = sheet.sheets.flatMap((s) => s.tables.filter((t) => t.title === 'Bill of materials').flatMap((t) => t.rows));
    const racks = bom.filter((r) => r[0] === 'Shelf rack, 20 × Antminer S21 XP');
    // 500 in Building A + 120 in Building B
    expect(racks.map((r) => r[2])).toEqual(['620']);
    expect(sheet.sheets[0]!.legend.map((l) => [l.label, l.count])).toEqual([
      ['Mining', '1 hall'],
      ['AI hosting', '1 hall'],
      ['Power distribution skid 3000 kVA', '1'],
    ]);
  });
});

describe('labels on the plan', () => {
  it('names an item inside it when it fits, turned along a tall one, and a row of items once', () => {
    const outline = { x: 0, y: 0, w: 100, h: 100 };
    const wide = placeLabels([{ id: 'a', label: 'CDU 1', rowKey: 'cdu', rect: { x: 10, y: 10, w: 20, h: 5 } }], outline, []);
    // min(3.5, (20 − 0.8) / (5 × 0.65) = 5.9, (5 − 0.8) / 1.2 = 3.5)
    expect(wide).toEqual([{ text: 'CDU 1', x: 20, y: 12.5, size: 3.5, rotate: 0 }]);
    const tall = placeLabels([{ id: 'a', label: 'CDU 1', rowKey: 'cdu', rect: { x: 10, y: 10, w: 5, h: 20 } }], outline, []);
    expect(tall).toEqual([{ text: 'CDU 1', x: 12.5, y: 20, size: 3.5, rotate: -90 }]);
    const row = placeLabels(
      [0, 1, 2].map((i) => ({ id: `r${i}`, label: `A1.${i + 1}`, rowKey: 'rack', rect: { x: 10 + i * 2.2, y: 20, w: 2, h: 1 } })),
      outline,
      [],
    );
    // Too small to name one by one; one label above the row: 20 − 0.8 − 2.47 × 1.2 / 2
    expect(row.map((t) => t.text)).toEqual(['A1.1–3']);
    expect(row[0]!.x).toBeCloseTo(10 + 6.4 / 2, 9);
    expect(row[0]!.y).toBeCloseTo(20 - 0.8 - (LABEL_MIN_MM * 1.2) / 2, 9);
  });

  it('says a row once only for one series: two busway runs side by side are two labels, not "BW1.1–2.1"', () => {
    const outline = { x: 0, y: 0, w: 100, h: 100 };
    const runs = placeLabels(
      ['BW1.1', 'BW2.1'].map((label, i) => ({ id: label, label, rowKey: 'busway', rect: { x: 10 + i * 2.2, y: 20, w: 2, h: 1 } })),
      outline,
      [],
    );
    expect(runs.map((t) => t.text).sort()).toEqual(['BW1.1', 'BW2.1']);
  });

  it('puts a label that overhangs the drawing\'s edge when centred flush with its item instead', () => {
    // Site at 1:10000 on A4 portrait: Building A is 12 mm wide, 4 mm from the site's left edge;
    // its 30.5 mm name centred on it would start 5 mm left of the site, so it starts at the hall.
    const d = print({ siteId: 'wtx', scale: 10000 }).sheets[0]!.drawing!;
    expect(d.denominator).toBe(10000);
    const name = d.labels.find((l) => l.text === 'Building A (S21 XP)')!;
    expect(name.x - textBox(name).w / 2).toBeCloseTo(d.box.x + 4, 9);
  });

  it('says a row once and never cuts inside a number', () => {
    expect(rowLabel('BM1.1', 'BM1.20', 20)).toBe('BM1.1–20');
    expect(rowLabel('R-12', 'R-19', 8)).toBe('R-12–19');
    expect(rowLabel('Rack', 'Rack', 4)).toBe('4 × Rack');
    // A range its count does not fill: CDU 2 stands in the other row.
    expect(rowLabel('CDU 1', 'CDU 3', 2)).toBe('CDU 1, 3');
    expect(rowLabel('R1', 'R9', 3)).toBe('R1–9 (3 units)');
    expect(rowLabel('BM1.1', 'BM2.20', 40)).toBe('BM1.1–2.20');
  });

  it('labels the campus hall plans legibly, inside the hall, over nothing but what they name', () => {
    for (const req of [{ hallId: 'wtx-b', paper: 'A3', orientation: 'landscape', scale: 200 }, { hallId: 'wtx-a' }, { hallId: 'wtx-b' }, { siteId: 'wtx', paper: 'A3', orientation: 'landscape' }] as Partial<PrintRequest>[]) {
      const d = print(req).sheets[0]!.drawing!;
      const mm = (m: number) => (m * 1000) / d.denominator;
      const outline = { x: d.origin.x, y: d.origin.y, w: mm(d.widthM), h: mm(d.depthM) };
      const rects = d.items.map((it) => ({ id: it.id, label: it.label, r: { x: d.origin.x + mm(it.xM), y: d.origin.y + mm(it.yM), w: mm(it.widthM), h: mm(it.depthM) } }));
      expect(d.labels.length, JSON.stringify(req)).toBeGreaterThan(0);
      const boxes = [...d.labels, ...d.zones.map((z) => z.name)].map(textBox);
      for (const [i, t] of d.labels.entries()) {
        // ISO 3098: capitals at least 1.8 mm
        expect(t.size * CAP_HEIGHT_EM).toBeGreaterThanOrEqual(1.8 - 1e-9);
        const b = boxes[i]!;
        expect(b.x >= outline.x && b.y >= outline.y && b.x + b.w <= outline.x + outline.w && b.y + b.h <= outline.y + outline.h, t.text).toBe(true);
        boxes.forEach((o, j) => j !== i && expect(intersects(b, o), `${t.text} / ${j}`).toBe(false));
        // A label over an item names it (its own label, or a row label starting with it).
        for (const { label, r } of rects) if (intersects(b, r)) expect(t.text === label || t.text.startsWith(label), `${t.text} over ${label}`).toBe(true);
      }
    }
    const rows = print({ hallId: 'wtx-b', paper: 'A3', orientation: 'landscape', scale: 200 }).sheets[0]!.drawing!.labels.map((l) => l.text);
    expect(rows).toEqual(expect.arrayContaining(['BM1.1–20', 'BM6.1–20', 'NVL72 1.1–8', 'CRAH 1.1–2']));
  });
});

describe('hall dimensions', () => {
  it('dimension the hall in the fleet units: 80 × 40 m, 262′-6″ × 131′-3″ (feet and inches, as US drawings write them)', () => {
    const d = print({ hallId: 'wtx-b', paper: 'A3', orientation: 'landscape', scale: 200 }).sheets[0]!.drawing!;
    // 1:200 needs 400 mm of the 310 mm; 1:300 → 266.7 mm
    expect(d.denominator).toBe(300);
    const [width, depth] = d.dimensions;
    expect(width!.line[2] - width!.line[0]).toBeCloseTo(80000 / 300, 9);
    expect(depth!.line[3] - depth!.line[1]).toBeCloseTo(40000 / 300, 9);
    expect([width!.text.text, depth!.text.text]).toEqual(['80 m', '40 m']);
    // Below and right of the outline, inside the drawing box
    expect(width!.line[1]).toBeGreaterThan(d.box.y + 40000 / 300);
    expect(depth!.text.x + (depth!.text.size * 1.2) / 2).toBeLessThanOrEqual(d.box.x + d.box.w);
    // 80 m = 3149.6 in → 3150 in = 262 ft 6 in; 40 m = 1574.8 in → 1575 in = 131 ft 3 in
    const usDims = print({ hallId: 'wtx-b', paper: 'Tabloid', orientation: 'landscape' }, us).sheets[0]!.drawing!.dimensions.map((x) => x.text.text);
    expect(usDims).toEqual(['262′-6″', '131′-3″']);
  });
});
