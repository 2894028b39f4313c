/**
 * The capacity rules over running sums (hall, zone, site, power source): each turns a sum
 * into a headroom and, when the limit is exceeded, a violation. Pure functions, so the live
 * checker (which keeps the sums up to date) and the full check (which adds them up in one
 * pass) report exactly the same numbers.
 */
import { spareUnitsMissing, usableCapacityKw, usableUnits } from '../model/cooling';
import { isPowerSource } from '../model/load';
import { feedsOf, ratingText, SOURCE_CLASS_NAMES, sourceClass, usableRatingKva, withSourcesAbove } from '../model/power-chain';
import type { EquipmentModel, Hall, Placement, Redundancy, Site, Zone } from '../model/schema';
import type { Headroom, Violation } from './types';
import { breach, exceeds, LIMIT_TOLERANCE, OUTSIDE_TOLERANCE_M, room } from './rules';
import { placementName } from './item';
import { compareNames } from '../model/order';
import { countOf, mwToKw } from '../units';

const EPS = LIMIT_TOLERANCE;

/** One capacity: its headroom (null: none to report) and its violation (null: within the limit). */
export interface Aggregate {
  key: string;
  headroom: Headroom | null;
  violation: Violation | null;
}

/** A hall's running sums beyond its total load: the heat its CDUs carry and the CDUs standing in it. */
export interface HallSums {
  loadKw: number;
  /** Liquid heat for CDUs (cduHeatKw) of everything in the hall: what facility water must take away. */
  cduHeatKw: number;
  /** Liquid heat through units' own loops (ownLoopHeatKw) in zones of another method than the hall's: the hall's plant takes none of it. */
  ownLoopHeatKw: number;
  /** The part of it the hall's facility water takes away (loopWaterHeatKw): all but containers', which have dry coolers of their own. */
  loopWaterHeatKw: number;
  /** The hall's CDUs: id → capacity (kW). */
  cdus: ReadonlyMap<string, number>;
}


/**
 * A hall's feed and plant against its load, its facility water against its CDUs' heat and,
 * in a hall without zones (cooled as a whole), its CDUs against the liquid heat: a
 * zoned hall checks that per zone.
 */
