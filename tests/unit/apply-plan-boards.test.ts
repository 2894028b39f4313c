/**
 * Apply plan's new busway runs hang from switchboards, not straight from the hall feed: a
 * run is 415 V bar that plugs into a breaker on a board. Runs fill a board standing at the top
 * of its chain where its derated rating has room, else new boards of the catalog's largest,
 * largest run first; A and B runs never share a board.
 */
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/commands/apply';
import { checkFleet } from '../../shared/constraints';
import { footprint, rectsOverlap } from '../../shared/geometry/footprint';
import type { FleetDoc, Plan } from '../../shared/model/schema';
import { applyPlanCommand } from '../../shared/optimizer/apply-plan';
import { sampleByName } from '../../shared/samples';

const planOf = (units: number): Plan => ({ id: 'p', name: 'test plan', createdAt: 'now', objective: 'expected', status: 'optimal', npvUsd: 0, irrFraction: null, paybackPeriods: null, mipGapFraction: 0, halls: [{ hallId: 'wtx-b', optionId: 'wtx-b-ai', startPeriod: 0, units, npvUsd: 0 }], periods: [], bindingLimits: [], conflicts: [] });

function applied(doc: FleetDoc, units: number) {
  const a = applyPlanCommand(doc, planOf(units));
  const after = applyCommand(doc, a.command).doc;
  const inHall = after.placements.filter((p) => p.hallId === 'wtx-b');
  const added = inHall.filter((p) => !doc.placements.some((q) => q.id === p.id));
  const kindOf = (id: string | null) => after.models.find((m) => m.id === inHall.find((p) => p.id === id)?.modelId)?.kind;
  const check = checkFleet(after);
  const loadOf = (id: string) => check.headroom.find((h) => h.kind === 'power-source' && h.id === id)!.load;
  return { after, added, kindOf, loadOf, shortfalls: a.shortfalls, errors: check.violations.filter((v) => v.severity === 'error').map((v) => v.id) };
}

describe('the switchboards new busway runs hang from', () => {
  it("campus Building B at 52: the 36 added racks' runs fill three new 3000 kVA skids, the CDUs' runs the skid standing; no error", () => {
    const { added, kindOf, loadOf, errors, shortfalls } = applied(sampleByName('campus'), 52);
    // Two rows of 18 racks, five to a run (5 × 132 / 0.98 = 673.47 ≤ 0.8 × 898.5 = 718.8 kVA): runs of
    // 5, 5, 5 and 3 racks in each row, 673.47 kVA six times and 3 × 134.69 = 404.08 kVA twice. A skid may
    // carry 0.8 × 3,000 = 2,400 kVA. The skid standing carries the pod (16 racks on 4 runs, 2,155.10 kVA,
    // and 3 × 12 / 0.9 + 2 × 8 / 0.9 = 57.78 kVA of CDUs and CRAHs: 2,212.87 kVA) and has 187.13 kVA
    // left: too little for any rack run. Largest first: skid 1 takes three runs of 673.47 = 2,020.41 kVA
    // (a fourth would be 2,693.88), skid 2 the next three, skid 3 both runs of 404.08 = 808.16 kVA. The
    // three new 2.3 MW CDUs (25 / 0.9 = 27.78 kVA each, on two runs: 55.56 and 27.78) go to the skid standing: 2,212.87 + 83.33 = 2,296.21 kVA.
    const boards = added.filter((p) => p.modelId === 'pdu-skid3000');
    expect(boards.map((b) => b.label)).toEqual(['SWB 1', 'SWB 2', 'SWB 3']);
    expect(boards.map((b) => loadOf(b.id))).toEqual([expect.closeTo(2_020.41, 2), expect.closeTo(2_020.41, 2), expect.closeTo(808.16, 2)]);
    expect(loadOf('b-skid01-01')).toBeCloseTo(2_296.21, 2);
    for (const b of boards) expect([b.powerSourceId, b.powerSourceBId]).toEqual([null, null]);
    const runs = added.filter((p) => p.modelId === 'busway-1250');
    expect(runs).toHaveLength(10);
    expect(runs.map((r) => kindOf(r.powerSourceId))).toEqual(runs.map(() => 'switchboard'));
    expect(errors).toEqual([]);
    expect(shortfalls).toEqual([]);
  });

  it('the new boards stand out of every row’s aisles: none within 3 m before or behind a rack, in its intake or exhaust', () => {
    const { after, added } = applied(sampleByName('campus'), 52);
    const models = new Map(after.models.map((m) => [m.id, m]));
    const racks = after.placements.filter((p) => p.hallId === 'wtx-b' && p.modelId === 'nvl72-gb200').map((p) => footprint(p, models.get(p.modelId)!));
    for (const b of added.filter((p) => p.modelId === 'pdu-skid3000')) {
      const r = footprint(b, models.get(b.modelId)!);
      const inAisle = racks.some((k) => rectsOverlap(r, { ...k, minY: k.minY - 3, maxY: k.maxY + 3 }));
      expect({ board: b.label, inAisle }).toEqual({ board: b.label, inAisle: false });
    }
  });

  it('A and B runs of racks that take two feeds never hang from one board: no A and B feeds meet', () => {
    const doc = sampleByName('campus');
    doc.models.find((m) => m.id === 'nvl72-gb200')!.dualFeed = true;
    const { after, added, errors } = applied(doc, 52);
    expect(errors).toEqual([]);
    const byId = new Map(after.placements.map((p) => [p.id, p]));
    const racks = added.filter((p) => p.modelId === 'nvl72-gb200');
    for (const r of racks) expect(byId.get(r.powerSourceId!)!.powerSourceId).not.toBe(byId.get(r.powerSourceBId!)!.powerSourceId);
    // The B side is the A side again (8 runs, 4,848.98 kVA): three skids of its own.
    const boardOf = (side: 'A' | 'B') => new Set(racks.map((r) => byId.get((side === 'A' ? r.powerSourceId : r.powerSourceBId)!)!.powerSourceId));
    expect(boardOf('A').size).toBe(3);
    expect(boardOf('B').size).toBe(3);
  });

  it('with no switchboard in the catalog the runs hang from the hall feed, and Apply plan says so', () => {
    const doc = sampleByName('campus');
    doc.models = doc.models.map((m) => (m.id === 'pdu-skid3000' ? { ...m, kind: 'ups' as const, moduleCount: 1 } : m));
    const { added, shortfalls } = applied(doc, 52);
    expect(added.filter((p) => p.modelId === 'pdu-skid3000')).toEqual([]);
    // The skid standing is a UPS now, and only switchboards at the top of their chain take new runs: all ten hang from the hall feed.
    expect(added.filter((p) => p.modelId === 'busway-1250' && p.powerSourceId === null)).toHaveLength(10);
    expect(shortfalls).toEqual(['Building B (AI retrofit, phase 1): the catalog has no switchboard to hang the new busway runs from: they hang from the hall feed']);
  });
});

