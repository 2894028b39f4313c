/**
 * How far a power source reaches the units it feeds directly: the last link of the power
 * chain, which the feed-reach rule holds. REFERENCE.md gives no figures for it; these are
 * the planner's own, chosen so that what a site could not energize is caught and what a
 * normal layout does is not. Sources fed from sources are cabled upstream and not held to
 * them.
 */
import type { EquipmentKind } from './schema';
import type { Meters } from '../units';

/**
 * How far across its run (m) a busway reaches a unit's footprint: a plug-in tap-off box hangs
 * from the bar and its whip (cords of 1.8-3 m, most of that spent dropping to the rack's inlet)
 * reaches a rack under the run or one beside it across a hot aisle (two rows back to back
 * often share a run above the aisle between them), not the next row over.
 */
export const TAP_OFF_REACH_M: Meters = 1.5;

/**
 * The longest run (m) a busway makes along its axis from the section placed for it to the
 * far side of a unit it feeds: runs of 800-1250 A bar are built to a row's length, and past
 * about 50 m the voltage drop along the bar at full load passes the 2-3 % a branch is designed to.
 */
export const BUSWAY_RUN_MAX_M: Meters = 50;

/**
 * How far a cable from a source of each kind that feeds units directly reaches, footprint to
 * footprint along and across the hall, as cable trays run (m): a floor PDU's branch whips
 * serve its own rows; a skid's or UPS's feeders, sized for their voltage drop, reach across
 * a hall (a CRAH on the far wall of an 80 × 40 m pod is routine); a transformer's low-voltage
 * cables the containers on its pad, where voltage drop at hundreds of amps keeps them to a
 * few tens of metres. Busways are tapped, not cabled.
 */
export const CABLE_REACH_M: Readonly<Partial<Record<EquipmentKind, Meters>>> = {
  pdu: 15,
  switchboard: 100,
  ups: 100,
  transformer: 50,
  generator: 50,
};
