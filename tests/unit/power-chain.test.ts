import { describe, expect, it } from 'vitest';
import { checkFleet } from '../../shared/constraints';
import type { FleetDoc, Placement } from '../../shared/model/schema';
import { countedOnceText, powerChainRows, type ChainRow } from '../../shared/power/chain';
import { planPrint } from '../../shared/print/sheets';
import { generateFleet, sampleCampus, sampleSmall } from '../../shared/samples';

const chainOf = (doc: FleetDoc, siteIndex = 0): ChainRow[] => {
  const site = doc.sites[siteIndex]!;
  return powerChainRows(doc, site, doc.halls.filter((h) => h.siteId === site.id), checkFleet(doc).headroom);
};

/**
 * The small sample with a second busway over the GB200 racks as their B feed: Busway 2 is
 * fed A from a second PDU and B from PDU 1.1, so both racks and a source stand on two feeds.
 */
function dualFed(): FleetDoc {
  const doc = sampleSmall();
  const pdu1 = doc.placements.find((p) => p.modelId === 'pdu-400')!;
  const busway1 = doc.placements.find((p) => p.id === 'sm-bw1')!;
  const pdu2: Placement = { ...pdu1, id: 'sm-pdu-b', label: 'PDU 2', yM: 9 };
  const busway2: Placement = { ...busway1, id: 'sm-bw2', label: 'Busway 2', powerSourceId: pdu2.id, powerSourceBId: pdu1.id };
  const placements = doc.placements.map((p) => (p.modelId === 'nvl72-gb200' ? { ...p, powerSourceBId: busway2.id } : p));
  return { ...doc, placements: [...placements, pdu2, busway2] };
}

describe('the order of sources under one parent', () => {
  it('largest class first, then by name as people number them: Busway 1, 2, 10 whatever order they were placed in', () => {
    const doc = sampleSmall();
    const busway1 = doc.placements.find((p) => p.id === 'sm-bw1')!;
    const extra = (n: number): Placement => ({ ...busway1, id: `sm-bw-${n}`, label: `Busway ${n}`, yM: 3 + n });
    doc.placements = [...doc.placements.filter((p) => p.id !== 'sm-bw1'), extra(10), busway1, extra(2)];
    const busways = chainOf(doc).filter((r) => r.level === 'source' && r.name.startsWith('Busway ') && r.depth === 4).map((r) => r.name);
    expect(busways).toEqual(['Busway 1', 'Busway 2', 'Busway 10']);
  });
});

