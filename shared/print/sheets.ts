/**
 * The layout of a printed site plan: which sheet shows what, where, at which scale.
 * Pure data in millimetres; the renderer draws it as SVG in real mm so that the PDF
 * is to scale. Page 1 carries the drawing, legend and summary; the tables follow,
 * continued over as many sheets as they need. Every sheet has the title block.
 */
import { largest, smallest } from '../arrays';
import { footprint } from '../geometry/footprint';
import { billOfMaterials, type BomLine } from '../io/bom';
import { itPowerKw } from '../model/load';
import { byName } from '../model/order';
import { formatHashrate } from '../model/totals';
import { isPowerSource } from '../model/load';
import { EQUIPMENT_KIND_LABEL, HALL_USES, type EquipmentModel, type FleetDoc, type Hall, type Placement, type Site, type Zone } from '../model/schema';
import { checkFleet, describeViolation, HEADROOM_SPECS, type Headroom, type Violation } from '../constraints';
import { countOf, formatDrawingLength, formatQuantity, formatUsd, paperMm, type UnitSystem } from '../units';
import { fitLabel, splitInTwo, wrapText } from './fit-label';
import { contractorTables, hallCornersTable, siteInfrastructureTable, type SiteGear } from './build-tables';
import { referenceGrid, type ReferenceGrid } from './setting-out';
import { intersects, LABEL_EM_PER_CHAR, LABEL_MIN_MM, placeLabels, textBox, type LabelTarget, type RectMm, type TextMm } from './labels';
import { singleLineDrawings, type SingleLineDrawing } from './single-line';
import { paginate, ROW_H_MM, TABLE_GAP_MM, TABLE_HEAD_MM } from './paginate';
import { chooseScale, scaleLabel, scaleLabelWithRatio, sheetSize, type Orientation, type PaperName, type ScaleChoice } from './paper';

/** What a site's sheets name in the title block's Hall field: they show no one hall. */
const SITE_PLAN = 'Site plan';

export interface PrintRequest {
  hallId?: string;
  siteId?: string;
  paper: PaperName;
  orientation: Orientation;
  scale: number | 'fit';
  /** ISO date printed in the title block. */
  date: string;
}

