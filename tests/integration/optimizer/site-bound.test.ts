/**
 * The sites' bound (Lagrangian relaxation of the limits sites share) in real HiGHS, on
 * models small enough to bound by hand. Every optimizer run computes it too (see
 * optimizer.test.ts), and the benchmark's reference portfolio is proven with it.
 */
import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelDataOf } from '../../../electron/backend/optimizer/highs-solver';
import { siteBound, siteBoundParts } from '../../../electron/backend/optimizer/site-bound';
import { siteBoundThread } from '../../../electron/backend/optimizer/site-bound-thread';
import { toMatrix } from '../../../shared/optimizer/lp';
import { buildModel, hallOfColumn } from '../../../shared/optimizer/model';
import { referencePortfolio } from '../../../shared/samples';
import { optimizerWorkerPath } from '../../support/optimizer-worker';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** The model column by column, its LP relaxation's objective and solution (the model left as parsed), and each column's block. */
function relax(model: ReturnType<Highs['createModel']>, blockOf: (column: string) => number | null) {
  const data = model.getModel('csc');
  model.options.set({ output_flag: false });
  model.clearIntegrality();
  model.run({});
  const lpObjective = model.getObjectiveValue();
  const { colValue, rowDual } = model.getSolution();
  model.changeColsIntegrality({ kind: 'range', from: 0, to: data.numCols - 1 }, data.integrality);
  const block = Int32Array.from(data.integrality, (_, j) => blockOf(model.getColName(j)) ?? -1);
  return { lpObjective, data, block, colValue: Float64Array.from(colValue), rowDual: Float64Array.from(rowDual) };
}

// Site A may take one of a1, a2 (a1 + a2 ≤ 1.5 with binaries); a1 and site B's b share a limit.
const twoSites = ['Maximize', ' obj: 10 a1 + 10 a2 + 3 b', 'Subject To', ' own: a1 + a2 <= 1.5', ' shared: a1 + b <= 1', 'Binary', ' a1 a2 b', 'End'].join('\n');

describe('sites\' bound', () => {
  it('closes a gap the LP leaves inside a site: LP 16.5, sites 13, the optimum 13', () => {
    // The LP takes a2 = 1, a1 = b = ½: 10 + 5 + 1.5 = 16.5, its
    // shared limit priced at b's 3. At that price a1 is worth 7 to site A, which can
    // still only take one: 10; site B gets 3 − 3 = 0; the limit's worth is 3 × 1; 13 in
    // all, which a2 = b = 1 attains.
    const model = highs.createModel({ format: 'lp', data: twoSites });
    try {
      const relaxed = relax(model, (column) => (column === 'b' ? 1 : 0));
      expect(relaxed.lpObjective).toBeCloseTo(16.5, 9);
      const bound = siteBound(highs, { ...relaxed, mipGap: 1e-6, timeLimitS: 10 });
      expect(bound).toBeCloseTo(13, 6);
    } finally {
      model.dispose();
    }
  });

  it('bounds the worst case by pricing out its NPV column: LP 12, sites 9, the optimum 5; prices that cannot leave that column without cost give no bound', () => {
    // w is no more than either scenario's NPV. Site A takes one of a1, a2 (a1 + a2 ≤ 1.5 with
    // binaries), worth 10 and 2 in scenario 1 and the other way round in scenario 2; site B's
    // b is worth 3 in both. The LP takes a1 = a2 = ¾: 12 in both. The optimum takes one:
    // min(13, 5) = 5. Priced at ½ each, the scenarios are worth 6 a1 + 6 a2 + 3 b, and site
    // A can take only one: 6 + 3 = 9.
    const lp = ['Maximize', ' obj: w', 'Subject To', ' s1: w - 10 a1 - 2 a2 - 3 b <= 0', ' s2: w - 2 a1 - 10 a2 - 3 b <= 0', ' own: a1 + a2 <= 1.5', 'Bounds', ' -inf <= w <= +inf', 'Binary', ' a1 a2 b', 'End'].join('\n');
    const model = highs.createModel({ format: 'lp', data: lp });
    try {
      const relaxed = relax(model, (column) => (column === 'w' ? null : column === 'b' ? 1 : 0));
      expect(relaxed.lpObjective).toBeCloseTo(12, 9);
      expect(siteBound(highs, { ...relaxed, mipGap: 1e-6, timeLimitS: 10 })).toBeCloseTo(9, 6);
      expect(siteBound(highs, { ...relaxed, rowDual: new Float64Array(relaxed.rowDual.length), mipGap: 1e-6, timeLimitS: 10 })).toBeNull();
    } finally {
      model.dispose();
    }
  });
});

