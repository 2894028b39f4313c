import { describe, expect, it } from 'vitest';
import { builtInCatalog, builtInModel } from '../../../shared/catalog';
import { footprint, rectContains, rectsOverlap, type Rect } from '../../../shared/geometry/footprint';
import { checkIntegrity, validateFleet } from '../../../shared/model/integrity';
import { FleetDocSchema, type FleetDoc } from '../../../shared/model/schema';
import { blankFleet, generateFleet, listSamples, sampleByName, sampleCampus, sampleSmall, SAMPLES, type SampleName } from '../../../shared/samples';
import { placeRows } from '../../../shared/geometry/rows';
import { checkFleet } from '../../../shared/constraints';
import { isItEquipment, isPowerSource } from '../../../shared/model/load';

/** Footprints of floor-standing placements per hall, grown by their front/back clearances. */
function clearanceRects(doc: FleetDoc): Map<string, { id: string; body: Rect; withClearance: Rect }[]> {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const byHall = new Map<string, { id: string; body: Rect; withClearance: Rect }[]>();
  for (const p of doc.placements) {
    const m = models.get(p.modelId)!;
    if (m.mounting === 'overhead') continue;
    const body = footprint(p, m);
    // Rows in the samples face north (0°) or south (180°): clearances extend along y.
    const north = p.rotationDeg === 180 ? m.clearanceBackM : m.clearanceFrontM;
    const south = p.rotationDeg === 180 ? m.clearanceFrontM : m.clearanceBackM;
    const withClearance = { ...body, minY: body.minY - north, maxY: body.maxY + south };
    const list = byHall.get(p.hallId) ?? [];
    list.push({ id: p.id, body, withClearance });
    byHall.set(p.hallId, list);
  }
  return byHall;
}

describe('the built-in catalog', () => {
  it('says where each figure comes from in sentences a user reads: no "Published data —:" or "Not in Published data —"', () => {
    for (const m of builtInCatalog()) expect(m.source, m.id).not.toMatch(/—:|Not in Published/);
  });
});

describe('built-in catalog', () => {
  it('has every entry valid, sourced and unique', () => {
    const catalog = builtInCatalog();
    expect(new Set(catalog.map((m) => m.id)).size).toBe(catalog.length);
    for (const m of catalog) {
      expect(() => FleetDocSchema.shape.models.element.parse(m), m.id).not.toThrow();
      expect(m.source.length, `${m.id} source`).toBeGreaterThan(20);
      expect(m.builtIn).toBe(true);
    }
  });

  it('derives composite units from the reference figures', () => {
    // 20 × Antminer S21 XP at 3645 W = 72.9 kW and 20 × 270 TH/s = 5400 TH/s.
    const rack = builtInModel('rack-s21xp');
    expect(rack.powerKw).toBeCloseTo(72.9, 9);
    expect(rack.hashrateThs).toBe(5400);
    // 168 × S21 Hyd at 5360 W = 900.48 kW: the source's ~1.9 MW is 168 units of ~11.3 kW, so it
    // is the container's cooling rating here, and its source says so rather than claim 1.9 MW of draw.
    const hydro = builtInModel('ctr-hyd40');
    expect(hydro.powerKw).toBeCloseTo(900.48, 9);
    expect(hydro.coolingCapacityKw).toBe(1_900);
    expect(hydro.source).toContain('168 × 5.36 = 900.5 kW (0.90 MW)');
    expect(hydro.source).toContain('1,900 kW is taken as its heat-rejection rating, not its draw');
    // The GB300 NVL72 weight has no published figure: the source says which figure stands in.
    expect(builtInModel('nvl72-gb300')).toMatchObject({ weightKg: 1_500, source: expect.stringContaining('weight: no published figure found (checked 2026-12)') });
    // 128 × M66S+ at 5338 W + 25 kW fans and pumps = 708.264 kW, under the 720 kW dry cooler.
    expect(builtInModel('ctr-imm40').powerKw).toBeCloseTo(708.264, 9);
    // 4 × DGX B300 at 14.5 kW = 58 kW; √3 × 415 V × 1250 A = 898.5 kW.
    expect(builtInModel('rack-b300x4').powerKw).toBeCloseTo(58, 9);
    expect(builtInModel('busway-1250').ratingKva).toBe(898.5);
  });

  it('returns fresh copies', () => {
    const a = builtInCatalog();
    a[0]!.compatibleCooling.push('immersion');
    a[0]!.powerKw = -1;
    expect(builtInCatalog()[0]!.powerKw).toBeGreaterThan(0);
    expect(builtInCatalog()[0]!.compatibleCooling).not.toContain('immersion');
  });

  it('names a missing entry', () => {
    expect(() => builtInModel('nope')).toThrow(/no model "nope"/);
  });
});