/** The part of a sheet something may fill, by its edges in mm. */
export interface SheetArea {
  top: number;
  bottom: number;
  left: number;
  right: number;
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

/** A table, or a piece of one, where it stands on its sheet (top left). */
export interface TableSlice extends Table {
  continued: boolean;
  xMm: number;
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
  /** Items that may share one row label: same model and facing. */
  rowKey: string;
  /** The key of its legend entry (its model's id; a site plan's hall, its use), whose swatch it is filled with. */
  legendKey: string;
}

/** A line of text from its left end; y is the baseline. */
export interface LineMm {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
}

/** A dimension: the line with its witness lines (x1, y1, x2, y2 each) and the measure written beside it. */
export interface Dimension {
  line: [number, number, number, number];
  witness: [number, number, number, number][];
  text: TextMm;
}

export interface Drawing {
  subject: 'hall' | 'site';
  /** Title and scale above the drawing, within its width (the legend column may be beside it). */
  header: LineMm[];
  widthM: number;
  depthM: number;
  /** Where the drawing and everything drawn with it must stay. */
  box: BoxMm;
  /** The outline's top left corner: the box's, or inside it past the grid's reference band. */
  origin: { x: number; y: number };
  /** A hall's reference grid: lines across the floor and the references in the band above and left of it. */
  grid: { lines: [number, number, number, number][]; refs: TextMm[] } | null;
  denominator: number;
  note: string | null;
  items: DrawingItem[];
  /** On a site plan, the power gear standing in its halls (transformers, skids, UPSs, generators), drawn in place without labels. */
  infrastructure: DrawingItem[];
  zones: { zone: Zone; name: TextMm }[];
  labels: TextMm[];
  dimensions: Dimension[];
  /** Top left of the scale bar, and the widest it may be. */
  scaleBar: { x: number; y: number; maxWidthMm: number };
  /** Tip of the north arrow. */
  northArrow: { x: number; y: number };
}

export interface LegendEntry {
  key: string;
  label: string;
  /** Its colour; none for the line that says how many more the bill of materials lists. */
  kind: string | null;
  /** How many: "120" racks of a model, "2 halls" of a use. */
  count: string;
}

/** Top left corners of the legend and the summary blocks, each SIDE_COLUMN_W_MM wide. */
export interface KeyLayout {
  legend: { x: number; y: number };
  summary: { x: number; y: number };
}

export interface Sheet {
  number: number;
  drawing: Drawing | null;
  legend: LegendEntry[];
  summary: [string, string][];
  /** Where the legend and summary go, on the sheet with the drawing. */
  key: KeyLayout | null;
  /** The power chain drawn as a one-line diagram, on sheets of its own. */
  singleLine: SingleLineDrawing | null;
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
/** A legend or summary block: its title's band, then one row per entry. */
const KEY_TITLE_MM = 8;
const LEGEND_ROW_MM = 5;
const SUMMARY_ROW_MM = 4.6;
/** Clear above the band below a drawing, and between the legend and the summary in a column. */
const KEY_GAP_MM = 5;
/** Below a drawing the summary stands this far right of the legend (every paper's portrait width holds both). */
const KEY_COLUMN_GAP_MM = 12;

/** Where a legend or summary block's title sits, and each of its rows (their baselines; a legend's swatch ends there). */
export const keyTitleBaseline = (top: number): number => top + 5;
export const legendRowBaseline = (top: number, row: number): number => top + KEY_TITLE_MM + (row + 1) * LEGEND_ROW_MM;
export const summaryRowBaseline = (top: number, row: number): number => keyTitleBaseline(top) + (row + 1) * SUMMARY_ROW_MM;
/** The height a legend or summary block of so many rows takes: the last row's baseline and its descent. */
export const legendHeight = (rows: number): number => KEY_TITLE_MM + rows * LEGEND_ROW_MM;
export const summaryHeight = (rows: number): number => KEY_TITLE_MM + rows * SUMMARY_ROW_MM;
/** Table cells keep one size and are cut (or, for violations, wrapped) to their column: 1.55 mm a character at 2.6 mm. */
export const TABLE_FONT_MM = 2.6;
export const TABLE_EM_PER_CHAR = 1.55 / TABLE_FONT_MM;
/** Text starts this far inside its column, on both sides. */
export const CELL_PAD_MM = 1;
/** The hall's width is dimensioned below it and its depth to its right, in a band this deep. */
export const DIMENSION_BAND_MM = 10;
/** Below the dimensions: the scale bar, and the north arrow (9 mm, and its N) at the right. */
export const SCALE_BAND_MM = 15;
/** Above and left of a hall's outline: the grid's column letters and row numbers. */
export const GRID_BAND_MM = 6;
const GRID_TEXT_MM = 2.6;
/** References closer than this on paper would touch: then only every second (third…) is written. */
const GRID_REF_SPACING_MM = 4.5;
const TITLE_MM = 4;
const TITLE_MIN_MM = 3;
const SCALE_TEXT_MM = 3;
const SCALE_TEXT_MIN_MM = 2.2;
const DIMENSION_TEXT_MM = 3;
const BOLD_EM_PER_CHAR = 0.62;
const USE_LABEL: Record<Hall['currentUse'], string> = { mining: 'Mining', ai: 'AI hosting', idle: 'Idle' };

export { ROW_H_MM, TABLE_HEAD_MM };

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
  const contentWidth = widthMm - 2 * MARGIN_MM;
  const area = hall ? { widthM: hall.widthM, depthM: hall.depthM } : { widthM: site.widthM, depthM: site.depthM };
  const title = hall ? `${site.name} — ${hall.name}` : site.name;

  const halls = hall ? [hall] : doc.halls.filter((h) => h.siteId === site.id);
  const allBom = billOfMaterials(doc).filter((l) => (hall ? l.hallId === hall.id : l.siteId === site.id));
  // A site sheet counts each model once over its halls: the hall sheets break it down.
  const bom = hall ? allBom : perModel(allBom);
  // A hall plan's colours are models; a site plan's are the halls' uses, each with how many halls have it.
  const gear = hall ? [] : siteInfrastructure(halls, placements, models);
  const allEntries: LegendEntry[] = hall
    ? bom.map((l) => ({ key: l.modelId, label: l.model, kind: l.kind, count: l.quantity.toLocaleString('en-US') }))
    : [
        ...HALL_USES.filter((use) => halls.some((h) => h.currentUse === use)).map((use) => ({ key: use, label: USE_LABEL[use], kind: use, count: countOf(halls.filter((h) => h.currentUse === use).length, 'hall') })),
        ...bom.filter((l) => gear.some((g) => g.modelId === l.modelId)).map((l) => ({ key: l.modelId, label: l.model, kind: l.kind, count: l.quantity.toLocaleString('en-US') })),
      ];
  const sheetSummary = summary(hall, site, halls, placements, models, units);
  const legend = shortLegend(allEntries, Math.floor((contentBottom - contentTop - summaryHeight(sheetSummary.length) - KEY_GAP_MM - KEY_TITLE_MM) / LEGEND_ROW_MM), hall ? 'model' : 'use');

