/**
 * A small fleet for tests: one hall with a row of miner racks and a two-rack GB200 corner
 * fed through a busway from a floor PDU, cooled by one CDU. No limit broken, by construction (kW):
 * hall 8 × 72.9 + 2 × 132 + 12 = 859.2 ≤ feed 1,000 and plant 3 × 300 (N+1 of 4);
 * busway 264 ≤ 0.8 × 575; PDU 264 + 12 = 276 ≤ 0.8 × 400; CDU 2 × 132 × 0.85 = 224.4 ≤ 1,200;
 * AI zone air 2 × 19.8 + 12 = 51.6 ≤ 60; mining zone 583.2 ≤ 650. Its one warning: the lone CDU
 * has no spare behind it under the hall's N+1 (the redundancy rule's tests read it).
 */
import { builtInCatalog } from '../catalog';
import type { EquipmentModel, FleetDoc } from '../model/schema';
import { idleOption, keepMiningOption, retrofitAiOption } from './economics';
import { placeRows } from '../geometry/rows';
import { economics, fleetMeta, hall, site, titleBlock } from './parts';
import { buswayRuns } from '../model/feeds';

const HORIZON = 8;

export function sampleSmall(): FleetDoc {
  const models = builtInCatalog();
  const model = (id: string): EquipmentModel => models.find((m) => m.id === id)!;
  const minerRack = model('rack-s21xp');
  const gb200 = model('nvl72-gb200');
  const h = hall({
    id: 'sm-h1',
    siteId: 'sm',
    name: 'Hall 1',
    kind: 'building',
    siteXM: 10,
    siteYM: 10,
    widthM: 30,
    depthM: 15,
    floorLimitKgPerM2: 1700,
    feedKw: 1_000,
    plant: { method: 'free-air', unitCount: 4, unitCapacityKw: 300 },
    // A dry cooler pair on the CDU's water: 224.4 kW ≤ 300 (N+1 of 2).
    facilityWater: { unitCount: 2, unitCapacityKw: 300 },
    densityLimitKwPerRack: 140,
    pue: 1.1,
    currentUse: 'mining',
  });
  h.retrofitOptions = [keepMiningOption(h, minerRack, 8), retrofitAiOption(h, gb200), idleOption(h)];

  const pdu = placeRows({ idPrefix: 'sm-pdu', hallId: h.id, model: model('pdu-400'), rows: 1, perRow: 1, x0M: 22, y0M: 6 });
  const pduId = pdu.placements[0]!.id;
  const gpus = placeRows({ idPrefix: 'sm-gpu', hallId: h.id, model: gb200, rows: 1, perRow: 2, x0M: 22, y0M: 1, powerSourceId: () => 'sm-bw1' });
  const first = gpus.placements[0]!;
  const busway = model('busway-800');
  const miners = placeRows({ idPrefix: 'sm-m', hallId: h.id, model: minerRack, rows: 1, perRow: 8, x0M: 1.5, y0M: 1, gapXM: 0.1 }).placements;

  const scenarios = economics(HORIZON);
  return {
    fleet: fleetMeta('Small test fleet', HORIZON),
    sites: [
      site({ id: 'sm', name: 'Test site', location: 'Test County', interconnectMw: 5, transformerCapacityMw: 2, powerPriceUsdPerMwh: 35, widthM: 100, depthM: 50 }),
    ],
    halls: [h],
    zones: [
      { id: 'sm-z-mine', hallId: h.id, name: 'Mining', xM: 0, yM: 0, widthM: 19.5, depthM: 15, airCoolingKw: 650, coolingMethod: null },
      { id: 'sm-z-ai', hallId: h.id, name: 'AI corner', xM: 20, yM: 0, widthM: 10, depthM: 15, airCoolingKw: 60, coolingMethod: 'direct-to-chip' },
    ],
    models,
    placements: [
      ...miners,
      ...gpus.placements,
      {
        id: 'sm-bw1',
        hallId: h.id,
        modelId: busway.id,
        xM: first.xM - gb200.widthM / 2 + busway.widthM / 2,
        yM: first.yM,
        rotationDeg: 0,
        powerSourceId: pduId,
        powerSourceBId: null,
        label: 'Busway 1',
      },
      ...placeRows({ idPrefix: 'sm-cdu', hallId: h.id, model: model('cdu-1200'), rows: 1, perRow: 1, x0M: 25, y0M: 1, powerSourceId: () => pduId }).placements,
      ...pdu.placements,
      // The miners' own run: 8 × 72.9 kW / 0.95 = 613.9 kVA ≤ 0.8 × 898.5.
      ...buswayRuns(miners, minerRack, { busway: model('busway-1250'), derate: 0.8, idPrefix: 'sm-mbw', labelPrefix: 'Busway M', feedFrom: null, hall: h }),
    ],
    ...scenarios,
    scenarios: [{ ...scenarios.scenarios[0]!, probability: 1 }],
    // One small hall can hold under 1 MW of AI: contract what it can deliver, in its last period.
    limits: { ...scenarios.limits, contractedAiMw: 0.5, contractedByPeriod: HORIZON - 1 },
    titleBlock: titleBlock('FP-TEST', 'Small fleet for tests.'),
  };
}