describe('samples', () => {
  const docs: [string, FleetDoc][] = [
    ...listSamples().map(({ name }) => [name, sampleByName(name)] as [string, FleetDoc]),
    ['generated 2,345', generateFleet({ placements: 2_345, seed: 7, sites: 2 })],
    ['blank', blankFleet()],
    // Eleven halls: the last, partial one starts a second row of halls on the site plan.
    ['generated 10,500', generateFleet({ placements: 10_500, seed: 2 })],
  ];

  it.each(docs)('%s passes the schema and integrity with no problems', (_name, doc) => {
    expect(validateFleet(doc).problems).toEqual([]);
    expect(checkIntegrity(doc)).toEqual([]);
  });

  it.each(docs)('%s keeps equipment inside its hall, apart, and clear of other equipment', (_name, doc) => {
    const halls = new Map(doc.halls.map((h) => [h.id, h]));
    for (const [hallId, items] of clearanceRects(doc)) {
      const h = halls.get(hallId)!;
      const hallRect = { minX: 0, minY: 0, maxX: h.widthM, maxY: h.depthM };
      items.sort((a, b) => a.withClearance.minX - b.withClearance.minX);
      for (let i = 0; i < items.length; i++) {
        const a = items[i]!;
        expect(rectContains(hallRect, a.withClearance), `${a.id} inside ${hallId}`).toBe(true);
        for (let j = i + 1; j < items.length && items[j]!.withClearance.minX < a.withClearance.maxX; j++) {
          const b = items[j]!;
          expect(rectsOverlap(a.withClearance, b.body) || rectsOverlap(b.withClearance, a.body), `${a.id} vs ${b.id}`).toBe(false);
        }
      }
    }
  });

  it.each(docs)('%s puts halls inside their site without overlapping', (_name, doc) => {
    for (const site of doc.sites) {
      const rects = doc.halls
        .filter((h) => h.siteId === site.id)
        .map((h) => ({ id: h.id, r: { minX: h.siteXM, minY: h.siteYM, maxX: h.siteXM + h.widthM, maxY: h.siteYM + h.depthM } }));
      for (const [i, a] of rects.entries()) {
        expect(rectContains({ minX: 0, minY: 0, maxX: site.widthM, maxY: site.depthM }, a.r), `${a.id} in ${site.id}`).toBe(true);
        for (const b of rects.slice(i + 1)) expect(rectsOverlap(a.r, b.r), `${a.id} vs ${b.id}`).toBe(false);
      }
    }
  });

  // What a new user opens first is a site that could run: every limit holds, every IT unit is fed. The small
  // sample, for tests, keeps one warning: its AI corner's lone CDU under the hall's N+1, which its rule's tests read.
  const WARNINGS: Partial<Record<SampleName, string[]>> = { small: ['cooling-redundancy:sm-z-ai:cdu'] };
  it.each(listSamples().map(({ name }) => name))('the %s sample passes the full check with no error, only the warnings it is made with, and every IT unit fed from a power source', (name) => {
    const doc = sampleByName(name);
    expect(checkFleet(doc).violations.map((v) => v.id)).toEqual(WARNINGS[name] ?? []);
    const models = new Map(doc.models.map((m) => [m.id, m]));
    const placements = new Map(doc.placements.map((p) => [p.id, p]));
    const isSource = (id: string | null) => id !== null && isPowerSource(models.get(placements.get(id)?.modelId ?? '')?.kind ?? 'asic-miner');
    const it = doc.placements.filter((p) => isItEquipment(models.get(p.modelId)!.kind));
    expect(it.filter((p) => !isSource(p.powerSourceId)).map((p) => p.id)).toEqual([]);
    expect(it.filter((p) => p.powerSourceBId !== null && !isSource(p.powerSourceBId)).map((p) => p.id)).toEqual([]);
  });

  it('campus is realistic and render-friendly', () => {
    const doc = sampleCampus();
    expect(doc.sites.length).toBeGreaterThanOrEqual(3);
    expect(new Set(doc.halls.map((h) => h.kind))).toEqual(new Set(['building', 'container-pad', 'immersion-yard']));
    expect(doc.placements.length).toBeLessThan(3_000);
    const kinds = new Set(doc.placements.map((p) => doc.models.find((m) => m.id === p.modelId)!.kind));
    // The 3000 kVA skid is a switchboard, the class between the busways and the transformers.
    for (const kind of ['miner-rack', 'miner-container', 'immersion-tank', 'gpu-rack', 'cdu', 'busway', 'switchboard']) {
      expect(kinds, kind).toContain(kind);
    }
    const sum = doc.scenarios.reduce((a, s) => a + s.probability, 0);
    expect(sum).toBeCloseTo(1, 12);
    for (const s of doc.scenarios) expect(s.hashpriceUsdPerPhDay).toHaveLength(doc.fleet.horizonPeriods);
    // Every GB200 rack hangs off a busway, every busway off the skid.
    const gpuRacks = doc.placements.filter((p) => p.modelId === 'nvl72-gb200');
    expect(gpuRacks).toHaveLength(16);
    for (const r of gpuRacks) expect(r.powerSourceId).toMatch(/^b-bw/);
  });

  it('is deterministic and fresh on each call', () => {
    expect(sampleCampus()).toEqual(sampleCampus());
    const a = sampleSmall();
    a.placements.pop();
    expect(sampleSmall().placements.length).toBe(a.placements.length + 1);
    expect(generateFleet({ placements: 3_000, seed: 3 })).toEqual(generateFleet({ placements: 3_000, seed: 3 }));
    expect(generateFleet({ placements: 3_000, seed: 3 })).not.toEqual(generateFleet({ placements: 3_000, seed: 4 }));
  });

  it('generates exactly the asked number of placements, 100,000 included', () => {
    const big = generateFleet({ placements: 100_000 });
    expect(big.placements).toHaveLength(100_000);
    expect(new Set(big.placements.map((p) => p.id)).size).toBe(100_000);
    expect(checkIntegrity(big)).toEqual([]);
    expect(generateFleet({ placements: 1 }).placements).toHaveLength(1);
  });

  it('names an unknown sample and the known ones', () => {
    expect(() => sampleByName('nope')).toThrow(/unknown sample "nope" \(known: campus, small, large, portfolio\)/);
    expect(Object.keys(SAMPLES)).toEqual(listSamples().map((s) => s.name));
  });
});

