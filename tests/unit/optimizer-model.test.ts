import { describe, expect, it } from 'vitest';
import { describeExclusion } from '../../shared/optimizer/describe';
import { buildModel, contractPeriodsOf, contractRow, hallOptions, modelInputsHash, v } from '../../shared/optimizer/model';
import { blankFleet, referencePortfolio, sampleSmall } from '../../shared/samples';
import { toMatrix, writeLp } from '../../shared/optimizer/lp';
import type { FleetDoc } from '../../shared/model/schema';

/** The small sample without its AI corner (two GB200 racks already placed): a hall that only mines. */
function miningOnly(doc: FleetDoc): FleetDoc {
  const gpu = new Set(doc.models.filter((m) => m.gpuCount > 0).map((m) => m.id));
  doc.placements = doc.placements.filter((p) => !gpu.has(p.modelId));
  return doc;
}

describe('optimizer model', () => {
  it('an option that does what another does for more capex is never chosen, so it gets no variables', () => {
    const doc = sampleSmall();
    const hall = doc.halls[0]!;
    const ai = hall.retrofitOptions.find((o) => o.kind === 'retrofit-ai')!;
    hall.retrofitOptions = [...hall.retrofitOptions, { ...ai, id: 'ai-dear', name: 'Same racks, dearer builder', capexUsd: ai.capexUsd + 1 }, { ...ai, id: 'ai-twin', name: 'Same racks, same price' }];
    const built = buildModel(doc, 'expected');
    const names = (id: string) => built.halls[0]!.starts.filter((o) => o.option.id === id);
    expect(names(ai.id)).toHaveLength(1);
    expect(names('ai-dear')).toHaveLength(0);
    // Equal in every way: the first listed stays, its twin goes.
    expect(names('ai-twin')).toHaveLength(0);
    const dearIndex = hall.retrofitOptions.findIndex((o) => o.id === 'ai-dear');
    expect(built.lp.binaries.has(v.start(0, dearIndex, 0))).toBe(false);
    expect(built.lp.binaries.has(v.start(0, hall.retrofitOptions.indexOf(ai), 0))).toBe(true);

    // A cheaper copy takes over from the original.
    const cheaper = sampleSmall();
    cheaper.halls[0]!.retrofitOptions = [...cheaper.halls[0]!.retrofitOptions, { ...ai, id: 'ai-cheap', capexUsd: ai.capexUsd - 1 }];
    expect(buildModel(cheaper, 'expected').halls[0]!.starts.map((o) => o.option.id)).toContain('ai-cheap');
    expect(buildModel(cheaper, 'expected').halls[0]!.starts.map((o) => o.option.id)).not.toContain(ai.id);
  });

  it('says why a dearer copy is ruled out with the capex it would waste, and tells apart options of one name', () => {
    const doc = sampleSmall();
    const hall = doc.halls[0]!;
    const ai = hall.retrofitOptions.find((o) => o.kind === 'retrofit-ai')!;
    hall.retrofitOptions = [
      ...hall.retrofitOptions,
      { ...ai, id: 'ai-dear', name: 'Same racks, dearer builder', capexUsd: ai.capexUsd + 250_000 },
      { ...ai, id: 'ai-copy', capexUsd: ai.capexUsd + 1_000 },
      { ...ai, id: 'ai-twin', name: 'Same racks, same price' },
    ];
    const excluded = (id: string) => describeExclusion(hallOptions(hall, new Map(doc.models.map((m) => [m.id, m])), doc.fleet, []).find((o) => o.option.id === id)!.excluded!, 'metric');
    expect(excluded('ai-dear')).toBe(`does what "${ai.name}" does, for $250.0 k more capex`);
    expect(excluded('ai-copy')).toBe(`does what another option named "${ai.name}" does, for $1.0 k more capex`);
    expect(excluded('ai-twin')).toBe(`does what "${ai.name}" does, at the same capex (one of the two is enough)`);
  });

  it('never proposes racks the slab cannot carry: a GB200 NVL72 puts 1,360 kg on 0.6 × (1.068 + 2 × 0.5) m = 1,096.07 kg/m²', () => {
    const doc = miningOnly(sampleSmall());
    const hall = doc.halls[0]!;
    const ai = (limit: number) => {
      hall.floorLimitKgPerM2 = limit;
      return hallOptions(hall, new Map(doc.models.map((m) => [m.id, m])), doc.fleet, []).find((o) => o.option.id === 'sm-h1-ai')!;
    };
    expect(ai(1096.1).excluded).toBeNull();
    const justOver = ai(1096).excluded!;
    expect(justOver).toMatchObject({ kind: 'floor', limitKgPerM2: 1096 });
    // Figures that round alike get a decimal, so the reason never reads "1,096 on a slab rated for 1,096".
    expect(describeExclusion(justOver, 'metric')).toBe('GB200 NVL72 rack puts 1,096.1 kg/m² on a slab rated for 1,096 kg/m²');
    // In US units: 1,096.07 kg/m² = 224.5 lb/ft², 1,000 kg/m² = 204.8 lb/ft².
    expect(describeExclusion(ai(1000).excluded!, 'us')).toBe('GB200 NVL72 rack puts 224 lb/ft² on a slab rated for 205 lb/ft²');
    expect(describeExclusion(ai(1000).excluded!, 'metric')).toBe('GB200 NVL72 rack puts 1,096 kg/m² on a slab rated for 1,000 kg/m²');
    // Ruled out, it gets no variables, and an AI contract says why it cannot be met.
    expect(() => buildModel(doc, 'expected')).toThrow('no hall has an AI option that can run by Q4 2028 (ruled out: Hall 1, "Retrofit to GB200 NVL72 rack": GB200 NVL72 rack puts 1,096 kg/m² on a slab rated for 1,000 kg/m²)');
    doc.limits.contractedAiMw = 0;
    expect(buildModel(doc, 'expected').halls[0]!.starts.map((o) => o.option.id)).toEqual(['sm-h1-idle']);
  });

  it('keeping the miners is the hall as it stands: its feed, PUE and the miners its layout holds, not the copies its option made', () => {
    const doc = miningOnly(sampleSmall());
    const hall = doc.halls[0]!;
    const keep = hall.retrofitOptions.find((o) => o.kind === 'keep-mining')!;
    const rack = doc.models.find((m) => m.id === keep.modelId)!;
    const keepOf = (d: typeof doc) => buildModel(d, 'expected').halls[0]!.keep!;
    expect(keepOf(doc).maxUnits).toBe(8);
    // Two of the eight miner racks removed from the layout: six keep mining.
    const miners = doc.placements.filter((p) => p.hallId === hall.id && p.modelId === keep.modelId);
    doc.placements = doc.placements.filter((p) => p !== miners[0] && p !== miners[1]);
    expect(keepOf(doc).maxUnits).toBe(6);
    // The feed cut to hold three racks and a half: three run, at the hall's PUE.
    hall.feedKw = 3.5 * rack.powerKw;
    hall.pue = 1.3;
    expect(keepOf(doc).maxUnits).toBe(3);
    expect(keepOf(doc).option).toMatchObject({ feedKw: 3.5 * rack.powerKw, pue: 1.3 });
    // A hall emptied of miners keeps none; one with nothing laid out yet keeps the option's count (within its feed).
    hall.feedKw = 100 * rack.powerKw;
    doc.placements = doc.placements.filter((p) => p.hallId !== hall.id || p.id === 'sm-pdu01-01');
    expect(keepOf(doc).maxUnits).toBe(0);
    doc.placements = doc.placements.filter((p) => p.hallId !== hall.id);
    expect(keepOf(doc).maxUnits).toBe(8);
  });

  it('keeping keeps every miner model the hall holds: 8 S21 XP racks and 2 S21 racks, sharing the hall\'s feed and cooling', () => {
    const doc = miningOnly(sampleSmall());
    const s21 = doc.models.find((m) => m.id === 'rack-s21')!;
    const first = doc.placements.find((p) => p.modelId === 'rack-s21xp')!;
    doc.placements.push({ ...first, id: 'extra-1', modelId: s21.id, yM: first.yM + 8, label: 'X1' }, { ...first, id: 'extra-2', modelId: s21.id, yM: first.yM + 10, label: 'X2' });
    const built = buildModel(doc, 'expected');
    const keep = built.halls[0]!.keep!;
    expect(keep.kept.map((k) => [k.model.id, k.units])).toEqual([['rack-s21xp', 8], ['rack-s21', 2]]);
    expect(keep.maxUnits).toBe(10);
    // Both run until a start, each with its own power on the site's grid, and together within the hall's 1,000 kW feed.
    const feedRow = built.lp.rows.find((r) => r.name === 'kf_0_0')!;
    expect(feedRow).toMatchObject({ sense: '<=', rhs: 1000 });
    expect(feedRow.terms).toEqual([[72.9, v.keepRun(0, 0, 0)], [s21.powerKw, v.keepRun(0, 1, 0)]]);
  });

  it('the model inputs hash changes with what the model reads (a limit, a miner removed), not with how long or how closely to search, or a plan kept', () => {
    const doc = sampleSmall();
    const key = modelInputsHash(doc);
    expect(modelInputsHash({ ...doc, limits: { ...doc.limits, mipGapFraction: 0.5, timeLimitS: 5 } })).toBe(key);
    expect(modelInputsHash({ ...doc, limits: { ...doc.limits, contractedAiMw: doc.limits.contractedAiMw + 1 } })).not.toBe(key);
    const miner = doc.placements.find((p) => p.modelId === 'rack-s21xp')!;
    expect(modelInputsHash({ ...doc, placements: doc.placements.filter((p) => p !== miner) })).not.toBe(key);
    // The same fleet with its fields listed in another order (read from a file, sent over IPC) is the same.
    const reordered = { ...doc, limits: Object.fromEntries(Object.entries(doc.limits).reverse()) as typeof doc.limits, halls: doc.halls.map((h) => Object.fromEntries(Object.entries(h).reverse()) as typeof h) };
    expect(modelInputsHash(reordered)).toBe(key);
    // A PDU moved changes no model.
    expect(modelInputsHash({ ...doc, placements: doc.placements.map((p) => (p.id === 'sm-pdu01-01' ? { ...p, xM: p.xM + 1 } : p)) })).toBe(key);
  });

  it('a hall left without options says how to give it one, rather than leave the optimizer stuck', () => {
    const doc = sampleSmall();
    doc.limits.contractedAiMw = 0;
    doc.halls[0]!.retrofitOptions = [];
    expect(() => buildModel(doc, 'expected')).toThrow('Hall "Hall 1" has no retrofit option, not even to keep mining or idle: add one under Retrofit options in its inspector');
  });

  it('keeping keeps the GPU racks a retrofit already put in the hall: they earn, and serve the AI contract', () => {
    const built = buildModel(sampleSmall(), 'expected');
    expect(built.halls[0]!.keep!.kept.map((k) => [k.model.id, k.units])).toEqual([['rack-s21xp', 8], ['nvl72-gb200', 2]]);
    const { first, last } = contractPeriodsOf(sampleSmall())!;
    // 2 × 132 kW = 0.264 MW of the contract in each of its periods, while the hall has not started another option.
    for (const period of [first, last]) {
      const contract = built.lp.rows.find((r) => r.name === contractRow(period))!;
      expect(contract.terms).toContainEqual([0.132, v.keepRun(0, 1, period)]);
    }
  });

  it('a retrofit to the model of racks already standing buys only the rest: 2 GB200 standing, at most 5 more, their 264 kW off the feed and cooling', () => {
    const built = buildModel(sampleSmall(), 'expected');
    const ai = built.halls[0]!.starts.find((o) => o.option.kind === 'retrofit-ai')!;
    // 7 racks at most; 2 × 132 kW = 264 kW already stand.
    expect([ai.maxUnits, ai.standing]).toEqual([7, 2]);
    expect(built.lp.bounds.get(v.units(0, ai.oi, 0))).toEqual([0, 5]);
    const row = (name: string) => built.lp.rows.find((r) => r.name === name)!;
    // The feed also carries the gear the hall keeps and the CDUs the new racks need: the 1.2 MW CDU
    // standing (12 kW) serves the standing pair, so the 5 new racks' 5 × 112.2 = 561 kW of liquid
    // heat take one 2.3 MW CDU of their own (25 kW; a lone CDU counts whole): 37 kW.
    expect(ai.gearKw).toBe(37);
    expect(row(`hp_0_${ai.oi}`).rhs).toBe(ai.option.feedKw - 264 - 37);
    // The plant takes what the racks do not send to CDUs, 15 % of 132 = 19.8 kW a rack, and the gear's 37 kW.
    expect(row(`hc_0_${ai.oi}`).rhs).toBeCloseTo(ai.option.usableCoolingKw - 2 * 19.8 - 37, 9);
    expect(row(`hc_0_${ai.oi}`).terms[0]![0]).toBeCloseTo(19.8, 9);
    // Running in period p: the units bought by p and the 2 standing once the option started (by p).
    const p = ai.option.leadTimePeriods;
    expect(row(`ya_0_${ai.oi}_${p}`).terms).toContainEqual([-2, v.start(0, ai.oi, 0)]);
    expect(row(`ux_0_${ai.oi}_0`).terms).toEqual([[1, v.units(0, ai.oi, 0)], [-5, v.start(0, ai.oi, 0)]]);
  });

  it('an unmeetable AI contract names only real reasons, not a dearer copy of an option that was in the search', () => {
    const doc = miningOnly(sampleSmall());
    const hall = doc.halls[0]!;
    const ai = hall.retrofitOptions.find((o) => o.kind === 'retrofit-ai')!;
    ai.leadTimePeriods = 30;
    hall.retrofitOptions.push({ ...ai, id: 'ai-dear', name: 'Same retrofit, dearer', capexUsd: ai.capexUsd + 1 });
    expect(() => buildModel(doc, 'expected')).toThrow(/no hall has an AI option that can run by Q4 2028$/);
  });

  it('builds and writes an 80-site model (125,280 variables): no array as long as the model is spread into a call', () => {
    const doc = referencePortfolio(1, 80);
    const model = buildModel(doc, 'expected');
    const program = toMatrix(model.lp);
    expect(program.columns.length).toBe(125_280);
    // Three scenarios: the objective holds every NPV term once per scenario.
    expect(model.lp.objective.length % 3).toBe(0);
    const text = writeLp(model.lp, '80 sites');
    expect(text.split('\n').every((line) => line.length < 560)).toBe(true);
    expect(text.endsWith('End\n')).toBe(true);
    // The worst case bounds its NPV column by one row per scenario, each as long as the objective.
    const worst = buildModel(doc, 'worst-case');
    expect(worst.lp.rows.find((r) => r.name === 'worst_0')!.terms.length).toBe(model.lp.objective.length / 3 + 1);
  }, 120_000);

  it('a fleet with nothing to plan says so, rather than what the contract cannot get', () => {
    expect(() => buildModel(blankFleet(), 'expected')).toThrow('The fleet has no halls to plan: add a site and its halls first');
  });
});
