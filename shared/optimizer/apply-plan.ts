/**
 * "Apply plan": turns the optimizer's answer into one undoable edit of the layout. In
 * every hall whose option changes, units of the option's model already standing stay where
 * they are, with their feeds and the gear that serves them (the optimizer counted them as
 * kept: the plan buys only the rest), the other IT equipment goes, the units the plan adds are
 * laid out (`plan-layout.ts`: a block of pods in the middle of the floor or beside the racks
 * standing, the CDUs the new racks need and, where no racks stand, the CDUs and CRAHs the
 * hall keeps at the ends of the rows they serve), and the hall takes the option's feed (never less than its own),
 * cooling and use. The hall's cooling zones become one zone for its new cooling (with the
 * air cooling they had), so the CDUs serve every rack.
 * Everything in the hall that needs power ends fed: every new rack and CDU, gear moved off
 * the busway over its old row, and kept gear that stood unfed hang from overhead busway runs
 * over their rows (the catalog's largest busway, as many units to a run as its derated
 * rating carries), and kept units of a model that takes A and B feeds standing on one feed
 * get a B run beside it; the facility water grows to carry the CDUs' heat. Busways left feeding
 * only what goes or moves go too, and so does kept plant that does not run under the new
 * cooling (fan walls in a hall turned direct-to-chip); the rest of the power gear (PDUs,
 * skids, transformers) stays, and new units keep clear of it and of the clearances around it.
 */
import { appendAll } from '../arrays';
import type { BatchCommand, Command } from '../commands/schema';
import { applyCommand } from '../commands/apply';
import { modelInputsHash } from './model';
import { spareUnitsMissing, usableUnits } from '../model/cooling';
import { needsFeed } from '../model/load';
import { buswayRuns, spreadOnLines } from '../model/feeds';
import { apparentPowerKva, fedBySource, usableRatingKva } from '../model/power-chain';
import type { EquipmentModel, FleetDoc, Hall, Placement, Plan, Zone } from '../model/schema';
import { byModel, layPlan, standingKept } from './plan-layout';
import { goesUnder } from './hall-gear';
import { boardsForRuns, type NewRun } from './run-boards';
import type { HallChange } from './apply-summary';

export interface AppliedPlan {
  command: BatchCommand;
  /** Halls where fewer units fit the floor than the plan asked for. */
  shortfalls: string[];
  /** The halls the edit changes (those the plan converts, repowers or idles). */
  hallIds: string[];
  /** Units needing power that no catalog busway can carry (one drawing more than a run's derated rating): wiring them is the engineer's. */
  unfed: { count: number; kw: number };
  /** What the edit does to each hall it changes (describeHallChange reads it out). */
  changes: HallChange[];
}

