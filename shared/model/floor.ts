/**
 * What a unit puts on the slab. One formula, used by the floor-loading rule and by the
 * optimizer (which never proposes equipment a hall's floor cannot carry).
 */
import type { EquipmentModel, FleetMeta } from './schema';

/** kg/m² a floor-standing unit of this model puts on the slab, or null if it does not stand on it. */
export function floorLoadKgPerM2(m: Pick<EquipmentModel, 'mounting' | 'weightKg' | 'widthM' | 'depthM'>, fleet: Pick<FleetMeta, 'floorServiceAreaDepthM'>): number | null {
  if (m.mounting !== 'floor' || m.weightKg <= 0) return null;
  // The slab carries the weight over the footprint plus the service strip in front and behind.
  const areaM2 = m.widthM * (m.depthM + 2 * fleet.floorServiceAreaDepthM);
  return m.weightKg / areaM2;
}