describe('the power chain rows, from the interconnect down to the loads', () => {
  const rows = chainOf(sampleSmall());
  const named = (name: string) => rows.find((r) => r.name === name)!;

  it('goes interconnect → transformers → hall feed → PDU → busway → racks, each under what feeds it', () => {
    expect(rows.map((r) => [r.level, r.depth, r.name, r.feed])).toEqual([
      ['interconnect', 0, 'Test site', null],
      ['transformers', 1, 'Test site', null],
      ['hall', 2, 'Hall 1', null],
      ['source', 3, '1.1', null],
      ['source', 4, 'Busway 1', 'A'],
      ['loads', 5, '1.1–2', 'A'],
      ['loads', 4, '1.1', 'A'],
      ['source', 3, 'Busway M1', null],
      ['loads', 4, '1.1–8', 'A'],
    ]);
  });

  it('loads in kVA by hand (kVA = kW / PF) against rating × 0.8 derate', () => {
    // GB200 racks: 2 × 132 kW / 0.98 = 269.3878 kVA on Busway 1 (800 A: 575 kVA × 0.8 = 460 kVA): 58.56 %.
    expect(named('Busway 1')).toMatchObject({ quantity: 'apparentPower', rating: 575, capacity: 460, source: '1.1', upstream: 'Hall 1', overloaded: false });
    expect(named('Busway 1').load).toBeCloseTo(269.387755, 5);
    expect(named('Busway 1').utilization).toBeCloseTo(0.585626, 5);
    // PDU 1.1: the busway's 269.3878 and the CDU's 12 / 0.9 = 13.3333 kVA = 282.7211 kVA of 400 × 0.8 = 320 kVA: 88.35 %.
    expect(named('1.1')).toMatchObject({ equipment: 'Floor PDU 400 kVA', rating: 400, capacity: 320, source: 'Hall 1', upstream: 'Site transformers' });
    expect(named('1.1').load).toBeCloseTo(282.721088, 5);
    expect(named('1.1').utilization).toBeCloseTo(0.883503, 5);
    // Miner racks: 8 × 72.9 = 583.2 kW / 0.95 = 613.8947 kVA on Busway M1 (1250 A: 898.5 × 0.8 = 718.8 kVA).
    const miners = rows.find((r) => r.equipment.startsWith('8 ×'))!;
    expect(miners).toMatchObject({ source: 'Busway M1', feed: 'A', rating: null, capacity: null, utilization: null });
    expect(miners.drawKw).toBeCloseTo(583.2, 9);
    expect(miners.drawKva).toBeCloseTo(613.894737, 5);
    expect(named('Busway M1').capacity).toBeCloseTo(718.8, 9);
    const racks = rows.find((r) => r.equipment === '2 × GB200 NVL72 rack')!;
    expect(racks).toMatchObject({ drawKw: 264, ids: ['sm-gpu01-01', 'sm-gpu01-02'] });
  });

  it('the site levels carry the checks’ figures in kW: IT × PUE = (583.2 + 264) × 1.1 = 931.92 kW; the hall feed 583.2 + 264 + 12 = 859.2 of 1,000 kW', () => {
    expect(rows[0]).toMatchObject({ quantity: 'power', rating: 5000, capacity: 5000 });
    expect(rows[0]!.load).toBeCloseTo(931.92, 9);
    expect(rows[1]).toMatchObject({ rating: 2000, capacity: 2000 });
    expect(rows[1]!.utilization).toBeCloseTo(931.92 / 2000, 12);
    expect(rows[2]).toMatchObject({ rating: 1000, capacity: 1000, ids: ['sm-h1'] });
    expect(rows[2]!.load).toBeCloseTo(859.2, 9);
  });

  it('a rack on two feeds is listed under each with its letter; a source on two is listed in full once and again under the other; either feed counts the whole load, a source both lead to once', () => {
    const dual = chainOf(dualFed());
    const at = dual.map((r) => [r.depth, r.name, r.feed, r.repeat]);
    expect(at).toEqual([
      [0, 'Test site', null, false],
      [1, 'Test site', null, false],
      [2, 'Hall 1', null, false],
      [3, '1.1', null, false],
      [4, 'Busway 1', 'A', false],
      [5, '1.1–2', 'A', false],
      [4, 'Busway 2', 'B', false],
      [5, '1.1–2', 'B', false],
      [4, '1.1', 'A', false],
      [3, 'Busway M1', null, false],
      [4, '1.1–8', 'A', false],
      [3, 'PDU 2', null, false],
      [4, 'Busway 2', 'A', true],
    ]);
    // Both busways hang from PDU 1.1 (Busway 2 on its B feed) and carry the racks in full, 269.3878 kVA each, but the racks
    // reach PDU 1.1 once whichever busway carries them: 269.3878 + 13.3333 = 282.7211 kVA of 320 kVA, 88.35 %, not
    // 2 × 269.3878 + 13.3333 = 552.1088 kVA. The rows below it add up to 269.3878 kVA more than it carries.
    const pdu1 = dual.find((r) => r.name === '1.1' && r.level === 'source')!;
    expect(pdu1.load).toBeCloseTo(282.721088, 5);
    expect(pdu1.utilization).toBeCloseTo(0.883503, 5);
    expect(pdu1.overloaded).toBe(false);
    expect(pdu1.countedOnce).toBeCloseTo(269.387755, 5);
    expect(countedOnceText(pdu1, 'metric')).toBe('269.4 kVA arrives by A and B: counted once');
    expect(dual.filter((r) => r.countedOnce > 0).map((r) => r.name)).toEqual(['1.1']);
    // PDU 2 carries Busway 2's 269.3878 kVA; its row under PDU 2 repeats the figures of its row under 1.1.
    const busway2 = dual.filter((r) => r.name === 'Busway 2');
    expect(busway2[1]).toMatchObject({ load: busway2[0]!.load, capacity: 460, source: 'PDU 2', upstream: 'Hall 1' });
    expect(dual.find((r) => r.name === 'PDU 2')!.load).toBeCloseTo(269.387755, 5);
    const bFed = dual.filter((r) => r.level === 'loads' && r.feed === 'B');
    expect(bFed).toHaveLength(1);
    expect(bFed[0]).toMatchObject({ source: 'Busway 2', upstream: '1.1', ids: ['sm-gpu01-01', 'sm-gpu01-02'] });
  });

  it('a unit fed by nothing is listed under its hall with no source and no feed, its load in kW', () => {
    const doc = sampleSmall();
    const unfed = { ...doc, placements: doc.placements.map((p) => (p.modelId === 'nvl72-gb200' ? { ...p, powerSourceId: null } : p)) };
    const group = chainOf(unfed).find((r) => r.equipment === '2 × GB200 NVL72 rack')!;
    expect(group).toMatchObject({ depth: 3, source: null, upstream: null, feed: null, quantity: 'power', load: 264 });
  });

  it('a loop reached from a source outside it is listed once round, with no load or limit for the sources whose load never ends (the checks report the loop)', () => {
    // A skid at the hall's top feeds PDU 1.1 (A); PDU 1.1 is also fed B from Busway 1, which it feeds.
    const doc = sampleSmall();
    const pdu = doc.placements.find((p) => p.modelId === 'pdu-400')!;
    const skid: Placement = { ...pdu, id: 'sm-skid', modelId: 'pdu-skid3000', label: 'Skid 1', yM: 12 };
    const placements = [...doc.placements.map((p) => (p.id === pdu.id ? { ...p, powerSourceId: skid.id, powerSourceBId: 'sm-bw1' } : p)), skid];
    const rows = chainOf({ ...doc, placements });
    expect(rows.filter((r) => r.level === 'source').map((r) => [r.depth, r.name, r.feed, r.repeat, r.capacity])).toEqual([
      [3, 'Skid 1', null, false, null],
      [4, '1.1', 'A', false, null],
      [5, 'Busway 1', 'A', false, null],
      [6, '1.1', 'B', true, null],
      [3, 'Busway M1', null, false, expect.closeTo(718.8, 9)],
    ]);
    expect(rows.find((r) => r.name === 'Skid 1')).toMatchObject({ rating: 3000, load: 0, utilization: null, overloaded: false });
  });

  it('a feed naming nothing in the fleet counts as no feed, and a unit of an unknown model is left out, without throwing', () => {
    const doc = sampleSmall();
    const placements = doc.placements.map((p) => (p.id === 'sm-gpu01-01' ? { ...p, powerSourceId: 'gone' } : p.id === 'sm-gpu01-02' ? { ...p, modelId: 'no-such-model' } : p));
    const rows = chainOf({ ...doc, placements });
    const stray = rows.find((r) => r.ids.includes('sm-gpu01-01'))!;
    expect(stray).toMatchObject({ level: 'loads', depth: 3, source: null, feed: null, load: 132 });
    expect(rows.some((r) => r.ids.includes('sm-gpu01-02'))).toBe(false);
  });

  it('a source fed from a source in a loop is left out (the checks report the loop), and nothing loops', () => {
    const doc = sampleSmall();
    const pduId = doc.placements.find((p) => p.modelId === 'pdu-400')!.id;
    const cyclic = { ...doc, placements: doc.placements.map((p) => (p.id === pduId ? { ...p, powerSourceId: 'sm-bw1' } : p)) };
    const names = chainOf(cyclic).map((r) => r.name);
    expect(names).not.toContain('Busway 1');
    expect(names).toContain('Busway M1');
  });
});

