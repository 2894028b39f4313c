/**
 * Each rule against a hand calculation on the small sample (shared/samples/small.ts):
 * one hall 30 × 15 m, 8 shelf racks of S21 XP (72.9 kW, 2 × 0.7 m, 420 kg), two GB200
 * NVL72 racks (132 kW, 85 % to liquid, 0.6 × 1.068 m, 1,360 kg) on a busway (575 kW)
 * fed from a floor PDU (400 kW) that also feeds a CDU (12 kW, 1,200 kW of cooling).
 * For each rule: exactly on the limit passes, just over fails, with the numbers.
 */
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/commands/apply';
import { checkFleet, describeViolation, LiveChecker, type Headroom, type Violation } from '../../../shared/constraints';
import { exceeds, room } from '../../../shared/constraints/rules';
import type { FleetDoc } from '../../../shared/model/schema';
import { sampleCampus, sampleSmall } from '../../../shared/samples';

type Edit = (d: FleetDoc) => void;

/**
 * The sample's AI corner runs on one CDU under the hall's N+1: a warning every check of it
 * gives (tested on its own below), left out where another rule is at hand.
 */
const LONE_CDU = 'cooling-redundancy:sm-z-ai:cdu';

const withoutLoneCdu = (violations: Violation[]): Violation[] => violations.filter((v) => v.id !== LONE_CDU);

function check(edit: Edit): Violation[] {
  const doc = structuredClone(sampleSmall());
  edit(doc);
  return withoutLoneCdu(checkFleet(doc).violations);
}

const hall = (d: FleetDoc) => d.halls[0]!;
const model = (d: FleetDoc, id: string) => d.models.find((m) => m.id === id)!;
const placement = (d: FleetDoc, id: string) => d.placements.find((p) => p.id === id)!;

function only(violations: Violation[], rule: Violation['rule']): Violation {
  const hits = violations.filter((v) => v.rule === rule);
  expect(hits, JSON.stringify(violations.map((v) => v.id))).toHaveLength(1);
  return hits[0]!;
}

describe('the small sample', () => {
  it("breaks no limit; its one warning is the AI corner's lone CDU", () => {
    expect(checkFleet(sampleSmall()).violations.map((v) => v.id)).toEqual([LONE_CDU]);
  });
});

describe('hall power: load against the feed', () => {
  // 8 × 72.9 + 2 × 132 + 12 (CDU) = 583.2 + 264 + 12 = 859.2 kW
  it('passes at 859.2 kW of feed', () => expect(check((d) => (hall(d).feedKw = 859.2))).toEqual([]));
  it('fails at 859.1 kW, over by 0.1 kW', () => {
    const v = only(check((d) => (hall(d).feedKw = 859.1)), 'hall-power');
    expect(v.value).toBeCloseTo(859.2, 9);
    expect(v.margin).toBeCloseTo(-0.1, 9);
    expect(v.unit).toBe('kW');
  });
});

describe('hall cooling: heat the CDUs do not carry, against the plant less its redundant units', () => {
  // Heat 859.2 kW, of which the CDU carries the racks' liquid heat to facility water:
  // 2 × 132 × 0.85 = 224.4 kW. The plant rejects 859.2 − 224.4 = 634.8 kW.
  // N+1 of 4 units counts 3: 3 × 211.6 = 634.8.
  it('N+1 passes on the limit', () => expect(check((d) => (hall(d).cooling.unitCapacityKw = 211.6))).toEqual([]));
  it('N+1 fails just over', () => {
    const v = only(check((d) => (hall(d).cooling.unitCapacityKw = 211.5)), 'hall-cooling');
    expect(v.limit).toBeCloseTo(3 * 211.5, 9);
    expect(v.value).toBeCloseTo(634.8, 9);
  });
  // 2N of 4 counts 2: 2 × 317.4 = 634.8.
  it('2N counts half the units', () => {
    expect(check((d) => Object.assign(hall(d).cooling, { redundancy: '2N', unitCapacityKw: 317.4 }))).toEqual([]);
    expect(only(check((d) => Object.assign(hall(d).cooling, { redundancy: '2N', unitCapacityKw: 317.3 })), 'hall-cooling').limit).toBeCloseTo(634.6, 9);
  });
  // Without the CDU the liquid heat has nowhere else to go: the liquid rule breaks, and the
  // plant is charged only what is not liquid (no heat is counted twice).
  it('liquid heat is never charged to the plant as well as to the CDUs', () => {
    const v = check((d) => (hall(d).cooling.unitCapacityKw = 211.6));
    expect(v.filter((x) => x.rule === 'hall-cooling')).toEqual([]);
  });
  // In US units the limit reads in tons of refrigeration: 634.6 kW / 3.5169 = 180.445 tons, the
  // heat 634.8 / 3.5169 = 180.502, over by 0.057: two decimals keep the breach within 10 % of itself.
  it('reads in tons for US users', () => {
    const v = only(check((d) => Object.assign(hall(d).cooling, { redundancy: '2N', unitCapacityKw: 317.3 })), 'hall-cooling');
    expect(describeViolation(v, 'us')).toContain('value 180.5 tons, limit 180.45 tons, over by 0.06 tons');
    // The hall's plant is counted, not sized in kW, so the line reads in one unit throughout.
    expect(describeViolation(v, 'us')).toMatch(/^Hall 1 \(4 cooling units, 2N\): /);
  });
});