export function hallAggregates(hall: Hall, sums: HallSums, zoned: boolean): Aggregate[] {
  const base = { hallId: hall.id, siteId: hall.siteId, objectIds: [hall.id] };
  const load = sums.loadKw;
  const plantHeat = load - sums.cduHeatKw - sums.ownLoopHeatKw;
  const cooling = usableUnits(hall.cooling.redundancy, hall.cooling.unitCount) * hall.cooling.unitCapacityKw;
  const water = usableUnits(hall.facilityWater.redundancy, hall.facilityWater.unitCount) * hall.facilityWater.unitCapacityKw;
  const liquid = usableCapacityKw(sums.cdus.values(), hall.cooling.redundancy);
  const waterHeat = sums.cduHeatKw + sums.loopWaterHeatKw;
  const hasLiquid = sums.cdus.size > 0 || waterHeat > EPS;
  // Messages are built only for a breach: a live edit refreshes its hall every time.
  const over = (rule: 'hall-power' | 'hall-cooling' | 'hall-liquid' | 'facility-water', limit: number, value: number, message: () => string) =>
    exceeds(value, limit) ? breach(rule, hall.id, { ...base, limit, value, message: message() }) : null;
  return [
    { key: `hall-power:${hall.id}`, headroom: room('hall-power', hall.id, hall.name, hall.feedKw, load), violation: over('hall-power', hall.feedKw, load, () => hall.name) },
    // Every kW drawn in the hall ends up as heat; what the CDUs carry, and a tank's or hydro
    // unit's liquid heat in a zone of another method, goes to facility water (checked below), a
    // container's to its own dry coolers, so the hall's own plant rejects the rest: air heat, CDU pumps, the gear.
    {
      key: `hall-cooling:${hall.id}`,
      headroom: room('hall-cooling', hall.id, hall.name, cooling, plantHeat),
      violation: over('hall-cooling', cooling, plantHeat, () => `${hall.name} (${countOf(hall.cooling.unitCount, 'cooling unit')}, ${hall.cooling.redundancy})`),
    },
    {
      key: `hall-liquid:${hall.id}`,
      headroom: !zoned && hasLiquid ? room('hall-liquid', hall.id, hall.name, liquid, sums.cduHeatKw) : null,
      violation: zoned ? null : over('hall-liquid', liquid, sums.cduHeatKw, () => `${hall.name} (${countOf(sums.cdus.size, 'CDU')}, ${hall.cooling.redundancy})`),
    },
    {
      key: `facility-water:${hall.id}`,
      headroom: hasLiquid || hall.facilityWater.unitCount > 0 ? room('facility-water', hall.id, hall.name, water, waterHeat) : null,
      violation: over('facility-water', water, waterHeat, () => `${hall.name} (${countOf(hall.facilityWater.unitCount, 'facility cooling unit')}, ${hall.facilityWater.redundancy})`),
    },
    redundancyAggregate(hall, `${hall.id}:plant`, hall.name, hall.cooling.redundancy, () => countOf(hall.cooling.unitCount, 'cooling unit'), unspared(hall.cooling.redundancy, hall.cooling.unitCount, hall.cooling.unitCapacityKw)),
    // Facility water carrying no heat (a free-air mining hall's idle dry cooler) has nothing to hold a spare for.
    redundancyAggregate(hall, `${hall.id}:water`, hall.name, hall.facilityWater.redundancy, () => countOf(hall.facilityWater.unitCount, 'facility cooling unit'), waterHeat > EPS ? unspared(hall.facilityWater.redundancy, hall.facilityWater.unitCount, hall.facilityWater.unitCapacityKw) : 0),
    // A hall cooled as a whole counts its CDUs as one set; a zoned hall, zone by zone.
    loneUnitAggregate(hall, `${hall.id}:cdu`, hall.name, sums.cdus, 'CDU', !zoned && sums.cduHeatKw > EPS),
  ];
}

/** Capacity counted with no spare behind it: a lone unit's, where its redundancy asks for one (spareUnitsMissing); else 0. */
const unspared = (redundancy: Redundancy, unitCount: number, loneUnitKw: number): number => (spareUnitsMissing(redundancy, unitCount) > 0 ? loneUnitKw : 0);

/**
 * As for a plant, for units of their own capacities (id → kW: a zone's CDUs or CRAHs, a
 * hall's CDUs): the warning points at the lone unit, the one to give a spare.
 */
function loneUnitAggregate(hall: Hall, id: string, holder: string, units: ReadonlyMap<string, number>, unitName: string, carriesHeat: boolean): Aggregate {
  const [lone] = carriesHeat && spareUnitsMissing(hall.cooling.redundancy, units.size) > 0 ? units : [];
  return redundancyAggregate(hall, id, holder, hall.cooling.redundancy, () => countOf(units.size, unitName), lone?.[1] ?? 0, lone ? [lone[0]] : []);
}

/**
 * Cooling asked for N+1 or 2N with one unit (the hall's plant or facility water, a zone's or a
 * hall's CDUs, a zone's CRAHs): the unit is counted whole (see cooling.ts), so the heat is not
 * left with no cooling at all, but the spare asked for is not there, and losing that one unit
 * stops what it cools. The value is the capacity counted with no spare behind it (`unsparedKw`).
 */
function redundancyAggregate(hall: Hall, id: string, holder: string, redundancy: Redundancy, units: () => string, unsparedKw: number, objectIds: string[] = [hall.id]): Aggregate {
  const violation =
    unsparedKw > EPS
      ? breach('cooling-redundancy', id, {
          hallId: hall.id,
          siteId: hall.siteId,
          objectIds,
          limit: 0,
          value: unsparedKw,
          message: `${holder} (${redundancy} asked, but ${units()} leaves none to hold back)`,
        })
      : null;
  return { key: `cooling-redundancy:${id}`, headroom: null, violation };
}

