/**
 * Moving a hall on its site plan by dragging it, as equipment is moved in a hall: its
 * corner snaps to whole metres (or feet), the drop is one update command, Escape drops
 * nothing. Pure, so it is tested without an SVG.
 */
import type { Command } from '../../../shared/commands/schema';
import { snap } from '../../../shared/geometry/footprint';
import type { Hall } from '../../../shared/model/schema';
import { displayUnit, type UnitSystem } from '../../../shared/units';
import { roundM } from './gestures/gesture';

export interface SitePoint {
  xM: number;
  yM: number;
}

export interface HallDrag {
  hallId: string;
  /** Where the pointer went down, in site metres. */
  start: SitePoint;
  /** The hall's corner now, snapped. */
  siteXM: number;
  siteYM: number;
  moved: boolean;
}

/** Halls snap to whole units of length: 1 m, or 1 ft. */
export function siteSnapM(units: UnitSystem): number {
  return displayUnit(units, 'length').toStored(1);
}

export function startHallDrag(hall: Hall, start: SitePoint): HallDrag {
  return { hallId: hall.id, start, siteXM: hall.siteXM, siteYM: hall.siteYM, moved: false };
}

/** The drag with the pointer at `at`: the corner moved by as much, snapped. */
export function dragHallTo(drag: HallDrag, hall: Hall, at: SitePoint, stepM: number): HallDrag {
  const siteXM = roundM(snap(hall.siteXM + at.xM - drag.start.xM, stepM));
  const siteYM = roundM(snap(hall.siteYM + at.yM - drag.start.yM, stepM));
  return { ...drag, siteXM, siteYM, moved: drag.moved || siteXM !== hall.siteXM || siteYM !== hall.siteYM };
}

/** The command a drop makes, or null when the hall ends where it started. */
export function hallDropCommand(drag: HallDrag, hall: Hall): Command | null {
  if (drag.siteXM === hall.siteXM && drag.siteYM === hall.siteYM) return null;
  return { type: 'update', table: 'halls', id: hall.id, patch: { siteXM: drag.siteXM, siteYM: drag.siteYM } };
}