describe('hall cooling: a tank’s or hydro unit’s liquid heat in a zone of its own method goes to the hall’s facility water, a container’s to its own dry coolers, as the zone counts it', () => {
  // Building C (campus): 100 shelf racks of 20 S19 XP at 3.010 kW = 60.2 kW each, 6,020 kW, all
  // to air; 16 fan walls of 450 kW, N+1: 15 × 450 = 6,750 kW usable. A zone by the east wall
  // (x 55–60 m) cooled by immersion or hydro, and in it:
  //  - a 48-miner tank, 48 × 5.338 = 256.224 kW, all to liquid: the hall's load is 6,276.224 kW,
  //    its fan walls take 6,020 + 256.224 × 0 = 6,020 kW, the zone's air 0 kW;
  //  - a hydro container, 168 × 5.36 = 900.48 kW, 0.9 to liquid: the hall's load is 6,920.48 kW,
  //    its fan walls take 6,020 + 900.48 × 0.1 = 6,110.048 kW, the zone's air 90.048 kW.
  // Building C has no facility water: the tank's 256.224 kW have nowhere to go until it has.
  const withUnit = (method: 'immersion' | 'hydro', modelId: string) => (d: FleetDoc) => {
    d.zones.push({ id: 'c-east', hallId: 'cbh-c', name: 'East', xM: 55, yM: 0, widthM: 5, depthM: 24, airCoolingKw: 0, coolingMethod: method });
    d.placements.push({ id: 'unit', hallId: 'cbh-c', modelId, xM: 57.5, yM: 12, rotationDeg: 90, powerSourceId: null, powerSourceBId: null, label: 'U1' });
  };
  const campus = (edit: Edit) => {
    const doc = sampleCampus();
    edit(doc);
    return doc;
  };
  const load = (doc: FleetDoc, kind: string, id: string) => checkFleet(doc).headroom.find((h) => h.kind === kind && h.id === id)!.load;
  it('an immersion tank: the hall’s fan walls carry 6,020 kW, its zone’s air 0 kW, its feed 6,276.224 kW', () => {
    const doc = campus(withUnit('immersion', 'tank-imm48'));
    expect(load(doc, 'hall-power', 'cbh-c')).toBeCloseTo(6_276.224, 6);
    expect(load(doc, 'hall-cooling', 'cbh-c')).toBeCloseTo(6_020, 6);
    expect(load(doc, 'zone-air', 'c-east')).toBe(0);
  });
  it('a hydro container: the hall’s fan walls carry 6,110.048 kW, its zone’s air 90.048 kW, its feed 6,920.48 kW', () => {
    const doc = campus(withUnit('hydro', 'ctr-hyd40'));
    expect(load(doc, 'hall-power', 'cbh-c')).toBeCloseTo(6_920.48, 6);
    expect(load(doc, 'hall-cooling', 'cbh-c')).toBeCloseTo(6_110.048, 6);
    expect(load(doc, 'zone-air', 'c-east')).toBeCloseTo(90.048, 6);
  });
  it('with the tank in, 15 fan walls of 6,020 / 15 kW hold on the limit; of 401.3 kW (6,019.5 kW) they fail by 0.5 kW', () => {
    const walls = (kw: number) => (d: FleetDoc) => (withUnit('immersion', 'tank-imm48')(d), (d.halls.find((h) => h.id === 'cbh-c')!.cooling.unitCapacityKw = kw));
    expect(checkFleet(campus(walls(6_020 / 15))).violations.filter((v) => v.rule === 'hall-cooling')).toEqual([]);
    const v = only(checkFleet(campus(walls(401.3))).violations, 'hall-cooling');
    expect(v.value).toBeCloseTo(6_020, 6);
    expect(v.margin).toBeCloseTo(-0.5, 6);
  });
  it('the tank’s 256.224 kW go to the hall’s facility water: none is an error; one dry cooler of 256.224 kW holds on the limit, of 256.2 kW fails by 0.024 kW', () => {
    const water = (kw: number) => (d: FleetDoc) => (withUnit('immersion', 'tank-imm48')(d), (d.halls.find((h) => h.id === 'cbh-c')!.facilityWater = { unitCount: kw ? 1 : 0, unitCapacityKw: kw, redundancy: 'N' }));
    const none = only(checkFleet(campus(water(0))).violations, 'facility-water');
    expect(none).toMatchObject({ limit: 0, objectIds: ['cbh-c'] });
    expect(none.value).toBeCloseTo(256.224, 9);
    expect(checkFleet(campus(water(256.224))).violations.filter((v) => v.rule === 'facility-water')).toEqual([]);
    expect(only(checkFleet(campus(water(256.2))).violations, 'facility-water').margin).toBeCloseTo(-0.024, 9);
  });
  it('a hydro container’s liquid heat leaves through its own dry coolers: Building C’s facility water carries none of its 810.432 kW', () => {
    const doc = campus(withUnit('hydro', 'ctr-hyd40'));
    expect(checkFleet(doc).violations.filter((v) => v.rule === 'facility-water')).toEqual([]);
  });
  it('bare hydro miners in a hydro corner: 20 S21 Hyd on a shelf rack, 20 × 5.36 = 107.2 kW, send 0.9 × 107.2 = 96.48 kW to facility water and 10.72 kW to the fan walls', () => {
    const doc = campus((d) => {
      withUnit('hydro', 'ant-s21hyd')(d);
      d.placements.pop();
      d.models.push({ ...d.models.find((m) => m.id === 'rack-s19xp')!, id: 'rack-s21hyd', name: 'Shelf rack of 20 S21 Hyd', powerKw: 107.2, heatToLiquidFraction: 0.9, compatibleCooling: ['hydro'] });
      d.placements.push({ id: 'unit', hallId: 'cbh-c', modelId: 'rack-s21hyd', xM: 57.5, yM: 12, rotationDeg: 90, powerSourceId: null, powerSourceBId: null, label: 'U1' });
    });
    const v = only(checkFleet(doc).violations, 'facility-water');
    expect(v.value).toBeCloseTo(96.48, 9);
    expect(load(doc, 'hall-cooling', 'cbh-c')).toBeCloseTo(6_020 + 10.72, 6);
  });
  it('the live checker agrees, the tank dropped in as an edit and taken out again', () => {
    const doc = campus((d) => withUnit('immersion', 'tank-imm48')(d));
    const tank = doc.placements.pop()!;
    const live = new LiveChecker(doc);
    const added = applyCommand(doc, { type: 'insert', entities: { table: 'placements', items: [tank] } });
    const coolingLoad = (r: ReturnType<LiveChecker['result']>) => r.headroom.find((h) => h.kind === 'hall-cooling' && h.id === 'cbh-c')!.load;
    expect(coolingLoad(live.update(added.doc, added.changes))).toBeCloseTo(6_020, 6);
    // The same headroom, listed in the order each checker met it: the facility water's first appears with the tank.
    const byKey = (r: { headroom: Headroom[] }) => [...r.headroom].sort((x, y) => `${x.kind}:${x.id}`.localeCompare(`${y.kind}:${y.id}`));
    expect(byKey(live.result())).toEqual(byKey(checkFleet(added.doc)));
    const removed = applyCommand(added.doc, { type: 'remove', table: 'placements', ids: ['unit'] });
    expect(coolingLoad(live.update(removed.doc, removed.changes))).toBeCloseTo(6_020, 6);
  });
  it('a tank\'s own loop (the catalog\'s cooling capacity) must carry its liquid heat: 256.224 kW on a 256.224 kW loop holds, on 256.2 kW it is an error, live and in full', () => {
    const rated = (kw: number) => campus((d) => (withUnit('immersion', 'tank-imm48')(d), (d.models.find((m) => m.id === 'tank-imm48')!.coolingCapacityKw = kw)));
    expect(checkFleet(rated(256.224)).violations.filter((v) => v.rule === 'own-loop')).toEqual([]);
    const doc = rated(256.2);
    // The campus's immersion yard holds 48 tanks of the same model: each is over too, and the Problems panel lists them as one line.
    const over = checkFleet(doc).violations.filter((v) => v.rule === 'own-loop');
    expect(over).toHaveLength(49);
    const v = over.find((x) => x.objectIds[0] === 'unit')!;
    expect(v).toMatchObject({ severity: 'error', limit: 256.2, unit: 'kW' });
    expect(v.value).toBeCloseTo(256.224, 9);
    expect(v.margin).toBeCloseTo(-0.024, 9);
    expect(describeViolation(v, 'metric')).toContain('liquid heat over the unit’s own cooling loop');
    expect(new LiveChecker(doc).result().violations.filter((x) => x.rule === 'own-loop')).toHaveLength(49);
  });
  it('where the tanks stand under the hall’s own method, its plant is their dry coolers: the immersion yard’s 20 × 720 kW, N+1, carry 48 × 256.224 = 12,298.752 kW', () => {
    const doc = sampleCampus();
    const yard = checkFleet(doc).headroom.find((h) => h.kind === 'hall-cooling' && h.id === 'okl-yard')!;
    expect(yard.capacity).toBe(19 * 720);
    expect(yard.load).toBeCloseTo(12_298.752, 6);
  });
});

describe('redundancy asked of a plant with one unit: a warning, the unit still counted whole', () => {
  // Hall 1's plant rejects 634.8 kW (above). One unit of 634.8 kW under N+1 holds it on the
  // limit: a lone unit is counted (1 × 634.8 = 634.8 kW), but the spare asked for is not there,
  // so 634.8 kW of cooling stand with none behind them. Its facility water, one dry cooler of
  // 224.4 kW under N+1 against the CDU's 224.4 kW, likewise.
  const lone = (redundancy: 'N' | 'N+1' | '2N') => (d: FleetDoc) => {
    Object.assign(hall(d).cooling, { unitCount: 1, unitCapacityKw: 634.8, redundancy });
    Object.assign(hall(d).facilityWater, { unitCount: 1, unitCapacityKw: 224.4, redundancy });
  };
  it('N+1 with one cooling unit and one dry cooler: two warnings, every capacity holding on its limit', () => {
    const v = check(lone('N+1'));
    expect(v.map((x) => x.id)).toEqual(['cooling-redundancy:sm-h1:plant', 'cooling-redundancy:sm-h1:water']);
    expect(v.map((x) => x.severity)).toEqual(['warning', 'warning']);
    expect(v[0]).toMatchObject({ value: 634.8, limit: 0, message: 'Hall 1 (N+1 asked, but 1 cooling unit leaves none to hold back)' });
    expect(v[1]).toMatchObject({ value: 224.4, limit: 0, message: 'Hall 1 (N+1 asked, but 1 facility cooling unit leaves none to hold back)' });
    expect(describeViolation(v[0]!, 'metric')).toBe('Hall 1 (N+1 asked, but 1 cooling unit leaves none to hold back): cooling counted with no spare behind it — 634.8 kW without a spare');
  });
  it('2N with one unit warns the same; N asks for no spare and does not', () => {
    expect(check(lone('2N')).map((x) => x.message)).toEqual(['Hall 1 (2N asked, but 1 cooling unit leaves none to hold back)', 'Hall 1 (2N asked, but 1 facility cooling unit leaves none to hold back)']);
    expect(check(lone('N'))).toEqual([]);
  });
  it('two units under N+1 hold one back and have their spare: 1 × 634.8 kW usable, no warning', () => {
    expect(check((d) => (lone('N+1')(d), (hall(d).cooling.unitCount = 2), (hall(d).facilityWater.unitCount = 2)))).toEqual([]);
  });
  it('a lone dry cooler under N+1 carrying no CDU heat (the CDU and its racks gone) is no warning: it holds nothing a spare would back', () => {
    const noLiquid = (d: FleetDoc) => {
      lone('N+1')(d);
      d.placements = d.placements.filter((p) => !['sm-cdu01-01', 'sm-gpu01-01', 'sm-gpu01-02'].includes(p.id));
    };
    expect(check(noLiquid).map((x) => x.id)).not.toContain('cooling-redundancy:sm-h1:water');
  });
  it('the live checker warns as the full check does, and drops the warning when a second unit comes', () => {
    const doc = structuredClone(sampleSmall());
    lone('N+1')(doc);
    const live = new LiveChecker(doc);
    expect(live.result().violations).toEqual(checkFleet(doc).violations);
    const more = applyCommand(doc, { type: 'update', table: 'halls', id: 'sm-h1', patch: { cooling: { ...hall(doc).cooling, unitCount: 2 } } });
    expect(live.update(more.doc, more.changes).violations.map((x) => x.id)).toEqual(['cooling-redundancy:sm-h1:water', LONE_CDU]);
  });
});