export function applyPlanCommand(doc: FleetDoc, plan: Plan): AppliedPlan {
  const commands: Command[] = [];
  const shortfalls: string[] = [];
  const hallIds: string[] = [];
  const unfed = { count: 0, kw: 0 };
  const changes: HallChange[] = [];
  const models = new Map(doc.models.map((m) => [m.id, m]));
  for (const choice of plan.halls) {
    const hall = doc.halls.find((h) => h.id === choice.hallId);
    const option = hall?.retrofitOptions.find((o) => o.id === choice.optionId);
    if (!hall || !option || option.kind === 'keep-mining') continue;
    hallIds.push(hall.id);
    const inHall = doc.placements.filter((p) => p.hallId === hall.id);
    const model = option.modelId ? models.get(option.modelId) : undefined;
    const standing = new Set(standingKept(inHall.filter((p) => p.modelId === model?.id), choice.units).map((p) => p.id));
    const goes = goesUnder(option, inHall, standing, models);
    const stays = inHall.filter((p) => !goes.has(p.id));
    const idPrefix = freshPrefix(`${plan.id}-${hall.id}-`, doc.placements);
    const laid = model && choice.units > 0 ? layPlan(doc, hall, option, model, choice.units, idPrefix, stays) : null;
    const moved = laid?.moved ?? [];
    // Units that move off a busway, or past their cables' reach, leave their feeds: new runs over their new rows feed them.
    const offBusway = moved.filter((p) => !p.powerSourceId && !p.powerSourceBId);
    const removed = new Set([...goes, ...idleBusways(inHall, new Set([...goes, ...offBusway.map((p) => p.id)]), models)]);
    if (removed.size) commands.push({ type: 'remove', table: 'placements', ids: [...removed] });
    const zonesBefore = doc.zones.filter((z) => z.hallId === hall.id).length;
    let zonesMerged = 0;
    if (laid) {
      appendAll(shortfalls, laid.shortfalls.map((s) => `${hall.name}: ${s}`));
      if (laid.liquidKw > 0 || zonesBefore > 0) {
        appendAll(commands, oneZone(doc, hall, plan.id, option));
        zonesMerged = zonesBefore;
      }
    }
    const movedIds = new Set(moved.map((p) => p.id));
    const keptInPlace = stays.filter((p) => !removed.has(p.id) && !movedIds.has(p.id) && needsFeed(models.get(p.modelId)!));
    const unfedKept = keptInPlace.filter((p) => !p.powerSourceId && !p.powerSourceBId).map((p) => ({ ...p }));
    const bLacking = keptInPlace.filter((p) => p.powerSourceId && !p.powerSourceBId && models.get(p.modelId)!.dualFeed).map((p) => ({ ...p }));
    const busways = inHall.filter((p) => !removed.has(p.id) && models.get(p.modelId)?.kind === 'busway');
    const feeds = feedRows(doc, hall, [laid?.racks ?? [], laid?.cdus ?? [], ...byModel([...offBusway, ...unfedKept]), ...byModel(bLacking)], `${idPrefix}bw`, busways.map((p) => p.label));
    unfed.count += feeds.unfed.length;
    unfed.kw += feeds.unfed.reduce((t, p) => t + models.get(p.modelId)!.powerKw, 0);
    appendAll(shortfalls, unfedNames(feeds.unfed, models).map((s) => `${hall.name}: ${s}`));
    const updated = [...moved, ...unfedKept, ...bLacking];
    const updatedById = new Map(updated.map((u) => [u.id, u]));
    const newUnits = [...(laid?.racks ?? []), ...(laid?.cdus ?? [])];
    const after = [...stays.filter((p) => !removed.has(p.id)).map((p) => updatedById.get(p.id) ?? p), ...newUnits, ...feeds.runs.map((r) => r.run)];
    const boards = boardsForRuns(doc, hall, feeds.runs, after, `${idPrefix}swb`);
    const spread = spreadOnLines(boards.runs, busways, { sizeOf: (p) => models.get(p.modelId)!, fedBy: fedBySource(after) }, hall);
    appendAll(shortfalls, boards.shortfalls.map((s) => `${hall.name}: ${s}`));
    if (spread.unplaced.length) shortfalls.push(`${hall.name}: ${spread.unplaced.map((r) => r.label).join(', ')} find no place on their rows' line clear of the runs there`);
    const placed = [...newUnits, ...spread.runs, ...boards.boards];
    if (placed.length) commands.push({ type: 'insert', entities: { table: 'placements', items: placed } });
    for (const p of updated) commands.push({ type: 'update', table: 'placements', id: p.id, patch: { xM: p.xM, yM: p.yM, rotationDeg: p.rotationDeg, powerSourceId: p.powerSourceId, powerSourceBId: p.powerSourceBId } });
    const use = model ? (model.gpuCount ? 'ai' : 'mining') : 'idle';
    const settings = hallAfter(hall, option, use, laid?.liquidKw ?? 0);
    commands.push({ type: 'update', table: 'halls', id: hall.id, patch: settings });
    changes.push({ hall, after: settings, removed: inHall.filter((p) => removed.has(p.id)), added: placed, zonesMerged });
  }
  // The layout the plan lays out does not put the plan out of date: the document's copy of the plan remembers it too.
  const kept = doc.plans.find((p) => p.id === plan.id)?.madeForInputs;
  if (kept?.length) {
    const after = modelInputsHash(applyCommand(doc, { type: 'batch', label: '', commands }).doc);
    const hashes = [...new Set([...kept, after])];
    // The inputs it was made for, first, and the latest layouts it left (the schema holds 100).
    commands.push({ type: 'update', table: 'plans', id: plan.id, patch: { madeForInputs: [hashes[0]!, ...hashes.slice(1).slice(1 - MADE_FOR_KEPT)] } });
  }
  return { command: { type: 'batch', label: `apply ${plan.name}`, commands }, shortfalls, hallIds, unfed, changes };
}

