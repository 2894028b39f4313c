/**
 * Large fleets for benchmarks: mining halls of shelf racks in full-aisle rows, all on one
 * site by default, each row fed from overhead busway runs, with feeds, cooling plants and the site sized to what is placed, so the
 * fleet is valid and clean however large. Deterministic: the same options give the same
 * document (the seed picks each hall's rack model).
 */
import { appendAll } from '../arrays';
import { builtInCatalog } from '../catalog';
import type { EquipmentModel, FleetDoc, Hall, Placement } from '../model/schema';
import { kwToMw } from '../units';
import { idleOption, keepMiningOption, retrofitAiOption } from './economics';
import { placeRows, seededRandom, type LaidOut } from '../geometry/rows';
import { economics, fleetMeta, hall, QUARTERS_5Y, site, titleBlock } from './parts';
import { buswayRuns } from '../model/feeds';
import { apparentPowerKva, usableRatingKva } from '../model/power-chain';

export interface GenerateOptions {
  placements: number;
  seed?: number;
  /** Halls are spread round-robin over this many sites. */
  sites?: number;
}

const RACKS_PER_HALL = 1_000;
const RACKS_PER_ROW = 25;
const RACK_MODELS = ['rack-s19xp', 'rack-s21', 'rack-s21xp'];
const FAN_WALL_KW = 500;
const HALL_GAP_M = 20;
const HALLS_PER_SITE_ROW = 10;

export function generateFleet(opts: GenerateOptions): FleetDoc {
  const total = Math.max(0, Math.floor(opts.placements));
  const random = seededRandom(opts.seed ?? 1);
  const siteCount = Math.max(1, Math.floor(opts.sites ?? 1));
  const models = builtInCatalog();
  const gb200 = models.find((m) => m.id === 'nvl72-gb200')!;
  const halls: Hall[] = [];
  const placements: Placement[] = [];
  const feedKwBySite = new Map<string, number>();
  const meta = fleetMeta(`Generated fleet (${total} placements, seed ${opts.seed ?? 1})`, QUARTERS_5Y);
  const busway = models.find((m) => m.id === 'busway-1250')!;
  const runs = (hallId: string, hall: { widthM: number; depthM: number }) => ({ busway, derate: meta.continuousLoadDerate, idPrefix: `${hallId}-bw`, labelPrefix: 'Busway ', feedFrom: null, hall });
  /** Busway runs over `count` racks in rows of RACKS_PER_ROW, as buswayRuns lays them. */
  const buswayCount = (count: number, rack: EquipmentModel, derate: number): number => {
    const perRun = Math.floor(usableRatingKva(busway, derate) / apparentPowerKva(rack.powerKw, rack.powerFactor) + 1e-9);
    const fullRows = Math.floor(count / RACKS_PER_ROW);
    return fullRows * Math.ceil(RACKS_PER_ROW / perRun) + Math.ceil((count % RACKS_PER_ROW) / perRun);
  };

  const layout = (hallId: string, rack: EquipmentModel, count: number) =>
    placeRows({
      idPrefix: `${hallId}-`,
      hallId,
      model: rack,
      rows: Math.ceil(RACKS_PER_HALL / RACKS_PER_ROW),
      perRow: RACKS_PER_ROW,
      count,
      x0M: 2,
      y0M: 1.5,
      gapXM: 0.1,
    });
  const size = (laid: LaidOut) => ({ widthM: Math.ceil(laid.maxXM + 2), depthM: Math.ceil(laid.maxYM + 1.5) });
  // Every hall sits in a slot sized for a full hall, so a smaller last hall cannot overlap its neighbours.
  const full = size(layout('full', models.find((m) => m.id === RACK_MODELS[0])!, RACKS_PER_HALL));
  const pitchX = full.widthM + HALL_GAP_M;
  const pitchY = full.depthM + HALL_GAP_M;

  for (let h = 0; placements.length < total; h++) {
    const rackId = RACK_MODELS[Math.floor(random() * RACK_MODELS.length)];
    const rack = models.find((m) => m.id === rackId)!;
    const siteId = `gs${(h % siteCount) + 1}`;
    const slot = Math.floor(h / siteCount);
    const hallId = `gh${h + 1}`;
    // Racks and the busway runs feeding them fill exactly what is left to place, never
    // leaving one placement over (a rack needs its run); only a fleet of one is a rack alone, unfed.
    const left = total - placements.length;
    const used = (racks: number) => racks + buswayCount(racks, rack, meta.continuousLoadDerate);
    let racks = Math.min(RACKS_PER_HALL, left);
    while (racks > 1 && (used(racks) > left || left - used(racks) === 1)) racks--;
    const laid = layout(hallId, rack, racks);
    const busways = used(racks) <= left ? buswayRuns(laid.placements, rack, runs(hallId, size(laid))) : [];
    const loadKw = laid.placements.length * rack.powerKw;
    const { widthM, depthM } = size(laid);
    const feedKw = Math.ceil(loadKw * 1.1);
    const generated = hall({
      id: hallId,
      siteId,
      name: `Hall ${h + 1}`,
      kind: 'building',
      siteXM: (slot % HALLS_PER_SITE_ROW) * pitchX,
      siteYM: Math.floor(slot / HALLS_PER_SITE_ROW) * pitchY,
      widthM,
      depthM,
      // Slabs made for GB200 NVL72 racks (1,096 kg/m² with their service strips), so the AI retrofit stays in the optimizer's search.
      floorLimitKgPerM2: 1200,
      feedKw,
      plant: { method: 'free-air', unitCount: Math.ceil(feedKw / FAN_WALL_KW) + 1, unitCapacityKw: FAN_WALL_KW },
      densityLimitKwPerRack: 80,
      pue: 1.1,
      currentUse: 'mining',
    });
    generated.retrofitOptions = [
      keepMiningOption(generated, rack, laid.placements.length),
      retrofitAiOption(generated, gb200),
      idleOption(generated),
    ];
    halls.push(generated);
    appendAll(placements, [...laid.placements, ...busways]);
    feedKwBySite.set(siteId, (feedKwBySite.get(siteId) ?? 0) + feedKw);
  }

  const sites = [...feedKwBySite.entries()].map(([id, feedKw], i) => {
    const feedMw = kwToMw(feedKw);
    return site({
      id,
      name: `Generated site ${i + 1}`,
      location: 'Synthetic',
      interconnectMw: Math.ceil(feedMw * 1.3),
      transformerCapacityMw: Math.ceil(feedMw * 1.05),
      powerPriceUsdPerMwh: 30,
      widthM: HALLS_PER_SITE_ROW * pitchX,
      depthM: Math.ceil(Math.ceil(halls.length / siteCount) / HALLS_PER_SITE_ROW) * pitchY,
    });
  });

  return {
    fleet: meta,
    sites,
    halls,
    zones: [],
    models,
    placements,
    ...economics(QUARTERS_5Y),
    titleBlock: titleBlock('FP-GEN', 'Generated for benchmarks.'),
  };
}