describe('redundancy asked of one CDU or CRAH: the same warning, where they serve', () => {
  // The AI corner's liquid heat, 2 × 132 × 0.85 = 224.4 kW, rests on one CDU of 1,200 kW
  // under the hall's N+1: counted whole, with no spare behind its 1,200 kW.
  const warnings = (edit: Edit) => {
    const doc = structuredClone(sampleSmall());
    edit(doc);
    return checkFleet(doc).violations.filter((v) => v.rule === 'cooling-redundancy');
  };
  it("the sample's AI corner: 1,200 kW counted with no spare", () => {
    const [v] = warnings(() => undefined);
    expect(v).toMatchObject({ id: LONE_CDU, severity: 'warning', value: 1200, limit: 0, objectIds: ['sm-cdu01-01'], message: 'Zone AI corner in Hall 1 (N+1 asked, but 1 CDU leaves none to hold back)' });
    expect(describeViolation(v!, 'metric')).toBe('Zone AI corner in Hall 1 (N+1 asked, but 1 CDU leaves none to hold back): cooling counted with no spare behind it — 1,200 kW without a spare');
  });
  it('a second CDU in the zone is its spare; under N no spare is asked; a CDU with no liquid heat to carry holds nothing a spare would back', () => {
    expect(warnings((d) => d.placements.push({ ...placement(d, 'sm-cdu01-01'), id: 'cdu-2', xM: 26.5 }))).toEqual([]);
    expect(warnings((d) => (hall(d).cooling.redundancy = 'N'))).toEqual([]);
    expect(warnings((d) => (d.placements = d.placements.filter((p) => !p.id.startsWith('sm-gpu'))))).toEqual([]);
  });
  it('2N asks half of one unit held back: the lone CDU warns the same', () => {
    expect(warnings((d) => (hall(d).cooling.redundancy = '2N')).map((v) => v.message)).toEqual(['Zone AI corner in Hall 1 (2N asked, but 1 CDU leaves none to hold back)']);
  });
  it("a hall cooled as a whole counts its CDUs as one set: without zones the lone CDU is the hall's", () => {
    const v = warnings((d) => (d.zones = []));
    expect(v).toMatchObject([{ id: 'cooling-redundancy:sm-h1:cdu', value: 1200, objectIds: ['sm-cdu01-01'], message: 'Hall 1 (N+1 asked, but 1 CDU leaves none to hold back)' }]);
  });
  it("a lone CRAH warns once the zone's air heat needs it: 51.6 + 8 (the CRAH's own draw) = 59.6 kW over the zone's own 40 kW of air; on 59.6 kW of its own the CRAH carries nothing", () => {
    const crah = (own: number) => (d: FleetDoc) => {
      d.zones.find((z) => z.id === 'sm-z-ai')!.airCoolingKw = own;
      const m = model(d, 'crah-150');
      d.placements.push({ id: 'crah-1', hallId: 'sm-h1', modelId: m.id, xM: 27, yM: 12, rotationDeg: 0, powerSourceId: 'sm-pdu01-01', powerSourceBId: null, label: 'CRAH 1' });
      return m;
    };
    let capacityKw = 0;
    const v = warnings((d) => (capacityKw = crah(40)(d).coolingCapacityKw));
    expect(v.map((x) => x.id)).toEqual([LONE_CDU, 'cooling-redundancy:sm-z-ai:crah']);
    expect(v[1]).toMatchObject({ value: capacityKw, objectIds: ['crah-1'], message: 'Zone AI corner in Hall 1 (N+1 asked, but 1 CRAH leaves none to hold back)' });
    expect(warnings((d) => void crah(59.6)(d)).map((x) => x.id)).toEqual([LONE_CDU]);
  });
  it('the live checker warns as the full check does, and drops the warning when a second CDU comes', () => {
    const doc = structuredClone(sampleSmall());
    // The second CDU's 12 kW go to the zone's air: 2 × 132 × 0.15 + 2 × 12 = 63.6 kW.
    doc.zones.find((z) => z.id === 'sm-z-ai')!.airCoolingKw = 63.6;
    const live = new LiveChecker(doc);
    expect(live.result().violations).toEqual(checkFleet(doc).violations);
    const more = applyCommand(doc, { type: 'insert', entities: { table: 'placements', items: [{ ...placement(doc, 'sm-cdu01-01'), id: 'cdu-2', xM: 26.5 }] } });
    expect(live.update(more.doc, more.changes).violations).toEqual([]);
    expect(checkFleet(more.doc).violations).toEqual([]);
  });
});

describe('zone air: air heat against the zone air cooling', () => {
  // AI corner: 2 × 132 × (1 − 0.85) + 12 (CDU, all to air) + 0 (PDU, busway) = 39.6 + 12 = 51.6 kW
  it('passes at 51.6 kW', () => expect(check((d) => (d.zones.find((z) => z.id === 'sm-z-ai')!.airCoolingKw = 51.6))).toEqual([]));
  it('fails at 51.5 kW', () => {
    const v = only(check((d) => (d.zones.find((z) => z.id === 'sm-z-ai')!.airCoolingKw = 51.5)), 'zone-air');
    expect(v.value).toBeCloseTo(51.6, 9);
    expect(v.message).toBe('Zone AI corner in Hall 1');
  });
  it('a zone named as the app names a new one ("Zone 2") reads "Zone 2 in Hall 1", not "Zone Zone 2"', () => {
    const v = only(check((d) => Object.assign(d.zones.find((z) => z.id === 'sm-z-ai')!, { airCoolingKw: 51.5, name: 'Zone 2' })), 'zone-air');
    expect(v.message).toBe('Zone 2 in Hall 1');
  });
});

describe('zone liquid: liquid heat against the CDUs serving the zone', () => {
  // 2 × 132 × 0.85 = 224.4 kW against one CDU
  it('passes at 224.4 kW of CDU', () => expect(check((d) => (model(d, 'cdu-1200').coolingCapacityKw = 224.4))).toEqual([]));
  it('fails at 224.3 kW', () => expect(only(check((d) => (model(d, 'cdu-1200').coolingCapacityKw = 224.3)), 'zone-liquid').value).toBeCloseTo(224.4, 9));
  it('holds one of two CDUs back under N+1: two 224.4 kW CDUs count as one', () => {
    const two = check((d) => {
      model(d, 'cdu-1200').coolingCapacityKw = 200;
      d.placements.push({ ...placement(d, 'sm-cdu01-01'), id: 'cdu-2', xM: 26.5 });
    });
    // 224.4 > 200 (one counted) even though 2 × 200 = 400 stand in the zone
    expect(only(two, 'zone-liquid').limit).toBe(200);
  });
  it('cold-plate racks in a zone with no CDU break it: 224.4 kW of liquid heat against 0', () => {
    const v = only(check((d) => (d.placements = d.placements.filter((p) => p.id !== 'sm-cdu01-01'))), 'zone-liquid');
    expect(v.limit).toBe(0);
    expect(v.value).toBeCloseTo(224.4, 9);
  });
  it('units that reject their liquid heat through their own loop need no CDU: an immersion tank', () => {
    const violations = check((d) => {
      d.placements = d.placements.filter((p) => p.id !== 'sm-cdu01-01' && !p.id.startsWith('sm-gpu'));
      d.placements.push({ ...placement(d, 'sm-pdu01-01'), id: 'tank-1', modelId: 'tank-imm48', xM: 26.5, yM: 12, powerSourceId: 'sm-pdu01-01' });
    });
    expect(violations.filter((v) => v.rule === 'zone-liquid')).toEqual([]);
  });
});

describe('heat outside every cooling zone', () => {
  // The zones leave a 0.5 m strip (x 19.5–20 m) between them: a GB200 rack centred in it
  // is counted by neither zone's CRAHs or CDUs, so its 132 kW is cooled by nothing.
  const inStrip: Edit = (d) => d.placements.push({ ...placement(d, 'sm-gpu01-01'), id: 'stray', xM: 19.75, yM: 12, powerSourceId: null, label: 'Stray' });
  it('a rack in the strip between two zones breaks it by its 132 kW, and selecting the problem selects the rack', () => {
    const v = only(check(inStrip), 'hall-unzoned');
    expect(v).toMatchObject({ objectIds: ['stray'], value: 132, limit: 0, margin: -132, quantity: 'heat' });
    expect(describeViolation(v, 'metric')).toBe('1 unit in Hall 1 (Stray): heat outside every cooling zone of a hall cooled zone by zone: no CRAH, CDU or zone air counts it — 132 kW in no zone');
  });
  it('the same rack inside the AI corner passes this rule', () => {
    expect(check((d) => { inStrip(d); placement(d, 'stray').xM = 20.5; }).filter((v) => v.rule === 'hall-unzoned')).toEqual([]);
  });
  it('a hall without zones is cooled as a whole: nothing stands outside a zone', () => {
    expect(check((d) => { inStrip(d); d.zones = []; }).filter((v) => v.rule === 'hall-unzoned')).toEqual([]);
  });
  it('the live checker finds it as the rack is dropped, and lets it go as the rack moves into a zone', () => {
    const doc = structuredClone(sampleSmall());
    const live = new LiveChecker(doc);
    const rack = { ...placement(doc, 'sm-gpu01-01'), id: 'stray', xM: 19.75, yM: 12, powerSourceId: null, label: 'Stray' };
    const dropped = applyCommand(doc, { type: 'insert', entities: { table: 'placements', items: [rack] } });
    expect(live.update(dropped.doc, dropped.changes).violations.filter((v) => v.rule === 'hall-unzoned').map((v) => v.objectIds)).toEqual([['stray']]);
    const moved = applyCommand(dropped.doc, { type: 'move', moves: [{ id: 'stray', xM: 20.5, yM: 12 }] });
    expect(live.update(moved.doc, moved.changes).violations.filter((v) => v.rule === 'hall-unzoned')).toEqual([]);
  });
});

