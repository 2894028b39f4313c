/**
 * "Apply plan": turns the optimizer's answer into one undoable edit of the layout. In
 * every hall whose option changes, the IT equipment goes, the chosen units are laid out
 * in pods of rows with their service aisles (facing alternately, so backs share hot
 * aisles), and the hall takes the option's feed, cooling and use. Cold-plate racks get
 * the CDUs their liquid heat needs, in rows after theirs (or beside them), and the hall's
 * cooling zones become one zone for its new cooling (with the air cooling they had), so
 * the CDUs serve every rack.
 * Every new rack and CDU hangs from an overhead busway run over its row (the catalog's
 * largest busway, as many units to a run as its derated rating carries), so the hall's IT
 * is fed; the facility water grows to carry the CDUs' heat. Busways that fed only the
 * equipment removed go with it, and so does kept plant that does not run under the new
 * cooling (fan walls in a hall turned direct-to-chip); the rest of the power gear (PDUs,
 * transformers) stays, and new units keep clear of it and of the clearances around it.
 */
import type { BatchCommand, Command } from '../commands/schema';
import { applyCommand } from '../commands/apply';
import { modelInputsHash } from './model';
import { footprint, rectsOverlap, type Rect } from '../geometry/footprint';
import { placeRows } from '../geometry/rows';
import { cduHeatKw, usableUnits } from '../model/cooling';
import { isItEquipment, isPowerSource } from '../model/load';
import { buswayRuns } from '../model/feeds';
import { apparentPowerKva, usableRatingKva } from '../model/power-chain';
import { wallClearanceBy } from '../constraints/object-rules';
import { makeItem, type Item } from '../constraints/item';
import { pairViolates } from '../constraints/pair-rules';
import { newUnitLabel } from '../model/copy-names';
import { LABEL_MAX_LENGTH, type EquipmentModel, type FleetDoc, type Hall, type Placement, type Plan, type Zone } from '../model/schema';

/** Kept clear along the walls. */
const WALL_MARGIN_M = 1;
const SIDE_GAP_M = 0.05;

export interface AppliedPlan {
  command: BatchCommand;
  /** Halls where fewer units fit the floor than the plan asked for. */
  shortfalls: string[];
  /** The halls the edit changes (those the plan converts, repowers or idles). */
  hallIds: string[];
  /** New racks no catalog busway can carry (a unit drawing more than a run's derated rating): wiring them is the engineer's. */
  unfed: { count: number; kw: number };
}

