/**
 * "Apply plan": turns the optimizer's answer into one undoable edit of the layout. In
 * every hall whose option changes, the IT equipment goes, the chosen units are laid out
 * in pods of rows with their service aisles (facing alternately, so backs share hot
 * aisles), and the hall takes the option's feed, cooling and use. Cold-plate racks get
 * the CDUs their liquid heat needs, in rows after theirs (or beside them), and the hall's
 * cooling zones become one zone for its new cooling (with the air cooling they had), so
 * the CDUs serve every rack.
 * Busways that fed only the equipment removed go with it; the rest of the power gear
 * (PDUs, transformers) stays for the engineer to rework by hand, and new units keep clear
 * of it and of the clearances around it.
 */
import type { BatchCommand, Command } from '../commands/schema';
import { applyCommand } from '../commands/apply';
import { modelInputsHash } from './model';
import { footprint, rectsOverlap, type Rect } from '../geometry/footprint';
import { placeRows } from '../geometry/rows';
import { cduHeatKw, usableUnits } from '../model/cooling';
import { isItEquipment } from '../model/load';
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
  /** The new units (racks and CDUs), none yet fed from a PDU or busway: wiring them is the engineer's. */
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
    const removed = new Set([...it, ...idleBusways(inHall, new Set(it), models)]);
    if (removed.size) commands.push({ type: 'remove', table: 'placements', ids: [...removed] });
    const kept = inHall.filter((p) => !removed.has(p.id) && models.get(p.modelId)?.mounting === 'floor').map((p) => withClearance(p, models.get(p.modelId)!));
    const model = option.modelId ? models.get(option.modelId) : undefined;
    if (model && choice.units > 0) {
      const racks = layRows(hall, model, choice.units, `${plan.id}-${hall.id}-`, WALL_MARGIN_M, kept);
      if (racks.placed.length < choice.units) shortfalls.push(`${hall.name}: ${racks.placed.length} of ${choice.units} ${model.name} fit the floor`);
      unfed.count += racks.placed.length;
      unfed.kw += racks.placed.length * model.powerKw;
      const placed = [...racks.placed];
      const liquidKw = racks.placed.length * cduHeatKw(model);
      if (liquidKw > 0) {
        const rackRects = racks.placed.map((p) => withClearance(p, model));
        const keptLabels = inHall.filter((p) => !removed.has(p.id)).map((p) => p.label);
        const cdus = cdusFor(doc, hall, liquidKw, racks.southM, `${plan.id}-${hall.id}-cdu`, kept, rackRects, keptLabels);
        if (cdus.shortfall) shortfalls.push(`${hall.name}: ${cdus.shortfall}`);
        placed.push(...cdus.placed);
        unfed.count += cdus.placed.length;
        unfed.kw += cdus.placed.reduce((t, p) => t + models.get(p.modelId)!.powerKw, 0);
        commands.push(...oneZone(doc, hall, plan.id, option.coolingMethod));
      }
      if (placed.length) commands.push({ type: 'insert', entities: { table: 'placements', items: placed } });
    }
    commands.push({ type: 'update', table: 'halls', id: hall.id, patch: hallAfter(hall, option, model?.gpuCount ? 'ai' : model ? 'mining' : 'idle') });
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
  const fits = (p: Placement) =>
    p.yM + model.depthM / 2 <= hall.depthM - WALL_MARGIN_M && p.xM + model.widthM / 2 <= hall.widthM - WALL_MARGIN_M && !kept.some((k) => rectsOverlap(withClearance(p, model), k));
  const placed: Placement[] = [];
  for (let pod = 0; pod < pods && placed.length < count; pod++) {
    const podName = pods > 1 ? `${pod + 1}-` : '';
    const block = placeRows({ idPrefix: `${idPrefix}${podName}`, labelPrefix: podName && `P${podName}`, hallId: hall.id, model, rows: floorRows, perRow, x0M: WALL_MARGIN_M + pod * podWidthM, y0M, gapXM: SIDE_GAP_M });
    for (const p of block.placements) if (placed.length < count && fits(p)) placed.push(p);
  }
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
  const south = layRows(hall, cdu, count, `${idPrefix}${existing.length + 1}-`, y0M, kept).placed;
  const beside = south.length < count ? layRows(hall, cdu, count - south.length, `${idPrefix}${existing.length + 1}b-`, WALL_MARGIN_M, [...kept, ...racks, ...south.map((p) => withClearance(p, cdu))]).placed : [];
  const labels = new Set(keptLabels);
  const placed = [...south, ...beside].map((p) => {
    const label = newUnitLabel('cdu', labels, LABEL_MAX_LENGTH);
    labels.add(label);
    return { ...p, label };
  });
  return { placed, shortfall: placed.length < count ? `${placed.length} of the ${count} ${cdu.name} the racks need fit the floor` : null };
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

function hallAfter(hall: Hall, option: Hall['retrofitOptions'][number], use: Hall['currentUse']): Partial<Hall> {
  const units = Math.max(1, usableUnits(hall.cooling.redundancy, hall.cooling.unitCount));
  return {
    currentUse: use,
    feedKw: option.feedKw,
    pue: option.pue,
    // The new class's own density default applies unless the plant stays the same.
    densityLimitKwPerRack: option.coolingMethod === hall.cooling.method ? hall.densityLimitKwPerRack : null,
    cooling: { ...hall.cooling, method: option.coolingMethod, unitCapacityKw: option.usableCoolingKw / units },
  };
}