describe('zones in their hall, halls on their site', () => {
  // The AI corner runs to x = 30 m, the hall's east wall; the site is 100 × 50 m.
  it('a hall narrowed to 29.5 m leaves the AI corner 0.5 m outside it (and the equipment there too)', () => {
    const violations = check((d) => (hall(d).widthM = 29.5));
    const v = only(violations, 'zone-outside-hall');
    expect(v).toMatchObject({ objectIds: ['sm-z-ai'], value: 0.5, limit: 0 });
    expect(describeViolation(v, 'metric')).toBe('Zone AI corner sticks out of Hall 1: cooling zone outside its hall — 0.5 m outside the hall');
  });
  it('a hall at x = 70 m on a 100 m site fits exactly; at 75 m it sticks out by 5 m', () => {
    expect(check((d) => (hall(d).siteXM = 70)).filter((v) => v.rule === 'hall-outside-site')).toEqual([]);
    expect(only(check((d) => (hall(d).siteXM = 75)), 'hall-outside-site')).toMatchObject({ objectIds: ['sm-h1'], value: 5, message: 'Hall 1 sticks out of Test site' });
  });
  it('a millimetre out is out, on every side, as it is for equipment: a hall at x = 70.001 m or y = 20.001 m (30 m deep on a 50 m site), a zone in a hall 1 mm narrower', () => {
    expect(only(check((d) => (hall(d).siteXM = 70.001)), 'hall-outside-site').value).toBeCloseTo(0.001, 9);
    expect(only(check((d) => (hall(d).siteYM = 50 - hall(d).depthM + 0.001)), 'hall-outside-site').value).toBeCloseTo(0.001, 9);
    expect(only(check((d) => (hall(d).widthM = 29.999)), 'zone-outside-hall').value).toBeCloseTo(0.001, 9);
  });
  it('Hall 1 spans x 10–40 m: a second hall from x = 40 m stands beside it; from 35 m they overlap by 5 m, live and in full', () => {
    const withSecond = (x: number) => (d: FleetDoc) => d.halls.push({ ...hall(d), id: 'sm-h2', name: 'Hall 2', siteXM: x });
    expect(check(withSecond(40)).filter((v) => v.rule === 'halls-overlap')).toEqual([]);
    const v = only(check(withSecond(35)), 'halls-overlap');
    expect(v).toMatchObject({ objectIds: ['sm-h1', 'sm-h2'], siteId: 'sm', value: 5, message: 'Hall 1 and Hall 2' });
    expect(describeViolation(v, 'metric')).toBe('Hall 1 and Hall 2: halls overlap on the site — 5 m of overlap');
    // Moved clear in the live checker, the overlap goes.
    const doc = structuredClone(sampleSmall());
    withSecond(35)(doc);
    const live = new LiveChecker(doc);
    expect(live.update(doc, []).violations.filter((x) => x.rule === 'halls-overlap')).toHaveLength(1);
    const moved = applyCommand(doc, { type: 'update', table: 'halls', id: 'sm-h2', patch: { siteXM: 41 } });
    expect(live.update(moved.doc, moved.changes).violations.filter((x) => x.rule === 'halls-overlap')).toEqual([]);
  });
});

describe('rack density against the cooling method it stands under', () => {
  // The 8 shelf racks (72.9 kW) stand in the mining zone, which takes the hall's free-air
  // cooling: the hall's own limit holds them. The 2 GB200 racks (132 kW) stand in the AI
  // corner, a direct-to-chip zone: the direct-to-chip default, 150 kW, holds them whatever
  // the hall's free-air limit is.
  const gb200Kw = (kw: number) => (d: FleetDoc) => (model(d, 'nvl72-gb200').powerKw = kw);
  const density = (edit: Edit) => check(edit).filter((x) => x.rule === 'rack-density');
  it('passes the shelf racks at a hall limit of 72.9 kW', () => expect(density((d) => (hall(d).densityLimitKwPerRack = 72.9))).toEqual([]));
  it('fails the 8 shelf racks, and no GB200 rack, at 72.8 kW: 72.9 − 72.8 = 0.1 kW over', () => {
    const v = density((d) => (hall(d).densityLimitKwPerRack = 72.8));
    expect(v.map((x) => x.objectIds[0]).sort()).toEqual(['sm-m01-01', 'sm-m01-02', 'sm-m01-03', 'sm-m01-04', 'sm-m01-05', 'sm-m01-06', 'sm-m01-07', 'sm-m01-08']);
    expect(v[0]!.margin).toBeCloseTo(-0.1, 9);
    expect(v[0]!.message).toMatch(/under free-air cooling$/);
  });
  it('holds the GB200 racks to the free-air default no more: with the hall at 80 kW (its default) they pass under direct-to-chip, 132 ≤ 150', () => {
    expect(density((d) => (hall(d).densityLimitKwPerRack = null))).toEqual([]);
    expect(density((d) => (hall(d).densityLimitKwPerRack = 1))).toHaveLength(8);
  });
  it('passes a 150 kW GB200 rack in the direct-to-chip corner and fails one of 150.1 kW by 0.1 kW, naming direct-to-chip', () => {
    expect(density(gb200Kw(150))).toEqual([]);
    const v = density(gb200Kw(150.1));
    expect(v.map((x) => x.objectIds[0]).sort()).toEqual(['sm-gpu01-01', 'sm-gpu01-02']);
    expect(v[0]).toMatchObject({ limit: 150, value: 150.1 });
    expect(v[0]!.margin).toBeCloseTo(-0.1, 9);
    expect(v.map((x) => x.message).sort()).toEqual(['1.1 (GB200 NVL72 rack) under direct-to-chip cooling', '1.2 (GB200 NVL72 rack) under direct-to-chip cooling']);
  });
  it('holds a rack in a zone of the hall’s own method, named or not, to the hall’s limit: the AI corner set to free-air holds the GB200s to 131.9 kW', () => {
    const v = density((d) => {
      d.zones.find((z) => z.id === 'sm-z-ai')!.coolingMethod = 'free-air';
      hall(d).densityLimitKwPerRack = 131.9;
    });
    expect(v.map((x) => x.objectIds[0]).sort()).toEqual(['sm-gpu01-01', 'sm-gpu01-02']);
    expect(v[0]!.margin).toBeCloseTo(-0.1, 9);
  });
  it('uses the method default when the hall sets none: direct-to-chip 150 kW, air 30 kW', () => {
    // (The shelf racks then also stand under a method they do not run under: the cooling-method rule's, tested below.)
    expect(density((d) => Object.assign(hall(d), { densityLimitKwPerRack: null, cooling: { ...hall(d).cooling, method: 'direct-to-chip' } }))).toEqual([]);
    // air: 30 kW per rack — the 8 shelf racks are over; the GB200s stand under direct-to-chip
    expect(density((d) => Object.assign(hall(d), { densityLimitKwPerRack: null, cooling: { ...hall(d).cooling, method: 'air' } }))).toHaveLength(8);
  });
  it('a 40 ft immersion container brings its own cooling and is no rack: not held to the 300 kW immersion default; a 48-miner tank is, and its 256.2 kW is within it', () => {
    const withUnit = (modelId: string) => (d: FleetDoc) => {
      Object.assign(hall(d), { densityLimitKwPerRack: null, cooling: { ...hall(d).cooling, method: 'immersion' } });
      // The AI corner takes the hall's immersion too, so the unit dropped in it stands under the hall's limit.
      d.zones.find((z) => z.id === 'sm-z-ai')!.coolingMethod = null;
      d.placements.push({ ...placement(d, 'sm-gpu01-01'), id: 'unit', modelId, xM: 24, yM: 11, powerSourceId: null, label: 'U1' });
    };
    expect(check(withUnit('ctr-imm40')).filter((v) => v.rule === 'rack-density' && v.objectIds[0] === 'unit')).toEqual([]);
    expect(check(withUnit('tank-imm48')).filter((v) => v.rule === 'rack-density' && v.objectIds[0] === 'unit')).toEqual([]);
    const tank = model(sampleSmall(), 'tank-imm48');
    const overTank = check((d) => (withUnit('tank-imm48')(d), (hall(d).densityLimitKwPerRack = tank.powerKw - 0.1))).filter((v) => v.rule === 'rack-density' && v.objectIds[0] === 'unit');
    expect(overTank).toHaveLength(1);
    expect(overTank[0]!.margin).toBeCloseTo(-0.1, 9);
  });
  it('a GPU server is held to the same per-rack limit: 150.1 kW over direct-to-chip’s 150 kW is 0.1 kW over', () => {
    const asServer = (d: FleetDoc) => {
      for (const m of d.models) if (m.id === placement(d, 'sm-gpu01-01').modelId) m.kind = 'gpu-server';
    };
    expect(check(asServer)).toEqual([]);
    const v = density((d) => (asServer(d), gb200Kw(150.1)(d)));
    expect(v.map((x) => x.objectIds[0]).sort()).toEqual(['sm-gpu01-01', 'sm-gpu01-02']);
    expect(v[0]!.margin).toBeCloseTo(-0.1, 9);
  });
  it('the live checker holds each rack to the method it stands under, as the full check does', () => {
    const doc = structuredClone(sampleSmall());
    hall(doc).densityLimitKwPerRack = 72.8;
    gb200Kw(150.1)(doc);
    const live = new LiveChecker(doc).result().violations.filter((x) => x.rule === 'rack-density');
    expect(live).toEqual(checkFleet(doc).violations.filter((x) => x.rule === 'rack-density'));
    expect(live).toHaveLength(10);
  });
});

describe('power chain: apparent power through cascaded sources against rating × derate', () => {
  // kVA = kW / PF. The PDU feeds the busway (2 GB200 × 132 kW / 0.98 = 2 × 134.693878 = 269.387755 kVA)
  // and the CDU (12 kW / 0.9 = 13.333333 kVA): 282.721088 kVA ≤ 0.8 × rating, so the rating on the
  // limit is 282.721088 / 0.8 = 353.401361 kVA.
  const pduKva = (2 * 132) / 0.98 + 12 / 0.9;
  it('the sample draws at the kinds’ power factors', () => {
    expect(model(sampleSmall(), 'nvl72-gb200').powerFactor).toBe(0.98);
    expect(model(sampleSmall(), 'cdu-1200').powerFactor).toBe(0.9);
    expect(pduKva).toBeCloseTo(282.721088, 6);
  });
  it('passes exactly on the limit, a 353.401361 kVA rating', () => expect(check((d) => (model(d, 'pdu-400').ratingKva = pduKva / 0.8))).toEqual([]));
  it('fails 0.1 kVA under it, in kVA', () => {
    const v = only(check((d) => (model(d, 'pdu-400').ratingKva = pduKva / 0.8 - 0.1)), 'power-source');
    expect(v.value).toBeCloseTo(282.721088, 6);
    expect(v.limit).toBeCloseTo(282.721088 - 0.08, 6);
    expect(v.unit).toBe('kVA');
    expect(describeViolation(v, 'us')).toContain('kVA');
  });
  it('at power factor 1 a kVA rating carries the same kW: the file a migration brought over checks as before', () => {
    // 2 × 132 + 12 = 276 kVA ≤ 0.8 × 345.
    const pf1 = (d: FleetDoc) => d.models.forEach((m) => (m.powerFactor = 1));
    expect(check((d) => (pf1(d), (model(d, 'pdu-400').ratingKva = 345)))).toEqual([]);
    expect(only(check((d) => (pf1(d), (model(d, 'pdu-400').ratingKva = 344.9))), 'power-source').value).toBeCloseTo(276, 9);
  });
  it('the derate is the fleet setting: at 282.721088 / 400 the 400 kVA PDU carries its load exactly', () => {
    expect(check((d) => (d.fleet.continuousLoadDerate = pduKva / 400))).toEqual([]);
    expect(only(check((d) => (d.fleet.continuousLoadDerate = 0.7)), 'power-source').limit).toBeCloseTo(280, 9);
  });
  it('a loop of sources is reported', () => {
    const v = check((d) => (placement(d, 'sm-pdu01-01').powerSourceId = 'sm-bw1'));
    expect(v.some((x) => x.rule === 'power-cycle')).toBe(true);
  });
});

