/**
 * Tables laid on sheets in reading order: down a column, else beside the last table (from
 * its top), else in a new column at the sheet's top, wherever the sheet's width holds the
 * table, else on a new sheet. A table split over
 * columns or sheets repeats its title and column heads on each piece ("continued"), and
 * no piece is left with fewer than MIN_PIECE_ROWS rows when the table has more, so a
 * table's last line or two never take a sheet of their own.
 */
import type { Sheet, SheetArea, Table, TableSlice } from './sheets';

export const ROW_H_MM = 4.6;
export const TABLE_HEAD_MM = 11;
/** Clear between tables above each other, and between a table and the drawing above it. */
export const TABLE_GAP_MM = 6;
/** Clear between columns of tables side by side. */
const TABLE_COLUMN_GAP_MM = 8;
/** The fewest rows a piece of a split table keeps, at its start and at its end. */
const MIN_PIECE_ROWS = 3;

/** A table's title: bold, larger than its cells, and on a piece after the first followed by CONTINUED. */
export const TABLE_TITLE_MM = 3.4;
export const CONTINUED = ' (continued)';
const TITLE_EM_PER_CHAR = 0.62;

/** The width a table takes on the sheet: its columns', or its title's if that is longer (a narrow table's may be). */
export const tableWidth = (t: Pick<Table, 'columns' | 'title'>): number =>
  Math.max(
    t.columns.reduce((w, c) => w + c.widthMm, 0),
    (t.title.length + CONTINUED.length) * TITLE_EM_PER_CHAR * TABLE_TITLE_MM,
  );
const tableHeight = (rows: number): number => TABLE_HEAD_MM + rows * ROW_H_MM;

/** Where the next piece goes: a column's left edge and the top of what is left in it. */
interface Cursor {
  sheet: Sheet;
  area: SheetArea;
  x: number;
  y: number;
}

const spanOf = (t: TableSlice) => ({ left: t.xMm, right: t.xMm + tableWidth(t), top: t.yMm, bottom: t.yMm + tableHeight(t.rows.length) });

/** Rows that fit under a table's heading between the cursor and the area's foot. */
const roomAt = (c: Cursor): number => Math.max(0, Math.floor((c.area.bottom - c.y - TABLE_HEAD_MM) / ROW_H_MM + 1e-9));

/** The right edge of the tables on the cursor's sheet that reach between `top` and `bottom` (the area's left edge if none). */
function rightOf(c: Cursor, top: number, bottom: number): number {
  return c.sheet.tables.map(spanOf).reduce((r, s) => (s.top < bottom && s.bottom > top ? Math.max(r, s.right) : r), c.area.left);
}

/** Whether a table `width` wide and `rows` long has room at the cursor: within the area and clear of every table on the sheet. */
function clear(c: Cursor, width: number, rows: number): boolean {
  const bottom = c.y + tableHeight(rows);
  return bottom <= c.area.bottom + 1e-9 && c.x + width <= c.area.right + 1e-9 && rightOf(c, c.y, bottom) <= c.x + 1e-9;
}

/**
 * Where a whole table goes on the cursor's sheet, if anywhere: below the last table in its
 * column, else beside that table (at its top, so a short table fills the space a long one
 * left at its side), else in a new column at the sheet's top.
 */
function wholeAt(c: Cursor, t: Table): Cursor | null {
  const [width, rows] = [tableWidth(t), t.rows.length];
  const last = c.sheet.tables.at(-1);
  const candidates = [c];
  if (last) {
    const bottom = last.yMm + tableHeight(rows);
    candidates.push({ ...c, x: rightOf(c, last.yMm, bottom) + TABLE_COLUMN_GAP_MM, y: last.yMm }, nextColumn(c));
  }
  return candidates.find((at) => clear(at, width, rows)) ?? null;
}

/** A new column right of every table on the sheet, from the area's top. */
const nextColumn = (c: Cursor): Cursor => ({ ...c, x: rightOf(c, -Infinity, Infinity) + TABLE_COLUMN_GAP_MM, y: c.area.top });

/**
 * How many of `rows` rows go at the cursor: all if they fit; else as many as fit while at least
 * MIN_PIECE_ROWS stay for the next piece, if that leaves MIN_PIECE_ROWS here; else none
 * (the table goes on in the next column or sheet), except at the top of an empty sheet,
 * which takes what it holds.
 */
function rowsHere(c: Cursor, width: number, rows: number): number {
  if (c.x + width > c.area.right + 1e-9 || rightOf(c, c.y, c.area.bottom) > c.x + 1e-9) return 0;
  const room = roomAt(c);
  if (rows <= room) return rows;
  const take = Math.min(room, rows - MIN_PIECE_ROWS);
  if (take >= MIN_PIECE_ROWS) return take;
  // At least a row on an empty sheet, so a sheet too short for MIN_PIECE_ROWS still moves on.
  return c.sheet.tables.length === 0 ? Math.max(1, room) : 0;
}

function place(c: Cursor, table: Table, rows: string[][], continued: boolean, last: boolean): Cursor {
  c.sheet.tables.push({ ...table, rows, totals: table.totals && last, continued, xMm: c.x, yMm: c.y });
  return { ...c, y: c.y + tableHeight(rows.length) + TABLE_GAP_MM };
}

/**
 * Puts `tables` on `sheets`. Sheet 1 (the drawing's) takes whole tables only, in order,
 * while they fit in `first`: a table split around the drawing would be hard to read. The
 * rest go on new sheets, each `area`, split where a table does not fit whole.
 */
export function paginate(tables: Table[], sheets: Sheet[], area: SheetArea, first: SheetArea): void {
  let c: Cursor = { sheet: sheets[0]!, area: first, x: first.left, y: first.top };
  let i = 0;
  for (let at = wholeAt(c, tables[0]!); at && i < tables.length; at = i < tables.length ? wholeAt(c, tables[i]!) : null) {
    c = place(at, tables[i]!, tables[i]!.rows, false, true);
    i++;
  }
  if (i === tables.length) return;
  const newSheet = (): Cursor => {
    const sheet: Sheet = { number: sheets.length + 1, drawing: null, legend: [], summary: [], key: null, singleLine: null, tables: [] };
    sheets.push(sheet);
    return { sheet, area, x: area.left, y: area.top };
  };
  c = newSheet();
  for (const table of tables.slice(i)) {
    const at = wholeAt(c, table);
    if (at) {
      c = place(at, table, table.rows, false, true);
      continue;
    }
    let rest = table.rows;
    let continued = false;
    while (rest.length > 0) {
      const n = rowsHere(c, tableWidth(table), rest.length);
      if (n === 0) {
        const column = nextColumn(c);
        c = c.sheet.tables.length && rowsHere(column, tableWidth(table), rest.length) > 0 ? column : newSheet();
        continue;
      }
      c = place(c, table, rest.slice(0, n), continued, n === rest.length);
      rest = rest.slice(n);
      continued = true;
    }
  }
}
