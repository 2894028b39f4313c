/**
 * The full check of a document in one pass, for opening, saving and `fleetplan check`.
 * It applies the same rule functions as the live checker, but keeps no state for later
 * edits: footprints go into one Float64Array, each hall's neighbours come from a FlatGrid
 * built in bulk, sums are plain accumulators, and rule objects (Items, Violations) are
 * built only for the placements and pairs that actually break a rule. That is what makes
 * a 100,000-object check fit in a few tens of milliseconds; the live checker's property
 * test (incremental == full after random edits) keeps the two paths honest.
 *
 * Placement ids are taken to be unique (the document's integrity check guarantees it).
 */
import { airHeatKw, cduHeatKw, loopWaterHeatKw, otherMethodThanHall, ownLoopHeatKw } from '../model/cooling';
import { zoneOf } from '../model/zones';
import { FlatGrid } from '../geometry/flat-grid';
import { footprintInto } from '../geometry/footprint';
import { isItEquipment, isPowerSource, needsFeed } from '../model/load';
import { apparentPowerKva, feedsOf } from '../model/power-chain';
import { COOLING_METHODS, type EquipmentModel, type FleetDoc, type Hall, type Placement, type Zone } from '../model/schema';
import { countFeedPair, hallAggregates, hallOverlapAggregates, hallSiteAggregate, pathMemo, sharedSourceAggregate, siteAggregates, sourceAggregates, sourcesAbove, unfedAggregate, unzonedAggregate, zoneAggregates, type Aggregate, type FeedPairs, type PowerGraph } from './aggregates';
import { makeItem, shortName, type Item } from './item';
import { beyondReach, hallOffset, judgedFeed, reachViolation } from './feed-rules';
import { modelViolates, objectViolations, placementViolates } from './object-rules';
import { neighbourReach, pairViolates, pairViolations, searchReach } from './pair-rules';
import type { CheckResult, Headroom, Violation } from './types';

/** Grid cell edge (m): a few racks across, like the live checker's spatial index. */
const CELL_M = 4;

interface ZoneTotals {
  airHeatKw: number;
  liquidHeatKw: number;
  crahs: Map<string, number>;
  cdus: Map<string, number>;
}