describe('floor loading: weight over footprint plus service strips', () => {
  // GB200: 1,360 kg / (0.6 × (1.068 + 2 × 0.5)) = 1,360 / 1.2408 = 1,096.07 kg/m²
  const load = 1360 / (0.6 * (1.068 + 2 * 0.5));
  it('passes at that slab limit', () => expect(check((d) => (hall(d).floorLimitKgPerM2 = load + 1e-7))).toEqual([]));
  it('fails just under it, for both racks, and reads in lb/ft² for US users', () => {
    const v = check((d) => (hall(d).floorLimitKgPerM2 = 1096)).filter((x) => x.rule === 'floor-load');
    expect(v).toHaveLength(2);
    expect(v[0]!.value).toBeCloseTo(1096.07, 2);
    // 1,096.07 kg/m² / 4.8824 = 224.492 lb/ft² against 1,096 / 4.8824 = 224.478: 0.014 over, so three
    // decimals (at one, value and limit would both read 224.5).
    expect(describeViolation(v[0]!, 'us')).toContain('value 224.492 lb/ft², limit 224.478 lb/ft², over by 0.014 lb/ft²');
  });
});

describe('site: IT × PUE against the interconnect and the transformers; hall feeds against the transformers as a warning', () => {
  // IT (miners and GPUs, not the CDU): 583.2 + 264 = 847.2 kW × PUE 1.1 = 931.92 kW
  it('passes at 0.93192 MW', () => expect(check((d) => (d.sites[0]!.interconnectMw = 0.93192))).toEqual([]));
  it('fails at 0.9319 MW', () => expect(only(check((d) => (d.sites[0]!.interconnectMw = 0.9319)), 'site-interconnect').value).toBeCloseTo(931.92, 6));
  it('on the limit, its headroom is 0, not the −1.1e-13 that 847.2 × 1.1 − 931.92 leaves in floating point: Headroom, the single line and the print say "0 kW left", not "over by 0 kW"', () => {
    const doc = sampleSmall();
    doc.sites[0]!.interconnectMw = 0.93192;
    expect(847.2 * 1.1 - 931.92).not.toBe(0);
    const grid = checkFleet(doc).headroom.find((h) => h.kind === 'site-interconnect')!;
    expect(grid.load).toBeCloseTo(931.92, 9);
    expect(Object.is(grid.headroom, 0)).toBe(true);
  });
  it('transformers carry the load flowing through them: 931.92 kW on 0.93192 MW passes, on 0.9319 MW is an error', () => {
    expect(check((d) => (d.sites[0]!.transformerCapacityMw = 0.93192)).filter((v) => v.severity === 'error')).toEqual([]);
    const v = only(check((d) => (d.sites[0]!.transformerCapacityMw = 0.9319)), 'site-transformer');
    expect(v.value).toBeCloseTo(931.92, 6);
    expect(v.severity).toBe('error');
  });
  it('the sum of hall feeds over the transformers is a warning: the 1,000 kW feed on 1.0 MW passes, on 0.999 MW warns', () => {
    expect(check((d) => (d.sites[0]!.transformerCapacityMw = 1))).toEqual([]);
    const v = only(check((d) => (d.sites[0]!.transformerCapacityMw = 0.999)), 'site-feeds');
    expect(v.severity).toBe('warning');
    expect(v.margin).toBeCloseTo(-1, 9);
  });
});

describe('geometry', () => {
  // Rack 1 is 2 m wide centred at x = 2.5: its west edge is at 1.5 m.
  it('inside the hall: the west edge on the wall passes, 1 cm past fails', () => {
    expect(check((d) => (placement(d, 'sm-m01-01').xM = 1.0))).toEqual([]);
    const v = only(check((d) => (placement(d, 'sm-m01-01').xM = 0.99)), 'outside-hall');
    expect(v.value).toBeCloseTo(0.01, 9);
  });
  it('busway sections running the same way may touch end to end, not lie on one another; a run crossing another passes at another height', () => {
    // Busway 1 (800 A, 2.4 × 0.3 m, along x) spans x 22.0–24.4 at y 2.734. A second section from x 24.4 touches it;
    // from x 24.3 they share 0.1 × 0.3 = 0.03 m² of tray. Turned 90° across it at its middle, the two cross.
    const second = (xM: number, rotationDeg: 0 | 90) => (d: FleetDoc) => d.placements.push({ ...placement(d, 'sm-bw1'), id: 'bw-x', label: 'Busway X', xM, rotationDeg, powerSourceId: null });
    expect(check(second(25.6, 0)).filter((v) => v.rule === 'overlap')).toEqual([]);
    const v = only(check(second(25.5, 0)), 'overlap');
    expect(v).toMatchObject({ objectIds: ['bw-x', 'sm-bw1'], message: 'Busway X (Overhead busway 800 A, 415 V (2.4 m run)) and Busway 1 (Overhead busway 800 A, 415 V (2.4 m run)) overlap' });
    expect(v.value).toBeCloseTo(0.03, 9);
    expect(check(second(23.2, 90)).filter((v) => v.rule === 'overlap')).toEqual([]);
    const doc = sampleSmall();
    second(25.5, 0)(doc);
    expect(new LiveChecker(doc).result().violations.filter((x) => x.rule === 'overlap')).toHaveLength(1);
  });
  it('racks touching side by side pass; 0.1 m into each other overlap by 0.1 × 0.7 = 0.07 m²', () => {
    // Rack 2 at x = 4.6 spans 3.6..5.6; rack 1 moved to 1.6 spans 0.6..2.6 — no: put it flush at 3.6 − 1 = 2.6
    expect(check((d) => (placement(d, 'sm-m01-01').xM = 2.6))).toEqual([]);
    const v = only(check((d) => (placement(d, 'sm-m01-01').xM = 2.7)), 'overlap');
    expect(v.value).toBeCloseTo(0.07, 9);
    // Each figure reads within 10 % of itself: 0.07 m², and 0.12 m² rather than 0.1.
    expect(describeViolation(v, 'metric')).toMatch(/0\.07 m²/);
    expect(describeViolation({ ...v, value: 0.12 }, 'metric')).toMatch(/0\.12 m²/);
  });
  it('front clearance: 1.2 m free in front of a rack passes, 1.1 m fails', () => {
    // Rack 1 faces north: its front edge is at y = 2.55 − 0.35 = 2.2. A CDU (0.6 × 1.2 m) whose south edge
    // is 1.2 m north of it sits at y = 2.2 − 1.2 − 0.6 = 0.4; its own rear clearance (0.6) then faces north.
    const put = (southEdge: number) => (d: FleetDoc) =>
      d.placements.push({ ...placement(d, 'sm-cdu01-01'), id: 'cdu-x', xM: 2.5, yM: southEdge - 0.6, rotationDeg: 180, powerSourceId: null });
    expect(check(put(2.2 - 1.2)).filter((v) => v.rule === 'clearance')).toEqual([]);
    const v = only(check(put(2.2 - 1.1)), 'clearance');
    expect(v.objectIds).toEqual(['sm-m01-01', 'cdu-x']);
    expect(v.value).toBeCloseTo(1.1, 9);
    expect(v.limit).toBe(1.2);
    // A least value: 0.1 m short of it, not over it.
    expect(describeViolation(v, 'metric')).toMatch(/: service clearance blocked — value 1.1 m, at least 1.2 m needed, short by 0.1 m$/);
    // A breach smaller than the one decimal shown reads as what it is, in as many decimals as
    // keep the value off its limit: not "value 1.2 m, at least 1.2 m needed, short by 0.01 m".
    expect(describeViolation({ ...v, value: 1.16, margin: -0.04 }, 'metric')).toMatch(/value 1.16 m, at least 1.2 m needed, short by 0.04 m$/);
    expect(describeViolation({ ...v, value: 1.19, margin: -0.01 }, 'metric')).toMatch(/value 1.19 m, at least 1.2 m needed, short by 0.01 m$/);
    expect(describeViolation({ ...v, value: 1.1999, margin: -0.0001 }, 'metric')).toMatch(/value 1.1999 m, at least 1.2 m needed, short by 0.0001 m$/);
  });
  it('one rack of a row turned round is a row orientation warning', () => {
    const v = check((d) => (placement(d, 'sm-m01-03').rotationDeg = 180)).filter((x) => x.rule === 'aisle-orientation');
    expect(v.map((x) => x.objectIds.join('+')).sort()).toEqual(['sm-m01-02+sm-m01-03', 'sm-m01-03+sm-m01-04']);
    expect(v[0]!.severity).toBe('warning');
    expect(describeViolation(v[0]!, 'metric')).toMatch(/: opposite facings within one row$/);
  });
});

