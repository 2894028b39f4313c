/**
 * The live constraint checker. It keeps every placement's derived facts, a spatial index
 * per hall and running sums per hall, zone and power source, so an edit re-evaluates only
 * the objects it touches, their neighbours, and the sums it changes. The full check
 * (full-check.ts) applies the same rule functions in one stateless pass; the property test
 * holds the two to the same result after every edit.
 */
import { airHeatKw, cduHeatKw, loopWaterHeatKw, otherMethodThanHall, ownLoopHeatKw } from '../model/cooling';
import { zoneOf } from '../model/zones';
import type { Change } from '../commands/apply';
import { isItEquipment, isPowerSource, itPowerKw, needsFeed } from '../model/load';
import { apparentPowerKva, feedsOf } from '../model/power-chain';
import type { EquipmentModel, FleetDoc, Hall, Placement, Site, Zone } from '../model/schema';
import { countFeedPair, hallAggregates, hallOverlapAggregates, hallSiteAggregate, pathMemo, sharedSourceAggregate, siteAggregates, sourceAggregates, sourcesAbove, unfedAggregate, unzonedAggregate, zoneAggregates, type Aggregate, type FeedPairs, type PowerGraph } from './aggregates';
import { makeItem, shortName, type Item } from './item';
import { beyondReach, hallOffset, judgedFeed, reachViolation } from './feed-rules';
import { coolingMethodAt, modelViolates, objectViolations, placementViolates } from './object-rules';
import { neighbourReach, pairViolates, pairViolations, searchReach } from './pair-rules';
import { SpatialIndex } from '../geometry/spatial-index';
import { RULE_SPECS, RULES } from './rules';
import type { CheckResult, Headroom, Violation } from './types';

const CELL_M = 4;

interface ZoneSums {
  airHeatKw: number;
  liquidHeatKw: number;
  crah: Map<string, number>;
  cdu: Map<string, number>;
}

export class LiveChecker {
  private doc!: FleetDoc;
  private models = new Map<string, EquipmentModel>();
  private halls = new Map<string, Hall>();
  private sites = new Map<string, Site>();
  private zonesByHall = new Map<string, Zone[]>();
  private items = new Map<string, Item>();
  private index = new Map<string, SpatialIndex<Item>>();
  private hallLoadKw = new Map<string, number>();
  /** IT load per hall, by the hall's position in `halls`. */
  private hallItKw = new Float64Array(0);
  private hallNumber = new Map<string, number>();
  /** Each site's halls as numbers, their PUEs and summed feeds: what a site refresh reads, kept compact. */
  private siteHalls = new Map<string, { halls: Int32Array; pue: Float64Array; feedsKw: number }>();
  private zoneSums = new Map<string, ZoneSums>();
  /** Per hall with zones: its IT equipment standing in none, by id, with its power. */
  private unzoned = new Map<string, Map<string, number>>();
  /** Per hall: its IT equipment that names no power source, by id, with its power. */
  private unfed = new Map<string, Map<string, number>>();
  /** Per hall: the liquid heat its CDUs must carry, and its CDUs' capacities by id. */
  private hallCduHeatKw = new Map<string, number>();
  private hallCdus = new Map<string, Map<string, number>>();
  /** Per hall: liquid heat through units' own loops in its zones of another method (the hall's plant takes none of it). */
  private hallOwnLoopHeatKw = new Map<string, number>();
  /** Per hall: the part of that heat its facility water takes away. */
  private hallLoopWaterHeatKw = new Map<string, number>();
  private zoneById = new Map<string, Zone>();
  /** Apparent power (kVA) of the placements a source feeds directly (sources below it not included). */
  private directLoadKva = new Map<string, number>();
  private childSources = new Map<string, Set<string>>();
  /** Loads on two feeds by A source, then B source; and for each B source, the A sources it is paired with. */
  private feedPairs: FeedPairs = new Map();
  private pairedWithB = new Map<string, Set<string>>();
  /** The units (not sources) each source feeds, A or B: they are judged against its reach again when it moves. */
  private fedUnits = new Map<string, Set<string>>();
  private violations = new Map<string, Violation>();
  /** Pair and object violations by placement, to drop them when it changes. */
  private byObject = new Map<string, Set<string>>();
  private headroom = new Map<string, Headroom>();
  private reach = 0;
  private cached: CheckResult | null = null;

