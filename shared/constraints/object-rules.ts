/**
 * Rules about one piece of equipment on its own: rack density under the hall's cooling,
 * floor loading on the slab, and staying inside the hall.
 */
import { densityLimitKw } from '../model/cooling';
import type { EquipmentKind, FleetMeta as Fleet, Hall } from '../model/schema';
import type { Item } from './item';
import type { Violation } from './types';

/** Kinds whose power is a rack (or tank, or container) density the cooling must carry. */
const RACK_KINDS: ReadonlySet<EquipmentKind> = new Set(['miner-rack', 'miner-container', 'gpu-rack', 'gpu-server', 'immersion-tank']);

const EPS = 1e-9;

const NONE: readonly Violation[] = Object.freeze([]);

const base = (item: Item, hall: Hall) => ({ objectIds: [item.p.id], hallId: hall.id, siteId: hall.siteId, severity: 'error' as const });

/** Checked for every object on every full check: allocates nothing unless a rule breaks. */
export function objectViolations(item: Item, hall: Hall, fleet: Fleet): readonly Violation[] {
  let out: Violation[] | null = null;
  const { p, m, rect } = item;

  if (RACK_KINDS.has(m.kind)) {
    const limit = densityLimitKw(hall);
    if (m.powerKw > limit + EPS) {
      (out ??= []).push({ ...base(item, hall), id: `rack-density:${p.id}`, rule: 'rack-density', quantity: 'power', limit, value: m.powerKw, margin: limit - m.powerKw, unit: 'kW', message: `${p.label || m.name} (${p.id}) under ${hall.cooling.method} cooling` });
    }
  }

  if (item.floor && m.weightKg > 0) {
    // The slab carries the weight over the footprint plus the service strip in front and behind.
    const areaM2 = m.widthM * (m.depthM + 2 * fleet.floorServiceAreaDepthM);
    const value = m.weightKg / areaM2;
    const limit = hall.floorLimitKgPerM2;
    if (value > limit + EPS) {
      (out ??= []).push({ ...base(item, hall), id: `floor-load:${p.id}`, rule: 'floor-load', quantity: 'floorLoad', limit, value, margin: limit - value, unit: 'kg/m²', message: `${p.label || m.name} (${p.id}) on ${hall.name}` });
    }
  }

  const outside = Math.max(-rect.minX, -rect.minY, rect.maxX - hall.widthM, rect.maxY - hall.depthM);
  if (outside > 1e-6) {
    (out ??= []).push({ ...base(item, hall), id: `outside-hall:${p.id}`, rule: 'outside-hall', quantity: 'length', limit: 0, value: outside, margin: -outside, unit: 'm', message: `${p.label || m.name} (${p.id}) sticks out of ${hall.name}` });
  }
  return out ?? NONE;
}
