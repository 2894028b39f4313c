/**
 * The layout of a printed site plan: which sheet shows what, where, at which scale.
 * Pure data in millimetres; the renderer draws it as SVG in real mm so that the PDF
 * is to scale. Page 1 carries the drawing, legend and summary; the tables follow,
 * continued over as many sheets as they need. Every sheet has the title block.
 */
import { footprint } from '../geometry/footprint';
import { billOfMaterials } from '../io/bom';
import { itPowerKw } from '../model/load';
import type { EquipmentModel, FleetDoc, Hall, Placement, Site, Zone } from '../model/schema';
import { checkFleet, describeViolation, type Headroom, type Violation } from '../constraints';
import { formatQuantity, formatUsd, type UnitSystem } from '../units';
import { chooseScale, sheetSize, type Orientation, type PaperName } from './paper';

export interface PrintRequest {
  hallId?: string;
  siteId?: string;
  paper: PaperName;
  orientation: Orientation;
  scale: number | 'fit';
  /** ISO date printed in the title block. */
  date: string;
}

export interface BoxMm {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Table {
  title: string;
  columns: { label: string; align: 'left' | 'right'; widthMm: number }[];
  rows: string[][];
  /** Bold last row (totals). */
  totals: boolean;
}

export interface TableSlice extends Table {
  continued: boolean;
  yMm: number;
}

/** What the drawing shows: equipment rectangles (hall) or hall outlines (site), in metres. */
export interface DrawingItem {
  id: string;
  label: string;
  kind: string;
  xM: number;
  yM: number;
  widthM: number;
  depthM: number;
  rotationDeg: number;
}

export interface Drawing {
  subject: 'hall' | 'site';
  title: string;
  widthM: number;
  depthM: number;
  box: BoxMm;
  denominator: number;
  note: string | null;
  items: DrawingItem[];
  zones: Zone[];
}

export interface LegendEntry {
  key: string;
  label: string;
  kind: string;
  count: number;
}

export interface Sheet {
  number: number;
  drawing: Drawing | null;
  legend: LegendEntry[];
  summary: [string, string][];
  tables: TableSlice[];
}

export interface PrintPlan {
  widthMm: number;
  heightMm: number;
  marginMm: number;
  titleBlock: { box: BoxMm; fields: [string, string][] };
  sheets: Sheet[];
  unitSystem: UnitSystem;
}

export const MARGIN_MM = 10;
export const TITLE_BLOCK_H_MM = 26;
export const SIDE_COLUMN_W_MM = 74;
export const ROW_H_MM = 4.6;
export const TABLE_HEAD_MM = 11;

export class PrintError extends Error {}

export function planPrint(doc: FleetDoc, req: PrintRequest): PrintPlan {
  const { widthMm, heightMm } = sheetSize(req.paper, req.orientation);
  const hall = req.hallId ? doc.halls.find((h) => h.id === req.hallId) : undefined;
  const site = hall ? doc.sites.find((s) => s.id === hall.siteId) : doc.sites.find((s) => s.id === req.siteId);
  if (req.hallId && !hall) throw new PrintError(`No hall "${req.hallId}" in this fleet`);
  if (!site) throw new PrintError(req.siteId ? `No site "${req.siteId}" in this fleet` : 'Choose a hall or a site to print');
  const units = doc.fleet.unitSystem;
  const placements = hall ? doc.placements.filter((p) => p.hallId === hall.id) : doc.placements.filter((p) => doc.halls.some((h) => h.id === p.hallId && h.siteId === site.id));
  const models = new Map(doc.models.map((m) => [m.id, m]));

  const contentTop = MARGIN_MM;
  const contentBottom = heightMm - MARGIN_MM - TITLE_BLOCK_H_MM - 4;
  const drawingBox: BoxMm = { x: MARGIN_MM, y: contentTop + 8, w: widthMm - 2 * MARGIN_MM - SIDE_COLUMN_W_MM - 6, h: contentBottom - contentTop - 8 - 14 };
  const area = hall ? { widthM: hall.widthM, depthM: hall.depthM } : { widthM: site.widthM, depthM: site.depthM };
  const scale = chooseScale(area, { widthMm: drawingBox.w, heightMm: drawingBox.h }, req.scale);

  const drawing: Drawing = {
    subject: hall ? 'hall' : 'site',
    title: hall ? `${site.name} — ${hall.name}` : site.name,
    ...area,
    box: drawingBox,
    denominator: scale.denominator,
    note: scale.note,
    items: hall ? hallItems(placements, models) : siteItems(doc.halls.filter((h) => h.siteId === site.id)),
    zones: hall ? doc.zones.filter((z) => z.hallId === hall.id) : [],
  };

  const bom = billOfMaterials(doc).filter((l) => (hall ? l.hallId === hall.id : l.siteId === site.id));
  const legend: LegendEntry[] = hall
    ? bom.map((l) => ({ key: l.modelId, label: l.model, kind: l.kind, count: l.quantity }))
    : doc.halls.filter((h) => h.siteId === site.id).map((h) => ({ key: h.id, label: h.name, kind: h.currentUse, count: 1 }));

  const halls = hall ? [hall] : doc.halls.filter((h) => h.siteId === site.id);
  const checks = checkFleet(doc);
  const hallIds = new Set(halls.map((h) => h.id));
  const open = checks.violations.filter((v) => (v.hallId ? hallIds.has(v.hallId) : v.siteId === site.id));
  const tables = [bomTable(bom, units), powerCoolingTable(doc, halls, checks.headroom, units), violationsTable(open, units)];
  const sheets: Sheet[] = [{ number: 1, drawing, legend, summary: summary(hall, site, placements, models, units), tables: [] }];
  paginate(tables, sheets, { top: contentTop, bottom: contentBottom });

  const titleBox: BoxMm = { x: MARGIN_MM, y: heightMm - MARGIN_MM - TITLE_BLOCK_H_MM, w: widthMm - 2 * MARGIN_MM, h: TITLE_BLOCK_H_MM };
  return {
    widthMm,
    heightMm,
    marginMm: MARGIN_MM,
    unitSystem: units,
    titleBlock: {
      box: titleBox,
      fields: [
        ['Fleet', doc.fleet.name],
        ['Site', site.name],
        ['Hall', hall?.name ?? 'Site plan'],
        ['Revision', doc.fleet.revision],
        ['Date', req.date],
        ['Author', doc.fleet.author],
        ['Drawn by', doc.titleBlock.drawnBy],
        ['Checked by', doc.titleBlock.checkedBy],
        ['Project', doc.titleBlock.projectNumber],
        ['Company', doc.titleBlock.company],
        ['Scale', `1:${scale.denominator} on ${req.paper}`],
      ],
    },
    sheets,
  };
}

function hallItems(placements: Placement[], models: Map<string, EquipmentModel>): DrawingItem[] {
  const items: DrawingItem[] = [];
  for (const p of placements) {
    const m = models.get(p.modelId);
    if (!m) continue;
    const r = footprint(p, m);
    items.push({ id: p.id, label: p.label || m.name, kind: m.kind, xM: r.minX, yM: r.minY, widthM: r.maxX - r.minX, depthM: r.maxY - r.minY, rotationDeg: p.rotationDeg });
  }
  return items;
}

function siteItems(halls: Hall[]): DrawingItem[] {
  return halls.map((h) => ({ id: h.id, label: h.name, kind: h.currentUse, xM: h.siteXM, yM: h.siteYM, widthM: h.widthM, depthM: h.depthM, rotationDeg: 0 }));
}

function summary(hall: Hall | undefined, site: Site, placements: Placement[], models: Map<string, EquipmentModel>, units: UnitSystem): [string, string][] {
  let itKw = 0;
  let ths = 0;
  let gpus = 0;
  for (const p of placements) {
    const m = models.get(p.modelId);
    if (!m) continue;
    itKw += itPowerKw(m);
    ths += m.hashrateThs;
    gpus += m.gpuCount;
  }
  const rows: [string, string][] = [
    ['IT load', formatQuantity(itKw, 'power', units, 0)],
    ['Hashrate', `${(ths / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} PH/s`],
    ['GPUs', gpus.toLocaleString('en-US')],
  ];
  if (hall) {
    rows.push(['Feed', formatQuantity(hall.feedKw, 'power', units, 0)], ['Cooling', `${hall.cooling.method}, ${hall.cooling.redundancy}`], ['Floor limit', formatQuantity(hall.floorLimitKgPerM2, 'floorLoad', units, 0)]);
  } else {
    rows.push(['Interconnect', `${site.interconnectMw} MW`], ['Transformers', `${site.transformerCapacityMw} MW`]);
  }
  return rows;
}

function bomTable(bom: ReturnType<typeof billOfMaterials>, units: UnitSystem): Table {
  const qty = bom.reduce((t, l) => t + l.quantity, 0);
  const kw = bom.reduce((t, l) => t + l.totalPowerKw, 0);
  const capex = bom.reduce((t, l) => t + l.totalCapexUsd, 0);
  return {
    title: 'Bill of materials',
    columns: [
      { label: 'Model', align: 'left', widthMm: 70 },
      { label: 'Kind', align: 'left', widthMm: 32 },
      { label: 'Qty', align: 'right', widthMm: 16 },
      { label: 'Unit power', align: 'right', widthMm: 26 },
      { label: 'Total power', align: 'right', widthMm: 28 },
      { label: 'Capex', align: 'right', widthMm: 26 },
    ],
    rows: [
      ...bom.map((l) => [l.model, l.kind, String(l.quantity), formatQuantity(l.unitPowerKw, 'power', units), formatQuantity(l.totalPowerKw, 'power', units, 0), formatUsd(l.totalCapexUsd)]),
      ['Total', '', String(qty), '', formatQuantity(kw, 'power', units, 0), formatUsd(capex)],
    ],
    totals: true,
  };
}

const HEADROOM_LABEL: Record<Headroom['kind'], string> = {
  pdu: 'power source',
  'zone-air': 'zone air',
  'zone-liquid': 'zone liquid',
  'hall-power': 'hall feed',
  'hall-cooling': 'hall cooling',
  'site-interconnect': 'site grid (IT × PUE)',
  'site-transformer': 'site transformers',
};

/**
 * Load, capacity and headroom per power source, zone and hall on the sheet, as the
 * constraint engine computes them for the app: one set of numbers on screen and paper.
 */
function powerCoolingTable(doc: FleetDoc, halls: Hall[], headroom: Headroom[], units: UnitSystem): Table {
  const hallIds = new Set(halls.map((h) => h.id));
  const zoneIds = new Set(doc.zones.filter((z) => hallIds.has(z.hallId)).map((z) => z.id));
  const sourceIds = new Set(doc.placements.filter((p) => hallIds.has(p.hallId)).map((p) => p.id));
  const shown = headroom.filter((h) =>
    h.kind === 'pdu' ? sourceIds.has(h.id) : h.kind.startsWith('zone') ? zoneIds.has(h.id) : h.kind.startsWith('hall') && hallIds.has(h.id),
  );
  const rows = shown.map((h) => {
    const q = h.kind === 'pdu' || h.kind === 'hall-power' ? 'power' : 'heat';
    return [`${h.name}: ${HEADROOM_LABEL[h.kind]}`, formatQuantity(h.load, q, units, 0), formatQuantity(h.capacity, q, units, 0), formatQuantity(h.headroom, q, units, 0)];
  });
  return {
    title: 'Power and cooling',
    columns: [
      { label: 'Where', align: 'left', widthMm: 80 },
      { label: 'Load', align: 'right', widthMm: 30 },
      { label: 'Capacity', align: 'right', widthMm: 30 },
      { label: 'Headroom', align: 'right', widthMm: 30 },
    ],
    rows,
    totals: false,
  };
}

function violationsTable(violations: Violation[], units: UnitSystem): Table {
  return {
    title: 'Open violations',
    columns: [{ label: 'Violation', align: 'left', widthMm: 260 }],
    rows: violations.length ? violations.map((v) => [`${v.severity === 'error' ? 'Error' : 'Warning'}: ${describeViolation(v, units)}`]) : [['None: every limit holds.']],
    totals: false,
  };
}

/** Puts tables on sheets: after the drawing on sheet 1 if there is room, else on new sheets, splitting long tables. */
function paginate(tables: Table[], sheets: Sheet[], area: { top: number; bottom: number }): void {
  let sheet: Sheet = { number: 2, drawing: null, legend: [], summary: [], tables: [] };
  sheets.push(sheet);
  let y = area.top;
  for (const table of tables) {
    let rest = table.rows;
    let continued = false;
    while (rest.length > 0) {
      const room = Math.floor((area.bottom - y - TABLE_HEAD_MM) / ROW_H_MM);
      if (room < 3) {
        sheet = { number: sheets.length + 1, drawing: null, legend: [], summary: [], tables: [] };
        sheets.push(sheet);
        y = area.top;
        continue;
      }
      const rows = rest.slice(0, room);
      rest = rest.slice(room);
      sheet.tables.push({ ...table, rows, totals: table.totals && rest.length === 0, continued, yMm: y });
      y += TABLE_HEAD_MM + rows.length * ROW_H_MM + 6;
      continued = true;
    }
  }
}
