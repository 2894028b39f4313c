/**
 * The tables a contractor builds from: setting out (rows from the walls, aisles, pitch),
 * the feed schedule (what feeds each group of units) and the single line (the chain from
 * the grid down, with ratings, loads and utilization), and the site's hall corners. Each
 * reads its figures from one place (setting-out geometry, the power chain rows) and writes
 * lengths as drawings do (feet and inches in US units).
 */
import type { Headroom } from '../constraints/types';
import { footprint } from '../geometry/footprint';
import { runsAlongX } from '../geometry/reach';
import { countedOnceText, formatChainAmount, powerChainRows, utilizationText, type ChainRow } from '../power/chain';
import type { EquipmentModel, FleetDoc, Hall, Placement, Site } from '../model/schema';
import { formatDrawingLength, formatQuantity, type UnitSystem } from '../units';
import { bounds, gridSpan, referenceGrid, setOutRows, type Footprint, type ReferenceGrid, type SetOutRow } from './setting-out';
import { treeIndent } from './fit-label';
import { rowLabel } from './labels';
import type { DrawingItem, Table } from './sheets';

/**
 * A hall sheet's setting out, feed schedule and single line; a site sheet's feed schedule
 * (each group placed by hall and grid square) and single line over all its halls; and the
 * chain's rows they were made from, which the drawn single line reads too.
 */
export function contractorTables(doc: FleetDoc, at: { site: Site; hall: Hall | undefined; halls: Hall[]; headroom: Headroom[]; units: UnitSystem }): { tables: Table[]; chain: ChainRow[] } {
  const floors = hallFloors(doc, at.halls);
  const perHall = new Map(at.halls.map((h) => [h.id, { ...floors.get(h.id)!, grid: referenceGrid(h.widthM, h.depthM, at.units) }]));
  const chain = powerChainRows(doc, at.site, at.halls, at.headroom, rowGroupOf(floors));
  const where = (r: ChainRow): string => {
    const hall = perHall.get(r.hallId ?? '');
    const rects = r.ids.map((id) => hall?.rects.get(id)).filter((f) => f !== undefined);
    if (!hall || !rects.length) return '—';
    return gridSpan(hall.grid, bounds(rects));
  };
  if (at.hall) return { chain, tables: [settingOutTable(at.hall, perHall.get(at.hall.id)!.rows, perHall.get(at.hall.id)!.grid, at.units), feedScheduleTable(chain, where, at.units), singleLineTable(chain, at.units)] };
  // On a site sheet, one schedule per hall: its grid squares are the hall's own.
  const schedules = at.halls.map((h) => ({ ...feedScheduleTable(chain.filter((r) => r.hallId === h.id), where, at.units), title: `Feed schedule: ${h.name}` }));
  return { chain, tables: [...schedules.filter((t) => t.rows.length > 0), singleLineTable(chain, at.units)] };
}

/** A hall's floor-standing units as setting-out footprints (by id), and the rows they stand in. */
export interface HallFloor {
  rows: SetOutRow[];
  rects: Map<string, Footprint>;
}

export function hallFloors(doc: FleetDoc, halls: Hall[]): Map<string, HallFloor> {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const floors = new Map(halls.map((h) => [h.id, [] as Footprint[]]));
  for (const p of doc.placements) {
    const m = models.get(p.modelId);
    const floor = floors.get(p.hallId);
    if (m?.mounting !== 'floor' || !floor) continue;
    floor.push({ id: p.id, label: p.label || m.name, runsAlong: runsAlongX(p.rotationDeg) ? 'x' : 'y', ...footprint(p, m) });
  }
  return new Map([...floors].map(([id, floor]) => [id, { rows: setOutRows(floor), rects: new Map(floor.map((f) => [f.id, f])) }]));
}

/** The row group of the power chain a unit falls in: its setting-out row in its hall, or itself when it stands in none (overhead gear). */
export function rowGroupOf(floors: Map<string, HallFloor>): (p: Placement) => string {
  const rowOf = new Map([...floors].flatMap(([hallId, { rows }]) => rows.flatMap((r, i) => r.ids.map((id) => [id, `${hallId}:${i}`] as const))));
  return (p) => rowOf.get(p.id) ?? p.id;
}

export function settingOutTable(hall: Hall, rows: SetOutRow[], grid: ReferenceGrid, units: UnitSystem): Table {
  const len = (m: number | null) => (m === null ? '—' : formatDrawingLength(m, units));
  return {
    title: `Setting out (from the walls; grid squares ${formatDrawingLength(grid.pitchM, units)})`,
    columns: [
      { label: 'Row', align: 'left', widthMm: 46 },
      { label: 'Grid', align: 'left', widthMm: 18 },
      { label: 'Units', align: 'right', widthMm: 12 },
      { label: 'From W wall', align: 'right', widthMm: 24 },
      { label: 'To E wall', align: 'right', widthMm: 24 },
      { label: 'From N wall', align: 'right', widthMm: 24 },
      { label: 'To S wall', align: 'right', widthMm: 24 },
      { label: 'Aisle', align: 'right', widthMm: 24 },
      { label: 'Row pitch', align: 'right', widthMm: 24 },
    ],
    rows: rows.map((r) => [
      r.ids.length > 1 ? rowLabel(r.first, r.last, r.ids.length) : r.first,
      gridSpan(grid, r),
      String(r.ids.length),
      len(r.minX),
      len(hall.widthM - r.maxX),
      len(r.minY),
      len(hall.depthM - r.maxY),
      len(r.aisleM),
      len(r.pitchM),
    ]),
    totals: false,
  };
}

