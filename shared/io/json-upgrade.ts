/**
 * Brings a fleet exported as an older JSON version to the current shape, the way the file
 * migrations bring an older .fleet file (db/migrations): version 1 had ratings in kW and no
 * power factors, B feeds or facility water. Ratings keep their number as kVA at power factor
 * 1, which checks exactly as before; facility water starts as the hall's cooling plant.
 * Anything not shaped as expected is left alone for the schema check to name.
 */
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const each = (list: unknown, f: (item: Json) => void): void => {
  if (Array.isArray(list)) for (const item of list) if (isObject(item)) f(item);
};

function fromVersion1(fleet: Json): void {
  each(fleet.models, (m) => {
    if ('ratingKw' in m && !('ratingKva' in m)) {
      m.ratingKva = m.ratingKw;
      delete m.ratingKw;
    }
    m.powerFactor ??= 1;
  });
  each(fleet.placements, (p) => {
    p.powerSourceBId ??= null;
  });
  each(fleet.zones, (z) => {
    z.coolingMethod ??= null;
  });
  each(fleet.halls, (h) => {
    if (h.facilityWater === undefined && isObject(h.cooling)) {
      const { unitCount, unitCapacityKw, redundancy } = h.cooling;
      h.facilityWater = { unitCount, unitCapacityKw, redundancy };
    }
  });
}

/** The fleet of a `version` export, upgraded in place to the current JSON version. */
export function upgradeFleetJson(fleet: unknown, version: number): unknown {
  if (isObject(fleet) && version < 2) fromVersion1(fleet);
  return fleet;
}
