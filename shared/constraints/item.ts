import { footprint, type Rect } from '../geometry/footprint';
import type { EquipmentModel, Placement } from '../model/schema';

/** A placement with what the rules need of it, computed once per change. */
export interface Item {
  p: Placement;
  m: EquipmentModel;
  rect: Rect;
  /** Stands on the slab (overhead busways neither collide nor load the floor). */
  floor: boolean;
  zoneId: string | null;
}

export function makeItem(p: Placement, m: EquipmentModel, zoneId: string | null): Item {
  return { p, m, rect: footprint(p, m), floor: m.mounting === 'floor', zoneId };
}
