import { describe, expect, it } from 'vitest';
import { checkFleet } from '../../shared/constraints';
import { kvaOf, powerChainRows, ratingUnit } from '../../shared/power/chain';
import { planPrint } from '../../shared/print/sheets';
import { sampleSmall } from '../../shared/samples';

describe('the power chain rows, from the interconnect down to the loads', () => {
  const doc = sampleSmall();
  const site = doc.sites[0]!;
  const rows = powerChainRows(doc, site, doc.halls, checkFleet(doc).headroom);

  it('goes interconnect → transformers → hall feed → PDU → busway → racks, each under what feeds it', () => {
    expect(rows.map((r) => [r.kind, r.depth, r.name])).toEqual([
      ['interconnect', 0, 'Test site'],
      ['transformers', 1, 'Test site'],
      ['hall', 2, 'Hall 1'],
      ['source', 3, '1.1'],
      ['source', 4, 'Busway 1'],
      ['loads', 5, '1.1–2'],
      ['loads', 4, '1.1'],
      ['loads', 3, '1.1–8'],
    ]);
  });

  it('loads by hand: the busway carries 2 × 132 = 264 kW, the PDU that and the CDU’s 12 kW = 276 kW of its 400 kVA', () => {
    const pdu = rows.find((r) => r.kind === 'source' && r.equipment === 'Floor PDU 400 kVA')!;
    expect(pdu).toMatchObject({ ratingKw: 400, ratingUnit: 'kVA', loadKw: 276, source: 'Hall 1', upstream: 'Site transformers' });
    const busway = rows.find((r) => r.name === 'Busway 1')!;
    // √3 × 415 V × 800 A = 575,040 W, catalogued as 575 kW; busways are sold by amps, not kVA.
    expect(busway).toMatchObject({ ratingKw: 575, ratingUnit: 'kW', loadKw: 264, source: '1.1', upstream: 'Hall 1' });
    const racks = rows.find((r) => r.kind === 'loads' && r.equipment === '2 × GB200 NVL72 rack')!;
    expect(racks).toMatchObject({ loadKw: 264, source: 'Busway 1', upstream: '1.1', feeds: 'A' });
    expect(racks.ids).toHaveLength(2);
    // The miner racks are fed by nothing in the model: listed under the hall, with no source.
    const miners = rows.find((r) => r.equipment.startsWith('8 ×'))!;
    expect(miners.source).toBeNull();
    expect(miners.loadKw).toBeCloseTo(8 * 72.9, 9);
  });

  it('the site levels carry the constraint engine’s figures: hall feeds 1,000 kW on 2 MVA of transformers', () => {
    expect(rows[1]).toMatchObject({ ratingKw: 2000, ratingUnit: 'kVA', loadKw: 1000 });
    // 8 × 72.9 + 2 × 132 + 12 = 859.2 kW
    expect(rows[2]!.ratingKw).toBe(1000);
    expect(rows[2]!.loadKw).toBeCloseTo(859.2, 9);
  });

  it('transformers, UPSs and PDUs are rated in kVA; busways and generators in kW; kVA is kW at the model’s unity power factor', () => {
    expect(['transformer', 'ups', 'pdu', 'busway', 'generator'].map((k) => ratingUnit(k as never))).toEqual(['kVA', 'kVA', 'kVA', 'kW', 'kW']);
    expect(kvaOf(264)).toBe(264);
  });

  it('a source fed from a source in a cycle is left out (the checks report the cycle), and nothing loops', () => {
    const pduId = doc.placements.find((p) => p.modelId === 'pdu-400')!.id;
    const cyclic = { ...doc, placements: doc.placements.map((p) => (p.id === pduId ? { ...p, powerSourceId: 'sm-bw1' } : p)) };
    const names = powerChainRows(cyclic, site, cyclic.halls, checkFleet(cyclic).headroom).map((r) => r.name);
    expect(names).not.toContain('Busway 1');
  });
});

describe('the feed schedule and single line on the printed sheets', () => {
  const rowsOf = (title: string, us = false) => {
    const doc = sampleSmall();
    if (us) doc.fleet.unitSystem = 'us';
    return planPrint(doc, { hallId: 'sm-h1', paper: 'A3', orientation: 'landscape', scale: 'fit', date: 'x' }).sheets.flatMap((s) => s.tables.filter((t) => t.title.startsWith(title)).flatMap((t) => t.rows));
  };
  it('lists each group with its grid squares, source, upstream, feed, kW and kVA', () => {
    // The GB200 racks stand from x 22.0 to 23.2 and y 2.734 ∓ 0.534 = 2.2 to 3.268 (3 m squares): column H (21–24), rows 1 and 2.
    expect(rowsOf('Feed schedule')).toContainEqual(['1.1–2', 'H1–H2', '2 × GB200 NVL72 rack', 'Busway 1', '1.1', 'A', '264 kW', '264 kVA']);
  });
  it('prints ratings in their unit with the use of each: the PDU 276 / 400 = 69 %, the busway 264 / 575 = 46 %', () => {
    const single = rowsOf('Single line');
    expect(single.find((r) => r[1] === 'Floor PDU 400 kVA')!.slice(2)).toEqual(['400 kVA', '276 kW', '276 kVA', '69 %']);
    expect(single.find((r) => r[0]!.endsWith('Busway 1'))!.slice(2)).toEqual(['575 kW', '264 kW', '264 kVA', '46 %']);
  });
  it('the power and cooling table gives a kVA-rated source its capacity in kVA: the PDU 400 × 0.8 = 320 kVA, 320 − 276 = 44 kVA left; the busway stays in kW', () => {
    const rows = rowsOf('Power and cooling');
    expect(rows.find((r) => r[0] === 'Power source' && r[1] === '1.1')).toEqual(['Power source', '1.1', '276 kW', '320 kVA', '44 kVA']);
    // 575 × 0.8 = 460 kW, 460 − 264 = 196 kW.
    expect(rows.find((r) => r[0] === 'Power source' && r[1] === 'Busway 1')).toEqual(['Power source', 'Busway 1', '264 kW', '460 kW', '196 kW']);
  });
});