  // The header's height depends on the scale's note, and the scale on the room the header
  // leaves: the scale is chosen for the room below the tallest header (two lines for each
  // text), so the drawing box laid out under the actual header always holds it.
  const tallHeader = 2 * 1.25 * (TITLE_MM + SCALE_TEXT_MM) + 2;
  const band = hall ? GRID_BAND_MM : 0;
  const room = contentBottom - contentTop - tallHeader - DIMENSION_BAND_MM - SCALE_BAND_MM - band;
  const { layout, drawingW, keyBandH, scale } = chooseKeyLayout(area, req, units, { contentWidth, room, band, legendRows: legend.length, summaryRows: sheetSummary.length, portrait: req.orientation === 'portrait' });
  const lines = [
    ...headerLines(title, drawingW, TITLE_MM, TITLE_MIN_MM, true),
    ...headerLines(`Scale ${scaleLabelWithRatio(scale.denominator, units)}${scale.note ? ` (${scale.note})` : ''}`, drawingW, SCALE_TEXT_MM, SCALE_TEXT_MIN_MM, false),
  ];
  let y = contentTop;
  const header: LineMm[] = lines.map((l) => {
    // Baseline at the font's ascent (about 0.95 em) below the top of the line.
    const line = { ...l, x: MARGIN_MM, y: y + l.size * 0.95 };
    y += l.size * 1.25;
    return line;
  });
  const drawingBox: BoxMm = { x: MARGIN_MM, y: y + 2, w: drawingW, h: contentBottom - keyBandH - y - 2 };
  const key = keyPositions(layout, { contentWidth, contentTop, contentBottom, keyBandH, legendRows: legend.length });

  const origin = { x: drawingBox.x + band, y: drawingBox.y + band };
  const items = hall ? hallItems(placements, models) : siteItems(halls);
  const zones = hall ? doc.zones.filter((z) => z.hallId === hall.id) : [];
  const grid = hall ? referenceGrid(hall.widthM, hall.depthM, units) : null;
  const drawing: Drawing = {
    subject: hall ? 'hall' : 'site',
    header,
    ...area,
    box: drawingBox,
    origin,
    grid: grid && gridMarks(grid, area, origin, scale.denominator),
    denominator: scale.denominator,
    note: scale.note,
    items,
    infrastructure: gear.map((g) => g.item),
    ...annotate(area, items, zones, drawingBox, origin, scale.denominator, units),
  };