export function applyPlanCommand(doc: FleetDoc, plan: Plan): AppliedPlan {
  const commands: Command[] = [];
  const shortfalls: string[] = [];
  const hallIds: string[] = [];
  const unfed = { count: 0, kw: 0 };
  const models = new Map(doc.models.map((m) => [m.id, m]));
  for (const choice of plan.halls) {
    const hall = doc.halls.find((h) => h.id === choice.hallId);
    const option = hall?.retrofitOptions.find((o) => o.id === choice.optionId);
    if (!hall || !option || option.kind === 'keep-mining') continue;
    hallIds.push(hall.id);
    const inHall = doc.placements.filter((p) => p.hallId === hall.id);
    const it = inHall.filter((p) => isItEquipment(models.get(p.modelId)?.kind ?? 'pdu')).map((p) => p.id);
    // Plant of the old cooling the new one does not run with (fan walls in a liquid hall) goes with the IT.
    const oldPlant = inHall.filter((p) => !isPowerSource(models.get(p.modelId)?.kind ?? 'pdu') && !models.get(p.modelId)?.compatibleCooling.includes(option.coolingMethod)).map((p) => p.id);
    const removed = new Set([...it, ...oldPlant, ...idleBusways(inHall, new Set([...it, ...oldPlant]), models)]);
    if (removed.size) commands.push({ type: 'remove', table: 'placements', ids: [...removed] });
    const kept = inHall.filter((p) => !removed.has(p.id) && models.get(p.modelId)?.mounting === 'floor').map((p) => withClearance(p, models.get(p.modelId)!));
    const model = option.modelId ? models.get(option.modelId) : undefined;
    if (model && choice.units > 0) {
      const after = { ...hall, ...hallAfter(hall, option, 'ai', 0) };
      const racks = layRows(after, model, choice.units, `${plan.id}-${hall.id}-`, WALL_MARGIN_M, kept);
      if (racks.placed.length < choice.units) shortfalls.push(`${hall.name}: ${racks.placed.length} of ${choice.units} ${model.name} fit the floor`);
      const placed = [...racks.placed];
      const liquidKw = racks.placed.length * cduHeatKw(model);
      let cduPlaced: Placement[] = [];
      if (liquidKw > 0) {
        const rackRects = racks.placed.map((p) => withClearance(p, model));
        const keptLabels = inHall.filter((p) => !removed.has(p.id)).map((p) => p.label);
        const keptItems = inHall.filter((p) => !removed.has(p.id)).map((p) => makeItem(p, models.get(p.modelId)!, null));
        const cdus = cdusFor(doc, after, liquidKw, { racks: racks.placed, model, others: keptItems }, racks.southM, `${plan.id}-${hall.id}-cdu`, kept, rackRects, keptLabels);
        if (cdus.shortfall) shortfalls.push(`${hall.name}: ${cdus.shortfall}`);
        cduPlaced = cdus.placed;
        placed.push(...cdus.placed);
      }
      if (liquidKw > 0 || doc.zones.some((z) => z.hallId === hall.id)) commands.push(...oneZone(doc, hall, plan.id, option.coolingMethod));
      const feeds = feedRows(doc, hall, [racks.placed, cduPlaced], `${plan.id}-${hall.id}-bw`);
      unfed.count += feeds.unfed.length;
      unfed.kw += feeds.unfed.reduce((t, p) => t + models.get(p.modelId)!.powerKw, 0);
      if (feeds.unfed.length) shortfalls.push(`${hall.name}: no busway in the catalog carries a ${model.name}; ${feeds.unfed.length} left unfed`);
      placed.push(...feeds.busways);
      if (placed.length) commands.push({ type: 'insert', entities: { table: 'placements', items: placed } });
      commands.push({ type: 'update', table: 'halls', id: hall.id, patch: hallAfter(hall, option, model.gpuCount ? 'ai' : 'mining', liquidKw) });
    } else {
      commands.push({ type: 'update', table: 'halls', id: hall.id, patch: hallAfter(hall, option, model ? (model.gpuCount ? 'ai' : 'mining') : 'idle', 0) });
    }
  }
  // The layout the plan lays out does not put the plan out of date: the document's copy of the plan remembers it too.
  const kept = doc.plans.find((p) => p.id === plan.id)?.madeForInputs;
  if (kept?.length) {
    const after = modelInputsHash(applyCommand(doc, { type: 'batch', label: '', commands }).doc);
    const hashes = [...new Set([...kept, after])];
    // The inputs it was made for, first, and the latest layouts it left (the schema holds 100).
    commands.push({ type: 'update', table: 'plans', id: plan.id, patch: { madeForInputs: [hashes[0]!, ...hashes.slice(1).slice(1 - MADE_FOR_KEPT)] } });
  }
  return { command: { type: 'batch', label: `apply ${plan.name}`, commands }, shortfalls, hallIds, unfed };
}

const MADE_FOR_KEPT = 20;

/**
 * The overhead busways left feeding nothing once `removed` goes (through busways fed by
 * busways too): they ran along the old rows, and over the new ones they would only
 * mislead. Busways that fed nothing before are the engineer's and stay.
 */
function idleBusways(inHall: readonly Placement[], removed: ReadonlySet<string>, models: ReadonlyMap<string, EquipmentModel>): string[] {
  const gone = new Set(removed);
  const busways = inHall.filter((p) => models.get(p.modelId)?.kind === 'busway');
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of busways) {
      if (gone.has(b.id)) continue;
      const fed = inHall.filter((p) => p.powerSourceId === b.id);
      if (fed.length && fed.every((p) => gone.has(p.id))) {
        gone.add(b.id);
        changed = true;
      }
    }
  }
  return busways.filter((b) => gone.has(b.id) && !removed.has(b.id)).map((b) => b.id);
}

/** A unit's footprint with room for its service clearances on every side (a unit may stand turned). */
function withClearance(p: Placement, m: EquipmentModel): Rect {
  const r = footprint(p, m);
  const c = Math.max(m.clearanceFrontM, m.clearanceBackM);
  return { minX: r.minX - c, minY: r.minY - c, maxX: r.maxX + c, maxY: r.maxY + c };
}