describe("the hall's feed after Apply plan", () => {
  it("is never cut by an option whose feed is less than the hall's: Building B's 12,500 kW stays under an option of 9,300 kW; an option of more raises it", () => {
    const doc = sampleByName('campus');
    const option = doc.halls.find((h) => h.id === 'wtx-b')!.retrofitOptions.find((o) => o.id === 'wtx-b-ai')!;
    option.feedKw = 9_300;
    expect(doc.halls.find((h) => h.id === 'wtx-b')!.feedKw).toBe(12_500);
    expect(applied(doc, 52).after.halls.find((h) => h.id === 'wtx-b')!.feedKw).toBe(12_500);
    option.feedKw = 14_000;
    expect(applied(doc, 52).after.halls.find((h) => h.id === 'wtx-b')!.feedKw).toBe(14_000);
  });
});

describe('a plan asking for more units than any floor holds', () => {
  it('(a file may hold any count) lays out what fits and says so, in seconds, not a frozen page: 10^15 GB200 racks in Building B', () => {
    const { added, shortfalls } = applied(sampleByName('campus'), 1e15);
    expect(added.filter((p) => p.modelId === 'nvl72-gb200').length).toBeGreaterThan(36);
    expect(shortfalls.some((s) => /of 1000000000000000 GB200 NVL72 rack fit the floor/.test(s))).toBe(true);
  });
});

describe('labels Apply plan gives beside the pod standing', () => {
  it('read as no standing one: racks "P2-…" beside "NVL72 2.1", busway series 3 and 4 beside "Busway 1.1" to "Busway 2.2"', () => {
    const { after, added } = applied(sampleByName('campus'), 52);
    const standing = after.placements.filter((p) => p.hallId === 'wtx-b' && !added.includes(p)).map((p) => p.label);
    const lastWords = new Set(standing.map((l) => l.slice(l.lastIndexOf(' ') + 1)));
    const racks = added.filter((p) => p.modelId === 'nvl72-gb200');
    expect(racks.every((p) => p.label.startsWith('P2-'))).toBe(true);
    expect(racks.filter((p) => lastWords.has(p.label) || standing.includes(p.label))).toEqual([]);
    const series = new Set(added.filter((p) => p.modelId === 'busway-1250').map((p) => /^BW(\d+)B?\./.exec(p.label)![1]));
    expect([...series].sort()).toEqual(['3', '4']);
  });
});