  const checks = checkFleet(doc);
  const hallIds = new Set(halls.map((h) => h.id));
  const open = checks.violations.filter((v) => (v.hallId ? hallIds.has(v.hallId) : v.siteId === site.id));
  const contractor = contractorTables(doc, { site, hall, halls, headroom: checks.headroom, units });
  const tables = [
    ...(hall ? [] : [hallCornersTable(halls, units), siteInfrastructureTable(site, halls, gear, units)]),
    bomTable(bom, units),
    ...contractor.tables,
    powerCoolingTable(doc, halls, checks.headroom, units),
    violationsTable(open, units, contentWidth),
  ].map((t) => fitTable(t, contentWidth));
  const sheets: Sheet[] = [{ number: 1, drawing, legend, summary: sheetSummary, key, singleLine: null, tables: [] }];
  // The single line follows the plan, before the tables that do not fit on its sheet.
  const singleLineArea = { left: MARGIN_MM, right: MARGIN_MM + contentWidth, top: contentTop, bottom: contentBottom };
  for (const singleLine of singleLineDrawings(contractor.chain, title, singleLineArea, units)) {
    sheets.push({ number: sheets.length + 1, drawing: null, legend: [], summary: [], key: null, singleLine, tables: [] });
  }
  // Whole tables that fit go on sheet 1, between the drawing (and a side column) and the band below it.
  // Something standing past the outline's south edge (a hall off its site) is drawn there too.
  const southM = items.reduce((m, it) => Math.max(m, it.yM + it.depthM), 0);
  const drawnBottom = origin.y + Math.max(paperMm(area.depthM, scale.denominator) + DIMENSION_BAND_MM + SCALE_BAND_MM, paperMm(southM, scale.denominator));
  const firstSheet =
    layout === 'below'
      ? { top: drawnBottom + TABLE_GAP_MM, bottom: contentBottom - keyBandH }
      : { top: Math.max(drawnBottom, key.summary.y + summaryHeight(sheetSummary.length)) + TABLE_GAP_MM, bottom: contentBottom };
  const across = { left: MARGIN_MM, right: MARGIN_MM + contentWidth };
  paginate(tables, sheets, { top: contentTop, bottom: contentBottom, ...across }, { ...firstSheet, ...across });

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
        ['Hall', hall?.name ?? SITE_PLAN],
        ['Revision', doc.fleet.revision],
        ['Date', req.date],
        ['Author', doc.fleet.author],
        ['Drawn by', doc.titleBlock.drawnBy],
        ['Checked by', doc.titleBlock.checkedBy],
        ['Project', doc.titleBlock.projectNumber],
        ['Company', doc.titleBlock.company],
        ['Scale', `${scaleLabel(scale.denominator, units)} on ${req.paper}`],
      ],
    },
    sheets,
  };
}

type KeyPlace = 'side' | 'below';

/** More legend rows than this would take the band below a drawing from the drawing itself. */
const LEGEND_MAX_ROWS = 12;

/**
 * The legend within `fitting` rows (those the side column holds above the summary) and
 * LEGEND_MAX_ROWS: past that, its last line says how many more models (or uses) the
 * bill of materials lists, instead of rows running into the title block.
 */
function shortLegend(entries: LegendEntry[], fitting: number, noun: string): LegendEntry[] {
  const rows = Math.max(1, Math.min(fitting, LEGEND_MAX_ROWS));
  if (entries.length <= rows) return entries;
  const shown = entries.slice(0, rows - 1);
  const more = entries.length - shown.length;
  return [...shown, { key: 'more', label: `${countOf(more, `more ${noun}`)}: see the bill of materials`, kind: null, count: '' }];
}

/**
 * The legend and summary go in a column beside the drawing or in a band below it,
 * whichever lets the drawing be larger: on a portrait sheet a side column left a hall
 * drawn at 1:1000 in the top corner of an empty page. When both give the same scale, a
 * landscape sheet keeps the column and a portrait one the band.
 */
function chooseKeyLayout(
  area: { widthM: number; depthM: number },
  req: PrintRequest,
  units: UnitSystem,
  s: { contentWidth: number; room: number; band: number; legendRows: number; summaryRows: number; portrait: boolean },
): { layout: KeyPlace; drawingW: number; keyBandH: number; scale: ScaleChoice } {
  const below = { layout: 'below' as const, drawingW: s.contentWidth, keyBandH: Math.max(legendHeight(s.legendRows), summaryHeight(s.summaryRows)) + KEY_GAP_MM };
  const side = { layout: 'side' as const, drawingW: s.contentWidth - SIDE_COLUMN_W_MM - 6, keyBandH: 0 };
  const [first, second] = (s.portrait ? [below, side] : [side, below]).map((l) => ({
    ...l,
    scale: chooseScale(area, { widthMm: l.drawingW - DIMENSION_BAND_MM - s.band, heightMm: s.room - l.keyBandH }, req.scale, units),
  }));
  // The requested scale held, or the larger drawing.
  const better = (a: { scale: ScaleChoice }, b: { scale: ScaleChoice }) => (a.scale.note === null) !== (b.scale.note === null) ? a.scale.note === null : a.scale.denominator <= b.scale.denominator;
  return better(first!, second!) ? first! : second!;
}

