/**
 * Setting out a hall for a contractor: a reference grid over the floor (columns A–Z from
 * the west wall, rows 1–n from the north wall, as a map's squares) that tables point to,
 * and the rows of equipment measured from the walls with the aisles and pitch between
 * them. Pure geometry in metres, hall coordinates (origin at the north-west corner).
 */
import type { Meters, UnitSystem } from '../units';
import { ftToM } from '../units';

export interface ReferenceGrid {
  pitchM: number;
  /** Column letters west to east, one per square. */
  columns: string[];
  /** Row count north to south. */
  rows: number;
}

/** At most A–Z across, and at most this many rows down. */
export const GRID_MAX_COLUMNS = 26;
export const GRID_MAX_ROWS = 40;
/** Square sides a grid is laid out in: whole metres in metric, whole tens of feet in US units (what a tape reads). */
const METRIC_PITCHES_M = [3, 5, 6, 10, 12, 15, 20, 25, 30, 50, 100, 200, 500];
const US_PITCHES_FT = [10, 20, 30, 40, 50, 100, 200, 300, 500, 1000, 2000];

/**
 * The finest grid of the hall that needs no more than 26 columns and 40 rows. It depends
 * on the hall alone, never on the paper, so every sheet and table of a hall names the
 * same squares. A hall too large for the largest square gets squares of a 26th of its width.
 */
export function referenceGrid(widthM: Meters, depthM: Meters, units: UnitSystem): ReferenceGrid {
  const pitches = units === 'us' ? US_PITCHES_FT.map(ftToM) : METRIC_PITCHES_M;
  const count = (m: number, p: number) => Math.max(1, Math.ceil(m / p - 1e-9));
  const pitchM = pitches.find((p) => count(widthM, p) <= GRID_MAX_COLUMNS && count(depthM, p) <= GRID_MAX_ROWS) ?? Math.max(widthM / GRID_MAX_COLUMNS, depthM / GRID_MAX_ROWS);
  return { pitchM, columns: Array.from({ length: Math.min(GRID_MAX_COLUMNS, count(widthM, pitchM)) }, (_, i) => String.fromCharCode(65 + i)), rows: Math.min(GRID_MAX_ROWS, count(depthM, pitchM)) };
}

/** The square a point lies in ("C4"); a point on a line belongs to the square east or south of it, the far walls to the last square. */
export function gridSquare(grid: ReferenceGrid, xM: Meters, yM: Meters): string {
  const col = Math.min(grid.columns.length - 1, Math.max(0, Math.floor(xM / grid.pitchM + 1e-9)));
  const row = Math.min(grid.rows - 1, Math.max(0, Math.floor(yM / grid.pitchM + 1e-9)));
  return `${grid.columns[col]}${row + 1}`;
}

/** The squares a rectangle covers, as the first and last ("B2–F2"), or one square ("C4"). */
export function gridSpan(grid: ReferenceGrid, r: { minX: number; minY: number; maxX: number; maxY: number }): string {
  const first = gridSquare(grid, r.minX, r.minY);
  // The far edges belong to the square they close, not the next one.
  const last = gridSquare(grid, Math.max(r.minX, r.maxX - 1e-6), Math.max(r.minY, r.maxY - 1e-6));
  return first === last ? first : `${first}–${last}`;
}

export interface Footprint {
  id: string;
  label: string;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Along x (rows run east–west) or along y (north–south). */
  runsAlong: 'x' | 'y';
}

export interface SetOutRow {
  ids: string[];
  first: string;
  last: string;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  runsAlong: 'x' | 'y';
  /** Clear floor to the next parallel row that faces it across an aisle, and centre-to-centre pitch; null for the last. */
  aisleM: number | null;
  pitchM: number | null;
}

/** Units further apart than this along their row start a new row (a cross aisle is 1.2 m). */
export const ROW_BREAK_M = 0.6;
const CM = (v: number) => Math.round(v * 100);