describe('a front facing another row’s back across an aisle draws its exhaust: a warning', () => {
  // Hall 1's miner row: 8 shelf racks, x 1.5–18.2, y 2.2–2.9 (0.7 m deep), facing north (front
  // at y 2.2, back at 2.9). A second row of them, `gapM` south of it, facing `rotationDeg`.
  const secondRow = (gapM: number, rotationDeg: 0 | 180) => (d: FleetDoc) => {
    const row = d.placements.filter((p) => p.id.startsWith('sm-m01-'));
    d.placements.push(...row.map((p) => ({ ...p, id: `${p.id}-s`, label: `${p.label}S`, yM: p.yM + 0.7 + gapM, rotationDeg })));
  };
  const exhaust = (v: Violation[]) => v.filter((x) => x.rule === 'aisle-exhaust');
  it('facing the same way 2.9 m behind it: each of the 8 fronts faces a back, 2.9 m away, 0.7 m short of 3.6 m', () => {
    const v = exhaust(check(secondRow(2.9, 0)));
    expect(v).toHaveLength(8);
    expect(v[0]).toMatchObject({ severity: 'warning', objectIds: ['sm-m01-01-s', 'sm-m01-01'] });
    expect(v[0]!.value).toBeCloseTo(2.9, 9);
    expect(describeViolation(v[0]!, 'metric')).toMatch(/faces the back of .*: front facing another row’s exhaust across an aisle — value 2\.9 m, at least 3\.6 m needed, short by 0\.7 m$/);
    const doc = sampleSmall();
    secondRow(2.9, 0)(doc);
    expect(exhaust(new LiveChecker(doc).result().violations)).toHaveLength(8);
  });
  it('at 3.599 m still, short by 0.001 m; at 3.6 m (six 600 mm tiles) no longer; facing each other or back to back never', () => {
    const v = exhaust(check(secondRow(3.599, 0)));
    expect(v).toHaveLength(8);
    expect(describeViolation(v[0]!, 'metric')).toMatch(/value 3\.599 m, at least 3\.6 m needed, short by 0\.001 m$/);
    expect(exhaust(check(secondRow(3.6, 0)))).toEqual([]);
    // Turned south, the second row's back faces the first row's back: a hot aisle.
    expect(exhaust(check(secondRow(2.9, 180)))).toEqual([]);
  });
  it('a unit that sends all its heat to liquid breathes no exhaust', () => {
    expect(exhaust(check((d) => {
      secondRow(2.9, 0)(d);
      d.models = d.models.map((m) => (m.id === 'rack-s21xp' ? { ...m, heatToLiquidFraction: 1, compatibleCooling: [...m.compatibleCooling, 'direct-to-chip'] } : m));
    }))).toEqual([]);
  });
});

describe('unfed: every miner, rack, tank or GPU system, and the CDUs and CRAHs that cool them, names a source', () => {
  it('the sample feeds everything (0 kW unfed is on the limit)', () => expect(check(() => undefined).filter((v) => v.rule === 'unfed')).toEqual([]));
  it('two racks taken off their busway: an error naming both, with their 2 × 72.9 = 145.8 kW', () => {
    const v = only(check((d) => ['sm-m01-01', 'sm-m01-02'].forEach((id) => (placement(d, id).powerSourceId = null))), 'unfed');
    expect(v.objectIds).toEqual(['sm-m01-01', 'sm-m01-02']);
    expect(v.value).toBeCloseTo(145.8, 9);
    expect(v.severity).toBe('error');
    expect(describeViolation(v, 'metric')).toBe('2 units in Hall 1 (1.1, 1.2): IT or cooling equipment fed by no power source — 145.8 kW unfed');
  });
  it('names the first units as a reader looks for them, numbers in order: MR7, MR8, MR9 and 5 more', () => {
    const labels = ['MR10', 'MR9', 'MR14', 'MR8', 'MR11', 'MR7', 'MR12', 'MR13'];
    const v = only(check((d) => labels.forEach((label, i) => Object.assign(placement(d, `sm-m01-0${i + 1}`), { powerSourceId: null, label }))), 'unfed');
    expect(v.message).toBe('8 units in Hall 1 (MR7, MR8, MR9 and 5 more)');
  });
  it('a rack fed only from its B source is fed', () => {
    expect(check((d) => Object.assign(placement(d, 'sm-m01-01'), { powerSourceId: null, powerSourceBId: 'sm-mbw1' })).filter((v) => v.rule === 'unfed')).toEqual([]);
  });
  // A CDU without power pumps nothing: the racks' liquid heat goes nowhere. Its 12 kW is named.
  it('an unfed CDU is an error with its 12 kW; a CDU drawing nothing (a passive one) needs no feed', () => {
    const v = only(check((d) => (placement(d, 'sm-cdu01-01').powerSourceId = null)), 'unfed');
    expect(v.objectIds).toEqual(['sm-cdu01-01']);
    expect(v.value).toBeCloseTo(12, 9);
    expect(check((d) => ((placement(d, 'sm-cdu01-01').powerSourceId = null), (model(d, 'cdu-1200').powerKw = 0))).filter((x) => x.rule === 'unfed')).toEqual([]);
  });
});

describe('A/B feeds: each source carries the whole load alone', () => {
  // Both GB200s take the miners' run as their B feed. That run then carries
  // 8 × 72.9 / 0.95 + 2 × 132 / 0.98 = 613.894737 + 269.387755 = 883.282492 kVA; its rating on the limit is / 0.8.
  const runKva = (8 * 72.9) / 0.95 + (2 * 132) / 0.98;
  const ab = (d: FleetDoc) => ['sm-gpu01-01', 'sm-gpu01-02'].forEach((id) => (placement(d, id).powerSourceBId = 'sm-mbw1'));
  it('over the 0.8 × 898.5 = 718.8 kVA run: an error with the whole load counted', () => {
    const v = only(check(ab), 'power-source');
    expect(v.objectIds).toEqual(['sm-mbw1']);
    expect(v.value).toBeCloseTo(883.282492, 6);
    expect(v.limit).toBeCloseTo(718.8, 9);
  });
  it('the A side still counts them in full too (busway 1: 269.387755 kVA), and a run rated exactly 883.282492 / 0.8 kVA passes', () => {
    expect(checkFleet((() => { const d = structuredClone(sampleSmall()); ab(d); return d; })()).headroom.find((h) => h.id === 'sm-bw1')!.load).toBeCloseTo(269.387755, 6);
    expect(check((d) => (ab(d), (model(d, 'busway-1250').ratingKva = runKva / 0.8)))).toEqual([]);
  });
  it('a B feed naming the A source again counts once', () => {
    expect(check((d) => (placement(d, 'sm-m01-01').powerSourceBId = 'sm-mbw1'))).toEqual([]);
  });
});

