import { describe, expect, it } from 'vitest';
import { newRetrofitOption } from '../../shared/model/retrofit-options';
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
