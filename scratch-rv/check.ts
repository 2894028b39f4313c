import highsLoader from 'highs';
import { siteBound } from '../electron/backend/optimizer/site-bound';

let seed = Number(process.argv[2] ?? 1);
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const ri = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));

async function main() {
  const highs = await highsLoader();
  const INF = Infinity;
  let checked = 0, bad = 0, nulls = 0, tight = 0;
  const trials = Number(process.argv[3] ?? 300);
  for (let t = 0; t < trials; t++) {
    const S = ri(2, 3);
    const cols: { site: number; lo: number; up: number; int: number; c: number }[] = [];
    for (let s = 0; s < S; s++) for (let k = 0; k < ri(3, 6); k++) {
      const kind = ri(0, 3);
      if (kind === 0) cols.push({ site: s, lo: 0, up: 1, int: 1, c: ri(-10, 20) });
      else if (kind === 1) cols.push({ site: s, lo: 0, up: ri(1, 5), int: 1, c: ri(-10, 20) });
      else if (kind === 2) cols.push({ site: s, lo: rnd() < 0.3 ? -ri(0, 3) : 0, up: ri(1, 6), int: 0, c: ri(-10, 20) });
      else cols.push({ site: s, lo: 0, up: rnd() < 0.5 ? INF : 7, int: 0, c: ri(-5, 5) });
    }
    const n = cols.length;
    const rows: { lo: number; up: number; a: Map<number, number> }[] = [];
    const addRow = (members: number[]) => {
      const a = new Map<number, number>();
      for (const j of members) if (rnd() < 0.6) a.set(j, ri(-3, 6) || 1);
      if (!a.size) a.set(members[0]!, 1);
      const typ = ri(0, 3);
      const r = ri(0, 8);
      rows.push(typ === 0 ? { lo: -INF, up: r, a } : typ === 1 ? { lo: -r, up: INF, a } : typ === 2 ? { lo: r - 2, up: r - 2, a } : { lo: r - 4, up: r + 1, a });
    };
    for (let s = 0; s < S; s++) {
      const mine = cols.map((c, j) => (c.site === s ? j : -1)).filter((j) => j >= 0);
      for (let k = 0; k < ri(1, 3); k++) addRow(mine);
      // keep unbounded columns bounded
      const a = new Map<number, number>(); for (const j of mine) a.set(j, 1); rows.push({ lo: -INF, up: ri(4, 10), a });
    }
    for (let k = 0; k < ri(1, 3); k++) addRow(cols.map((_, j) => j));
    const starts = [0]; const indices: number[] = []; const values: number[] = [];
    for (let j = 0; j < n; j++) { rows.forEach((r, i) => { if (r.a.has(j)) { indices.push(i); values.push(r.a.get(j)!); } }); starts.push(indices.length); }
    const offset = ri(-50, 50);
    const data = {
      numCols: n, numRows: rows.length, sense: highs.constants.objectiveSense.maximize, offset,
      colCost: Float64Array.from(cols, (c) => c.c), colLower: Float64Array.from(cols, (c) => c.lo), colUpper: Float64Array.from(cols, (c) => c.up),
      rowLower: Float64Array.from(rows, (r) => r.lo), rowUpper: Float64Array.from(rows, (r) => r.up),
      matrix: { format: 'csc' as const, numRows: rows.length, numCols: n, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
      integrality: Int32Array.from(cols, (c) => c.int), colNames: cols.map((c, j) => `c${c.site}_${j}`),
    };
    const full = highs.createModel(data as any);
    full.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 });
    full.run({});
    const st = full.getModelStatus();
    if (st !== highs.constants.modelStatus.optimal) { full.dispose(); continue; }
    const opt = full.getObjectiveValue();
    full.dispose();
    const m = highs.createModel(data as any);
    m.options.set({ output_flag: false });
    const { integrality } = m.getModel();
    m.clearIntegrality(); m.run({});
    if (m.getModelStatus() !== highs.constants.modelStatus.optimal) { m.dispose(); continue; }
    const lp = m.getObjectiveValue();
    const { colValue, rowDual } = m.getSolution();
    m.changeColsIntegrality({ kind: 'range', from: 0, to: n - 1 }, integrality);
    const blockOf = (name: string) => Number(name.slice(1, name.indexOf('_')));
    const variants: [string, number, (() => boolean) | undefined][] = [['full', 10, undefined], ['tiny', 1e-9, undefined], ['stop', 10, () => true]];
    for (const [label, tl, stop] of variants) {
      const b = siteBound(highs, { model: m, colValue: Float64Array.from(colValue), rowDual: Float64Array.from(rowDual), blockOf, timeLimitS: tl, stopRequested: stop });
      checked++;
      if (b === null) { nulls++; continue; }
      if (b < opt - 1e-6 * Math.max(1, Math.abs(opt)) || Number.isNaN(b)) { bad++; console.log('INVALID', t, label, { opt, lp, b }); }
      if (label === 'full' && b < lp - 1e-6) tight++;
    }
    m.dispose();
  }
  console.log({ checked, bad, nulls, tight });
}
main();