/**
 * A row runs at most this far between cross aisles: a standard contained pod, and nobody
 * walks further than this to leave an aisle. Without it 52 GB200 racks went into one
 * 31 m row across the hall.
 */
const MAX_ROW_RUN_M = 15;
/** A cross aisle between pods, wide enough for a rack on a pallet jack and for egress. */
const CROSS_AISLE_M = 1.2;

/**
 * `count` units in rows from `y0M` southwards, in pods of rows at most MAX_ROW_RUN_M
 * long side by side with cross aisles between them, filling a pod to the south wall
 * before starting the next, so a plan's racks stand together; places where something
 * kept (with its clearances) stands are skipped, and fewer units come when the floor runs
 * out. `southM` is where the southernmost row's clearances end.
 */
function layRows(hall: Hall, model: EquipmentModel, count: number, idPrefix: string, y0M: number, kept: readonly Rect[]): { placed: Placement[]; southM: number } {
  const pitchM = model.widthM + SIDE_GAP_M;
  const usableWidthM = hall.widthM - 2 * WALL_MARGIN_M;
  // As few pods as keep rows within the run, sharing the width evenly so none is wasted.
  const pods = Math.max(1, Math.ceil((usableWidthM + CROSS_AISLE_M) / (MAX_ROW_RUN_M + CROSS_AISLE_M)));
  const podWidthM = (usableWidthM + CROSS_AISLE_M) / pods;
  // Rounding must not cost a rack that fits exactly (13 m holds 20 racks 0.65 m apart).
  const perRow = Math.max(1, Math.floor((podWidthM - CROSS_AISLE_M + SIDE_GAP_M) / pitchM + 1e-9));
  // More rows than can stand between y0M and the wall: the fit test drops the rest.
  const floorRows = Math.max(1, Math.ceil((hall.depthM - y0M) / model.depthM));
  const fits = (p: Placement) => {
    const r = footprint(p, model);
    return r.maxY <= hall.depthM - WALL_MARGIN_M && r.maxX <= hall.widthM - WALL_MARGIN_M && wallClearanceBy(r, p.rotationDeg, model, hall) <= 0 && !kept.some((k) => rectsOverlap(withClearance(p, model), k));
  };
  // Each pod's places, north to south; the units are shared out over the pods so they
  // spread across the hall, and a pod that runs out of floor passes its share on.
  const places = Array.from({ length: pods }, (_, pod) => {
    const podName = pods > 1 ? `${pod + 1}-` : '';
    return placeRows({ idPrefix: `${idPrefix}${podName}`, labelPrefix: podName && `P${podName}`, hallId: hall.id, model, rows: floorRows, perRow, x0M: WALL_MARGIN_M + pod * podWidthM, y0M, gapXM: SIDE_GAP_M }).placements.filter(fits);
  });
  const taken = places.map(() => 0);
  const share = Math.ceil(count / pods);
  for (let pod = 0; pod < pods; pod++) taken[pod] = Math.min(share, places[pod]!.length);
  let left = count - taken.reduce((t, n) => t + n, 0);
  for (let pod = 0; pod < pods && left > 0; pod++) {
    const more = Math.min(left, places[pod]!.length - taken[pod]!);
    taken[pod]! += more;
    left -= more;
  }
  // A share rounded up can overshoot by less than one unit a pod: the last pods give it back.
  for (let pod = pods - 1, over = taken.reduce((t, n) => t + n, 0) - count; pod >= 0 && over > 0; pod--) {
    const less = Math.min(over, taken[pod]!);
    taken[pod]! -= less;
    over -= less;
  }
  const placed = places.flatMap((p, pod) => p.slice(0, taken[pod]));
  const southM = placed.reduce((s, p) => Math.max(s, withClearance(p, model).maxY), y0M);
  return { placed, southM };
}

/**
 * CDUs for `liquidKw` of cold-plate heat, beside those the hall already has: the catalog's
 * largest, as few as carry the heat with the hall's redundancy held back, in rows south
 * of the racks, or where the racks fill the floor to the wall, in the places left beside
 * them. Each is labelled "CDU n", the first numbers free in the hall.
 */
