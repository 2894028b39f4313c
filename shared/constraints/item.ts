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

/**
 * A placement as the user knows it: its label and what it is ("1.1 (GB200 NVL72 rack)"),
 * or just the model when unlabelled. Ids stay out of messages; the problem list selects
 * the offenders on a click.
 */
export const placementName = (p: Pick<Placement, 'label'>, m: Pick<EquipmentModel, 'name'>): string => (p.label ? `${p.label} (${m.name})` : m.name);

/** A unit as a list of several names it: its label, else its model's name. */
export const shortName = (p: Pick<Placement, 'label'>, m: Pick<EquipmentModel, 'name'>): string => p.label || m.name;

export function makeItem(p: Placement, m: EquipmentModel, zoneId: string | null): Item {
  return { p, m, rect: footprint(p, m), floor: m.mounting === 'floor', zoneId };
}
