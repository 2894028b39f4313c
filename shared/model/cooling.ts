/**
 * Cooling capacity after redundancy. Redundant units are held back and do not count:
 * N+1 holds one unit back, 2N half of them (rounded up). A lone unit is counted under
 * any redundancy (holding it back would leave what it cools no cooling at all and every kW
 * an error): a hall's plant or facility water, or a zone's CDUs or CRAHs, asked for N+1 or 2N
 * with one unit, and the checks warn that the spare asked for is missing (spareUnitsMissing).
 */
import type { CoolingMethod, EquipmentKind, EquipmentModel, Hall, Redundancy, Zone } from './schema';

/**
 * Kinds whose power is a rack (or tank) density the hall's cooling must carry at one rack
 * position. A container is not one: it brings its own cooling loop and dry coolers, sized
 * for it, so a 708 kW immersion container is not held to an immersion hall's 250 kW per
 * tank (the hall's total heat is still held to its plant).
 */
export const DENSITY_LIMITED_KINDS: ReadonlySet<EquipmentKind> = new Set(['miner-rack', 'gpu-rack', 'gpu-server', 'immersion-tank']);

/**
 * Heat a unit sends into a CDU's loop: the liquid share of cold-plate (direct-to-chip)
 * equipment. Tanks, containers and hydro miners reject their liquid heat through loops
 * of their own, so a zone needs no CDU for them.
 */
export const cduHeatKw = (m: Pick<EquipmentModel, 'compatibleCooling' | 'powerKw' | 'heatToLiquidFraction'>): number =>
  m.compatibleCooling.includes('direct-to-chip') ? m.powerKw * m.heatToLiquidFraction : 0;

/** Heat a unit gives to the air of the zone it stands in: what does not go to liquid. */
export const airHeatKw = (m: Pick<EquipmentModel, 'powerKw' | 'heatToLiquidFraction'>): number => m.powerKw * (1 - m.heatToLiquidFraction);

/** A unit's heat the hall's plant takes where it stands under the hall's method: all but what it sends to CDUs. */
export const plantHeatKw = (m: Pick<EquipmentModel, 'compatibleCooling' | 'powerKw' | 'heatToLiquidFraction'>): number => m.powerKw - cduHeatKw(m);

/**
 * Liquid heat a unit rejects through a loop of its own rather than a CDU's: an immersion
 * tank's or container's coolant, a hydro miner's water blocks. Where the hall's plant is of
 * their method (an immersion yard's or hydro pad's dry coolers) the plant carries it; in a
 * zone of another method than the hall's, the hall's plant (fan walls in a free-air hall)
 * takes only the unit's air heat, and the liquid heat goes where loopWaterHeatKw says.
 */
export const ownLoopHeatKw = (m: Pick<EquipmentModel, 'compatibleCooling' | 'powerKw' | 'heatToLiquidFraction'>): number => m.powerKw * m.heatToLiquidFraction - cduHeatKw(m);

/**
 * Kinds that bring a cooling loop of their own, rated in the catalog (coolingCapacityKw: a
 * tank's heat exchanger, a container's dry coolers): their liquid heat must fit it, wherever
 * the heat goes on from there. A bare hydro miner's water blocks are the hall's plant's.
 */
export const OWN_LOOP_KINDS: ReadonlySet<EquipmentKind> = new Set(['immersion-tank', 'miner-container']);

/** Kinds whose own loop ends in dry coolers they bring with them: a container, sized for what it holds. */
const OWN_DRY_COOLER_KINDS: ReadonlySet<EquipmentKind> = new Set(['miner-container']);

/**
 * Of a unit's own-loop heat in a zone of another method than its hall's, what the hall's
 * facility water must take away: a tank's heat exchanger or a hydro miner's water blocks
 * hand their heat to the hall's water loop, as a CDU does; only a container leaves the hall
 * through dry coolers of its own. Without it, 1 MW of tanks in an immersion corner of a
 * free-air hall passed with no dry cooler anywhere.
 */
