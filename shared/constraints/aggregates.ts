/**
 * The capacity rules over running sums (hall, zone, site, power source): each turns a sum
 * into a headroom and, when the limit is exceeded, a violation. Pure functions, so the live
 * checker (which keeps the sums up to date) and the full check (which adds them up in one
 * pass) report exactly the same numbers.
 */
import { usableUnits } from '../model/cooling';
import { isPowerSource } from '../model/load';
import type { EquipmentModel, Hall, Placement, Site, Zone } from '../model/schema';
import type { Headroom, Violation } from './types';
import { placementName } from './item';
import { countOf } from '../units';

const EPS = 1e-9;

/** One capacity: its headroom (null: none to report) and its violation (null: within the limit). */
export interface Aggregate {
  key: string;
  headroom: Headroom | null;
  violation: Violation | null;
}

export function hallAggregates(hall: Hall, load: number): Aggregate[] {
  const base = { hallId: hall.id, siteId: hall.siteId, severity: 'error' as const, objectIds: [hall.id] };
  const cooling = usableUnits(hall.cooling.redundancy, hall.cooling.unitCount) * hall.cooling.unitCapacityKw;
  return [
    {
      key: `hall-power:${hall.id}`,
      headroom: { kind: 'hall-power', id: hall.id, name: hall.name, capacity: hall.feedKw, load, headroom: hall.feedKw - load, unit: 'kW' },
      violation: load > hall.feedKw + EPS ? { ...base, id: `hall-power:${hall.id}`, rule: 'hall-power', quantity: 'power', limit: hall.feedKw, value: load, margin: hall.feedKw - load, unit: 'kW', message: hall.name } : null,
    },
    // All electrical power drawn in the hall ends up as heat its plant must reject.
    {
      key: `hall-cooling:${hall.id}`,
      headroom: { kind: 'hall-cooling', id: hall.id, name: hall.name, capacity: cooling, load, headroom: cooling - load, unit: 'kW' },
      violation: load > cooling + EPS ? { ...base, id: `hall-cooling:${hall.id}`, rule: 'hall-cooling', quantity: 'heat', limit: cooling, value: load, margin: cooling - load, unit: 'kW', message: `${hall.name} (${countOf(hall.cooling.unitCount, 'cooling unit')}, ${hall.cooling.redundancy})` } : null,
    },
  ];
}

/**
 * IT equipment standing in none of its hall's cooling zones: the zone rules count no CRAH
 * or CDU against its heat, so without this it would pass wherever it stood (a rack in the
 * strip between two zones). `unzoned` is each such placement's id and power; a hall
 * without zones is cooled as a whole and never has any.
 */
export function unzonedAggregate(hall: Hall, unzoned: Iterable<[id: string, powerKw: number]>): Aggregate {
  const key = `hall-unzoned:${hall.id}`;
  // In id order, so the live checker and the full check list and sum them alike.
  const items = [...unzoned].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (!items.length) return { key, headroom: null, violation: null };
  const heatKw = items.reduce((t, [, kw]) => t + kw, 0);
  return {
    key,
    headroom: null,
    violation: { id: key, rule: 'hall-unzoned', severity: 'error', objectIds: items.map(([id]) => id), hallId: hall.id, siteId: hall.siteId, quantity: 'heat', limit: 0, value: heatKw, margin: -heatKw, unit: 'kW', message: `${countOf(items.length, 'unit')} in ${hall.name}` },
  };
}

/** A zone's heat and the capacities of the CRAHs and CDUs standing in it (in placement order). */
export interface ZoneSums {
  airHeatKw: number;
  /** Heat for the zone's CDUs (cduHeatKw): cold-plate racks with no CDU break the limit. */
  liquidHeatKw: number;
  crahKw: Iterable<number>;
  cduKw: Iterable<number>;
  cduCount: number;
}