describe('the chain reads every source as the checks and the Headroom panel do', () => {
  const bFromPdu = (doc: FleetDoc): FleetDoc => ({ ...doc, placements: doc.placements.map((p) => (p.id === 'sm-gpu01-02' ? { ...p, powerSourceBId: 'sm-pdu01-01' } : p)) });
  const samples: [string, FleetDoc][] = [['small', sampleSmall()], ['dual-fed small', dualFed()], ['small with rack 1.2 fed B from PDU 1.1', bFromPdu(sampleSmall())], ['campus', sampleCampus()], ['generated', generateFleet({ placements: 2_000, seed: 1 })]];
  for (const [name, doc] of samples) {
    it(`${name}: each level's load and capacity is its headroom's, and a source's load is what its rows below carry`, () => {
      const { headroom } = checkFleet(doc);
      const byKey = new Map(headroom.map((h) => [`${h.kind}|${h.id}`, h]));
      let sources = 0;
      for (let s = 0; s < doc.sites.length; s++) {
        const rows = chainOf(doc, s);
        rows.forEach((r, i) => {
          const kind = r.level === 'source' ? 'power-source' : r.level === 'hall' ? 'hall-power' : r.level === 'interconnect' ? 'site-interconnect' : r.level === 'transformers' ? 'site-transformer' : null;
          if (!kind) return;
          const id = r.level === 'source' || r.level === 'hall' ? r.ids[0]! : doc.sites[s]!.id;
          const h = byKey.get(`${kind}|${id}`)!;
          expect([r.load, r.capacity, r.utilization]).toEqual([h.load, h.capacity, h.capacity > 0 ? h.load / h.capacity : null]);
          if (r.level !== 'source' || r.repeat) return;
          sources++;
          // The rows one step below it, up to its next sibling: sources in full (repeats too), load groups' kVA,
          // less what reaches it by both A and B and is counted once.
          let below = 0;
          for (let j = i + 1; j < rows.length && rows[j]!.depth > r.depth; j++) if (rows[j]!.depth === r.depth + 1) below += rows[j]!.load;
          expect(below - r.countedOnce).toBeCloseTo(r.load, 6);
        });
      }
      expect(sources).toBeGreaterThan(0);
    });
  }
});