/** In a column, the summary under the legend; in the band below the drawing, beside it. */
function keyPositions(layout: KeyPlace, s: { contentWidth: number; contentTop: number; contentBottom: number; keyBandH: number; legendRows: number }): KeyLayout {
  if (layout === 'side') {
    const x = MARGIN_MM + s.contentWidth - SIDE_COLUMN_W_MM;
    return { legend: { x, y: s.contentTop }, summary: { x, y: s.contentTop + legendHeight(s.legendRows) + KEY_GAP_MM } };
  }
  const top = s.contentBottom - s.keyBandH + KEY_GAP_MM;
  return { legend: { x: MARGIN_MM, y: top }, summary: { x: MARGIN_MM + SIDE_COLUMN_W_MM + KEY_COLUMN_GAP_MM, y: top } };
}

/** The grid's lines over the floor and its references: letters centred over each column in the band above, numbers beside each row in the band left. */
function gridMarks(grid: ReferenceGrid, area: { widthM: number; depthM: number }, origin: { x: number; y: number }, denominator: number): NonNullable<Drawing['grid']> {
  const mm = (m: number) => paperMm(m, denominator);
  const [w, h] = [mm(area.widthM), mm(area.depthM)];
  const step = mm(grid.pitchM);
  const lines: [number, number, number, number][] = [];
  const refs: TextMm[] = [];
  const every = Math.max(1, Math.ceil(GRID_REF_SPACING_MM / step));
  // Each reference centred on the part of its square inside the hall (the last square may be cut short).
  const centre = (i: number, length: number) => (i * step + Math.min(length, (i + 1) * step)) / 2;
  grid.columns.forEach((letter, i) => {
    if (i > 0) lines.push([origin.x + i * step, origin.y - GRID_BAND_MM, origin.x + i * step, origin.y + h]);
    if (i % every === 0) refs.push({ text: letter, x: origin.x + centre(i, w), y: origin.y - GRID_BAND_MM / 2, size: GRID_TEXT_MM, rotate: 0 });
  });
  for (let j = 0; j < grid.rows; j++) {
    if (j > 0) lines.push([origin.x - GRID_BAND_MM, origin.y + j * step, origin.x + w, origin.y + j * step]);
    if (j % every === 0) refs.push({ text: String(j + 1), x: origin.x - GRID_BAND_MM / 2, y: origin.y + centre(j, h), size: GRID_TEXT_MM, rotate: 0 });
  }
  return { lines, refs };
}

function hallItems(placements: Placement[], models: Map<string, EquipmentModel>): DrawingItem[] {
  const items: DrawingItem[] = [];
  for (const p of placements) {
    const m = models.get(p.modelId);
    if (!m) continue;
    const r = footprint(p, m);
    items.push({ id: p.id, label: p.label || m.name, kind: m.kind, xM: r.minX, yM: r.minY, widthM: r.maxX - r.minX, depthM: r.maxY - r.minY, rotationDeg: p.rotationDeg, rowKey: `${p.modelId}|${p.rotationDeg}`, legendKey: p.modelId });
  }
  return items;
}

/** Power gear (transformers, skids and PDUs, UPSs, generators) on the floor of the site's halls, placed in site coordinates. */
function siteInfrastructure(halls: Hall[], placements: Placement[], models: Map<string, EquipmentModel>): SiteGear[] {
  const hallById = new Map(halls.map((h) => [h.id, h]));
  const gear = placements.filter((p) => {
    const m = models.get(p.modelId);
    return m !== undefined && isPowerSource(m.kind) && m.mounting === 'floor';
  });
  return hallItems(gear, models).map((it, i) => {
    const p = gear[i]!;
    const h = hallById.get(p.hallId)!;
    return { hall: h, modelId: p.modelId, model: models.get(p.modelId)!, item: { ...it, xM: h.siteXM + it.xM, yM: h.siteYM + it.yM } };
  });
}

function siteItems(halls: Hall[]): DrawingItem[] {
  return halls.map((h) => ({ id: h.id, label: h.name, kind: h.currentUse, xM: h.siteXM, yM: h.siteYM, widthM: h.widthM, depthM: h.depthM, rotationDeg: 0, rowKey: h.id, legendKey: h.currentUse }));
}

/** A header text on one line if it fits at `minimum` or larger, else on two (cut only if two lines do not hold it). */
function headerLines(text: string, width: number, preferred: number, minimum: number, bold: boolean): Omit<LineMm, 'x' | 'y'>[] {
  const em = bold ? BOLD_EM_PER_CHAR : 0.6;
  const one = fitLabel(text, width, preferred, minimum, em);
  if (one.text === text) return [{ text, size: one.size, bold }];
  const lines = splitInTwo(text).map((line) => fitLabel(line, width, preferred, minimum, em));
  const size = smallest(lines.map((l) => l.size));
  return lines.map((l) => ({ text: l.text, size, bold }));
}

