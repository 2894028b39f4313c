/**
 * A linear program in memory, its matrix form and its CPLEX LP text. The solver is handed
 * the matrix form and a user's LP file is written from it, so the file holds exactly the
 * numbers solved (a test reads the file back with HiGHS and compares). Lines are wrapped
 * well under HiGHS-wasm's ~560-character limit.
 */
export type Sense = '<=' | '>=' | '=';
export type Term = [coefficient: number, variable: string];

export interface Row {
  name: string;
  terms: Term[];
  sense: Sense;
  rhs: number;
}

export interface LinearProgram {
  sense: 'max' | 'min';
  objective: Term[];
  rows: Row[];
  /** [lower, upper]; variables not listed are ≥ 0. */
  bounds: Map<string, [number, number]>;
  integers: Set<string>;
  binaries: Set<string>;
}

export function emptyProgram(sense: 'max' | 'min'): LinearProgram {
  return { sense, objective: [], rows: [], bounds: new Map(), integers: new Set(), binaries: new Set() };
}

/**
 * The program as a solver takes it. Columns are numbered as an LP reader numbers them,
 * by first appearance (objective, rows, bounds, integers, binaries), and every number is
 * the one the LP text prints.
 */
export interface MatrixProgram {
  sense: 'max' | 'min';
  columns: string[];
  cost: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** 1 for an integer column (binaries included), else 0. */
  integer: Int32Array;
  rows: string[];
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** Row-wise: row i's entries are starts[i] to starts[i + 1] of indices (columns) and values. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/** Twelve significant digits: exact for every input the model holds, short enough to read. */
function rounded(v: number): number {
  // Most coefficients are whole numbers, which need no rounding (and printing them is slow).
  if (Number.isInteger(v) && Math.abs(v) < 1e12) return v;
  if (!Number.isFinite(v)) throw new Error(`LP: a coefficient is not a finite number (${v})`);
  return Number(v.toPrecision(12));
}

const emptyRowColumn = (ts: Term[]): string => ts[0]?.[1] ?? 'zero';

const boundOf = (v: number): number => (v === Infinity || v === -Infinity ? v : rounded(v));

export function toMatrix(lp: LinearProgram): MatrixProgram {
  const index = new Map<string, number>();
  const columnOf = (name: string): number => {
    let j = index.get(name);
    if (j === undefined) index.set(name, (j = index.size));
    return j;
  };
  /**
   * A row's terms merged by variable, zeros dropped: a variable left with none is not in
   * the row's text. A row whose terms all cancel names its first variable (or `zero`), as
   * its text does, which makes that a column.
   */
  const positionInRow = new Map<string, number>();
  const merged = (ts: Term[]): { columns: number[]; coefficients: number[] } => {
    positionInRow.clear();
    const names: string[] = [];
    const sums: number[] = [];
    for (const [c, name] of ts) {
      const at = positionInRow.get(name);
      if (at === undefined) {
        positionInRow.set(name, names.push(name) - 1);
        sums.push(c);
      } else sums[at] = sums[at]! + c;
    }
    const columns: number[] = [];
    const coefficients: number[] = [];
    names.forEach((name, n) => {
      if (sums[n] === 0) return;
      columns.push(columnOf(name));
      coefficients.push(sums[n]!);
    });
    if (columns.length === 0) columnOf(emptyRowColumn(ts));
    return { columns, coefficients };
  };
  const objective = merged(lp.objective);
  const rowTerms = lp.rows.map((row) => merged(row.terms));
  // Variables no row names become columns where the text first names them: in Bounds (bounds
  // other than ≥ 0, binaries apart), then General, then Binary (integers between 0 and 1).
  const boundsOf = (name: string): [number, number] => (lp.binaries.has(name) ? [0, 1] : (lp.bounds.get(name)?.map(boundOf) as [number, number] | undefined) ?? [0, Infinity]);
  const isBinary = (name: string): boolean => {
    const [lo, hi] = boundsOf(name);
    return (lp.binaries.has(name) || lp.integers.has(name)) && lo === 0 && hi === 1;
  };
  for (const name of lp.bounds.keys()) {
    const [lo, hi] = boundsOf(name);
    if (!isBinary(name) && (lo !== 0 || hi !== Infinity)) columnOf(name);
  }
  for (const name of lp.integers) if (!isBinary(name)) columnOf(name);
  for (const name of [...lp.integers, ...lp.binaries]) if (isBinary(name)) columnOf(name);

  const n = index.size;
  const cost = new Float64Array(n);
  objective.columns.forEach((j, n) => (cost[j] = rounded(objective.coefficients[n]!)));
  const lower = new Float64Array(n);
  const upper = new Float64Array(n).fill(Infinity);
  const integer = new Int32Array(n);
  index.forEach((j, name) => {
    [lower[j], upper[j]] = boundsOf(name);
    if (lower[j] === Infinity || upper[j] === -Infinity) throw new Error(`LP: ${name} has no finite value it may take (bounds ${lower[j]} to ${upper[j]})`);
    if (lp.integers.has(name) || lp.binaries.has(name)) integer[j] = 1;
  });
  const m = lp.rows.length;
  const rowLower = new Float64Array(m);
  const rowUpper = new Float64Array(m);
  const starts = new Int32Array(m + 1);
  const entries = rowTerms.reduce((t, r) => t + r.columns.length, 0);
  const indices = new Int32Array(entries);
  const values = new Float64Array(entries);
  let k = 0;
  lp.rows.forEach((row, i) => {
    const rhs = rounded(row.rhs);
    rowLower[i] = row.sense === '<=' ? -Infinity : rhs;
    rowUpper[i] = row.sense === '>=' ? Infinity : rhs;
    const { columns, coefficients } = rowTerms[i]!;
    for (let n = 0; n < columns.length; n++) {
      indices[k] = columns[n]!;
      values[k++] = rounded(coefficients[n]!);
    }
    starts[i + 1] = k;
  });
  return { sense: lp.sense, columns: [...index.keys()], cost, lower, upper, integer, rows: lp.rows.map((r) => r.name), rowLower, rowUpper, starts, indices, values };
}

const MAX_LINE = 480;

function wrap(head: string, parts: string[], tail: string): string[] {
  const lines: string[] = [];
  let line = head;
  for (const part of [...parts, ...(tail ? [tail] : [])]) {
    if (line.length + part.length + 1 > MAX_LINE) {
      lines.push(line);
      line = '   ';
    }
    line += ` ${part}`;
  }
  lines.push(line);
  return lines;
}

/** `2 x - 3 y`; with no terms, `0 first` for a column the row named (its text must name one). */
function sum(columns: readonly string[], at: readonly number[], coefficients: ArrayLike<number>, empty: string): string[] {
  if (at.length === 0) return [`0 ${empty}`];
  return at.map((j, n) => {
    const c = coefficients[n]!;
    return `${c < 0 ? '- ' : n ? '+ ' : ''}${Math.abs(c)} ${columns[j]}`;
  });
}

export function writeLp(lp: LinearProgram, title: string): string {
  const p = toMatrix(lp);
  const lines: string[] = [`\\ ${title}`, p.sense === 'max' ? 'Maximize' : 'Minimize'];
  const inObjective = [...p.cost.keys()].filter((j) => p.cost[j] !== 0);
  // Lines are appended one by one: the objective and the integer lists are as long as the model, too long to spread into one call.
  const append = (more: readonly string[]) => {
    for (const line of more) lines.push(line);
  };
  append(wrap(' obj:', sum(p.columns, inObjective, inObjective.map((j) => p.cost[j]!), emptyRowColumn(lp.objective)), ''));
  lines.push('Subject To');
  p.rows.forEach((name, i) => {
    const at = [...p.indices.subarray(p.starts[i], p.starts[i + 1])];
    const rhs = p.rowLower[i] === -Infinity ? `<= ${p.rowUpper[i]}` : p.rowUpper[i] === Infinity ? `>= ${p.rowLower[i]}` : `= ${p.rowLower[i]}`;
    append(wrap(` ${name}:`, sum(p.columns, at, p.values.subarray(p.starts[i], p.starts[i + 1]), emptyRowColumn(lp.rows[i]!.terms)), rhs));
  });
  lines.push('Bounds');
  const binary = (j: number) => p.integer[j] === 1 && p.lower[j] === 0 && p.upper[j] === 1;
  p.columns.forEach((name, j) => {
    const [lo, hi] = [p.lower[j]!, p.upper[j]!];
    if (binary(j) || (lo === 0 && hi === Infinity)) return;
    lines.push(lo === hi ? ` ${name} = ${lo}` : ` ${lo === -Infinity ? '-inf' : lo} <= ${name} <= ${hi === Infinity ? '+inf' : hi}`);
  });
  const generals = p.columns.filter((_, j) => p.integer[j] === 1 && !binary(j));
  const binaries = p.columns.filter((_, j) => binary(j));
  if (generals.length) append(['General', ...wrap('', generals, '')]);
  if (binaries.length) append(['Binary', ...wrap('', binaries, '')]);
  lines.push('End', '');
  return lines.join('\n');
}