export function zoneAggregates(zone: Zone, hall: Hall, sums: ZoneSums): Aggregate[] {
  const base = { hallId: hall.id, siteId: hall.siteId, severity: 'error' as const, objectIds: [zone.id] };
  const usable = (units: Iterable<number>) => {
    const caps = [...units].sort((a, b) => a - b);
    // Redundant units held back are the largest ones: the zone must cope without them.
    return caps.slice(0, usableUnits(hall.cooling.redundancy, caps.length)).reduce((t, c) => t + c, 0);
  };
  const air = zone.airCoolingKw + usable(sums.crahKw);
  const liquid = usable(sums.cduKw);
  const hasLiquid = sums.cduCount > 0 || sums.liquidHeatKw > EPS;
  return [
    {
      key: `zone-air:${zone.id}`,
      headroom: { kind: 'zone-air', id: zone.id, name: zone.name, capacity: air, load: sums.airHeatKw, headroom: air - sums.airHeatKw, unit: 'kW' },
      violation: sums.airHeatKw > air + EPS ? { ...base, id: `zone-air:${zone.id}`, rule: 'zone-air', quantity: 'heat', limit: air, value: sums.airHeatKw, margin: air - sums.airHeatKw, unit: 'kW', message: `Zone ${zone.name} in ${hall.name}` } : null,
    },
    sticksOut(`zone-outside-hall:${zone.id}`, 'zone-outside-hall', { ...base, objectIds: [zone.id] }, zone.xM, zone.yM, zone.widthM, zone.depthM, hall.widthM, hall.depthM, `Zone ${zone.name} sticks out of ${hall.name}`),
    {
      key: `zone-liquid:${zone.id}`,
      headroom: hasLiquid ? { kind: 'zone-liquid', id: zone.id, name: zone.name, capacity: liquid, load: sums.liquidHeatKw, headroom: liquid - sums.liquidHeatKw, unit: 'kW' } : null,
      violation: sums.liquidHeatKw > liquid + EPS ? { ...base, id: `zone-liquid:${zone.id}`, rule: 'zone-liquid', quantity: 'heat', limit: liquid, value: sums.liquidHeatKw, margin: liquid - sums.liquidHeatKw, unit: 'kW', message: `Zone ${zone.name} in ${hall.name}` } : null,
    },
  ];
}

/**
 * A rectangle (a zone in its hall, a hall on its site) that sticks out of its parent by
 * more than a millimetre: a hall resized under its zones, or moved off its site, which the
 * fields alone cannot prevent. The value is how far, in metres.
 */
function sticksOut(key: string, rule: 'zone-outside-hall' | 'hall-outside-site', base: Pick<Violation, 'hallId' | 'siteId' | 'severity' | 'objectIds'>, x: number, y: number, w: number, d: number, parentW: number, parentD: number, message: string): Aggregate {
  const by = Math.max(-x, -y, x + w - parentW, y + d - parentD);
  return { key, headroom: null, violation: by > 1e-3 ? { ...base, id: key, rule, quantity: 'length', limit: 0, value: by, margin: -by, unit: 'm', message } : null };
}

/** A hall's place on its site. */
export function hallSiteAggregate(hall: Hall, site: Site): Aggregate {
  return sticksOut(`hall-outside-site:${hall.id}`, 'hall-outside-site', { hallId: hall.id, siteId: site.id, severity: 'error', objectIds: [hall.id] }, hall.siteXM, hall.siteYM, hall.widthM, hall.depthM, site.widthM, site.depthM, `${hall.name} sticks out of ${site.name}`);
}

/**
 * Halls of one site that stand on each other on the site plan: buildings cannot, and the
 * plan would print them so. One violation per pair, in hall order; the value is how far
 * they overlap (the lesser of the two directions), in metres.
 */
export function hallOverlapAggregates(halls: readonly Hall[]): Aggregate[] {
  const bySite = new Map<string, Hall[]>();
  for (const h of halls) {
    const onSite = bySite.get(h.siteId);
    if (onSite) onSite.push(h);
    else bySite.set(h.siteId, [h]);
  }
  const out: Aggregate[] = [];
  for (const site of bySite.values()) {
    site.forEach((a, i) => {
      for (const b of site.slice(i + 1)) {
        const inX = Math.min(a.siteXM + a.widthM, b.siteXM + b.widthM) - Math.max(a.siteXM, b.siteXM);
        const inY = Math.min(a.siteYM + a.depthM, b.siteYM + b.depthM) - Math.max(a.siteYM, b.siteYM);
        const by = Math.min(inX, inY);
        if (by <= 1e-3) continue;
        const key = `halls-overlap:${a.id}:${b.id}`;
        out.push({ key, headroom: null, violation: { id: key, rule: 'halls-overlap', severity: 'error', objectIds: [a.id, b.id], hallId: null, siteId: a.siteId, quantity: 'length', limit: 0, value: by, margin: -by, unit: 'm', message: `${a.name} and ${b.name}` } });
      }
    });
  }
  return out;
}