/** Placements of a hall that a per-hall rule lists ([id, kW]), in id order so both checkers list and sum them alike. */
function listed(items: Iterable<[id: string, powerKw: number]>): { ids: string[]; totalKw: number } {
  const sorted = [...items].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { ids: sorted.map(([id]) => id), totalKw: sorted.reduce((t, [, kw]) => t + kw, 0) };
}

/**
 * IT equipment standing in none of its hall's cooling zones: the zone rules count no CRAH
 * or CDU against its heat, so without this it would pass wherever it stood (a rack in the
 * strip between two zones). `unzoned` is each such placement's id and power; a hall
 * without zones is cooled as a whole and never has any.
 */
export function unzonedAggregate(hall: Hall, unzoned: Iterable<[id: string, powerKw: number]>, nameOf: NameOf): Aggregate {
  const key = `hall-unzoned:${hall.id}`;
  const { ids, totalKw } = listed(unzoned);
  if (!ids.length) return { key, headroom: null, violation: null };
  return { key, headroom: null, violation: breach('hall-unzoned', hall.id, { objectIds: ids, hallId: hall.id, siteId: hall.siteId, limit: 0, value: totalKw, message: unitsIn(hall, ids, nameOf) }) };
}

/** IT equipment of a hall that names no power source: its kW reaches no feed, so no limit above it counts it. */
export function unfedAggregate(hall: Hall, unfed: Iterable<[id: string, powerKw: number]>, nameOf: NameOf): Aggregate {
  const key = `unfed:${hall.id}`;
  const { ids, totalKw } = listed(unfed);
  if (!ids.length) return { key, headroom: null, violation: null };
  return { key, headroom: null, violation: breach('unfed', hall.id, { objectIds: ids, hallId: hall.id, siteId: hall.siteId, limit: 0, value: totalKw, message: unitsIn(hall, ids, nameOf) }) };
}

/** How a message names a unit it lists: its label, else its model's name. */
export type NameOf = (id: string) => string;

/** Units a listing message names before it counts the rest. */
const NAMED_AT_MOST = 3;

/** "4 units in Hall T (GPU1, GPU2, GPU3 and 1 more)": whose they are, not only how many. */
function unitsIn(hall: Hall, ids: readonly string[], nameOf: NameOf): string {
  const named = firstByName(ids, nameOf, NAMED_AT_MOST).join(', ');
  const more = ids.length > NAMED_AT_MOST ? ` and ${ids.length - NAMED_AT_MOST} more` : '';
  return `${countOf(ids.length, 'unit')} in ${hall.name} (${named}${more})`;
}

/** The first `n` names in the order a reader looks for them (MR7, MR9, MR10), in one pass: a hall may list 100,000 units. */
function firstByName(ids: readonly string[], nameOf: NameOf, n: number): string[] {
  const first: string[] = [];
  for (const id of ids) {
    const name = nameOf(id);
    if (first.length === n && compareNames(name, first[n - 1]!) >= 0) continue;
    const at = first.findIndex((f) => compareNames(name, f) < 0);
    first.splice(at < 0 ? first.length : at, 0, name);
    if (first.length > n) first.pop();
  }
  return first;
}

/** A zone's heat and the capacities of the CRAHs and CDUs standing in it (in placement order). */
export interface ZoneSums {
  airHeatKw: number;
  /** Heat for the zone's CDUs (cduHeatKw): cold-plate racks with no CDU break the limit. */
  liquidHeatKw: number;
  /** The zone's CRAHs and CDUs: id → capacity (kW). */
  crahs: ReadonlyMap<string, number>;
  cdus: ReadonlyMap<string, number>;
}