describe('A and B feeds that meet upstream: the shared source carries the load once, and the feeds are reported', () => {
  // New → Small fleet, rack 1.2 (A: Busway 1, which hangs from PDU 1.1) given PDU 1.1 itself as its B feed.
  // PDU 1.1 carries Busway 1 (racks 1.1 and 1.2: 2 × 132 / 0.98 = 269.387755 kVA) and the CDU (12 / 0.9 = 13.333333 kVA);
  // rack 1.2 reaches it again by its B feed, but whichever path carries the rack, its 134.693878 kVA reaches PDU 1.1 once:
  // 269.387755 + 13.333333 = 282.721088 kVA against 400 × 0.8 = 320 kVA (not 282.721088 + 134.693878 = 417.414966).
  const pduKva = (2 * 132) / 0.98 + 12 / 0.9;
  const rackKva = 132 / 0.98;
  const bFromPdu = (d: FleetDoc) => (placement(d, 'sm-gpu01-02').powerSourceBId = 'sm-pdu01-01');
  const loadOf = (edit: Edit, id: string) => {
    const doc = structuredClone(sampleSmall());
    edit(doc);
    return checkFleet(doc).headroom.find((h) => h.id === id)!.load;
  };
  /** A second PDU and its own busway beside the first, as rack 1.2's B chain; `feed` feeds PDU 2. */
  const secondChain = (feed: string | null) => (d: FleetDoc) => {
    d.placements.push(
      { ...placement(d, 'sm-pdu01-01'), id: 'pdu2', label: 'PDU 2', xM: 26, powerSourceId: feed },
      { ...placement(d, 'sm-bw1'), id: 'bw2', label: 'Busway 2', yM: 4, powerSourceId: 'pdu2' },
    );
    placement(d, 'sm-gpu01-02').powerSourceBId = 'bw2';
  };
  const skidOver = (...ids: string[]) => (d: FleetDoc) => {
    d.placements.push({ ...placement(d, 'sm-pdu01-01'), id: 'skid', modelId: 'pdu-skid3000', label: 'Skid 1', xM: 27, yM: 12, powerSourceId: null });
    for (const id of ids) placement(d, id).powerSourceId = 'skid';
  };

  it('the small fleet case: PDU 1.1 carries 282.721088 kVA, not 417.4, and a rating of exactly 282.721088 / 0.8 = 353.401361 kVA passes its limit', () => {
    expect(loadOf(bFromPdu, 'sm-pdu01-01')).toBeCloseTo(282.721088, 6);
    expect(loadOf(bFromPdu, 'sm-bw1')).toBeCloseTo(2 * rackKva, 6);
    const onLimit = check((d) => (bFromPdu(d), (model(d, 'pdu-400').ratingKva = pduKva / 0.8)));
    expect(onLimit.filter((v) => v.rule === 'power-source')).toEqual([]);
    expect(only(check((d) => (bFromPdu(d), (model(d, 'pdu-400').ratingKva = pduKva / 0.8 - 0.1))), 'power-source').value).toBeCloseTo(282.721088, 6);
  });

  it('and it says the rack’s A and B share PDU 1.1: an error with the rack’s 134.693878 kVA, naming the shared source', () => {
    const v = only(check(bFromPdu), 'shared-source');
    expect(v.severity).toBe('error');
    expect(v.objectIds).toEqual(['sm-gpu01-02', 'sm-pdu01-01']);
    expect(v.value).toBeCloseTo(rackKva, 6);
    expect(describeViolation(v, 'metric')).toBe(
      '1.2 (GB200 NVL72 rack): its A feed, Busway 1, hangs from its B feed, 1.1 (Floor PDU 400 kVA): A and B feeds meeting at one source — 134.7 kVA fed through it by both A and B',
    );
  });

  it('B from a second PDU that nothing placed feeds: the chains meet only at the site’s transformers, which is the limit: no error, each PDU carrying the rack in full', () => {
    const v = check(secondChain(null));
    expect(v).toEqual([]);
    // PDU 1.1 as in the sample, 282.721088 kVA; PDU 2 carries rack 1.2 alone: 134.693878 kVA.
    expect(loadOf(secondChain(null), 'sm-pdu01-01')).toBeCloseTo(pduKva, 6);
    expect(loadOf(secondChain(null), 'pdu2')).toBeCloseTo(rackKva, 6);
  });

  it('both PDUs hung from one skid: the skid carries rack 1.2 once, 282.721088 kVA, and is named as where A and B meet', () => {
    // Skid: PDU 1.1 (282.721088, rack 1.2 in it) + PDU 2 (134.693878, rack 1.2 again) − rack 1.2 once = 282.721088 kVA.
    const bothUnderSkid = (d: FleetDoc) => (secondChain('skid')(d), skidOver('sm-pdu01-01')(d));
    expect(loadOf(bothUnderSkid, 'skid')).toBeCloseTo(282.721088, 6);
    const v = only(check(bothUnderSkid), 'shared-source');
    expect(v.objectIds).toEqual(['sm-gpu01-02', 'skid']);
    expect(v.message).toBe('1.2 (GB200 NVL72 rack): its A feed, Busway 1, and B feed, Busway 2, both hang from Skid 1 (Power distribution skid 3000 kVA)');
  });

  it('a source reached by two paths counts once: Busway 2 fed A from PDU 1.1 and B from PDU 2, both under the skid', () => {
    // Skid: CDU 13.333333 + Busway 1 269.387755 + Busway 2 134.693878 − rack 1.2 (on both busways) 134.693878 = 282.721088 kVA.
    const edit = (d: FleetDoc) => (secondChain('skid')(d), skidOver('sm-pdu01-01')(d), (placement(d, 'bw2').powerSourceBId = 'sm-pdu01-01'));
    expect(loadOf(edit, 'skid')).toBeCloseTo(282.721088, 6);
    // Busway 2 has a way up past PDU 1.1 (through PDU 2), so only the skid is on every path of both feeds.
    expect(only(check(edit), 'shared-source').objectIds).toEqual(['sm-gpu01-02', 'skid']);
  });

  it('a B chain with a way round the shared PDU is independent of it: Busway 2 fed A from PDU 2 and B from PDU 1.1, PDU 2 fed by nothing placed', () => {
    const edit = (d: FleetDoc) => (secondChain(null)(d), (placement(d, 'bw2').powerSourceBId = 'sm-pdu01-01'));
    expect(check(edit).filter((v) => v.rule === 'shared-source')).toEqual([]);
    // PDU 1.1: CDU 13.333333 + Busway 1 269.387755 + Busway 2 134.693878 − rack 1.2 once = 282.721088 kVA.
    expect(loadOf(edit, 'sm-pdu01-01')).toBeCloseTo(282.721088, 6);
  });

  it('two racks on the same pair of feeds make one problem naming both, with 2 × 134.693878 kVA', () => {
    const v = only(check((d) => ['sm-gpu01-01', 'sm-gpu01-02'].forEach((id) => (placement(d, id).powerSourceBId = 'sm-pdu01-01'))), 'shared-source');
    expect(v.objectIds).toEqual(['sm-gpu01-01', 'sm-gpu01-02', 'sm-pdu01-01']);
    expect(v.value).toBeCloseTo(2 * rackKva, 6);
    expect(v.message).toBe('2 units: their A feed, Busway 1, hangs from their B feed, 1.1 (Floor PDU 400 kVA)');
  });

  it('the live checker finds it as the B feed is set and lets it go as it is moved to an independent chain', () => {
    const doc = structuredClone(sampleSmall());
    secondChain(null)(doc);
    const live = new LiveChecker(doc);
    const meet = applyCommand(doc, { type: 'update', table: 'placements', id: 'pdu2', patch: { powerSourceId: 'sm-pdu01-01' } });
    // PDU 2 hung from PDU 1.1: Busway 2's chain now passes through PDU 1.1, and PDU 1.1 carries rack 1.2 once.
    const met = live.update(meet.doc, meet.changes);
    expect(only(met.violations, 'shared-source').objectIds).toEqual(['sm-gpu01-02', 'sm-pdu01-01']);
    expect(met.headroom.find((h) => h.id === 'sm-pdu01-01')!.load).toBeCloseTo(282.721088, 6);
    const apart = applyCommand(meet.doc, { type: 'update', table: 'placements', id: 'pdu2', patch: { powerSourceId: null } });
    expect(withoutLoneCdu(live.update(apart.doc, apart.changes).violations)).toEqual([]);
  });
});

describe('single feed: a unit whose model takes A and B feeds has both', () => {
  const dual = (d: FleetDoc) => (model(d, 'nvl72-gb200').dualFeed = true);
  const runKva = (8 * 72.9) / 0.95 + (2 * 132) / 0.98;
  const bFeeds = (d: FleetDoc) => ['sm-gpu01-01', 'sm-gpu01-02'].forEach((id) => (placement(d, id).powerSourceBId = 'sm-mbw1'));
  it('both GB200 racks on their A busway only: an error each, with its 132 kW, listed alike', () => {
    const hits = check(dual).filter((v) => v.rule === 'single-feed');
    expect(hits.map((v) => v.objectIds[0])).toEqual(['sm-gpu01-01', 'sm-gpu01-02']);
    expect(hits.map((v) => v.value)).toEqual([132, 132]);
    expect(hits[0]!.modelId).toBe('nvl72-gb200');
    expect(describeViolation(hits[0]!, 'metric')).toBe('1.1 (GB200 NVL72 rack) takes A and B feeds and has only its A feed: unit that takes A and B feeds fed from one source — 132 kW on one feed');
  });
  it('given B feeds from the miners\' run (rated exactly for 883.282492 kVA / 0.8) every limit holds; a B naming the A source again is one feed', () => {
    expect(check((d) => (dual(d), bFeeds(d), (model(d, 'busway-1250').ratingKva = runKva / 0.8)))).toEqual([]);
    expect(only(check((d) => (dual(d), bFeeds(d), (model(d, 'busway-1250').ratingKva = runKva / 0.8), (placement(d, 'sm-gpu01-02').powerSourceBId = 'sm-bw1'))), 'single-feed').objectIds).toEqual(['sm-gpu01-02']);
  });
  it('only a B feed is one feed too; no feed at all is the unfed rule\'s alone', () => {
    const bOnly = only(check((d) => (dual(d), bFeeds(d), (model(d, 'busway-1250').ratingKva = runKva / 0.8), (placement(d, 'sm-gpu01-01').powerSourceId = null))), 'single-feed');
    expect(bOnly.message).toContain('has only its B feed');
    const none = check((d) => (dual(d), ['sm-gpu01-01', 'sm-gpu01-02'].forEach((id) => (placement(d, id).powerSourceId = null))));
    expect(none.filter((v) => v.rule === 'single-feed')).toEqual([]);
    expect(only(none, 'unfed').value).toBe(264);
  });
});

describe('power class: a source is fed from its own class or above', () => {
  const withSource = (modelId: string, feed: string | null) => (d: FleetDoc) => {
    d.placements.push({ ...placement(d, 'sm-pdu01-01'), id: 'src', modelId, xM: 27, yM: 12, powerSourceId: feed, label: 'S1' });
  };
  it('a switchboard fed from a PDU is refused by the check, naming both', () => {
    const v = only(check(withSource('pdu-skid3000', 'sm-pdu01-01')), 'power-class');
    expect(v.objectIds).toEqual(['src', 'sm-pdu01-01']);
    expect(v.message).toBe('S1 (Power distribution skid 3000 kVA) (switchboard / skid / UPS) is fed from 1.1 (Floor PDU 400 kVA) (PDU / busway)');
  });
  it('a busway fed from a PDU (one class) and a PDU fed from a transformer (above) pass', () => {
    expect(check(() => undefined).filter((v) => v.rule === 'power-class')).toEqual([]);
    expect(check((d) => (withSource('xfmr-2500', null)(d), (placement(d, 'sm-pdu01-01').powerSourceId = 'src'))).filter((v) => v.rule === 'power-class')).toEqual([]);
  });
});