/** `gridKw` is the site's IT load × each hall's PUE, `feedsKw` the sum of its hall feeds. */
export function siteAggregates(site: Site, gridKw: number, feedsKw: number): Aggregate[] {
  const base = { hallId: null, siteId: site.id, severity: 'error' as const, objectIds: [site.id] };
  const interconnectKw = site.interconnectMw * 1000;
  const transformerKw = site.transformerCapacityMw * 1000;
  return [
    {
      key: `site-interconnect:${site.id}`,
      headroom: { kind: 'site-interconnect', id: site.id, name: site.name, capacity: interconnectKw, load: gridKw, headroom: interconnectKw - gridKw, unit: 'kW' },
      violation: gridKw > interconnectKw + EPS ? { ...base, id: `site-interconnect:${site.id}`, rule: 'site-interconnect', quantity: 'power', limit: interconnectKw, value: gridKw, margin: interconnectKw - gridKw, unit: 'kW', message: site.name } : null,
    },
    {
      key: `site-transformer:${site.id}`,
      headroom: { kind: 'site-transformer', id: site.id, name: site.name, capacity: transformerKw, load: feedsKw, headroom: transformerKw - feedsKw, unit: 'kW' },
      violation: feedsKw > transformerKw + EPS ? { ...base, id: `site-transformer:${site.id}`, rule: 'site-transformer', quantity: 'power', limit: transformerKw, value: feedsKw, margin: transformerKw - feedsKw, unit: 'kW', message: site.name } : null,
    },
  ];
}

/** What the power-chain rule needs to know of the placed equipment. */
export interface PowerGraph {
  /** The placement and model of a checked placement, undefined if it is not in the check. */
  find(id: string): { p: Placement; m: EquipmentModel } | undefined;
  /** Apparent power (kVA) of the placements a source feeds directly (sources below it not included). */
  directLoadKva(id: string): number;
  /** Sources fed by this one, in the order they were placed. */
  childSources(id: string): Iterable<string>;
}

/** `ids` and every source above them, in the order their aggregates are refreshed. */
export function sourcesAbove(ids: string[], graph: PowerGraph): Set<string> {
  // A change below a source changes every source above it.
  const seen = new Set<string>();
  const queue = [...ids];
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const p = graph.find(id)?.p;
    if (p?.powerSourceId) queue.push(p.powerSourceId);
    if (p?.powerSourceBId) queue.push(p.powerSourceBId);
  }
  return seen;
}

/**
 * Total apparent power under a source, through cascaded sources; null if the chain loops.
 * A unit fed A and B counts in full under each: either must carry it alone.
 */
function cascadedLoad(id: string, graph: PowerGraph, path: Set<string>): number | null {
  if (path.has(id)) return null;
  path.add(id);
  let total = graph.directLoadKva(id);
  for (const child of graph.childSources(id)) {
    if (!graph.find(child)) continue;
    const sub = cascadedLoad(child, graph, path);
    if (sub === null) return null;
    total += sub;
  }
  path.delete(id);
  return total;
}

/**
 * A source's rating (derated for continuous load) against the load under it, and the
 * power-cycle violation when it feeds itself. Both keys always come back, so a caller can
 * clear what no longer holds.
 */
export function sourceAggregates(id: string, graph: PowerGraph, halls: ReadonlyMap<string, Hall>, derate: number): [Aggregate, Aggregate] {
  const key = `power-source:${id}`;
  const cycleKey = `power-cycle:${id}`;
  const item = graph.find(id);
  if (!item || !isPowerSource(item.m.kind)) return [{ key, headroom: null, violation: null }, { key: cycleKey, headroom: null, violation: null }];
  const hall = halls.get(item.p.hallId)!;
  const name = item.p.label || item.m.name;
  const fullName = placementName(item.p, item.m);
  const base = { hallId: hall.id, siteId: hall.siteId, severity: 'error' as const, objectIds: [id] };
  const load = cascadedLoad(id, graph, new Set());
  if (load === null) {
    return [
      { key, headroom: null, violation: null },
      { key: cycleKey, headroom: null, violation: { ...base, id: cycleKey, rule: 'power-cycle', quantity: 'power', limit: 0, value: 0, margin: 0, unit: 'kW', message: `${fullName} is fed, through other sources, from itself` } },
    ];
  }
  const capacity = item.m.ratingKva * derate;
  return [
    {
      key,
      headroom: { kind: 'pdu', id, name, capacity, load, headroom: capacity - load, unit: 'kVA' },
      violation: load > capacity + EPS ? { ...base, id: key, rule: 'power-source', quantity: 'apparentPower', limit: capacity, value: load, margin: capacity - load, unit: 'kVA', message: `${fullName}, ${item.m.ratingKva} kVA × ${derate} continuous` } : null,
    },
    { key: cycleKey, headroom: null, violation: null },
  ];
}