/**
 * Everything drawn with the plan besides its rectangles: zone names, equipment (or hall)
 * labels, the overall dimensions, the scale bar and north arrow, placed in sheet mm so
 * none overlaps another or leaves the drawing box.
 */
function annotate(
  area: { widthM: number; depthM: number },
  items: DrawingItem[],
  zones: Zone[],
  box: BoxMm,
  origin: { x: number; y: number },
  denominator: number,
  units: UnitSystem,
): Pick<Drawing, 'zones' | 'labels' | 'dimensions' | 'scaleBar' | 'northArrow'> {
  const mm = (m: number) => paperMm(m, denominator);
  const outline: RectMm = { x: origin.x, y: origin.y, w: mm(area.widthM), h: mm(area.depthM) };
  const itemRects = items.map((it) => ({ x: outline.x + mm(it.xM), y: outline.y + mm(it.yM), w: mm(it.widthM), h: mm(it.depthM) }));
  const zoneNames = zones.map((zone) => {
    const z = { x: outline.x + mm(zone.xM), y: outline.y + mm(zone.yM), w: mm(zone.widthM), h: mm(zone.depthM) };
    const fitted = fitLabel(zone.name, z.w - 2, LABEL_MIN_MM, LABEL_MIN_MM, LABEL_EM_PER_CHAR);
    const w = fitted.text.length * LABEL_EM_PER_CHAR * fitted.size;
    const at = (x: number, y: number): TextMm => ({ text: fitted.text, x: x + w / 2, y: y + fitted.size * 0.6, size: fitted.size, rotate: 0 });
    const lineH = fitted.size * 1.2;
    // In a corner of the zone clear of equipment, top left first; over equipment only if every corner is taken.
    const corners = [at(z.x + 1, z.y + 1), at(z.x + 1, z.y + z.h - 1 - lineH), at(z.x + z.w - 1 - w, z.y + 1), at(z.x + z.w - 1 - w, z.y + z.h - 1 - lineH)];
    const name = corners.find((c) => !itemRects.some((r) => intersects(textBox(c), r))) ?? corners[0]!;
    return { zone, name };
  });
  const targets: LabelTarget[] = items.map((it, i) => ({ id: it.id, label: it.label, rowKey: it.rowKey, rect: itemRects[i]! }));
  const labels = placeLabels(targets, outline, zoneNames.map((z) => textBox(z.name)));

  const right = outline.x + outline.w;
  const bottom = outline.y + outline.h;
  // The measure sits beside its line, clear of it by 0.8 mm.
  const offset = 5 + 0.8 + (DIMENSION_TEXT_MM * 1.2) / 2;
  const dimensions: Dimension[] = [
    {
      line: [outline.x, bottom + 5, right, bottom + 5],
      witness: [
        [outline.x, bottom + 1, outline.x, bottom + 6.5],
        [right, bottom + 1, right, bottom + 6.5],
      ],
      text: { text: formatDrawingLength(area.widthM, units), x: outline.x + outline.w / 2, y: bottom + offset, size: DIMENSION_TEXT_MM, rotate: 0 },
    },
    {
      line: [right + 5, outline.y, right + 5, bottom],
      witness: [
        [right + 1, outline.y, right + 6.5, outline.y],
        [right + 1, bottom, right + 6.5, bottom],
      ],
      text: { text: formatDrawingLength(area.depthM, units), x: right + offset, y: outline.y + outline.h / 2, size: DIMENSION_TEXT_MM, rotate: -90 },
    },
  ];
  const band = bottom + DIMENSION_BAND_MM;
  return {
    zones: zoneNames,
    labels,
    dimensions,
    // A third of the width at most, so it never reaches the north arrow at the right.
    scaleBar: { x: box.x, y: band + 2, maxWidthMm: box.w / 3 },
    northArrow: { x: box.x + box.w - 4, y: band },
  };
}

