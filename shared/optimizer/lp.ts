/**
 * A linear program in memory and its CPLEX LP text: the form HiGHS, CBC and every other
 * MILP solver read, so the file a user exports is exactly what we solve. Lines are
 * wrapped well under HiGHS-wasm's ~560-character limit.
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

const MAX_LINE = 480;

function num(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`LP: a coefficient is not a finite number (${v})`);
  // Twelve significant digits: exact for every input the model holds, short enough to read.
  return String(Number(v.toPrecision(12)));
}

function wrap(head: string, parts: string[], tail: string): string[] {
  const lines: string[] = [];
  let line = head;
  for (const part of parts) {
    if (line.length + part.length + 1 > MAX_LINE) {
      lines.push(line);
      line = '   ';
    }
    line += ` ${part}`;
  }
  if (tail) {
    if (line.length + tail.length + 1 > MAX_LINE) {
      lines.push(line);
      line = '   ';
    }
    line += ` ${tail}`;
  }
  lines.push(line);
  return lines;
}

function terms(ts: Term[]): string[] {
  const merged = new Map<string, number>();
  for (const [c, v] of ts) merged.set(v, (merged.get(v) ?? 0) + c);
  const out: string[] = [];
  for (const [v, c] of merged) {
    if (c === 0) continue;
    out.push(`${c < 0 ? '-' : out.length ? '+' : ''} ${num(Math.abs(c))} ${v}`.trim());
  }
  return out.length ? out : ['0 ' + (ts[0]?.[1] ?? 'zero')];
}

export function writeLp(lp: LinearProgram, title: string): string {
  const lines: string[] = [`\\ ${title}`, lp.sense === 'max' ? 'Maximize' : 'Minimize'];
  lines.push(...wrap(' obj:', terms(lp.objective), ''));
  lines.push('Subject To');
  for (const row of lp.rows) lines.push(...wrap(` ${row.name}:`, terms(row.terms), `${row.sense} ${num(row.rhs)}`));
  lines.push('Bounds');
  for (const [v, [lo, hi]] of lp.bounds) {
    if (lp.binaries.has(v)) continue;
    const low = lo === -Infinity ? '-inf' : num(lo);
    const high = hi === Infinity ? '+inf' : num(hi);
    lines.push(lo === hi ? ` ${v} = ${low}` : ` ${low} <= ${v} <= ${high}`);
  }
  if (lp.integers.size) lines.push('General', ...wrap('', [...lp.integers], ''));
  if (lp.binaries.size) lines.push('Binary', ...wrap('', [...lp.binaries], ''));
  lines.push('End', '');
  return lines.join('\n');
}
