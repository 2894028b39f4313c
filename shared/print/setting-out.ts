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
    bands.set(key, [...(bands.get(key) ?? []), f]);
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
  for (const row of rows) {
    const across = (r: SetOutRow) => (row.runsAlong === 'x' ? [r.minY, r.maxY] : [r.minX, r.maxX]) as [number, number];
    const span = (r: SetOutRow) => (row.runsAlong === 'x' ? [r.minX, r.maxX] : [r.minY, r.maxY]) as [number, number];
    const [, myFar] = across(row);
    const [s0, s1] = span(row);
    const next = rows
      .filter((r) => r !== row && r.runsAlong === row.runsAlong && across(r)[0] >= myFar - 1e-9 && span(r)[0] < s1 && s0 < span(r)[1])
      .sort((a, b) => across(a)[0] - across(b)[0])[0];
    if (!next) continue;
    row.aisleM = across(next)[0] - myFar;
    row.pitchM = (across(next)[0] + across(next)[1]) / 2 - (across(row)[0] + myFar) / 2;
  }
  return rows;
}

function toRow(run: Footprint[], along: 'x' | 'y'): SetOutRow {
  return {
    ids: run.map((f) => f.id),
    first: run[0]!.label,
    last: run[run.length - 1]!.label,
    minX: Math.min(...run.map((f) => f.minX)),
    minY: Math.min(...run.map((f) => f.minY)),
    maxX: Math.max(...run.map((f) => f.maxX)),
    maxY: Math.max(...run.map((f) => f.maxY)),
    runsAlong: along,
    aisleM: null,
    pitchM: null,
  };
}