/** Bill of materials lines of several halls summed per model, in order of first appearance. */
function perModel(lines: BomLine[]): BomLine[] {
  const byModel = new Map<string, BomLine>();
  for (const l of lines) {
    const seen = byModel.get(l.modelId);
    byModel.set(
      l.modelId,
      seen
        ? { ...seen, quantity: seen.quantity + l.quantity, totalPowerKw: seen.totalPowerKw + l.totalPowerKw, totalCapexUsd: seen.totalCapexUsd + l.totalCapexUsd, totalHashrateThs: seen.totalHashrateThs + l.totalHashrateThs, totalGpus: seen.totalGpus + l.totalGpus }
        : l,
    );
  }
  return [...byModel.values()];
}

/**
 * A table sized to the sheet's width: columns wider in all than `width` shrink in
 * proportion, and a cell longer than its column goes on over as many lines as it needs
 * (the row's other cells blank there), so no text is cut or drawn past the border.
 */
function fitTable(table: Table, width: number): Table {
  const k = Math.min(1, width / table.columns.reduce((t, c) => t + c.widthMm, 0));
  const columns = table.columns.map((c) => ({ ...c, widthMm: c.widthMm * k, label: fitLabel(c.label, c.widthMm * k - 2 * CELL_PAD_MM, TABLE_FONT_MM, TABLE_FONT_MM, TABLE_EM_PER_CHAR).text }));
  const rows = table.rows.flatMap((row) => {
    const cells = row.map((cell, i) => wrapText(cell, columns[i]!.widthMm - 2 * CELL_PAD_MM, TABLE_FONT_MM, TABLE_EM_PER_CHAR));
    return Array.from({ length: Math.max(1, largest(cells.map((c) => c.length))) }, (_, line) => cells.map((c) => c[line] ?? ''));
  });
  return { ...table, columns, rows };
}

function summary(hall: Hall | undefined, site: Site, halls: Hall[], placements: Placement[], models: Map<string, EquipmentModel>, units: UnitSystem): [string, string][] {
  let itKw = 0;
  let allKw = 0;
  let ths = 0;
  let gpus = 0;
  for (const p of placements) {
    const m = models.get(p.modelId);
    if (!m) continue;
    itKw += itPowerKw(m);
    allKw += m.powerKw;
    ths += m.hashrateThs;
    gpus += m.gpuCount;
  }
  const uses = new Set(hall ? [hall.currentUse] : halls.map((h) => h.currentUse));
  const rows: [string, string][] = [
    ['IT load', formatQuantity(itKw, 'power', units, 0)],
    // What the feed carries and the bill of materials totals: IT and the CDUs' and CRAHs' own draw.
    ['Total load', formatQuantity(allKw, 'power', units, 0)],
    // Each figure where the use has it, or where equipment of it stands: an AI hall never reads "Hashrate 0 TH/s".
    ...(uses.has('mining') || ths > 0 ? [['Hashrate', formatHashrate(ths)] as [string, string]] : []),
    ...(uses.has('ai') || gpus > 0 ? [['GPUs', gpus.toLocaleString('en-US')] as [string, string]] : []),
  ];
  if (hall) {
    rows.push(['Feed', formatQuantity(hall.feedKw, 'power', units, 0)], ['Cooling', `${hall.cooling.method}, ${hall.cooling.redundancy}`], ['Floor limit', formatQuantity(hall.floorLimitKgPerM2, 'floorLoad', units, 0)]);
  } else {
    // Both in MW, as entered and as checked: real power, IT × PUE, not a nameplate kVA.
    rows.push(['Interconnect', formatQuantity(site.interconnectMw, 'largePower', units, 2)], ['Transformers (IT × PUE)', formatQuantity(site.transformerCapacityMw, 'largePower', units, 2)]);
  }
  return rows;
}

function bomTable(bom: BomLine[], units: UnitSystem): Table {
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
      ...bom.map((l) => [l.model, EQUIPMENT_KIND_LABEL[l.kind], String(l.quantity), formatQuantity(l.unitPowerKw, 'power', units), formatQuantity(l.totalPowerKw, 'power', units, 0), formatUsd(l.totalCapexUsd)]),
      ['Total', '', String(qty), '', formatQuantity(kw, 'power', units, 0), formatUsd(capex)],
    ],
    totals: true,
  };
}

/** The table lists capacities in the registry's order: the hall's own first, then its zones and power sources. */
const HEADROOM_ORDER = Object.keys(HEADROOM_SPECS);

/**
 * Power sources of one model stand for one line, the tightest of them ("Busway A7, tightest
 * of 60 Overhead busway 1250 A…"): a hall of mining rows has dozens of alike runs, and the sheet
 * must say whether any is short, not list each.
 */