/** "Zone AI corner", or "Zone 1" as it is named, not "Zone Zone 1". */
const zoneName = (zone: Pick<Zone, 'name'>): string => (/^zone\b/i.test(zone.name) ? zone.name : `Zone ${zone.name}`);

export function zoneAggregates(zone: Zone, hall: Hall, sums: ZoneSums): Aggregate[] {
  const base = { hallId: hall.id, siteId: hall.siteId, objectIds: [zone.id] };
  const air = zone.airCoolingKw + usableCapacityKw(sums.crahs.values(), hall.cooling.redundancy);
  const liquid = usableCapacityKw(sums.cdus.values(), hall.cooling.redundancy);
  const hasLiquid = sums.cdus.size > 0 || sums.liquidHeatKw > EPS;
  const message = `${zoneName(zone)} in ${hall.name}`;
  return [
    {
      key: `zone-air:${zone.id}`,
      headroom: room('zone-air', zone.id, zone.name, air, sums.airHeatKw),
      violation: exceeds(sums.airHeatKw, air) ? breach('zone-air', zone.id, { ...base, limit: air, value: sums.airHeatKw, message }) : null,
    },
    sticksOut('zone-outside-hall', zone.id, base, zone.xM, zone.yM, zone.widthM, zone.depthM, hall.widthM, hall.depthM, `${zoneName(zone)} sticks out of ${hall.name}`),
    {
      key: `zone-liquid:${zone.id}`,
      headroom: hasLiquid ? room('zone-liquid', zone.id, zone.name, liquid, sums.liquidHeatKw) : null,
      violation: exceeds(sums.liquidHeatKw, liquid) ? breach('zone-liquid', zone.id, { ...base, limit: liquid, value: sums.liquidHeatKw, message }) : null,
    },
    loneUnitAggregate(hall, `${zone.id}:cdu`, message, sums.cdus, 'CDU', sums.liquidHeatKw > EPS),
    loneUnitAggregate(hall, `${zone.id}:crah`, message, sums.crahs, 'CRAH', sums.airHeatKw > zone.airCoolingKw + EPS),
  ];
}

/**
 * A rectangle (a zone in its hall, a hall on its site) that sticks out of its parent: a hall
 * resized under its zones, or moved off its site, which the fields alone cannot prevent. The
 * value is how far, in metres; a millimetre out is out, as it is for equipment in its hall.
 */
function sticksOut(rule: 'zone-outside-hall' | 'hall-outside-site', id: string, base: Pick<Violation, 'hallId' | 'siteId' | 'objectIds'>, x: number, y: number, w: number, d: number, parentW: number, parentD: number, message: string): Aggregate {
  const by = Math.max(-x, -y, x + w - parentW, y + d - parentD);
  return { key: `${rule}:${id}`, headroom: null, violation: by > OUTSIDE_TOLERANCE_M ? breach(rule, id, { ...base, limit: 0, value: by, message }) : null };
}

/** A hall's place on its site. */
export function hallSiteAggregate(hall: Hall, site: Site): Aggregate {
  return sticksOut('hall-outside-site', hall.id, { hallId: hall.id, siteId: site.id, objectIds: [hall.id] }, hall.siteXM, hall.siteYM, hall.widthM, hall.depthM, site.widthM, site.depthM, `${hall.name} sticks out of ${site.name}`);
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
        if (by <= OUTSIDE_TOLERANCE_M) continue;
        const id = `${a.id}:${b.id}`;
        out.push({ key: `halls-overlap:${id}`, headroom: null, violation: breach('halls-overlap', id, { objectIds: [a.id, b.id], hallId: null, siteId: a.siteId, limit: 0, value: by, message: `${a.name} and ${b.name}` }) });
      }
    });
  }
  return out;
}

/**
 * `gridKw` is the site's IT load × each hall's PUE: what flows through its transformers and
 * its interconnect, each checked against it. `feedsKw`, the sum of its hall feed ratings,
 * is only a warning over the transformers: feeds are sized with margin and rarely all drawn.
 */