export const loopWaterHeatKw = (m: Pick<EquipmentModel, 'kind' | 'compatibleCooling' | 'powerKw' | 'heatToLiquidFraction'>): number =>
  OWN_DRY_COOLER_KINDS.has(m.kind) ? 0 : ownLoopHeatKw(m);

/** Whether a zone is cooled by another method than its hall's plant (a direct-to-chip pod, an immersion corner in a free-air hall). */
export const otherMethodThanHall = (zone: Pick<Zone, 'coolingMethod'>, hall: Pick<Hall, 'cooling'>): boolean => zone.coolingMethod !== null && zone.coolingMethod !== hall.cooling.method;

/** Units a redundancy asks to hold back of `unitCount`: N none, N+1 one, 2N half (rounded up). */
function askedHeldBackUnits(redundancy: Redundancy, unitCount: number): number {
  switch (redundancy) {
    case 'N':
      return 0;
    case 'N+1':
      return Math.min(1, unitCount);
    case '2N':
      return Math.ceil(unitCount / 2);
  }
}

export function heldBackUnits(redundancy: Redundancy, unitCount: number): number {
  return unitCount >= 2 ? askedHeldBackUnits(redundancy, unitCount) : 0;
}

/**
 * Units the redundancy asks to hold back that are counted all the same: a lone unit under
 * N+1 or 2N. The plant does not have the redundancy asked of it, which the checks warn of.
 */
export const spareUnitsMissing = (redundancy: Redundancy, unitCount: number): number => askedHeldBackUnits(redundancy, unitCount) - heldBackUnits(redundancy, unitCount);

export function usableUnits(redundancy: Redundancy, unitCount: number): number {
  return Math.max(0, unitCount - heldBackUnits(redundancy, unitCount));
}

/** The hall plant's capacity without its redundant units. */
export function usableCoolingKw(hall: Pick<Hall, 'cooling'>): number {
  const { unitCount, unitCapacityKw, redundancy } = hall.cooling;
  return usableUnits(redundancy, unitCount) * unitCapacityKw;
}

/**
 * kW per rack a cooling method carries when the hall sets no limit of its own
 * (REFERENCE.md, "Rack density by cooling method"; free-air mining halls and hydro
 * containers from the reference's miner and container figures).
 */
export const DEFAULT_DENSITY_LIMIT_KW: Record<CoolingMethod, number> = {
  'free-air': 80,
  air: 30,
  'rear-door': 80,
  'direct-to-chip': 150,
  // REFERENCE.md says 100+ kW a tank; the catalog's 48-miner tank draws 256.2 kW against its own
  // 280 kW of cooling, so the default holds a full tank of the catalog's own.
  immersion: 300,
  hydro: 2000,
};

/**
 * kW per rack a rack standing under `method` in this hall may draw. The hall's own limit was
 * set for its own plant, so it holds only under the hall's method; a zone of another method
 * (a direct-to-chip pod in a free-air hall), or the cooling a retrofit option brings, is held
 * to that method's default.
 */
export function densityLimitKw(hall: Pick<Hall, 'densityLimitKwPerRack' | 'cooling'>, method: CoolingMethod = hall.cooling.method): number {
  return method === hall.cooling.method ? (hall.densityLimitKwPerRack ?? DEFAULT_DENSITY_LIMIT_KW[method]) : DEFAULT_DENSITY_LIMIT_KW[method];
}

/** Capacity of the units left after the redundant ones are held back, the largest first (how CDUs of mixed sizes count). */
export function usableCapacityKw(capacitiesKw: Iterable<number>, redundancy: Redundancy): number {
  const caps = [...capacitiesKw].sort((a, b) => a - b);
  return caps.slice(0, usableUnits(redundancy, caps.length)).reduce((t, c) => t + c, 0);
}