function tightestSources(doc: FleetDoc, shown: Headroom[]): Headroom[] {
  const modelOf = new Map(doc.placements.map((p) => [p.id, p.modelId]));
  const names = new Map(doc.models.map((m) => [m.id, m.name]));
  const groups = new Map<string, Headroom[]>();
  const out: Headroom[] = [];
  for (const h of shown) {
    if (h.kind !== 'power-source') out.push(h);
    else groups.set(modelOf.get(h.id)!, [...(groups.get(modelOf.get(h.id)!) ?? []), h]);
  }
  for (const [modelId, group] of groups) {
    const tightest = group.reduce((a, b) => (b.headroom < a.headroom ? b : a));
    out.push(group.length === 1 ? tightest : { ...tightest, name: `${tightest.name}, tightest of ${group.length} ${names.get(modelId)}` });
  }
  return out;
}

/**
 * Load, capacity and headroom per power source, zone and hall on the sheet, as the
 * constraint engine computes them for the app: one set of numbers on screen and paper.
 */
function powerCoolingTable(doc: FleetDoc, halls: Hall[], headroom: Headroom[], units: UnitSystem): Table {
  const hallIds = new Set(halls.map((h) => h.id));
  const zoneIds = new Set(doc.zones.filter((z) => hallIds.has(z.hallId)).map((z) => z.id));
  const sourceIds = new Set(doc.placements.filter((p) => hallIds.has(p.hallId)).map((p) => p.id));
  const shown = headroom.filter((h) =>
    h.kind === 'power-source' ? sourceIds.has(h.id) : h.kind.startsWith('zone') ? zoneIds.has(h.id) : (h.kind.startsWith('hall') || h.kind === 'facility-water') && hallIds.has(h.id),
  );
  // What a row is comes first, in a column of its own, so a long name cut to its column never hides it.
  const rows = [...tightestSources(doc, shown)]
    .sort((a, b) => HEADROOM_ORDER.indexOf(a.kind) - HEADROOM_ORDER.indexOf(b.kind) || byName(a, b))
    .map((h) => [HEADROOM_SPECS[h.kind].label, h.name, formatQuantity(h.load, h.quantity, units, 0), formatQuantity(h.capacity, h.quantity, units, 0), formatQuantity(h.headroom, h.quantity, units, 0)]);
  return {
    title: 'Power and cooling',
    columns: [
      { label: 'What', align: 'left', widthMm: 30 },
      { label: 'Where', align: 'left', widthMm: 70 },
      { label: 'Load', align: 'right', widthMm: 30 },
      { label: 'Capacity', align: 'right', widthMm: 30 },
      { label: 'Headroom', align: 'right', widthMm: 30 },
    ],
    rows,
    totals: false,
  };
}

/**
 * One column as wide as its longest line and at most as wide as the sheet; a violation
 * longer than a line goes on as many lines as it needs. A short list ("None") is a narrow
 * table, which can stand beside another.
 */
function violationsTable(violations: Violation[], units: UnitSystem, width: number): Table {
  const lines = violations.length ? violations.map((v) => `${v.severity === 'error' ? 'Error' : 'Warning'}: ${describeViolation(v, units)}`) : ['None: every limit holds.'];
  const rows = lines.flatMap((line) => wrapText(line, width - 2 * CELL_PAD_MM, TABLE_FONT_MM, TABLE_EM_PER_CHAR).map((l) => [l]));
  const longest = largest(rows.map(([l]) => l!.length * TABLE_EM_PER_CHAR * TABLE_FONT_MM));
  return {
    title: 'Open violations',
    columns: [{ label: 'Violation', align: 'left', widthMm: Math.min(width, longest + 2 * CELL_PAD_MM) }],
    rows,
    totals: false,
  };
}

/**
 * What the sheets show, as their title block names it: the hall, or the site's plan
 * ("Pecos Flats campus site plan"): the PDF's title and file name, so two sites' PDFs tell apart.
 */
export function printSubject(plan: Pick<PrintPlan, 'titleBlock'>): string {
  const field = (key: string) => plan.titleBlock.fields.find(([k]) => k === key)?.[1] ?? '';
  const hall = field('Hall');
  return hall === SITE_PLAN ? `${field('Site')} site plan` : hall;
}