const MADE_FOR_KEPT = 20;

/**
 * `base`, or `base` numbered on ("p1-h1-a2-") when ids of an earlier application of the plan
 * start with it: racks and runs that application laid may stand kept, and an id is never reused.
 */
function freshPrefix(base: string, placements: readonly Placement[]): string {
  const used = (prefix: string) => placements.some((p) => p.id.startsWith(prefix));
  if (!used(base)) return base;
  let n = 2;
  while (used(`${base}a${n}-`)) n++;
  return `${base}a${n}-`;
}

/** What no catalog busway carries, by model: "no busway in the catalog carries a X; n left unfed". */
function unfedNames(units: readonly Placement[], models: ReadonlyMap<string, EquipmentModel>): string[] {
  const byName = new Map<string, number>();
  for (const p of units) byName.set(models.get(p.modelId)!.name, (byName.get(models.get(p.modelId)!.name) ?? 0) + 1);
  return [...byName].map(([name, n]) => `no busway in the catalog carries a ${name}; ${n} left unfed`);
}

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

/**
 * The hall's cooling zones become one, over the whole floor, with the air cooling they had
 * between them, but no more than the option leaves the hall's plant: a zone cannot have more
 * air cooling than the plant it is part of, and the option re-rates that plant.
 */
function oneZone(doc: FleetDoc, hall: Hall, planId: string, option: Hall['retrofitOptions'][number]): Command[] {
  const zones = doc.zones.filter((z) => z.hallId === hall.id);
  if (!zones.length) return [];
  const airCoolingKw = Math.min(zones.reduce((t, z) => t + z.airCoolingKw, 0), option.usableCoolingKw);
  const zone: Zone = { id: `${planId}-${hall.id}-zone`, hallId: hall.id, name: `${hall.name} (${option.coolingMethod})`, xM: 0, yM: 0, widthM: hall.widthM, depthM: hall.depthM, airCoolingKw, coolingMethod: null };
  return [
    { type: 'remove', table: 'zones', ids: zones.map((z) => z.id) },
    { type: 'insert', entities: { table: 'zones', items: [zone] } },
  ];
}

/**
 * The hall as the option leaves it: its feed (the option's, or the hall's own where that is larger), PUE, cooling class and plant, and facility
 * water for `liquidKw` of CDU heat. The option's cooling is shared among the plant's units in
 * whole kW, rounded up as a unit is bought: 842 kW over 3 units is 281 kW each, never less
 * than the option's (the epsilon keeps an even share from rounding up a kW).
 */
function hallAfter(hall: Hall, option: Hall['retrofitOptions'][number], use: Hall['currentUse'], liquidKw: number): Partial<Hall> {
  const units = Math.max(1, usableUnits(hall.cooling.redundancy, hall.cooling.unitCount));
  const unitCapacityKw = Math.ceil(option.usableCoolingKw / units - 1e-9);
  return {
    currentUse: use,
    // A retrofit does not take a feed away: an option made from a smaller hall's figures (5.2 MW) would cut a 10 MW feed.
    feedKw: Math.max(hall.feedKw, option.feedKw),
    pue: option.pue,
    // The new class's own density default applies unless the plant stays the same.
    densityLimitKwPerRack: option.coolingMethod === hall.cooling.method ? hall.densityLimitKwPerRack : null,
    cooling: { ...hall.cooling, method: option.coolingMethod, unitCapacityKw },
    facilityWater: facilityWaterFor(hall, liquidKw, unitCapacityKw),
  };
}

