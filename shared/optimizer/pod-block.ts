/**
 * The block of pods Apply plan lays a plan's racks out in, as a data hall is built: pods of
 * rows (facing alternately, so backs share a hot aisle and fronts a cold one) no longer than
 * a contained pod, side by side with cross aisles between them, the whole block grouped and
 * centred in the hall (or as near as it may stand to racks already standing, so the new pods
 * join them) with walkways round it, and room kept at every row's ends for the
 * cooling units that serve that row: CDUs at the east ends, CRAHs at the west ends. Of the
 * blocks that hold the racks, the one shaped most like the hall wins, so a small plan is a
 * compact group in the middle of the floor and a large one fills it.
 */
import { appendAll, largest } from '../arrays';
import { rectsOverlap, type Rect } from '../geometry/footprint';
import { placeRows } from '../geometry/rows';
import type { EquipmentModel, Hall, Placement, Rotation } from '../model/schema';
import type { Meters } from '../units';

/** Kept clear along the walls. */
export const WALL_MARGIN_M: Meters = 1;
/** Between units standing side by side in a row. */
export const SIDE_GAP_M: Meters = 0.05;
/**
 * A row runs at most this far between cross aisles: a standard contained pod, and nobody
 * walks further than this to leave an aisle.
 */
export const MAX_ROW_RUN_M: Meters = 15;
/** A cross aisle between pods, wide enough for a rack on a pallet jack and for egress. */
export const CROSS_AISLE_M: Meters = 1.2;

/** A unit standing at a row's end: where it goes and which way it faces (as its row does). */
export interface RowEndSpot {
  xM: Meters;
  yM: Meters;
  rotationDeg: Rotation;
}

export interface PodBlockRequest {
  hall: Pick<Hall, 'id' | 'widthM' | 'depthM'>;
  model: EquipmentModel;
  count: number;
  idPrefix: string;
  /** Where nothing may stand: what stays in the hall, with its clearances. */
  obstacles: readonly Rect[];
  /**
   * Racks already standing that the block joins: it stands as near their middle as it may,
   * its first row in line with their northmost row where the hall's depth allows. Without
   * them, the block stands as near the hall's centre as it may.
   */
  beside?: { xM: Meters; yM: Meters; northRowYM: Meters };
  /** Racks standing in the hall: no row of the block faces their exhaust with its intake, nor theirs its own. */
  standing?: readonly Placement[];
  /** Units for the rows' east ends (CDUs), spread over the pods by the heat each pod sends them. */
  east: readonly EquipmentModel[];
  /** Units for the rows' west ends (CRAHs), spread over the pods evenly. */
  west: readonly EquipmentModel[];
  /** Whether a rack at a place breaks none of the hall's own rules (walls, clearances). */
  fits: (p: Placement) => boolean;
  /** Whether the row-end units at their spots break no rule with the racks, what stays, or each other. */
  accepts: (block: PodBlock) => boolean;
}

export interface PodBlock {
  racks: Placement[];
  /** Spots for `east` and `west`, in their order. */
  east: RowEndSpot[];
  west: RowEndSpot[];
}

/** Pods across, rows in each pod and racks a row: one shape the block may take. */
interface Shape {
  pods: number;
  rows: number;
  perRow: number;
  widthM: Meters;
  depthM: Meters;
}

/**
 * Shapes tried, and blocks of one shape laid out and checked, before giving up, so a crowded
 * hall costs a bounded search: a place clear of what stays that still breaks a rule mostly
 * breaks it within the block, wherever the block goes.
 */
const MAX_SHAPES_TRIED = 40;
/** Units a row end holds before a shape with more row ends is preferred. */
const MAX_PLACES_PER_END = 2;
const MAX_CHECKED_PER_SHAPE = 4;
/** Steps of the search for a free place, across and down the hall, either side of its centre. */
const POSITION_STEPS = 10;

/**
 * The racks and their row-end spots, or null when no block of pods clears what stays in
 * the hall (the caller then lays rows round it).
 */
export function layPodBlock(req: PodBlockRequest): PodBlock | null {
  if (req.count <= 0) return { racks: [], east: [], west: [] };
  let tried = 0;
  for (const shape of shapes(req)) {
    if (tried++ >= MAX_SHAPES_TRIED) return null;
    let checked = 0;
    for (const [x0, y0] of positions(req, shape)) {
      const block: Rect = { minX: x0, minY: y0, maxX: x0 + shape.widthM, maxY: y0 + shape.depthM };
      if (req.obstacles.some((o) => rectsOverlap(o, block))) continue;
      if (checked++ >= MAX_CHECKED_PER_SHAPE) break;
      // Rows face north first, in line with the racks standing; turned round where that would set a front against a standing row's back.
      for (const first of req.standing?.length ? FACINGS_BESIDE : FACINGS_ALONE) {
        const laid = materialise(req, shape, x0, y0, first);
        if (laid.racks.every(req.fits) && !aislesCross(laid.racks, req.standing ?? [], req.model) && req.accepts(laid)) return laid;
      }
    }
  }
  return null;
}

const FACINGS_ALONE: readonly Rotation[] = [0];
const FACINGS_BESIDE: readonly Rotation[] = [0, 180];