/** Each group of units with its source, the source's own feed, which of the unit's feeds it is (A/B), and the group's draw in kW and kVA. */
export function feedScheduleTable(chain: ChainRow[], where: (row: ChainRow) => string, units: UnitSystem): Table {
  const loads = chain.filter((r) => r.level === 'loads');
  return {
    title: 'Feed schedule',
    columns: [
      { label: 'Units', align: 'left', widthMm: 34 },
      { label: 'Grid', align: 'left', widthMm: 18 },
      { label: 'Equipment', align: 'left', widthMm: 62 },
      { label: 'Fed from', align: 'left', widthMm: 34 },
      { label: 'Upstream', align: 'left', widthMm: 34 },
      { label: 'Feed', align: 'left', widthMm: 12 },
      { label: 'Load', align: 'right', widthMm: 22 },
      { label: 'kVA', align: 'right', widthMm: 22 },
    ],
    rows: loads.map((r) => [r.name, where(r), r.equipment, r.source ?? 'not fed', r.upstream ?? '—', r.feed ?? '—', formatQuantity(r.drawKw!, 'power', units, 1), formatQuantity(r.drawKva!, 'apparentPower', units, 1)]),
    totals: false,
  };
}

/**
 * The chain as a tree, each level indented under what feeds it and which feed (A/B), with
 * its nameplate rating, the limit the checks hold it to (rating × continuous-load derate for
 * a source), its load and how much of that limit it uses. A source whose rows below add up
 * to more than its load says why beside what it is, as the drawn sheet does.
 */
export function singleLineTable(chain: ChainRow[], units: UnitSystem): Table {
  const amount = (r: ChainRow, v: number | null) => (v === null ? '—' : formatChainAmount(r, v, units));
  return {
    title: 'Single line (power chain)',
    columns: [
      { label: 'Level', align: 'left', widthMm: 58 },
      { label: 'Equipment', align: 'left', widthMm: 70 },
      { label: 'Feed', align: 'left', widthMm: 12 },
      { label: 'Rating', align: 'right', widthMm: 24 },
      { label: 'Limit', align: 'right', widthMm: 24 },
      { label: 'Load', align: 'right', widthMm: 24 },
      { label: 'Used', align: 'right', widthMm: 14 },
    ],
    rows: chain.map((r) => [
      `${treeIndent(r.depth)}${r.name}${r.repeat ? ' (above)' : ''}`,
      [r.equipment, countedOnceText(r, units)].filter(Boolean).join('; '),
      r.feed ?? '—',
      amount(r, r.rating),
      amount(r, r.capacity),
      amount(r, r.load),
      utilizationText(r),
    ]),
    totals: false,
  };
}

/** A piece of power gear in one of a site's halls, and where it is drawn on the site plan (site coordinates). */
export interface SiteGear {
  hall: Hall;
  modelId: string;
  model: EquipmentModel;
  item: DrawingItem;
}

/** What the site holds besides its halls: the grid connection and transformer capacity, then each piece of power gear and where it stands. */
export function siteInfrastructureTable(site: Site, halls: Hall[], gear: SiteGear[], units: UnitSystem): Table {
  const kinds = [...new Set(halls.map((h) => HALL_KIND_LABEL[h.kind]))].join(', ');
  return {
    title: 'Site infrastructure (centres from the site\'s NW corner)',
    columns: [
      { label: 'What', align: 'left', widthMm: 44 },
      { label: 'Equipment', align: 'left', widthMm: 72 },
      { label: 'Rating', align: 'right', widthMm: 28 },
      { label: 'Where', align: 'left', widthMm: 50 },
      { label: 'Centre', align: 'right', widthMm: 40 },
    ],
    rows: [
      ['Grid interconnect', site.name, formatQuantity(site.interconnectMw, 'largePower', units, 2), 'site boundary', '—'],
      ['Site transformers', 'real power they carry (IT × PUE)', formatQuantity(site.transformerCapacityMw, 'largePower', units, 2), 'site', '—'],
      ['Buildings and yards', `${halls.length} (${kinds || 'none'})`, '—', 'see Hall corners', '—'],
      ...gear.map((g) => [g.item.label, g.model.name, g.model.ratingKva ? formatQuantity(g.model.ratingKva, 'apparentPower', units, 1) : '—', g.hall.name, sitePoint(g.item.xM + g.item.widthM / 2, g.item.yM + g.item.depthM / 2, units)]),
    ],
    totals: false,
  };
}

/** A point in site coordinates as printed: "x, y" from the site's north-west corner. */
const sitePoint = (xM: number, yM: number, units: UnitSystem): string => `${formatDrawingLength(xM, units)}, ${formatDrawingLength(yM, units)}`;

const HALL_KIND_LABEL: Record<Hall['kind'], string> = { building: 'building', 'container-pad': 'container pad', 'immersion-yard': 'immersion yard' };

/** Each hall's corners in site coordinates (from the site's north-west corner, x east, y south). */
export function hallCornersTable(halls: Hall[], units: UnitSystem): Table {
  return {
    title: 'Hall corners (x east, y south of the site\'s NW corner)',
    columns: [
      { label: 'Hall', align: 'left', widthMm: 56 },
      { label: 'Kind', align: 'left', widthMm: 28 },
      { label: 'NW', align: 'right', widthMm: 38 },
      { label: 'NE', align: 'right', widthMm: 38 },
      { label: 'SE', align: 'right', widthMm: 38 },
      { label: 'SW', align: 'right', widthMm: 38 },
    ],
    rows: halls.map((h) => {
      const [x0, y0, x1, y1] = [h.siteXM, h.siteYM, h.siteXM + h.widthM, h.siteYM + h.depthM];
      return [h.name, HALL_KIND_LABEL[h.kind], ...[[x0, y0], [x1, y0], [x1, y1], [x0, y1]].map(([x, y]) => sitePoint(x!, y!, units))];
    }),
    totals: false,
  };
}