/**
 * Facility water that carries `liquidKw`: the hall's own as it is where it does; else grown a
 * unit at a time in its own unit size and redundancy (the dry coolers standing stay and more
 * of the same are added), or, in a hall with none, in the air plant's unit size and
 * redundancy; with the spares its redundancy asks for (one unit under N+1 would carry the heat
 * with none held back).
 */
function facilityWaterFor(hall: Hall, liquidKw: number, plantUnitKw: number): Hall['facilityWater'] {
  const water = hall.facilityWater;
  if (liquidKw <= 0 || usableUnits(water.redundancy, water.unitCount) * water.unitCapacityKw >= liquidKw) return water;
  const has = water.unitCount > 0 && water.unitCapacityKw > 0;
  const unitCapacityKw = has ? water.unitCapacityKw : plantUnitKw;
  const redundancy = has ? water.redundancy : hall.cooling.redundancy;
  if (unitCapacityKw <= 0) return water;
  let unitCount = has ? water.unitCount : 0;
  while (usableUnits(redundancy, unitCount) * unitCapacityKw < liquidKw || spareUnitsMissing(redundancy, unitCount) > 0) unitCount++;
  return { unitCount, unitCapacityKw, redundancy };
}

/**
 * `count` numbers for new series of busway runs ("BW3.1", "BW3.2"…), from 1, skipping those a
 * standing run's label already uses ("Busway 2.1" takes series 2): "BW2.1" beside it would
 * read as the same run.
 */
function freeSeries(standing: readonly string[], count: number): number[] {
  const used = new Set(standing.flatMap((label) => /(\d+)\.\d+$/.exec(label)?.[1] ?? []).map(Number));
  const out: number[] = [];
  for (let n = 1; out.length < count; n++) if (!used.has(n)) out.push(n);
  return out;
}

/**
 * Busway runs over each group of rows (new racks, then new CDUs, then kept units), from the
 * catalog's largest-rated busway: A runs over the units with no A feed, and for a model that
 * takes two feeds, B runs over those with no B feed; units too large for any run come back
 * unfed. The runs hang from nothing yet: `boardsForRuns` gives each its switchboard.
 */
function feedRows(doc: FleetDoc, hall: Hall, groups: Placement[][], idPrefix: string, standingRuns: readonly string[]): { runs: NewRun[]; unfed: Placement[] } {
  const series = freeSeries(standingRuns, groups.length);
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const derate = doc.fleet.continuousLoadDerate;
  const busway = doc.models.filter((m) => m.kind === 'busway' && m.ratingKva > 0).sort((a, b) => usableRatingKva(b, derate) - usableRatingKva(a, derate))[0];
  const runs: NewRun[] = [];
  const unfed: Placement[] = [];
  groups.forEach((units, g) => {
    if (!units.length) return;
    const model = models.get(units[0]!.modelId)!;
    if (!busway || apparentPowerKva(model.powerKw, model.powerFactor) > usableRatingKva(busway, derate) + 1e-9) {
      appendAll(unfed, units);
      return;
    }
    const lackingA = units.filter((p) => !p.powerSourceId);
    // A model that takes A and B feeds gets a second set of runs, each carrying its rows alone.
    const lackingB = model.dualFeed ? units.filter((p) => !p.powerSourceBId) : [];
    if (lackingA.length) appendAll(runs, buswayRuns(lackingA, model, { busway, derate, idPrefix: `${idPrefix}${g + 1}-`, labelPrefix: `BW${series[g]}.`, feedFrom: null, hall }).map((run) => ({ run, side: 'A' as const })));
    if (lackingB.length) appendAll(runs, buswayRuns(lackingB, model, { busway, derate, idPrefix: `${idPrefix}${g + 1}b-`, labelPrefix: `BW${series[g]}B.`, feedFrom: null, hall, side: 'B' }).map((run) => ({ run, side: 'B' as const })));
  });
  return { runs, unfed };
}