describe('power modules: a modular source counts on its modules less the spares', () => {
  // The PDU carries 282.721088 kVA (above). Split into 4 modules with one spare (N+1), it may
  // carry 3/4 of its rating × 0.8 = 0.6 × rating: on the limit at 282.721088 / 0.6 = 471.201814 kVA.
  const pduKva = (2 * 132) / 0.98 + 12 / 0.9;
  const modular = (ratingKva: number, moduleRedundancy: 'N' | 'N+1' | '2N', moduleCount = 4) => (d: FleetDoc) => Object.assign(model(d, 'pdu-400'), { ratingKva, moduleCount, moduleRedundancy });
  it('N+1 of 4 passes exactly on the limit, a 471.201814 kVA rating', () => expect(check(modular(pduKva / 0.6, 'N+1'))).toEqual([]));
  it('N+1 of 4 fails 0.1 kVA under it: the limit is 3/4 × 0.8 of the rating, and the message says how', () => {
    const v = only(check(modular(pduKva / 0.6 - 0.1, 'N+1')), 'power-source');
    expect(v.limit).toBeCloseTo((pduKva / 0.6 - 0.1) * 0.6, 9);
    expect(v.value).toBeCloseTo(282.721088, 6);
    expect(v.message).toBe(`1.1 (Floor PDU 400 kVA), ${pduKva / 0.6 - 0.1} kVA, 3 of 4 modules (N+1) × 0.8 continuous`);
  });
  it('2N of 4 counts 2 modules: 400 kVA carries 0.8 × 200 = 160 kVA; N counts all 4 (320 kVA); one module N+1 holds none back', () => {
    expect(only(check(modular(400, '2N')), 'power-source').limit).toBeCloseTo(160, 9);
    expect(check(modular(400, 'N'))).toEqual([]);
    expect(check(modular(400, 'N+1', 1))).toEqual([]);
  });
  it('the built-in UPS (1000 kVA, 4 × 250 kVA, N+1) above the PDU carries its 282.721088 kVA within 0.8 × 750 = 600 kVA', () => {
    const ups = (d: FleetDoc) => {
      d.placements.push({ ...placement(d, 'sm-pdu01-01'), id: 'ups', modelId: 'ups-1000', xM: 27, yM: 12, powerSourceId: null, label: 'UPS 1' });
      placement(d, 'sm-pdu01-01').powerSourceId = 'ups';
    };
    const doc = structuredClone(sampleSmall());
    ups(doc);
    const room = checkFleet(doc).headroom.find((h) => h.id === 'ups')!;
    expect(room.capacity).toBeCloseTo(600, 9);
    expect(room.load).toBeCloseTo(282.721088, 6);
    // The UPS holding back a second spare (2N: 2 of 4) leaves 0.8 × 500 = 400 kVA, still enough; its rating cut to 471.2 kVA at N+1 is not.
    expect(check((d) => (ups(d), (model(d, 'ups-1000').moduleRedundancy = '2N'))).filter((v) => v.rule === 'power-source')).toEqual([]);
    expect(only(check((d) => (ups(d), (model(d, 'ups-1000').ratingKva = 471.2))), 'power-source').objectIds).toEqual(['ups']);
  });
});

describe('cooling method: a unit stands under a method it runs under', () => {
  it('an immersion tank dropped among free-air miners: an error with its whole 256.224 kW', () => {
    const v = only(check((d) => d.placements.push({ ...placement(d, 'sm-m01-01'), id: 'tank', modelId: 'tank-imm48', xM: 10, yM: 10, label: 'T1' })), 'cooling-method');
    expect(v.objectIds).toEqual(['tank']);
    expect(v.value).toBeCloseTo(256.224, 9);
    expect(v.message).toBe('T1 (Single-phase immersion tank, 48 × WhatsMiner M66S+) runs under immersion, not free-air');
    // Its kW is heat no cooling it runs under takes: there is no limit it is over.
    expect(describeViolation(v, 'metric')).toBe('T1 (Single-phase immersion tank, 48 × WhatsMiner M66S+) runs under immersion, not free-air: unit in a cooling method it does not run under — 256.2 kW of heat with no cooling it runs under');
  });
  it('a UPS (no heat of its own counted) in the free-air mining zone, which it is not built for: an error that says no figure, not "0 kW of heat"', () => {
    const v = only(check((d) => d.placements.push({ ...placement(d, 'sm-m01-01'), id: 'ups', modelId: 'ups-1000', xM: 10, yM: 10, label: 'UPS 1' })), 'cooling-method');
    expect(v).toMatchObject({ severity: 'error', value: 0, objectIds: ['ups'] });
    expect(describeViolation(v, 'metric')).toMatch(/^UPS 1 \(.*\) runs under .*, not free-air: unit in a cooling method it does not run under$/);
  });
  it('GB200s in the direct-to-chip zone pass; with the zone following its free-air hall, both are errors', () => {
    const v = check((d) => (d.zones.find((z) => z.id === 'sm-z-ai')!.coolingMethod = null)).filter((x) => x.rule === 'cooling-method');
    expect(v.map((x) => x.objectIds[0]).sort()).toEqual(['sm-cdu01-01', 'sm-gpu01-01', 'sm-gpu01-02']);
  });
});

describe('liquid heat reaches CDUs in a hall without zones; CDU heat reaches facility water', () => {
  // CDU heat: 2 GB200 × 132 kW × 0.85 = 224.4 kW.
  const noZones = (d: FleetDoc) => (d.zones = []);
  const rule = (vs: Violation[], r: Violation['rule']) => vs.filter((v) => v.rule === r);
  it('the hall as a whole: one 1,200 kW CDU carries 224.4 kW; a CDU of exactly 224.4 kW passes, 224.3 fails', () => {
    expect(rule(check(noZones), 'hall-liquid')).toEqual([]);
    expect(rule(check((d) => (noZones(d), (model(d, 'cdu-1200').coolingCapacityKw = 224.4))), 'hall-liquid')).toEqual([]);
    const v = only(check((d) => (noZones(d), (model(d, 'cdu-1200').coolingCapacityKw = 224.3))), 'hall-liquid');
    expect(v.value).toBeCloseTo(224.4, 9);
    expect(v.limit).toBeCloseTo(224.3, 9);
  });
  it('no CDU at all: liquid heat is an error outside zones too (limit 0)', () => {
    const v = only(check((d) => (noZones(d), (d.placements = d.placements.filter((p) => p.id !== 'sm-cdu01-01')))), 'hall-liquid');
    expect([v.limit, v.value]).toEqual([0, expect.closeTo(224.4, 9)]);
  });
  it('two CDUs under N+1: one held back, so each must carry it alone', () => {
    const twoSmall = (d: FleetDoc) => {
      noZones(d);
      model(d, 'cdu-1200').coolingCapacityKw = 200;
      d.placements.push({ ...placement(d, 'sm-cdu01-01'), id: 'cdu2', xM: 27, label: 'CDU 2' });
    };
    expect(only(check(twoSmall), 'hall-liquid').limit).toBe(200);
  });
  it('facility water: 2 × 300 kW dry coolers N+1 leave 300 ≥ 224.4; 2 × 224.4 passes, 2 × 224.3 fails; under 2N one of two counts', () => {
    expect(rule(check((d) => (hall(d).facilityWater.unitCapacityKw = 224.4)), 'facility-water')).toEqual([]);
    const v = only(check((d) => (hall(d).facilityWater.unitCapacityKw = 224.3)), 'facility-water');
    expect([v.limit, v.value]).toEqual([224.3, expect.closeTo(224.4, 9)]);
    expect(only(check((d) => Object.assign(hall(d).facilityWater, { unitCount: 2, unitCapacityKw: 200, redundancy: '2N' })), 'facility-water').limit).toBe(200);
  });
});

describe('wall clearance: front and rear service space inside the hall', () => {
  // Rack 1 faces north, 0.7 m deep, front clearance 1.2 m: at y = 0.35 + 1.2 = 1.55 its strip ends on the wall.
  it('on the wall passes, 1 cm past fails by 0.01 m', () => {
    expect(check((d) => (placement(d, 'sm-m01-01').yM = 1.55))).toEqual([]);
    const v = only(check((d) => (placement(d, 'sm-m01-01').yM = 1.54)), 'wall-clearance');
    expect(v.value).toBeCloseTo(0.01, 9);
  });
  it('turned to face south, its 1.5 m rear strip is what meets the north wall: 0.35 + 1.5 = 1.85 passes, 1.8 fails by 0.05', () => {
    expect(check((d) => Object.assign(placement(d, 'sm-m01-01'), { yM: 1.85, rotationDeg: 180 })).filter((v) => v.rule === 'wall-clearance')).toEqual([]);
    expect(only(check((d) => Object.assign(placement(d, 'sm-m01-01'), { yM: 1.8, rotationDeg: 180 })), 'wall-clearance').value).toBeCloseTo(0.05, 9);
  });
});

describe('a listing message names the units it counts', () => {
  it('the first three by id, then how many more: five miner racks taken off their busway', () => {
    const ids = ['sm-m01-01', 'sm-m01-02', 'sm-m01-03', 'sm-m01-04', 'sm-m01-05'];
    const v = only(check((d) => ids.forEach((id) => (placement(d, id).powerSourceId = null))), 'unfed');
    expect(v.message).toBe('5 units in Hall 1 (1.1, 1.2, 1.3 and 2 more)');
    const doc = sampleSmall();
    for (const id of ids) doc.placements.find((p) => p.id === id)!.powerSourceId = null;
    expect(new LiveChecker(doc).result().violations.find((x) => x.rule === 'unfed')!.message).toBe(v.message);
  });
});

describe('a running sum on its limit, at any size', () => {
  it('holds within a billionth of the limit (the live checker’s sums drift from the full check’s in proportion to their size) and breaks past it', () => {
    // 2 GW of feed: a drift of 1e-8 kW is rounding, 0.01 kW is a load.
    expect(exceeds(2_000_000 + 1e-8, 2_000_000)).toBe(false);
    expect(room('hall-power', 'h', 'H', 2_000_000, 2_000_000 + 1e-8).headroom).toBe(0);
    expect(exceeds(2_000_000.01, 2_000_000)).toBe(true);
    expect(room('hall-power', 'h', 'H', 2_000_000, 2_000_000.01).headroom).toBeCloseTo(-0.01, 6);
    // Under 1 the tolerance is 1e-9 itself: 0.5 + 2e-9 breaks 0.5.
    expect(exceeds(0.5 + 2e-9, 0.5)).toBe(true);
  });
});
