import { describe, expect, it } from 'vitest';
import { checkFleet } from '../../shared/constraints';
import type { FleetDoc } from '../../shared/model/schema';
import { powerChainRows } from '../../shared/power/chain';
import { hallFloors, rowGroupOf } from '../../shared/print/build-tables';
import { PAPER_NAMES } from '../../shared/print/paper';
import type { SingleLineDrawing, SingleLineBox } from '../../shared/print/single-line';
import { planPrint, type PrintRequest } from '../../shared/print/sheets';
import { generateFleet, sampleCampus, sampleSmall } from '../../shared/samples';

const NBSP = '\u00a0';
const drawingsOf = (doc: FleetDoc, req: Partial<PrintRequest>): SingleLineDrawing[] =>
  planPrint(doc, { paper: 'A3', orientation: 'landscape', scale: 'fit', date: 'x', ...req }).sheets.flatMap((s) => (s.singleLine ? [s.singleLine] : []));
const titleOf = (n: SingleLineBox) => n.lines.filter((l) => l.bold && l.y === n.lines[0]!.y).map((l) => l.text).join(' ');
/** A box's lines as one text, its no-break spaces read as spaces. */
const textOf = (n: SingleLineBox) => n.lines.map((l) => l.text.replaceAll(NBSP, ' ')).join(' ');
/** The chain rows the print reads, grouped by the rows units stand in. */
const chainOf = (doc: FleetDoc, siteId: string, hallId?: string) => {
  const site = doc.sites.find((s) => s.id === siteId)!;
  const halls = doc.halls.filter((h) => (hallId ? h.id === hallId : h.siteId === siteId));
  return powerChainRows(doc, site, halls, checkFleet(doc).headroom, rowGroupOf(hallFloors(doc, halls)));
};

/** The small hall with its second GB200 rack fed B straight from PDU 1.1 as well. */
function bFed(): FleetDoc {
  const doc = sampleSmall();
  return { ...doc, placements: doc.placements.map((p) => (p.id === 'sm-gpu01-02' ? { ...p, powerSourceBId: 'sm-pdu01-01' } : p)) };
}