/** How near (m, face to face) a row across an aisle must stand for its air to be the other's. */
const ACROSS_AISLE_M: Meters = 6;

/**
 * Whether a row of `racks` sets a front against the back of a row `standing` across an aisle
 * (north–south facings, overlapping along the row): one row's intake would draw the other's
 * exhaust, a hot aisle on one side and a cold one on the other.
 */
export function aislesCross(racks: readonly Placement[], standing: readonly Placement[], model: Pick<EquipmentModel, 'widthM' | 'depthM'>): boolean {
  // A rack's north face is its front when it faces north (0°), its back when it faces south.
  const northIsFront = (p: Placement) => p.rotationDeg === 0;
  const ns = (p: Placement) => p.rotationDeg === 0 || p.rotationDeg === 180;
  return racks.some((a) =>
    ns(a) &&
    standing.some((b) => {
      if (!ns(b) || Math.abs(a.xM - b.xM) >= model.widthM) return false;
      const [north, south] = a.yM < b.yM ? [a, b] : [b, a];
      const gap = south.yM - north.yM - model.depthM;
      // The north row's south face meets the south row's north face: front against back is a crossing.
      return gap >= 0 && gap <= ACROSS_AISLE_M && northIsFront(north) === northIsFront(south);
    }),
  );
}

const endWidthM = (units: readonly EquipmentModel[], perRow: number): Meters => (units.length ? perRow * (largest(units.map((m) => m.widthM)) + SIDE_GAP_M) : 0);

/**
 * Every shape that holds the racks within the hall: those with no more than two units at a
 * row end first (a third 2.3 MW CDU would stand 3.45 m past the row, a third CRAH 6.7 m),
 * then the one most like the hall, then fewer pods, then fewer rows.
 */
function shapes(req: PodBlockRequest): Shape[] {
  const { hall, model, count } = req;
  const pitchM = model.widthM + SIDE_GAP_M;
  const usableWidthM = hall.widthM - 2 * WALL_MARGIN_M;
  const depths = blockDepths(model, hall.depthM);
  const out: (Shape & { score: number; crowded: number })[] = [];
  for (let pods = 1; pods <= Math.max(1, Math.floor((usableWidthM + CROSS_AISLE_M) / (pitchM + CROSS_AISLE_M))); pods++) {
    for (let rows = 1; rows <= depths.length && pods * rows <= count; rows = rows === 1 ? 2 : rows + 2) {
      const depthM = depths[rows - 1]!;
      const perRow = Math.ceil(count / (pods * rows));
      const rowEnds = pods * rows;
      const podWidthM = endWidthM(req.west, Math.ceil(req.west.length / rowEnds)) + perRow * pitchM - SIDE_GAP_M + endWidthM(req.east, Math.ceil(req.east.length / rowEnds));
      const widthM = pods * podWidthM + (pods - 1) * CROSS_AISLE_M;
      if (perRow * pitchM - SIDE_GAP_M > MAX_ROW_RUN_M || widthM > usableWidthM) continue;
      const crowded = Math.max(req.east.length, req.west.length) > MAX_PLACES_PER_END * rowEnds ? 1 : 0;
      out.push({ pods, rows, perRow, widthM, depthM, crowded, score: Math.max(widthM / usableWidthM, depthM / hall.depthM) });
    }
  }
  return out.sort((a, b) => a.crowded - b.crowded || a.score - b.score || a.pods - b.pods || a.rows - b.rows);
}

/**
 * How deep a block of 1, 2, 3 … rows is, its first and last rows' clearances included, for
 * as many rows as stand in `hallDepthM` (every row adds at least the 0.2 m aisle margin).
 */
function blockDepths(model: EquipmentModel, hallDepthM: Meters): Meters[] {
  const rows = placeRows({ idPrefix: '', hallId: '', model, rows: Math.ceil(hallDepthM / 0.2) + 1, perRow: 1, x0M: 0, y0M: 0 }).placements;
  const south = (p: Placement) => (p.rotationDeg === 180 ? model.clearanceFrontM : model.clearanceBackM);
  const depths = rows.map((p) => p.yM + model.depthM / 2 + south(p));
  const fit = depths.findIndex((d) => d > hallDepthM);
  return fit < 0 ? depths : depths.slice(0, fit);
}

/** Where the block's north-west corner may go: nearest where it should stand first (`beside`, or the hall's centre), then stepping out from there. */
function positions(req: PodBlockRequest, shape: Shape): [number, number][] {
  const { hall } = req;
  const xLow = WALL_MARGIN_M;
  const xHigh = hall.widthM - WALL_MARGIN_M - shape.widthM;
  const yHigh = hall.depthM - shape.depthM;
  const along = (low: number, high: number) => {
    const mid = (low + high) / 2;
    const step = (high - low) / (2 * POSITION_STEPS);
    return Array.from({ length: 2 * POSITION_STEPS + 1 }, (_, i) => (i % 2 ? mid - step * ((i + 1) / 2) : mid + step * (i / 2)));
  };
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const ys = along(0, yHigh);
  // The corner the block should have: centred in the hall, or beside the racks standing.
  let [cx, cy] = [(xLow + xHigh) / 2, yHigh / 2];
  if (req.beside) {
    // The block's first row faces north: in line with the racks' northmost row, the aisles run on from theirs.
    const inLineM = req.beside.northRowYM - req.model.clearanceFrontM - req.model.depthM / 2;
    const inDepth = inLineM >= 0 && inLineM <= yHigh;
    if (inDepth) ys.push(inLineM);
    [cx, cy] = [req.beside.xM - shape.widthM / 2, inDepth ? inLineM : req.beside.yM - shape.depthM / 2];
  }
  const out: [number, number][] = [];
  for (const y of ys) for (const x of along(xLow, xHigh)) out.push([round(x), round(y)]);
  return out.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
}