export function siteAggregates(site: Site, gridKw: number, feedsKw: number): Aggregate[] {
  const base = { hallId: null, siteId: site.id, objectIds: [site.id] };
  const interconnectKw = mwToKw(site.interconnectMw);
  const transformerKw = mwToKw(site.transformerCapacityMw);
  const over = (rule: 'site-interconnect' | 'site-transformer' | 'site-feeds', limit: number, value: number) => (exceeds(value, limit) ? breach(rule, site.id, { ...base, limit, value, message: site.name }) : null);
  return [
    { key: `site-interconnect:${site.id}`, headroom: room('site-interconnect', site.id, site.name, interconnectKw, gridKw), violation: over('site-interconnect', interconnectKw, gridKw) },
    { key: `site-transformer:${site.id}`, headroom: room('site-transformer', site.id, site.name, transformerKw, gridKw), violation: over('site-transformer', transformerKw, gridKw) },
    { key: `site-feeds:${site.id}`, headroom: null, violation: over('site-feeds', transformerKw, feedsKw) },
  ];
}

/**
 * The loads (units that draw power, not sources) fed A from one source and B from another:
 * their apparent power (kVA) and their ids. Each source carries them in full, but a source
 * both feeds lead to carries them once, and the A/B rule asks where the two chains meet.
 */
export interface FeedPair {
  kva: number;
  units: Map<string, { p: Placement; m: EquipmentModel }>;
}

/** What the power-chain rules need to know of the placed equipment. */
export interface PowerGraph {
  /** The placement and model of a checked placement, undefined if it is not in the check. */
  find(id: string): { p: Placement; m: EquipmentModel } | undefined;
  /** Apparent power (kVA) of the placements a source feeds directly (sources below it not included). */
  directLoadKva(id: string): number;
  /** Sources fed by this one, in the order they were placed. */
  childSources(id: string): Iterable<string>;
  /** The loads fed A from this source, by the other source that feeds them B. */
  pairsFedA(id: string): ReadonlyMap<string, FeedPair> | undefined;
}

/** `ids` and every source above them, in the order their aggregates are refreshed. */
export const sourcesAbove = (ids: string[], graph: PowerGraph): Set<string> => withSourcesAbove(ids, (id) => graph.find(id)?.p);

/** A source and every source below it, each once (depth first); null if a loop is reachable from it. */
function sourcesUnder(id: string, graph: PowerGraph): Set<string> | null {
  const under = new Set<string>();
  const onPath = new Set<string>();
  const walk = (s: string): boolean => {
    if (onPath.has(s)) return false;
    if (under.has(s)) return true;
    under.add(s);
    onPath.add(s);
    for (const child of graph.childSources(s)) if (graph.find(child) && !walk(child)) return false;
    onPath.delete(s);
    return true;
  };
  return walk(id) ? under : null;
}

/**
 * Total apparent power under a source, through cascaded sources; null if the chain loops.
 * A unit fed A and B counts in full under each, since either must carry it alone; but a
 * source both of its feeds lead to carries it once, whichever path brings it. So each
 * source below is counted once however many paths reach it, and a load whose A and B
 * sources both stand below is taken off once.
 */
function cascadedLoad(id: string, graph: PowerGraph): number | null {
  // Most sources (a busway run over racks) feed no other source: their direct load is all.
  let feedsSources = false;
  for (const child of graph.childSources(id)) if ((feedsSources = graph.find(child) !== undefined)) break;
  if (!feedsSources) return graph.directLoadKva(id);
  const under = sourcesUnder(id, graph);
  if (!under) return null;
  let total = 0;
  for (const s of under) total += graph.directLoadKva(s);
  for (const s of under) for (const [b, pair] of graph.pairsFedA(s) ?? []) if (under.has(b)) total -= pair.kva;
  return total;
}