describe('the drawn single line', () => {
  it('draws every row of a chain that fits as a box, in the chain\'s order, with its rating, load and use', () => {
    // At a 0.7 continuous-load derate PDU 1.1 may carry 400 × 0.7 = 280 kVA.
    const doc = bFed();
    doc.fleet = { ...doc.fleet, continuousLoadDerate: 0.7 };
    const [d, ...more] = drawingsOf(doc, { hallId: 'sm-h1' });
    expect(more).toEqual([]);
    expect(d!.nodes.map((n) => n.key)).toEqual(chainOf(doc, 'sm', 'sm-h1').map((r) => r.key));
    expect(d!.foldedRowGroups + d!.foldedSources).toBe(0);
    expect(d!.header.map((h) => h.text).join(' ')).toContain('Every source and row group is drawn');
    const pdu = d!.nodes.find((n) => titleOf(n) === '1.1')!;
    // PDU 1.1 feeds Busway 1 (racks 1.1 and 1.2: 2 × 132 kW / 0.98 = 269.39 kVA), rack 1.2 on its B feed (134.69 kVA,
    // the same rack: it reaches PDU 1.1 once, whichever path carries it) and CDU 1.1 (12 kW / 0.9 = 13.33 kVA):
    // 269.39 + 13.33 = 282.72 kVA against 280 kVA, 101 %, over by 2.7 kVA.
    expect(textOf(pdu)).toContain(`Rating 400 kVA, limit 280 kVA`);
    expect(textOf(pdu)).toContain(`Load 282.7 kVA, 101 %`);
    expect(textOf(pdu)).toContain(`OVERLOADED by 2.7 kVA`);
    expect(textOf(pdu)).toContain('134.7 kVA arrives by A and B: counted once');
    expect(pdu.lines.find((l) => l.text.startsWith('OVERLOADED'))!.bold).toBe(true);
    // A label, its figure and unit are one word to the wrapping: a narrow box never breaks "Load 282.7 kVA".
    expect(pdu.lines.map((l) => l.text)).toContain(`Load${NBSP}282.7${NBSP}kVA, 101${NBSP}%`);
    expect(d!.nodes.filter((n) => n.overloaded).map(titleOf)).toEqual(['1.1']);
    // Busway 1 uses 269.4 of its 402.5 kVA (575 × 0.7): 67 %.
    expect(textOf(d!.nodes.find((n) => titleOf(n) === 'Busway 1')!)).toContain(`Load 269.4 kVA, 67 %`);
  });

  it('says in the printed single-line table, as on the drawn sheet, what reaches a source by both A and B and is counted once', () => {
    // Rack 1.2 (132 kW / 0.98 = 134.69 kVA) reaches PDU 1.1 through Busway 1 on A and straight on B: its rows below
    // add up to 269.39 + 134.69 + 13.33 = 417.41 kVA, its load is 282.72 kVA, and 134.69 kVA of it is counted once.
    const doc = bFed();
    const plan = planPrint(doc, { hallId: 'sm-h1', paper: 'A3', orientation: 'landscape', scale: 'fit', date: 'x' });
    const rows = plan.sheets.flatMap((s) => s.tables).filter((t) => t.title === 'Single line (power chain)').flatMap((t) => t.rows);
    // The note wraps in the Equipment column: its rest is a row of its own, empty but for it.
    const at = rows.findIndex((r) => r[1]!.startsWith('Floor PDU 400 kVA;'));
    expect(`${rows[at]![1]} ${rows[at + 1]![1]}`).toBe('Floor PDU 400 kVA; 134.7 kVA arrives by A and B: counted once');
    expect(rows[at]![5]).toBe('282.7 kVA');
    expect(rows[at + 1]!.filter((c, i) => i !== 1 && c !== '')).toEqual([]);
    expect(rows.filter((r) => r.join(' ').includes('counted once'))).toHaveLength(1);
  });

  it('draws a B feed dashed and lettered B, an A feed solid and lettered A', () => {
    const d = drawingsOf(bFed(), { hallId: 'sm-h1' })[0]!;
    // A wire ends at the left edge of the box it feeds, on its first line (1 mm of padding and a 2.75 mm line down).
    const into = (n: SingleLineBox) => d.wires.find((w) => Math.abs(w.points.at(-1)![0] - n.x) < 1e-9 && Math.abs(w.points.at(-1)![1] - (n.y + 3.75)) < 1e-9)!;
    const rackB = d.nodes.find((n) => titleOf(n) === '1.2')!;
    const racksA = d.nodes.find((n) => titleOf(n) === '1.1–2')!;
    expect(into(rackB).feed).toBe('B');
    expect(into(racksA).feed).toBe('A');
    // The letter stands in the wire's last 5 mm, just above it.
    const letter = (n: SingleLineBox) => d.feedMarks.find((m) => m.x > n.x - 5 && m.x < n.x && Math.abs(m.y - (n.y + 3.75)) < 1.5)!.text;
    expect([letter(rackB), letter(racksA)]).toEqual(['B', 'A']);
  });

  it('folds a site too big for the sheet, and the boxes and the note account for every source and row group', () => {
    const doc = sampleCampus();
    const chain = chainOf(doc, 'wtx');
    const [d, ...more] = drawingsOf(doc, { siteId: 'wtx' });
    expect(more).toEqual([]);
    const drawn = (level: string) => d!.nodes.filter((n) => !n.folded && chain.find((r) => r.key === n.key)?.level === level).length;
    expect(drawn('loads') + d!.foldedRowGroups).toBe(chain.filter((r) => r.level === 'loads').length);
    expect(drawn('source') + d!.foldedSources).toBe(chain.filter((r) => r.level === 'source').length);
    expect(d!.header.map((h) => h.text).join(' ')).toContain(`Folded to fit: ${d!.foldedRowGroups} row groups and ${d!.foldedSources} sources`);
    // Building A's 60 busway runs are one box, with the tightest of them as the chain has it.
    const runs = chain.filter((r) => r.level === 'source' && r.hallId === 'wtx-a');
    const tightest = runs.reduce((a, b) => (b.utilization! > a.utilization! ? b : a));
    const box = d!.nodes.find((n) => textOf(n).startsWith('60 × Busway A1 – Busway A60'))!;
    expect(textOf(box)).toContain(`Tightest ${tightest.name}: ${(100 * tightest.utilization!).toFixed(0)} %`);
    // Under it, its 60 busways' row groups as one box with their units: Building A's 500 racks.
    const loads = chain.filter((r) => r.level === 'loads' && r.hallId === 'wtx-a');
    expect(d!.nodes.map(textOf)).toContainEqual(expect.stringMatching(new RegExp(`^${loads.length} row groups \\(folded\\) 500 units`)));
  });

  it('folds no more than it must: the coal hall fits A3 in full; Building B folds its longest run of busways and keeps the skid\'s four', () => {
    const doc = sampleCampus();
    const d = drawingsOf(doc, { hallId: 'cbh-c' })[0]!;
    expect(d.nodes.map((n) => n.key)).toEqual(chainOf(doc, 'cbh', 'cbh-c').map((r) => r.key));
    // Building B: 18 mining busways, one row group each, and Skid 1.1 over four GB200 busways and its CDUs and CRAHs
    // (two groups). Unfolded, 18 four-line boxes (13 mm and 2.5 mm apart) alone need 18 × 15.5 = 279 mm of A3's ~230:
    // the row groups fold first (only the skid's two, into one box), then the 18-busway run. The skid's four stay.
    const b = drawingsOf(doc, { hallId: 'wtx-b' })[0]!;
    expect([b.foldedRowGroups, b.foldedSources]).toEqual([2 + 18, 18]);
    expect(b.nodes.filter((n) => !n.folded && /^Busway \d\.\d$/.test(titleOf(n))).map(titleOf)).toEqual(['Busway 1.1', 'Busway 1.2', 'Busway 2.1', 'Busway 2.2']);
  });

  it('goes on over more sheets by halls when folding is not enough, each hall drawn once under the site\'s levels', () => {
    const doc = generateFleet({ placements: 20_000, seed: 1 });
    const drawings = drawingsOf(doc, { siteId: doc.sites[0]!.id, paper: 'Letter' });
    expect(drawings.length).toBeGreaterThan(1);
    const halls = drawings.flatMap((d) => d.nodes.filter((n) => n.key.startsWith('hall:')).map((n) => n.key));
    expect(halls).toEqual(doc.halls.map((h) => `hall:${h.id}`));
    drawings.forEach((d, i) => {
      expect(d.nodes.filter((n) => n.key.startsWith('interconnect:') || n.key.startsWith('transformers:'))).toHaveLength(2);
      expect(d.header[0]!.text).toBe(`Single line: ${doc.sites[0]!.name}${i ? ' (continued)' : ''}`);
      expect(d.header.map((h) => h.text).join(' ')).toMatch(new RegExp(`drawing ${i + 1} of ${drawings.length}`));
    });
  });

  it('keeps every box and note on the sheet and no two boxes over each other, on every sample and paper', () => {
    const cases: [string, FleetDoc, Partial<PrintRequest>][] = [
      ...sampleCampus().sites.map((s) => [s.id, sampleCampus(), { siteId: s.id }] as [string, FleetDoc, Partial<PrintRequest>]),
      ['small', bFed(), { siteId: 'sm' }],
      ['generated', generateFleet({ placements: 20_000, seed: 1 }), { siteId: 'gs1' }],
    ];
    for (const [name, doc, target] of cases) {
      for (const paper of PAPER_NAMES) {
        for (const orientation of ['landscape', 'portrait'] as const) {
          const plan = planPrint(doc, { ...target, paper, orientation, scale: 'fit', date: 'x' });
          const [right, bottom] = [plan.widthMm - plan.marginMm, plan.titleBlock.box.y - 4];
          for (const d of plan.sheets.flatMap((s) => (s.singleLine ? [s.singleLine] : []))) {
            const at = `${name} ${paper} ${orientation}`;
            for (const n of d.nodes) {
              // Wrapped, never cut: a narrow box (A4 portrait, 23 mm) parts "Rating" from "3,000 kVA" rather than cut it.
              expect(n.lines.filter((l) => l.text.includes('…')).map((l) => l.text), at).toEqual([]);
              expect(n.x + n.w, at).toBeLessThanOrEqual(right + 1e-9);
              expect(n.y + n.h, at).toBeLessThanOrEqual(bottom + 1e-9);
              expect(n.x, at).toBeGreaterThanOrEqual(plan.marginMm);
            }
            const over = d.nodes.filter((a, i) => d.nodes.slice(i + 1).some((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h));
            expect(over.map((n) => n.key), at).toEqual([]);
          }
        }
      }
    }
  });

  it('draws a site with no halls as its two levels, and units fed by nothing as NOT FED under their hall', () => {
    const empty = { ...sampleSmall(), halls: [], placements: [], zones: [] };
    expect(drawingsOf(empty, { siteId: 'sm' })[0]!.nodes.map((n) => n.key)).toEqual(['interconnect:sm', 'transformers:sm']);
    // The miners' busway run gone: the 8 racks (8 × 72.9 kW = 583.2 kW) hang from nothing.
    const doc = sampleSmall();
    const unfed = { ...doc, placements: doc.placements.filter((p) => !p.id.startsWith('sm-mbw')).map((p) => (p.powerSourceId?.startsWith('sm-mbw') ? { ...p, powerSourceId: null } : p)) };
    const box = drawingsOf(unfed, { hallId: 'sm-h1' })[0]!.nodes.find((n) => textOf(n).includes('NOT FED'))!;
    expect(textOf(box)).toContain(`NOT FED: 583.2 kW`);
    expect(box.lines.find((l) => l.text.startsWith('NOT FED'))!.bold).toBe(true);
  });

  it('titles a hall sheet with the site and hall, on two lines when the name is long, the notes and boxes below it', () => {
    const doc = sampleSmall();
    const long = 'Hall with a very long name that a planner typed to say everything about its retrofit phase and tenant';
    const d = drawingsOf({ ...doc, halls: [{ ...doc.halls[0]!, name: long }] }, { hallId: 'sm-h1', paper: 'A4', orientation: 'portrait' })[0]!;
    // A4 portrait: 190 mm between the margins hold 190 / (0.62 × 4) = 76 bold characters at 4 mm; "Single line: Test site — " and
    // the 104-character name make 129: two lines.
    const titles = d.header.filter((h) => h.bold);
    expect(titles.map((t) => t.text).join(' ')).toBe(`Single line: Test site — ${long}`);
    expect(titles).toHaveLength(2);
    for (const t of titles) expect(t.text.length * 0.62 * 4).toBeLessThanOrEqual(190);
    const notes = d.header.filter((h) => !h.bold);
    expect(notes[0]!.y - notes[0]!.size).toBeGreaterThan(titles[1]!.y);
    expect(Math.min(...d.nodes.map((n) => n.y))).toBeGreaterThan(d.key.y);
  });

  it('says so in one box where a hall has more unlike sources than a sheet can hold, and the table lists them', () => {
    // 80 PDUs, each its own model, so no run of alike sources folds: 80 three-line boxes (10.25 mm, 2.5 mm apart) need
    // about 1,000 mm, past A4 landscape's 160 or so.
    const doc = sampleSmall();
    const base = doc.models.find((m) => m.id === 'pdu-400')!;
    const models = Array.from({ length: 80 }, (_, i) => ({ ...base, id: `pdu-x${i}`, name: `PDU model ${i}` }));
    const pdus = models.map((m, i) => ({ id: `x-pdu-${i}`, hallId: 'sm-h1', modelId: m.id, xM: 1 + (i % 20) * 1.2, yM: 16 + Math.floor(i / 20) * 1.2, rotationDeg: 0 as const, powerSourceId: null, powerSourceBId: null, label: `X${i}` }));
    const big = { ...doc, models: [...doc.models, ...models], placements: [...doc.placements, ...pdus] };
    const drawings = drawingsOf(big, { hallId: 'sm-h1', paper: 'A4' });
    expect(drawings).toHaveLength(1);
    const box = drawings[0]!.nodes.find((n) => titleOf(n) === 'Too many to draw')!;
    const chain = chainOf(big, 'sm', 'sm-h1');
    const [sources, groups] = [chain.filter((r) => r.level === 'source').length, chain.filter((r) => r.level === 'loads').length];
    expect(textOf(box)).toContain(`${sources} sources, ${groups} row groups: see the Single line table`);
    expect(sources).toBe(80 + 3);
    expect(drawings[0]!.foldedSources).toBe(sources);
  });
});
