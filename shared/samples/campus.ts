/**
 * The default document: a three-site mining fleet in the middle of an AI retrofit study.
 * Laid out so that it starts with no violations: every hall's feed, cooling plant (less its
 * redundant unit), density limit and slab carry what stands in it, and rows keep full
 * service aisles. Loads, hand-checked (kW):
 *  - Building A: 500 shelf racks × 72.9 = 36,450 against feed 40,000 and plant 83 × 500.
 *  - Building B: 120 × 72.9 + 16 GB200 × 132 + 3 CDU × 12 + 2 CRAH × 8 = 10,916 against
 *    feed 12,500 and plant 27 × 450; each busway 4 × 132 = 528 ≤ 0.8 × 898.5; the skid
 *    4 × 528 + 36 + 16 = 2,164 ≤ 0.8 × 3,000; pod liquid heat 16 × 132 × 0.85 = 1,795 ≤ 2 × 1,200
 *    (N+1 CDUs); pod air heat 16 × 132 × 0.15 + 52 (CDU and CRAH draw) = 368.8 ≤ zone air 250 + one
 *    CRAH 150 (the other held as spare).
 *  - Hydro pad: 24 × 900.48 = 21,612 against feed 24,000 and plant 25 × 1,000.
 *  - Building C: 100 × 60.2 = 6,020 against feed 7,000 and plant 15 × 450.
 *  - Immersion yard: 48 × 256.2 = 12,299 against feed 13,500 and plant 19 × 720.
 */
import { appendAll } from '../arrays';
import { builtInCatalog } from '../catalog';
import type { EquipmentModel, FleetDoc, Hall, Placement, Zone } from '../model/schema';
import { lbPerFt2ToKgPerM2 } from '../units';
import { idleOption, keepMiningOption, retrofitAiOption } from './economics';
import { placeRows } from '../geometry/rows';
import { economics, fleetMeta, hall, QUARTERS_5Y, site, titleBlock } from './parts';
import { buswayRuns } from '../model/feeds';

/** The retrofit hall's slab was upgraded to a 350 lb/ft² rating for the GB200 pod. */
const AI_SLAB_KG_PER_M2 = Math.round(lbPerFt2ToKgPerM2(350));

