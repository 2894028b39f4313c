/**
 * What Apply plan does to each hall, in one line the user reads before keeping or undoing
 * it: the units that go and come, and the hall's settings that change. The edit can take
 * out a whole mining bay and turn its cooling over; "no new problem" alone hid that.
 */
import { compareNames } from '../model/order';
import type { EquipmentModel, Hall, Placement } from '../model/schema';
import { formatQuantity, type UnitSystem } from '../units';

export interface HallChange {
  hall: Hall;
  /** The hall's settings after the edit. */
  after: Partial<Hall>;
  removed: readonly Placement[];
  added: readonly Placement[];
  /** Cooling zones the edit makes into one (0 when it leaves them). */
  zonesMerged: number;
}

/**
 * "120 × Shelf rack, 20 × Antminer S21 XP · 6 × Overhead busway (8,748 kW)", most units first:
 * models apart by a middle dot, since their names may hold commas and "×" of their own.
 */
function unitsOf(placements: readonly Placement[], models: ReadonlyMap<string, EquipmentModel>, units: UnitSystem): string {
  const counts = new Map<EquipmentModel, number>();
  let kw = 0;
  for (const p of placements) {
    const m = models.get(p.modelId)!;
    counts.set(m, (counts.get(m) ?? 0) + 1);
    kw += m.powerKw;
  }
  const byCount = [...counts].sort(([a, n], [b, k]) => k - n || compareNames(a.name, b.name));
  return `${byCount.map(([m, n]) => `${n.toLocaleString('en-US')} × ${m.name}`).join(' · ')} (${formatQuantity(kw, 'power', units, 0)})`;
}

/** "cooling free-air → direct-to-chip": a setting's before and after, or nothing when it stays. */
const changed = (what: string, before: string, after: string | undefined): string[] => (after === undefined || after === before ? [] : [`${what} ${before} → ${after}`]);

function settingsChanged(hall: Hall, after: Partial<Hall>, units: UnitSystem): string[] {
  const kw = (x: number) => formatQuantity(x, 'power', units, 0);
  const plant = (c: Hall['cooling'] | Hall['facilityWater']) => `${c.unitCount} × ${kw(c.unitCapacityKw)}`;
  return [
    ...changed('use', hall.currentUse, after.currentUse),
    ...changed('feed', kw(hall.feedKw), after.feedKw === undefined ? undefined : kw(after.feedKw)),
    ...changed('cooling', hall.cooling.method, after.cooling?.method),
    ...changed('cooling units', plant(hall.cooling), after.cooling && plant(after.cooling)),
    ...changed('facility water', plant(hall.facilityWater), after.facilityWater && plant(after.facilityWater)),
    ...changed('PUE', String(hall.pue), after.pue === undefined ? undefined : String(after.pue)),
    // The rack density limit goes back to the new cooling method's own when the method changes.
    ...(after.densityLimitKwPerRack === null && hall.densityLimitKwPerRack !== null ? [`rack density limit ${kw(hall.densityLimitKwPerRack)} → the method's default`] : []),
  ];
}

export function describeHallChange(change: HallChange, models: ReadonlyMap<string, EquipmentModel>, units: UnitSystem): string {
  const parts = [
    ...(change.removed.length ? [`takes out ${unitsOf(change.removed, models, units)}`] : []),
    ...(change.added.length ? [`puts in ${unitsOf(change.added, models, units)}`] : []),
    ...settingsChanged(change.hall, change.after, units),
    ...(change.zonesMerged > 1 ? [`its ${change.zonesMerged} cooling zones become one`] : []),
  ];
  return `${change.hall.name}: ${parts.length ? parts.join('; ') : 'nothing changes'}`;
}