/** Every violation (sorted by id) and every headroom of a document. */
export function checkFleet(doc: FleetDoc): CheckResult {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const halls = new Map(doc.halls.map((h) => [h.id, h]));
  const hallList = [...halls.values()];
  const hallIndex = new Map(hallList.map((h, i) => [h.id, i]));
  const modelList = [...models.values()];
  const modelIndex = new Map(modelList.map((m, i) => [m.id, i]));
  const zonesByHall = new Map<string, Zone[]>();
  for (const z of doc.zones) zonesByHall.set(z.hallId, [...(zonesByHall.get(z.hallId) ?? []), z]);
  const zoneTotals = new Map<string, ZoneTotals>(doc.zones.map((z) => [z.id, { airHeatKw: 0, liquidHeatKw: 0, crahs: new Map(), cdus: new Map() }]));

  // One pass over the placements: the hall and model of each, and every running sum.
  const placements = doc.placements;
  const hallOf = new Int32Array(placements.length);
  const modelOf = new Int32Array(placements.length);
  const hallLoadKw = new Float64Array(hallList.length);
  const hallItKw = new Float64Array(hallList.length);
  const unzoned: [string, number][][] = hallList.map(() => []);
  const unfed: [string, number][][] = hallList.map(() => []);
  const hallCduHeatKw = new Float64Array(hallList.length);
  const hallCdus: Map<string, number>[] = hallList.map(() => new Map());
  const hallOwnLoopHeatKw = new Float64Array(hallList.length);
  const hallLoopWaterHeatKw = new Float64Array(hallList.length);
  const zonesOfOtherMethod = new Set(doc.zones.filter((z) => halls.has(z.hallId) && otherMethodThanHall(z, halls.get(z.hallId)!)).map((z) => z.id));
  // Each placement's zone (by number in doc.zones, −1 for none), for the cooling method it stands under.
  const zoneNumber = new Map(doc.zones.map((z, i) => [z.id, i]));
  const zoneAt = new Int32Array(placements.length).fill(-1);
  const directLoadKva = new Map<string, number>();
  const childSources = new Map<string, string[]>();
  const feedPairs: FeedPairs = new Map();
  const sources = new Map<string, Item>();
  // What the sums read of a model, worked out once per model rather than per placement.
  const modelKva = Float64Array.from(modelList, (m) => apparentPowerKva(m.powerKw, m.powerFactor));
  const modelCduHeatKw = Float64Array.from(modelList, cduHeatKw);
  const modelOwnLoopHeatKw = Float64Array.from(modelList, ownLoopHeatKw);
  const modelLoopWaterHeatKw = Float64Array.from(modelList, loopWaterHeatKw);
  const modelIt = Uint8Array.from(modelList, (m) => (isItEquipment(m.kind) ? 1 : 0));
  const modelSource = Uint8Array.from(modelList, (m) => (isPowerSource(m.kind) ? 1 : 0));
  const modelNeedsFeed = Uint8Array.from(modelList, (m) => (needsFeed(m) ? 1 : 0));
  // Racks of a row share a feed: their load is summed along the run and added to the map once.
  let runFeed: string | null = null;
  let runKva = 0;
  const endRun = () => {
    if (runFeed !== null) directLoadKva.set(runFeed, (directLoadKva.get(runFeed) ?? 0) + runKva);
    runFeed = null;
    runKva = 0;
  };
  let modelAt = -1;
  let hallAt = -1;
  let hallZones: Zone[] | undefined;
  for (let k = 0; k < placements.length; k++) {
    const p = placements[k]!;
    // Placements come in runs of one model and one hall: look each up once per run.
    if (modelAt < 0 || modelList[modelAt]!.id !== p.modelId) modelAt = modelIndex.get(p.modelId) ?? -1;
    if (hallAt < 0 || hallList[hallAt]!.id !== p.hallId) {
      hallAt = hallIndex.get(p.hallId) ?? -1;
      hallZones = hallAt < 0 ? undefined : zonesByHall.get(p.hallId);
    }
    // Integrity checks on open report dangling references; the rules skip them.
    hallOf[k] = modelAt < 0 ? -1 : hallAt;
    if (modelAt < 0 || hallAt < 0) continue;
    modelOf[k] = modelAt;
    const m = modelList[modelAt]!;
    hallLoadKw[hallAt]! += m.powerKw;
    const it = modelIt[modelAt] === 1;
    if (it) hallItKw[hallAt]! += m.powerKw;
    hallCduHeatKw[hallAt]! += modelCduHeatKw[modelAt]!;
    if (m.kind === 'cdu') hallCdus[hallAt]!.set(p.id, m.coolingCapacityKw);
    if (modelNeedsFeed[modelAt] === 1 && !p.powerSourceId && !p.powerSourceBId) unfed[hallAt]!.push([p.id, m.powerKw]);
    const zoneId = hallZones ? (zoneOf(p, hallZones)?.id ?? null) : null;
    if (zoneId) {
      zoneAt[k] = zoneNumber.get(zoneId)!;
      const z = zoneTotals.get(zoneId)!;
      z.airHeatKw += airHeatKw(m);
      z.liquidHeatKw += modelCduHeatKw[modelAt]!;
      if (zonesOfOtherMethod.has(zoneId)) {
        hallOwnLoopHeatKw[hallAt]! += modelOwnLoopHeatKw[modelAt]!;
        hallLoopWaterHeatKw[hallAt]! += modelLoopWaterHeatKw[modelAt]!;
      }
      if (m.kind === 'crah') z.crahs.set(p.id, m.coolingCapacityKw);
      else if (m.kind === 'cdu') z.cdus.set(p.id, m.coolingCapacityKw);
    } else if (hallZones && it) {
      unzoned[hallAt]!.push([p.id, m.powerKw]);
    }
    if (modelSource[modelAt] === 1) {
      sources.set(p.id, makeItem(p, m, zoneId));
      for (const feed of feedsOf(p)) {
        const children = childSources.get(feed);
        if (children) children.push(p.id);
        else childSources.set(feed, [p.id]);
      }
    } else if (p.powerSourceBId === null || p.powerSourceBId === p.powerSourceId) {
      if (p.powerSourceId !== runFeed) endRun();
      runFeed = p.powerSourceId;
      runKva += modelKva[modelAt]!;
    } else {
      for (const feed of feedsOf(p)) directLoadKva.set(feed, (directLoadKva.get(feed) ?? 0) + modelKva[modelAt]!);
      if (p.powerSourceId !== null) countFeedPair(feedPairs, p.powerSourceId, p.powerSourceBId, { p, m }, modelKva[modelAt]!, 1);
    }
  }
  endRun();

  const violations = new Map<string, Violation>();
  const put = (v: Violation) => violations.set(v.id, v);
  const itemOf = (k: number): Item => {
    const p = placements[k]!;
    const zones = zonesByHall.get(p.hallId);
    return makeItem(p, modelList[modelOf[k]!]!, zones ? (zoneOf(p, zones)?.id ?? null) : null);
  };
  checkPlacements(doc, hallList, modelList, hallOf, modelOf, zoneAt, sources, itemOf, put);

  // Capacities, in the order the live checker first reports them.
  const headroom = new Map<string, Headroom>();
  // Each aggregate is worked out once here, so there is nothing earlier to clear.
  const set = (aggregates: Aggregate[]) => {
    for (const a of aggregates) {
      if (a.headroom) headroom.set(a.key, a.headroom);
      if (a.violation) put(a.violation);
    }
  };
  const sites = new Map(doc.sites.map((s) => [s.id, s]));
  // Only a hall's first few unfed or unzoned units are named: looked up by id when a message needs them.
  let byId: Map<string, Placement> | null = null;
  const nameOf = (id: string): string => {
    byId ??= new Map(doc.placements.map((p) => [p.id, p]));
    const p = byId.get(id);
    const m = p && models.get(p.modelId);
    return p && m ? shortName(p, m) : id;
  };
  hallList.forEach((hall, i) => {
    const site = sites.get(hall.siteId);
    const sums = { loadKw: hallLoadKw[i]!, cduHeatKw: hallCduHeatKw[i]!, ownLoopHeatKw: hallOwnLoopHeatKw[i]!, loopWaterHeatKw: hallLoopWaterHeatKw[i]!, cdus: hallCdus[i]! };
    set([...hallAggregates(hall, sums, zonesByHall.has(hall.id)), unzonedAggregate(hall, unzoned[i]!, nameOf), unfedAggregate(hall, unfed[i]!, nameOf), ...(site ? [hallSiteAggregate(hall, site)] : [])]);
  });
  for (const [zoneId, t] of zoneTotals) {
    const zone = doc.zones.find((z) => z.id === zoneId)!;
    set(zoneAggregates(zone, halls.get(zone.hallId)!, { airHeatKw: t.airHeatKw, liquidHeatKw: t.liquidHeatKw, crahs: t.crahs, cdus: t.cdus }));
  }
  for (const site of sites.values()) {
    let gridKw = 0;
    let feedsKw = 0;
    hallList.forEach((hall, i) => {
      if (hall.siteId !== site.id) return;
      gridKw += hallItKw[i]! * hall.pue;
      feedsKw += hall.feedKw;
    });
    set(siteAggregates(site, gridKw, feedsKw));
  }
  set(hallOverlapAggregates(doc.halls));
  const graph = powerGraph(sources, directLoadKva, childSources, feedPairs, (id) => {
    // A feed that is not a source (or is missing) is rare: a scan per such id is cheaper than a map of every placement.
    const k = placements.findIndex((p, i) => p.id === id && hallOf[i]! >= 0);
    return k < 0 ? undefined : itemOf(k);
  });
  for (const id of sourcesAbove([...sources.keys()], graph)) set(sourceAggregates(id, graph, halls, doc.fleet.continuousLoadDerate));
  const paths = pathMemo();
  for (const [a, byB] of feedPairs) for (const [b, pair] of byB) set([sharedSourceAggregate(a, b, pair, graph, halls, paths)]);

  return {
    violations: [...violations.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    headroom: [...headroom.values()],
  };
}


/**
 * Object rules for every placement (with the reach of each source feeding it) and pair
 * rules for every neighbouring pair, hall by hall. Each pair is judged once, from its
 * smaller id (as the live checker's build does), with that placement first.
 */
function checkPlacements(
  doc: FleetDoc,
  hallList: Hall[],
  modelList: EquipmentModel[],
  hallOf: Int32Array,
  modelOf: Int32Array,
  zoneAt: Int32Array,
  sources: ReadonlyMap<string, Item>,
  itemOf: (k: number) => Item,
  put: (v: Violation) => void,
): void {
  const placements = doc.placements;
  const hallById = new Map(hallList.map((h) => [h.id, h]));
  // Neighbours that can affect each other lie within the largest clearance (plus a row gap), or a front's exhaust reach (searchReach).
  const reach = neighbourReach(doc.models);
  // Placements by hall, in document order within each (a counting sort on the hall number),
  // floor units first, then overhead runs: each kind pairs only with its own (floor units
  // by overlap and clearance, busway bars by lying on one another), in a grid of its own.
  const starts = new Int32Array(hallList.length + 1);
  for (let k = 0; k < placements.length; k++) if (hallOf[k]! >= 0) starts[hallOf[k]! + 1]!++;
  for (let h = 0; h < hallList.length; h++) starts[h + 1]! += starts[h]!;
  const order = new Int32Array(starts[hallList.length]!);
  const next = starts.slice(0, hallList.length);
  const onFloor = Uint8Array.from(modelList, (m) => (m.mounting === 'floor' ? 1 : 0));
  for (let k = 0; k < placements.length; k++) if (hallOf[k]! >= 0 && onFloor[modelOf[k]!] === 1) order[next[hallOf[k]!]!++] = k;
  const floorEnd = next.slice();
  for (let k = 0; k < placements.length; k++) if (hallOf[k]! >= 0 && onFloor[modelOf[k]!] === 0) order[next[hallOf[k]!]!++] = k;

  // One footprint buffer, reused hall after hall.
  let mostInHall = 0;
  for (let h = 0; h < hallList.length; h++) mostInHall = Math.max(mostInHall, starts[h + 1]! - starts[h]!);
  const rects = new Float64Array(4 * mostInHall);
  // Each zone's cooling method by its number in COOLING_METHODS, −1 where it takes the hall's.
  const zoneMethod = Int8Array.from(doc.zones, (z) => (z.coolingMethod === null ? -1 : COOLING_METHODS.indexOf(z.coolingMethod)));
  // Two scratch items the allocation-free predicates read; real Items only for offenders.
  const a = scratchItem();
  const b = scratchItem();
  const made = new Map<number, Item>();
  const offender = (k: number): Item => {
    let item = made.get(k);
    if (!item) made.set(k, (item = itemOf(k)));
    return item;
  };
  // The unit in `a` against one of its feeds. Units of a row share one: the last is looked up once.
  let lastFeed: string | null = null;
  let lastSource: Item | undefined;
  const judgeFeed = (k: number, feed: string | null, hall: Hall) => {
    if (feed === null) return;
    if (feed !== lastFeed) {
      lastFeed = feed;
      lastSource = sources.get(feed);
    }
    const source = lastSource;
    if (!source || !judgedFeed(a, source)) return;
    const offset = source.p.hallId === hall.id ? undefined : hallOffset(hall, hallById.get(source.p.hallId)!);
    if (offset === null) return;
    const beyond = beyondReach(a.rect, source, offset);
    if (beyond) put(reachViolation(offender(k), source, hall, beyond));
  };

  for (let h = 0; h < hallList.length; h++) {
    const hall = hallList[h]!;
    const from = starts[h]!;
    const size = starts[h + 1]! - from;
    if (size === 0) continue;
    for (let i = 0; i < size; i++) {
      const k = order[from + i]!;
      footprintInto(placements[k]!, modelList[modelOf[k]!]!, rects, 4 * i);
    }
    const floorCount = floorEnd[h]! - from;
    const floorGrid = new FlatGrid(rects, floorCount, 0, 0, hall.widthM, hall.depthM, CELL_M);
    const barGrid = new FlatGrid(rects.subarray(4 * floorCount), size - floorCount, 0, 0, hall.widthM, hall.depthM, CELL_M);
    // Density and floor load depend on the model and the cooling method alone, within one hall.
    const modelBreaks = new Int8Array(modelList.length * COOLING_METHODS.length).fill(-1);
    const hallMethod = COOLING_METHODS.indexOf(hall.cooling.method);
    for (let i = 0; i < size; i++) {
      const k = order[from + i]!;
      const mi = modelOf[k]!;
      fill(a, placements[k]!, modelList[mi]!, rects, i);
      const ci = zoneAt[k]! < 0 || zoneMethod[zoneAt[k]!]! < 0 ? hallMethod : zoneMethod[zoneAt[k]!]!;
      const method = COOLING_METHODS[ci]!;
      const mc = mi * COOLING_METHODS.length + ci;
      if (modelBreaks[mc] === -1) modelBreaks[mc] = modelViolates(a.m, hall, doc.fleet, method) ? 1 : 0;
      if (modelBreaks[mc] === 1 || placementViolates(a, hall, method)) for (const v of objectViolations(offender(k), hall, doc.fleet, method)) put(v);
      judgeFeed(k, a.p.powerSourceId, hall);
      if (a.p.powerSourceBId !== a.p.powerSourceId) judgeFeed(k, a.p.powerSourceBId, hall);
      const r = a.rect;
      const id = a.p.id;
      // A floor unit's neighbours within its service space; a bar's, the bars it touches.
      const [grid, first] = a.floor ? [floorGrid, 0] : [barGrid, floorCount];
      const [dx, dy] = a.floor ? [searchReach(a, reach, true), searchReach(a, reach, false)] : [0, 0];
      const found = grid.near(r.minX - dx, r.minY - dy, r.maxX + dx, r.maxY + dy, i - first);
      for (let f = 0; f < found; f++) {
        const j = first + grid.found[f]!;
        const kj = order[from + j]!;
        const pj = placements[kj]!;
        if (pj.id < id) continue;
        fill(b, pj, modelList[modelOf[kj]!]!, rects, j);
        if (pairViolates(a, b)) for (const v of pairViolations(offender(k), offender(kj), hall.id, hall.siteId)) put(v);
      }
    }
  }
}

function scratchItem(): Item {
  return { p: null as unknown as Placement, m: null as unknown as EquipmentModel, rect: { minX: 0, minY: 0, maxX: 0, maxY: 0 }, floor: false, zoneId: null };
}

function fill(item: Item, p: Placement, m: EquipmentModel, rects: Float64Array, i: number): void {
  item.p = p;
  item.m = m;
  item.floor = m.mounting === 'floor';
  item.rect.minX = rects[4 * i]!;
  item.rect.minY = rects[4 * i + 1]!;
  item.rect.maxX = rects[4 * i + 2]!;
  item.rect.maxY = rects[4 * i + 3]!;
}

/**
 * The power chain as the aggregate rules read it. Sources are known from the pass; the
 * rare non-source a source names as its feed is looked up on demand (once per id).
 */
function powerGraph(sources: Map<string, Item>, directLoadKva: Map<string, number>, childSources: Map<string, string[]>, feedPairs: FeedPairs, lookUp: (id: string) => Item | undefined): PowerGraph {
  const others = new Map<string, Item | undefined>();
  return {
    find: (id) => {
      const source = sources.get(id);
      if (source) return source;
      if (!others.has(id)) others.set(id, lookUp(id));
      return others.get(id);
    },
    directLoadKva: (id) => directLoadKva.get(id) ?? 0,
    childSources: (id) => childSources.get(id) ?? [],
    pairsFedA: (id) => feedPairs.get(id),
  };
}