const none = (key: string): Aggregate => ({ key, headroom: null, violation: null });

/** The first feed of a source that is a smaller class of source than it (a transformer fed by a PDU), or null. */
function smallerFeed(p: Placement, m: EquipmentModel, graph: PowerGraph): { p: Placement; m: EquipmentModel } | null {
  if (p.powerSourceId === null && p.powerSourceBId === null) return null;
  for (const feed of feedsOf(p)) {
    const parent = graph.find(feed);
    if (parent && isPowerSource(parent.m.kind) && sourceClass(parent.m.kind) < sourceClass(m.kind)) return parent;
  }
  return null;
}

/**
 * A source's rating (derated for continuous load) against the apparent power under it, the
 * power-cycle violation when it feeds itself, and the power-class one when it is fed from a
 * smaller class. Every key always comes back, so a caller can clear what no longer holds.
 */
export function sourceAggregates(id: string, graph: PowerGraph, halls: ReadonlyMap<string, Hall>, derate: number): Aggregate[] {
  const keys = { source: `power-source:${id}`, cycle: `power-cycle:${id}`, class: `power-class:${id}` };
  const item = graph.find(id);
  if (!item || !isPowerSource(item.m.kind)) return [none(keys.source), none(keys.cycle), none(keys.class)];
  const hall = halls.get(item.p.hallId)!;
  // Names and objects are built only for a breach: the full check refreshes every source of the fleet.
  const base = () => ({ hallId: hall.id, siteId: hall.siteId, objectIds: [id] });
  const parent = smallerFeed(item.p, item.m, graph);
  const classAggregate: Aggregate = parent
    ? { key: keys.class, headroom: null, violation: breach('power-class', id, { ...base(), objectIds: [id, parent.p.id], limit: 0, value: 0, message: `${placementName(item.p, item.m)} (${SOURCE_CLASS_NAMES[sourceClass(item.m.kind)]}) is fed from ${placementName(parent.p, parent.m)} (${SOURCE_CLASS_NAMES[sourceClass(parent.m.kind)]})` }) }
    : none(keys.class);
  const load = cascadedLoad(id, graph);
  if (load === null) {
    return [none(keys.source), { key: keys.cycle, headroom: null, violation: breach('power-cycle', id, { ...base(), limit: 0, value: 0, message: `${placementName(item.p, item.m)} is fed, through other sources, from itself` }) }, classAggregate];
  }
  const capacity = usableRatingKva(item.m, derate);
  return [
    {
      key: keys.source,
      headroom: room('power-source', id, item.p.label || item.m.name, capacity, load),
      violation: exceeds(load, capacity) ? breach('power-source', id, { ...base(), limit: capacity, value: load, message: `${placementName(item.p, item.m)}, ${ratingText(item.m, derate)}` }) : null,
    },
    none(keys.cycle),
    classAggregate,
  ];
}

/** Loads on two feeds, by A source and then B source. */
export type FeedPairs = Map<string, Map<string, FeedPair>>;

/** Adds (sign 1) or takes away (sign −1) a load fed A from `a` and B from `b`; a pair left with no load goes. */
export function countFeedPair(pairs: FeedPairs, a: string, b: string, unit: { p: Placement; m: EquipmentModel }, kva: number, sign: 1 | -1): void {
  let byB = pairs.get(a);
  if (!byB) pairs.set(a, (byB = new Map()));
  let pair = byB.get(b);
  if (!pair) byB.set(b, (pair = { kva: 0, units: new Map() }));
  pair.kva += sign * kva;
  if (sign > 0) pair.units.set(unit.p.id, unit);
  else pair.units.delete(unit.p.id);
  if (pair.units.size) return;
  byB.delete(b);
  if (!byB.size) pairs.delete(a);
}

/** What `onEveryPathUp` found for each source, kept for one check (the pairs under one source ask it of the same ones), and the walk's path. */
export interface PathMemo {
  known: Map<string, readonly string[] | null>;
  onPath: Set<string>;
}

