import { isPowerSource } from '../../../shared/model/load';
import type { EquipmentModel } from '../../../shared/model/schema';
import { formatQuantity, type UnitSystem } from '../../../shared/units';

/** What a model is chosen by, in the user's units: a power source its kVA rating, a cooling unit its capacity, anything else its draw. */
export function modelHeadline(m: EquipmentModel, units: UnitSystem): string {
  if (isPowerSource(m.kind)) return `${formatQuantity(m.ratingKva, 'apparentPower', units)} rated`;
  if (m.kind === 'cdu' || m.kind === 'crah') return `cools ${formatQuantity(m.coolingCapacityKw, 'heat', units)}`;
  return formatQuantity(m.powerKw, 'power', units);
}
