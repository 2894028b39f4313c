import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/commands/apply';
import { problemsAfterEdit } from '../../shared/model/integrity';
import { deleteOptionCommand, hallFiguresFor, newRetrofitOption } from '../../shared/model/retrofit-options';
import type { Plan } from '../../shared/model/schema';
import { sampleSmall } from '../../shared/samples';

describe('new retrofit options', () => {
  it('start from the hall: keeping mines with the 8 racks it holds; a repower fills 900 kW of usable cooling with 72.9 kW racks, 12 of them', () => {
    const doc = sampleSmall();
    const hall = doc.halls[0]!;
    // Its own keep option exists already: the new one gets a free id and a name of its own.
    expect(newRetrofitOption(doc, hall, 'keep-mining')).toMatchObject({ id: 'sm-h1-option-1', name: 'Keep mining (Shelf rack, 20 × Antminer S21 XP) (copy)', modelId: 'rack-s21xp', maxUnits: 8, feedKw: 1000, pue: 1.1 });
    // Usable cooling is 3 of 4 × 300 kW (N+1) = 900 kW, under the 1,000 kW feed: 900 / 72.9 = 12.3.
    expect(newRetrofitOption(doc, hall, 'repower')).toMatchObject({ kind: 'repower', modelId: 'rack-s21xp', maxUnits: 12, leadTimePeriods: 1, capexUsd: 0 });
    expect(newRetrofitOption(doc, hall, 'retrofit-ai')).toMatchObject({ kind: 'retrofit-ai', modelId: 'nvl72-gb200', coolingMethod: 'direct-to-chip' });
    expect(newRetrofitOption(doc, hall, 'idle')).toMatchObject({ kind: 'idle', modelId: null, maxUnits: 0 });
  });

  it('say why when the catalog has nothing to fill the hall with', () => {
    const doc = sampleSmall();
    doc.models = doc.models.filter((m) => m.gpuCount === 0);
    expect(newRetrofitOption(doc, doc.halls[0]!, 'retrofit-ai')).toBe('the catalog has no GPU rack to retrofit to');
    doc.models = doc.models.filter((m) => m.hashrateThs === 0);
    expect(newRetrofitOption(doc, doc.halls[0]!, 'repower')).toBe('the catalog has no miner to repower with');
  });
});

describe('an option as the hall changes', () => {
  it('an AI retrofit made for 30 × 15 m keeps its figures as the hall grows to 60 × 30 m; the hall then gives 5,231 kW, 4,263 kW and 29 racks', () => {
    const doc = sampleSmall();
    const hall = doc.halls[0]!;
    const ai = hall.retrofitOptions.find((o) => o.kind === 'retrofit-ai')!;
    // Made from the hall as it is: nothing to offer.
    expect(hallFiguresFor(doc, hall, ai)).toBeNull();
    // 60 × 30 = 1,800 m² = 19,375.04 ft², at 5,000 ft² an AI MW: 3,875.008 kW of IT; feed × 1.35 = 5,231.26 kW,
    // cooling × 1.1 = 4,262.51 kW (rounded to whole kW), 3,875.008 / 132 kW = 29.4 GB200 racks.
    const grown = { ...hall, widthM: 60, depthM: 30 };
    expect(hallFiguresFor(doc, grown, ai)).toEqual({ feedKw: 5_231, usableCoolingKw: 4_263, maxUnits: 29 });
    // Keeping runs the hall as it stands and idling installs nothing: neither has figures to offer.
    for (const o of hall.retrofitOptions.filter((x) => x.kind !== 'retrofit-ai')) expect(hallFiguresFor(doc, grown, o)).toBeNull();
  });

  it('deleting an option a plan chose deletes the plan with it, as one edit the checks accept; with no plan it is the option alone', () => {
    const doc = sampleSmall();
    const hall = doc.halls[0]!;
    const ai = hall.retrofitOptions.find((o) => o.kind === 'retrofit-ai')!;
    const plan: Plan = { id: 'p1', name: 'Plan 1', createdAt: '2026-12-07', status: 'optimal', objective: 'expected', npvUsd: 0, irrFraction: null, paybackPeriods: null, mipGapFraction: 0, halls: [{ hallId: hall.id, optionId: ai.id, startPeriod: 0, units: 2 }], periods: [], bindingLimits: [], conflicts: [] };
    doc.plans = [plan];
    // The option alone would leave the plan naming an option the hall no longer has.
    const alone = applyCommand(doc, { type: 'update', table: 'halls', id: hall.id, patch: { retrofitOptions: hall.retrofitOptions.filter((o) => o.id !== ai.id) } }).doc;
    expect(problemsAfterEdit(doc, alone).map((p) => p.code)).not.toEqual([]);
    const command = deleteOptionCommand(doc, hall, ai.id);
    const after = applyCommand(doc, command).doc;
    expect(problemsAfterEdit(doc, after)).toEqual([]);
    expect(after.plans).toEqual([]);
    expect(after.halls[0]!.retrofitOptions.map((o) => o.id)).not.toContain(ai.id);
    expect(deleteOptionCommand({ plans: [] }, hall, ai.id)).toMatchObject({ type: 'update', table: 'halls' });
  });
});