export const pathMemo = (): PathMemo => ({ known: new Map(), onPath: new Set() });

/**
 * The sources every path up from source `id` passes through, `id` first and then upwards:
 * what its loss or maintenance cuts off. A source fed A and B passes through only what both
 * of its feeds pass through. Only feeds that are sources count: the site's transformers
 * stand above them all. Null where a loop is reached going up (the power-cycle rule's).
 */
function onEveryPathUp(id: string, graph: PowerGraph, memo: PathMemo): readonly string[] | null {
  const known = memo.known.get(id);
  if (known !== undefined) return known;
  const onPath = memo.onPath;
  if (onPath.has(id)) return null;
  onPath.add(id);
  let common: readonly string[] | undefined;
  let loops = false;
  for (const feed of feedsOf(graph.find(id)!.p)) {
    const parent = graph.find(feed);
    if (!parent || !isPowerSource(parent.m.kind)) continue;
    const up = onEveryPathUp(feed, graph, memo);
    if (!up) {
      loops = true;
      break;
    }
    common = common ? common.filter((s) => up.includes(s)) : up;
  }
  onPath.delete(id);
  const path = loops ? null : [id, ...(common ?? [])];
  memo.known.set(id, path);
  return path;
}

type Placed = { p: Placement; m: EquipmentModel };

/** "its A feed, Busway 1, hangs from its B feed, 1.1 (Floor PDU 400 kVA)", or "… and B feed, Busway 2, both hang from …". */
function whereFeedsMeet(a: Placed, b: Placed, shared: Placed, its: 'its' | 'their'): string {
  const label = (x: Placed) => x.p.label || x.m.name;
  if (shared.p.id === b.p.id) return `${its} A feed, ${label(a)}, hangs from ${its} B feed, ${placementName(b.p, b.m)}`;
  if (shared.p.id === a.p.id) return `${its} B feed, ${label(b)}, hangs from ${its} A feed, ${placementName(a.p, a.m)}`;
  return `${its} A feed, ${label(a)}, and B feed, ${label(b)}, both hang from ${placementName(shared.p, shared.m)}`;
}

/**
 * Loads fed A from `a` and B from `b` whose two chains meet at one source (the nearest is
 * named). An A/B design promises that either feed can fail or be shut down for maintenance
 * while the other carries the unit; a source both feeds pass through breaks that promise
 * whole, since losing it drops both, as surely as if the unit hung from it alone. So it is
 * an error, like a unit that takes A and B feeds fed from one source; the value is the
 * apparent power left without a second path.
 */
export function sharedSourceAggregate(a: string, b: string, pair: FeedPair | undefined, graph: PowerGraph, halls: ReadonlyMap<string, Hall>, memo: PathMemo): Aggregate {
  const key = `shared-source:${a}|${b}`;
  const feedA = graph.find(a);
  const feedB = graph.find(b);
  if (!pair || !feedA || !feedB || !isPowerSource(feedA.m.kind) || !isPowerSource(feedB.m.kind)) return none(key);
  const upA = onEveryPathUp(a, graph, memo);
  const upB = onEveryPathUp(b, graph, memo);
  const shared = upA && upB ? upA.find((s) => upB.includes(s)) : undefined;
  if (shared === undefined) return none(key);
  const ids = [...pair.units.keys()].sort();
  const first = pair.units.get(ids[0]!)!;
  const hall = halls.get(first.p.hallId)!;
  const message = `${ids.length === 1 ? placementName(first.p, first.m) : countOf(ids.length, 'unit')}: ${whereFeedsMeet(feedA, feedB, graph.find(shared)!, ids.length === 1 ? 'its' : 'their')}`;
  return { key, headroom: null, violation: breach('shared-source', `${a}|${b}`, { objectIds: [...ids, shared], hallId: hall.id, siteId: hall.siteId, limit: 0, value: pair.kva, message }) };
}
