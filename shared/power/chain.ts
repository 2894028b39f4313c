/**
 * A site's power chain as one tree of rows, from the grid down to the loads: interconnect →
 * site transformers → each hall's feed → its sources in the order they feed each other
 * (transformers, switchboards, skids and UPSs, then busways and PDUs) → the groups of units
 * each source feeds. The feed schedule, the printed single line and the app's single-line
 * view all read these rows.
 *
 * Every level's load and capacity is the constraint engine's headroom for it (a source's
 * apparent power through its cascade, against its rating × the continuous-load derate), so
 * paper, the Headroom panel and the checks show one set of numbers. Only the load groups'
 * own draw is summed here, unit by unit with the checkers' `apparentPowerKva`.
 */
import { appendAll } from '../arrays';
import type { Headroom, HeadroomKind } from '../constraints/types';
import { isPowerSource } from '../model/load';
import { apparentPowerKva, feedsOf, sourceClass } from '../model/power-chain';
import { compareNames } from '../model/order';
import type { EquipmentModel, FleetDoc, Hall, Placement, Site } from '../model/schema';
import { rowLabel } from '../print/labels';
import { formatQuantity, kwToMw, type Kilowatts, type Kva, type UnitSystem } from '../units';

export type ChainLevel = 'interconnect' | 'transformers' | 'hall' | 'source' | 'loads';

/** Which of a unit's two feeds a row hangs on: A (its `powerSourceId`) or B (`powerSourceBId`). */
export type FeedLetter = 'A' | 'B';

export interface ChainRow {
  /** Unique among the rows: a source listed under its A and its B feed has two. */
  key: string;
  level: ChainLevel;
  /** Steps below the interconnect (0). */
  depth: number;
  hallId: string | null;
  /** As the drawing labels it: "Busway 1", "BM1.1–20". */
  name: string;
  /** What it is: a model's name, "20 × Antminer S21 XP rack", "Hall feed". */
  equipment: string;
  /** The placements it stands for (a source: one; a load group: each unit). */
  ids: string[];
  /** The feed this row hangs on from its parent; null where there is one way in (site and hall levels, unfed units). */
  feed: FeedLetter | null;
  /**
   * A source already listed under its other feed: its figures again, without its branch.
   * Either feed must carry the whole load, so each parent counts it in full.
   */
  repeat: boolean;
  /** What load, rating and capacity measure: real power (kW) or apparent power (kVA). */
  quantity: 'power' | 'apparentPower';
  /** Nameplate rating (a source's kVA, a hall's feed kW, the site's MW in kW); null for loads. */
  rating: number | null;
  /** What the checks hold the load to (a source's rating × derate); null for loads and for a source in a loop. */
  capacity: number | null;
  /** In `quantity`: the checks' load for a level (0 for a source in a loop), the group's draw for loads. */
  load: number;
  /** A load group's draw in both kinds of power; null for the levels above, which the checks count in one. */
  drawKw: Kilowatts | null;
  drawKva: Kva | null;
  /**
   * Apparent power that reaches this source by more than one path (a unit whose A and B
   * feeds both hang below it), which its load counts once: what the rows below it add up
   * to beyond its load. 0 for most sources, and for every other level.
   */
  countedOnce: Kva;
  /** load / capacity; null for loads or a zero capacity. */
  utilization: number | null;
  /** Load over capacity: the checks report it. */
  overloaded: boolean;
  /** What feeds it, and what feeds that (null at the top, or unfed). */
  source: string | null;
  upstream: string | null;
}

const nameOf = (p: Placement, m: EquipmentModel): string => p.label || m.name;

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type Level = Omit<ChainRow, 'utilization' | 'overloaded' | 'drawKw' | 'drawKva' | 'load' | 'rating' | 'capacity' | 'quantity' | 'repeat' | 'countedOnce'>;

/**
 * A level's row with the checks' figures for it. A source in a loop has none (its load has
 * no end, and the checks report the loop): its row shows its rating and no load or limit.
 */
function levelRow(at: Level, h: Headroom | undefined, rating: number | null, quantity: ChainRow['quantity']): ChainRow {
  const base = { ...at, repeat: false, quantity, drawKw: null, drawKva: null, countedOnce: 0 };
  if (!h) return { ...base, rating, capacity: null, load: 0, utilization: null, overloaded: false };
  return {
    ...base,
    rating: rating ?? h.capacity,
    capacity: h.capacity,
    load: h.load,
    utilization: h.capacity > 0 ? h.load / h.capacity : null,
    overloaded: h.headroom < 0,
  };
}

