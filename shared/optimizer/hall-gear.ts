/**
 * What a hall holds under an option besides the option's units once a plan is applied: the
 * gear that stays (the cooling plant the new cooling runs with, the power gear) and the CDUs
 * the units need. Apply plan lays them out; the optimizer leaves their draw room on the
 * hall's feed and their heat room in its plant, so that a plan it proposes passes the hall's
 * checks once applied.
 */
import { cduHeatKw, plantHeatKw, spareUnitsMissing, usableCapacityKw } from '../model/cooling';
import { isItEquipment, isPowerSource } from '../model/load';
import type { EquipmentModel, Hall, Placement, RetrofitOption } from '../model/schema';

/**
 * The placements of a hall that go when `option` is applied: its IT but the option's own units
 * `standing` (which stay), and plant of the old cooling the new one does not run with (fan
 * walls in a liquid hall).
 */
export function goesUnder(option: Pick<RetrofitOption, 'coolingMethod'>, inHall: readonly Placement[], standing: ReadonlySet<string>, models: ReadonlyMap<string, EquipmentModel>): Set<string> {
  const kindOf = (p: Placement) => models.get(p.modelId)?.kind ?? 'pdu';
  const it = inHall.filter((p) => !standing.has(p.id) && isItEquipment(kindOf(p)));
  const oldPlant = inHall.filter((p) => !isPowerSource(kindOf(p)) && !models.get(p.modelId)?.compatibleCooling.includes(option.coolingMethod));
  return new Set([...it, ...oldPlant].map((p) => p.id));
}

export interface CduNeed {
  cdu: EquipmentModel | undefined;
  count: number;
  shortfall: string | null;
}

/** The CDU Apply plan adds: the catalog's largest. */
export function largestCdu(catalog: Iterable<EquipmentModel>): EquipmentModel | undefined {
  let largest: EquipmentModel | undefined;
  for (const m of catalog) if (m.kind === 'cdu' && m.coolingCapacityKw > (largest?.coolingCapacityKw ?? 0)) largest = m;
  return largest;
}

/** largestCdu of a catalog map, found once per map: every option of every hall asks it of the same catalog. */
const largestByCatalog = new WeakMap<ReadonlyMap<string, EquipmentModel>, EquipmentModel | undefined>();
function largestCduOf(models: ReadonlyMap<string, EquipmentModel>): EquipmentModel | undefined {
  if (!largestByCatalog.has(models)) largestByCatalog.set(models, largestCdu(models.values()));
  return largestByCatalog.get(models);
}

/**
 * How many of `cdu` to add, with the hall's redundancy held back and its spares there: enough
 * that the CDUs `serving` the new racks (kept ones among them) carry their `newKw` of
 * cold-plate heat, and all the hall's CDUs, `kept` and new, its `totalKw`, as the checks add them up.
 */
function cduNeed(cdu: EquipmentModel | undefined, hall: Pick<Hall, 'cooling'>, heat: { newKw: number; totalKw: number }, capacitiesKw: { serving: number[]; kept: number[] }): CduNeed {
  if (!cdu) return { cdu, count: 0, shortfall: "the catalog has no CDU for the racks' liquid heat" };
  const withNew = (caps: number[], n: number) => usableCapacityKw([...caps, ...Array<number>(n).fill(cdu.coolingCapacityKw)], hall.cooling.redundancy);
  // And the spare the redundancy asks for: one CDU under N+1 carries the heat with none held back.
  const spared = (n: number) => spareUnitsMissing(hall.cooling.redundancy, capacitiesKw.kept.length + n) === 0;
  const enough = (n: number) => withNew(capacitiesKw.serving, n) >= heat.newKw && withNew(capacitiesKw.kept, n) >= heat.totalKw && spared(n);
  return { cdu, count: leastFrom(0, enough), shortfall: null };
}

/**
 * The CDUs `adding` new units of `model` need beside the `kept` standing, given the CDUs that
 * stay. CDUs standing by racks that stay serve those racks: their secondary loops are piped to
 * the standing rows, and their spare capacity is that pod's margin. Counting it for the new
 * racks would mean re-piping a running loop to rows that stand apart, so the new rows get CDUs
 * of their own. With no racks standing, the kept CDUs move to the new rows and serve them.
 */
export function cdusFor(cdu: EquipmentModel | undefined, hall: Pick<Hall, 'cooling'>, model: EquipmentModel, units: { kept: number; adding: number }, keptCdusKw: number[]): CduNeed | null {
  const perUnitKw = cduHeatKw(model);
  if (perUnitKw <= 0) return null;
  const heat = { newKw: units.adding * perUnitKw, totalKw: (units.kept + units.adding) * perUnitKw };
  return cduNeed(cdu, hall, heat, { serving: units.kept ? [] : keptCdusKw, kept: keptCdusKw });
}

/**
 * The most units of `model` (at most `upTo`, `standing` of them already in the hall) that the
 * option's feed and usable cooling carry with the gear the hall keeps under it and the CDUs
 * they need: feed ≥ units + gear, plant ≥ units' heat but what goes to the CDUs + gear.
 */
export function unitsWithGear(
  hall: Hall,
  option: Pick<RetrofitOption, 'coolingMethod' | 'feedKw' | 'usableCoolingKw'>,
  model: EquipmentModel,
  inHall: readonly Placement[],
  models: ReadonlyMap<string, EquipmentModel>,
  counts: { upTo: number; standing: number },
): { units: number; gearKw: number } {
  const standingIds = new Set(inHall.filter((p) => p.modelId === model.id).map((p) => p.id));
  const goes = goesUnder(option, inHall, standingIds, models);
  const gear = inHall.filter((p) => !goes.has(p.id) && !standingIds.has(p.id));
  const keptGearKw = gear.reduce((t, p) => t + (models.get(p.modelId)?.powerKw ?? 0), 0);
  const keptCdusKw = gear.filter((p) => models.get(p.modelId)?.kind === 'cdu').map((p) => models.get(p.modelId)!.coolingCapacityKw);
  const cdu = largestCduOf(models);
  const gearKw = (n: number): number => {
    const kept = Math.min(counts.standing, n);
    const need = cdusFor(cdu, hall, model, { kept, adding: n - kept }, keptCdusKw);
    return keptGearKw + (need?.cdu ? need.count * need.cdu.powerKw : 0);
  };
  const fits = (n: number): boolean => {
    const gearNow = gearKw(n);
    return n * model.powerKw + gearNow <= option.feedKw + 1e-9 && n * plantHeatKw(model) + gearNow <= option.usableCoolingKw + 1e-9;
  };
  // More units never need less gear: the first count past the most that fit.
  const units = fits(0) ? Math.min(counts.upTo, leastFrom(1, (n) => n > counts.upTo || !fits(n)) - 1) : 0;
  return { units, gearKw: gearKw(units) };
}

/**
 * The least whole n ≥ `from` where `holds` (false below it, true from it on), by doubling then
 * halving: a hall of a million racks needs tens of thousands of CDUs, counted one by one in
 * quadratic time.
 */
function leastFrom(from: number, holds: (n: number) => boolean): number {
  if (holds(from)) return from;
  let [low, high] = [from, from + 1];
  while (!holds(high)) [low, high] = [high, from + (high - from) * 2];
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (holds(mid)) high = mid;
    else low = mid;
  }
  return high;
}
