/**
 * The power chain of a site as rows, from the grid down to the loads: interconnect →
 * transformers → each hall's feed → its power sources (PDU, skid, UPS, busway, in the
 * order they feed each other) → the groups of units each source feeds. The feed schedule
 * and the single-line sheet are both read from these rows; loads are the constraint
 * engine's (its headroom), so paper and screen show one set of numbers.
 */
import type { Headroom } from '../constraints/types';
import { isPowerSource } from '../model/load';
import type { EquipmentKind, EquipmentModel, FleetDoc, Hall, Placement, Site } from '../model/schema';
import { rowLabel } from '../print/labels';
import { mwToKw, type Kilowatts } from '../units';

/**
 * Kinds whose nameplate is apparent power: transformers, UPSs and PDUs (and skids) are
 * sold by kVA. Busways are sold by amps and generators by kW, which the catalog stores as kW.
 */
const RATED_IN_KVA: ReadonlySet<EquipmentKind> = new Set(['transformer', 'ups', 'pdu']);
export const ratingUnit = (kind: EquipmentKind): 'kVA' | 'kW' => (RATED_IN_KVA.has(kind) ? 'kVA' : 'kW');

/**
 * The model holds no power factors yet: catalog ratings are at unity (the busways' say
 * so) and loads carry none, so kVA = kW / 1. A modelled power factor enters here.
 */
export const POWER_FACTOR = 1;
export const kvaOf = (kw: Kilowatts): number => kw / POWER_FACTOR;

export type ChainLevel = 'interconnect' | 'transformers' | 'hall' | 'source' | 'loads';

export interface ChainRow {
  kind: ChainLevel;
  /** Steps below the interconnect (0). */
  depth: number;
  hallId: string | null;
  /** As the drawing labels it: "Busway 1", "BM1.1–20". */
  name: string;
  /** What it is: a model's name, "20 × Antminer S21 XP rack", "Hall feed". */
  equipment: string;
  /** The placements it stands for (a source: one; a load group: each unit). */
  ids: string[];
  /** Nameplate rating in kW (kVA at unity power factor); null for loads. */
  ratingKw: Kilowatts | null;
  ratingUnit: 'kVA' | 'kW';
  loadKw: Kilowatts;
  /** What feeds it, and what feeds that (null at the top of a hall, or unfed). */
  source: string | null;
  upstream: string | null;
  /** The feed it is on: every modelled placement has one feed, A. */
  feeds: 'A';
}

const nameOf = (p: Placement, m: EquipmentModel): string => p.label || m.name;

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Rows of the site's chain for `halls` (all of its halls, or the one on a hall sheet),
 * depth first. Loads fed by one source are grouped by model and `groupOf` (the row they
 * stand in, say), in placement order; units fed by nothing come under their hall with no
 * source. Sources left in a cycle (which the checks report) are not reached and not listed.
 */
export function powerChainRows(doc: FleetDoc, site: Site, halls: Hall[], headroom: Headroom[], groupOf: (p: Placement) => string = () => ''): ChainRow[] {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const loads = new Map(headroom.map((h) => [`${h.kind}|${h.id}`, h.load]));
  const load = (kind: Headroom['kind'], id: string) => loads.get(`${kind}|${id}`) ?? 0;
  const rows: ChainRow[] = [
    { kind: 'interconnect', depth: 0, hallId: null, name: site.name, equipment: 'Grid interconnect (IT × PUE)', ids: [], ratingKw: mwToKw(site.interconnectMw), ratingUnit: 'kW', loadKw: load('site-interconnect', site.id), source: null, upstream: null, feeds: 'A' },
    { kind: 'transformers', depth: 1, hallId: null, name: site.name, equipment: 'Site transformers (hall feeds)', ids: [], ratingKw: mwToKw(site.transformerCapacityMw), ratingUnit: 'kVA', loadKw: load('site-transformer', site.id), source: 'Grid interconnect', upstream: null, feeds: 'A' },
  ];
  const byHall = new Map<string, Placement[]>();
  for (const p of doc.placements) if (models.has(p.modelId)) pushTo(byHall, p.hallId, p);
  for (const hall of halls) {
    const inHall = byHall.get(hall.id) ?? [];
    const children = new Map<string | null, Placement[]>();
    for (const p of inHall) pushTo(children, p.powerSourceId, p);
    rows.push({ kind: 'hall', depth: 2, hallId: hall.id, name: hall.name, equipment: 'Hall feed', ids: [], ratingKw: hall.feedKw, ratingUnit: 'kW', loadKw: load('hall-power', hall.id), source: 'Site transformers', upstream: 'Grid interconnect', feeds: 'A' });
    const visit = (sourceId: string | null, depth: number, source: string | null, upstream: string | null) => {
      const fed = children.get(sourceId) ?? [];
      for (const p of fed.filter((c) => isPowerSource(models.get(c.modelId)!.kind))) {
        const m = models.get(p.modelId)!;
        const name = nameOf(p, m);
        rows.push({ kind: 'source', depth, hallId: hall.id, name, equipment: m.name, ids: [p.id], ratingKw: m.ratingKw, ratingUnit: ratingUnit(m.kind), loadKw: load('pdu', p.id), source: source ?? hall.name, upstream: source ? upstream : 'Site transformers', feeds: 'A' });
        visit(p.id, depth + 1, name, source ?? hall.name);
      }
      rows.push(...loadGroups(fed.filter((c) => !isPowerSource(models.get(c.modelId)!.kind) && models.get(c.modelId)!.powerKw > 0), models, groupOf, { depth, hallId: hall.id, source, upstream }));
    };
    visit(null, 3, null, null);
  }
  return rows;
}

function loadGroups(fed: Placement[], models: Map<string, EquipmentModel>, groupOf: (p: Placement) => string, at: { depth: number; hallId: string; source: string | null; upstream: string | null }): ChainRow[] {
  const groups = new Map<string, Placement[]>();
  for (const p of fed) {
    // One model to a group, whatever else groups them, so the group is "n × model".
    const key = `${p.modelId}|${groupOf(p)}`;
    pushTo(groups, key, p);
  }
  return [...groups.values()].map((units) => {
    const m = models.get(units[0]!.modelId)!;
    const first = nameOf(units[0]!, m);
    const last = nameOf(units[units.length - 1]!, m);
    const kw = units.reduce((t, p) => t + models.get(p.modelId)!.powerKw, 0);
    return {
      kind: 'loads',
      depth: at.depth,
      hallId: at.hallId,
      name: units.length > 1 ? rowLabel(first, last, units.length) : first,
      equipment: units.length > 1 ? `${units.length} × ${m.name}` : m.name,
      ids: units.map((p) => p.id),
      ratingKw: null,
      ratingUnit: 'kW',
      loadKw: kw,
      source: at.source,
      upstream: at.upstream,
      feeds: 'A',
    };
  });
}