interface Tree {
  models: Map<string, EquipmentModel>;
  /** What each id feeds, with the letter of the feed: units of one source in placement order. */
  fed: Map<string | null, { p: Placement; feed: FeedLetter | null }[]>;
  headroom: (kind: HeadroomKind, id: string) => Headroom | undefined;
  groupOf: (p: Placement) => string;
  rows: ChainRow[];
  /** Sources whose branch is listed already: under a second feed they are listed once more, without it. */
  expanded: Set<string>;
}

/**
 * The rows of `site`'s chain over `halls` (all of its halls, or the one on a hall sheet),
 * depth first. A unit on two sources is listed under each, with its feed letter; a source on
 * two is listed in full under the first it is reached from and once more (`repeat`) under
 * the other. Loads fed by one source are grouped by model, feed and `groupOf` (the row they
 * stand in, say); units fed by nothing come under their hall with no source. A loop of
 * sources fed only from within itself is reached from no hall and not listed; the checks
 * report it.
 */
export function powerChainRows(doc: FleetDoc, site: Site, halls: Hall[], headroom: Headroom[], groupOf: (p: Placement) => string = () => ''): ChainRow[] {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const byKey = new Map(headroom.map((h) => [`${h.kind}|${h.id}`, h]));
  const placed = new Set(doc.placements.map((p) => p.id));
  const fed = new Map<string | null, { p: Placement; feed: FeedLetter | null }[]>();
  for (const p of doc.placements) {
    if (!models.has(p.modelId)) continue;
    const feeds = feedsOf(p).filter((id) => placed.has(id));
    if (!feeds.length) pushTo(fed, `hall:${p.hallId}`, { p, feed: null });
    for (const id of feeds) pushTo(fed, id, { p, feed: id === p.powerSourceId ? 'A' : 'B' });
  }
  const tree: Tree = { models, fed, headroom: (kind, id) => byKey.get(`${kind}|${id}`), groupOf, rows: [], expanded: new Set() };
  const siteAt = { hallId: null, ids: [], feed: null, upstream: null };
  tree.rows.push(
    levelRow({ ...siteAt, key: `interconnect:${site.id}`, level: 'interconnect', depth: 0, name: site.name, equipment: 'Grid interconnect (IT × PUE)', source: null }, tree.headroom('site-interconnect', site.id), null, 'power'),
    levelRow({ ...siteAt, key: `transformers:${site.id}`, level: 'transformers', depth: 1, name: site.name, equipment: 'Site transformers (IT × PUE)', source: 'Grid interconnect' }, tree.headroom('site-transformer', site.id), null, 'power'),
  );
  for (const hall of halls) {
    tree.rows.push(
      levelRow({ key: `hall:${hall.id}`, level: 'hall', depth: 2, hallId: hall.id, name: hall.name, equipment: 'Hall feed', ids: [hall.id], feed: null, source: 'Site transformers', upstream: 'Grid interconnect' }, tree.headroom('hall-power', hall.id), hall.feedKw, 'power'),
    );
    visit(tree, `hall:${hall.id}`, { depth: 3, hallId: hall.id, source: null, upstream: null, hallName: hall.name });
  }
  return withCountedOnce(tree.rows);
}

/** Each listed source's `countedOnce`: the rows one step below it (sources in full, repeats too) less its load. */
function withCountedOnce(rows: ChainRow[]): ChainRow[] {
  return rows.map((r, i) => {
    if (r.level !== 'source' || r.repeat || r.capacity === null) return r;
    let below = 0;
    for (let j = i + 1; j < rows.length && rows[j]!.depth > r.depth; j++) if (rows[j]!.depth === r.depth + 1) below += rows[j]!.load;
    // Sums in another order differ in their last bits: only a real difference is one.
    return below - r.load > 1e-6 ? { ...r, countedOnce: below - r.load } : r;
  });
}

interface Parent {
  depth: number;
  hallId: string;
  /** The parent source's name; null directly under the hall. */
  source: string | null;
  upstream: string | null;
  hallName: string;
}