  constructor(doc: FleetDoc) {
    this.rebuild(doc);
  }

  result(): CheckResult {
    this.cached ??= {
      violations: [...this.violations.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
      headroom: [...this.headroom.values()],
    };
    return this.cached;
  }

  /** Brings the checker to `doc`, which is the document after the edit that made `changes`. */
  update(doc: FleetDoc, changes: Change[]): CheckResult {
    this.apply(doc, changes);
    return this.result();
  }

  /**
   * The violations an edit would add, without keeping it: applies `changes`, reads what
   * now names the touched objects or any sum, and applies `undo`. It never lists the whole
   * result, so a drag can ask every frame however many violations the fleet has.
   * `after` is the document the changes make: a change beyond placements (a hall moved
   * on its site) is checked by rebuilding from it.
   */
  preview(doc: FleetDoc, changes: Change[], undo: Change[], after: FleetDoc = doc): Violation[] {
    const ids = changes.flatMap((c) => ('id' in c ? [c.id] : []));
    const before = this.touching(ids);
    this.apply(after, changes);
    const added = [...this.touching(ids)].filter((id) => !before.has(id)).map((id) => this.violations.get(id)!);
    this.apply(doc, undo);
    return added;
  }

  /** Ids of the violations naming any of `objectIds`, and of every aggregate violation. */
  private touching(objectIds: string[]): Set<string> {
    const out = new Set<string>();
    for (const id of objectIds) for (const v of this.byObject.get(id) ?? []) out.add(v);
    for (const id of this.violations.keys()) if (AGGREGATE_RULE.test(id)) out.add(id);
    return out;
  }

  private apply(doc: FleetDoc, changes: Change[]): void {
    const onlyPlacements = changes.every((c) => c.table === 'placements' || c.table === 'plans' || c.table === 'scenarios');
    if (!onlyPlacements) {
      this.rebuild(doc);
      return;
    }
    this.doc = doc;
    const placementChanges = changes.filter((c) => c.table === 'placements');
    if (placementChanges.length === 0) return;
    const touched = new Set<string>();
    const current = new Map<string, Placement>();
    for (const c of placementChanges) {
      if (!('id' in c)) continue;
      touched.add(c.id);
      if (c.op === 'upsert') current.set(c.id, c.entity as Placement);
      else current.delete(c.id);
    }
    const dirty = new Dirty();
    const moved = new Set<string>();
    for (const id of touched) {
      const p = current.get(id);
      if (p && this.moveInPlace(p)) moved.add(id);
    }
    for (const id of touched) if (!moved.has(id)) this.removeItem(id, dirty);
    for (const id of touched) {
      const p = current.get(id);
      if (p && !moved.has(id)) this.addItem(p, dirty);
    }
    for (const id of touched) if (this.items.has(id)) this.checkAround(this.items.get(id)!);
    // A source moved, turned, swapped or put back: the units it feeds stand nearer or farther from it.
    for (const id of touched) for (const unit of this.fedUnits.get(id) ?? []) if (!touched.has(unit)) this.recheckReach(this.items.get(unit)!);
    this.refreshAggregates(dirty);
  }

  /**
   * A unit moved or turned within its zone, still of its model, fed and named as before,
   * changes no running sum: only its own rules and its neighbours' need checking again.
   * Its item is replaced in place and the sums left alone.
   */
  private moveInPlace(p: Placement): boolean {
    const old = this.items.get(p.id);
    if (!old) return false;
    const o = old.p;
    if (o.hallId !== p.hallId || o.modelId !== p.modelId || o.powerSourceId !== p.powerSourceId || o.powerSourceBId !== p.powerSourceBId || o.label !== p.label) return false;
    const zoneId = this.zoneOf(p);
    if (zoneId !== old.zoneId) return false;
    this.index.get(p.hallId)!.remove(old);
    this.dropViolationsOf(p.id);
    const item = makeItem(p, old.m, zoneId);
    this.items.set(p.id, item);
    this.index.get(p.hallId)!.insert(item, item.rect);
    return true;
  }

  private rebuild(doc: FleetDoc): void {
    this.doc = doc;
    this.models = new Map(doc.models.map((m) => [m.id, m]));
    this.halls = new Map(doc.halls.map((h) => [h.id, h]));
    this.sites = new Map(doc.sites.map((s) => [s.id, s]));
    this.zonesByHall = new Map();
    for (const z of doc.zones) this.zonesByHall.set(z.hallId, [...(this.zonesByHall.get(z.hallId) ?? []), z]);
    this.items = new Map();
    this.index = new Map([...this.halls.keys()].map((id) => [id, new SpatialIndex<Item>(CELL_M)]));
    this.hallLoadKw = new Map();
    this.hallNumber = new Map([...this.halls.keys()].map((id, i) => [id, i]));
    this.hallItKw = new Float64Array(this.halls.size);
    this.siteHalls = new Map();
    for (const site of this.sites.values()) {
      const halls = [...this.halls.values()].filter((h) => h.siteId === site.id);
      let feedsKw = 0;
      for (const hall of halls) feedsKw += hall.feedKw;
      this.siteHalls.set(site.id, { halls: Int32Array.from(halls, (h) => this.hallNumber.get(h.id)!), pue: Float64Array.from(halls, (h) => h.pue), feedsKw });
    }
    this.zoneSums = new Map(doc.zones.map((z) => [z.id, { airHeatKw: 0, liquidHeatKw: 0, crah: new Map(), cdu: new Map() }]));
    this.unzoned = new Map([...this.zonesByHall.keys()].map((id) => [id, new Map()]));
    this.unfed = new Map([...this.halls.keys()].map((id) => [id, new Map()]));
    this.hallCduHeatKw = new Map();
    this.hallCdus = new Map([...this.halls.keys()].map((id) => [id, new Map()]));
    this.hallOwnLoopHeatKw = new Map();
    this.hallLoopWaterHeatKw = new Map();
    this.zoneById = new Map(doc.zones.map((z) => [z.id, z]));
    this.directLoadKva = new Map();
    this.childSources = new Map();
    this.feedPairs = new Map();
    this.pairedWithB = new Map();
    this.fedUnits = new Map();
    this.violations = new Map();
    this.byObject = new Map();
    this.headroom = new Map();
    this.cached = null;
    // Neighbours that can affect each other lie within the largest clearance (plus a row gap).
    this.reach = neighbourReach(doc.models);
    const dirty = new Dirty();
    for (const p of doc.placements) this.addItem(p, dirty);
    for (const item of this.items.values()) this.checkAround(item, true);
    dirty.all = true;
    this.refreshAggregates(dirty);
    // Halls move only in a rebuild (any change but a placement's makes one).
    this.setAll(hallOverlapAggregates(doc.halls));
  }

  private zoneOf(p: Placement): string | null {
    return zoneOf(p, this.zonesByHall.get(p.hallId) ?? [])?.id ?? null;
  }

  private addItem(p: Placement, dirty: Dirty): void {
    const m = this.models.get(p.modelId);
    const hall = this.halls.get(p.hallId);
    if (!m || !hall) return; // integrity checks on open report dangling references
    const item = makeItem(p, m, this.zoneOf(p));
    this.items.set(p.id, item);
    // Overhead runs are indexed too: sections running the same way must not lie on one another.
    this.index.get(hall.id)!.insert(item, item.rect);
    this.account(item, 1, dirty);
  }

  private removeItem(id: string, dirty: Dirty): void {
    const item = this.items.get(id);
    if (!item) return;
    this.items.delete(id);
    this.index.get(item.p.hallId)?.remove(item);
    this.dropViolationsOf(id);
    this.account(item, -1, dirty);
  }

  /** Adds (sign 1) or takes away (sign −1) an item's share of every running sum. */
  private account(item: Item, sign: 1 | -1, dirty: Dirty): void {
    const { p, m } = item;
    const hall = this.halls.get(p.hallId)!;
    add(this.hallLoadKw, hall.id, sign * m.powerKw);
    this.hallItKw[this.hallNumber.get(hall.id)!]! += sign * itPowerKw(m);
    add(this.hallCduHeatKw, hall.id, sign * cduHeatKw(m));
    if (m.kind === 'cdu') setMember(this.hallCdus.get(hall.id)!, p.id, m.coolingCapacityKw, sign);
    if (needsFeed(m) && !p.powerSourceId && !p.powerSourceBId) setMember(this.unfed.get(hall.id)!, p.id, m.powerKw, sign);
    dirty.halls.add(hall.id);
    dirty.sites.add(hall.siteId);
    if (item.zoneId) {
      const z = this.zoneSums.get(item.zoneId)!;
      z.airHeatKw += sign * airHeatKw(m);
      z.liquidHeatKw += sign * cduHeatKw(m);
      if (otherMethodThanHall(this.zoneById.get(item.zoneId)!, hall)) {
        add(this.hallOwnLoopHeatKw, hall.id, sign * ownLoopHeatKw(m));
        add(this.hallLoopWaterHeatKw, hall.id, sign * loopWaterHeatKw(m));
      }
      const units = m.kind === 'crah' ? z.crah : m.kind === 'cdu' ? z.cdu : null;
      if (units && sign > 0) units.set(p.id, m.coolingCapacityKw);
      else if (units) units.delete(p.id);
      dirty.zones.add(item.zoneId);
    } else if (isItEquipment(m.kind)) {
      const unzoned = this.unzoned.get(hall.id);
      if (unzoned && sign > 0) unzoned.set(p.id, m.powerKw);
      else unzoned?.delete(p.id);
    }
    if (isPowerSource(m.kind)) {
      dirty.sources.add(p.id);
      // Where the chains of the loads below it meet depends on what feeds it.
      dirty.chains.add(p.id);
      // Sources it feeds name it in their power-class breach.
      for (const child of this.childSources.get(p.id) ?? []) dirty.sources.add(child);
    }
    for (const feed of feedsOf(p)) {
      if (isPowerSource(m.kind)) {
        const set = this.childSources.get(feed) ?? new Set();
        if (sign > 0) set.add(p.id);
        else set.delete(p.id);
        this.childSources.set(feed, set);
      } else {
        add(this.directLoadKva, feed, sign * apparentPowerKva(m.powerKw, m.powerFactor));
        const units = this.fedUnits.get(feed) ?? new Set();
        if (sign > 0) units.add(p.id);
        else units.delete(p.id);
        this.fedUnits.set(feed, units);
      }
      dirty.sources.add(feed);
    }
    if (!isPowerSource(m.kind) && p.powerSourceId !== null && p.powerSourceBId !== null && p.powerSourceBId !== p.powerSourceId) this.countPair(p.powerSourceId, p.powerSourceBId, item, sign, dirty);
  }

  private countPair(a: string, b: string, item: Item, sign: 1 | -1, dirty: Dirty): void {
    countFeedPair(this.feedPairs, a, b, item, apparentPowerKva(item.m.powerKw, item.m.powerFactor), sign);
    const withB = this.pairedWithB.get(b) ?? new Set();
    if (this.feedPairs.get(a)?.has(b)) withB.add(a);
    else withB.delete(a);
    if (withB.size) this.pairedWithB.set(b, withB);
    else this.pairedWithB.delete(b);
    dirty.askPair(a, b);
  }

  private neighbours(item: Item): Item[] {
    const r = item.rect;
    const [dx, dy] = [searchReach(item, this.reach, true), searchReach(item, this.reach, false)];
    return this.index.get(item.p.hallId)?.search({ minX: r.minX - dx, minY: r.minY - dy, maxX: r.maxX + dx, maxY: r.maxY + dy }, item) ?? [];
  }

  /**
   * (Re)checks an item's own rules and its pairs with its neighbours. Pairs between two
   * other items cannot change when this one moves, so they are left alone.
   */
  private checkAround(item: Item, fullBuild = false): void {
    const hall = this.halls.get(item.p.hallId)!;
    if (!fullBuild) this.dropViolationsOf(item.p.id);
    // The allocation-free predicates first: most placements and pairs break nothing.
    const method = coolingMethodAt(hall, item.zoneId ? this.zoneById.get(item.zoneId) : null);
    if (modelViolates(item.m, hall, this.doc.fleet, method) || placementViolates(item, hall, method)) for (const v of objectViolations(item, hall, this.doc.fleet, method)) this.put(v);
    this.checkReach(item);
    for (const n of this.neighbours(item)) {
      // In a full build each pair is seen twice: check it once, from its smaller id.
      if (fullBuild && n.p.id < item.p.id) continue;
      if (pairViolates(item, n)) for (const v of pairViolations(item, n, hall.id, hall.siteId)) this.put(v);
    }
  }

  /** Judges a unit whose source moved again: its other violations stand. */
  private recheckReach(unit: Item): void {
    for (const id of [...(this.byObject.get(unit.p.id) ?? [])]) if (this.violations.get(id)?.rule === 'feed-reach') this.drop(id);
    this.checkReach(unit);
  }

  /** Judges a unit against the reach of each source feeding it. */
  private checkReach(unit: Item): void {
    for (const feed of feedsOf(unit.p)) {
      const source = this.items.get(feed);
      if (!source || !judgedFeed(unit, source)) continue;
      const hall = this.halls.get(unit.p.hallId)!;
      const offset = hallOffset(hall, this.halls.get(source.p.hallId)!);
      const beyond = offset && beyondReach(unit.rect, source, offset);
      if (beyond) this.put(reachViolation(unit, source, hall, beyond));
    }
  }

  private put(v: Violation): void {
    this.violations.set(v.id, v);
    for (const id of v.objectIds) {
      const set = this.byObject.get(id) ?? new Set();
      set.add(v.id);
      this.byObject.set(id, set);
    }
    this.cached = null;
  }

  private drop(id: string): void {
    const v = this.violations.get(id);
    if (!v) return;
    this.violations.delete(id);
    for (const o of v.objectIds) this.byObject.get(o)?.delete(id);
    this.cached = null;
  }

  /** Drops the object and pair violations that name a placement (not the aggregate ones). */
  private dropViolationsOf(placementId: string): void {
    for (const id of [...(this.byObject.get(placementId) ?? [])]) {
      if (AGGREGATE_RULE.test(id)) continue;
      this.drop(id);
    }
  }

  private setAggregate(key: string, headroom: Headroom | null, violation: Violation | null): void {
    const previous = this.headroom.get(key);
    if (headroom && !sameHeadroom(previous, headroom)) {
      this.headroom.set(key, headroom);
      this.cached = null;
    } else if (!headroom && previous) {
      this.headroom.delete(key);
      this.cached = null;
    }
    if (violation) {
      const old = this.violations.get(violation.id);
      const sameObjects = old?.objectIds.length === violation.objectIds.length && old.objectIds.every((id, i) => id === violation.objectIds[i]);
      if (!old || old.value !== violation.value || old.limit !== violation.limit || old.message !== violation.message || !sameObjects) {
        this.drop(violation.id);
        this.put(violation);
      }
    } else {
      this.drop(key);
    }
  }

  private refreshAggregates(dirty: Dirty): void {
    const halls = dirty.all ? [...this.halls.keys()] : [...dirty.halls];
    for (const id of halls) this.refreshHall(this.halls.get(id)!);
    const zones = dirty.all ? [...this.zoneSums.keys()] : [...dirty.zones];
    for (const id of zones) this.refreshZone(id);
    const sites = dirty.all ? [...this.sites.keys()] : [...dirty.sites];
    for (const id of sites) if (this.sites.has(id)) this.refreshSite(this.sites.get(id)!);
    const sources = dirty.all ? [...this.items.values()].filter((i) => isPowerSource(i.m.kind)).map((i) => i.p.id) : [...dirty.sources];
    this.refreshSources(sources);
    this.refreshFeedPairs(dirty);
  }

  /** The A/B rule for the pairs an edit changed and every pair at or below a source that changed. */
  private refreshFeedPairs(dirty: Dirty): void {
    if (dirty.all) for (const [a, byB] of this.feedPairs) for (const b of byB.keys()) dirty.askPair(a, b);
    else this.askPairsBelow(dirty);
    const paths = pathMemo();
    for (const [a, bs] of dirty.pairs) for (const b of bs) this.setAll([sharedSourceAggregate(a, b, this.feedPairs.get(a)?.get(b), this.graph, this.halls, paths)]);
  }

  private askPairsBelow(dirty: Dirty): void {
    const below = new Set<string>();
    const walk = (id: string) => {
      if (below.has(id)) return;
      below.add(id);
      for (const child of this.childSources.get(id) ?? []) walk(child);
    };
    for (const id of dirty.chains) walk(id);
    for (const s of below) {
      for (const b of this.feedPairs.get(s)?.keys() ?? []) dirty.askPair(s, b);
      for (const a of this.pairedWithB.get(s) ?? []) dirty.askPair(a, s);
    }
  }

  private setAll(aggregates: Aggregate[]): void {
    for (const a of aggregates) this.setAggregate(a.key, a.headroom, a.violation);
  }

  /** A unit's label, else its model's name, for a message listing units. */
  private nameOf = (id: string): string => {
    const item = this.items.get(id);
    return item ? shortName(item.p, item.m) : id;
  };

  private refreshHall(hall: Hall): void {
    const site = this.sites.get(hall.siteId);
    const cdus = this.hallCdus.get(hall.id)!;
    const sums = { loadKw: this.hallLoadKw.get(hall.id) ?? 0, cduHeatKw: this.hallCduHeatKw.get(hall.id) ?? 0, ownLoopHeatKw: this.hallOwnLoopHeatKw.get(hall.id) ?? 0, loopWaterHeatKw: this.hallLoopWaterHeatKw.get(hall.id) ?? 0, cdus };
    this.setAll([
      ...hallAggregates(hall, sums, this.zonesByHall.has(hall.id)),
      unzonedAggregate(hall, this.unzoned.get(hall.id) ?? [], this.nameOf),
      unfedAggregate(hall, this.unfed.get(hall.id)!, this.nameOf),
      ...(site ? [hallSiteAggregate(hall, site)] : []),
    ]);
  }

  private refreshZone(zoneId: string): void {
    const zone = this.doc.zones.find((z) => z.id === zoneId);
    const sums = this.zoneSums.get(zoneId);
    if (!zone || !sums) return;
    const { airHeatKw, liquidHeatKw, crah, cdu } = sums;
    this.setAll(zoneAggregates(zone, this.halls.get(zone.hallId)!, { airHeatKw, liquidHeatKw, crahs: crah, cdus: cdu }));
  }

  private refreshSite(site: Site): void {
    // Summed afresh in hall order, as the full check does, so both give the same figure;
    // over typed arrays because a live edit refreshes its site every time.
    const { halls, pue, feedsKw } = this.siteHalls.get(site.id)!;
    let gridKw = 0;
    for (let i = 0; i < halls.length; i++) gridKw += this.hallItKw[halls[i]!]! * pue[i]!;
    this.setAll(siteAggregates(site, gridKw, feedsKw));
  }

  private refreshSources(ids: string[]): void {
    const derate = this.doc.fleet.continuousLoadDerate;
    for (const id of sourcesAbove(ids, this.graph)) this.setAll(sourceAggregates(id, this.graph, this.halls, derate));
  }

  private readonly graph: PowerGraph = {
    find: (id) => this.items.get(id),
    directLoadKva: (id) => this.directLoadKva.get(id) ?? 0,
    childSources: (id) => this.childSources.get(id) ?? [],
    pairsFedA: (id) => this.feedPairs.get(id),
  };
}

/** Violation ids of the rules kept over running sums: an edit refreshes them from the sums, not from the objects it touched. */
const AGGREGATE_RULE = new RegExp(`^(${RULES.filter((r) => RULE_SPECS[r].scope === 'aggregate').join('|')}):`);

class Dirty {
  all = false;
  halls = new Set<string>();
  zones = new Set<string>();
  sites = new Set<string>();
  sources = new Set<string>();
  /** Sources whose feeds changed, or that came or went: the A/B rule is asked again of every pair at or below them. */
  chains = new Set<string>();
  /** Pairs of A and B sources whose loads changed, by A source. */
  pairs = new Map<string, Set<string>>();

  askPair(a: string, b: string): void {
    const bs = this.pairs.get(a);
    if (bs) bs.add(b);
    else this.pairs.set(a, new Set([b]));
  }
}

/** Adds (sign 1) or removes (sign −1) one member of a listed set. */
function setMember(map: Map<string, number>, id: string, value: number, sign: 1 | -1): void {
  if (sign > 0) map.set(id, value);
  else map.delete(id);
}

function add(map: Map<string, number>, key: string, delta: number): void {
  map.set(key, (map.get(key) ?? 0) + delta);
}

function sameHeadroom(a: Headroom | undefined, b: Headroom): boolean {
  return !!a && a.capacity === b.capacity && a.load === b.load && a.name === b.name;
}