/** A row of racks in a pod: how many, the x of its west and east edges, its y and facing. */
interface RowLine {
  pod: number;
  /** Its place in the pod, north to south, from 0. */
  row: number;
  racks: number;
  westM: Meters;
  eastM: Meters;
  yM: Meters;
  rotationDeg: Rotation;
}

/** Racks shared out evenly over the pods, and in each pod over its rows. */
const share = (total: number, parts: number, i: number): number => Math.floor(total / parts) + (i < total % parts ? 1 : 0);

function materialise(req: PodBlockRequest, shape: Shape, x0: Meters, y0: Meters, firstFacing: Rotation): PodBlock {
  const { model, hall } = req;
  const pitchM = model.widthM + SIDE_GAP_M;
  const rowEnds = shape.pods * shape.rows;
  const westM = endWidthM(req.west, Math.ceil(req.west.length / rowEnds));
  const podWidthM = (shape.widthM - (shape.pods - 1) * CROSS_AISLE_M) / shape.pods;
  const rowsOf = placeRows({ idPrefix: '', hallId: hall.id, model, rows: shape.rows, perRow: 1, x0M: 0, y0M: y0, firstFacing }).placements;
  const racks: Placement[] = [];
  const rowLines: RowLine[] = [];
  for (let pod = 0; pod < shape.pods; pod++) {
    const inPod = share(req.count, shape.pods, pod);
    const podName = shape.pods > 1 ? `${pod + 1}-` : '';
    const westEdgeM = x0 + pod * (podWidthM + CROSS_AISLE_M) + westM;
    const laid = placeRows({ idPrefix: `${req.idPrefix}${podName}`, labelPrefix: podName && `P${podName}`, hallId: hall.id, model, rows: shape.rows, perRow: shape.perRow, x0M: westEdgeM, y0M: y0, gapXM: SIDE_GAP_M, firstFacing }).placements;
    rowsOf.forEach((row, r) => {
      const inRow = share(inPod, shape.rows, r);
      appendAll(racks, laid.filter((p) => p.yM === row.yM).slice(0, inRow));
      rowLines.push({ pod, row: r, racks: inRow, westM: westEdgeM, eastM: westEdgeM + inRow * pitchM - SIDE_GAP_M, yM: row.yM, rotationDeg: row.rotationDeg });
    });
  }
  return { racks, east: rowEndSpots(req.east, rowLines, 'east', Math.ceil(req.east.length / rowEnds)), west: rowEndSpots(req.west, rowLines, 'west', Math.ceil(req.west.length / rowEnds)) };
}

/**
 * Spots for `units` at the rows' ends on `side`: each unit, largest first, goes to the row
 * whose racks the units so far cover least (capacity per rack, so the heat of every row has
 * a unit at its own end or the next row's), while that row end has a place left.
 */
function rowEndSpots(units: readonly EquipmentModel[], rows: readonly RowLine[], side: 'east' | 'west', places: number): RowEndSpot[] {
  const order = units.map((m, i) => ({ m, i })).sort((a, b) => b.m.coolingCapacityKw - a.m.coolingCapacityKw || a.i - b.i);
  const covered = rows.map(() => 0);
  const used = rows.map(() => ({ count: 0, widthM: 0 }));
  const spots: RowEndSpot[] = Array.from({ length: units.length });
  // Between rows covered alike, one row of each back-to-back pair first, pod by pod, so two units spread over two pairs rather than one.
  const tried = rows.map((_, r) => r).sort((a, b) => (rows[a]!.row % 2) - (rows[b]!.row % 2) || rows[a]!.pod - rows[b]!.pod || rows[a]!.row - rows[b]!.row);
  for (const { m, i } of order) {
    let best = -1;
    for (const r of tried) if (used[r]!.count < places && (best < 0 || covered[r]! / rows[r]!.racks < covered[best]! / rows[best]!.racks)) best = r;
    const row = rows[best]!;
    const offset = used[best]!.widthM + SIDE_GAP_M + m.widthM / 2;
    used[best]!.widthM += SIDE_GAP_M + m.widthM;
    used[best]!.count++;
    covered[best]! += Math.max(m.coolingCapacityKw, 1e-9);
    spots[i] = { xM: Math.round((side === 'east' ? row.eastM + offset : row.westM - offset) * 1000) / 1000, yM: row.yM, rotationDeg: row.rotationDeg };
  }
  return spots;
}