export function sampleCampus(): FleetDoc {
  const models = builtInCatalog();
  const model = (id: string): EquipmentModel => {
    const found = models.find((m) => m.id === id);
    if (!found) throw new Error(`sample campus: catalog has no "${id}"`);
    return found;
  };
  const s21xpRack = model('rack-s21xp');
  const s19xpRack = model('rack-s19xp');
  const gb200 = model('nvl72-gb200');
  const meta = fleetMeta('Sample fleet: Pecos Flats, Columbia Basin, Red River', QUARTERS_5Y);
  // Overhead busway runs over the rows, as many units to a run as 0.8 × 898.5 kVA carries.
  const runs = (idPrefix: string, labelPrefix: string, hall: Hall) => ({ busway: model('busway-1250'), derate: meta.continuousLoadDerate, idPrefix, labelPrefix, feedFrom: null, hall });

  const sites = [
    site({
      id: 'wtx',
      name: 'Pecos Flats campus',
      location: 'Reeves County, Texas (ERCOT West)',
      latitudeDeg: 31.42,
      longitudeDeg: -103.49,
      designDryBulbC: 41,
      interconnectMw: 300,
      transformerCapacityMw: 120,
      powerPriceUsdPerMwh: 30,
      demandResponse: { enabled: true, creditUsdPerMwh: 60, maxCurtailmentFraction: 0.1 },
      landHa: 120,
      widthM: 600,
      depthM: 400,
    }),
    site({
      id: 'cbh',
      name: 'Columbia Basin hydro site',
      location: 'Grant County, Washington (hydro PPA)',
      latitudeDeg: 47.13,
      longitudeDeg: -119.28,
      designDryBulbC: 37,
      interconnectMw: 60,
      transformerCapacityMw: 45,
      powerPriceUsdPerMwh: 26,
      landHa: 20,
      widthM: 300,
      depthM: 200,
    }),
    site({
      id: 'okl',
      name: 'Red River immersion yard',
      location: 'Grady County, Oklahoma (SPP)',
      latitudeDeg: 35.03,
      longitudeDeg: -97.94,
      designDryBulbC: 39,
      interconnectMw: 25,
      transformerCapacityMw: 20,
      powerPriceUsdPerMwh: 35,
      demandResponse: { enabled: true, creditUsdPerMwh: 40, maxCurtailmentFraction: 0.15 },
      landHa: 6,
      fiber: false,
      widthM: 150,
      depthM: 100,
    }),
  ];

  const halls: Hall[] = [];
  const zones: Zone[] = [];
  const placements: Placement[] = [];

  // Pecos Flats, Building A: free-air mining hall, ten rows of S21 XP shelf racks.
  const a = hall({
    id: 'wtx-a',
    siteId: 'wtx',
    name: 'Building A (S21 XP)',
    kind: 'building',
    siteXM: 40,
    siteYM: 40,
    widthM: 120,
    depthM: 42,
    floorLimitKgPerM2: 1000,
    feedKw: 40_000,
    plant: { method: 'free-air', unitCount: 84, unitCapacityKw: 500 },
    densityLimitKwPerRack: 80,
    pue: 1.1,
    currentUse: 'mining',
  });
  const aRacks = placeRows({ idPrefix: 'a', hallId: a.id, model: s21xpRack, rows: 10, perRow: 50, x0M: 2, y0M: 1.5, gapXM: 0.1, labelPrefix: 'A' }).placements;
  appendAll(placements, [...aRacks, ...buswayRuns(aRacks, s21xpRack, runs('a-bw', 'Busway A', a))]);
  a.retrofitOptions = [keepMiningOption(a, s21xpRack, 500), retrofitAiOption(a, gb200), idleOption(a)];
  halls.push(a);

  // Pecos Flats, Building B: the west half still mines, the east half is the first GB200 pod.
  const b = hall({
    id: 'wtx-b',
    siteId: 'wtx',
    name: 'Building B (AI retrofit, phase 1)',
    kind: 'building',
    siteXM: 200,
    siteYM: 40,
    widthM: 80,
    depthM: 40,
    floorLimitKgPerM2: AI_SLAB_KG_PER_M2,
    feedKw: 12_500,
    plant: { method: 'free-air', unitCount: 28, unitCapacityKw: 450 },
    // Dry coolers on the pod's facility water: 1,795.2 kW of CDU heat ≤ 2 × 1,000 (N+1 of 3).
    facilityWater: { unitCount: 3, unitCapacityKw: 1_000 },
    densityLimitKwPerRack: 140,
    pue: 1.15,
    currentUse: 'ai',
  });
  zones.push(
    { id: 'wtx-b-mine', hallId: b.id, name: 'Mining bay (fan walls)', xM: 0, yM: 0, widthM: 48, depthM: 40, airCoolingKw: 9_500, coolingMethod: null },
    { id: 'wtx-b-pod1', hallId: b.id, name: 'GB200 pod 1', xM: 50, yM: 0, widthM: 30, depthM: 40, airCoolingKw: 250, coolingMethod: 'direct-to-chip' },
  );
  const bRacks = placeRows({ idPrefix: 'bm', hallId: b.id, model: s21xpRack, rows: 6, perRow: 20, x0M: 2, y0M: 1.5, gapXM: 0.1, labelPrefix: 'BM' }).placements;
  appendAll(placements, [...bRacks, ...buswayRuns(bRacks, s21xpRack, runs('bm-bw', 'Busway BM', b))]);
  const skid = placeRows({ idPrefix: 'b-skid', hallId: b.id, model: model('pdu-skid3000'), rows: 1, perRow: 1, x0M: 70.8, y0M: 3, labelPrefix: 'Skid ' });
  const skidId = skid.placements[0]!.id;
  const busway = model('busway-1250');
  const racksPerBusway = 4;
  const buswayId = (row: number, unit: number): string => `b-bw${row + 1}${Math.floor(unit / racksPerBusway) + 1}`;
  const pod = placeRows({
    idPrefix: 'b-gpu',
    hallId: b.id,
    model: gb200,
    rows: 2,
    perRow: 8,
    x0M: 56,
    y0M: 3,
    powerSourceId: buswayId,
    labelPrefix: 'NVL72 ',
  });
  // One overhead busway run above each group of four racks, in line with the row.
  const busways: Placement[] = [];
  for (let row = 0; row < 2; row++) {
    for (let unit = 0; unit < 8; unit += racksPerBusway) {
      const first = pod.placements[row * 8 + unit]!;
      busways.push({
        id: buswayId(row, unit),
        hallId: b.id,
        modelId: busway.id,
        xM: first.xM - gb200.widthM / 2 + busway.widthM / 2,
        yM: first.yM,
        rotationDeg: first.rotationDeg,
        powerSourceId: skidId,
        powerSourceBId: null,
        label: `Busway ${row + 1}.${unit / racksPerBusway + 1}`,
      });
    }
  }
  const cdus = placeRows({ idPrefix: 'b-cdu', hallId: b.id, model: model('cdu-1200'), rows: 1, perRow: 3, x0M: 56, y0M: pod.maxYM + 0.2, gapXM: 0.3, powerSourceId: () => skidId, labelPrefix: 'CDU ' });
  const crahs = placeRows({ idPrefix: 'b-crah', hallId: b.id, model: model('crah-150'), rows: 1, perRow: 2, x0M: 56, y0M: cdus.maxYM + 1, gapXM: 0.5, powerSourceId: () => skidId, labelPrefix: 'CRAH ' });
  appendAll(placements, [...skid.placements, ...pod.placements, ...busways, ...cdus.placements, ...crahs.placements]);
  b.retrofitOptions = [keepMiningOption(b, s21xpRack, 120), retrofitAiOption(b, gb200), idleOption(b)];
  halls.push(b);

  // Columbia Basin: a pad of hydro containers and an older S19 XP building due for repowering.
  const pad = hall({
    id: 'cbh-pad',
    siteId: 'cbh',
    name: 'Hydro container pad',
    kind: 'container-pad',
    siteXM: 30,
    siteYM: 30,
    widthM: 90,
    depthM: 45,
    floorLimitKgPerM2: 2000,
    feedKw: 24_000,
    plant: { method: 'hydro', unitCount: 26, unitCapacityKw: 1_000 },
    densityLimitKwPerRack: 1_000,
    pue: 1.05,
    currentUse: 'mining',
  });
  const hydroContainer = model('ctr-hyd40');
  // Each pad-mount transformer feeds two containers: 2 × 900.48 kW / 0.95 = 1,895.7 kVA ≤ 0.8 × 2,500.
  const columns = 6;
  const containerGapM = 1.5;
  const containers = placeRows({ idPrefix: 'h', hallId: pad.id, model: hydroContainer, rows: 4, perRow: columns, x0M: 3, y0M: 2, gapXM: containerGapM, labelPrefix: 'HC' });
  // Two transformers south of each column of containers, within their cables' reach: the first feeds
  // the column's two north containers, the second its two south ones.
  const transformer = model('xfmr-2500');
  const txGapM = (hydroContainer.widthM + containerGapM) / 2 - transformer.widthM;
  const padTransformers = placeRows({ idPrefix: 'h-tx', hallId: pad.id, model: transformer, rows: 1, perRow: 2 * columns, x0M: 3, y0M: containers.maxYM + 1.5, gapXM: txGapM, labelPrefix: 'TX ' });
  containers.placements.forEach((p, i) => {
    const row = Math.floor(i / columns);
    p.powerSourceId = padTransformers.placements[2 * (i % columns) + (row < 2 ? 0 : 1)]!.id;
  });
  appendAll(placements, [...containers.placements, ...padTransformers.placements]);
  pad.retrofitOptions = [keepMiningOption(pad, hydroContainer, 24), idleOption(pad)];
  halls.push(pad);

  const c = hall({
    id: 'cbh-c',
    siteId: 'cbh',
    name: 'Building C (S19 XP)',
    kind: 'building',
    siteXM: 30,
    siteYM: 100,
    widthM: 60,
    depthM: 24,
    floorLimitKgPerM2: 750,
    feedKw: 7_000,
    plant: { method: 'free-air', unitCount: 16, unitCapacityKw: 450 },
    densityLimitKwPerRack: 80,
    pue: 1.12,
    currentUse: 'mining',
  });
  const cRacks = placeRows({ idPrefix: 'c', hallId: c.id, model: s19xpRack, rows: 4, perRow: 25, x0M: 2.5, y0M: 1.5, gapXM: 0.1, labelPrefix: 'C' }).placements;
  appendAll(placements, [...cRacks, ...buswayRuns(cRacks, s19xpRack, runs('c-bw', 'Busway C', c))]);
  c.retrofitOptions = [
    keepMiningOption(c, s19xpRack, 100),
    {
      id: `${c.id}-repower`,
      name: 'Repower with S21 XP racks',
      kind: 'repower',
      coolingMethod: 'free-air',
      modelId: s21xpRack.id,
      // Feeder and fan-wall upgrade for the 21 % higher rack draw; racks are priced per unit.
      capexUsd: 500_000,
      leadTimePeriods: 1,
      feedKw: 7_500,
      usableCoolingKw: 7_650,
      pue: 1.1,
      maxUnits: 100,
    },
    retrofitAiOption(c, gb200),
    idleOption(c),
  ];
  halls.push(c);

  // Red River: immersion tanks in the open on a concrete pad with dry coolers.
  const yard = hall({
    id: 'okl-yard',
    siteId: 'okl',
    name: 'Immersion yard',
    kind: 'immersion-yard',
    siteXM: 20,
    siteYM: 20,
    widthM: 45,
    depthM: 24,
    floorLimitKgPerM2: 2000,
    feedKw: 13_500,
    plant: { method: 'immersion', unitCount: 20, unitCapacityKw: 720 },
    densityLimitKwPerRack: 300,
    pue: 1.05,
    currentUse: 'mining',
  });
  const tank = model('tank-imm48');
  const tanks = placeRows({ idPrefix: 't', hallId: yard.id, model: tank, rows: 4, perRow: 12, x0M: 3, y0M: 1.5, gapXM: 0.5, labelPrefix: 'T' }).placements;
  appendAll(placements, [...tanks, ...buswayRuns(tanks, tank, runs('t-bw', 'Busway T', yard))]);
  yard.retrofitOptions = [keepMiningOption(yard, tank, 48), idleOption(yard)];
  halls.push(yard);

  return {
    fleet: meta,
    sites,
    halls,
    zones,
    models,
    placements,
    ...economics(QUARTERS_5Y),
    titleBlock: titleBlock(
      'FP-2027-001',
      'Sample fleet shipped with Fleet Planner. Figures from public sources (see each catalog entry); edit to your site.',
    ),
  };
}