function cdusFor(
  doc: FleetDoc,
  hall: Hall,
  liquidKw: number,
  rows: RackRows,
  y0M: number,
  idPrefix: string,
  kept: readonly Rect[],
  racks: readonly Rect[],
  keptLabels: readonly string[],
): { placed: Placement[]; shortfall: string | null } {
  const cdu = doc.models.filter((m) => m.kind === 'cdu' && m.coolingCapacityKw > 0).sort((a, b) => b.coolingCapacityKw - a.coolingCapacityKw)[0];
  if (!cdu) return { placed: [], shortfall: "the catalog has no CDU for the racks' liquid heat" };
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const existing = doc.placements.filter((p) => p.hallId === hall.id && models.get(p.modelId)?.kind === 'cdu').map((p) => models.get(p.modelId)!.coolingCapacityKw);
  // Redundant units held back are the largest, as the zone-liquid rule counts them.
  const usable = (caps: number[]) => [...caps].sort((a, b) => a - b).slice(0, usableUnits(hall.cooling.redundancy, caps.length)).reduce((t, c) => t + c, 0);
  let count = 0;
  while (usable([...existing, ...Array<number>(count).fill(cdu.coolingCapacityKw)]) < liquidKw) count++;
  if (count === 0) return { placed: [], shortfall: null };
  // Numbered past the CDUs already there, so a plan applied twice never reuses an id.
  const ends = rowEnds(hall, cdu, count, rows, `${idPrefix}${existing.length + 1}e-`);
  const endRects = ends.map((p) => withClearance(p, cdu));
  const south = ends.length < count ? layRows(hall, cdu, count - ends.length, `${idPrefix}${existing.length + 1}-`, y0M, [...kept, ...endRects]).placed : [];
  const beside = ends.length + south.length < count ? layRows(hall, cdu, count - ends.length - south.length, `${idPrefix}${existing.length + 1}b-`, WALL_MARGIN_M, [...kept, ...racks, ...endRects, ...south.map((p) => withClearance(p, cdu))]).placed : [];
  const labels = new Set(keptLabels);
  const placed = [...ends, ...south, ...beside].map((p) => {
    const label = newUnitLabel('cdu', labels, LABEL_MAX_LENGTH);
    labels.add(label);
    return { ...p, label };
  });
  return { placed, shortfall: placed.length < count ? `${placed.length} of the ${count} ${cdu.name} the racks need fit the floor` : null };
}

/** The new racks, their model, and what stays in the hall: where row-end CDUs must keep clear of. */
interface RackRows {
  racks: Placement[];
  model: EquipmentModel;
  others: Item[];
}

/**
 * Up to `count` CDUs at the ends of the rack rows, in line with the racks and facing as
 * they do, where each breaks no rule with the racks, what stays, or another CDU (the
 * checks' own pair and wall rules decide): the shortest pipe runs and no floor of their own.
 * They go one row end at a time, round the rows, so every pod gets its CDUs near it
 * rather than the first row all of them.
 */
function rowEnds(hall: Hall, cdu: EquipmentModel, count: number, rows: RackRows, idPrefix: string): Placement[] {
  const byRow = new Map<string, Placement[]>();
  for (const p of rows.racks) {
    const key = `${p.label.split('.')[0]}:${p.yM}:${p.rotationDeg}`;
    const row = byRow.get(key);
    if (row) row.push(p);
    else byRow.set(key, [p]);
  }
  const around = [...rows.others, ...rows.racks.map((p) => makeItem(p, rows.model, null))];
  const ends = [...byRow.values()].map((row) => {
    const last = row.reduce((a, b) => (b.xM > a.xM ? b : a));
    return { last, xM: last.xM + rows.model.widthM / 2 + SIDE_GAP_M + cdu.widthM / 2, open: true };
  });
  const placed: Placement[] = [];
  while (placed.length < count && ends.some((e) => e.open)) {
    for (const end of ends) {
      if (!end.open || placed.length >= count) continue;
      const p: Placement = { ...end.last, id: `${idPrefix}${placed.length + 1}`, modelId: cdu.id, xM: Math.round(end.xM * 1000) / 1000, powerSourceId: null, powerSourceBId: null };
      const item = makeItem(p, cdu, null);
      const r = item.rect;
      if (r.minX < WALL_MARGIN_M || r.maxX > hall.widthM - WALL_MARGIN_M || wallClearanceBy(r, p.rotationDeg, cdu, hall) > 0 || around.some((o) => pairViolates(item, o))) {
        end.open = false;
        continue;
      }
      placed.push(p);
      around.push(item);
      end.xM += cdu.widthM + SIDE_GAP_M;
    }
  }
  return placed;
}