/**
 * Equipment in rows: units turned the same way whose footprints share one band across
 * the row (same north and south edges for a row running east–west) and stand less than
 * ROW_BREAK_M apart. Each row gets the aisle and pitch to the nearest parallel row past
 * it (south, or east) that overlaps it along its length.
 */
export function setOutRows(items: Footprint[]): SetOutRow[] {
  const bands = new Map<string, Footprint[]>();
  for (const f of items) {
    const key = f.runsAlong === 'x' ? `x|${CM(f.minY)}|${CM(f.maxY)}` : `y|${CM(f.minX)}|${CM(f.maxX)}`;
    const band = bands.get(key);
    if (band) band.push(f);
    else bands.set(key, [f]);
  }
  const rows: SetOutRow[] = [];
  for (const band of bands.values()) {
    const along = band[0]!.runsAlong;
    const lo = (f: Footprint) => (along === 'x' ? f.minX : f.minY);
    const hi = (f: Footprint) => (along === 'x' ? f.maxX : f.maxY);
    band.sort((a, b) => lo(a) - lo(b));
    let run: Footprint[] = [];
    const close = () => {
      if (run.length) rows.push(toRow(run, along));
      run = [];
    };
    for (const f of band) {
      // A micrometre of slack: 4.4 − 3.8 is 0.6000000000000005 in binary.
      if (run.length && lo(f) - hi(run[run.length - 1]!) > ROW_BREAK_M + 1e-6) close();
      run.push(f);
    }
    close();
  }
  rows.sort((a, b) => (a.runsAlong === b.runsAlong ? 0 : a.runsAlong === 'x' ? -1 : 1) || a.minY - b.minY || a.minX - b.minX);
  for (const along of ['x', 'y'] as const) nextRows(rows.filter((r) => r.runsAlong === along), along);
  return rows;
}

/**
 * For each row, the nearest parallel row past it (by its near edge) that overlaps it
 * along its length: rows in order of their near edge, each looks from the first whose near
 * edge is at or past its far edge, so rows in a regular layout find theirs at once.
 */
function nextRows(rows: SetOutRow[], along: 'x' | 'y'): void {
  const across = (r: SetOutRow): [number, number] => (along === 'x' ? [r.minY, r.maxY] : [r.minX, r.maxX]);
  const span = (r: SetOutRow): [number, number] => (along === 'x' ? [r.minX, r.maxX] : [r.minY, r.maxY]);
  const sorted = [...rows].sort((a, b) => across(a)[0] - across(b)[0]);
  for (const row of rows) {
    const far = across(row)[1];
    const [s0, s1] = span(row);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (across(sorted[mid]!)[0] >= far - 1e-9) hi = mid;
      else lo = mid + 1;
    }
    let next: SetOutRow | undefined;
    for (let i = lo; i < sorted.length && !next; i++) {
      const r = sorted[i]!;
      if (r !== row && span(r)[0] < s1 && s0 < span(r)[1]) next = r;
    }
    if (!next) continue;
    row.aisleM = across(next)[0] - far;
    row.pitchM = (across(next)[0] + across(next)[1]) / 2 - (across(row)[0] + far) / 2;
  }
}

/** The rectangle around them all. */
export function bounds(rects: readonly { minX: number; minY: number; maxX: number; maxY: number }[]): { minX: number; minY: number; maxX: number; maxY: number } {
  return rects.reduce((b, r) => ({ minX: Math.min(b.minX, r.minX), minY: Math.min(b.minY, r.minY), maxX: Math.max(b.maxX, r.maxX), maxY: Math.max(b.maxY, r.maxY) }), { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity });
}

function toRow(run: Footprint[], along: 'x' | 'y'): SetOutRow {
  return {
    ids: run.map((f) => f.id),
    first: run[0]!.label,
    last: run[run.length - 1]!.label,
    ...bounds(run),
    runsAlong: along,
    aisleM: null,
    pitchM: null,
  };
}