describe('row layout', () => {
  it('spaces back-to-back and front-to-front aisles by both clearances plus the margin', () => {
    // Shelf rack: depth 0.7, front 1.2, back 1.5. Row 1 faces north: minY = 1.5 + 1.2 = 2.7, centre 3.05.
    // Row 2 faces south, backs meet: minY = 3.4 + 1.5 + 1.5 + 0.2 = 6.6, centre 6.95.
    // Row 3 faces north, fronts meet: minY = 7.3 + 1.2 + 1.2 + 0.2 = 9.9, centre 10.25; block ends 10.6 + 1.5 = 12.1.
    const laid = placeRows({ idPrefix: 'r', hallId: 'h', model: builtInModel('rack-s21xp'), rows: 3, perRow: 2, x0M: 1, y0M: 1.5, gapXM: 0.1 });
    expect(laid.placements.map((p) => [p.id, p.xM, p.yM, p.rotationDeg])).toEqual([
      ['r01-01', 2, 3.05, 0],
      ['r01-02', 4.1, 3.05, 0],
      ['r02-01', 2, 6.95, 180],
      ['r02-02', 4.1, 6.95, 180],
      ['r03-01', 2, 10.25, 0],
      ['r03-02', 4.1, 10.25, 0],
    ]);
    expect(laid.maxYM).toBe(12.1);
    expect(laid.maxXM).toBe(5.1);
  });
});