/** The hall's cooling zones become one, over the whole floor, with the air cooling they had between them. */
function oneZone(doc: FleetDoc, hall: Hall, planId: string, cooling: string): Command[] {
  const zones = doc.zones.filter((z) => z.hallId === hall.id);
  if (!zones.length) return [];
  const zone: Zone = { id: `${planId}-${hall.id}-zone`, hallId: hall.id, name: `${hall.name} (${cooling})`, xM: 0, yM: 0, widthM: hall.widthM, depthM: hall.depthM, airCoolingKw: zones.reduce((t, z) => t + z.airCoolingKw, 0), coolingMethod: null };
  return [
    { type: 'remove', table: 'zones', ids: zones.map((z) => z.id) },
    { type: 'insert', entities: { table: 'zones', items: [zone] } },
  ];
}

/**
 * The hall as the option leaves it: its feed, PUE, cooling class and plant and, for
 * `liquidKw` of CDU heat, facility water of the plant's unit size, enough units to carry
 * it with the hall's redundancy held back (never fewer than it had).
 */
function hallAfter(hall: Hall, option: Hall['retrofitOptions'][number], use: Hall['currentUse'], liquidKw: number): Partial<Hall> {
  const units = Math.max(1, usableUnits(hall.cooling.redundancy, hall.cooling.unitCount));
  const unitCapacityKw = option.usableCoolingKw / units;
  const redundancy = hall.cooling.redundancy;
  let waterUnits = 0;
  if (liquidKw > 0 && unitCapacityKw > 0) while (usableUnits(redundancy, waterUnits) * unitCapacityKw < liquidKw) waterUnits++;
  const water = hall.facilityWater;
  const keepsWater = usableUnits(water.redundancy, water.unitCount) * water.unitCapacityKw >= liquidKw;
  return {
    currentUse: use,
    feedKw: option.feedKw,
    pue: option.pue,
    // The new class's own density default applies unless the plant stays the same.
    densityLimitKwPerRack: option.coolingMethod === hall.cooling.method ? hall.densityLimitKwPerRack : null,
    cooling: { ...hall.cooling, method: option.coolingMethod, unitCapacityKw },
    facilityWater: keepsWater ? water : { unitCount: waterUnits, unitCapacityKw, redundancy },
  };
}

/**
 * Busway runs over each group of new rows (racks, then CDUs), from the catalog's
 * largest-rated busway, a B set too for a model that takes two feeds; units too large for
 * any run come back unfed.
 */
function feedRows(doc: FleetDoc, hall: Hall, groups: Placement[][], idPrefix: string): { busways: Placement[]; unfed: Placement[] } {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const derate = doc.fleet.continuousLoadDerate;
  const busway = doc.models.filter((m) => m.kind === 'busway' && m.ratingKva > 0).sort((a, b) => usableRatingKva(b, derate) - usableRatingKva(a, derate))[0];
  const busways: Placement[] = [];
  const unfed: Placement[] = [];
  groups.forEach((units, g) => {
    if (!units.length) return;
    const model = models.get(units[0]!.modelId)!;
    if (!busway || apparentPowerKva(model.powerKw, model.powerFactor) > usableRatingKva(busway, derate) + 1e-9) {
      unfed.push(...units);
      return;
    }
    busways.push(...buswayRuns(units, model, { busway, derate, idPrefix: `${idPrefix}${g + 1}-`, labelPrefix: `BW${g + 1}.`, feedFrom: null, hall }));
    // A model that takes A and B feeds gets a second set of runs, each carrying its rows alone.
    if (model.dualFeed) busways.push(...buswayRuns(units, model, { busway, derate, idPrefix: `${idPrefix}${g + 1}b-`, labelPrefix: `BW${g + 1}B.`, feedFrom: null, hall, side: 'B' }));
  });
  return { busways, unfed };
}