describe('sites\' bound on a thread of its own', () => {
  it('answers what it answers here, read through shared memory; a newer job supersedes an older one', () => {
    const start = siteBoundThread(optimizerWorkerPath(), new Int32Array(new SharedArrayBuffer(4)));
    const model = highs.createModel({ format: 'lp', data: twoSites });
    try {
      const job = { ...relax(model, (column) => (column === 'b' ? 1 : 0)), mipGap: 1e-6, timeLimitS: 10 };
      const pending = start(job);
      expect(pending.wait(60)).toBeCloseTo(13, 6);
      expect(pending.read()).toBeCloseTo(13, 6);
      const older = start(job);
      const newer = start(job);
      expect(newer.wait(60)).toBeCloseTo(13, 6);
      expect(older.read()).toBeUndefined();
      expect(pending.read()).toBeUndefined();
    } finally {
      model.dispose();
    }
  });

  it('a thread that fails answers "none" and ends; a later job gets a new thread', async () => {
    const start = siteBoundThread(optimizerWorkerPath(), new Int32Array(new SharedArrayBuffer(4)));
    const model = highs.createModel({ format: 'lp', data: twoSites });
    try {
      const job = { ...relax(model, (column) => (column === 'b' ? 1 : 0)), mipGap: 1e-6, timeLimitS: 10 };
      // A model without its matrix makes the bound throw, as HiGHS out of memory would.
      const broken = start({ ...job, data: { ...job.data, matrix: undefined } } as never);
      expect(broken.wait(60)).toBeNull();
      // Until its exit is seen here, a job finds the thread dead and gets "none" at once; then a new thread answers.
      let bound: number | null | undefined = null;
      for (let tries = 0; tries < 100 && bound === null; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        bound = start(job).wait(60);
      }
      expect(bound).toBeCloseTo(13, 6);
    } finally {
      model.dispose();
    }
  });

  it('shares the sites between its thread and the one that helps: the same bound as computed here, on six sites the LP splits several of', () => {
    const built = buildModel(referencePortfolio(1, 6), 'expected');
    const program = toMatrix(built.lp);
    const model = highs.createModel({ ...modelDataOf(highs, program), colNames: program.columns });
    try {
      const siteIds = [...new Set(built.halls.map((h) => h.site.id))];
      const job = { ...relax(model, (column) => siteIds.indexOf(built.halls[hallOfColumn(column)!]!.site.id)), mipGap: 1e-4, timeLimitS: 120 };
      expect(siteBoundParts(highs, job)!.sites.length).toBeGreaterThan(2);
      const here = siteBound(highs, job)!;
      expect(here).toBeLessThan(job.lpObjective - 1);
      const pending = siteBoundThread(optimizerWorkerPath(), new Int32Array(new SharedArrayBuffer(4)))(job);
      pending.help(highs);
      expect(pending.wait(120)! / here).toBeCloseTo(1, 12);
    } finally {
      model.dispose();
    }
  });

  it('never bounds a random worst case below its optimum, and often bounds it below its LP', () => {
    let state = 7;
    const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    let solved = 0;
    let tighter = 0;
    for (let trial = 0; trial < 60; trial++) {
      // 2–4 sites of 2–4 binary options each (at most one per site), 2–3 scenarios, one shared budget.
      const [sites, scenarios, options] = [2 + Math.floor(random() * 3), 2 + Math.floor(random() * 2), 2 + Math.floor(random() * 3)];
      const x = (s: number, o: number) => `x_${s}_${o}`;
      const all = Array.from({ length: sites }, (_, s) => Array.from({ length: options }, (_, o) => x(s, o)));
      const sum = (coefficient: () => number) => all.flat().map((name) => { const c = coefficient(); return `${c < 0 ? '-' : '+'} ${Math.abs(c)} ${name}`; }).join(' ');
      const rows = [
        // w ≤ the scenario's NPV: w − NPV ≤ 0.
        ...Array.from({ length: scenarios }, (_, k) => ` s${k}: w ${sum(() => -Math.round(random() * 20 - 5))} <= 0`),
        ...all.map((names, s) => ` own${s}: ${names.join(' + ')} <= ${(1 + random()).toFixed(2)}`),
        ` budget: ${sum(() => Math.round(random() * 10)).replace(/^\+ /, '')} <= ${Math.round(random() * 15)}`,
      ];
      const lp = ['Maximize', ' obj: w', 'Subject To', ...rows, 'Bounds', ' -inf <= w <= +inf', 'Binary', ` ${all.flat().join(' ')}`, 'End'].join('\n');
      const model = highs.createModel({ format: 'lp', data: lp });
      try {
        const relaxed = relax(model, (column) => (column === 'w' ? null : Number(column.split('_')[1])));
        if (!Number.isFinite(relaxed.lpObjective)) continue;
        const bound = siteBound(highs, { ...relaxed, mipGap: 0, timeLimitS: 10 });
        model.options.set({ mip_rel_gap: 0 });
        model.run({});
        const optimum = model.getObjectiveValue();
        solved++;
        expect(bound).not.toBeNull();
        expect(bound!).toBeGreaterThanOrEqual(optimum - 1e-6 * Math.max(1, Math.abs(optimum)));
        expect(bound!).toBeLessThanOrEqual(relaxed.lpObjective + 1e-6 * Math.max(1, Math.abs(relaxed.lpObjective)));
        if (bound! < relaxed.lpObjective - 1e-6) tighter++;
      } finally {
        model.dispose();
      }
    }
    expect(solved).toBeGreaterThan(40);
    expect(tighter).toBeGreaterThan(10);
  });
});