describe('the feed schedule and single line on the printed sheets', () => {
  const rowsOf = (title: string, doc: FleetDoc = sampleSmall()) =>
    planPrint(doc, { hallId: 'sm-h1', paper: 'A3', orientation: 'landscape', scale: 'fit', date: 'x' }).sheets.flatMap((s) => s.tables.filter((t) => t.title.startsWith(title)).flatMap((t) => t.rows));

  it('lists each group with its grid squares, source, upstream, feed, kW and kVA', () => {
    // The GB200 racks stand from x 22.0 to 23.2 and y 2.734 ∓ 0.534 = 2.2 to 3.268 (3 m squares): column H (21–24), rows 1 and 2.
    // 264 kW / 0.98 = 269.39 kVA.
    expect(rowsOf('Feed schedule')).toContainEqual(['1.1–2', 'H1–H2', '2 × GB200 NVL72 rack', 'Busway 1', '1.1', 'A', '264 kW', '269.4 kVA']);
  });

  it('lists a group on two feeds once for each: A from Busway 1, B from Busway 2', () => {
    const racks = rowsOf('Feed schedule', dualFed()).filter((r) => r[2] === '2 × GB200 NVL72 rack');
    expect(racks.map((r) => [r[3], r[4], r[5], r[6], r[7]])).toEqual([
      ['Busway 1', '1.1', 'A', '264 kW', '269.4 kVA'],
      ['Busway 2', '1.1', 'B', '264 kW', '269.4 kVA'],
    ]);
  });

  it('prints each level’s rating, the derated limit, the load and its use: PDU 282.7 / 320 = 88 %, busway 269.4 / 460 = 59 %, site in MW', () => {
    const single = rowsOf('Single line');
    expect(single.find((r) => r[1] === 'Floor PDU 400 kVA')!.slice(2)).toEqual(['—', '400 kVA', '320 kVA', '282.7 kVA', '88 %']);
    expect(single.find((r) => r[0]!.endsWith('Busway 1'))!.slice(2)).toEqual(['A', '575 kVA', '460 kVA', '269.4 kVA', '59 %']);
    expect(single.find((r) => r[1] === '2 × GB200 NVL72 rack')!.slice(2)).toEqual(['A', '—', '—', '269.4 kVA', '—']);
    // 931.92 kW = 0.93 MW of 5 MW: 19 %.
    expect(single[0]!.slice(2)).toEqual(['—', '5 MW', '5 MW', '0.93 MW', '19 %']);
    expect(single.find((r) => r[1] === 'Hall feed')!.slice(2)).toEqual(['—', '1,000 kW', '1,000 kW', '859.2 kW', '86 %']);
  });

  it('marks the repeat of a source on two feeds', () => {
    expect(rowsOf('Single line', dualFed()).filter((r) => r[0]!.includes('Busway 2')).map((r) => [r[0]!.trim().replace(/^└ /, ''), r[2]])).toEqual([
      ['Busway 2', 'B'],
      ['Busway 2 (above)', 'A'],
    ]);
  });
});