/** The sources `parentId` feeds (largest class first, each with its branch), then its load groups. */
function visit(tree: Tree, parentId: string, at: Parent): void {
  const children = tree.fed.get(parentId) ?? [];
  const kindOf = (p: Placement) => tree.models.get(p.modelId)!.kind;
  // Largest class first; within a class by name as people number them (BW1, BW2, BW10), not as they were placed.
  const nameIn = (c: { p: Placement }) => nameOf(c.p, tree.models.get(c.p.modelId)!);
  const sources = children
    .filter((c) => isPowerSource(kindOf(c.p)))
    .sort((a, b) => sourceClass(kindOf(b.p)) - sourceClass(kindOf(a.p)) || compareNames(nameIn(a), nameIn(b)));
  for (const { p, feed } of sources) {
    const m = tree.models.get(p.modelId)!;
    const name = nameOf(p, m);
    const repeat = tree.expanded.has(p.id);
    const row = levelRow(
      { key: `source:${p.id}:${parentId}`, level: 'source', depth: at.depth, hallId: p.hallId, name, equipment: m.name, ids: [p.id], feed, source: at.source ?? at.hallName, upstream: at.source ? at.upstream : 'Site transformers' },
      tree.headroom('power-source', p.id),
      m.ratingKva,
      'apparentPower',
    );
    tree.rows.push({ ...row, repeat });
    if (repeat) continue;
    tree.expanded.add(p.id);
    visit(tree, p.id, { depth: at.depth + 1, hallId: p.hallId, source: name, upstream: at.source ?? at.hallName, hallName: at.hallName });
  }
  const loads = children.filter((c) => !isPowerSource(kindOf(c.p)) && tree.models.get(c.p.modelId)!.powerKw > 0);
  appendAll(tree.rows, loadGroups(tree, loads, parentId, at));
}

function loadGroups(tree: Tree, fed: { p: Placement; feed: FeedLetter | null }[], parentId: string, at: Parent): ChainRow[] {
  const groups = new Map<string, { units: Placement[]; feed: FeedLetter | null }>();
  for (const { p, feed } of fed) {
    // One model to a group, whatever else groups them, so the group is "n × model".
    const key = `${p.modelId}|${feed}|${tree.groupOf(p)}`;
    const group = groups.get(key);
    if (group) group.units.push(p);
    else groups.set(key, { units: [p], feed });
  }
  return [...groups.values()].map(({ units, feed }) => {
    const m = tree.models.get(units[0]!.modelId)!;
    const first = nameOf(units[0]!, m);
    const last = nameOf(units[units.length - 1]!, m);
    let kw = 0;
    let kva = 0;
    for (const p of units) {
      const model = tree.models.get(p.modelId)!;
      kw += model.powerKw;
      kva += apparentPowerKva(model.powerKw, model.powerFactor);
    }
    return {
      key: `loads:${parentId}:${feed}:${units[0]!.id}`,
      level: 'loads',
      depth: at.depth,
      hallId: at.hallId,
      name: units.length > 1 ? rowLabel(first, last, units.length) : first,
      equipment: units.length > 1 ? `${units.length} × ${m.name}` : m.name,
      ids: units.map((p) => p.id),
      feed,
      repeat: false,
      // Under a source a group counts as the source does, in kVA; unfed, in what it draws.
      quantity: at.source ? 'apparentPower' : 'power',
      rating: null,
      capacity: null,
      load: at.source ? kva : kw,
      drawKw: kw,
      drawKva: kva,
      countedOnce: 0,
      utilization: null,
      overloaded: false,
      source: at.source,
      upstream: at.upstream,
    };
  });
}

/** A level's figure in its unit, as the Headroom panel writes it: kVA for sources and what they feed, kW for a hall's feed, MW for the site. */
export function formatChainAmount(r: ChainRow, value: number, units: UnitSystem): string {
  if (r.level === 'interconnect' || r.level === 'transformers') return formatQuantity(kwToMw(value), 'largePower', units, 2);
  return formatQuantity(value, r.quantity, units, 1);
}

/** "134.7 kVA arrives by A and B: counted once", for a source whose rows below add up to more than its load; null for any other. */
export const countedOnceText = (r: ChainRow, units: UnitSystem): string | null => (r.countedOnce > 0 ? `${formatQuantity(r.countedOnce, 'apparentPower', units, 1)} arrives by A and B: counted once` : null);

/** "69 %" of the capacity the checks hold the level to; "—" for loads. */
export const utilizationText = (r: ChainRow): string => (r.utilization === null ? '—' : `${(100 * r.utilization).toFixed(0)} %`);
